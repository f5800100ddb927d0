/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-csv-formats.c: the CSV formats of SPEC 2.1 (csv, rees46, retailrocket):
 * their columns and event names, detection from the header, and how each
 * record becomes an event. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "li-csv-formats.h"
#include "li-csv-header.h"
#include "li-time.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* How often progress is reported, in bytes of input. */
#define PROGRESS_STEP (1024 * 1024)

typedef struct
{
  const char *from;
  guint       from_len;
  const char *to;
  guint       to_len;
} LiNameMap;

#define NAME_MAP(from, to) { from, sizeof from - 1, to, sizeof to - 1 }

static const LiNameMap rees46_names[] = {
  NAME_MAP ("view", "product_view"),
  NAME_MAP ("cart", "add_to_cart"),
};

static const LiNameMap retailrocket_names[] = {
  NAME_MAP ("view", "product_view"),
  NAME_MAP ("addtocart", "add_to_cart"),
  NAME_MAP ("transaction", "purchase"),
};

/* A property taken from @column, or from @fallback when that one is empty. */
typedef struct
{
  const char *column;
  const char *fallback;
  const char *key;
} LiPropSpec;

static const LiPropSpec rees46_props[] = {
  { "product_id", NULL, "product_id" },
  { "category_code", "category_id", "category" },
  { "price", NULL, "price" },
  { "brand", NULL, "brand" },
  { "user_session", NULL, "session_id" },
};

static const LiPropSpec retailrocket_props[] = {
  { "itemid", NULL, "product_id" },
  { "transactionid", NULL, "transaction_id" },
};

/* A CSV format: its lead, time and event columns, the event names it maps,
 * and its properties (none listed: every other named column). */
typedef struct
{
  const char       *lead;
  const char       *time;
  const char       *event;
  gboolean          time_in_ms;
  const LiNameMap  *names;
  guint             n_names;
  const LiPropSpec *props;
  guint             n_props;
} LiCsvFormat;

static const LiCsvFormat csv_formats[] = {
  [LI_FORMAT_CSV] = {
    "lead_id", "timestamp", "event", FALSE,
    NULL, 0,
    NULL, 0,
  },
  [LI_FORMAT_REES46] = {
    "user_id", "event_time", "event_type", FALSE,
    rees46_names, G_N_ELEMENTS (rees46_names),
    rees46_props, G_N_ELEMENTS (rees46_props),
  },
  [LI_FORMAT_RETAILROCKET] = {
    "visitorid", "timestamp", "event", TRUE,
    retailrocket_names, G_N_ELEMENTS (retailrocket_names),
    retailrocket_props, G_N_ELEMENTS (retailrocket_props),
  },
};

/* A property of the event: the field of column @col, or of @fallback when
 * that one is empty (-1: none). */
typedef struct
{
  guint   col;
  int     fallback;
  guint16 key;
} LiPropColumn;

/* How the columns of one CSV file become events. */
typedef struct
{
  LiFormat         format;
  guint            n_columns;
  guint            lead_col;
  guint            time_col;
  guint            event_col;
  const char      *lead_name;   /* column names, for messages */
  const char      *event_name;
  gboolean         time_in_ms;
  const LiNameMap *names;
  guint            n_names;
  LiPropColumn    *props;
  guint            n_props;
} LiCsvMapping;

static gboolean
_li_csv_has_columns (const LiCsvHeader  *header,
                     const char * const *wanted)
{
  for (guint i = 0; wanted[i] != NULL; i++)
    if (_li_csv_header_find (header, wanted[i]) < 0)
      return FALSE;
  return TRUE;
}

static LiFormat
_li_csv_detect (const LiCsvHeader *header)
{
  static const char * const rees46[] = {
    "event_time", "event_type", "user_id", "product_id", NULL
  };
  static const char * const retailrocket[] = {
    "timestamp", "visitorid", "event", "itemid", NULL
  };
  static const char * const csv[] = { "lead_id", "timestamp", "event", NULL };

  if (_li_csv_has_columns (header, rees46))
    return LI_FORMAT_REES46;
  if (_li_csv_has_columns (header, retailrocket))
    return LI_FORMAT_RETAILROCKET;
  if (_li_csv_has_columns (header, csv))
    return LI_FORMAT_CSV;
  return LI_FORMAT_AUTO;
}

static void
_li_csv_mapping_clear (LiCsvMapping *mapping)
{
  g_clear_pointer (&mapping->props, g_free);
}

static gboolean
_li_csv_mapping_require (LiCsvMapping       *mapping,
                         const LiCsvHeader  *header,
                         const char         *name,
                         guint              *col,
                         const char         *file_name,
                         guint64             line,
                         GError            **error)
{
  int i = _li_csv_header_find (header, name);

  if (i < 0)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   _("%s:%" PRIu64 ": no %s column for format %s"),
                   file_name, line, name, li_format_to_string (mapping->format));
      return FALSE;
    }
  *col = (guint) i;
  return TRUE;
}

static gboolean
_li_csv_mapping_add_prop (LiCsvMapping       *mapping,
                          LiImportSink       *sink,
                          const LiCsvHeader  *header,
                          const char         *column,
                          const char         *fallback,
                          const char         *key,
                          guint64             line,
                          GError            **error)
{
  int col = _li_csv_header_find (header, column);
  int fb = fallback != NULL ? _li_csv_header_find (header, fallback) : -1;
  LiPropColumn *prop;

  if (col < 0)
    {
      if (fb < 0)
        return TRUE;
      col = fb;
      fb = -1;
    }

  prop = &mapping->props[mapping->n_props];
  prop->col = (guint) col;
  prop->fallback = fb;
  if (!li_event_store_builder_intern_key (sink->builder, key, strlen (key), &prop->key, error))
    {
      g_prefix_error (error, "%s:%" G_GUINT64_FORMAT ": ", sink->file_name, line);
      return FALSE;
    }
  mapping->n_props++;
  return TRUE;
}

static gboolean
_li_csv_mapping_init (LiCsvMapping       *mapping,
                      LiImportSink       *sink,
                      LiFormat            format,
                      const LiCsvHeader  *header,
                      guint64             line,
                      GError            **error)
{
  const LiCsvFormat *spec;
  guint n = header->n_columns;

  g_assert ((guint) format < G_N_ELEMENTS (csv_formats) && csv_formats[format].lead != NULL);
  spec = &csv_formats[format];

  memset (mapping, 0, sizeof *mapping);
  mapping->format = format;
  mapping->n_columns = n;
  mapping->lead_name = spec->lead;
  mapping->event_name = spec->event;
  mapping->time_in_ms = spec->time_in_ms;
  mapping->names = spec->names;
  mapping->n_names = spec->n_names;
  mapping->props = g_new0 (LiPropColumn, MAX (n, 1));

  if (!_li_csv_mapping_require (mapping, header, spec->lead, &mapping->lead_col,
                                sink->file_name, line, error) ||
      !_li_csv_mapping_require (mapping, header, spec->time, &mapping->time_col,
                                sink->file_name, line, error) ||
      !_li_csv_mapping_require (mapping, header, spec->event, &mapping->event_col,
                                sink->file_name, line, error))
    return FALSE;

  for (guint i = 0; i < spec->n_props; i++)
    if (!_li_csv_mapping_add_prop (mapping, sink, header, spec->props[i].column,
                                   spec->props[i].fallback, spec->props[i].key, line, error))
      return FALSE;

  if (spec->props == NULL)
    {
      /* Every other named column, in header order; of duplicates the last. */
      for (guint i = 0; i < n; i++)
        {
          const char *name = header->names[i];

          if (name[0] == '\0' || strcmp (name, spec->lead) == 0 ||
              strcmp (name, spec->time) == 0 || strcmp (name, spec->event) == 0 ||
              !_li_csv_header_is_last (header, i))
            continue;
          if (!_li_csv_mapping_add_prop (mapping, sink, header, name, NULL, name, line, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* One record: checked completely before it is added, so that a bad row
 * leaves nothing behind.  FALSE only when the import stops. */
/* The line of the reader's record in the file. */
#define _LI_ROW_LINE(sink, reader) ((sink)->line_offset + li_csv_reader_get_line (reader))

static inline gboolean
_li_csv_mapping_add_row (const LiCsvMapping  *mapping,
                         LiImportSink        *sink,
                         LiCsvReader         *reader,
                         GError             **error)
{
  guint n;
  const LiCsvField *f = li_csv_reader_get_fields (reader, &n);
  const LiCsvField *lead, *stamp, *event;
  const char *name;
  gsize name_len;
  gint64 time_ms;
  gboolean ok;

  if (G_UNLIKELY (!li_csv_reader_is_valid_utf8 (reader)))
    return _li_import_sink_bad_row (sink, _LI_ROW_LINE (sink, reader), error,
                                    N_("invalid UTF-8"));
  if (G_UNLIKELY (n != mapping->n_columns))
    return _li_import_sink_bad_row (sink, _LI_ROW_LINE (sink, reader), error,
                                    N_("expected %u fields, found %u"), mapping->n_columns, n);

  lead = &f[mapping->lead_col];
  if (G_UNLIKELY (lead->len == 0))
    return _li_import_sink_bad_row (sink, _LI_ROW_LINE (sink, reader), error,
                                    N_("empty %s"), mapping->lead_name);

  stamp = &f[mapping->time_col];
  if (mapping->time_in_ms)
    ok = li_time_parse_unix_ms (stamp->data, stamp->len, &time_ms);
  else
    ok = li_time_parse (stamp->data, stamp->len, &time_ms);
  if (G_UNLIKELY (!ok))
    {
      g_autoptr(GString) shown = NULL;

      /* The value is shown only in a reason that is kept. */
      if (_li_import_sink_count_only (sink))
        return TRUE;
      shown = g_string_new (NULL);
      _li_append_shown (shown, stamp->data, stamp->len, LI_IMPORT_MAX_SHOWN_VALUE, TRUE);
      return _li_import_sink_bad_row (sink, _LI_ROW_LINE (sink, reader), error,
                                      N_("bad timestamp %s"), shown->str);
    }

  event = &f[mapping->event_col];
  if (G_UNLIKELY (event->len == 0))
    return _li_import_sink_bad_row (sink, _LI_ROW_LINE (sink, reader), error,
                                    N_("empty %s"), mapping->event_name);

  name = event->data;
  name_len = event->len;
  for (guint i = 0; i < mapping->n_names; i++)
    if (mapping->names[i].from_len == name_len &&
        memcmp (mapping->names[i].from, name, name_len) == 0)
      {
        name = mapping->names[i].to;
        name_len = mapping->names[i].to_len;
        break;
      }

  if (G_UNLIKELY (!li_event_store_builder_add_event (sink->builder, lead->data, lead->len,
                                                     time_ms, name, name_len, error)))
    goto limit;

  for (guint i = 0; i < mapping->n_props; i++)
    {
      const LiPropColumn *prop = &mapping->props[i];
      const LiCsvField *value = &f[prop->col];

      if (value->len == 0)
        {
          if (prop->fallback < 0)
            continue;
          value = &f[prop->fallback];
          if (value->len == 0)
            continue;
        }
      if (G_UNLIKELY (!li_event_store_builder_add_prop_id (sink->builder, prop->key,
                                                           value->data, value->len, error)))
        goto limit;
    }

  return TRUE;

limit:
  g_prefix_error (error, "%s:%" G_GUINT64_FORMAT ": ",
                  sink->file_name, _LI_ROW_LINE (sink, reader));
  return FALSE;
}

/* The records of @reader until its end or until @stop bytes are consumed
 * (a record boundary).  FALSE when the import stops. */
static gboolean
_li_csv_import_records (const LiCsvMapping  *mapping,
                        LiImportSink        *sink,
                        LiImportInput       *input,
                        LiCsvReader         *reader,
                        guint64              stop,
                        GError             **error)
{
  GError *local_error = NULL;
  guint64 next_progress = PROGRESS_STEP;
  LiCsvResult r;

  while (li_csv_reader_get_bytes_consumed (reader) < stop &&
         (r = li_csv_reader_next (reader, sink->cancellable, &local_error)) == LI_CSV_RESULT_RECORD)
    {
      if (!_li_csv_mapping_add_row (mapping, sink, reader, error))
        return FALSE;
      if (G_UNLIKELY (sink->progress != NULL &&
                      li_csv_reader_get_bytes_consumed (reader) >= next_progress))
        {
          _li_import_sink_progress (sink, sink->done_files +
                                          _li_import_input_position (input, reader));
          next_progress = li_csv_reader_get_bytes_consumed (reader) + PROGRESS_STEP;
        }
    }
  if (local_error != NULL)
    return _li_import_input_reader_error (input, reader, local_error, error);
  return TRUE;
}

/* Parallel import of one CSV file: the main thread reads the records
 * before @offset, a worker those after it into a builder of its own, which
 * is appended.  The split is a guess, a line end near the middle: it holds
 * when the main thread's last record ends exactly there, for then a single
 * reader would start a record there too, as the worker did.  Otherwise (a
 * quoted line end at the split, say) the main thread goes on reading and the
 * worker's events are dropped.  The worker learns only at the end on which
 * line of the file it started, so it keeps its reasons' lines apart. */
#define LI_CSV_SPLIT_MIN (16 * 1024 * 1024)

typedef struct
{
  guint64 offset;
  guint64 file_size;  /* set when the file was read in two parts */
} LiCsvSplit;

/* The first split point at or after @mid in [0, @len) of @buf, or 0: a
 * line end after which the worker's reader starts as one that read all
 * before would (not at a blank line, a CR or a BOM). */
static gsize
_li_csv_split_at (const char *buf,
                  gsize       len,
                  gsize       mid)
{
  for (gsize i = MAX (mid, 1); i + 2 < len; i++)
    if (buf[i] == '\n' && buf[i - 1] != '\n' && buf[i + 1] != '\n' && buf[i + 1] != '\r' &&
        (guchar) buf[i + 1] != 0xef)
      return i + 1;
  return 0;
}

static gboolean
_li_csv_find_split (LiImportSink  *sink,
                    LiImportInput *input,
                    LiCsvSplit    *split)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *buf = NULL;
  const gsize chunk = 64 * 1024;
  guint64 size, done;

  if (input->gzip || input->file == NULL || g_get_num_processors () < 2 ||
      li_event_store_builder_n_events (sink->builder) > 0 || sink->reasons->len > 0 ||
      (stream = g_file_read (input->file, sink->cancellable, NULL)) == NULL ||
      (info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                              sink->cancellable, NULL)) == NULL ||
      (size = (guint64) g_file_info_get_size (info)) < LI_CSV_SPLIT_MIN)
    return FALSE;

  /* From the middle on, the first split point. */
  buf = g_malloc (chunk);
  for (done = size / 2; done < size; done += chunk - 2)
    {
      gssize n;
      gsize at;

      if (!g_seekable_seek (G_SEEKABLE (stream), (goffset) done, G_SEEK_SET, sink->cancellable, NULL) ||
          (n = g_input_stream_read (G_INPUT_STREAM (stream), buf, chunk, sink->cancellable, NULL)) < 3)
        return FALSE;
      if ((at = _li_csv_split_at (buf, (gsize) n, 0)) > 0)
        {
          split->offset = done + at;
          split->file_size = size;
          return TRUE;
        }
    }
  return FALSE;
}

/* The second part: its own reader, mapping, builder and bookkeeping. */
typedef struct
{
  LiImportSink   sink;
  LiImportInput  input;
  LiCsvMapping   mapping;
  GFile         *file;
  guint64        offset;
  guint64        consumed;
  gboolean       ok;
  GError        *error;
} LiCsvPart;

static gpointer
_li_csv_part_run (gpointer data)
{
  LiCsvPart *part = data;
  g_autoptr(GFileInputStream) stream = g_file_read (part->file, part->sink.cancellable, &part->error);
  g_autoptr(LiCsvReader) reader = NULL;

  if (stream == NULL ||
      !g_seekable_seek (G_SEEKABLE (stream), (goffset) part->offset, G_SEEK_SET,
                        part->sink.cancellable, &part->error))
    return NULL;
  reader = li_csv_reader_new (G_INPUT_STREAM (stream));
  part->ok = _li_csv_import_records (&part->mapping, &part->sink, &part->input, reader,
                                     G_MAXUINT64, &part->error);
  part->consumed = li_csv_reader_get_bytes_consumed (reader);
  return NULL;
}

/* Takes the second part's events and bookkeeping into @sink, its first
 * line being the one after @lines; FALSE (nothing taken) when a limit
 * would be passed. */
static gboolean
_li_csv_part_take (LiCsvPart    *part,
                   LiImportSink *sink,
                   guint64       lines)
{
  if (!li_event_store_builder_append (sink->builder, part->sink.builder))
    return FALSE;
  part->sink.builder = NULL;
  sink->n_skipped += part->sink.n_skipped;
  sink->n_ignored += part->sink.n_ignored;
  for (guint i = 0; i < part->sink.reasons->len && sink->reasons->len < LI_IMPORT_MAX_REASONS; i++)
    g_ptr_array_add (sink->reasons,
                     g_strdup_printf ("%s:%" G_GUINT64_FORMAT ": %s", sink->file_name,
                                      lines + g_array_index (part->sink.reason_lines, guint64, i),
                                      (const char *) g_ptr_array_index (part->sink.reasons, i)));
  return TRUE;
}

static void
_li_csv_part_clear (LiCsvPart *part)
{
  _li_csv_mapping_clear (&part->mapping);
  g_clear_pointer (&part->sink.builder, li_event_store_builder_free);
  g_clear_pointer (&part->sink.reasons, g_ptr_array_unref);
  g_clear_pointer (&part->sink.reason_lines, g_array_unref);
  g_clear_pointer (&part->sink.formats, g_ptr_array_unref);
  g_clear_error (&part->error);
}

static gboolean
_li_csv_import_split (const LiCsvMapping  *mapping,
                      LiImportSink        *sink,
                      LiImportInput       *input,
                      LiCsvReader         *reader,
                      const LiCsvHeader   *header,
                      LiCsvSplit          *split,
                      GError             **error)
{
  LiCsvPart part = { { NULL, }, };
  GThread *thread;
  gboolean ok;

  part.sink = *sink;
  part.sink.builder = li_event_store_builder_new ();
  li_event_store_builder_set_max_events (part.sink.builder,
                                         li_event_store_builder_max_events (sink->builder));
  part.sink.reasons = g_ptr_array_new_with_free_func (g_free);
  part.sink.reason_lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  part.sink.formats = g_ptr_array_new_with_free_func (g_free);
  part.sink.progress = NULL;
  part.sink.n_skipped = part.sink.n_ignored = 0;
  part.sink.line_offset = 0;
  part.input = *input;
  part.input.line_offset = 0;
  part.file = input->file;
  part.offset = split->offset;
  if (!_li_csv_mapping_init (&part.mapping, &part.sink, mapping->format, header, 1, NULL))
    {
      _li_csv_part_clear (&part);
      split->file_size = 0;
      return _li_csv_import_records (mapping, sink, input, reader, G_MAXUINT64, error);
    }

  thread = g_thread_new ("li-import", _li_csv_part_run, &part);
  ok = _li_csv_import_records (mapping, sink, input, reader, split->offset, error);
  g_thread_join (thread);

  if (ok && g_cancellable_set_error_if_cancelled (sink->cancellable, error))
    ok = FALSE;
  else if (ok && part.ok && li_csv_reader_get_bytes_consumed (reader) == split->offset &&
           _li_csv_part_take (&part, sink, li_csv_reader_get_lines_read (reader)))
    split->file_size = split->offset + part.consumed;
  else if (ok)
    {
      /* The part is read again, as one reader would. */
      split->file_size = 0;
      ok = _li_csv_import_records (mapping, sink, input, reader, G_MAXUINT64, error);
    }
  _li_csv_part_clear (&part);
  return ok;
}

gboolean
_li_import_csv_file (LiImportSink   *sink,
                     LiImportInput  *input,
                     LiFormat        format,
                     GError        **error)
{
  g_autoptr(LiCsvReader) reader = li_csv_reader_new (input->stream);
  g_auto(LiCsvHeader) header = { NULL, };
  LiCsvMapping mapping;
  LiCsvSplit split = { 0, };
  GError *local_error = NULL;
  LiCsvResult r;
  guint64 line;
  gboolean ok;

  r = li_csv_reader_next (reader, sink->cancellable, &local_error);
  if (r == LI_CSV_RESULT_ERROR)
    return _li_import_input_reader_error (input, reader, local_error, error);
  if (r == LI_CSV_RESULT_END)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   _("%s: empty file"), sink->file_name);
      return FALSE;
    }

  line = li_csv_reader_get_line (reader);
  if (!li_csv_reader_is_valid_utf8 (reader))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   _("%s:%" PRIu64 ": invalid UTF-8 in the header"),
                   sink->file_name, line);
      return FALSE;
    }

  _li_csv_header_init (&header, reader);
  if (format == LI_FORMAT_AUTO)
    format = _li_csv_detect (&header);
  if (format == LI_FORMAT_AUTO)
    {
      g_autofree char *shown = _li_csv_describe_header (reader);

      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s:%" PRIu64 ": unknown format (header: %s)"),
                   sink->file_name, line, shown);
      return FALSE;
    }
  g_ptr_array_add (sink->formats, g_strdup (li_format_to_string (format)));

  if (!_li_csv_mapping_init (&mapping, sink, format, &header, line, error))
    {
      _li_csv_mapping_clear (&mapping);
      return FALSE;
    }

  if (_li_csv_find_split (sink, input, &split))
    ok = _li_csv_import_split (&mapping, sink, input, reader, &header, &split, error);
  else
    ok = _li_csv_import_records (&mapping, sink, input, reader, G_MAXUINT64, error);
  _li_csv_mapping_clear (&mapping);
  if (!ok)
    return FALSE;

  sink->done_files += split.file_size > 0 ? split.file_size
                                          : _li_import_input_position (input, reader);
  return TRUE;
}
