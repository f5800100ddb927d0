/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The snapshot store of rule files (no display): a rule file's named
 * snapshots and data files survive a session, in one file per rule file. */
#include "config.h"

#include <glib/gstdio.h>

#include "li-snapshot-store.h"
#include "li-rules-parse.h"

static const char rules_json[] =
  "{ \"format\": \"lead-intent-rules\", \"format_version\": 1, \"name\": \"Spring\","
  "  \"intent\": [ { \"event\": \"cart\", \"points\": 5 } ],"
  "  \"stages\": [ { \"name\": \"hot\", \"min_score\": 10 }, { \"name\": \"cold\" } ] }";

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("li-store-XXXXXX", &error);
  g_autofree char *dir = g_build_filename (tmp, "lead-intent", "snapshots", NULL);
  g_autofree char *rules_path = g_build_filename (tmp, "spring.leadrules.json", NULL);
  g_autoptr(LiRules) rules = li_rules_from_data (rules_json, -1, NULL, &error);
  g_autoptr(LiRules) draft = NULL;
  g_autoptr(LiSnapshotStore) store = NULL;
  g_autoptr(LiSnapshotStore) back = NULL;
  g_autoptr(GDateTime) created = g_date_time_new_local (2026, 3, 1, 14, 5, 0);
  g_autofree char *file = NULL;
  const char *events[] = { "/data/a.csv", "/data/b.csv.gz", NULL };

  g_assert_no_error (error);

  /* nothing kept yet: an empty store, no error */
  back = li_snapshot_store_load (dir, rules_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpuint (back->snapshots->len, ==, 0);
  g_assert_null (back->event_paths);
  g_clear_pointer (&back, li_snapshot_store_free);

  /* a draft with a problem is a snapshot too */
  draft = li_rules_copy (rules);
  g_free (draft->stages[0].name);
  draft->stages[0].name = g_strdup ("");

  store = li_snapshot_store_new (rules_path);
  store->event_paths = g_strdupv ((GStrv) events);
  store->leads_path = g_strdup ("/data/leads.csv");
  li_snapshot_store_add (store, "Before launch", created, rules);
  li_snapshot_store_add (store, "Draft", NULL, draft);
  g_assert_true (li_snapshot_store_save (store, dir, &error));
  g_assert_no_error (error);

  /* one file named by the hash of the absolute path, no temporary left */
  file = li_snapshot_store_file (dir, rules_path);
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_files (dir), ==, 1);
  {
    g_autofree char *absolute = g_canonicalize_filename (rules_path, NULL);
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
    g_autofree char *base = g_path_get_basename (file);
    g_autofree char *expected = g_strconcat (hash, ".json", NULL);

    g_assert_cmpstr (base, ==, expected);
  }

  back = li_snapshot_store_load (dir, rules_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->snapshots->len, ==, 2);
  {
    const LiStoredSnapshot *a = g_ptr_array_index (back->snapshots, 0);
    const LiStoredSnapshot *b = g_ptr_array_index (back->snapshots, 1);

    g_assert_cmpstr (a->name, ==, "Before launch");
    g_assert_true (g_date_time_equal (a->created, created));
    g_assert_true (li_rules_equal (a->rules, rules));
    g_assert_cmpstr (b->name, ==, "Draft");
    g_assert_true (li_rules_equal (b->rules, draft));
  }
  g_assert_cmpstrv (back->event_paths, events);
  g_assert_cmpstr (back->leads_path, ==, "/data/leads.csv");

  /* another rule file has its own (empty) store */
  {
    g_autofree char *other = g_build_filename (tmp, "other.leadrules.json", NULL);
    g_autoptr(LiSnapshotStore) none = li_snapshot_store_load (dir, other, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (none->snapshots->len, ==, 0);
  }

  /* an unreadable file is an error, not an empty store */
  g_assert_true (g_file_set_contents (file, "{ not json", -1, NULL));
  g_clear_pointer (&back, li_snapshot_store_free);
  back = li_snapshot_store_load (dir, rules_path, &error);
  g_assert_null (back);
  g_assert_nonnull (error);

  g_unlink (file);
  g_rmdir (dir);
  {
    g_autofree char *parent = g_path_get_dirname (dir);

    g_rmdir (parent);
  }
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gui/snapshot-store/round-trip", test_round_trip);
  return g_test_run ();
}
