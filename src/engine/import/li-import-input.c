/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-import-input.c: an input file of an import, opened for the readers:
 * decompressed when it is gzip, buffered, with its position for progress. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "li-import-input.h"
#include "li-gzip-converter.h"
#include "li-import.h"

#include <string.h>

char *
_li_file_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return g_strdup (path);
  return g_file_get_parse_name (file);
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

/* Sets @error for an I/O problem with @name before any of it was read, such
 * as a missing file; cancellation stays itself. */
gboolean
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
  g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO,
               "%s: %s", name, _li_io_reason (local_error, file));
  g_error_free (local_error);
  return FALSE;
}

/* Reads until @want bytes are buffered or the data ends. */
gboolean
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

void
_li_import_input_clear (LiImportInput *input)
{
  g_clear_object (&input->stream);
  g_clear_object (&input->raw);
}

gboolean
_li_import_input_open_stream (LiImportInput  *input,
                              GInputStream   *raw,
                              const char     *name,
                              GCancellable   *cancellable,
                              GError        **error)
{
  g_autoptr(GInputStream) buffered = NULL;
  GError *local_error = NULL;
  const guchar *head;
  gsize avail;

  input->name = name;
  input->raw = g_object_ref (raw);
  buffered = g_buffered_input_stream_new (raw);
  if (!_li_buffered_fill (G_BUFFERED_INPUT_STREAM (buffered), 2, cancellable, &local_error))
    return _li_import_io_error (name, NULL, local_error, error);
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &avail);
  if (avail == 0)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT, _("%s: empty file"), name);
      return FALSE;
    }

  /* By the magic only: a plain CSV named .gz is read as it is. */
  input->gzip = avail >= 2 && head[0] == 0x1f && head[1] == 0x8b;
  if (input->gzip)
    {
      g_autoptr(GConverter) decompressor = li_gzip_converter_new ();
      g_autoptr(GInputStream) converter = NULL;

      converter = g_converter_input_stream_new (buffered, decompressor);
      input->stream = g_buffered_input_stream_new (converter);
    }
  else
    input->stream = g_steal_pointer (&buffered);

  return TRUE;
}

gboolean
_li_import_input_open (LiImportInput  *input,
                       GFile          *file,
                       const char     *name,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  GError *local_error = NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    return _li_import_io_error (name, file, local_error, error);
  input->file = file;
  return _li_import_input_open_stream (input, G_INPUT_STREAM (stream), name, cancellable, error);
}

/* The first byte of @head after a BOM and blanks, or NULL while @avail bytes
 * cannot tell (all blank, or a part of a BOM). */
static const char *
_li_sniff_first_byte (const char *head,
                      gsize       avail)
{
  gsize i = 0;

  if (avail < 3 && avail > 0 && memcmp (head, "\xEF\xBB\xBF", avail) == 0)
    return NULL;
  if (avail >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < avail && g_ascii_isspace (head[i]))
    i++;
  return i < avail ? head + i : NULL;
}

/* Whether the data looks like JSON lines: the first non-blank byte of the
 * first 256 is '{'.  Reads no further than that byte, so that a read error
 * past it (corrupt gzip data) is met by the reader, which knows the line. */
gboolean
_li_import_input_sniff_json (LiImportInput  *input,
                             gboolean       *json,
                             GCancellable   *cancellable,
                             GError        **error)
{
  GBufferedInputStream *stream = G_BUFFERED_INPUT_STREAM (input->stream);

  for (;;)
    {
      gsize avail;
      const char *head = g_buffered_input_stream_peek_buffer (stream, &avail);
      const char *first = _li_sniff_first_byte (head, avail);
      gssize n;

      if (first != NULL || avail >= 256)
        {
          *json = first != NULL && *first == '{';
          return TRUE;
        }
      n = g_buffered_input_stream_fill (stream, (gssize) (256 - avail), cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        {
          *json = FALSE;
          return TRUE;
        }
    }
}

/* Bytes of the current file read so far. */
guint64
_li_import_input_position (LiImportInput *input,
                           LiCsvReader   *reader)
{
  return _li_import_input_position_at (input, li_csv_reader_get_bytes_consumed (reader));
}

guint64
_li_import_input_position_at (LiImportInput *input,
                              guint64        consumed)
{
  goffset pos;

  if (!input->gzip)
    return consumed;
  if (!G_IS_SEEKABLE (input->raw))
    return 0;
  pos = g_seekable_tell (G_SEEKABLE (input->raw));
  return pos > 0 ? (guint64) pos : 0;
}

/* Sets @error for a failure to read @input at @line, the line reached: what
 * went wrong in the import's words for gzip data, and where. */
gboolean
_li_import_input_read_error (LiImportInput  *input,
                             guint64         line,
                             GError         *local_error,
                             GError        **error)
{
  const char *reason;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    reason = _("unexpected end of compressed data");
  else if (input->gzip && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
    reason = _("corrupt gzip data");
  else
    reason = _li_io_reason (local_error, input->file);

  g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO,
               "%s:%" G_GUINT64_FORMAT ": %s", input->name, line, reason);
  g_error_free (local_error);
  return FALSE;
}

/* Sets @error for a failure of @reader on @input: a record it cannot read
 * (an unterminated quote, too long) or a failure to read the input. */
gboolean
_li_import_input_reader_error (LiImportInput  *input,
                               LiCsvReader    *reader,
                               GError         *local_error,
                               GError        **error)
{
  guint64 line = input->line_offset + li_csv_reader_get_line (reader);

  if (local_error->domain == LI_CSV_ERROR)
    {
      g_set_error (error, LI_IMPORT_ERROR,
                   local_error->code == LI_CSV_ERROR_TOO_LONG ? LI_IMPORT_ERROR_LIMIT
                                                             : LI_IMPORT_ERROR_BAD_ROW,
                   "%s:%" G_GUINT64_FORMAT ": %s", input->name, line, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return _li_import_input_read_error (input, line, local_error, error);
}
