/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-import.c: event files into the engine's store (SPEC 2).
 *
 * An import is a sink (li-import-sink.c: the store builder, bad-row
 * accounting, progress) fed by one reader per file.  A file is opened as an
 * input (li-import-input.c: gzip detected), sniffed, and handed to the reader
 * of its kind: the CSV reader with a per-format column mapping
 * (li-csv-formats.c), or the JSON-lines reader (li-json-lines.c) with the
 * ga4 or segment format (li-json-event.c). */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "li-import.h"
#include "li-csv-formats.h"
#include "li-csv-mapping-private.h"
#include "li-import-input.h"
#include "li-import-source-private.h"
#include "li-json-event.h"
#include "li-import-sink.h"

#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (li-import-error-quark, li_import_error)

static const char * const format_names[] = {
  [LI_FORMAT_AUTO] = "auto",
  [LI_FORMAT_CSV] = "csv",
  [LI_FORMAT_REES46] = "rees46",
  [LI_FORMAT_RETAILROCKET] = "retailrocket",
  [LI_FORMAT_GA4] = "ga4",
  [LI_FORMAT_SEGMENT] = "segment",
};

static guint64
_li_import_total_size (GFile * const *files,
                       guint          n_files,
                       GCancellable  *cancellable)
{
  guint64 total = 0;

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFileInfo) info = NULL;

      if (files[i] == NULL)
        continue;  /* a URL: its size comes with the answer */
      info = g_file_query_info (files[i],
                                G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        return 0;
      total += (guint64) g_file_info_get_size (info);
    }
  return total;
}

/* @file, or else the URL @source. */
static gboolean
_li_import_event_file (LiImportSink    *sink,
                       GFile           *file,
                       const char      *source,
                       LiFormat         format,
                       const LiCsvMap  *map,
                       GError         **error)
{
  LiImportInput input = { NULL, };
  g_autoptr(GFile) opened = NULL;
  gboolean json = FALSE;
  gboolean ok;
  guint64 size = 0;
  GError *local_error = NULL;

  if (file != NULL ? !_li_import_input_open (&input, file, sink->file_name, sink->cancellable, error)
                   : !_li_import_input_open_source (&input, source, sink->file_name, &opened, &size,
                                                    sink->cancellable, error))
    {
      _li_import_input_clear (&input);
      return FALSE;
    }
  /* A URL's size is known once it answers; one of unknown size makes the
   * total unknown. */
  if (file == NULL)
    sink->total = size > 0 && (sink->total > 0 || sink->done_files == 0) ? sink->total + size : 0;

  if (map != NULL)
    {
      ok = _li_import_mapped_csv_file (sink, &input, map, error);
      _li_import_input_clear (&input);
      return ok;
    }

  if (format == LI_FORMAT_AUTO &&
      !_li_import_input_sniff_json (&input, &json, sink->cancellable, &local_error))
    {
      /* The first bytes are decompressed to sniff: gzip errors on line 1. */
      _li_import_input_read_error (&input, 1, local_error, error);
      _li_import_input_clear (&input);
      return FALSE;
    }

  if (json || format == LI_FORMAT_GA4 || format == LI_FORMAT_SEGMENT)
    ok = _li_import_json_file (sink, &input, format, error);
  else
    ok = _li_import_csv_file (sink, &input, format, error);

  _li_import_input_clear (&input);
  return ok;
}

static GStrv
_li_ptr_array_to_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (GStrv) g_ptr_array_free (array, FALSE);
}

/* @files[i] NULL: @sources[i] is a URL. */
static LiEventStore *
_li_import_events_named (GFile * const         *files,
                         const char * const    *sources,
                         const char * const    *file_names,
                         guint                  n_files,
                         const LiImportOptions *options,
                         LiImportReport        *report,
                         LiProgressFunc         progress,
                         gpointer               progress_data,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_autoptr(LiEventStoreBuilder) builder = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(GPtrArray) formats = NULL;
  LiFormat format = options != NULL ? options->format : LI_FORMAT_AUTO;
  const LiCsvMap *map = options != NULL ? options->map : NULL;
  LiImportSink sink = { NULL, };

  if ((guint) format >= G_N_ELEMENTS (format_names))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   _("unknown format %u"), (guint) format);
      return NULL;
    }
  /* A mapping reads CSV: another format forced with it is a contradiction. */
  if (map != NULL && format != LI_FORMAT_AUTO && format != LI_FORMAT_CSV)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_MAPPING,
                   _("a column mapping reads CSV files, not %s"), li_format_to_string (format));
      return NULL;
    }

  builder = li_event_store_builder_new ();
  li_event_store_builder_set_max_events (builder,
                                         options != NULL && options->max_events > 0
                                           ? options->max_events
                                           : li_import_default_max_events ());
  reasons = g_ptr_array_new_with_free_func (g_free);
  formats = g_ptr_array_new_with_free_func (g_free);

  sink.builder = builder;
  sink.skip_bad_rows = options != NULL && options->skip_bad_rows;
  sink.reasons = reasons;
  sink.formats = formats;
  sink.cancellable = cancellable;
  sink.progress = progress;
  sink.progress_data = progress_data;
  sink.total = progress != NULL ? _li_import_total_size (files, n_files, cancellable) : 0;

  _li_import_sink_progress (&sink, 0);
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (file_names != NULL)
        sink.file_name = file_names[i];
      else
        sink.file_name = name = _li_file_display_name (files[i]);

      if (!_li_import_event_file (&sink, files[i], sources != NULL ? sources[i] : NULL, format,
                                  map, error))
        return NULL;
      _li_import_sink_progress (&sink, sink.done_files);
    }

  li_event_store_builder_set_skipped (builder, sink.n_skipped);

  /* The report is an out parameter: written on success only. */
  if (report != NULL)
    {
      report->n_skipped = sink.n_skipped;
      report->n_ignored = sink.n_ignored;
      report->skipped_reasons = _li_ptr_array_to_strv (g_steal_pointer (&reasons));
      report->formats = _li_ptr_array_to_strv (g_steal_pointer (&formats));
      report->bytes_read = sink.done_files;
    }

  return li_event_store_builder_finish (g_steal_pointer (&builder));
}

guint64
li_import_default_max_events (void)
{
  long pages = sysconf (_SC_PHYS_PAGES);
  long page_size = sysconf (_SC_PAGESIZE);
  guint64 memory;

  if (pages <= 0 || page_size <= 0)
    return LI_MAX_EVENTS;
  memory = (guint64) pages * (guint64) page_size;
  return CLAMP (memory / LI_IMPORT_BYTES_PER_EVENT, 1, LI_MAX_EVENTS);
}

void
li_import_report_clear (LiImportReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->skipped_reasons, g_strfreev);
  g_clear_pointer (&report->formats, g_strfreev);
  report->n_skipped = 0;
  report->n_ignored = 0;
  report->bytes_read = 0;
}

const char *
li_format_to_string (LiFormat format)
{
  if ((guint) format < G_N_ELEMENTS (format_names))
    return format_names[format];
  return NULL;
}

gboolean
li_format_from_string (const char *str,
                       LiFormat   *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (str, format_names[i]) == 0)
      {
        *format = (LiFormat) i;
        return TRUE;
      }
  return FALSE;
}

LiEventStore *
li_import_events (GFile * const         *files,
                  guint                  n_files,
                  const LiImportOptions *options,
                  LiImportReport        *report,
                  LiProgressFunc         progress,
                  gpointer               progress_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _li_import_events_named (files, NULL, NULL, n_files, options, report,
                                  progress, progress_data, cancellable, error);
}

static void
_li_object_unref0 (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

LiEventStore *
li_import_event_paths (const char * const    *paths,
                       const LiImportOptions *options,
                       LiImportReport        *report,
                       LiProgressFunc         progress,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (_li_object_unref0);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n;

  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A URL is opened by the registered opener (li-import-source.h) and named
   * without credentials. */
  n = g_strv_length ((GStrv) paths);
  for (guint i = 0; i < n; i++)
    {
      gboolean url = li_import_source_is_url (paths[i]);

      g_ptr_array_add (files, url ? NULL : g_file_new_for_path (paths[i]));
      g_ptr_array_add (names, li_import_source_display_name (paths[i]));
    }

  return _li_import_events_named ((GFile * const *) files->pdata, paths,
                                  (const char * const *) names->pdata, n, options, report,
                                  progress, progress_data, cancellable, error);
}
