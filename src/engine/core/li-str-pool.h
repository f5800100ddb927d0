/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Interns strings to dense integer ids (0, 1, 2 …) so the event store can keep
 * lead ids, event names and property values as integers. */
typedef struct _LiStrPool LiStrPool;

/* A string to intern in a batch. */
typedef struct
{
  const char *data;
  gsize       len;
} LiStrRef;

/* Whether @a and @b, both @len bytes, are equal.  Most strings here are
 * short (lead ids, names, values), and a call of memcmp cost more than the
 * comparison: from 4 to 16 bytes two overlapping loads from each side
 * decide, never past either end. */
static inline gboolean
li_str_equal (const char *a,
              const char *b,
              gsize       len)
{
  if (len >= 8 && len <= 16)
    {
      guint64 x[4];

      memcpy (&x[0], a, 8);
      memcpy (&x[1], b, 8);
      memcpy (&x[2], a + len - 8, 8);
      memcpy (&x[3], b + len - 8, 8);
      return ((x[0] ^ x[1]) | (x[2] ^ x[3])) == 0;
    }
  if (len >= 4 && len < 8)
    {
      guint32 x[4];

      memcpy (&x[0], a, 4);
      memcpy (&x[1], b, 4);
      memcpy (&x[2], a + len - 4, 4);
      memcpy (&x[3], b + len - 4, 4);
      return ((x[0] ^ x[1]) | (x[2] ^ x[3])) == 0;
    }
  return memcmp (a, b, len) == 0;
}

/* The most strings li_str_pool_intern_batch takes at once. */
#define LI_STR_POOL_BATCH 128

LiStrPool  *li_str_pool_new    (void);
void        li_str_pool_free   (LiStrPool  *pool);
/* Room for @n_strings strings of @n_bytes in all (their NULs included)
 * without growing: for a caller that knows about how many will come. */
void        li_str_pool_reserve (LiStrPool *pool,
                                 guint32    n_strings,
                                 gsize      n_bytes);
guint32     li_str_pool_intern (LiStrPool  *pool,
                                const char *str,
                                gsize       len);
/* Interns @n (at most LI_STR_POOL_BATCH) strings into @ids, the same ids as
 * li_str_pool_intern on each in turn, faster when they miss the cache. */
void        li_str_pool_intern_batch (LiStrPool      *pool,
                                      const LiStrRef *strs,
                                      guint           n,
                                      guint32        *ids);
gboolean    li_str_pool_lookup (const LiStrPool *pool,
                                const char      *str,
                                gsize            len,
                                guint32         *id);
const char *li_str_pool_get    (const LiStrPool *pool,
                                guint32          id);
gsize       li_str_pool_len    (const LiStrPool *pool,
                                guint32          id);
guint32     li_str_pool_size   (const LiStrPool *pool);
gsize       li_str_pool_bytes  (const LiStrPool *pool);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiStrPool, li_str_pool_free)

G_END_DECLS
