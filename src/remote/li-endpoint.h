/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The rules endpoint of docs/publishing.md: GET returns production's rule
 * file and its ETag; PUT stores a new version with If-Match (or
 * If-None-Match: * for the first) and returns the new ETag; a stale
 * If-Match is 412 (LI_REMOTE_ERROR_PRECONDITION).  Requests carry
 * "Authorization: Bearer TOKEN" when a token is given; redirects are not
 * followed (the token is not sent elsewhere); certificates are verified.
 * Errors (LI_REMOTE_ERROR) name the URL without credentials, never the
 * token. */

/* The largest rule file fetched. */
#define LI_ENDPOINT_MAX_BYTES (16 * 1024 * 1024)

/* An endpoint URL must be https://, or http:// to this machine, without
 * user information (the token goes in the keyring). */
gboolean  li_endpoint_check_url      (const char    *url,
                                      GError       **error);

/* The body of production's current rule file (not checked: see
 * li_rules_from_data) and its ETag (NULL when the server sent none).
 * LI_REMOTE_ERROR_NOT_FOUND when nothing is published yet. */
GBytes   *li_endpoint_fetch          (const char    *url,
                                      const char    *token,
                                      char         **etag,
                                      GCancellable  *cancellable,
                                      GError       **error);
/* PUTs @body (application/json) with If-Match: @if_match, or with
 * If-None-Match: * when @if_match is NULL.  TRUE when stored; @new_etag gets
 * the new version's ETag (NULL if the server sent none). */
gboolean  li_endpoint_publish        (const char    *url,
                                      const char    *token,
                                      GBytes        *body,
                                      const char    *if_match,
                                      char         **new_etag,
                                      GCancellable  *cancellable,
                                      GError       **error);

/* The same in a worker thread, for the window. */
void      li_endpoint_fetch_async    (const char          *url,
                                      const char          *token,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GBytes   *li_endpoint_fetch_finish   (GAsyncResult        *result,
                                      char               **etag,
                                      GError             **error);
void      li_endpoint_publish_async  (const char          *url,
                                      const char          *token,
                                      GBytes              *body,
                                      const char          *if_match,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean  li_endpoint_publish_finish (GAsyncResult        *result,
                                      char               **new_etag,
                                      GError             **error);

G_END_DECLS
