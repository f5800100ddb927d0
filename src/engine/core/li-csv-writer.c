/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-csv-writer.c: CSV output as RFC 4180 writers do it. */

#include "config.h"

#include "li-csv-writer.h"

#include <string.h>

void
li_csv_append_field (GString    *out,
                     const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = field; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}
