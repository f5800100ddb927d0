/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "li-event-store.h"
#include "li-import.h"
#include "li-parallel.h"
#include "li-str-cache.h"

/* A column that grows by doubling while the importer appends rows. */
#define _LI_COLUMN(type, name) type *name; gsize name##_cap

/* Strings waiting to be interned in one batch (li_str_pool_intern_batch):
 * copies of their bytes back to back, and the row of the column that gets
 * each one's id.  With a cache, each interned string is remembered there
 * (the caller looks it up before it queues a string). */
typedef struct
{
  LiStrPool *pool;
  LiStrCacheEntry *cache;
  guint      cache_bits;
  char      *bytes;
  gsize      bytes_len;
  gsize      bytes_cap;
  gsize      end[LI_STR_POOL_BATCH];
  guint32    row[LI_STR_POOL_BATCH];
  gboolean   put[LI_STR_POOL_BATCH];  /* to be remembered in the cache */
  guint      n;
} LiInternQueue;

/* Event names are few and come on every row; most property values are few
 * too (products, categories, channels), so a larger cache catches them
 * while the rest (prices, say) pass through it to the pool. */
#define _LI_NAME_CACHE_BITS  6
#define _LI_VALUE_CACHE_BITS 12

/* A property key whose values hit the cache less than one time in
 * _LI_CACHE_MIN_HITS of its first _LI_CACHE_TRIES bypasses it from then
 * on: prices, say, took most of the cache's slots, so that the few values
 * of every other key were spread over more cache lines than the first
 * level holds, and looking a price up was a second-level miss that hardly
 * ever found it. */
#define _LI_CACHE_TRIES    4096
#define _LI_CACHE_MIN_HITS 4

typedef struct
{
  guint32  tries;
  guint32  hits;
  gboolean bypass;
} LiKeyCacheUse;

#define _LI_NARROW_VALUES (G_MAXUINT16 + 1)

struct _LiEventStoreBuilder
{
  LiStrPool *leads, *names, *keys, *values;
  LiInternQueue lead_queue, value_queue;
  LiStrCacheEntry name_cache[1 << _LI_NAME_CACHE_BITS];
  LiKeyCacheUse *key_cache_use;  /* per property key, n_key_cache_use */
  guint      n_key_cache_use;
  guint32    n_events;
  guint32    n_props;
  guint32    max_events;
  guint32    max_props;
  _LI_COLUMN (guint32, lead);
  /* Times are whole Unix seconds in 32 bits (time_s) until one is not,
   * then milliseconds (time_ms): exports mostly have seconds, and the
   * narrow column halves the times' memory and traffic. */
  _LI_COLUMN (guint32, time_s);
  _LI_COLUMN (gint64, time_ms);
  gboolean   wide_times;
  _LI_COLUMN (guint16, name);
  _LI_COLUMN (guint32, prop_start);
  _LI_COLUMN (guint16, prop_key);
  /* Value ids in 16 bits (prop_value16) while there are no more than
   * _LI_NARROW_VALUES, then in 32 (prop_value). */
  _LI_COLUMN (guint16, prop_value16);
  _LI_COLUMN (guint32, prop_value);
  gboolean   wide_values;
  guint64    n_skipped;
  /* The events appended last (li_event_store_builder_append), not moved:
   * their ids are already this builder's and their property offsets count
   * on from its n_props.  The finish reads them where they are; anything
   * added after them first joins them to the columns above. */
  LiEventStoreBuilder *tail;
};

/* Room for @n items in a column, which doubles as it grows but never past
 * @limit, the most it may need: near the limit it does not take twice the
 * memory the limit allows. */
#define _LI_RESERVE(col, n, limit)                                            \
  G_STMT_START {                                                              \
    if (G_UNLIKELY ((gsize) (n) > col##_cap))                                 \
      {                                                                       \
        col##_cap = MIN (MAX ((gsize) 1024, col##_cap * 2), (gsize) (limit)); \
        col##_cap = MAX (col##_cap, (gsize) (n));                             \
        col = g_realloc_n (col, col##_cap, sizeof *col);                      \
      }                                                                       \
  } G_STMT_END

static void
_li_intern_queue_init (LiInternQueue *q,
                       LiStrPool     *pool,
                       guint          cache_bits)
{
  q->pool = pool;
  q->cache_bits = cache_bits;
  if (cache_bits > 0)
    q->cache = g_new0 (LiStrCacheEntry, 1u << cache_bits);
  q->bytes_cap = 1024;
  q->bytes = g_malloc (q->bytes_cap);
}

/* Interns the queued strings, the id of the one for row q->row[i] into
 * @ids[i]; returns how many, and empties the queue (q->row stays). */
static guint
_li_intern_queue_intern (LiInternQueue *q,
                         guint32       *ids)
{
  LiStrRef strs[LI_STR_POOL_BATCH];
  guint n = q->n;
  gsize start = 0;

  for (guint i = 0; i < q->n; i++)
    {
      strs[i].data = q->bytes + start;
      strs[i].len = q->end[i] - start;
      start = q->end[i];
    }
  li_str_pool_intern_batch (q->pool, strs, q->n, ids);
  if (q->cache != NULL)
    for (guint i = 0; i < q->n; i++)
      if (q->put[i])
        li_str_cache_put (li_str_cache_entry (q->cache, q->cache_bits, strs[i].data, strs[i].len),
                        strs[i].data, strs[i].len, ids[i]);
  q->n = 0;
  q->bytes_len = 0;
  return n;
}

static void
_li_intern_queue_flush (LiInternQueue *q,
                        guint32       *column)
{
  guint32 ids[LI_STR_POOL_BATCH];
  guint n = _li_intern_queue_intern (q, ids);

  for (guint i = 0; i < n; i++)
    column[q->row[i]] = ids[i];
}

/* Queues @str for row @row; TRUE when the queue is full and must be
 * flushed. */
static inline gboolean
_li_intern_queue_push (LiInternQueue *q,
                       guint32        row,
                       const char    *str,
                       gsize          len,
                       gboolean       put)
{
  if (G_UNLIKELY (q->bytes_len + len > q->bytes_cap))
    {
      while (q->bytes_len + len > q->bytes_cap)
        q->bytes_cap *= 2;
      q->bytes = g_realloc (q->bytes, q->bytes_cap);
    }
  memcpy (q->bytes + q->bytes_len, str, len);
  q->bytes_len += len;
  q->end[q->n] = q->bytes_len;
  q->row[q->n] = row;
  q->put[q->n] = put;
  return ++q->n == LI_STR_POOL_BATCH;
}

/* The columns grow by realloc.  glibc raises its mmap threshold each time
 * a large block is freed (up to 32 MB), after which columns of that size
 * grow on the heap by copying, and the freed copies stay resident: peak
 * memory was a quarter above the columns'.  A fixed threshold keeps every
 * large column in a mapping of its own, which grows without a copy and is
 * returned when freed. */
static void
_li_fix_mmap_threshold (void)
{
#ifdef __GLIBC__
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      mallopt (M_MMAP_THRESHOLD, 128 * 1024);
      g_once_init_leave (&done, 1);
    }
#endif
}

LiEventStoreBuilder *
li_event_store_builder_new (void)
{
  LiEventStoreBuilder *b = g_new0 (LiEventStoreBuilder, 1);

  _li_fix_mmap_threshold ();

  b->leads = li_str_pool_new ();
  b->names = li_str_pool_new ();
  b->keys = li_str_pool_new ();
  b->values = li_str_pool_new ();
  /* Lead ids are many: a cache would only miss. */
  _li_intern_queue_init (&b->lead_queue, b->leads, 0);
  _li_intern_queue_init (&b->value_queue, b->values, _LI_VALUE_CACHE_BITS);
  b->max_events = LI_MAX_EVENTS;
  b->max_props = LI_MAX_PROPS;
  _LI_RESERVE (b->prop_start, 1, 1);
  b->prop_start[0] = 0;
  return b;
}

void
li_event_store_builder_set_max_events (LiEventStoreBuilder *b,
                                       guint64              max_events)
{
  b->max_events = (guint32) MIN (max_events, LI_MAX_EVENTS);
  b->max_props = (guint32) MIN ((guint64) b->max_events * LI_MAX_PROPS_PER_EVENT, LI_MAX_PROPS);
}

guint64
li_event_store_builder_max_events (const LiEventStoreBuilder *b)
{
  return b->max_events;
}

void
li_event_store_builder_free (LiEventStoreBuilder *b)
{
  if (b == NULL)
    return;
  li_str_pool_free (b->leads);
  li_str_pool_free (b->names);
  li_str_pool_free (b->keys);
  li_str_pool_free (b->values);
  g_free (b->lead_queue.bytes);
  g_free (b->value_queue.bytes);
  g_free (b->value_queue.cache);
  g_free (b->key_cache_use);
  g_free (b->lead);
  g_free (b->time_s);
  g_free (b->time_ms);
  g_free (b->name);
  g_free (b->prop_start);
  g_free (b->prop_key);
  g_free (b->prop_value16);
  g_free (b->prop_value);
  li_event_store_builder_free (b->tail);
  g_free (b);
}

/* Moves the @n items of @b's column @narrow into its column @wide, each
 * times @scale, for good (@b->@flag says it was done). */
#define _LI_WIDEN(b, flag, narrow, wide, n, scale)                            \
  G_STMT_START {                                                              \
    if ((b)->flag)                                                            \
      break;                                                                  \
    (b)->flag = TRUE;                                                         \
    (b)->wide##_cap = (b)->narrow##_cap;                                      \
    (b)->wide = g_new (__typeof__ (*(b)->wide), MAX ((b)->wide##_cap, 1));    \
    for (gsize _i = 0; _i < (n); _i++)                                        \
      (b)->wide[_i] = (__typeof__ (*(b)->wide)) (b)->narrow[_i] * (scale);    \
    g_clear_pointer (&(b)->narrow, g_free);                                   \
    (b)->narrow##_cap = 0;                                                    \
  } G_STMT_END

static void
_li_builder_widen_values (LiEventStoreBuilder *b)
{
  _LI_WIDEN (b, wide_values, prop_value16, prop_value, b->n_props, 1);
}

/* Interns the queued values into their rows; the first id that does not
 * fit 16 bits widens the column (a cached id never needs it first: it was
 * interned here). */
static void
_li_builder_flush_values (LiEventStoreBuilder *b)
{
  LiInternQueue *q = &b->value_queue;
  guint32 ids[LI_STR_POOL_BATCH];
  guint n = _li_intern_queue_intern (q, ids);

  if (li_str_pool_size (b->values) > _LI_NARROW_VALUES)
    _li_builder_widen_values (b);
  for (guint i = 0; i < n; i++)
    if (b->wide_values)
      b->prop_value[q->row[i]] = ids[i];
    else
      b->prop_value16[q->row[i]] = (guint16) ids[i];
}

/* Whether @time_ms fits the narrow time column. */
static inline gboolean
_li_time_is_narrow (gint64 time_ms)
{
  return (guint64) time_ms <= G_MAXUINT32 * G_GUINT64_CONSTANT (1000) && time_ms % 1000 == 0;
}

static void
_li_builder_widen_times (LiEventStoreBuilder *b)
{
  _LI_WIDEN (b, wide_times, time_s, time_ms, b->n_events, 1000);
}

static void _li_builder_join_tail (LiEventStoreBuilder *b);

gboolean
li_event_store_builder_add_event (LiEventStoreBuilder *b,
                                  const char          *lead,
                                  gsize                lead_len,
                                  gint64               time_ms,
                                  const char          *name,
                                  gsize                name_len,
                                  GError             **error)
{
  guint32 name_id;

  if (G_UNLIKELY (b->tail != NULL))
    _li_builder_join_tail (b);
  name_id = li_str_cache_intern (b->name_cache, _LI_NAME_CACHE_BITS, b->names, name, name_len);
  if (G_UNLIKELY (name_id >= LI_MAX_NAMES))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT,
                   _("more than %d distinct event names"), LI_MAX_NAMES);
      return FALSE;
    }
  if (G_UNLIKELY (b->n_events >= b->max_events))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT,
                   _("more than %" PRIu64 " events (use --max-events to raise the limit)"),
                   (guint64) b->max_events);
      return FALSE;
    }

  _LI_RESERVE (b->lead, b->n_events + 1, b->max_events);
  if (G_UNLIKELY (!b->wide_times && !_li_time_is_narrow (time_ms)))
    _li_builder_widen_times (b);
  if (b->wide_times)
    {
      _LI_RESERVE (b->time_ms, b->n_events + 1, b->max_events);
      b->time_ms[b->n_events] = time_ms;
    }
  else
    {
      _LI_RESERVE (b->time_s, b->n_events + 1, b->max_events);
      b->time_s[b->n_events] = (guint32) (time_ms / 1000);
    }
  _LI_RESERVE (b->name, b->n_events + 1, b->max_events);
  _LI_RESERVE (b->prop_start, b->n_events + 2, (gsize) b->max_events + 1);
  if (_li_intern_queue_push (&b->lead_queue, b->n_events, lead, lead_len, FALSE))
    _li_intern_queue_flush (&b->lead_queue, b->lead);
  b->name[b->n_events] = (guint16) name_id;
  b->n_events++;
  b->prop_start[b->n_events] = b->n_props;
  return TRUE;
}

gboolean
li_event_store_builder_intern_key (LiEventStoreBuilder *b,
                                   const char          *key,
                                   gsize                key_len,
                                   guint16             *id,
                                   GError             **error)
{
  guint32 key_id = li_str_pool_intern (b->keys, key, key_len);

  if (key_id >= LI_MAX_KEYS)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT,
                   _("more than %d distinct property names"), LI_MAX_KEYS);
      return FALSE;
    }
  *id = (guint16) key_id;
  return TRUE;
}

/* Whether @value of @key was in the value cache: then its id is in the
 * column at n_props.  Counts the key's hits until it bypasses the cache. */
static inline gboolean
_li_builder_cached_value (LiEventStoreBuilder *b,
                          guint16              key,
                          const char          *value,
                          gsize                value_len)
{
  LiInternQueue *q = &b->value_queue;
  LiKeyCacheUse *use;
  LiStrCacheEntry *e;

  if (G_UNLIKELY (key >= b->n_key_cache_use))
    {
      guint n = MAX ((guint) key + 1, b->n_key_cache_use * 2);

      b->key_cache_use = g_renew (LiKeyCacheUse, b->key_cache_use, n);
      memset (b->key_cache_use + b->n_key_cache_use, 0, (n - b->n_key_cache_use) * sizeof *use);
      b->n_key_cache_use = n;
    }
  use = &b->key_cache_use[key];
  if (use->bypass)
    return FALSE;
  e = li_str_cache_entry (q->cache, q->cache_bits, value, value_len);
  if (G_UNLIKELY (++use->tries == _LI_CACHE_TRIES))
    use->bypass = use->hits < _LI_CACHE_TRIES / _LI_CACHE_MIN_HITS;
  if (!li_str_cache_holds (e, value, value_len))
    return FALSE;
  use->hits++;
  if (b->wide_values)
    b->prop_value[b->n_props] = e->id;
  else
    b->prop_value16[b->n_props] = (guint16) e->id;
  return TRUE;
}

gboolean
li_event_store_builder_add_prop_id (LiEventStoreBuilder *b,
                                    guint16              key,
                                    const char          *value,
                                    gsize                value_len,
                                    GError             **error)
{
  g_return_val_if_fail (li_event_store_builder_n_events (b) > 0, FALSE);

  if (value_len == 0)
    return TRUE;
  if (G_UNLIKELY (b->tail != NULL))
    _li_builder_join_tail (b);
  if (G_UNLIKELY (b->n_props >= b->max_props))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT,
                   _("more than %" PRIu64 " property values (use --max-events to raise the limit)"),
                   (guint64) b->max_props);
      return FALSE;
    }
  _LI_RESERVE (b->prop_key, b->n_props + 1, b->max_props);
  if (b->wide_values)
    _LI_RESERVE (b->prop_value, b->n_props + 1, b->max_props);
  else
    _LI_RESERVE (b->prop_value16, b->n_props + 1, b->max_props);
  b->prop_key[b->n_props] = key;
  if (!_li_builder_cached_value (b, key, value, value_len) &&
      _li_intern_queue_push (&b->value_queue, b->n_props, value, value_len,
                             !b->key_cache_use[key].bypass))
    _li_builder_flush_values (b);
  b->n_props++;
  b->prop_start[b->n_events] = b->n_props;
  return TRUE;
}

gboolean
li_event_store_builder_add_prop (LiEventStoreBuilder *b,
                                 const char          *key,
                                 gsize                key_len,
                                 const char          *value,
                                 gsize                value_len,
                                 GError             **error)
{
  guint16 key_id;

  if (value_len == 0)
    return TRUE;
  if (!li_event_store_builder_intern_key (b, key, key_len, &key_id, error))
    return FALSE;
  return li_event_store_builder_add_prop_id (b, key_id, value, value_len, error);
}

guint32
li_event_store_builder_n_events (const LiEventStoreBuilder *b)
{
  return b->n_events + (b->tail != NULL ? b->tail->n_events : 0);
}

void
li_event_store_builder_set_skipped (LiEventStoreBuilder *b,
                                    guint64              n_skipped)
{
  b->n_skipped = n_skipped;
}

/* Empties the pools of @b (its strings are in another builder's by now):
 * they are freed before the columns move, which was the import's peak. */
static void
_li_builder_clear_pools (LiEventStoreBuilder *b)
{
  LiStrPool **pools[] = { &b->leads, &b->names, &b->keys, &b->values };

  for (guint k = 0; k < G_N_ELEMENTS (pools); k++)
    {
      li_str_pool_free (*pools[k]);
      *pools[k] = li_str_pool_new ();
    }
  b->lead_queue.pool = b->leads;
  b->value_queue.pool = b->values;
  if (b->value_queue.cache != NULL)
    memset (b->value_queue.cache, 0, sizeof (LiStrCacheEntry) << b->value_queue.cache_bits);
  memset (b->name_cache, 0, sizeof b->name_cache);
}

/* How many strings of @other are not in @pool. */
static guint32
_li_pool_n_new (const LiStrPool *pool,
                const LiStrPool *other)
{
  guint32 n_new = 0;

  for (guint32 id = 0; id < li_str_pool_size (other); id++)
    if (!li_str_pool_lookup (pool, li_str_pool_get (other, id), li_str_pool_len (other, id), NULL))
      n_new++;
  return n_new;
}

/* The ids in @pool of the strings of @other, interned in @other's order. */
static guint32 *
_li_pool_merge (LiStrPool       *pool,
                const LiStrPool *other)
{
  guint32 n = li_str_pool_size (other);
  guint32 *map = g_new (guint32, MAX (n, 1));

  /* In batches: the lookups of a large pool miss the cache, and a batch
   * asks for its slots ahead. */
  for (guint32 id = 0; id < n; id += LI_STR_POOL_BATCH)
    {
      LiStrRef strs[LI_STR_POOL_BATCH];
      guint k, batch = MIN (n - id, LI_STR_POOL_BATCH);

      for (k = 0; k < batch; k++)
        {
          strs[k].data = li_str_pool_get (other, id + k);
          strs[k].len = li_str_pool_len (other, id + k);
        }
      li_str_pool_intern_batch (pool, strs, batch, map + id);
    }
  return map;
}

/* The append's passes over the second part's columns, in place and on
 * every core: ids through a map into the first part's pools, offsets
 * shifted past the first part's properties. */
typedef struct
{
  gpointer       column;
  const guint32 *map;    /* ids */
  guint32        shift;  /* offsets */
} LiRemap;

#define _LI_REMAP_IDS(fn, type)                                     \
  static void                                                      \
  fn##_range (guint    slice,                                      \
              gsize    begin,                                      \
              gsize    end,                                        \
              gpointer data)                                       \
  {                                                                \
    const LiRemap *r = data;                                       \
    type *ids = r->column;                                         \
                                                                   \
    for (gsize i = begin; i < end; i++)                            \
      ids[i] = (type) r->map[ids[i]];                              \
  }                                                                \
                                                                   \
  static void                                                      \
  fn (type *ids, const guint32 *map, gsize n)                      \
  {                                                                \
    li_parallel_for (n, 65536, fn##_range, &(LiRemap) { ids, map, 0 }); \
  }

_LI_REMAP_IDS (_li_remap_ids32, guint32)
_LI_REMAP_IDS (_li_remap_ids16, guint16)

static void
_li_shift_offsets_range (guint    slice,
                         gsize    begin,
                         gsize    end,
                         gpointer data)
{
  const LiRemap *r = data;
  guint32 *offsets = r->column;

  for (gsize i = begin; i < end; i++)
    offsets[i] += r->shift;
}

/* Column @col of @tail after @b's own, @tail's freed. */
#define _LI_JOIN_COLUMN(b, tail, col, n1, n2)                                \
  G_STMT_START {                                                             \
    _LI_RESERVE ((b)->col, (gsize) (n1) + (n2), (gsize) (n1) + (n2));        \
    if ((n2) > 0)                                                            \
      memcpy ((b)->col + (n1), (tail)->col, (gsize) (n2) * sizeof *(b)->col); \
    g_clear_pointer (&(tail)->col, g_free);                                  \
  } G_STMT_END

/* Moves the tail's events into @b's columns, as one builder would have
 * them: only when more events come after it. */
static void
_li_builder_join_tail (LiEventStoreBuilder *b)
{
  LiEventStoreBuilder *tail = g_steal_pointer (&b->tail);
  guint32 n1 = b->n_events, n2 = tail->n_events;
  guint32 p1 = b->n_props, p2 = tail->n_props;

  _LI_JOIN_COLUMN (b, tail, lead, n1, n2);
  if (b->wide_times)
    _LI_JOIN_COLUMN (b, tail, time_ms, n1, n2);
  else
    _LI_JOIN_COLUMN (b, tail, time_s, n1, n2);
  _LI_JOIN_COLUMN (b, tail, name, n1, n2);
  /* The tail's offsets, shifted already, follow the head's last (p1). */
  _LI_RESERVE (b->prop_start, (gsize) n1 + n2 + 1, (gsize) n1 + n2 + 1);
  memcpy (b->prop_start + n1 + 1, tail->prop_start + 1, (gsize) n2 * sizeof *b->prop_start);
  _LI_JOIN_COLUMN (b, tail, prop_key, p1, p2);
  if (b->wide_values)
    _LI_JOIN_COLUMN (b, tail, prop_value, p1, p2);
  else
    _LI_JOIN_COLUMN (b, tail, prop_value16, p1, p2);
  b->n_events = n1 + n2;
  b->n_props = p1 + p2;
  li_event_store_builder_free (tail);
}

gboolean
li_event_store_builder_append (LiEventStoreBuilder *b,
                               LiEventStoreBuilder *other)
{
  guint32 n2, p1, p2;
  g_autofree guint32 *leads = NULL, *names = NULL, *keys = NULL, *values = NULL;

  if (b->tail != NULL)
    _li_builder_join_tail (b);
  if (other->tail != NULL)
    _li_builder_join_tail (other);
  n2 = other->n_events;
  p1 = b->n_props;
  p2 = other->n_props;
  _li_intern_queue_flush (&b->lead_queue, b->lead);
  _li_builder_flush_values (b);
  _li_intern_queue_flush (&other->lead_queue, other->lead);
  _li_builder_flush_values (other);
  if ((guint64) b->n_events + n2 > b->max_events || (guint64) p1 + p2 > b->max_props ||
      (guint64) li_str_pool_size (b->names) + _li_pool_n_new (b->names, other->names) > LI_MAX_NAMES ||
      (guint64) li_str_pool_size (b->keys) + _li_pool_n_new (b->keys, other->keys) > LI_MAX_KEYS)
    return FALSE;

  leads = _li_pool_merge (b->leads, other->leads);
  names = _li_pool_merge (b->names, other->names);
  keys = _li_pool_merge (b->keys, other->keys);
  values = _li_pool_merge (b->values, other->values);
  _li_builder_clear_pools (other);

  /* Both parts in one width, then @other's ids and offsets made @b's. */
  if (b->wide_times || other->wide_times)
    {
      _li_builder_widen_times (b);
      _li_builder_widen_times (other);
    }
  if (b->wide_values || other->wide_values || li_str_pool_size (b->values) > _LI_NARROW_VALUES)
    {
      _li_builder_widen_values (b);
      _li_builder_widen_values (other);
      _li_remap_ids32 (other->prop_value, values, p2);
    }
  else
    _li_remap_ids16 (other->prop_value16, values, p2);
  _li_remap_ids32 (other->lead, leads, n2);
  _li_remap_ids16 (other->name, names, n2);
  _li_remap_ids16 (other->prop_key, keys, p2);
  li_parallel_for ((gsize) n2 + 1, 65536, _li_shift_offsets_range,
                   &(LiRemap) { other->prop_start, NULL, p1 });

  b->tail = other;
  return TRUE;
}

/* Stable merge sort of one lead's events by time; @perm moves with @time.
 * @tmp_t and @tmp_p hold at least n / 2 + 1 items. */
static void
_li_sort_lead (gint64  *time,
               guint32 *perm,
               gsize    n,
               gint64  *tmp_t,
               guint32 *tmp_p)
{
  if (n < 24)
    {
      for (gsize i = 1; i < n; i++)
        {
          gint64 t = time[i];
          guint32 p = perm[i];
          gsize j = i;
          for (; j > 0 && time[j - 1] > t; j--)
            {
              time[j] = time[j - 1];
              perm[j] = perm[j - 1];
            }
          time[j] = t;
          perm[j] = p;
        }
      return;
    }

  gsize half = n / 2;
  _li_sort_lead (time, perm, half, tmp_t, tmp_p);
  _li_sort_lead (time + half, perm + half, n - half, tmp_t, tmp_p);
  if (time[half - 1] <= time[half])
    return;

  memcpy (tmp_t, time, half * sizeof *time);
  memcpy (tmp_p, perm, half * sizeof *perm);
  gsize i = 0, j = half, k = 0;
  while (i < half && j < n)
    {
      gboolean right = time[j] < tmp_t[i];
      time[k] = right ? time[j] : tmp_t[i];
      perm[k++] = right ? perm[j++] : tmp_p[i++];
    }
  for (; i < half; i++, k++)
    {
      time[k] = tmp_t[i];
      perm[k] = tmp_p[i];
    }
}

/* Merge sort of distinct keys; @tmp holds at least n / 2 + 1. */
static void
_li_sort_keys (guint64 *key,
               gsize    n,
               guint64 *tmp)
{
  if (n < 24)
    {
      for (gsize i = 1; i < n; i++)
        {
          guint64 k = key[i];
          gsize j = i;
          for (; j > 0 && key[j - 1] > k; j--)
            key[j] = key[j - 1];
          key[j] = k;
        }
      return;
    }

  gsize half = n / 2;
  _li_sort_keys (key, half, tmp);
  _li_sort_keys (key + half, n - half, tmp);
  if (key[half - 1] < key[half])
    return;

  memcpy (tmp, key, half * sizeof *key);
  gsize i = 0, j = half, k = 0;
  while (i < half && j < n)
    key[k++] = key[j] < tmp[i] ? key[j++] : tmp[i++];
  for (; i < half; i++)
    key[k++] = tmp[i];
}

/* The passes of li_event_store_builder_finish that move events into lead
 * order.  Each reads the old columns at random through the permutation,
 * which one core cannot do fast enough (every read is a cache miss), so
 * each runs on every core (li_parallel_for), with the reads a few events
 * ahead prefetched.  The old columns are in two parts when the builder has
 * a tail: its first n1 events (p1 properties) are the builder's own. */
typedef struct
{
  LiEventStoreBuilder *b;
  LiEventStoreBuilder *tail;       /* or @b, never read then */
  guint32              n1;
  guint32              p1;
  LiEventStore        *store;
  guint32             *perm;
  gint64              *time_ms;    /* new columns */
  guint32             *time_s;     /* narrow times, widened last */
  guint16             *name;
  guint32            **name_count;  /* per slice of the names' pass */
  guint32              n_names;
  guint32             *prop_start;
  gconstpointer        props_src;  /* the property column being moved, */
  gconstpointer        props_src2; /* in its two parts */
  gpointer             props_dst;
} LiFinish;

#define _LI_AHEAD 16

/* Where item @i of a column in two parts is, the first @n1 items at @a1
 * and the rest at @a2.  Which part an event comes from is random in lead
 * order, and a branch on it would be mispredicted half the time (the
 * compiler branches even on a select of two locals), so the address is
 * computed: a1 + i, plus for the second part the distance from a1 + n1 to
 * a2.  All of it in unsigned (wrapping) integers: a part may have no
 * column at all (NULL), and an event without properties still computes
 * where its first one would be, which it never reads. */
#define _LI_PART(a1, a2, n1, i)                                                       \
  ((__typeof__ (a1)) ((guintptr) (a1) + (guintptr) (i) * sizeof *(a1) +               \
                      (((guintptr) (a2) - (guintptr) (a1) - (guintptr) (n1) * sizeof *(a1)) & \
                       -(guintptr) ((i) >= (n1)))))

/* new[k] = old[perm[k]] for one column, the read 16 events ahead asked
 * for first. */
#define _LI_FINISH_GATHER(fn, column)                                      \
  static void                                                              \
  fn (guint    slice,                                                      \
      gsize    begin,                                                      \
      gsize    end,                                                        \
      gpointer data)                                                       \
  {                                                                        \
    const LiFinish *f = data;                                              \
    const __typeof__ (*f->column) *old1 = f->b->column, *old2 = f->tail->column; \
    __typeof__ (*f->column) *new = f->column;                              \
    const guint32 *perm = f->perm;                                         \
    guint32 n1 = f->n1;                                                    \
                                                                           \
    for (gsize k = begin; k < end; k++)                                    \
      {                                                                    \
        if (k + _LI_AHEAD < end)                                           \
          __builtin_prefetch (_LI_PART (old1, old2, n1, perm[k + _LI_AHEAD])); \
        new[k] = *_LI_PART (old1, old2, n1, perm[k]);                      \
      }                                                                    \
  }

_LI_FINISH_GATHER (_li_finish_times, time_ms)
_LI_FINISH_GATHER (_li_finish_seconds, time_s)

/* The same for names, each slice counting them too (the store's
 * name_count): it reads them anyway. */
static void
_li_finish_names (guint    slice,
                  gsize    begin,
                  gsize    end,
                  gpointer data)
{
  LiFinish *f = data;
  const guint16 *old1 = f->b->name, *old2 = f->tail->name;
  const guint32 *perm = f->perm;
  guint16 *new = f->name;
  guint32 *count = f->name_count[slice] = g_new0 (guint32, f->n_names), n1 = f->n1;

  for (gsize k = begin; k < end; k++)
    {
      if (k + _LI_AHEAD < end)
        __builtin_prefetch (_LI_PART (old1, old2, n1, perm[k + _LI_AHEAD]));
      count[new[k] = *_LI_PART (old1, old2, n1, perm[k])]++;
    }
}

/* Frees the tail's column @col, if there is a tail. */
#define _LI_FREE_TAIL(f, col)                   \
  G_STMT_START {                                \
    if ((f)->tail != (f)->b)                    \
      g_clear_pointer (&(f)->tail->col, g_free); \
  } G_STMT_END

/* Frees builder column @col in both parts. */
#define _LI_FREE_OLD(f, col)                  \
  G_STMT_START {                              \
    g_clear_pointer (&(f)->b->col, g_free);   \
    g_clear_pointer (&(f)->tail->col, g_free); \
  } G_STMT_END

/* Where the first event of [s, e) that is earlier than the one before is,
 * or @e. */
#define _LI_UNSORTED_AT(time, s, e)                               \
  ({                                                              \
    guint32 _i = (s) + 1;                                         \
    while (_i < (e) && (time)[_i - 1] <= (time)[_i])              \
      _i++;                                                       \
    _i;                                                           \
  })

/* Leads of up to this many events are sorted by rank. */
#define _LI_RANK_SORT_MAX 64

/* Stable sort of @n <= _LI_RANK_SORT_MAX times, @perm moving with them, by
 * counting for each event the events that go before it: those earlier, and
 * those as early but before it in input order.  It takes n * n compares
 * but no branch on the data, which a shuffled export would mispredict at
 * every step of an insertion or merge sort, and the counting loops run on
 * vector registers. */
#define _LI_RANK_SORT(fn, type)                            \
  static void                                              \
  fn (type    *time,                                       \
      guint32 *perm,                                       \
      guint32  n)                                          \
  {                                                        \
    type t[_LI_RANK_SORT_MAX];                             \
    guint32 p[_LI_RANK_SORT_MAX];                          \
                                                           \
    memcpy (t, time, n * sizeof *t);                       \
    memcpy (p, perm, n * sizeof *p);                       \
    for (guint32 i = 0; i < n; i++)                        \
      {                                                    \
        type ti = t[i];                                    \
        guint32 rank = 0;                                  \
                                                           \
        for (guint32 j = 0; j < i; j++)                    \
          rank += t[j] <= ti;                              \
        for (guint32 j = i + 1; j < n; j++)                \
          rank += t[j] < ti;                               \
        time[rank] = ti;                                   \
        perm[rank] = p[i];                                 \
      }                                                    \
  }

_LI_RANK_SORT (_li_rank_sort_ms, gint64)
_LI_RANK_SORT (_li_rank_sort_s, guint32)

/* Exports are mostly in time order already: only unsorted leads are sorted.
 * Times are contiguous per lead by now, so the check is a sequential read. */
static void
_li_finish_sort (guint    slice,
                 gsize    begin,
                 gsize    end,
                 gpointer data)
{
  LiFinish *f = data;
  const guint32 *lead_start = f->store->lead_start;
  g_autofree gint64 *tmp_t = NULL;
  g_autofree guint32 *tmp_p = NULL;
  gsize tmp_len = 0;

  for (gsize l = begin; l < end; l++)
    {
      guint32 s = lead_start[l], e = lead_start[l + 1];

      if (_LI_UNSORTED_AT (f->time_ms, s, e) >= e)
        continue;
      if (e - s <= _LI_RANK_SORT_MAX)
        {
          _li_rank_sort_ms (f->time_ms + s, f->perm + s, e - s);
          continue;
        }
      if (tmp_len < (e - s) / 2 + 1)
        {
          tmp_len = (e - s) / 2 + 1;
          tmp_t = g_renew (gint64, tmp_t, tmp_len);
          tmp_p = g_renew (guint32, tmp_p, tmp_len);
        }
      _li_sort_lead (f->time_ms + s, f->perm + s, e - s, tmp_t, tmp_p);
    }
}

/* The same for narrow times: each event of a lead as one key, its time
 * above its old index.  Old indices rise in input order within a lead (the
 * counting sort is stable), so sorting the keys is the stable sort by time,
 * and it moves one array instead of two. */
static void
_li_finish_sort_s (guint    slice,
                   gsize    begin,
                   gsize    end,
                   gpointer data)
{
  LiFinish *f = data;
  const guint32 *lead_start = f->store->lead_start;
  guint32 *time = f->time_s, *perm = f->perm;
  g_autofree guint64 *key = NULL;
  gsize key_len = 0;

  for (gsize l = begin; l < end; l++)
    {
      guint32 s = lead_start[l], e = lead_start[l + 1], n = e - s;

      if (_LI_UNSORTED_AT (time, s, e) >= e)
        continue;
      if (n <= _LI_RANK_SORT_MAX)
        {
          _li_rank_sort_s (time + s, perm + s, n);
          continue;
        }
      if (key_len < n + n / 2 + 1)
        {
          key_len = n + n / 2 + 1;
          key = g_renew (guint64, key, key_len);
        }
      for (guint32 i = 0; i < n; i++)
        key[i] = (guint64) time[s + i] << 32 | perm[s + i];
      _li_sort_keys (key, n, key + n);
      for (guint32 i = 0; i < n; i++)
        {
          time[s + i] = (guint32) (key[i] >> 32);
          perm[s + i] = (guint32) key[i];
        }
    }
}

/* Narrow times widened into the store's column. */
static void
_li_finish_widen_times (guint    slice,
                        gsize    begin,
                        gsize    end,
                        gpointer data)
{
  LiFinish *f = data;

  for (gsize k = begin; k < end; k++)
    f->time_ms[k] = (gint64) f->time_s[k] * 1000;
}

/* The number of properties of each event in its new place (summed into
 * offsets afterwards), and perm[k] replaced by the old offset of event k's
 * properties: the moves of the property columns then read the permutation
 * and the old column only.  A tail's offsets go on from the head's. */
static void
_li_finish_prop_counts (guint    slice,
                        gsize    begin,
                        gsize    end,
                        gpointer data)
{
  const LiFinish *f = data;
  const guint32 *old1 = f->b->prop_start, *old2 = f->tail->prop_start;
  guint32 *perm = f->perm, *count = f->prop_start + 1, n1 = f->n1;

  for (gsize k = begin; k < end; k++)
    {
      const guint32 *old_start = _LI_PART (old1, old2, n1, perm[k]);

      if (k + _LI_AHEAD < end)
        __builtin_prefetch (_LI_PART (old1, old2, n1, perm[k + _LI_AHEAD]));
      count[k] = old_start[1] - old_start[0];
      perm[k] = old_start[0];
    }
}

#define _LI_FINISH_MOVE_PROPS(fn, type)                                        \
  static void                                                                  \
  fn (guint    slice,                                                          \
      gsize    begin,                                                          \
      gsize    end,                                                            \
      gpointer data)                                                           \
  {                                                                            \
    const LiFinish *f = data;                                                  \
    const type *src1 = f->props_src, *src2 = f->props_src2;                    \
    const guint32 *perm = f->perm, *start = f->prop_start;                     \
    type *dst = f->props_dst;                                                  \
    guint32 p1 = f->p1;                                                        \
                                                                               \
    for (gsize k = begin; k < end; k++)                                        \
      {                                                                        \
        const type *from = _LI_PART (src1, src2, p1, perm[k]);                 \
                                                                               \
        if (k + _LI_AHEAD < end)                                               \
          __builtin_prefetch (_LI_PART (src1, src2, p1, perm[k + _LI_AHEAD])); \
        for (guint32 j = start[k]; j < start[k + 1]; j++)                      \
          dst[j] = *from++;                                                    \
      }                                                                        \
  }

_LI_FINISH_MOVE_PROPS (_li_finish_props32, guint32)
_LI_FINISH_MOVE_PROPS (_li_finish_props16, guint16)

/* Keys and 16-bit values in one pass: they are read at the same places. */
static void
_li_finish_props16x2 (guint    slice,
                      gsize    begin,
                      gsize    end,
                      gpointer data)
{
  const LiFinish *f = data;
  const guint16 *key1 = f->b->prop_key, *key2 = f->tail->prop_key;
  const guint16 *value1 = f->b->prop_value16, *value2 = f->tail->prop_value16;
  const guint32 *perm = f->perm, *start = f->prop_start;
  guint16 *new_key = f->store->prop_key, *new_value = f->store->prop_value16;
  guint32 p1 = f->p1;

  for (gsize k = begin; k < end; k++)
    {
      const guint16 *key = _LI_PART (key1, key2, p1, perm[k]);
      const guint16 *value = _LI_PART (value1, value2, p1, perm[k]);

      if (k + _LI_AHEAD < end)
        {
          __builtin_prefetch (_LI_PART (key1, key2, p1, perm[k + _LI_AHEAD]));
          __builtin_prefetch (_LI_PART (value1, value2, p1, perm[k + _LI_AHEAD]));
        }
      for (guint32 j = start[k]; j < start[k + 1]; j++)
        {
          new_key[j] = *key++;
          new_value[j] = *value++;
        }
    }
}

/* A new column of @size bytes in the place of *@dead, an old one no
 * longer read, which is NULL then.  Its pages are mapped already (a large
 * block grows or shrinks by mremap, without a copy), and each fresh page
 * would cost a fault: a tenth of the import's time went to them. */
static gpointer
_li_finish_reuse (gpointer *dead,
                  gsize     size)
{
  return g_realloc (g_steal_pointer (dead), MAX (size, 1));
}

/* Events a slice of a pass takes at least: below that a thread costs more
 * than it saves. */
#define _LI_FINISH_SLICE 65536

/* One property column in the new order, through @move; the old one (both
 * parts) freed. */
static gpointer
_li_finish_move_props (LiFinish       *f,
                       gpointer       *column,
                       gpointer       *column2,
                       gsize           size,
                       LiRangeFunc     move)
{
  gsize n_props = (gsize) f->p1 + (f->tail != f->b ? f->tail->n_props : 0);

  f->props_src = *column;
  f->props_src2 = *column2;
  f->props_dst = g_malloc (MAX (n_props, 1) * size);
  li_parallel_for (f->store->n_events, _LI_FINISH_SLICE, move, f);
  g_clear_pointer (column, g_free);
  g_clear_pointer (column2, g_free);
  return f->props_dst;
}

/* Properties in the new order: offsets, then keys and values.  Wide
 * values move alone, each old column freed as soon as its replacement is
 * built, so that at most one property column exists twice; keys and narrow
 * values move together, which takes a third less time for 2 bytes a
 * property more at the peak. */
static void
_li_finish_props (LiFinish *f)
{
  LiEventStoreBuilder *b = f->b, *tail = f->tail;
  guint32 n = f->store->n_events, n_props = 0;

  f->prop_start = _li_finish_reuse ((gpointer *) &b->name, ((gsize) n + 1) * sizeof (guint32));
  f->prop_start[0] = 0;
  li_parallel_for (n, _LI_FINISH_SLICE, _li_finish_prop_counts, f);
  /* The sum in a register: through memory each step would wait for the
   * store of the one before. */
  for (guint32 k = 0; k < n; k++)
    f->prop_start[k + 1] = n_props += f->prop_start[k + 1];
  _LI_FREE_OLD (f, prop_start);
  f->store->prop_start = f->prop_start;

  if (b->wide_values)
    {
      f->store->prop_value = _li_finish_move_props (f, (gpointer *) &b->prop_value,
                                                    (gpointer *) &tail->prop_value,
                                                    sizeof (guint32), _li_finish_props32);
      f->store->prop_key = _li_finish_move_props (f, (gpointer *) &b->prop_key,
                                                  (gpointer *) &tail->prop_key,
                                                  sizeof (guint16), _li_finish_props16);
      return;
    }
  f->store->prop_key = g_new (guint16, MAX ((gsize) n_props, 1));
  f->store->prop_value16 = g_new (guint16, MAX ((gsize) n_props, 1));
  li_parallel_for (n, _LI_FINISH_SLICE, _li_finish_props16x2, f);
  _LI_FREE_OLD (f, prop_key);
  _LI_FREE_OLD (f, prop_value16);
}

/* The counting sort by lead, slice by slice of the input: each slice
 * counts its events per lead, then moves them to where the slices before
 * it left off in each lead, so that input order within a lead is kept. */
typedef struct
{
  const guint32 *lead;
  const guint32 *lead2;  /* the tail's, from event n1 on */
  guint32        n1;
  guint32       *perm;
  guint32      **pos;    /* per slice: per lead, a count, then where it writes next */
  guint32        n_leads;
} LiLeadOrder;

static void
_li_lead_order_count (guint    slice,
                      gsize    begin,
                      gsize    end,
                      gpointer data)
{
  const LiLeadOrder *o = data;
  const guint32 *lead1 = o->lead, *lead2 = o->lead2;
  guint32 *count = o->pos[slice] = g_new0 (guint32, MAX (o->n_leads, 1)), n1 = o->n1;

  for (gsize i = begin; i < end; i++)
    count[*_LI_PART (lead1, lead2, n1, i)]++;
}

static void
_li_lead_order_move (guint    slice,
                     gsize    begin,
                     gsize    end,
                     gpointer data)
{
  const LiLeadOrder *o = data;
  const guint32 *lead1 = o->lead, *lead2 = o->lead2;
  guint32 *pos = o->pos[slice], *perm = o->perm, n1 = o->n1;

  for (gsize i = begin; i < end; i++)
    perm[pos[*_LI_PART (lead1, lead2, n1, i)]++] = (guint32) i;
}

/* perm: the events in lead order, input order within a lead (a counting
 * sort, stable); fills store->lead_start. */
static guint32 *
_li_finish_lead_order (LiFinish *f)
{
  LiEventStore *store = f->store;
  guint32 n = store->n_events, n_leads = store->n_leads;
  guint n_slices = li_parallel_n_slices (n, _LI_FINISH_SLICE);
  g_autofree guint32 **pos = g_new0 (guint32 *, n_slices);
  LiLeadOrder o = { f->b->lead, f->tail->lead, f->n1, g_new (guint32, MAX (n, 1)), pos, n_leads };
  guint32 at = 0;

  li_parallel_for (n, _LI_FINISH_SLICE, _li_lead_order_count, &o);
  store->lead_start = g_new (guint32, (gsize) n_leads + 1);
  for (guint32 l = 0; l < n_leads; l++)
    {
      store->lead_start[l] = at;
      for (guint k = 0; k < n_slices; k++)
        {
          guint32 count = pos[k][l];

          pos[k][l] = at;
          at += count;
        }
    }
  store->lead_start[n_leads] = at;
  li_parallel_for (n, _LI_FINISH_SLICE, _li_lead_order_move, &o);
  for (guint k = 0; k < n_slices; k++)
    g_free (pos[k]);
  return o.perm;
}

LiEventStore *
li_event_store_builder_finish (LiEventStoreBuilder *b)
{
  LiEventStore *store = g_new0 (LiEventStore, 1);
  LiFinish f = { b, b->tail != NULL ? b->tail : b, b->n_events, b->n_props, store, };
  guint32 n = li_event_store_builder_n_events (b);
  guint n_slices;

  _li_intern_queue_flush (&b->lead_queue, b->lead);
  _li_builder_flush_values (b);

  store->ref_count = 1;
  store->n_events = n;
  store->n_leads = li_str_pool_size (b->leads);
  store->n_skipped = b->n_skipped;

  /* Each new column takes the place of an old one no longer read (see
   * _li_finish_reuse), from here to the widened times. */
  f.perm = _li_finish_lead_order (&f);
  _LI_FREE_TAIL (&f, lead);

  if (b->wide_times)
    {
      f.time_ms = _li_finish_reuse ((gpointer *) &b->lead, (gsize) n * sizeof (gint64));
      li_parallel_for (n, _LI_FINISH_SLICE, _li_finish_times, &f);
      _LI_FREE_TAIL (&f, time_ms);
      li_parallel_for (store->n_leads, _LI_FINISH_SLICE / 16, _li_finish_sort, &f);
      f.name = _li_finish_reuse ((gpointer *) &b->time_ms, (gsize) n * sizeof (guint16));
    }
  else
    {
      f.time_s = _li_finish_reuse ((gpointer *) &b->lead, (gsize) n * sizeof (guint32));
      li_parallel_for (n, _LI_FINISH_SLICE, _li_finish_seconds, &f);
      _LI_FREE_TAIL (&f, time_s);
      li_parallel_for (store->n_leads, _LI_FINISH_SLICE / 16, _li_finish_sort_s, &f);
      f.name = _li_finish_reuse ((gpointer *) &b->time_s, (gsize) n * sizeof (guint16));
    }

  f.n_names = MAX (li_str_pool_size (b->names), 1);
  n_slices = li_parallel_n_slices (n, _LI_FINISH_SLICE);
  f.name_count = g_new0 (guint32 *, n_slices);
  li_parallel_for (n, _LI_FINISH_SLICE, _li_finish_names, &f);
  _LI_FREE_TAIL (&f, name);
  store->name = f.name;
  store->name_count = g_new0 (guint32, f.n_names);
  for (guint k = 0; k < n_slices; k++)
    {
      for (guint32 id = 0; id < f.n_names; id++)
        store->name_count[id] += f.name_count[k][id];
      g_free (f.name_count[k]);
    }
  g_free (f.name_count);

  _li_finish_props (&f);

  /* Last, when the old columns are gone: the wide one is the largest. */
  if (f.time_s != NULL)
    {
      f.time_ms = _li_finish_reuse ((gpointer *) &f.perm, (gsize) n * sizeof (gint64));
      li_parallel_for (n, _LI_FINISH_SLICE, _li_finish_widen_times, &f);
      g_free (f.time_s);
    }
  g_free (f.perm);
  store->time_ms = f.time_ms;

  /* Each lead's events are in time order: its first and last bound it. */
  store->min_time_ms = G_MAXINT64;
  store->max_time_ms = G_MININT64;
  for (guint32 l = 0; l < store->n_leads; l++)
    {
      store->min_time_ms = MIN (store->min_time_ms, store->time_ms[store->lead_start[l]]);
      store->max_time_ms = MAX (store->max_time_ms, store->time_ms[store->lead_start[l + 1] - 1]);
    }
  if (n == 0)
    store->min_time_ms = store->max_time_ms = 0;

  store->leads = g_steal_pointer (&b->leads);
  store->names = g_steal_pointer (&b->names);
  store->keys = g_steal_pointer (&b->keys);
  store->values = g_steal_pointer (&b->values);
  li_event_store_builder_free (b);
  return store;
}

LiEventStore *
li_event_store_ref (LiEventStore *store)
{
  g_atomic_int_inc (&store->ref_count);
  return store;
}

void
li_event_store_unref (LiEventStore *store)
{
  if (store == NULL || !g_atomic_int_dec_and_test (&store->ref_count))
    return;
  li_str_pool_free (store->leads);
  li_str_pool_free (store->names);
  li_str_pool_free (store->keys);
  li_str_pool_free (store->values);
  g_free (store->lead_start);
  g_free (store->time_ms);
  g_free (store->name);
  g_free (store->prop_start);
  g_free (store->prop_key);
  g_free (store->prop_value);
  g_free (store->prop_value16);
  g_free (store->name_count);
  g_free (store);
}

gsize
li_event_store_bytes (const LiEventStore *store)
{
  gsize n = store->n_events;
  gsize props = store->prop_start[n];

  return sizeof *store +
         ((gsize) store->n_leads + 1) * sizeof (guint32) +
         n * (sizeof (gint64) + sizeof (guint16) + sizeof (guint32)) + sizeof (guint32) +
         props * (sizeof (guint16) + (store->prop_value16 != NULL ? sizeof (guint16) : sizeof (guint32))) +
         li_str_pool_bytes (store->leads) + li_str_pool_bytes (store->names) +
         li_str_pool_bytes (store->keys) + li_str_pool_bytes (store->values);
}

