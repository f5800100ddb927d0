/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-token.c: endpoint tokens in the keyring. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "li-token.h"
#include "li-remote.h"
#include "li-import-source.h"

#include <string.h>

static const SecretSchema *
_li_token_schema (void)
{
  static const SecretSchema schema = {
    LI_TOKEN_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "endpoint", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

/* The keyring's error without the endpoint (its messages name none). */
static void
_li_token_keyring_error (GError     **error,
                         GError      *local,
                         const char  *endpoint)
{
  g_autofree char *display = li_import_source_display_name (endpoint);

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local);
      return;
    }
  g_set_error (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_KEYRING,
               _("%s: the keyring could not be used: %s"), display, local->message);
  g_error_free (local);
}

void
li_token_free (char *token)
{
  if (token != NULL)
    explicit_bzero (token, strlen (token));
  g_free (token);
}

char *
li_token_lookup (const char    *endpoint,
                 GCancellable  *cancellable,
                 GError       **error)
{
  const char *env = g_getenv (LI_TOKEN_ENV);
  GError *local = NULL;
  char *secret;
  char *token;

  g_return_val_if_fail (endpoint != NULL, NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  secret = secret_password_lookup_sync (_li_token_schema (), cancellable, &local,
                                        "endpoint", endpoint, NULL);
  if (local != NULL)
    {
      _li_token_keyring_error (error, local, endpoint);
      return NULL;
    }
  token = g_strdup (secret);
  secret_password_free (secret);
  return token;
}

gboolean
li_token_store (const char    *endpoint,
                const char    *token,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *display = NULL;
  g_autofree char *label = NULL;
  GError *local = NULL;

  g_return_val_if_fail (endpoint != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  display = li_import_source_display_name (endpoint);
  /* TRANSLATORS: the label of the token in the keyring */
  label = g_strdup_printf (_("Lead Intent token for %s"), display);
  if (!secret_password_store_sync (_li_token_schema (), SECRET_COLLECTION_DEFAULT, label, token,
                                   cancellable, &local, "endpoint", endpoint, NULL))
    {
      _li_token_keyring_error (error, local, endpoint);
      return FALSE;
    }
  return TRUE;
}

gboolean
li_token_clear (const char    *endpoint,
                GCancellable  *cancellable,
                GError       **error)
{
  GError *local = NULL;

  g_return_val_if_fail (endpoint != NULL, FALSE);

  secret_password_clear_sync (_li_token_schema (), cancellable, &local, "endpoint", endpoint, NULL);
  if (local != NULL)
    {
      _li_token_keyring_error (error, local, endpoint);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char *endpoint;
  char *store_first;
} Lookup;

static void
_li_lookup_free (Lookup *lookup)
{
  g_free (lookup->endpoint);
  li_token_free (lookup->store_first);
  g_free (lookup);
}

static void
_li_lookup_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Lookup *lookup = task_data;
  GError *error = NULL;
  char *token;

  if (lookup->store_first != NULL &&
      !li_token_store (lookup->endpoint, lookup->store_first, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  token = li_token_lookup (lookup->endpoint, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) li_token_free);
}

void
li_token_lookup_async (const char          *endpoint,
                       const char          *store_first,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Lookup *lookup = g_new0 (Lookup, 1);

  lookup->endpoint = g_strdup (endpoint);
  lookup->store_first = g_strdup (store_first);
  g_task_set_source_tag (task, li_token_lookup_async);
  g_task_set_name (task, "[lead-intent] token");
  g_task_set_task_data (task, lookup, (GDestroyNotify) _li_lookup_free);
  g_task_run_in_thread (task, _li_lookup_thread);
}

char *
li_token_lookup_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
