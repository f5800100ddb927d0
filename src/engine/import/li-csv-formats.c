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
    return _li_import_sink_bad_row (sink, li_csv_reader_get_line (reader), error,
                                    N_("invalid UTF-8"));
  if (G_UNLIKELY (n != mapping->n_columns))
    return _li_import_sink_bad_row (sink, li_csv_reader_get_line (reader), error,
                                    N_("expected %u fields, found %u"), mapping->n_columns, n);

  lead = &f[mapping->lead_col];
  if (G_UNLIKELY (lead->len == 0))
    return _li_import_sink_bad_row (sink, li_csv_reader_get_line (reader), error,
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
      return _li_import_sink_bad_row (sink, li_csv_reader_get_line (reader), error,
                                      N_("bad timestamp %s"), shown->str);
    }

  event = &f[mapping->event_col];
  if (G_UNLIKELY (event->len == 0))
    return _li_import_sink_bad_row (sink, li_csv_reader_get_line (reader), error,
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
                  sink->file_name, li_csv_reader_get_line (reader));
  return FALSE;
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
  GError *local_error = NULL;
  LiCsvResult r;
  guint64 line, next_progress = PROGRESS_STEP;
  gboolean ok = TRUE;

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

  while ((r = li_csv_reader_next (reader, sink->cancellable, &local_error)) == LI_CSV_RESULT_RECORD)
    {
      if (!_li_csv_mapping_add_row (&mapping, sink, reader, error))
        {
          ok = FALSE;
          break;
        }
      if (G_UNLIKELY (li_csv_reader_get_bytes_consumed (reader) >= next_progress))
        {
          _li_import_sink_progress (sink, sink->done_files +
                                          _li_import_input_position (input, reader));
          next_progress = li_csv_reader_get_bytes_consumed (reader) + PROGRESS_STEP;
        }
    }
  _li_csv_mapping_clear (&mapping);

  if (!ok)
    return FALSE;
  if (r == LI_CSV_RESULT_ERROR)
    return _li_import_input_reader_error (input, reader, local_error, error);

  sink->done_files += _li_import_input_position (input, reader);
  return TRUE;
}
