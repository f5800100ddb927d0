/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-csv-header.c: the header record of a CSV file: its names, finding a
 * column, and a short description for messages. */

#include "config.h"

#include "li-csv-header.h"
#include "li-import-sink.h"

#include <string.h>

/* Reads the names of the current record of @reader; a later duplicate
 * replaces an earlier one in the index. */
void
_li_csv_header_init (LiCsvHeader *header,
                     LiCsvReader *reader)
{
  guint n;
  const LiCsvField *fields = li_csv_reader_get_fields (reader, &n);

  header->names = g_new0 (char *, n + 1);
  header->n_columns = n;
  header->index = li_str_pool_new ();
  header->last = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      char *name = g_strstrip (g_strndup (fields[i].data, fields[i].len));

      header->names[i] = name;
      header->last[li_str_pool_intern (header->index, name, strlen (name))] = i;
    }
}

void
_li_csv_header_clear (LiCsvHeader *header)
{
  g_clear_pointer (&header->names, g_strfreev);
  g_clear_pointer (&header->index, li_str_pool_free);
  g_clear_pointer (&header->last, g_free);
  header->n_columns = 0;
}

int
_li_csv_header_find (const LiCsvHeader *header,
                     const char        *name)
{
  guint32 id;

  if (!li_str_pool_lookup (header->index, name, strlen (name), &id))
    return -1;
  return (int) header->last[id];
}

gboolean
_li_csv_header_is_last (const LiCsvHeader *header,
                        guint              i)
{
  return _li_csv_header_find (header, header->names[i]) == (int) i;
}

char *
_li_csv_describe_header (LiCsvReader *reader)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gsize len;
  const char *raw = li_csv_reader_get_raw (reader, &len);

  _li_append_shown (out, raw, len, LI_IMPORT_MAX_SHOWN_HEADER, FALSE);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
