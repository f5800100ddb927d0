/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-etag-cache.c: the last seen ETag of each endpoint. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "li-etag-cache.h"
#include "li-import-source.h"

#include <errno.h>

char *
li_etag_cache_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "lead-intent", "etags.json", NULL);
}

static char *
_li_etag_key (const char *url)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
}

/* The "endpoints" object of the file, a new one when it is missing or
 * not ours. */
static JsonObject *
_li_etag_cache_read (void)
{
  g_autofree char *path = li_etag_cache_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *endpoints;

  if (json_parser_load_from_file (parser, path, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      (endpoints = json_object_get_object_member (json_node_get_object (root), "endpoints")) != NULL)
    return json_object_ref (endpoints);
  return json_object_new ();
}

char *
li_etag_cache_lookup (const char *url)
{
  g_autoptr(JsonObject) endpoints = _li_etag_cache_read ();
  g_autofree char *key = _li_etag_key (url);
  JsonObject *entry;
  const char *etag;

  g_return_val_if_fail (url != NULL, NULL);

  if (!json_object_has_member (endpoints, key) ||
      (entry = json_object_get_object_member (endpoints, key)) == NULL)
    return NULL;
  etag = json_object_get_string_member_with_default (entry, "etag", NULL);
  return etag != NULL && *etag != '\0' ? g_strdup (etag) : NULL;
}

gboolean
li_etag_cache_store (const char  *url,
                     const char  *etag,
                     GError     **error)
{
  g_autoptr(JsonObject) endpoints = _li_etag_cache_read ();
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *key = _li_etag_key (url);
  g_autofree char *path = li_etag_cache_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  if (etag != NULL)
    {
      JsonObject *entry = json_object_new ();

      display = li_import_source_display_name (url);
      json_object_set_string_member (entry, "url", display);
      json_object_set_string_member (entry, "etag", etag);
      json_object_set_object_member (endpoints, key, entry);
    }
  else if (json_object_has_member (endpoints, key))
    json_object_remove_member (endpoints, key);
  else
    return TRUE;

  json_object_set_string_member (root, "format", "lead-intent-etags");
  json_object_set_int_member (root, "format_version", 1);
  json_object_set_object_member (root, "endpoints", json_object_ref (endpoints));
  json_node_set_object (node, root);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir,
                   g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
