/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-json-file.c — the user's small JSON state files, read strictly */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-json-file.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "li-json-check.h"

JsonNode *
li_json_file_read (const char  *path,
                   gsize        max_bytes,
                   guint        max_depth,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  g_autofree char *reason = NULL;
  GError *local_error = NULL;
  GStatBuf st;
  gsize len;
  guint line, column;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path,
                   g_strerror (saved));
      return NULL;
    }
  /* Only a regular file has a size to check before reading it. */
  if (!S_ISREG (st.st_mode) || (guint64) st.st_size > max_bytes)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s: not a regular file of at most %u MiB"), path, (guint) (max_bytes >> 20));
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (len > max_bytes)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s: not a regular file of at most %u MiB"), path, (guint) (max_bytes >> 20));
      return NULL;
    }
  if (!li_json_check (data, len, max_depth, &line, &column, &reason))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s:%u:%u: %s", path, line, column, reason);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: %s", path, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

gboolean
li_json_file_write (const char  *path,
                    JsonNode    *root,
                    GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (root != NULL, FALSE);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir,
                   g_strerror (saved));
      return FALSE;
    }
  /* renamed over the old file: it is the old or the new, never half */
  return g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

#define LI_STATE_FILE_MAX_BYTES (64u << 20)
#define LI_STATE_FILE_MAX_DEPTH 160  /* rule files (128) inside snapshots */

JsonObject *
li_json_file_read_section (const char *path,
                           const char *member)
{
  g_autoptr(JsonNode) root = li_json_file_read (path, LI_STATE_FILE_MAX_BYTES,
                                                LI_STATE_FILE_MAX_DEPTH, NULL);
  JsonNode *node;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      (node = json_object_get_member (json_node_get_object (root), member)) != NULL &&
      JSON_NODE_HOLDS_OBJECT (node))
    return json_object_ref (json_node_get_object (node));
  return json_object_new ();
}

gboolean
li_json_file_write_section (const char  *path,
                            const char  *format,
                            const char  *member,
                            JsonObject  *section,
                            GError     **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *root = json_object_new ();

  json_object_set_string_member (root, "format", format);
  json_object_set_int_member (root, "format_version", 1);
  json_object_set_object_member (root, member, json_object_ref (section));
  json_node_take_object (node, root);
  return li_json_file_write (path, node, error);
}

const char *
li_json_object_get_string (JsonObject *object,
                           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}
