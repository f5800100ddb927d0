/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's compare page end to end: take a snapshot, move a threshold,
 * and the compare view must show what `lead-intent-cli compare --json`
 * says for the same two rule sets on the bundled sample. */
#include "config.h"

#include <glib/gstdio.h>

#include "li-application.h"
#include "li-compare-view.h"
#include "li-migration-grid.h"
#include "li-window.h"
#include "li-rules-write.h"

static LiWindow *window;

static void
_wait_idle (void)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (li_window_get_busy (window) || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static JsonObject *
_cli_compare (const char *rules_a,
              const char *rules_b,
              const char *events,
              JsonParser *parser)
{
  const char *cli = g_getenv ("LI_CLI");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { cli, "compare", "--json", "--rules", rules_a, "--rules", rules_b,
                         "--events", events, NULL };

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
_assert_summary (LiCompareView   *view,
                 LiCompareSummary which,
                 LiCompareMetric  metric,
                 double           a,
                 double           b)
{
  g_autofree char *value = li_compare_format_value (metric, b);
  g_autofree char *delta = li_compare_format_delta (metric, a, b);

  g_assert_cmpstr (li_compare_view_get_summary_value (view, which), ==, value);
  g_assert_cmpstr (li_compare_view_get_summary_delta (view, which), ==, delta);
}

static void
test_snapshot_and_compare (void)
{
  g_autofree char *dir = g_dir_make_tmp ("li-compare-XXXXXX", NULL);
  g_autofree char *path_a = g_build_filename (dir, "a.leadrules.json", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.leadrules.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  LiCompareView *view = LI_COMPARE_VIEW (li_window_get_compare_view (window));
  LiMigrationGrid *grid = LI_MIGRATION_GRID (li_compare_view_get_migration_grid (view));
  const char *events = g_getenv ("LI_TEST_EVENTS");
  JsonObject *root, *a, *b, *a_hot, *b_hot;
  JsonArray *counts;
  double min_score;

  g_assert_true (li_compare_view_get_empty (view));
  g_assert_true (li_rules_save (li_window_get_rules (window), path_a, NULL));

  /* A snapshot of the draft: the baseline, nothing differs yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.take-snapshot", NULL);
  _wait_idle ();
  g_assert_false (li_compare_view_get_empty (view));
  g_assert_cmpuint (li_compare_view_get_summary_kind (view, LI_COMPARE_SUMMARY_TOP_FLAGGED), ==,
                    LI_DELTA_SAME);

  /* Lower the hot threshold by ten points in the draft. */
  min_score = li_window_get_rules (window)->stages[0].min_score - 10;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-stage-threshold", "(ud)", 0, min_score);
  _wait_idle ();
  g_assert_true (li_rules_save (li_window_get_rules (window), path_b, NULL));

  root = _cli_compare (path_a, path_b, events, parser);
  a = json_object_get_object_member (root, "a");
  b = json_object_get_object_member (root, "b");
  a_hot = json_array_get_object_element (json_object_get_array_member (a, "stages"), 0);
  b_hot = json_array_get_object_element (json_object_get_array_member (b, "stages"), 0);
  _assert_summary (view, LI_COMPARE_SUMMARY_LEADS, LI_COMPARE_METRIC_LEADS,
                   json_object_get_int_member (a, "leads"), json_object_get_int_member (b, "leads"));
  _assert_summary (view, LI_COMPARE_SUMMARY_AUC, LI_COMPARE_METRIC_AUC,
                   json_object_get_double_member (a, "auc"), json_object_get_double_member (b, "auc"));
  _assert_summary (view, LI_COMPARE_SUMMARY_TOP_FLAGGED, LI_COMPARE_METRIC_FLAGGED,
                   json_object_get_int_member (a_hot, "flagged"),
                   json_object_get_int_member (b_hot, "flagged"));
  _assert_summary (view, LI_COMPARE_SUMMARY_TOP_PRECISION, LI_COMPARE_METRIC_PRECISION,
                   json_object_get_double_member (a_hot, "precision"),
                   json_object_get_double_member (b_hot, "precision"));
  g_assert_cmpint (json_object_get_int_member (b_hot, "flagged"), >,
                   json_object_get_int_member (a_hot, "flagged"));

  /* The migration matrix, cell by cell. */
  counts = json_object_get_array_member (json_object_get_object_member (root, "migration"), "counts");
  g_assert_cmpuint (li_migration_grid_get_n_rows (grid), ==, json_array_get_length (counts));
  for (guint r = 0; r < json_array_get_length (counts); r++)
    {
      JsonArray *row = json_array_get_array_element (counts, r);
      for (guint c = 0; c < json_array_get_length (row); c++)
        g_assert_cmpuint (li_migration_grid_get_count (grid, r, c), ==,
                          json_array_get_int_element (row, c));
    }

  /* Restoring the snapshot puts its rules back into the draft. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "compare");
  {
    g_autoptr(LiVersion) snapshot = g_list_model_get_item (li_window_get_versions (window), 0);
    g_signal_emit_by_name (view, "restore-requested", snapshot);
  }
  _wait_idle ();
  g_assert_cmpfloat (li_window_get_rules (window)->stages[0].min_score, ==, min_score + 10);

  g_unlink (path_a);
  g_unlink (path_b);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiApplication) app = NULL;
  g_autoptr(GFile) rules = NULL;
  g_autoptr(GFile) events = NULL;
  g_autofree char *sample_dir = NULL;
  g_autofree char *events_path = NULL;
  g_autofree char *rules_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  sample_dir = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "sample", NULL);
  events_path = g_build_filename (sample_dir, "rees46-2019oct-head.csv.gz", NULL);
  rules_path = g_build_filename (sample_dir, "sample.leadrules.json", NULL);
  g_setenv ("LI_TEST_EVENTS", events_path, TRUE);

  app = li_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = g_object_ref_sink (li_window_new (app));
  rules = g_file_new_for_path (rules_path);
  events = g_file_new_for_path (events_path);
  g_assert_true (li_window_open_rules (window, rules));
  li_window_import (window, &events, 1, NULL);
  gtk_window_present (GTK_WINDOW (window));
  _wait_idle ();

  g_test_add_func ("/gui/window/compare/snapshot-and-compare", test_snapshot_and_compare);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&window);
  return status;
}
