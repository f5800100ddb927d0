/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/mman.h>

#include "li-str-pool.h"

/* Strings live back to back (NUL-terminated) in one growing buffer; an open
 * addressing table of 16-byte slots finds them.  Ids are dense, so columns
 * can store them in 16 or 32 bits.  A slot holds the hash, the id and where
 * the string is (offset and length), so a probe reads one slot and then the
 * string: two dependent loads, not three.  Lead ids arrive in random order
 * and every lookup misses the cache, so li_str_pool_intern_batch hashes a
 * batch first and prefetches its slots and strings before it compares. */
typedef struct
{
  guint32 hash;
  guint32 id1;      /* id + 1; 0 = empty */
  guint64 off_len;  /* offset << 16 | MIN (length, _LI_LONG) */
} LiStrSlot;

#define _LI_LONG 0xffffu

/* A table of @mask + 1 slots holds at most half as many strings. */
#define _LI_TOO_FULL(n, mask) ((gsize) (n) * 2 > (gsize) (mask))

struct _LiStrPool
{
  char      *buf;
  gsize      buf_len;
  gsize      buf_cap;
  gsize     *offsets;  /* n + 1 */
  guint32    n;
  guint32    cap;      /* of offsets */
  LiStrSlot *slots;
  guint32    mask;
  guint64    key[2];   /* of the hash, the process's */
};

/* The hash is keyed with a random value per process: lead ids come from
 * files anyone can write, and with a fixed hash ids that all fall into one
 * probe chain are cheap to make (hash flooding), which turns interning
 * quadratic.  Ids do not depend on the key: they are given in input order. */
static const guint64 *
_li_str_pool_key (void)
{
  static guint64 key[2];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (key); i++)
        key[i] = (guint64) g_random_int () << 32 | g_random_int ();
      g_once_init_leave (&initialized, 1);
    }
  return key;
}

/* The full 128-bit product of @a and @b, low half in @a, high half in @b. */
static inline void
_li_mum (guint64 *a,
         guint64 *b)
{
#ifdef __SIZEOF_INT128__
  unsigned __int128 r = (unsigned __int128) *a * *b;

  *a = (guint64) r;
  *b = (guint64) (r >> 64);
#else
  guint64 al = *a & 0xffffffffu, ah = *a >> 32, bl = *b & 0xffffffffu, bh = *b >> 32;
  guint64 ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
  guint64 mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);

  *a = (mid << 32) | (ll & 0xffffffffu);
  *b = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
#endif
}

static inline guint64
_li_mix (guint64 a,
         guint64 b)
{
  _li_mum (&a, &b);
  return a ^ b;
}

static inline guint64
_li_read64 (const char *p)
{
  guint64 v;

  memcpy (&v, p, 8);
  return v;
}

static inline guint64
_li_read32 (const char *p)
{
  guint32 v;

  memcpy (&v, p, 4);
  return v;
}

/* A keyed hash in the manner of wyhash: the string is read as (at most
 * overlapping) words that each meet the key in a full 64 × 64-bit multiply
 * whose halves are folded together.  Most strings here are short (lead ids,
 * event names, values): up to 16 bytes they take two multiplies. */
static inline guint32
_li_hash (const LiStrPool *pool,
          const char      *s,
          gsize            len)
{
  guint64 seed = pool->key[0];
  guint64 a, b;

  if (G_LIKELY (len <= 16))
    {
      if (len >= 4)
        {
          gsize mid = (len >> 3) << 2;  /* 0 below 8 bytes, else 4 */

          a = _li_read32 (s) << 32 | _li_read32 (s + mid);
          b = _li_read32 (s + len - 4) << 32 | _li_read32 (s + len - 4 - mid);
        }
      else if (len > 0)
        {
          a = (guint64) (guchar) s[0] << 16 | (guint64) (guchar) s[len >> 1] << 8 |
              (guchar) s[len - 1];
          b = 0;
        }
      else
        a = b = 0;
    }
  else
    {
      const char *p = s;
      gsize rest = len;

      for (; rest > 16; p += 16, rest -= 16)
        seed = _li_mix (_li_read64 (p) ^ pool->key[1], _li_read64 (p + 8) ^ seed);
      a = _li_read64 (s + len - 16);
      b = _li_read64 (s + len - 8);
    }

  a ^= pool->key[1];
  b ^= seed;
  _li_mum (&a, &b);
  return (guint32) _li_mix (a ^ pool->key[0] ^ len, b ^ pool->key[1]);
}

LiStrPool *
li_str_pool_new (void)
{
  LiStrPool *pool = g_new0 (LiStrPool, 1);

  pool->buf_cap = 4096;
  pool->buf = g_malloc (pool->buf_cap);
  pool->cap = 64;
  pool->offsets = g_new (gsize, pool->cap + 1);
  pool->offsets[0] = 0;
  pool->mask = 127;
  pool->slots = g_new0 (LiStrSlot, pool->mask + 1);
  memcpy (pool->key, _li_str_pool_key (), sizeof pool->key);
  return pool;
}

void
li_str_pool_free (LiStrPool *pool)
{
  if (pool == NULL)
    return;
  g_free (pool->buf);
  g_free (pool->offsets);
  g_free (pool->slots);
  g_free (pool);
}

static inline gboolean
_li_str_pool_matches (const LiStrPool *pool,
                      const LiStrSlot *slot,
                      guint32          h,
                      const char      *str,
                      gsize            len)
{
  gsize slot_len;

  if (slot->hash != h)
    return FALSE;
  slot_len = slot->off_len & _LI_LONG;
  if (G_UNLIKELY (slot_len == _LI_LONG))
    {
      guint32 id = slot->id1 - 1;

      slot_len = pool->offsets[id + 1] - pool->offsets[id] - 1;
    }
  return slot_len == len && li_str_equal (pool->buf + (slot->off_len >> 16), str, len);
}

/* A table larger than the caches is probed at random, so each probe also
 * missed the TLB: in 2 MB pages the import of 100 M events spent a fifth
 * less time interning lead ids.  Only the whole 2 MB pages inside the
 * block are asked for; a kernel without THP ignores the advice. */
static void
_li_advise_huge_pages (gpointer block,
                       gsize    size)
{
#ifdef MADV_HUGEPAGE
  const guintptr huge = 2 << 20;
  guintptr lo = ((guintptr) block + huge - 1) & ~(huge - 1);
  guintptr hi = ((guintptr) block + size) & ~(huge - 1);

  if (size >= 8 * huge && hi > lo)
    madvise ((void *) lo, hi - lo, MADV_HUGEPAGE);
#endif
}

/* The table grown to @mask + 1 slots (a power of two, larger). */
static void
_li_str_pool_resize_table (LiStrPool *pool,
                           guint32    mask)
{
  gsize size = ((gsize) mask + 1) * sizeof (LiStrSlot);
  LiStrSlot *slots = g_malloc (size);

  _li_advise_huge_pages (slots, size);

  /* Not g_new0: calloc leaves a fresh mapping untouched, its pages are
   * first read (the probe) and mapped to the zero page, and the first write
   * to each then costs a copy-on-write fault and, with the import's second
   * thread running, a TLB shootdown on every core (7 % of an import).
   * Writing the zeros maps each page once. */
  memset (slots, 0, size);

  for (guint32 old = 0; old <= pool->mask; old++)
    {
      guint32 pos;
      if (pool->slots[old].id1 == 0)
        continue;
      pos = pool->slots[old].hash & mask;
      while (slots[pos].id1 != 0)
        pos = (pos + 1) & mask;
      slots[pos] = pool->slots[old];
    }
  g_free (pool->slots);
  pool->slots = slots;
  pool->mask = mask;
}

static void
_li_str_pool_grow_table (LiStrPool *pool)
{
  _li_str_pool_resize_table (pool, pool->mask * 2 + 1);
}

void
li_str_pool_reserve (LiStrPool *pool,
                     guint32    n_strings,
                     gsize      n_bytes)
{
  guint32 mask = pool->mask;

  g_return_if_fail (pool != NULL);

  n_strings = MIN (n_strings, G_MAXUINT32 / 4);
  while (_LI_TOO_FULL (n_strings, mask))
    mask = mask * 2 + 1;
  if (mask != pool->mask)
    _li_str_pool_resize_table (pool, mask);
  if (n_strings > pool->cap)
    {
      pool->cap = n_strings;
      pool->offsets = g_renew (gsize, pool->offsets, (gsize) pool->cap + 1);
    }
  if (n_bytes > pool->buf_cap)
    {
      pool->buf_cap = n_bytes;
      pool->buf = g_realloc (pool->buf, pool->buf_cap);
    }
}

gboolean
li_str_pool_lookup (const LiStrPool *pool,
                    const char      *str,
                    gsize            len,
                    guint32         *id)
{
  guint32 h = _li_hash (pool, str, len);

  for (guint32 pos = h & pool->mask; pool->slots[pos].id1 != 0; pos = (pos + 1) & pool->mask)
    {
      const LiStrSlot *slot = &pool->slots[pos];
      if (_li_str_pool_matches (pool, slot, h, str, len))
        {
          if (id != NULL)
            *id = slot->id1 - 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* Appends @str as string @pool->n into slot @pos. */
static guint32
_li_str_pool_add (LiStrPool  *pool,
                  guint32     pos,
                  guint32     h,
                  const char *str,
                  gsize       len)
{
  guint32 id = pool->n;
  LiStrSlot *slot = &pool->slots[pos];

  g_assert (id < G_MAXUINT32 - 1);
  if (id == pool->cap)
    {
      pool->cap *= 2;
      pool->offsets = g_renew (gsize, pool->offsets, (gsize) pool->cap + 1);
    }
  if (pool->buf_len + len + 1 > pool->buf_cap)
    {
      while (pool->buf_len + len + 1 > pool->buf_cap)
        pool->buf_cap *= 2;
      pool->buf = g_realloc (pool->buf, pool->buf_cap);
    }
  slot->hash = h;
  slot->id1 = id + 1;
  slot->off_len = (guint64) pool->buf_len << 16 | MIN (len, _LI_LONG);
  memcpy (pool->buf + pool->buf_len, str, len);
  pool->buf[pool->buf_len + len] = '\0';
  pool->buf_len += len + 1;
  pool->offsets[id + 1] = pool->buf_len;
  pool->n++;

  if (_LI_TOO_FULL (pool->n, pool->mask))
    _li_str_pool_grow_table (pool);
  return id;
}

static inline guint32
_li_str_pool_intern_hashed (LiStrPool  *pool,
                            guint32     h,
                            const char *str,
                            gsize       len)
{
  guint32 pos;

  for (pos = h & pool->mask; pool->slots[pos].id1 != 0; pos = (pos + 1) & pool->mask)
    {
      const LiStrSlot *slot = &pool->slots[pos];
      if (_li_str_pool_matches (pool, slot, h, str, len))
        return slot->id1 - 1;
    }
  return _li_str_pool_add (pool, pos, h, str, len);
}

guint32
li_str_pool_intern (LiStrPool  *pool,
                    const char *str,
                    gsize       len)
{
  return _li_str_pool_intern_hashed (pool, _li_hash (pool, str, len), str, len);
}

#ifdef __GNUC__
#define _LI_PREFETCH(p) __builtin_prefetch (p)
#else
#define _LI_PREFETCH(p) ((void) (p))
#endif

void
li_str_pool_intern_batch (LiStrPool      *pool,
                          const LiStrRef *strs,
                          guint           n,
                          guint32        *ids)
{
  guint32 h[LI_STR_POOL_BATCH];

  g_return_if_fail (n <= LI_STR_POOL_BATCH);

  /* Each step touches memory the step before asked for: the slots, then
   * the strings of the slots whose hash matches. */
  for (guint i = 0; i < n; i++)
    {
      h[i] = _li_hash (pool, strs[i].data, strs[i].len);
      _LI_PREFETCH (&pool->slots[h[i] & pool->mask]);
    }
  for (guint i = 0; i < n; i++)
    {
      const LiStrSlot *slot = &pool->slots[h[i] & pool->mask];
      if (slot->hash == h[i] && slot->id1 != 0)
        _LI_PREFETCH (pool->buf + (slot->off_len >> 16));
    }
  for (guint i = 0; i < n; i++)
    ids[i] = _li_str_pool_intern_hashed (pool, h[i], strs[i].data, strs[i].len);
}

const char *
li_str_pool_get (const LiStrPool *pool,
                 guint32          id)
{
  g_return_val_if_fail (id < pool->n, NULL);
  return pool->buf + pool->offsets[id];
}

gsize
li_str_pool_len (const LiStrPool *pool,
                 guint32          id)
{
  g_return_val_if_fail (id < pool->n, 0);
  return pool->offsets[id + 1] - pool->offsets[id] - 1;
}

guint32
li_str_pool_size (const LiStrPool *pool)
{
  return pool->n;
}

gsize
li_str_pool_bytes (const LiStrPool *pool)
{
  return sizeof *pool + pool->buf_cap + ((gsize) pool->cap + 1) * sizeof (gsize) +
         ((gsize) pool->mask + 1) * sizeof (LiStrSlot);
}
