/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-import-source.c: paths and URLs as the sources of an import; URLs are
 * opened by the opener a front registered (src/remote), so that the engine
 * does not depend on an HTTP library. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-import-source-private.h"
#include "li-import.h"

#include <string.h>

static LiImportUrlOpener url_opener;

void
li_import_set_url_opener (LiImportUrlOpener opener)
{
  g_atomic_pointer_set (&url_opener, opener);
}

/* "scheme://", the scheme as RFC 3986 spells it. */
static gboolean
_li_has_scheme (const char *source,
                const char *scheme)
{
  g_autofree char *found = g_uri_parse_scheme (source);

  if (found == NULL || strncmp (source + strlen (found), "://", 3) != 0)
    return FALSE;
  return scheme == NULL || g_ascii_strcasecmp (found, scheme) == 0;
}

gboolean
li_import_source_is_url (const char *source)
{
  g_return_val_if_fail (source != NULL, FALSE);

  return _li_has_scheme (source, NULL) && !_li_has_scheme (source, "file");
}

char *
li_import_source_display_name (const char *source)
{
  g_autoptr(GUri) uri = NULL;
  const char *end;

  g_return_val_if_fail (source != NULL, NULL);

  if (!li_import_source_is_url (source))
    return g_strdup (source);

  uri = g_uri_parse (source, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri != NULL)
    return g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO | G_URI_HIDE_QUERY |
                                         G_URI_HIDE_FRAGMENT);

  /* Unparsable: the scheme and host part up to any '@', '?' or '#'. */
  end = source + strcspn (source, "@?#");
  if (*end == '@')
    {
      g_autofree char *scheme = g_uri_parse_scheme (source);

      return g_strconcat (scheme, "://…", NULL);
    }
  return g_strndup (source, end - source);
}

gboolean
_li_import_input_open_source (LiImportInput  *input,
                              const char     *source,
                              const char     *name,
                              GFile         **file,
                              guint64        *size,
                              GCancellable   *cancellable,
                              GError        **error)
{
  LiImportUrlOpener opener = g_atomic_pointer_get (&url_opener);
  g_autoptr(GInputStream) stream = NULL;
  GError *local_error = NULL;
  guint64 n = 0;

  if (size != NULL)
    *size = 0;
  if (!li_import_source_is_url (source))
    {
      *file = _li_has_scheme (source, "file") ? g_file_new_for_uri (source)
                                              : g_file_new_for_path (source);
      return _li_import_input_open (input, *file, name, cancellable, error);
    }

  if (opener == NULL)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO,
                   _("%s: URLs cannot be read here, only local files"), name);
      return FALSE;
    }
  stream = opener (source, &n, cancellable, &local_error);
  if (stream == NULL)
    {
      /* The opener's messages name the URL already. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          local_error->domain != LI_IMPORT_ERROR)
        {
          g_set_error_literal (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO, local_error->message);
          g_error_free (local_error);
        }
      else
        g_propagate_error (error, local_error);
      return FALSE;
    }
  if (size != NULL)
    *size = n;
  return _li_import_input_open_stream (input, stream, name, cancellable, error);
}
