/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "li-remote.h"

G_BEGIN_DECLS

/* Parses an http or https URL; @display names it in the error. */
GUri         *_li_remote_parse_url  (const char    *url,
                                     const char    *display,
                                     GError       **error);
/* A session for one request to @uri: the timeouts, the TLS database, no
 * proxy for this machine, and no content decoder (bodies arrive as they
 * were sent; the importer recognises gzip itself). */
SoupSession  *_li_remote_session_new (GUri         *uri);
/* A new request that notes why a certificate was refused. */
SoupMessage  *_li_remote_message_new (const char   *method,
                                      GUri         *uri);
/* Sends *@msg and returns the body of the answer, whatever its status.
 * With @follow, redirects are followed (a new *@msg each, at most
 * LI_REMOTE_MAX_REDIRECTS, never from https to http); without, a redirect
 * is an error.  Errors name @display. */
GInputStream *_li_remote_send        (SoupSession   *session,
                                      SoupMessage  **msg,
                                      gboolean       follow,
                                      const char    *display,
                                      GCancellable  *cancellable,
                                      GError       **error);
/* Whether the server closed the connection @session last opened.  A
 * chunked body cut at a chunk's end reads as a clean end in libsoup before
 * 3.6.5; a server that keeps the connection alive has not closed it when
 * the body really ended. */
gboolean      _li_remote_peer_closed (SoupSession  *session);
/* FALSE with an error naming @display unless the status is 2xx. */
gboolean      _li_remote_check_status (SoupMessage  *msg,
                                       const char   *display,
                                       GError      **error);
/* @local (taken) in the words of LiRemoteError, prefixed with "@display: "
 * when @display is not NULL; cancellation stays itself. */
void          _li_remote_propagate   (GError      **error,
                                      GError       *local,
                                      SoupMessage  *msg,
                                      const char   *display);

G_END_DECLS
