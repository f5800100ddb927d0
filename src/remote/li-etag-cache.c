/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-etag-cache.c: the last seen ETag of each endpoint. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "li-etag-cache.h"
#include "li-json-file.h"
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

char *
li_etag_cache_lookup (const char *url)
{
  g_autofree char *path = li_etag_cache_path ();
  g_autoptr(JsonObject) endpoints = li_json_file_read_section (path, "endpoints");
  g_autofree char *key = _li_etag_key (url);
  JsonNode *entry;
  const char *etag;

  g_return_val_if_fail (url != NULL, NULL);

  entry = json_object_get_member (endpoints, key);
  if (entry == NULL || !JSON_NODE_HOLDS_OBJECT (entry))
    return NULL;
  etag = li_json_object_get_string (json_node_get_object (entry), "etag");
  return etag != NULL && *etag != '\0' ? g_strdup (etag) : NULL;
}

gboolean
li_etag_cache_store (const char  *url,
                     const char  *etag,
                     GError     **error)
{
  g_autofree char *path = li_etag_cache_path ();
  g_autoptr(JsonObject) endpoints = li_json_file_read_section (path, "endpoints");
  g_autofree char *key = _li_etag_key (url);

  g_return_val_if_fail (url != NULL, FALSE);

  if (etag != NULL)
    {
      g_autofree char *display = li_import_source_display_name (url);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "url", display);
      json_object_set_string_member (entry, "etag", etag);
      json_object_set_object_member (endpoints, key, entry);
    }
  else if (json_object_has_member (endpoints, key))
    json_object_remove_member (endpoints, key);
  else
    return TRUE;
  return li_json_file_write_section (path, "lead-intent-etags", "endpoints", endpoints, error);
}
