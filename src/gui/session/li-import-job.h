/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-import.h"

G_BEGIN_DECLS

/* What one import produced: events and/or a leads file, never half of it. */
typedef struct
{
  LiEventStore  *store;        /* NULL when no event files were given */
  LiLeadTable   *leads;        /* NULL when no leads file was given */
  LiImportReport report;
  GStrv          event_paths;  /* the files of @store, in import order */
  char          *leads_path;
  gint64         elapsed_usec;
} LiImportData;

void li_import_data_free (LiImportData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiImportData, li_import_data_free)

/* Called on the thread-default main context of the caller, at most every
 * LI_IMPORT_PROGRESS_USEC.  @total is 0 when the size is unknown (gzip). */
typedef void (*LiImportProgressCb) (guint64  done,
                                    guint64  total,
                                    gpointer user_data);

#define LI_IMPORT_PROGRESS_USEC (50 * 1000)

/* Runs li_import_events / li_import_leads in a worker thread.  @progress_data
 * must stay valid until @callback runs (use @source_object for it). */
void          li_import_job_run_async (GObject            *source_object,
                                       GFile * const      *event_files,
                                       guint               n_event_files,
                                       GFile              *leads_file,
                                       GCancellable       *cancellable,
                                       LiImportProgressCb  progress,
                                       gpointer            progress_data,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
LiImportData *li_import_job_finish    (GAsyncResult       *result,
                                       GError            **error);

G_END_DECLS
