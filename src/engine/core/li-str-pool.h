/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

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

/* The most strings li_str_pool_intern_batch takes at once. */
#define LI_STR_POOL_BATCH 64

LiStrPool  *li_str_pool_new    (void);
void        li_str_pool_free   (LiStrPool  *pool);
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
