/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A SoupServer on 127.0.0.1 for the remote tests, in a thread of its own
 * (so that the tests may call the blocking API): files, statuses,
 * redirects, broken, slow and endless bodies, a 100 MB body made as it is
 * sent, and a rules endpoint that enforces ETags (docs/publishing.md). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _LiTestServer LiTestServer;

/* @tls: https with tests/data/remote/test-cert.pem.  @token: the bearer
 * token the endpoint wants (NULL: none needed).  @files: the folder
 * /file/NAME serves. */
LiTestServer *li_test_server_new     (gboolean      tls,
                                      const char   *token,
                                      const char   *files);
void          li_test_server_free    (LiTestServer *self);
guint         li_test_server_get_port (LiTestServer *self);
/* "http://127.0.0.1:PORT@path" */
char         *li_test_server_url     (LiTestServer *self,
                                      const char   *path);
/* Requests the endpoint (/rules) answered so far, and bodies stored. */
guint         li_test_server_get_puts (LiTestServer *self);
/* The Authorization headers seen, one per line (for the token tests). */
char         *li_test_server_dup_auth_log (LiTestServer *self);
/* The certificate of tls servers, as a trust database for the client. */
GTlsDatabase *li_test_server_tls_database (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiTestServer, li_test_server_free)

G_END_DECLS
