/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-import-sink.c: what every format feeds: the store builder, bad-row
 * accounting and progress, and the messages that say where and why. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-import-sink.h"

#include <stdarg.h>
#include <string.h>

/* Appends @data as one line of valid UTF-8, cut after @max bytes; when
 * @quoted, in double quotes with quotes and backslashes escaped. */
void
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

gboolean
_li_import_sink_bad_row (LiImportSink  *sink,
                         guint64        line,
                         GError       **error,
                         const char    *format,
                         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  if (_li_import_sink_count_only (sink))
    return TRUE;

  va_start (args, format);
  reason = g_strdup_vprintf (_(format), args);
  va_end (args);

  if (!sink->skip_bad_rows)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW,
                   "%s:%" G_GUINT64_FORMAT ": %s", sink->file_name, line, reason);
      return FALSE;
    }

  sink->n_skipped++;
  if (sink->reasons->len < LI_IMPORT_MAX_REASONS && sink->reason_lines != NULL)
    {
      g_ptr_array_add (sink->reasons, g_steal_pointer (&reason));
      g_array_append_val (sink->reason_lines, line);
    }
  else if (sink->reasons->len < LI_IMPORT_MAX_REASONS)
    g_ptr_array_add (sink->reasons,
                     g_strdup_printf ("%s:%" G_GUINT64_FORMAT ": %s",
                                      sink->file_name, line, reason));
  return TRUE;
}

void
_li_import_sink_progress (LiImportSink *sink,
                          guint64       done)
{
  if (sink->progress != NULL)
    sink->progress (done, sink->total, sink->progress_data);
}
