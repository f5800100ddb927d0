/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The bearer token of an endpoint, kept in the system keyring (libsecret,
 * schema com.example.LeadIntent.Token, attribute "endpoint" = the URL),
 * never in a file.  The environment variable LEAD_INTENT_TOKEN overrides
 * the keyring for every endpoint (CI jobs).  Free tokens with
 * li_token_free, which wipes them. */

#define LI_TOKEN_SCHEMA_NAME "com.example.LeadIntent.Token"
#define LI_TOKEN_ENV         "LEAD_INTENT_TOKEN"

/* The token, or NULL: none stored (no error), or the keyring failed
 * (LI_REMOTE_ERROR_KEYRING). */
char     *li_token_lookup       (const char    *endpoint,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean  li_token_store        (const char    *endpoint,
                                 const char    *token,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean  li_token_clear        (const char    *endpoint,
                                 GCancellable  *cancellable,
                                 GError       **error);
void      li_token_free         (char          *token);

/* li_token_lookup and, when @token is not NULL, li_token_store first, in a
 * worker thread (the window). */
void      li_token_lookup_async  (const char          *endpoint,
                                  const char          *store_first,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
char     *li_token_lookup_finish (GAsyncResult        *result,
                                  GError             **error);

G_END_DECLS
