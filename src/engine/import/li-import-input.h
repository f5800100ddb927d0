/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-csv-reader.h"

G_BEGIN_DECLS

/* An open input: what the readers parse (decompressed, buffered) and the raw
 * stream below (a file, or any GInputStream such as an HTTP body), whose
 * position, when it can tell, says how much of the input was read.  The name
 * and the file (NULL for a stream) are the caller's, for messages. */
typedef struct
{
  GInputStream     *raw;
  GInputStream     *stream;
  gboolean          gzip;
  const char       *name;
  GFile            *file;
  guint64           line_offset;  /* lines before the reader's start */
} LiImportInput;

char *_li_file_display_name (GFile *file);
gboolean _li_import_io_error (const char  *name,
                              GFile       *file,
                              GError      *local_error,
                              GError     **error);
gboolean _li_buffered_fill (GBufferedInputStream  *stream,
                            gsize                  want,
                            GCancellable          *cancellable,
                            GError               **error);
void _li_import_input_clear (LiImportInput *input);
/* Opens @raw: gzip when it starts with the gzip magic, whatever its name. */
gboolean _li_import_input_open_stream (LiImportInput  *input,
                                       GInputStream   *raw,
                                       const char     *name,
                                       GCancellable   *cancellable,
                                       GError        **error);
gboolean _li_import_input_open (LiImportInput  *input,
                                GFile          *file,
                                const char     *name,
                                GCancellable   *cancellable,
                                GError        **error);
gboolean _li_import_input_sniff_json (LiImportInput  *input,
                                      gboolean       *json,
                                      GCancellable   *cancellable,
                                      GError        **error);
/* Bytes of the raw input read when the reader has consumed @consumed. */
guint64 _li_import_input_position_at (LiImportInput *input,
                                      guint64        consumed);
guint64 _li_import_input_position (LiImportInput *input,
                                   LiCsvReader   *reader);
gboolean _li_import_input_read_error (LiImportInput  *input,
                                      guint64         line,
                                      GError         *local_error,
                                      GError        **error);
gboolean _li_import_input_reader_error (LiImportInput  *input,
                                        LiCsvReader    *reader,
                                        GError         *local_error,
                                        GError        **error);

G_END_DECLS
