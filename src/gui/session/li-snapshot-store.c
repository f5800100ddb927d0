/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-snapshot-store.c: a rule file's snapshots and data files, kept in the
 * user's data directory (no GTK). */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-snapshot-store.h"

#include "li-json-file.h"

/* Snapshots hold whole rule files (each at most 4 MiB, nested 128 deep). */
#define LI_SNAPSHOT_STORE_MAX_BYTES (64u << 20)
#define LI_SNAPSHOT_STORE_MAX_DEPTH 160

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "li-rules-parse.h"
#include "li-rules-write.h"

#define STORE_FORMAT "lead-intent-snapshots"

static void
_li_stored_snapshot_free (LiStoredSnapshot *snapshot)
{
  g_free (snapshot->name);
  g_clear_pointer (&snapshot->created, g_date_time_unref);
  g_clear_pointer (&snapshot->rules, li_rules_free);
  g_free (snapshot);
}

LiSnapshotStore *
li_snapshot_store_new (const char *rules_path)
{
  LiSnapshotStore *store = g_new0 (LiSnapshotStore, 1);

  g_return_val_if_fail (rules_path != NULL, NULL);

  store->rules_path = g_canonicalize_filename (rules_path, NULL);
  store->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) _li_stored_snapshot_free);
  return store;
}

void
li_snapshot_store_free (LiSnapshotStore *store)
{
  if (store == NULL)
    return;
  g_free (store->rules_path);
  g_strfreev (store->event_paths);
  g_free (store->leads_path);
  g_ptr_array_unref (store->snapshots);
  g_free (store);
}

void
li_snapshot_store_add (LiSnapshotStore *store,
                       const char      *name,
                       GDateTime       *created,
                       const LiRules   *rules)
{
  LiStoredSnapshot *snapshot = g_new0 (LiStoredSnapshot, 1);

  g_return_if_fail (store != NULL);
  g_return_if_fail (rules != NULL);

  snapshot->name = g_strdup (name != NULL ? name : "");
  snapshot->created = created != NULL ? g_date_time_ref (created) : g_date_time_new_now_local ();
  snapshot->rules = li_rules_copy (rules);
  g_ptr_array_add (store->snapshots, snapshot);
}

char *
li_snapshot_store_file (const char *dir,
                        const char *rules_path)
{
  g_autofree char *absolute = g_canonicalize_filename (rules_path, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  g_autofree char *base = g_strconcat (hash, ".json", NULL);

  return g_build_filename (dir, base, NULL);
}

static JsonNode *
_li_rules_node (const LiRules *rules)
{
  g_autofree char *text = li_rules_to_data (rules, NULL);

  return json_from_string (text, NULL);
}

gboolean
li_snapshot_store_save (const LiSnapshotStore *store,
                        const char            *dir,
                        GError               **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, STORE_FORMAT);
  json_builder_set_member_name (builder, "rules_path");
  json_builder_add_string_value (builder, store->rules_path);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; store->event_paths != NULL && store->event_paths[i] != NULL; i++)
    json_builder_add_string_value (builder, store->event_paths[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "leads");
  if (store->leads_path != NULL)
    json_builder_add_string_value (builder, store->leads_path);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "snapshots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < store->snapshots->len; i++)
    {
      const LiStoredSnapshot *snapshot = g_ptr_array_index (store->snapshots, i);
      g_autofree char *created = g_date_time_format_iso8601 (snapshot->created);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, snapshot->name);
      json_builder_set_member_name (builder, "created");
      json_builder_add_string_value (builder, created);
      json_builder_set_member_name (builder, "rules");
      json_builder_add_value (builder, _li_rules_node (snapshot->rules));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  path = li_snapshot_store_file (dir, store->rules_path);
  return li_json_file_write (path, root, error);
}

static LiStoredSnapshot *
_li_snapshot_from_json (JsonObject *object)
{
  g_autoptr(LiRules) rules = NULL;
  g_autofree char *rules_text = NULL;
  LiStoredSnapshot *snapshot;
  JsonNode *node = json_object_get_member (object, "rules");
  const char *created;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  rules_text = json_to_string (node, FALSE);
  /* a snapshot may hold work in progress: read it as a draft */
  if ((rules = li_rules_draft_from_data (rules_text, -1, NULL, NULL)) == NULL)
    return NULL;

  snapshot = g_new0 (LiStoredSnapshot, 1);
  snapshot->name = g_strdup (li_json_object_get_string (object, "name") ? li_json_object_get_string (object, "name") : "");
  created = li_json_object_get_string (object, "created");
  snapshot->created = created != NULL ? g_date_time_new_from_iso8601 (created, NULL) : NULL;
  if (snapshot->created == NULL)
    snapshot->created = g_date_time_new_now_local ();
  else
    {
      GDateTime *local = g_date_time_to_local (snapshot->created);

      g_date_time_unref (snapshot->created);
      snapshot->created = local;
    }
  snapshot->rules = g_steal_pointer (&rules);
  return snapshot;
}

LiSnapshotStore *
li_snapshot_store_load (const char  *dir,
                        const char  *rules_path,
                        GError     **error)
{
  g_autoptr(LiSnapshotStore) store = li_snapshot_store_new (rules_path);
  g_autofree char *path = li_snapshot_store_file (dir, rules_path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root_node = NULL;
  JsonObject *root;
  JsonArray *array;

  /* strictly, as rule files are: a damaged file is an error, not a crash */
  root_node = li_json_file_read (path, LI_SNAPSHOT_STORE_MAX_BYTES, LI_SNAPSHOT_STORE_MAX_DEPTH, &local_error);
  if (root_node == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return g_steal_pointer (&store);
  root = json_node_get_object (root_node);
  /* a hash collision or a moved file: not this rule file's */
  if (g_strcmp0 (li_json_object_get_string (root, "rules_path"),
                 store->rules_path) != 0)
    return g_steal_pointer (&store);

  if (json_object_has_member (root, "events") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "events")))
    {
      g_autoptr(GStrvBuilder) events = g_strv_builder_new ();

      array = json_object_get_array_member (root, "events");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (events, json_node_get_string (node));
        }
      store->event_paths = g_strv_builder_end (events);
      if (store->event_paths[0] == NULL)
        g_clear_pointer (&store->event_paths, g_strfreev);
    }
  store->leads_path = g_strdup (li_json_object_get_string (root, "leads"));

  if (json_object_has_member (root, "snapshots") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "snapshots")))
    {
      array = json_object_get_array_member (root, "snapshots");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          LiStoredSnapshot *snapshot;

          if (JSON_NODE_HOLDS_OBJECT (node) &&
              (snapshot = _li_snapshot_from_json (json_node_get_object (node))) != NULL)
            g_ptr_array_add (store->snapshots, snapshot);
        }
    }
  return g_steal_pointer (&store);
}
