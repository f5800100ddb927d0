/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-remote-input.c: an HTTP(S) body as an input of the importer. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "li-remote-input.h"
#include "li-remote-private.h"
#include "li-import-source.h"

#include <string.h>

struct _LiRemoteInputStream
{
  GInputStream  parent_instance;

  SoupSession  *session;
  SoupMessage  *msg;
  GInputStream *body;
  guint64       received;
  gint64        expected;    /* Content-Length, -1 if none */
  gboolean      check_end;   /* chunked and kept alive: see _li_remote_peer_closed */
  gboolean      check_gzip;  /* Content-Encoding: gzip, the magic is due */
  gboolean      complete;    /* read to its end */
  guchar        head[2];
};

static void li_remote_input_stream_seekable_init (GSeekableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiRemoteInputStream, li_remote_input_stream, G_TYPE_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE,
                                                      li_remote_input_stream_seekable_init))

/* Errors of a read are the reason only: the importer puts "URL:LINE: "
 * in front. */
static gssize
li_remote_input_stream_read (GInputStream  *stream,
                             void          *buffer,
                             gsize          count,
                             GCancellable  *cancellable,
                             GError       **error)
{
  LiRemoteInputStream *self = LI_REMOTE_INPUT_STREAM (stream);
  GError *local = NULL;
  gssize n;

  /* libsoup reads from its buffers without looking at @cancellable. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  n = g_input_stream_read (self->body, buffer, count, cancellable, &local);
  if (n < 0)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        {
          g_clear_error (&local);
          if (self->expected >= 0)
            g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_TRUNCATED,
                         _("the connection closed after %" PRIu64 " of %" PRIu64 " bytes"),
                         self->received, (guint64) self->expected);
          else
            g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_TRUNCATED,
                         _("the connection closed after %" PRIu64 " bytes, before the end of "
                           "the data"), self->received);
          return -1;
        }
      _li_remote_propagate (error, local, self->msg, NULL);
      return -1;
    }

  if (n == 0 && self->expected >= 0 && self->received != (guint64) self->expected)
    {
      g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_TRUNCATED,
                   _("the connection closed after %" PRIu64 " of %" PRIu64 " bytes"),
                   self->received, (guint64) self->expected);
      return -1;
    }

  if (n == 0 && self->check_end)
    {
      self->check_end = FALSE;
      if (_li_remote_peer_closed (self->session))
        {
          g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_TRUNCATED,
                       _("the connection closed after %" PRIu64 " bytes, before the end of "
                         "the data"), self->received);
          return -1;
        }
    }

  if (self->check_gzip)
    {
      for (gssize i = 0; i < n && self->received + (guint64) i < 2; i++)
        self->head[self->received + (guint64) i] = ((const guchar *) buffer)[i];
      if ((n == 0 || self->received + (guint64) n >= 2) &&
          (self->received + (guint64) n < 2 || self->head[0] != 0x1f || self->head[1] != 0x8b))
        {
          g_set_error_literal (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_ENCODING,
                               _("the server said the data is gzip-compressed, but it is not"));
          return -1;
        }
      if (self->received + (guint64) n >= 2)
        self->check_gzip = FALSE;
    }

  self->received += (guint64) n;
  self->complete = n == 0;
  return n;
}

static gboolean
li_remote_input_stream_close (GInputStream  *stream,
                              GCancellable  *cancellable,
                              GError       **error)
{
  LiRemoteInputStream *self = LI_REMOTE_INPUT_STREAM (stream);

  /* Closed early (an error, a cancelled import): drop the connection
   * rather than read the rest, which may never end. */
  if (!self->complete)
    soup_session_abort (self->session);
  return g_input_stream_close (self->body, cancellable, error);
}

static goffset
li_remote_input_stream_tell (GSeekable *seekable)
{
  return (goffset) LI_REMOTE_INPUT_STREAM (seekable)->received;
}

static gboolean
li_remote_input_stream_can_seek (GSeekable *seekable)
{
  return FALSE;
}

static gboolean
li_remote_input_stream_seek (GSeekable     *seekable,
                             goffset        offset,
                             GSeekType      type,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("cannot seek in a download"));
  return FALSE;
}

static gboolean
li_remote_input_stream_can_truncate (GSeekable *seekable)
{
  return FALSE;
}

static gboolean
li_remote_input_stream_truncate (GSeekable     *seekable,
                                 goffset        offset,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("cannot truncate a download"));
  return FALSE;
}

static void
li_remote_input_stream_seekable_init (GSeekableIface *iface)
{
  iface->tell = li_remote_input_stream_tell;
  iface->can_seek = li_remote_input_stream_can_seek;
  iface->seek = li_remote_input_stream_seek;
  iface->can_truncate = li_remote_input_stream_can_truncate;
  iface->truncate_fn = li_remote_input_stream_truncate;
}

static void
li_remote_input_stream_finalize (GObject *object)
{
  LiRemoteInputStream *self = LI_REMOTE_INPUT_STREAM (object);

  g_clear_object (&self->body);
  g_clear_object (&self->msg);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (li_remote_input_stream_parent_class)->finalize (object);
}

static void
li_remote_input_stream_class_init (LiRemoteInputStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = li_remote_input_stream_finalize;
  stream_class->read_fn = li_remote_input_stream_read;
  stream_class->close_fn = li_remote_input_stream_close;
}

static void
li_remote_input_stream_init (LiRemoteInputStream *self)
{
  self->expected = -1;
}

guint64
li_remote_input_stream_get_received (LiRemoteInputStream *self)
{
  g_return_val_if_fail (LI_IS_REMOTE_INPUT_STREAM (self), 0);

  return self->received;
}

GInputStream *
li_remote_open_url (const char    *url,
                    guint64       *size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) body = NULL;
  LiRemoteInputStream *self;
  SoupMessageHeaders *headers;
  const char *encoding;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = li_import_source_display_name (url);
  if ((uri = _li_remote_parse_url (url, display, error)) == NULL)
    return NULL;

  session = _li_remote_session_new (uri);
  msg = _li_remote_message_new (SOUP_METHOD_GET, uri);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept-Encoding", "gzip");
  body = _li_remote_send (session, &msg, TRUE, display, cancellable, error);
  if (body == NULL)
    return NULL;
  if (!_li_remote_check_status (msg, display, error))
    return NULL;

  headers = soup_message_get_response_headers (msg);
  encoding = soup_message_headers_get_one (headers, "Content-Encoding");
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0 &&
      g_ascii_strcasecmp (encoding, "gzip") != 0 && g_ascii_strcasecmp (encoding, "x-gzip") != 0)
    {
      g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_ENCODING,
                   _("%s: the server compressed the data as “%s”, which cannot be read "
                     "(gzip can)"), display, encoding);
      return NULL;
    }

  self = g_object_new (LI_TYPE_REMOTE_INPUT_STREAM, NULL);
  self->session = g_steal_pointer (&session);
  self->msg = g_steal_pointer (&msg);
  self->body = g_steal_pointer (&body);
  self->check_gzip = encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    self->expected = soup_message_headers_get_content_length (headers);
  self->check_end = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED &&
                    soup_message_get_http_version (self->msg) == SOUP_HTTP_1_1 &&
                    !soup_message_headers_header_contains (headers, "Connection", "close");
  if (size != NULL)
    *size = self->expected > 0 ? (guint64) self->expected : 0;
  return G_INPUT_STREAM (self);
}
