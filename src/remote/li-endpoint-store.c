/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-endpoint-store.c: the endpoint of each rule file. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "li-endpoint-store.h"
#include "li-json-file.h"
#include "li-endpoint.h"

#include <errno.h>

char *
li_endpoint_store_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lead-intent", "endpoints.json", NULL);
}

static char *
_li_absolute (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

char *
li_endpoint_store_lookup (const char *rules_path)
{
  g_autofree char *path = li_endpoint_store_path ();
  g_autoptr(JsonObject) files = li_json_file_read_section (path, "rule_files");
  g_autofree char *key = _li_absolute (rules_path);
  const char *url = li_json_object_get_string (files, key);

  return url != NULL && li_endpoint_check_url (url, NULL) ? g_strdup (url) : NULL;
}

gboolean
li_endpoint_store_set (const char  *rules_path,
                       const char  *url,
                       GError     **error)
{
  g_autofree char *path = li_endpoint_store_path ();
  g_autoptr(JsonObject) files = li_json_file_read_section (path, "rule_files");
  g_autofree char *key = _li_absolute (rules_path);

  if (!li_endpoint_check_url (url, error))
    return FALSE;
  json_object_set_string_member (files, key, url);
  return li_json_file_write_section (path, "lead-intent-endpoints", "rule_files", files, error);
}
