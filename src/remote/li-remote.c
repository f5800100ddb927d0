/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-remote.c: what every request shares: the session, redirects, and
 * errors in words that name no credentials. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-remote-private.h"
#include "li-import-source.h"
#include "li-remote-input.h"

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

G_DEFINE_QUARK (li-remote-error-quark, li_remote_error)

static guint remote_timeout = LI_REMOTE_DEFAULT_TIMEOUT;
static GTlsDatabase *remote_tls_database;

#define LI_TLS_FLAGS_KEY "li-remote-tls-flags"

void
li_remote_init (void)
{
  const char *timeout = g_getenv ("LEAD_INTENT_HTTP_TIMEOUT");

  if (timeout != NULL)
    {
      guint64 seconds;

      if (g_ascii_string_to_unsigned (timeout, 10, 1, 3600, &seconds, NULL))
        li_remote_set_timeout ((guint) seconds);
      else
        g_warning ("LEAD_INTENT_HTTP_TIMEOUT must be a number of seconds from 1 to 3600");
    }
  li_import_set_url_opener (li_remote_open_url);
}

void
li_remote_set_timeout (guint seconds)
{
  g_return_if_fail (seconds > 0);

  remote_timeout = seconds;
}

guint
li_remote_get_timeout (void)
{
  return remote_timeout;
}

void
li_remote_set_tls_database (GTlsDatabase *database)
{
  g_set_object (&remote_tls_database, database);
}

static gboolean
_li_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
li_remote_url_is_loopback (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  return uri != NULL && _li_host_is_loopback (g_uri_get_host (uri));
}

char *
li_remote_tls_flags_to_string (GTlsCertificateFlags flags)
{
  static const struct { GTlsCertificateFlags flag; const char *words; } names[] = {
    { G_TLS_CERTIFICATE_UNKNOWN_CA, N_("not signed by a known authority") },
    { G_TLS_CERTIFICATE_BAD_IDENTITY, N_("issued for another host") },
    { G_TLS_CERTIFICATE_NOT_ACTIVATED, N_("not valid yet") },
    { G_TLS_CERTIFICATE_EXPIRED, N_("expired") },
    { G_TLS_CERTIFICATE_REVOKED, N_("revoked") },
    { G_TLS_CERTIFICATE_INSECURE, N_("made with an insecure algorithm") },
    { G_TLS_CERTIFICATE_GENERIC_ERROR, N_("invalid") },
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (flags & names[i].flag)
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, _(names[i].words));
      }
  if (text->len == 0)
    g_string_append (text, _("invalid"));
  return g_string_free (text, FALSE);
}

GUri *
_li_remote_parse_url (const char  *url,
                      const char  *display,
                      GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_URL, _("%s: not a valid URL"), display);
      return NULL;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_URL,
                   _("%s: only http:// and https:// URLs can be read"), display);
      return NULL;
    }
  return g_steal_pointer (&uri);
}

SoupSession *
_li_remote_session_new (GUri *uri)
{
  g_autofree char *agent = g_strdup_printf ("lead-intent/%s", PACKAGE_VERSION);
  SoupSession *session;

  /* No proxy serves this machine; the default resolver is not created then
   * (it aborts in tests with isolated directories). */
  if (_li_host_is_loopback (g_uri_get_host (uri)))
    session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  else
    session = soup_session_new ();
  soup_session_set_user_agent (session, agent);
  soup_session_set_timeout (session, remote_timeout);
  soup_session_set_idle_timeout (session, remote_timeout);
  if (remote_tls_database != NULL)
    soup_session_set_tls_database (session, remote_tls_database);
  /* The body reaches the importer as it was sent: a gzip body is
   * decompressed there, once, whether it is a .gz file or was compressed
   * for the transfer (Content-Encoding). */
  soup_session_remove_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);
  return session;
}

static gboolean
_li_accept_certificate_cb (SoupMessage          *msg,
                           GTlsCertificate      *certificate,
                           GTlsCertificateFlags  errors,
                           gpointer              user_data)
{
  g_object_set_data (G_OBJECT (msg), LI_TLS_FLAGS_KEY, GUINT_TO_POINTER (errors | 0x10000));
  return FALSE;  /* never accepted: no silent downgrade */
}

SoupMessage *
_li_remote_message_new (const char *method,
                        GUri       *uri)
{
  SoupMessage *msg = soup_message_new_from_uri (method, uri);

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (_li_accept_certificate_cb), NULL);
  return msg;
}

void
_li_remote_propagate (GError      **error,
                      GError       *local,
                      SoupMessage  *msg,
                      const char   *display)
{
  g_autofree char *reason = NULL;
  LiRemoteError code = LI_REMOTE_ERROR_CONNECT;
  guint flags = msg != NULL ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), LI_TLS_FLAGS_KEY))
                            : 0;

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED) || local->domain == LI_REMOTE_ERROR)
    {
      g_propagate_error (error, local);
      return;
    }

  if (flags != 0 || local->domain == G_TLS_ERROR)
    {
      g_autofree char *words = li_remote_tls_flags_to_string (flags & 0xffff);

      code = LI_REMOTE_ERROR_TLS;
      if (flags != 0)
        reason = g_strdup_printf (_("the server’s certificate is not valid: %s"), words);
      else
        reason = g_strdup_printf (_("the secure connection failed: %s"), local->message);
    }
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      code = LI_REMOTE_ERROR_TIMEOUT;
      reason = g_strdup_printf (_("no data for %u s"), remote_timeout);
    }
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    {
      code = LI_REMOTE_ERROR_TRUNCATED;
      reason = g_strdup (_("the connection closed before the end of the data"));
    }
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    reason = g_strdup (_("the connection was refused"));
  else if (local->domain == G_RESOLVER_ERROR)
    reason = g_strdup (_("the host was not found"));
  else
    reason = g_strdup (local->message);

  if (display != NULL)
    g_set_error (error, LI_REMOTE_ERROR, code, "%s: %s", display, reason);
  else
    g_set_error_literal (error, LI_REMOTE_ERROR, code, reason);
  g_error_free (local);
}

static const char *
_li_status_phrase (SoupMessage *msg)
{
  guint status = soup_message_get_status (msg);
  const char *phrase = soup_status_get_phrase (status);

  /* The standard phrase rather than the server's text. */
  if (phrase != NULL && *phrase != '\0' && g_ascii_strcasecmp (phrase, "Unknown Error") != 0)
    return phrase;
  return "";
}

gboolean
_li_remote_check_status (SoupMessage  *msg,
                         const char   *display,
                         GError      **error)
{
  guint status = soup_message_get_status (msg);
  LiRemoteError code = LI_REMOTE_ERROR_HTTP;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED: code = LI_REMOTE_ERROR_UNAUTHORIZED; break;
    case SOUP_STATUS_FORBIDDEN: code = LI_REMOTE_ERROR_FORBIDDEN; break;
    case SOUP_STATUS_NOT_FOUND: code = LI_REMOTE_ERROR_NOT_FOUND; break;
    case SOUP_STATUS_PRECONDITION_FAILED: code = LI_REMOTE_ERROR_PRECONDITION; break;
    default:
      if (status >= 500 && status < 600)
        code = LI_REMOTE_ERROR_SERVER;
      break;
    }
  g_set_error (error, LI_REMOTE_ERROR, code, _("%s: the server answered %u %s"),
               display, status, _li_status_phrase (msg));
  return FALSE;
}

#define LI_SOCKET_KEY "li-remote-socket"

/* The socket of the session's newest connection, for _li_remote_peer_closed. */
static void
_li_network_event_cb (SoupMessage        *msg,
                      GSocketClientEvent  event,
                      GIOStream          *connection,
                      gpointer            session)
{
  if (event == G_SOCKET_CLIENT_CONNECTED && G_IS_SOCKET_CONNECTION (connection))
    g_object_set_data_full (G_OBJECT (session), LI_SOCKET_KEY,
                            g_object_ref (g_socket_connection_get_socket (G_SOCKET_CONNECTION (connection))),
                            g_object_unref);
}

gboolean
_li_remote_peer_closed (SoupSession *session)
{
  GSocket *socket = g_object_get_data (G_OBJECT (session), LI_SOCKET_KEY);
  char byte;

  if (socket == NULL || g_socket_is_closed (socket))
    return FALSE;
  if ((g_socket_condition_check (socket, G_IO_IN | G_IO_HUP) & (G_IO_IN | G_IO_HUP)) == 0)
    return FALSE;
  return recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT) == 0;
}

GInputStream *
_li_remote_send (SoupSession   *session,
                 SoupMessage  **msg,
                 gboolean       follow,
                 const char    *display,
                 GCancellable  *cancellable,
                 GError       **error)
{
  for (guint hops = 0;; hops++)
    {
      g_autoptr(GInputStream) body = NULL;
      g_autoptr(GUri) next = NULL;
      g_autofree char *next_display = NULL;
      GError *local = NULL;
      const char *location;
      guint status;
      GUri *current;

      g_signal_connect_object (*msg, "network-event", G_CALLBACK (_li_network_event_cb), session, 0);
      body = soup_session_send (session, *msg, cancellable, &local);
      if (body == NULL)
        {
          _li_remote_propagate (error, local, *msg, display);
          return NULL;
        }
      status = soup_message_get_status (*msg);
      if (!SOUP_STATUS_IS_REDIRECTION (status) || status == 304)
        return g_steal_pointer (&body);

      g_input_stream_close (body, NULL, NULL);
      current = soup_message_get_uri (*msg);
      location = soup_message_headers_get_one (soup_message_get_response_headers (*msg), "Location");
      if (location != NULL)
        next = g_uri_parse_relative (current, location, SOUP_HTTP_URI_FLAGS, NULL);
      if (next != NULL)
        {
          g_autofree char *text = g_uri_to_string (next);

          next_display = li_import_source_display_name (text);
        }
      if (next == NULL || (g_ascii_strcasecmp (g_uri_get_scheme (next), "http") != 0 &&
                           g_ascii_strcasecmp (g_uri_get_scheme (next), "https") != 0))
        {
          g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_REDIRECT,
                       _("%s: the server answered %u but did not say where to"), display, status);
          return NULL;
        }
      if (!follow)
        {
          g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_REDIRECT,
                       _("%s: the server redirects to %s (%u); use that URL"), display,
                       next_display, status);
          return NULL;
        }
      if (g_ascii_strcasecmp (g_uri_get_scheme (current), "https") == 0 &&
          g_ascii_strcasecmp (g_uri_get_scheme (next), "https") != 0)
        {
          g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_REDIRECT,
                       _("%s: the server redirects from HTTPS to plain HTTP (%s), which is refused"),
                       display, next_display);
          return NULL;
        }
      if (hops + 1 > LI_REMOTE_MAX_REDIRECTS)
        {
          g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_REDIRECT,
                       _("%s: too many redirects (more than %u)"), display,
                       LI_REMOTE_MAX_REDIRECTS);
          return NULL;
        }

      {
        SoupMessage *redirected = _li_remote_message_new (soup_message_get_method (*msg), next);
        SoupMessageHeaders *from = soup_message_get_request_headers (*msg);
        const char *accept = soup_message_headers_get_one (from, "Accept-Encoding");

        if (accept != NULL)
          soup_message_headers_replace (soup_message_get_request_headers (redirected),
                                        "Accept-Encoding", accept);
        g_object_unref (*msg);
        *msg = redirected;
      }
    }
}
