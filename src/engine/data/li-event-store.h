/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "li-str-pool.h"

G_BEGIN_DECLS

#define LI_MAX_NAMES 65535
#define LI_MAX_KEYS  65535
/* The columns index events and property values in 32 bits. */
#define LI_MAX_EVENTS (G_MAXUINT32 - 1)
#define LI_MAX_PROPS  (G_MAXUINT32 - 1)
/* A builder limited to N events takes at most this many property values per
 * event on average, so that its memory is bounded by N. */
#define LI_MAX_PROPS_PER_EVENT 2

/* Columnar, immutable store of imported events, grouped by lead and in stable
 * time order within each lead.  The fields are read-only for everyone but the
 * builder; they are public so that the replay loop can walk the columns
 * directly.
 *
 * Events of lead l are [lead_start[l], lead_start[l + 1]).  The properties of
 * event i are the pairs (prop_key[j], li_event_store_prop_value (store, j))
 * for j in [prop_start[i], prop_start[i + 1]); an empty field is never
 * stored. */
typedef struct _LiEventStore
{
  gint       ref_count;

  LiStrPool *leads;       /* lead id strings; lead index = pool id */
  LiStrPool *names;       /* event names */
  LiStrPool *keys;        /* property keys */
  LiStrPool *values;      /* property values */

  guint32    n_events;
  guint32    n_leads;
  guint32   *lead_start;  /* n_leads + 1 */
  gint64    *time_ms;     /* n_events, Unix time in milliseconds */
  guint16   *name;        /* n_events, ids in names */
  guint32   *prop_start;  /* n_events + 1 */
  guint16   *prop_key;    /* ids in keys */
  guint32   *prop_value;  /* ids in values, or NULL: */
  guint16   *prop_value16; /* the same in 16 bits while there are no more
                              than 65536 values (most exports) */

  gint64     min_time_ms;
  gint64     max_time_ms;
  guint32   *name_count;  /* events per event name */
  guint64    n_skipped;   /* bad rows skipped on import */
} LiEventStore;

/* The value id of property @j. */
static inline guint32
li_event_store_prop_value (const LiEventStore *store,
                           guint32             j)
{
  return store->prop_value16 != NULL ? store->prop_value16[j] : store->prop_value[j];
}

LiEventStore *li_event_store_ref        (LiEventStore *store);
void          li_event_store_unref      (LiEventStore *store);
gsize         li_event_store_bytes      (const LiEventStore *store);
/* Property value of event @i for key @key, or FALSE: inline, for the
 * patterns read it of every product view. */
static inline gboolean
li_event_store_get_prop (const LiEventStore *store,
                         guint32             i,
                         guint32             key,
                         guint32            *value)
{
  for (guint32 j = store->prop_start[i]; j < store->prop_start[i + 1]; j++)
    if (store->prop_key[j] == key)
      {
        *value = li_event_store_prop_value (store, j);
        return TRUE;
      }
  return FALSE;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiEventStore, li_event_store_unref)

/* Collects events in input order, then sorts them into a store.  Importers of
 * every format feed one of these: they check a row completely before calling
 * add_event, so a bad row never leaves half an event behind. */
typedef struct _LiEventStoreBuilder LiEventStoreBuilder;

LiEventStoreBuilder *li_event_store_builder_new      (void);
void                 li_event_store_builder_free     (LiEventStoreBuilder *builder);
/* Refuses events past @max_events (and property values past
 * LI_MAX_PROPS_PER_EVENT times as many), and grows its columns no further
 * than those need: memory stays bounded on any input.  By default the limits
 * are LI_MAX_EVENTS and LI_MAX_PROPS. */
void                 li_event_store_builder_set_max_events (LiEventStoreBuilder *builder,
                                                            guint64              max_events);
/* Starts an event; properties follow with add_prop.  Returns FALSE (and sets
 * @error, LI_IMPORT_ERROR_LIMIT) when a limit is hit: too many events, event
 * names or property keys. */
gboolean             li_event_store_builder_add_event (LiEventStoreBuilder *builder,
                                                       const char          *lead,
                                                       gsize                lead_len,
                                                       gint64               time_ms,
                                                       const char          *name,
                                                       gsize                name_len,
                                                       GError             **error);
/* Adds a property to the event last added; empty values are ignored.  FALSE
 * (and @error set) when a limit is hit. */
gboolean             li_event_store_builder_add_prop (LiEventStoreBuilder *builder,
                                                      const char          *key,
                                                      gsize                key_len,
                                                      const char          *value,
                                                      gsize                value_len,
                                                      GError             **error);
/* Same, with a key id from li_event_store_builder_intern_key (fast path). */
gboolean             li_event_store_builder_add_prop_id (LiEventStoreBuilder *builder,
                                                         guint16              key,
                                                         const char          *value,
                                                         gsize                value_len,
                                                         GError             **error);
gboolean             li_event_store_builder_intern_key  (LiEventStoreBuilder *builder,
                                                         const char          *key,
                                                         gsize                key_len,
                                                         guint16             *id,
                                                         GError             **error);
guint32              li_event_store_builder_n_events (const LiEventStoreBuilder *builder);
void                 li_event_store_builder_set_skipped (LiEventStoreBuilder *builder,
                                                         guint64              n_skipped);
/* Appends the events of @other (a builder of the same limits, fed the
 * rows that follow @builder's) as if they had been added to @builder, and
 * takes @other over: its columns stay where they are until the finish.
 * FALSE, and nothing changed (@other still the caller's), when that would
 * pass a limit: then the rows are to be added again one by one, to fail
 * where they do. */
gboolean             li_event_store_builder_append   (LiEventStoreBuilder *builder,
                                                      LiEventStoreBuilder *other);
guint64              li_event_store_builder_max_events (const LiEventStoreBuilder *builder);
/* Consumes the builder. */
LiEventStore        *li_event_store_builder_finish   (LiEventStoreBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiEventStoreBuilder, li_event_store_builder_free)

G_END_DECLS
