/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-event-store.h"
#include "li-import.h"

G_BEGIN_DECLS

/* How much of a field or a header an error message shows, in bytes. */
#define LI_IMPORT_MAX_SHOWN_VALUE  64
#define LI_IMPORT_MAX_SHOWN_HEADER 200

/* What every format feeds: the builder and the bookkeeping of the import. */
typedef struct
{
  LiEventStoreBuilder *builder;
  gboolean             skip_bad_rows;
  guint64              n_skipped;
  guint64              n_ignored;   /* valid records no event is made of */
  GPtrArray           *reasons;
  GPtrArray           *formats;
  GCancellable        *cancellable;
  LiProgressFunc       progress;
  gpointer             progress_data;
  guint64              total;       /* sum of the file sizes, 0 if unknown */
  guint64              done_files;  /* bytes of the files already read */
  const char          *file_name;   /* of the current file, for messages */
  guint64              line_offset; /* lines of the file before the reader's start */
  GArray              *reason_lines; /* when set, a reason is kept without its
                                        "FILE:LINE: " and its line (guint64,
                                        without line_offset) here */
} LiImportSink;

/* Appends @data as one line of valid UTF-8, cut after @max bytes; when
 * @quoted, in double quotes with quotes and backslashes escaped. */
void _li_append_shown (GString    *out,
                       const char *data,
                       gsize       len,
                       gsize       max,
                       gboolean    quoted);
/* With skip_bad_rows, once LI_IMPORT_MAX_REASONS are kept, a bad row is only
 * counted: then this counts it and returns TRUE, and the caller need not
 * describe it.  Thousands of bad rows cost no more than good ones. */
static inline gboolean
_li_import_sink_count_only (LiImportSink *sink)
{
  if (!sink->skip_bad_rows || sink->reasons->len < LI_IMPORT_MAX_REASONS)
    return FALSE;
  sink->n_skipped++;
  return TRUE;
}

/* A bad row at @line: with skip_bad_rows it is counted (and the first few
 * described) and TRUE returned; otherwise @error is set and FALSE returned.
 * @format is untranslated (marked with N_()): it is translated and formatted
 * only for a reason that is kept. */
gboolean _li_import_sink_bad_row (LiImportSink  *sink,
                                  guint64        line,
                                  GError       **error,
                                  const char    *format,
                                  ...) G_GNUC_PRINTF (4, 5);
void _li_import_sink_progress (LiImportSink *sink,
                               guint64       done);

G_END_DECLS
