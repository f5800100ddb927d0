/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The network side of Lead Intent (libsoup, libsecret; no GTK): imports
 * from URLs (li-remote-input.h) and the rules endpoint (li-endpoint.h),
 * with the token (li-token.h) and the last seen ETags (li-etag-cache.h).
 * Messages name URLs without user information, query or fragment, and
 * never a token. */

#define LI_REMOTE_ERROR (li_remote_error_quark ())

typedef enum
{
  LI_REMOTE_ERROR_URL,           /* not an http(s) URL, or not allowed here */
  LI_REMOTE_ERROR_CONNECT,       /* host not found, connection refused, … */
  LI_REMOTE_ERROR_TLS,           /* the certificate is not valid */
  LI_REMOTE_ERROR_TIMEOUT,       /* no data for li_remote_get_timeout () s */
  LI_REMOTE_ERROR_REDIRECT,      /* too many, to plain HTTP, or refused */
  LI_REMOTE_ERROR_HTTP,          /* a status not listed below */
  LI_REMOTE_ERROR_UNAUTHORIZED,  /* 401 */
  LI_REMOTE_ERROR_FORBIDDEN,     /* 403 */
  LI_REMOTE_ERROR_NOT_FOUND,     /* 404 */
  LI_REMOTE_ERROR_PRECONDITION,  /* 412: another version was published */
  LI_REMOTE_ERROR_SERVER,        /* 5xx */
  LI_REMOTE_ERROR_TRUNCATED,     /* the body ended before its end */
  LI_REMOTE_ERROR_ENCODING,      /* a Content-Encoding that cannot be read */
  LI_REMOTE_ERROR_TOO_LARGE,
  LI_REMOTE_ERROR_NO_TOKEN,
  LI_REMOTE_ERROR_KEYRING,
} LiRemoteError;

/* Redirects followed by an import, at most. */
#define LI_REMOTE_MAX_REDIRECTS 5
/* Seconds without data before a request fails, unless set otherwise. */
#define LI_REMOTE_DEFAULT_TIMEOUT 30

GQuark    li_remote_error_quark        (void);
/* For the fronts' main(): registers the URL opener of the importer
 * (li_import_set_url_opener) and reads LEAD_INTENT_HTTP_TIMEOUT (seconds,
 * for slow networks and tests). */
void      li_remote_init               (void);
void      li_remote_set_timeout        (guint          seconds);
guint     li_remote_get_timeout        (void);
/* The certificates trusted instead of the system's (tests); NULL: the
 * system's.  Certificates are always verified. */
void      li_remote_set_tls_database   (GTlsDatabase  *database);
/* Whether @url is http(s) to this machine (localhost, 127.0.0.0/8, ::1). */
gboolean  li_remote_url_is_loopback    (const char    *url);
/* "not signed by a known authority, expired" */
char     *li_remote_tls_flags_to_string (GTlsCertificateFlags flags);

G_END_DECLS
