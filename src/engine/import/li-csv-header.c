/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-csv-header.c: the header record of a CSV file: its names, finding a
 * column, and a short description for messages. */

#include "config.h"

#include "li-csv-header.h"
#include "li-import-sink.h"

#include <string.h>

/* The header names, without surrounding blanks. */
GStrv
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
int
_li_csv_find_column (const char * const *names,
                     const char         *name)
{
  int found = -1;

  for (int i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      found = i;
  return found;
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
