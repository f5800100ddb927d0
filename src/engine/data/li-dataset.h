/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-event-store.h"
#include "li-import.h"
#include "li-lead-table.h"

G_BEGIN_DECLS

#define LI_TYPE_DATASET (li_dataset_get_type ())
G_DECLARE_FINAL_TYPE (LiDataset, li_dataset, LI, DATASET, GObject)

/* What one load read: the events of some exports, in the order given,
 * and/or a leads file, with the paths they came from and the import report
 * (formats, skipped rows).  Immutable, so threads may share it. */

/* At most this often li_dataset_load_async reports progress. */
#define LI_DATASET_PROGRESS_USEC (50 * 1000)

/* Reads @event_paths (NULL or empty: no events) into one store, then
 * @leads_path (may be NULL); at least one of them is needed.  Each is a
 * path or, once a front registered an opener, a URL (li-import-source.h).
 * Messages name the files as given, URLs without credentials, and the
 * dataset keeps them so (li_dataset_get_event_paths).  On error nothing is returned, nothing half read.
 * @progress is called from this thread, for the events. */
LiDataset            *li_dataset_load            (const char * const    *event_paths,
                                                  const char            *leads_path,
                                                  const LiImportOptions *options,
                                                  LiProgressFunc         progress,
                                                  gpointer               progress_data,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
/* li_dataset_load in a worker thread.  @progress runs on the caller's
 * thread-default main context, at most every LI_DATASET_PROGRESS_USEC and
 * never after @callback; @progress_data must stay valid until @callback. */
void                  li_dataset_load_async      (const char * const    *event_paths,
                                                  const char            *leads_path,
                                                  const LiImportOptions *options,
                                                  LiProgressFunc         progress,
                                                  gpointer               progress_data,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
LiDataset            *li_dataset_load_finish     (GAsyncResult          *result,
                                                  GError               **error);

/* @update's events, or @base's when @update has none; the same for the
 * leads.  A leads file loaded alone keeps the events in use. */
LiDataset            *li_dataset_merge           (LiDataset             *base,
                                                  LiDataset             *update);

/* NULL when the load had no event files. */
LiEventStore         *li_dataset_get_store       (LiDataset             *self);
/* NULL when the load had no leads file. */
LiLeadTable          *li_dataset_get_leads       (LiDataset             *self);
/* The event files of the store, in order (NULL without a store). */
const char * const   *li_dataset_get_event_paths (LiDataset             *self);
const char           *li_dataset_get_leads_path  (LiDataset             *self);
/* Formats and skipped rows of the event files (zero without a store). */
const LiImportReport *li_dataset_get_report      (LiDataset             *self);

G_END_DECLS
