/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-leads-file.c: the optional leads file (SPEC 2.2): a lead_id column and
 * one column per attribute. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "li-leads-file.h"
#include "li-csv-header.h"
#include "li-import-input.h"
#include "li-import-source-private.h"
#include "li-import.h"
#include "li-str-cache.h"

#include <string.h>

/* Room for @n_rows rows in the table, which grows by doubling but to no more
 * than @max_values values; FALSE past them. */
static gboolean
_li_lead_table_reserve (LiLeadTable *table,
                        gsize       *size,
                        guint64      n_rows,
                        guint64      max_values)
{
  guint64 need = n_rows * table->n_attributes;

  if (need > max_values)
    return FALSE;
  if (need > *size)
    {
      *size = MAX (need, MIN ((guint64) *size * 2, max_values));
      table->value = g_renew (guint32, table->value, *size);
    }
  return TRUE;
}

/* Rows waiting for their lead ids to be interned in one batch
 * (li_str_pool_intern_batch: a large pool misses the cache on every
 * lookup): copies of the ids back to back, each row's line, and its
 * attribute values already interned. */
typedef struct
{
  LiLeadTable *table;
  const char  *file_name;
  guint64      max_values;
  guint        n_rows;
  gsize        rows_size;
  GByteArray  *ids;
  gsize        end[LI_STR_POOL_BATCH];
  guint64      line[LI_STR_POOL_BATCH];
  guint32     *values;     /* LI_STR_POOL_BATCH × n_attributes */
  guint        n;
} LiLeadsQueue;

/* The queued rows into the table, in file order: a new lead id adds a row,
 * a known one's values replace its row's.  FALSE past the limit. */
static gboolean
_li_leads_queue_flush (LiLeadsQueue  *q,
                       GError       **error)
{
  LiLeadTable *table = q->table;
  guint n_attributes = table->n_attributes;
  LiStrRef strs[LI_STR_POOL_BATCH];
  guint32 rows[LI_STR_POOL_BATCH];
  gsize start = 0;

  for (guint i = 0; i < q->n; i++)
    {
      strs[i].data = (const char *) q->ids->data + start;
      strs[i].len = q->end[i] - start;
      start = q->end[i];
    }
  li_str_pool_intern_batch (table->leads, strs, q->n, rows);
  for (guint i = 0; i < q->n; i++)
    {
      if (rows[i] == q->n_rows)
        {
          if (!_li_lead_table_reserve (table, &q->rows_size, (guint64) q->n_rows + 1, q->max_values))
            {
              g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT,
                           _("%s:%" PRIu64 ": more than %" PRIu64 " lead attribute values"),
                           q->file_name, q->line[i], q->max_values);
              return FALSE;
            }
          q->n_rows++;
        }
      if (n_attributes > 0)
        memcpy (table->value + (gsize) rows[i] * n_attributes, q->values + (gsize) i * n_attributes,
                n_attributes * sizeof (guint32));
    }
  q->n = 0;
  g_byte_array_set_size (q->ids, 0);
  return TRUE;
}

/* A bad row at @line, after the rows before it: a limit they pass is
 * reported first, as it would be row by row. */
static gboolean
_li_leads_bad_row (LiLeadsQueue  *q,
                   guint64        line,
                   const char    *reason,
                   GError       **error)
{
  if (!_li_leads_queue_flush (q, error))
    return FALSE;
  g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW,
               "%s:%" G_GUINT64_FORMAT ": %s", q->file_name, line, reason);
  return FALSE;
}

/* After the first batch of rows, room for as many as the file (@size
 * bytes, 0 when not known) seems to hold, going by the bytes per row so
 * far: the pool and the table then do not grow through a dozen sizes,
 * each one rehashed and faulted in.  Never for more than
 * _LI_LEADS_RESERVE_MAX rows (some 50 MB), for the first rows may be far
 * shorter than the rest; a larger file grows from there. */
#define _LI_LEADS_RESERVE_MAX (1u << 20)

static void
_li_leads_reserve (LiLeadsQueue *q,
                   guint64       size,
                   guint64       header_end,
                   guint64       consumed)
{
  guint64 row_bytes = (consumed - header_end) / LI_STR_POOL_BATCH;
  guint64 rows, max_rows = q->max_values / MAX (q->table->n_attributes, 1);

  if (size <= consumed || row_bytes == 0)
    return;
  rows = MIN ((size - header_end) / row_bytes * 9 / 8 + LI_STR_POOL_BATCH, max_rows);
  rows = MIN (rows, _LI_LEADS_RESERVE_MAX);
  li_str_pool_reserve (q->table->leads, (guint32) rows,
                       rows * (q->ids->len / LI_STR_POOL_BATCH + 1));
  _li_lead_table_reserve (q->table, &q->rows_size, rows, q->max_values);
}

/* Attribute values are mostly few (sizes, zones, budgets): a small cache
 * spares them the pool's hash and probe. */
#define _LI_LEADS_CACHE_BITS 8

static gboolean
_li_import_leads_csv (LiLeadTable    *table,
                      LiImportInput  *input,
                      LiCsvReader    *reader,
                      guint64         size,
                      guint64         max_values,
                      GCancellable   *cancellable,
                      GError        **error)
{
  const char *file_name = input->name;
  guint64 header_end, n_records = 0;
  g_auto(LiCsvHeader) header = { NULL, };
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  g_autofree guint *attribute_col = NULL;
  g_autoptr(GByteArray) ids = g_byte_array_new ();
  g_autofree guint32 *queued_values = NULL;
  LiLeadsQueue q = { table, input->name, max_values, 0, 0, ids, };
  LiStrCacheEntry cache[1 << _LI_LEADS_CACHE_BITS] = { { 0, }, };
  GError *local_error = NULL;
  LiCsvResult r;
  guint n_columns, n_attributes;
  int lead_col;

  r = li_csv_reader_next (reader, cancellable, &local_error);
  if (r == LI_CSV_RESULT_END)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT, _("%s: empty file"), file_name);
      return FALSE;
    }
  if (r == LI_CSV_RESULT_ERROR)
    goto reader_error;
  if (!li_csv_reader_is_valid_utf8 (reader))
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   _("%s:%" PRIu64 ": invalid UTF-8 in the header"),
                   file_name, li_csv_reader_get_line (reader));
      return FALSE;
    }

  _li_csv_header_init (&header, reader);
  n_columns = header.n_columns;
  lead_col = _li_csv_header_find (&header, "lead_id");
  if (lead_col < 0)
    {
      g_autofree char *shown = _li_csv_describe_header (reader);

      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   _("%s:%" PRIu64 ": no lead_id column (header: %s)"),
                   file_name, li_csv_reader_get_line (reader), shown);
      return FALSE;
    }

  /* Attributes: the other named columns; of duplicates the last. */
  attribute_col = g_new (guint, MAX (n_columns, 1));
  for (guint i = 0; i < n_columns; i++)
    {
      const char *name = header.names[i];

      if (name[0] == '\0' || strcmp (name, "lead_id") == 0 || !_li_csv_header_is_last (&header, i))
        continue;
      attribute_col[attributes->len] = i;
      g_ptr_array_add (attributes, g_strdup (name));
    }
  n_attributes = attributes->len;
  table->n_attributes = n_attributes;
  table->attributes = (GStrv) g_ptr_array_free (g_steal_pointer (&attributes), FALSE);
  q.values = queued_values = g_new (guint32, (gsize) LI_STR_POOL_BATCH * MAX (n_attributes, 1));
  header_end = li_csv_reader_get_bytes_consumed (reader);

  while ((r = li_csv_reader_next (reader, cancellable, &local_error)) == LI_CSV_RESULT_RECORD)
    {
      guint n;
      const LiCsvField *f = li_csv_reader_get_fields (reader, &n);
      guint64 line = li_csv_reader_get_line (reader);
      guint32 *values;

      if (!li_csv_reader_is_valid_utf8 (reader))
        return _li_leads_bad_row (&q, line, _("invalid UTF-8"), error);
      if (n != n_columns)
        {
          g_autofree char *reason = g_strdup_printf (_("expected %u fields, found %u"),
                                                     n_columns, n);
          return _li_leads_bad_row (&q, line, reason, error);
        }
      if (f[lead_col].len == 0)
        return _li_leads_bad_row (&q, line, _("empty lead_id"), error);

      g_byte_array_append (ids, (const guint8 *) f[lead_col].data, (guint) f[lead_col].len);
      q.end[q.n] = ids->len;
      q.line[q.n] = line;
      values = q.values + (gsize) q.n * n_attributes;
      for (guint a = 0; a < n_attributes; a++)
        {
          const LiCsvField *v = &f[attribute_col[a]];

          values[a] = v->len > 0 ? li_str_cache_intern (cache, _LI_LEADS_CACHE_BITS, table->values,
                                                         v->data, v->len)
                                 : LI_LEAD_TABLE_MISSING;
        }
      if (++n_records == LI_STR_POOL_BATCH)
        _li_leads_reserve (&q, size, header_end, li_csv_reader_get_bytes_consumed (reader));
      if (++q.n == LI_STR_POOL_BATCH && !_li_leads_queue_flush (&q, error))
        return FALSE;
    }
  if (r == LI_CSV_RESULT_ERROR && !_li_leads_queue_flush (&q, error))
    {
      g_clear_error (&local_error);
      return FALSE;
    }
  if (r == LI_CSV_RESULT_ERROR)
    goto reader_error;

  return _li_leads_queue_flush (&q, error);

reader_error:
  return _li_import_input_reader_error (input, reader, local_error, error);
}

/* The size of an uncompressed file, else 0. */
static guint64
_li_leads_file_size (LiImportInput *input,
                     GCancellable  *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;

  if (input->gzip || !G_IS_FILE_INPUT_STREAM (input->raw))
    return 0;
  info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (input->raw),
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  return info != NULL && g_file_info_get_size (info) > 0 ? (guint64) g_file_info_get_size (info) : 0;
}

/* @file, or else @source (a path or a URL). */
static LiLeadTable *
_li_import_leads_from (GFile         *file,
                       const char    *source,
                       guint64        max_values,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(LiLeadTable) table = NULL;
  g_autoptr(LiCsvReader) reader = NULL;
  g_autoptr(GFile) opened = NULL;
  g_autofree char *name = NULL;
  LiImportInput input = { NULL, };
  gboolean ok;

  name = file != NULL ? _li_file_display_name (file) : li_import_source_display_name (source);
  if (file != NULL ? !_li_import_input_open (&input, file, name, cancellable, error)
                   : !_li_import_input_open_source (&input, source, name, &opened, NULL,
                                                    cancellable, error))
    {
      _li_import_input_clear (&input);
      return NULL;
    }

  table = g_new0 (LiLeadTable, 1);
  table->ref_count = 1;
  table->leads = li_str_pool_new ();
  table->values = li_str_pool_new ();

  reader = li_csv_reader_new (input.stream);
  ok = _li_import_leads_csv (table, &input, reader, _li_leads_file_size (&input, cancellable),
                             max_values, cancellable, error);
  g_clear_pointer (&reader, li_csv_reader_free);
  _li_import_input_clear (&input);

  if (!ok)
    return NULL;
  return g_steal_pointer (&table);
}

LiLeadTable *
li_import_leads (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return _li_import_leads_limited (file,
                                   li_import_default_max_events () * LI_MAX_PROPS_PER_EVENT,
                                   cancellable, error);
}

LiLeadTable *
li_import_leads_source (const char    *source,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _li_import_leads_from (NULL, source,
                                li_import_default_max_events () * LI_MAX_PROPS_PER_EVENT,
                                cancellable, error);
}

LiLeadTable *
_li_import_leads_limited (GFile         *file,
                          guint64        max_values,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _li_import_leads_from (file, NULL, max_values, cancellable, error);
}
