/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-endpoint.c: fetching and publishing rule files (SPEC 8). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-endpoint.h"
#include "li-remote-private.h"
#include "li-import-source.h"

#include <string.h>

gboolean
li_endpoint_check_url (const char  *url,
                       GError     **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  display = li_import_source_display_name (url);
  if ((uri = _li_remote_parse_url (url, display, error)) == NULL)
    return FALSE;
  if (g_uri_get_user (uri) != NULL || g_uri_get_password (uri) != NULL)
    {
      g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_URL,
                   _("%s: the endpoint URL must not hold a user name or password; "
                     "the token is kept in the keyring"), display);
      return FALSE;
    }
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0 &&
      !li_remote_url_is_loopback (url))
    {
      g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_URL,
                   _("%s: the endpoint must be an https:// URL"), display);
      return FALSE;
    }
  return TRUE;
}

/* A more helpful word for the statuses an endpoint answers. */
static void
_li_endpoint_explain (GError **error)
{
  const char *hint = NULL;
  char *message;

  if (error == NULL || *error == NULL || (*error)->domain != LI_REMOTE_ERROR)
    return;
  switch ((*error)->code)
    {
    case LI_REMOTE_ERROR_UNAUTHORIZED:
      hint = _("the token is missing, wrong or expired");
      break;
    case LI_REMOTE_ERROR_FORBIDDEN:
      hint = _("the token may not do this");
      break;
    case LI_REMOTE_ERROR_NOT_FOUND:
      hint = _("nothing is published there yet, or the URL is wrong");
      break;
    case LI_REMOTE_ERROR_PRECONDITION:
      hint = _("production changed since this version was fetched");
      break;
    case LI_REMOTE_ERROR_SERVER:
      hint = _("a problem of the server; try again later");
      break;
    default:
      return;
    }
  message = g_strdup_printf ("%s (%s)", (*error)->message, hint);
  g_free ((*error)->message);
  (*error)->message = message;
}

static SoupMessage *
_li_endpoint_message (const char  *method,
                      GUri        *uri,
                      const char  *token)
{
  SoupMessage *msg = _li_remote_message_new (method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_headers_replace (headers, "Accept", "application/json");
  if (token != NULL && *token != '\0')
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
      explicit_bzero (value, strlen (value));
    }
  return msg;
}

static char *
_li_endpoint_etag (SoupMessage *msg)
{
  const char *etag = soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag");

  return etag != NULL && *etag != '\0' ? g_strdup (etag) : NULL;
}

/* The whole body, up to LI_ENDPOINT_MAX_BYTES. */
static GBytes *
_li_endpoint_read_body (GInputStream  *body,
                        SoupMessage   *msg,
                        const char    *display,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guchar buffer[16384];

  for (;;)
    {
      GError *local = NULL;
      gssize n = g_input_stream_read (body, buffer, sizeof buffer, cancellable, &local);

      if (n < 0)
        {
          _li_remote_propagate (error, local, msg, display);
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + (gsize) n > LI_ENDPOINT_MAX_BYTES)
        {
          g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_TOO_LARGE,
                       _("%s: the answer is larger than %u MB, too large for a rule file"),
                       display, LI_ENDPOINT_MAX_BYTES >> 20);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  g_input_stream_close (body, NULL, NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GBytes *
li_endpoint_fetch (const char    *url,
                   const char    *token,
                   char         **etag,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) body = NULL;
  GBytes *bytes;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!li_endpoint_check_url (url, error))
    return NULL;
  display = li_import_source_display_name (url);
  uri = _li_remote_parse_url (url, display, error);
  session = _li_remote_session_new (uri);
  msg = _li_endpoint_message (SOUP_METHOD_GET, uri, token);
  if ((body = _li_remote_send (session, &msg, FALSE, display, cancellable, error)) == NULL)
    return NULL;
  if (!_li_remote_check_status (msg, display, error))
    {
      _li_endpoint_explain (error);
      return NULL;
    }
  if ((bytes = _li_endpoint_read_body (body, msg, display, cancellable, error)) == NULL)
    return NULL;
  if (etag != NULL)
    *etag = _li_endpoint_etag (msg);
  return bytes;
}

gboolean
li_endpoint_publish (const char    *url,
                     const char    *token,
                     GBytes        *body,
                     const char    *if_match,
                     char         **new_etag,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *display = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) answer = NULL;
  g_autoptr(GBytes) ignored = NULL;
  SoupMessageHeaders *headers;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!li_endpoint_check_url (url, error))
    return FALSE;
  display = li_import_source_display_name (url);
  uri = _li_remote_parse_url (url, display, error);
  session = _li_remote_session_new (uri);
  msg = _li_endpoint_message (SOUP_METHOD_PUT, uri, token);
  headers = soup_message_get_request_headers (msg);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  else
    soup_message_headers_replace (headers, "If-None-Match", "*");
  soup_message_set_request_body_from_bytes (msg, "application/json", body);

  if ((answer = _li_remote_send (session, &msg, FALSE, display, cancellable, error)) == NULL)
    return FALSE;
  if (!_li_remote_check_status (msg, display, error))
    {
      _li_endpoint_explain (error);
      return FALSE;
    }
  /* The answer's body says nothing we need; read it so that the
   * connection ends cleanly. */
  ignored = _li_endpoint_read_body (answer, msg, display, cancellable, NULL);
  if (new_etag != NULL)
    *new_etag = _li_endpoint_etag (msg);
  return TRUE;
}

/* Async */

typedef struct
{
  char   *url;
  char   *token;
  GBytes *body;
  char   *if_match;
  char   *etag;    /* the result's */
} Request;

static void
_li_request_free (Request *request)
{
  g_free (request->url);
  if (request->token != NULL)
    {
      explicit_bzero (request->token, strlen (request->token));
      g_free (request->token);
    }
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->if_match);
  g_free (request->etag);
  g_free (request);
}

static void
_li_fetch_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;
  GBytes *bytes;

  bytes = li_endpoint_fetch (request->url, request->token, &request->etag, cancellable, &error);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
_li_publish_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;

  if (li_endpoint_publish (request->url, request->token, request->body, request->if_match,
                           &request->etag, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static GTask *
_li_request_task (const char          *url,
                  const char          *token,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->url = g_strdup (url);
  request->token = g_strdup (token);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) _li_request_free);
  return task;
}

void
li_endpoint_fetch_async (const char          *url,
                         const char          *token,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (url != NULL);

  task = _li_request_task (url, token, cancellable, callback, user_data, li_endpoint_fetch_async);
  g_task_set_name (task, "[lead-intent] fetch rules");
  g_task_run_in_thread (task, _li_fetch_thread);
}

GBytes *
li_endpoint_fetch_finish (GAsyncResult  *result,
                          char         **etag,
                          GError       **error)
{
  GBytes *bytes;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (bytes != NULL && etag != NULL)
    *etag = g_strdup (((Request *) g_task_get_task_data (G_TASK (result)))->etag);
  return bytes;
}

void
li_endpoint_publish_async (const char          *url,
                           const char          *token,
                           GBytes              *body,
                           const char          *if_match,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (url != NULL);
  g_return_if_fail (body != NULL);

  task = _li_request_task (url, token, cancellable, callback, user_data, li_endpoint_publish_async);
  request = g_task_get_task_data (task);
  request->body = g_bytes_ref (body);
  request->if_match = g_strdup (if_match);
  g_task_set_name (task, "[lead-intent] publish rules");
  g_task_run_in_thread (task, _li_publish_thread);
}

gboolean
li_endpoint_publish_finish (GAsyncResult  *result,
                            char         **new_etag,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  ok = g_task_propagate_boolean (G_TASK (result), error);
  if (ok && new_etag != NULL)
    *new_etag = g_strdup (((Request *) g_task_get_task_data (G_TASK (result)))->etag);
  return ok;
}
