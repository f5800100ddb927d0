/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LI_TYPE_REMOTE_INPUT_STREAM (li_remote_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (LiRemoteInputStream, li_remote_input_stream, LI, REMOTE_INPUT_STREAM,
                      GInputStream)

/* The body of a URL as the importer reads it (the LiImportUrlOpener of
 * li-import-source.h): GET with redirects followed (at most
 * LI_REMOTE_MAX_REDIRECTS, never from https to http), certificates
 * verified, a status other than 2xx an error before any data.  The stream
 * passes the bytes on as they came, gzip too (a gzip Content-Encoding is
 * decompressed by the importer, which recognises gzip by its magic bytes);
 * it fails (LI_REMOTE_ERROR) rather than end early when the connection
 * closes before the announced length or the end of a chunked body, or
 * when no data comes for li_remote_get_timeout () seconds.  Its tell() is
 * the number of bytes received.  @size: the Content-Length, 0 if none. */
GInputStream *li_remote_open_url (const char    *url,
                                  guint64       *size,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* Bytes received so far. */
guint64       li_remote_input_stream_get_received (LiRemoteInputStream *self);

G_END_DECLS
