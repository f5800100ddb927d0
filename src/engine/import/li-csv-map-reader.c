/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-csv-map-reader.c: a CSV file read through a column mapping (SPEC
 * 2.1a).  The mapping is bound to the file's columns once; then each record
 * goes through one row function, which the import and the mapping dialog's
 * preview share, so the preview shows exactly what the import makes. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "li-csv-mapping-private.h"
#include "li-csv-header.h"
#include "li-str-pool.h"
#include "li-time.h"
#include "li-time-pattern.h"

#include <string.h>

/* How often progress is reported, in bytes of input. */
#define PROGRESS_STEP (1024 * 1024)

typedef struct
{
  guint       col;
  guint16     key;   /* in the builder, when bound to one */
  const char *name;
} LiMapProp;

/* A mapping bound to the columns of one file. */
typedef struct
{
  GStrv          names;      /* of the columns, for messages */
  guint          n_columns;
  guint          lead_col;
  guint          time_col;
  guint          event_col;
  LiTimeUnit     unit;
  LiTimePattern *pattern;
  LiStrPool     *event_from;
  const char   **event_to;   /* by id in event_from; NULL: no event */
  GArray        *props;      /* LiMapProp */
} LiCsvBound;

typedef enum
{
  LI_ROW_EVENT,
  LI_ROW_IGNORED,
  LI_ROW_BAD_UTF8,
  LI_ROW_BAD_COUNT,
  LI_ROW_EMPTY_LEAD,
  LI_ROW_BAD_TIME,
  LI_ROW_EMPTY_EVENT,
} LiRowResult;

static void
_li_csv_bound_clear (LiCsvBound *b)
{
  g_clear_pointer (&b->names, g_strfreev);
  g_clear_pointer (&b->pattern, li_time_pattern_free);
  g_clear_pointer (&b->event_from, li_str_pool_free);
  g_clear_pointer (&b->event_to, g_free);
  g_clear_pointer (&b->props, g_array_unref);
}

G_GNUC_PRINTF (4, 5)
static gboolean
_li_bind_fail (GError     **error,
               const char  *file_name,
               guint64      line,
               const char  *format,
               ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_MAPPING,
               "%s:%" G_GUINT64_FORMAT ": %s", file_name, line, reason);
  return FALSE;
}

/* The last column of each name (a later duplicate wins, as in any CSV). */
static GHashTable *
_li_column_index (GStrv names)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; names[i] != NULL; i++)
    g_hash_table_insert (index, names[i], GUINT_TO_POINTER (i + 1));
  return index;
}

static gboolean
_li_bind_column (GHashTable  *index,
                 const char  *key,
                 const char  *name,
                 guint       *col,
                 const char  *file_name,
                 guint64      line,
                 GError     **error)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, name));

  if (i == 0)
    {
      g_autoptr(GString) shown = g_string_new (NULL);
      g_autoptr(GString) shown_key = g_string_new (NULL);

      _li_append_shown (shown, name, strlen (name), LI_IMPORT_MAX_SHOWN_VALUE, FALSE);
      _li_append_shown (shown_key, key, strlen (key), LI_IMPORT_MAX_SHOWN_VALUE, FALSE);
      return _li_bind_fail (error, file_name, line, _("%s: no column “%s” in the file"),
                            shown_key->str, shown->str);
    }
  *col = i - 1;
  return TRUE;
}

static gboolean
_li_bind_prop (LiCsvBound           *b,
               LiEventStoreBuilder  *builder,
               guint                 col,
               const char           *name,
               const char           *file_name,
               guint64               line,
               GError              **error)
{
  LiMapProp prop = { col, 0, name };

  if (builder != NULL &&
      !li_event_store_builder_intern_key (builder, name, strlen (name), &prop.key, error))
    {
      g_prefix_error (error, "%s:%" G_GUINT64_FORMAT ": ", file_name, line);
      return FALSE;
    }
  g_array_append_val (b->props, prop);
  return TRUE;
}

static gboolean
_li_bind_props (LiCsvBound           *b,
                const LiCsvMap       *map,
                GHashTable           *index,
                LiEventStoreBuilder  *builder,
                const char           *file_name,
                guint64               line,
                GError              **error)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *used = g_new0 (gboolean, b->n_columns);

  for (guint i = 0; i < map->prop_columns->len; i++)
    {
      g_autofree char *key = g_strdup_printf ("properties.%s", (char *) map->prop_columns->pdata[i]);
      guint col = 0;

      if (!_li_bind_column (index, key, map->prop_columns->pdata[i], &col, file_name, line, error) ||
          !_li_bind_prop (b, builder, col, map->prop_names->pdata[i], file_name, line, error))
        return FALSE;
      used[col] = TRUE;
      g_hash_table_add (taken, map->prop_names->pdata[i]);
    }
  if (!map->keep_other_columns)
    return TRUE;

  /* The other columns under their own names; a name given to a mapped
   * property already is the mapped one. */
  used[b->lead_col] = used[b->time_col] = used[b->event_col] = TRUE;
  for (guint i = 0; i < b->n_columns; i++)
    {
      const char *name = b->names[i];

      if (used[i] || name[0] == '\0' || g_hash_table_contains (taken, name) ||
          GPOINTER_TO_UINT (g_hash_table_lookup (index, name)) != i + 1)
        continue;
      if (!_li_bind_prop (b, builder, i, name, file_name, line, error))
        return FALSE;
    }
  return TRUE;
}

static void
_li_bind_events (LiCsvBound     *b,
                 const LiCsvMap *map)
{
  b->event_from = li_str_pool_new ();
  b->event_to = g_new0 (const char *, MAX (map->event_from->len, 1));
  for (guint i = 0; i < map->event_from->len; i++)
    {
      const char *from = map->event_from->pdata[i];

      b->event_to[li_str_pool_intern (b->event_from, from, strlen (from))] = map->event_to->pdata[i];
    }
}

/* Binds @map to a file whose header has @header (NULL without a header
 * line: then the columns are the mapping's). */
static gboolean
_li_csv_bound_init (LiCsvBound           *b,
                    const LiCsvMap       *map,
                    GStrv                 header,
                    LiEventStoreBuilder  *builder,
                    const char           *file_name,
                    guint64               line,
                    GError              **error)
{
  g_autoptr(GHashTable) index = NULL;

  memset (b, 0, sizeof *b);
  b->props = g_array_new (FALSE, FALSE, sizeof (LiMapProp));
  if (!li_csv_map_check (map, error))
    {
      g_prefix_error (error, "%s: ", file_name);
      return FALSE;
    }

  if (map->columns != NULL && header != NULL &&
      g_strv_length (map->columns) != g_strv_length (header))
    return _li_bind_fail (error, file_name, line,
                          _("columns: %u names for the %u columns of the header"),
                          g_strv_length (map->columns), g_strv_length (header));
  b->names = g_strdupv (map->columns != NULL ? map->columns : header);
  b->n_columns = g_strv_length (b->names);

  index = _li_column_index (b->names);
  if (!_li_bind_column (index, "lead_id", map->lead_id, &b->lead_col, file_name, line, error) ||
      !_li_bind_column (index, "timestamp.column", map->time_column, &b->time_col,
                        file_name, line, error) ||
      !_li_bind_column (index, "event", map->event, &b->event_col, file_name, line, error))
    return FALSE;

  b->unit = map->time_unit;
  if (b->unit == LI_TIME_UNIT_STRFTIME)
    b->pattern = li_time_pattern_new (map->time_pattern, NULL);
  _li_bind_events (b, map);
  return _li_bind_props (b, map, index, builder, file_name, line, error);
}

static inline gboolean
_li_bound_time (const LiCsvBound *b,
                const LiCsvField *stamp,
                gint64           *time_ms)
{
  switch (b->unit)
    {
    case LI_TIME_UNIT_S:
      return li_time_parse_unix (stamp->data, stamp->len, 1, time_ms);
    case LI_TIME_UNIT_MS:
      return li_time_parse_unix (stamp->data, stamp->len, 1000, time_ms);
    case LI_TIME_UNIT_US:
      return li_time_parse_unix (stamp->data, stamp->len, 1000000, time_ms);
    case LI_TIME_UNIT_STRFTIME:
      return li_time_pattern_parse (b->pattern, stamp->data, stamp->len, time_ms);
    case LI_TIME_UNIT_ISO:
    default:
      return li_time_parse (stamp->data, stamp->len, time_ms);
    }
}

/* One record: the checks of SPEC 2.3 in the order of docs/decisions.md;
 * a value mapped to no event is ignored before its lead and time are
 * checked (as Segment's other calls are). */
static inline LiRowResult
_li_csv_bound_row (const LiCsvBound  *b,
                   const LiCsvField  *f,
                   guint              n,
                   gboolean           valid_utf8,
                   gint64            *time_ms,
                   const char       **name,
                   gsize             *name_len)
{
  const LiCsvField *event;
  guint32 id;

  if (G_UNLIKELY (!valid_utf8))
    return LI_ROW_BAD_UTF8;
  if (G_UNLIKELY (n != b->n_columns))
    return LI_ROW_BAD_COUNT;

  event = &f[b->event_col];
  *name = event->data;
  *name_len = event->len;
  if (li_str_pool_lookup (b->event_from, event->data, event->len, &id))
    {
      if (b->event_to[id] == NULL)
        return LI_ROW_IGNORED;
      *name = b->event_to[id];
      *name_len = strlen (*name);
    }

  if (G_UNLIKELY (f[b->lead_col].len == 0))
    return LI_ROW_EMPTY_LEAD;
  if (G_UNLIKELY (!_li_bound_time (b, &f[b->time_col], time_ms)))
    return LI_ROW_BAD_TIME;
  if (G_UNLIKELY (event->len == 0))
    return LI_ROW_EMPTY_EVENT;
  return LI_ROW_EVENT;
}

/* The reason of a bad row, translated, in the words of the other formats. */
static char *
_li_csv_bound_reason (const LiCsvBound *b,
                      LiRowResult       result,
                      const LiCsvField *f,
                      guint             n)
{
  g_autoptr(GString) shown = NULL;

  switch (result)
    {
    case LI_ROW_BAD_UTF8:
      return g_strdup (_("invalid UTF-8"));
    case LI_ROW_BAD_COUNT:
      return g_strdup_printf (_("expected %u fields, found %u"), b->n_columns, n);
    case LI_ROW_EMPTY_LEAD:
      shown = g_string_new (NULL);
      _li_append_shown (shown, b->names[b->lead_col], strlen (b->names[b->lead_col]),
                        LI_IMPORT_MAX_SHOWN_VALUE, FALSE);
      return g_strdup_printf (_("empty %s"), shown->str);
    case LI_ROW_BAD_TIME:
      shown = g_string_new (NULL);
      _li_append_shown (shown, f[b->time_col].data, f[b->time_col].len,
                        LI_IMPORT_MAX_SHOWN_VALUE, TRUE);
      return g_strdup_printf (_("bad timestamp %s"), shown->str);
    case LI_ROW_EMPTY_EVENT:
      shown = g_string_new (NULL);
      _li_append_shown (shown, b->names[b->event_col], strlen (b->names[b->event_col]),
                        LI_IMPORT_MAX_SHOWN_VALUE, FALSE);
      return g_strdup_printf (_("empty %s"), shown->str);
    case LI_ROW_EVENT:
    case LI_ROW_IGNORED:
    default:
      g_assert_not_reached ();
    }
}

/* The import */

static gboolean
_li_mapped_add_event (const LiCsvBound  *b,
                      LiImportSink      *sink,
                      const LiCsvField  *f,
                      gint64             time_ms,
                      const char        *name,
                      gsize              name_len,
                      GError           **error)
{
  if (G_UNLIKELY (!li_event_store_builder_add_event (sink->builder,
                                                     f[b->lead_col].data, f[b->lead_col].len,
                                                     time_ms, name, name_len, error)))
    return FALSE;
  for (guint i = 0; i < b->props->len; i++)
    {
      const LiMapProp *prop = &g_array_index (b->props, LiMapProp, i);
      const LiCsvField *value = &f[prop->col];

      if (value->len > 0 &&
          G_UNLIKELY (!li_event_store_builder_add_prop_id (sink->builder, prop->key,
                                                           value->data, value->len, error)))
        return FALSE;
    }
  return TRUE;
}

/* FALSE only when the import stops. */
static gboolean
_li_mapped_add_row (const LiCsvBound  *b,
                    LiImportSink      *sink,
                    LiCsvReader       *reader,
                    GError           **error)
{
  guint n;
  const LiCsvField *f = li_csv_reader_get_fields (reader, &n);
  guint64 line = li_csv_reader_get_line (reader);
  g_autofree char *reason = NULL;
  const char *name;
  gsize name_len;
  gint64 time_ms;
  LiRowResult r;

  r = _li_csv_bound_row (b, f, n, li_csv_reader_is_valid_utf8 (reader), &time_ms, &name, &name_len);
  if (G_LIKELY (r == LI_ROW_EVENT))
    {
      if (_li_mapped_add_event (b, sink, f, time_ms, name, name_len, error))
        return TRUE;
      g_prefix_error (error, "%s:%" G_GUINT64_FORMAT ": ", sink->file_name, line);
      return FALSE;
    }
  if (r == LI_ROW_IGNORED)
    {
      sink->n_ignored++;
      return TRUE;
    }
  if (_li_import_sink_count_only (sink))
    return TRUE;
  reason = _li_csv_bound_reason (b, r, f, n);
  return _li_import_sink_bad_row (sink, line, error, "%s", reason);
}

/* The header's names, trimmed, or NULL for a file without a header. */
static gboolean
_li_mapped_header (const LiCsvMap  *map,
                   LiImportSink    *sink,
                   LiCsvReader     *reader,
                   GStrv           *names,
                   GError         **error)
{
  g_auto(LiCsvHeader) header = { NULL, };

  *names = NULL;
  if (!map->header)
    return TRUE;
  if (!li_csv_reader_is_valid_utf8 (reader))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   _("%s:%" PRIu64 ": invalid UTF-8 in the header"),
                   sink->file_name, li_csv_reader_get_line (reader));
      return FALSE;
    }
  _li_csv_header_init (&header, reader);
  *names = g_steal_pointer (&header.names);
  return TRUE;
}

static gboolean
_li_mapped_rows (const LiCsvBound  *b,
                 LiImportSink      *sink,
                 LiImportInput     *input,
                 LiCsvReader       *reader,
                 gboolean           first_is_data,
                 GError           **error)
{
  guint64 next_progress = PROGRESS_STEP;
  GError *local_error = NULL;
  LiCsvResult r;

  if (first_is_data && !_li_mapped_add_row (b, sink, reader, error))
    return FALSE;
  while ((r = li_csv_reader_next (reader, sink->cancellable, &local_error)) == LI_CSV_RESULT_RECORD)
    {
      if (!_li_mapped_add_row (b, sink, reader, error))
        return FALSE;
      if (G_UNLIKELY (li_csv_reader_get_bytes_consumed (reader) >= next_progress))
        {
          _li_import_sink_progress (sink, sink->done_files +
                                          _li_import_input_position (input, reader));
          next_progress = li_csv_reader_get_bytes_consumed (reader) + PROGRESS_STEP;
        }
    }
  if (r == LI_CSV_RESULT_ERROR)
    return _li_import_input_reader_error (input, reader, local_error, error);
  return TRUE;
}

gboolean
_li_import_mapped_csv_file (LiImportSink    *sink,
                            LiImportInput   *input,
                            const LiCsvMap  *map,
                            GError         **error)
{
  g_autoptr(LiCsvReader) reader = li_csv_reader_new (input->stream);
  g_auto(GStrv) header = NULL;
  GError *local_error = NULL;
  LiCsvBound bound;
  LiCsvResult r;
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
  if (!_li_mapped_header (map, sink, reader, &header, error))
    return FALSE;
  g_ptr_array_add (sink->formats, g_strdup ("mapping"));

  ok = _li_csv_bound_init (&bound, map, header, sink->builder, sink->file_name,
                           li_csv_reader_get_line (reader), error) &&
       _li_mapped_rows (&bound, sink, input, reader, !map->header, error);
  _li_csv_bound_clear (&bound);
  if (!ok)
    return FALSE;

  sink->done_files += _li_import_input_position (input, reader);
  return TRUE;
}

/* The head of a file and the preview */

void
li_csv_head_free (LiCsvHead *head)
{
  if (head == NULL)
    return;
  g_free (head->file_name);
  g_ptr_array_unref (head->records);
  g_array_unref (head->lines);
  g_array_unref (head->valid_utf8);
  g_free (head->first_line);
  g_free (head);
}

static GStrv
_li_record_strv (LiCsvReader *reader,
                 gboolean     trim)
{
  guint n;
  const LiCsvField *f = li_csv_reader_get_fields (reader, &n);
  GStrv fields = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      fields[i] = g_strndup (f[i].data, f[i].len);
      if (trim)
        g_strstrip (fields[i]);
    }
  return fields;
}

static gboolean
_li_head_read_records (LiCsvHead     *head,
                       LiImportInput *input,
                       guint          max_records,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(LiCsvReader) reader = li_csv_reader_new (input->stream);
  GError *local_error = NULL;
  LiCsvResult r = LI_CSV_RESULT_END;

  while (head->records->len < max_records &&
         (r = li_csv_reader_next (reader, cancellable, &local_error)) == LI_CSV_RESULT_RECORD)
    {
      guint64 line = li_csv_reader_get_line (reader);
      gboolean valid = li_csv_reader_is_valid_utf8 (reader);

      if (head->first_line == NULL)
        {
          gsize len;
          const char *raw = li_csv_reader_get_raw (reader, &len);

          head->first_line = g_strndup (raw, len);
        }
      g_ptr_array_add (head->records, _li_record_strv (reader, FALSE));
      g_array_append_val (head->lines, line);
      g_array_append_val (head->valid_utf8, valid);
    }
  if (r == LI_CSV_RESULT_ERROR)
    return _li_import_input_reader_error (input, reader, local_error, error);
  if (head->records->len == 0)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   _("%s: empty file"), head->file_name);
      return FALSE;
    }
  return TRUE;
}

LiCsvHead *
li_csv_head_read (GFile         *file,
                  const char    *file_name,
                  guint          max_records,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(LiCsvHead) head = g_new0 (LiCsvHead, 1);
  LiImportInput input = { NULL, };
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_records > 0, NULL);

  head->file_name = file_name != NULL ? g_strdup (file_name) : _li_file_display_name (file);
  head->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  head->lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  head->valid_utf8 = g_array_new (FALSE, FALSE, sizeof (gboolean));

  ok = _li_import_input_open (&input, file, head->file_name, cancellable, error) &&
       _li_head_read_records (head, &input, max_records, cancellable, error);
  _li_import_input_clear (&input);
  return ok ? g_steal_pointer (&head) : NULL;
}

char *
li_csv_head_dup_key (const LiCsvHead *head,
                     gboolean         header)
{
  g_autofree char *shape = NULL;

  g_return_val_if_fail (head != NULL, NULL);

  if (header)
    return g_compute_checksum_for_string (G_CHECKSUM_SHA256, head->first_line, -1);
  shape = g_strdup_printf ("no header, %u fields", g_strv_length (head->records->pdata[0]));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, shape, -1);
}

static GStrv
_li_head_header (const LiCsvHead *head)
{
  GStrv names = g_strdupv (head->records->pdata[0]);

  for (guint i = 0; names[i] != NULL; i++)
    g_strstrip (names[i]);
  return names;
}

GStrv
li_csv_head_dup_columns (const LiCsvHead *head,
                         const LiCsvMap  *map)
{
  GStrv names;
  guint n;

  g_return_val_if_fail (head != NULL && map != NULL, NULL);

  if (map->columns != NULL)
    return g_strdupv (map->columns);
  if (map->header)
    return _li_head_header (head);
  n = g_strv_length (head->records->pdata[0]);
  names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    names[i] = g_strdup_printf ("column_%u", i + 1);
  return names;
}

void
li_csv_preview_row_free (LiCsvPreviewRow *row)
{
  if (row == NULL)
    return;
  g_free (row->reason);
  g_free (row->lead_id);
  g_free (row->event);
  g_strfreev (row->keys);
  g_strfreev (row->values);
  g_free (row);
}

static void
_li_preview_props (const LiCsvBound *b,
                   const LiCsvField *f,
                   LiCsvPreviewRow  *row)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();

  for (guint i = 0; i < b->props->len; i++)
    {
      const LiMapProp *prop = &g_array_index (b->props, LiMapProp, i);

      if (f[prop->col].len == 0)
        continue;
      g_strv_builder_add (keys, prop->name);
      g_strv_builder_add (values, f[prop->col].data);
    }
  row->keys = g_strv_builder_end (keys);
  row->values = g_strv_builder_end (values);
}

static LiCsvPreviewRow *
_li_preview_row (const LiCsvBound *b,
                 GStrv             record,
                 guint64           line,
                 gboolean          valid_utf8)
{
  LiCsvPreviewRow *row = g_new0 (LiCsvPreviewRow, 1);
  guint n = g_strv_length (record);
  g_autofree LiCsvField *f = g_new0 (LiCsvField, MAX (n, 1));
  const char *name;
  gsize name_len;
  LiRowResult r;

  for (guint i = 0; i < n; i++)
    f[i] = (LiCsvField) { record[i], strlen (record[i]) };

  row->line = line;
  r = _li_csv_bound_row (b, f, n, valid_utf8, &row->time_ms, &name, &name_len);
  if (r == LI_ROW_IGNORED)
    row->status = LI_PREVIEW_IGNORED;
  else if (r != LI_ROW_EVENT)
    {
      row->status = LI_PREVIEW_BAD;
      row->reason = _li_csv_bound_reason (b, r, f, n);
      return row;
    }
  row->lead_id = g_strdup (record[b->lead_col]);
  row->event = g_strndup (name, name_len);
  if (r == LI_ROW_EVENT)
    _li_preview_props (b, f, row);
  return row;
}

GPtrArray *
li_csv_map_preview (const LiCsvMap   *map,
                    const LiCsvHead  *head,
                    GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) header = NULL;
  LiCsvBound bound;
  guint first;

  g_return_val_if_fail (map != NULL && head != NULL, NULL);

  first = map->header ? 1 : 0;
  if (map->header && !g_array_index (head->valid_utf8, gboolean, 0))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   _("%s:%" PRIu64 ": invalid UTF-8 in the header"),
                   head->file_name, g_array_index (head->lines, guint64, 0));
      return NULL;
    }
  if (map->header)
    header = _li_head_header (head);
  if (!_li_csv_bound_init (&bound, map, header, NULL, head->file_name,
                           g_array_index (head->lines, guint64, 0), error))
    {
      _li_csv_bound_clear (&bound);
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) li_csv_preview_row_free);
  for (guint i = first; i < head->records->len; i++)
    g_ptr_array_add (rows, _li_preview_row (&bound, head->records->pdata[i],
                                            g_array_index (head->lines, guint64, i),
                                            g_array_index (head->valid_utf8, gboolean, i)));
  _li_csv_bound_clear (&bound);
  return g_steal_pointer (&rows);
}
