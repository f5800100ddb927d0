/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A direct-mapped cache of strings last seen and their ids in a LiStrPool,
 * for the columns of an import in which a few strings come again and again
 * (event names, most property values): a hit costs a short hash and one
 * comparison instead of the pool's keyed hash and probe.  Its ids are the
 * pool's, so a row gets the same id with the cache as without.  The
 * contents are never trusted further than the bytes compared: a miss is
 * only slower. */

#include <glib.h>
#include <string.h>

#include "li-str-pool.h"

G_BEGIN_DECLS

#define LI_STR_CACHE_LEN 26  /* longer strings are not cached */

typedef struct
{
  guint32 id;
  guint16 len1;  /* length + 1; 0 = empty */
  char    bytes[LI_STR_CACHE_LEN];
} LiStrCacheEntry;

static inline guint64
_li_str_cache_word (const char *s,
                    gsize       len)
{
  guint64 a = 0, b = 0;

  if (len >= 8)
    {
      memcpy (&a, s, 8);
      memcpy (&b, s + len - 8, 8);
    }
  else if (len >= 4)
    {
      guint32 x, y;

      memcpy (&x, s, 4);
      memcpy (&y, s + len - 4, 4);
      a = x;
      b = (guint64) y << 32;
    }
  else if (len > 0)
    a = (guint64) (guchar) s[0] << 16 | (guint64) (guchar) s[len / 2] << 8 | (guchar) s[len - 1];
  return (a ^ (b * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) ^ len) *
         G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
}

/* The entry of @s in a cache of 2^@bits entries. */
static inline LiStrCacheEntry *
li_str_cache_entry (LiStrCacheEntry *cache,
                    guint            bits,
                    const char      *s,
                    gsize            len)
{
  return &cache[_li_str_cache_word (s, len) >> (64 - bits)];
}

/* Whether @e holds @s; then its id is e->id. */
static inline gboolean
li_str_cache_holds (const LiStrCacheEntry *e,
                    const char            *s,
                    gsize                  len)
{
  return e->len1 == len + 1 && li_str_equal (e->bytes, s, len);
}

/* Remembers @s (when short enough) with its pool id @id in @e. */
static inline void
li_str_cache_put (LiStrCacheEntry *e,
                  const char      *s,
                  gsize            len,
                  guint32          id)
{
  if (len > LI_STR_CACHE_LEN)
    return;
  e->id = id;
  e->len1 = (guint16) (len + 1);
  memcpy (e->bytes, s, len);
}

/* The id of @s in @pool, looked up in a cache of 2^@bits entries first. */
static inline guint32
li_str_cache_intern (LiStrCacheEntry *cache,
                     guint            bits,
                     LiStrPool       *pool,
                     const char      *s,
                     gsize            len)
{
  LiStrCacheEntry *e = li_str_cache_entry (cache, bits, s, len);
  guint32 id;

  if (li_str_cache_holds (e, s, len))
    return e->id;
  id = li_str_pool_intern (pool, s, len);
  li_str_cache_put (e, s, len, id);
  return id;
}

G_END_DECLS
