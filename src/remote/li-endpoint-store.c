/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-endpoint-store.c: the endpoint of each rule file. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "li-endpoint-store.h"
#include "li-endpoint.h"

#include <errno.h>

char *
li_endpoint_store_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lead-intent", "endpoints.json", NULL);
}

static JsonObject *
_li_endpoint_store_read (void)
{
  g_autofree char *path = li_endpoint_store_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *files;

  if (json_parser_load_from_file (parser, path, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      (files = json_object_get_object_member (json_node_get_object (root), "rule_files")) != NULL)
    return json_object_ref (files);
  return json_object_new ();
}

static char *
_li_absolute (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

char *
li_endpoint_store_lookup (const char *rules_path)
{
  g_autoptr(JsonObject) files = _li_endpoint_store_read ();
  g_autofree char *key = _li_absolute (rules_path);
  const char *url = json_object_get_string_member_with_default (files, key, NULL);

  return url != NULL && li_endpoint_check_url (url, NULL) ? g_strdup (url) : NULL;
}

gboolean
li_endpoint_store_set (const char  *rules_path,
                       const char  *url,
                       GError     **error)
{
  g_autoptr(JsonObject) files = _li_endpoint_store_read ();
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *key = _li_absolute (rules_path);
  g_autofree char *path = li_endpoint_store_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;

  if (!li_endpoint_check_url (url, error))
    return FALSE;
  json_object_set_string_member (files, key, url);
  json_object_set_string_member (root, "format", "lead-intent-endpoints");
  json_object_set_int_member (root, "format_version", 1);
  json_object_set_object_member (root, "rule_files", json_object_ref (files));
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
