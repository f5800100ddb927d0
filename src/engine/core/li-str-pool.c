/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "li-str-pool.h"

/* Strings live back to back (NUL-terminated) in one growing buffer; an open
 * addressing table of ids finds them.  Ids are dense, so columns can store
 * them in 16 or 32 bits.  A slot holds the hash beside the id, so a probe
 * reads one cache line before it compares a string. */
struct _LiStrPool
{
  char    *buf;
  gsize    buf_len;
  gsize    buf_cap;
  gsize   *offsets;  /* n + 1 */
  guint32  n;
  guint32  cap;      /* of offsets */
  guint64 *slots;    /* hash << 32 | (id + 1); 0 = empty */
  guint32  mask;
};

#define _LI_SLOT_ID(slot)   ((guint32) ((slot) & 0xffffffffu) - 1)
#define _LI_SLOT_HASH(slot) ((guint32) ((slot) >> 32))

static inline guint32
_li_hash (const char *s,
          gsize       len)
{
  guint64 h = 0x9E3779B97F4A7C15ull ^ len;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;
      memcpy (&w, s + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
  if (i < len)
    {
      guint64 w = 0;
      memcpy (&w, s + i, len - i);
      h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
    }
  h ^= h >> 29;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 32;
  return (guint32) h;
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
  pool->slots = g_new0 (guint64, pool->mask + 1);
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
                      guint32          id,
                      const char      *str,
                      gsize            len)
{
  gsize off = pool->offsets[id];

  return pool->offsets[id + 1] - off - 1 == len && memcmp (pool->buf + off, str, len) == 0;
}

static void
_li_str_pool_grow_table (LiStrPool *pool)
{
  guint32 mask = pool->mask * 2 + 1;
  guint64 *slots = g_new0 (guint64, (gsize) mask + 1);

  for (guint32 old = 0; old <= pool->mask; old++)
    {
      guint32 pos;
      if (pool->slots[old] == 0)
        continue;
      pos = _LI_SLOT_HASH (pool->slots[old]) & mask;
      while (slots[pos] != 0)
        pos = (pos + 1) & mask;
      slots[pos] = pool->slots[old];
    }
  g_free (pool->slots);
  pool->slots = slots;
  pool->mask = mask;
}

gboolean
li_str_pool_lookup (const LiStrPool *pool,
                    const char      *str,
                    gsize            len,
                    guint32         *id)
{
  guint32 h = _li_hash (str, len);

  for (guint32 pos = h & pool->mask; pool->slots[pos] != 0; pos = (pos + 1) & pool->mask)
    {
      guint64 slot = pool->slots[pos];
      if (_LI_SLOT_HASH (slot) == h && _li_str_pool_matches (pool, _LI_SLOT_ID (slot), str, len))
        {
          if (id != NULL)
            *id = _LI_SLOT_ID (slot);
          return TRUE;
        }
    }
  return FALSE;
}

guint32
li_str_pool_intern (LiStrPool  *pool,
                    const char *str,
                    gsize       len)
{
  guint32 h = _li_hash (str, len);
  guint32 pos;
  guint32 id;

  for (pos = h & pool->mask; pool->slots[pos] != 0; pos = (pos + 1) & pool->mask)
    {
      guint64 slot = pool->slots[pos];
      if (_LI_SLOT_HASH (slot) == h && _li_str_pool_matches (pool, _LI_SLOT_ID (slot), str, len))
        return _LI_SLOT_ID (slot);
    }

  id = pool->n;
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
  memcpy (pool->buf + pool->buf_len, str, len);
  pool->buf[pool->buf_len + len] = '\0';
  pool->buf_len += len + 1;
  pool->offsets[id + 1] = pool->buf_len;
  pool->slots[pos] = (guint64) h << 32 | (id + 1);
  pool->n++;

  /* Keep the table at most half full. */
  if ((gsize) pool->n * 2 > pool->mask)
    _li_str_pool_grow_table (pool);
  return id;
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
         ((gsize) pool->mask + 1) * sizeof (guint64);
}
