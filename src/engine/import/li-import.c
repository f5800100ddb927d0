/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-import.c: event and lead files into the engine's stores (SPEC 2).
 *
 * An import is a sink (the store builder, bad-row accounting, progress) fed
 * by one reader per file.  A file is opened as an input (gzip detected by
 * name or magic), sniffed, and handed to the reader of its kind: the CSV
 * reader with a per-format column mapping (csv, rees46, retailrocket), or,
 * later, a JSON-lines reader (ga4, segment). */

#include "config.h"

#include <string.h>

#include "li-import.h"
#include "li-csv-reader.h"
#include "li-time.h"

/* How often progress is reported, in bytes of input. */
#define PROGRESS_STEP (1024 * 1024)
/* How much of a field or a header an error message shows, in bytes. */
#define MAX_SHOWN_VALUE  64
#define MAX_SHOWN_HEADER 200

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

/* What every format feeds: the builder and the bookkeeping of the import. */
typedef struct
{
  LiEventStoreBuilder *builder;
  gboolean             skip_bad_rows;
  guint                n_skipped;
  GPtrArray           *reasons;
  GPtrArray           *formats;
  GCancellable        *cancellable;
  LiProgressFunc       progress;
  gpointer             progress_data;
  guint64              total;       /* sum of the file sizes, 0 if unknown */
  guint64              done_files;  /* bytes of the files already read */
  const char          *file_name;   /* of the current file, for messages */
} LiImportSink;

/* An open file: what the readers parse (decompressed, buffered) and the file
 * stream below, whose position tells how much of the file was read. */
typedef struct
{
  GFileInputStream *file_stream;
  GInputStream     *stream;
  gboolean          gzip;
} LiImportInput;

/* A gzip decompressor that reads every member of a multi-member file (as
 * `cat a.gz b.gz` makes), not only the first as GZlibDecompressor does. */
#define LI_TYPE_GZIP_CONVERTER (_li_gzip_converter_get_type ())
G_DECLARE_FINAL_TYPE (LiGzipConverter, _li_gzip_converter, LI, GZIP_CONVERTER, GObject)

struct _LiGzipConverter
{
  GObject     parent_instance;
  GConverter *inner;
  gboolean    between_members;
};

static void _li_gzip_converter_iface_init (GConverterIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiGzipConverter, _li_gzip_converter, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_CONVERTER,
                                                      _li_gzip_converter_iface_init))

G_DEFINE_QUARK (li-import-error-quark, li_import_error)

static const char * const format_names[] = {
  [LI_FORMAT_AUTO] = "auto",
  [LI_FORMAT_CSV] = "csv",
  [LI_FORMAT_REES46] = "rees46",
  [LI_FORMAT_RETAILROCKET] = "retailrocket",
  [LI_FORMAT_GA4] = "ga4",
  [LI_FORMAT_SEGMENT] = "segment",
};

/* Multi-member gzip ------------------------------------------------------ */

static GConverterResult
_li_gzip_converter_convert (GConverter       *converter,
                            const void       *inbuf,
                            gsize             inbuf_size,
                            void             *outbuf,
                            gsize             outbuf_size,
                            GConverterFlags   flags,
                            gsize            *bytes_read,
                            gsize            *bytes_written,
                            GError          **error)
{
  LiGzipConverter *self = LI_GZIP_CONVERTER (converter);
  GConverterResult res;

  if (self->between_members)
    {
      if (inbuf_size == 0)
        {
          *bytes_read = 0;
          *bytes_written = 0;
          if (flags & G_CONVERTER_INPUT_AT_END)
            return G_CONVERTER_FINISHED;
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, "Need more input");
          return G_CONVERTER_ERROR;
        }
      self->between_members = FALSE;
    }

  res = g_converter_convert (self->inner, inbuf, inbuf_size, outbuf, outbuf_size, flags,
                             bytes_read, bytes_written, error);
  if (res == G_CONVERTER_FINISHED &&
      (*bytes_read < inbuf_size || !(flags & G_CONVERTER_INPUT_AT_END)))
    {
      /* The end of a member: another one may follow. */
      g_converter_reset (self->inner);
      self->between_members = TRUE;
      return G_CONVERTER_CONVERTED;
    }
  return res;
}

static void
_li_gzip_converter_reset (GConverter *converter)
{
  LiGzipConverter *self = LI_GZIP_CONVERTER (converter);

  g_converter_reset (self->inner);
  self->between_members = FALSE;
}

static void
_li_gzip_converter_iface_init (GConverterIface *iface)
{
  iface->convert = _li_gzip_converter_convert;
  iface->reset = _li_gzip_converter_reset;
}

static void
_li_gzip_converter_dispose (GObject *object)
{
  LiGzipConverter *self = LI_GZIP_CONVERTER (object);

  g_clear_object (&self->inner);

  G_OBJECT_CLASS (_li_gzip_converter_parent_class)->dispose (object);
}

static void
_li_gzip_converter_class_init (LiGzipConverterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = _li_gzip_converter_dispose;
}

static void
_li_gzip_converter_init (LiGzipConverter *self)
{
  self->inner = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
}

/* Helpers ---------------------------------------------------------------- */

static char *
_li_file_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return g_strdup (path);
  return g_file_get_parse_name (file);
}

/* Appends @data as one line of valid UTF-8, cut after @max bytes; when
 * @quoted, in double quotes with quotes and backslashes escaped. */
static void
_li_append_shown (GString    *out,
                  const char *data,
                  gsize       len,
                  gsize       max,
                  gboolean    quoted)
{
  g_autofree char *valid = NULL;
  gsize shown = len;

  if (!g_utf8_validate_len (data, len, NULL))
    {
      valid = g_utf8_make_valid (data, (gssize) len);
      data = valid;
      len = shown = strlen (valid);
    }
  if (shown > max)
    {
      shown = max;
      while (shown > 0 && ((guchar) data[shown] & 0xc0) == 0x80)
        shown--;
    }

  if (quoted)
    g_string_append_c (out, '"');
  for (gsize i = 0; i < shown; i++)
    {
      guchar c = (guchar) data[i];

      if (quoted && (c == '"' || c == '\\'))
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char) c);
    }
  if (shown < len)
    g_string_append (out, "…");
  if (quoted)
    g_string_append_c (out, '"');
}

/* The reason of a GIO error without the file name that GIO puts in front. */
static const char *
_li_io_reason (const GError *error,
               GFile        *file)
{
  const char *msg = error->message;
  g_autofree char *base = file != NULL ? g_file_get_basename (file) : NULL;
  const char *p;

  if (base == NULL || (p = strstr (msg, base)) == NULL)
    return msg;
  p += strlen (base);
  p = strstr (p, ": ");
  if (p == NULL || p[2] == '\0')
    return msg;
  return p + 2;
}

/* Sets @error for an I/O problem with @name; cancellation stays itself. */
static gboolean
_li_import_io_error (const char  *name,
                     GFile       *file,
                     GError      *local_error,
                     GError     **error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO,
                 "%s: unexpected end of compressed data", name);
  else
    g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO,
                 "%s: %s", name, _li_io_reason (local_error, file));
  g_error_free (local_error);
  return FALSE;
}

/* Reads until @want bytes are buffered or the data ends. */
static gboolean
_li_buffered_fill (GBufferedInputStream  *stream,
                   gsize                  want,
                   GCancellable          *cancellable,
                   GError               **error)
{
  while (g_buffered_input_stream_get_available (stream) < want)
    {
      gsize missing = want - g_buffered_input_stream_get_available (stream);
      gssize n = g_buffered_input_stream_fill (stream, (gssize) missing, cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
    }
  return TRUE;
}

static void
_li_import_input_clear (LiImportInput *input)
{
  g_clear_object (&input->stream);
  g_clear_object (&input->file_stream);
}

static gboolean
_li_import_input_open (LiImportInput  *input,
                       GFile          *file,
                       const char     *name,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GInputStream) buffered = NULL;
  g_autofree char *base = g_file_get_basename (file);
  GError *local_error = NULL;
  const guchar *head;
  gsize avail;

  input->file_stream = g_file_read (file, cancellable, &local_error);
  if (input->file_stream == NULL)
    return _li_import_io_error (name, file, local_error, error);

  buffered = g_buffered_input_stream_new (G_INPUT_STREAM (input->file_stream));
  if (!_li_buffered_fill (G_BUFFERED_INPUT_STREAM (buffered), 2, cancellable, &local_error))
    return _li_import_io_error (name, file, local_error, error);
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &avail);
  if (avail == 0)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT, "%s: empty file", name);
      return FALSE;
    }

  input->gzip = (base != NULL && g_str_has_suffix (base, ".gz")) ||
                (avail >= 2 && head[0] == 0x1f && head[1] == 0x8b);
  if (input->gzip)
    {
      g_autoptr(LiGzipConverter) decompressor = g_object_new (LI_TYPE_GZIP_CONVERTER, NULL);
      g_autoptr(GInputStream) converter = NULL;

      converter = g_converter_input_stream_new (buffered, G_CONVERTER (decompressor));
      input->stream = g_buffered_input_stream_new (converter);
    }
  else
    input->stream = g_steal_pointer (&buffered);

  return TRUE;
}

/* Whether the data looks like JSON lines: the first non-blank byte is '{'. */
static gboolean
_li_import_input_sniff_json (LiImportInput  *input,
                             gboolean       *json,
                             GCancellable   *cancellable,
                             GError        **error)
{
  GBufferedInputStream *stream = G_BUFFERED_INPUT_STREAM (input->stream);
  const char *head;
  gsize avail, i = 0;

  if (!_li_buffered_fill (stream, 256, cancellable, error))
    return FALSE;
  head = g_buffered_input_stream_peek_buffer (stream, &avail);
  if (avail >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < avail && g_ascii_isspace (head[i]))
    i++;
  *json = i < avail && head[i] == '{';
  return TRUE;
}

/* Bytes of the current file read so far. */
static guint64
_li_import_input_position (LiImportInput *input,
                           LiCsvReader   *reader)
{
  goffset pos;

  if (!input->gzip)
    return li_csv_reader_get_bytes_consumed (reader);
  pos = g_seekable_tell (G_SEEKABLE (input->file_stream));
  return pos > 0 ? (guint64) pos : 0;
}

/* The sink ---------------------------------------------------------------- */

/* A bad row: with skip_bad_rows it is counted (and the first few described)
 * and TRUE returned; otherwise @error is set and FALSE returned. */
G_GNUC_PRINTF (4, 5)
static gboolean
_li_import_sink_bad_row (LiImportSink  *sink,
                         guint64        line,
                         GError       **error,
                         const char    *format,
                         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (!sink->skip_bad_rows)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW,
                   "%s:%" G_GUINT64_FORMAT ": %s", sink->file_name, line, reason);
      return FALSE;
    }

  sink->n_skipped++;
  if (sink->reasons->len < LI_IMPORT_MAX_REASONS)
    g_ptr_array_add (sink->reasons,
                     g_strdup_printf ("%s:%" G_GUINT64_FORMAT ": %s",
                                      sink->file_name, line, reason));
  return TRUE;
}

static void
_li_import_sink_progress (LiImportSink *sink,
                          guint64       done)
{
  if (sink->progress != NULL)
    sink->progress (done, sink->total, sink->progress_data);
}

/* A reader error as an import error: where and why. */
static gboolean
_li_import_sink_reader_error (LiImportSink  *sink,
                              LiCsvReader   *reader,
                              GFile         *file,
                              GError        *local_error,
                              GError       **error)
{
  if (local_error->domain == LI_CSV_ERROR)
    {
      g_set_error (error, LI_IMPORT_ERROR,
                   local_error->code == LI_CSV_ERROR_TOO_LONG ? LI_IMPORT_ERROR_LIMIT
                                                             : LI_IMPORT_ERROR_BAD_ROW,
                   "%s:%" G_GUINT64_FORMAT ": %s",
                   sink->file_name, li_csv_reader_get_line (reader), local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return _li_import_io_error (sink->file_name, file, local_error, error);
}

/* CSV formats ------------------------------------------------------------- */

/* The header names, without surrounding blanks. */
static GStrv
_li_csv_header_names (LiCsvReader *reader)
{
  guint n;
  const LiCsvField *fields = li_csv_reader_get_fields (reader, &n);
  GStrv names = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    names[i] = g_strstrip (g_strndup (fields[i].data, fields[i].len));
  return names;
}

/* The last column called @name, or -1 (a later duplicate wins). */
static int
_li_csv_find_column (const char * const *names,
                     const char         *name)
{
  int found = -1;

  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      found = i;
  return found;
}

static gboolean
_li_csv_has_columns (const char * const *names,
                     const char * const *wanted)
{
  for (guint i = 0; wanted[i] != NULL; i++)
    if (_li_csv_find_column (names, wanted[i]) < 0)
      return FALSE;
  return TRUE;
}

static LiFormat
_li_csv_detect (const char * const *names)
{
  static const char * const rees46[] = {
    "event_time", "event_type", "user_id", "product_id", NULL
  };
  static const char * const retailrocket[] = {
    "timestamp", "visitorid", "event", "itemid", NULL
  };
  static const char * const csv[] = { "lead_id", "timestamp", "event", NULL };

  if (_li_csv_has_columns (names, rees46))
    return LI_FORMAT_REES46;
  if (_li_csv_has_columns (names, retailrocket))
    return LI_FORMAT_RETAILROCKET;
  if (_li_csv_has_columns (names, csv))
    return LI_FORMAT_CSV;
  return LI_FORMAT_AUTO;
}

static void
_li_csv_mapping_clear (LiCsvMapping *mapping)
{
  g_clear_pointer (&mapping->props, g_free);
}

static gboolean
_li_csv_mapping_require (LiCsvMapping        *mapping,
                         const char * const  *names,
                         const char          *name,
                         guint               *col,
                         const char          *file_name,
                         guint64              line,
                         GError             **error)
{
  int i = _li_csv_find_column (names, name);

  if (i < 0)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   "%s:%" G_GUINT64_FORMAT ": no %s column for format %s",
                   file_name, line, name, li_format_to_string (mapping->format));
      return FALSE;
    }
  *col = (guint) i;
  return TRUE;
}

static gboolean
_li_csv_mapping_add_prop (LiCsvMapping         *mapping,
                          LiImportSink         *sink,
                          const char * const   *names,
                          const char           *column,
                          const char           *fallback,
                          const char           *key,
                          GError              **error)
{
  int col = _li_csv_find_column (names, column);
  int fb = fallback != NULL ? _li_csv_find_column (names, fallback) : -1;
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
      g_prefix_error (error, "%s: ", sink->file_name);
      return FALSE;
    }
  mapping->n_props++;
  return TRUE;
}

static gboolean
_li_csv_mapping_init (LiCsvMapping        *mapping,
                      LiImportSink        *sink,
                      LiFormat             format,
                      const char * const  *names,
                      guint64              line,
                      GError             **error)
{
  const LiCsvFormat *spec;
  guint n = g_strv_length ((GStrv) names);

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

  if (!_li_csv_mapping_require (mapping, names, spec->lead, &mapping->lead_col,
                                sink->file_name, line, error) ||
      !_li_csv_mapping_require (mapping, names, spec->time, &mapping->time_col,
                                sink->file_name, line, error) ||
      !_li_csv_mapping_require (mapping, names, spec->event, &mapping->event_col,
                                sink->file_name, line, error))
    return FALSE;

  for (guint i = 0; i < spec->n_props; i++)
    if (!_li_csv_mapping_add_prop (mapping, sink, names, spec->props[i].column,
                                   spec->props[i].fallback, spec->props[i].key, error))
      return FALSE;

  if (spec->props == NULL)
    {
      /* Every other named column, in header order; of duplicates the last. */
      for (guint i = 0; i < n; i++)
        {
          const char *name = names[i];

          if (name[0] == '\0' || strcmp (name, spec->lead) == 0 ||
              strcmp (name, spec->time) == 0 || strcmp (name, spec->event) == 0 ||
              _li_csv_find_column (names, name) != (int) i)
            continue;
          if (!_li_csv_mapping_add_prop (mapping, sink, names, name, NULL, name, error))
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
                                    "invalid UTF-8");
  if (G_UNLIKELY (n != mapping->n_columns))
    return _li_import_sink_bad_row (sink, li_csv_reader_get_line (reader), error,
                                    "expected %u fields, found %u", mapping->n_columns, n);

  lead = &f[mapping->lead_col];
  if (G_UNLIKELY (lead->len == 0))
    return _li_import_sink_bad_row (sink, li_csv_reader_get_line (reader), error,
                                    "empty %s", mapping->lead_name);

  stamp = &f[mapping->time_col];
  if (mapping->time_in_ms)
    ok = li_time_parse_unix_ms (stamp->data, stamp->len, &time_ms);
  else
    ok = li_time_parse (stamp->data, stamp->len, &time_ms);
  if (G_UNLIKELY (!ok))
    {
      g_autoptr(GString) shown = g_string_new (NULL);

      _li_append_shown (shown, stamp->data, stamp->len, MAX_SHOWN_VALUE, TRUE);
      return _li_import_sink_bad_row (sink, li_csv_reader_get_line (reader), error,
                                      "bad timestamp %s", shown->str);
    }

  event = &f[mapping->event_col];
  if (G_UNLIKELY (event->len == 0))
    return _li_import_sink_bad_row (sink, li_csv_reader_get_line (reader), error,
                                    "empty %s", mapping->event_name);

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
    {
      g_prefix_error (error, "%s:%" G_GUINT64_FORMAT ": ",
                      sink->file_name, li_csv_reader_get_line (reader));
      return FALSE;
    }

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
      li_event_store_builder_add_prop_id (sink->builder, prop->key, value->data, value->len);
    }

  return TRUE;
}

static char *
_li_csv_describe_header (LiCsvReader *reader)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize len;
  const char *raw = li_csv_reader_get_raw (reader, &len);

  _li_append_shown (out, raw, len, MAX_SHOWN_HEADER, FALSE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
_li_import_csv_file (LiImportSink   *sink,
                     LiImportInput  *input,
                     GFile          *file,
                     LiFormat        format,
                     GError        **error)
{
  g_autoptr(LiCsvReader) reader = li_csv_reader_new (input->stream);
  g_auto(GStrv) names = NULL;
  LiCsvMapping mapping;
  GError *local_error = NULL;
  LiCsvResult r;
  guint64 line, next_progress = PROGRESS_STEP;
  gboolean ok = TRUE;

  r = li_csv_reader_next (reader, sink->cancellable, &local_error);
  if (r == LI_CSV_RESULT_ERROR)
    return _li_import_sink_reader_error (sink, reader, file, local_error, error);
  if (r == LI_CSV_RESULT_END)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   "%s: empty file", sink->file_name);
      return FALSE;
    }

  line = li_csv_reader_get_line (reader);
  if (!li_csv_reader_is_valid_utf8 (reader))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   "%s:%" G_GUINT64_FORMAT ": invalid UTF-8 in the header",
                   sink->file_name, line);
      return FALSE;
    }

  names = _li_csv_header_names (reader);
  if (format == LI_FORMAT_AUTO)
    format = _li_csv_detect ((const char * const *) names);
  if (format == LI_FORMAT_AUTO)
    {
      g_autofree char *header = _li_csv_describe_header (reader);

      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   "%s:%" G_GUINT64_FORMAT ": unknown format (header: %s)",
                   sink->file_name, line, header);
      return FALSE;
    }
  g_ptr_array_add (sink->formats, g_strdup (li_format_to_string (format)));

  if (!_li_csv_mapping_init (&mapping, sink, format, (const char * const *) names, line, error))
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
    return _li_import_sink_reader_error (sink, reader, file, local_error, error);

  sink->done_files += _li_import_input_position (input, reader);
  return TRUE;
}

/* JSON-lines formats ------------------------------------------------------ */

static gboolean
_li_import_json_file (LiImportSink   *sink,
                      LiImportInput  *input,
                      GFile          *file,
                      LiFormat        format,
                      GError        **error)
{
  g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
               "%s:1: JSON lines (formats ga4 and segment) are not supported yet",
               sink->file_name);
  return FALSE;
}

/* Events ------------------------------------------------------------------ */

static guint64
_li_import_total_size (GFile * const *files,
                       guint          n_files,
                       GCancellable  *cancellable)
{
  guint64 total = 0;

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GFileInfo) info = NULL;

      info = g_file_query_info (files[i],
                                G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                G_FILE_QUERY_INFO_NONE, cancellable, NULL);
      if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        return 0;
      total += (guint64) g_file_info_get_size (info);
    }
  return total;
}

static gboolean
_li_import_event_file (LiImportSink  *sink,
                       GFile         *file,
                       LiFormat       format,
                       GError       **error)
{
  LiImportInput input = { NULL, };
  gboolean json = FALSE;
  gboolean ok;
  GError *local_error = NULL;

  if (!_li_import_input_open (&input, file, sink->file_name, sink->cancellable, error))
    {
      _li_import_input_clear (&input);
      return FALSE;
    }

  if (format == LI_FORMAT_AUTO &&
      !_li_import_input_sniff_json (&input, &json, sink->cancellable, &local_error))
    {
      _li_import_input_clear (&input);
      return _li_import_io_error (sink->file_name, file, local_error, error);
    }

  if (json || format == LI_FORMAT_GA4 || format == LI_FORMAT_SEGMENT)
    ok = _li_import_json_file (sink, &input, file, format, error);
  else
    ok = _li_import_csv_file (sink, &input, file, format, error);

  _li_import_input_clear (&input);
  return ok;
}

static GStrv
_li_ptr_array_to_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (GStrv) g_ptr_array_free (array, FALSE);
}

static LiEventStore *
_li_import_events_named (GFile * const         *files,
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
  LiImportSink sink = { NULL, };

  if (format == LI_FORMAT_GA4 || format == LI_FORMAT_SEGMENT)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   "format %s is not supported yet", li_format_to_string (format));
      return NULL;
    }
  if ((guint) format >= G_N_ELEMENTS (format_names))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   "unknown format %u", (guint) format);
      return NULL;
    }

  builder = li_event_store_builder_new ();
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

      if (!_li_import_event_file (&sink, files[i], format, error))
        return NULL;
      _li_import_sink_progress (&sink, sink.done_files);
    }

  li_event_store_builder_set_skipped (builder, sink.n_skipped);

  /* The report is an out parameter: written on success only. */
  if (report != NULL)
    {
      report->n_skipped = sink.n_skipped;
      report->skipped_reasons = _li_ptr_array_to_strv (g_steal_pointer (&reasons));
      report->formats = _li_ptr_array_to_strv (g_steal_pointer (&formats));
      report->bytes_read = sink.done_files;
    }

  return li_event_store_builder_finish (g_steal_pointer (&builder));
}

/* Leads ------------------------------------------------------------------- */

static gboolean
_li_import_leads_bad_row (const char  *file_name,
                          guint64      line,
                          const char  *reason,
                          GError     **error)
{
  g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW,
               "%s:%" G_GUINT64_FORMAT ": %s", file_name, line, reason);
  return FALSE;
}

static gboolean
_li_import_leads_csv (LiLeadTable   *table,
                      LiCsvReader   *reader,
                      GFile         *file,
                      const char    *file_name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) attributes = g_ptr_array_new ();
  g_autofree guint *attribute_col = NULL;
  GError *local_error = NULL;
  LiCsvResult r;
  guint n_columns, n_attributes, n_rows = 0;
  gsize rows_size = 0;
  int lead_col;

  r = li_csv_reader_next (reader, cancellable, &local_error);
  if (r == LI_CSV_RESULT_END)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT, "%s: empty file", file_name);
      return FALSE;
    }
  if (r == LI_CSV_RESULT_ERROR)
    goto reader_error;
  if (!li_csv_reader_is_valid_utf8 (reader))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   "%s:%" G_GUINT64_FORMAT ": invalid UTF-8 in the header",
                   file_name, li_csv_reader_get_line (reader));
      return FALSE;
    }

  names = _li_csv_header_names (reader);
  n_columns = g_strv_length (names);
  lead_col = _li_csv_find_column ((const char * const *) names, "lead_id");
  if (lead_col < 0)
    {
      g_autofree char *header = _li_csv_describe_header (reader);

      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   "%s:%" G_GUINT64_FORMAT ": no lead_id column (header: %s)",
                   file_name, li_csv_reader_get_line (reader), header);
      return FALSE;
    }

  /* Attributes: the other named columns; of duplicates the last. */
  attribute_col = g_new (guint, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    {
      if (names[i][0] == '\0' || strcmp (names[i], "lead_id") == 0 ||
          _li_csv_find_column ((const char * const *) names, names[i]) != (int) i)
        continue;
      attribute_col[attributes->len] = i;
      g_ptr_array_add (attributes, g_strdup (names[i]));
    }
  n_attributes = attributes->len;
  table->n_attributes = n_attributes;
  table->attributes = _li_ptr_array_to_strv (g_steal_pointer (&attributes));

  while ((r = li_csv_reader_next (reader, cancellable, &local_error)) == LI_CSV_RESULT_RECORD)
    {
      guint n;
      const LiCsvField *f = li_csv_reader_get_fields (reader, &n);
      guint64 line = li_csv_reader_get_line (reader);
      guint32 row;
      guint32 *values;

      if (!li_csv_reader_is_valid_utf8 (reader))
        return _li_import_leads_bad_row (file_name, line, "invalid UTF-8", error);
      if (n != n_columns)
        {
          g_autofree char *reason = g_strdup_printf ("expected %u fields, found %u",
                                                     n_columns, n);
          return _li_import_leads_bad_row (file_name, line, reason, error);
        }
      if (f[lead_col].len == 0)
        return _li_import_leads_bad_row (file_name, line, "empty lead_id", error);

      row = li_str_pool_intern (table->leads, f[lead_col].data, f[lead_col].len);
      if (row == n_rows)
        {
          n_rows++;
          if ((gsize) n_rows * n_attributes > rows_size)
            {
              rows_size = MAX ((gsize) n_rows * n_attributes, rows_size * 2);
              table->value = g_renew (guint32, table->value, rows_size);
            }
        }

      values = table->value + (gsize) row * n_attributes;
      for (guint a = 0; a < n_attributes; a++)
        {
          const LiCsvField *v = &f[attribute_col[a]];

          values[a] = v->len > 0 ? li_str_pool_intern (table->values, v->data, v->len)
                                 : LI_LEAD_TABLE_MISSING;
        }
    }
  if (r == LI_CSV_RESULT_ERROR)
    goto reader_error;

  return TRUE;

reader_error:
  if (local_error->domain == LI_CSV_ERROR)
    {
      g_set_error (error, LI_IMPORT_ERROR,
                   local_error->code == LI_CSV_ERROR_TOO_LONG ? LI_IMPORT_ERROR_LIMIT
                                                             : LI_IMPORT_ERROR_BAD_ROW,
                   "%s:%" G_GUINT64_FORMAT ": %s",
                   file_name, li_csv_reader_get_line (reader), local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return _li_import_io_error (file_name, file, local_error, error);
}

/* Public API -------------------------------------------------------------- */

void
li_import_report_clear (LiImportReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->skipped_reasons, g_strfreev);
  g_clear_pointer (&report->formats, g_strfreev);
  report->n_skipped = 0;
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

  return _li_import_events_named (files, NULL, n_files, options, report,
                                  progress, progress_data, cancellable, error);
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
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = g_strv_length ((GStrv) paths);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));

  return _li_import_events_named ((GFile * const *) files->pdata, paths, n, options, report,
                                  progress, progress_data, cancellable, error);
}

LiLeadTable *
li_import_leads (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(LiLeadTable) table = NULL;
  g_autoptr(LiCsvReader) reader = NULL;
  g_autofree char *name = NULL;
  LiImportInput input = { NULL, };
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = _li_file_display_name (file);
  if (!_li_import_input_open (&input, file, name, cancellable, error))
    {
      _li_import_input_clear (&input);
      return NULL;
    }

  table = g_new0 (LiLeadTable, 1);
  table->ref_count = 1;
  table->leads = li_str_pool_new ();
  table->values = li_str_pool_new ();

  reader = li_csv_reader_new (input.stream);
  ok = _li_import_leads_csv (table, reader, file, name, cancellable, error);
  g_clear_pointer (&reader, li_csv_reader_free);
  _li_import_input_clear (&input);

  if (!ok)
    return NULL;
  return g_steal_pointer (&table);
}
