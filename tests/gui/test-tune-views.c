/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tuning assistant's windows as real widgets on the bundled sample:
 * the sweep dialog's points are li_sweep_run's and `lead-intent-cli sweep
 * --json`'s, a click on a point is one undoable edit of the draft. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "li-drift-view.h"
#include "li-line-chart.h"
#include "li-project.h"
#include "li-rules-param.h"
#include "li-suggest-dialog.h"
#include "li-sweep-dialog.h"
#include "li-gui-test-util.h"

static char *
_sample (const char *name)
{
  return g_build_filename (g_getenv ("LI_SAMPLE_DIR"), name, NULL);
}

static void
_set_done_cb (LiProject *project,
              gpointer   arg1,
              gpointer   arg2,
              gpointer   arg3,
              gboolean  *done)
{
  *done = TRUE;
}

static void
_import_done_cb (LiProject *project,
                 LiDataset *loaded,
                 GError    *error,
                 gboolean  *done)
{
  g_assert_no_error (error);
  *done = TRUE;
}

/* A project with the sample rules and events, as the window opens them. */
static LiProject *
_sample_project (void)
{
  LiProject *project = li_project_new ();
  g_autofree char *rules = _sample ("sample.leadrules.json");
  g_autofree char *events = _sample ("rees46-2019oct-head.csv.gz");
  const char *paths[] = { events, NULL };
  gboolean opened = FALSE, imported = FALSE;

  li_project_set_store_dir (project, NULL);
  g_signal_connect (project, "open-finished", G_CALLBACK (_set_done_cb), &opened);
  g_signal_connect (project, "import-finished", G_CALLBACK (_import_done_cb), &imported);
  li_project_open (project, rules);
  while (!opened)
    g_main_context_iteration (NULL, TRUE);
  li_project_import (project, paths, NULL);
  while (!imported)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (project, _set_done_cb, &opened);
  g_signal_handlers_disconnect_by_func (project, _import_done_cb, &imported);
  return project;
}

static void
_wait_sweep (LiSweepDialog *dialog)
{
  while (li_sweep_dialog_is_running (dialog))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (li_sweep_dialog_get_sweep (dialog));
}

static JsonNode *
_cli_json (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("LI_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return json_from_string (out, &error);
}

static char *
_json_string (JsonNode *node)
{
  return json_to_string (node, FALSE);
}

/* The dialog's sweep is the engine's and the CLI's, point for point. */
static void
test_sweep_dialog_matches_cli (void)
{
  g_autoptr(LiProject) project = _sample_project ();
  LiSweepDialog *dialog = li_sweep_dialog_new (NULL, project);
  LiDataset *dataset = li_project_get_dataset (project);
  g_autofree char *rules_path = _sample ("sample.leadrules.json");
  g_autofree char *events_path = _sample ("rees46-2019oct-head.csv.gz");
  const char *args[] = { "sweep", "--rules", rules_path, "--events", events_path,
                         "--param", "intent[1].points", "--from", "0", "--to", "60", "--steps", "21",
                         "--json", NULL };
  LiReplayOptions options = { 0 };
  g_autoptr(LiSweep) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) cli = NULL;
  g_autoptr(JsonNode) shown_json = NULL;
  g_autoptr(JsonNode) expected_json = NULL;
  g_autofree char *shown_text = NULL;
  g_autofree char *expected_text = NULL;
  g_autoptr(GArray) ys = NULL;
  const LiSweep *shown;
  JsonArray *points;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (li_sweep_dialog_set_param (dialog, "intent[1].points"));
  _wait_sweep (dialog);
  shown = li_sweep_dialog_get_sweep (dialog);
  /* The defaults: 0…2× the current 30, 21 steps. */
  g_assert_cmpuint (shown->n_points, ==, 21);
  g_assert_cmpfloat (shown->points[0].value, ==, 0);
  g_assert_cmpfloat (shown->points[20].value, ==, 60);
  g_assert_true (shown->has_current);
  g_assert_cmpfloat (shown->current, ==, 30);

  expected = li_sweep_run (li_project_get_rules (project), li_dataset_get_store (dataset),
                           li_dataset_get_leads (dataset), "intent[1].points", 0, 60, 21,
                           &options, NULL, &error);
  g_assert_no_error (error);
  shown_json = li_sweep_to_json (shown);
  expected_json = li_sweep_to_json (expected);
  shown_text = _json_string (shown_json);
  expected_text = _json_string (expected_json);
  g_assert_cmpstr (shown_text, ==, expected_text);

  cli = _cli_json (args);
  g_assert_nonnull (cli);
  points = json_object_get_array_member (json_node_get_object (cli), "points");
  g_assert_cmpuint (json_array_get_length (points), ==, shown->n_points);
  li_sweep_dialog_set_metric (dialog, 1);  /* hot precision */
  ys = li_sweep_dialog_dup_series (dialog);
  for (guint i = 0; i < shown->n_points; i++)
    {
      JsonObject *p = json_array_get_object_element (points, i);
      JsonObject *hot = json_array_get_object_element (json_object_get_array_member (p, "stages"), 0);

      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "value"),
                                      shown->points[i].value, 1e-9);
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "auc"),
                                      shown->points[i].replay->auc, 1e-6);
      if (json_object_get_null_member (hot, "precision"))
        g_assert_true (isnan (g_array_index (ys, double, i)));
      else
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (hot, "precision"),
                                        g_array_index (ys, double, i), 1e-6);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A point applied sets the number in the draft; undo restores it, and the
 * sweep stays (only the mark moves). */
static void
test_sweep_dialog_apply_undo (void)
{
  g_autoptr(LiProject) project = _sample_project ();
  LiSweepDialog *dialog = li_sweep_dialog_new (NULL, project);
  const LiSweep *sweep;
  double value = 0;

  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, 780);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (li_sweep_dialog_set_param (dialog, "stages[0].min_score"));
  _wait_sweep (dialog);
  sweep = li_sweep_dialog_get_sweep (dialog);
  g_assert_cmpuint (sweep->n_points, ==, 21);

  g_assert_true (li_sweep_dialog_apply_point (dialog, 8));  /* 0…100: 40 */
  g_assert_true (li_rules_param_get (li_project_get_rules (project), "stages[0].min_score", &value));
  g_assert_cmpfloat (value, ==, 40);
  g_assert_true (li_project_get_dirty (project));
  g_assert_false (li_sweep_dialog_is_running (dialog));
  g_assert_true (li_sweep_dialog_get_sweep (dialog) == sweep);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "sweep.undo", NULL);
  g_assert_true (li_rules_param_get (li_project_get_rules (project), "stages[0].min_score", &value));
  g_assert_cmpfloat (value, ==, 50);
  g_assert_false (li_project_get_dirty (project));
  g_assert_true (li_sweep_dialog_get_sweep (dialog) == sweep);

  /* Find a threshold: the goals' result, applied as one undoable edit. */
  {
    LiGoalPanel *goals = li_sweep_dialog_get_goal_panel (dialog);
    LiDataset *dataset = li_project_get_dataset (project);
    LiReplayOptions options = { 0 };
    g_autoptr(LiGoalResult) expected = li_goal_threshold (li_project_get_rules (project),
                                                          li_dataset_get_store (dataset),
                                                          li_dataset_get_leads (dataset), 0,
                                                          LI_GOAL_PRECISION, 0.3, &options, NULL, NULL);
    const LiGoalResult *shown;

    li_goal_panel_find (goals, 0, LI_GOAL_PRECISION, 0.3);
    while (li_goal_panel_is_running (goals))
      g_main_context_iteration (NULL, TRUE);
    shown = li_goal_panel_get_result (goals);
    g_assert_nonnull (shown);
    g_assert_true (shown->reached == expected->reached);
    g_assert_cmpfloat (shown->min_score, ==, expected->min_score);
    g_assert_true (g_str_has_prefix (li_goal_panel_get_summary (goals), "Minimum score"));
    g_assert_true (li_goal_panel_apply (goals));
    g_assert_true (li_rules_param_get (li_project_get_rules (project), "stages[0].min_score", &value));
    g_assert_cmpfloat (value, ==, expected->min_score);
    li_project_undo (project);
    g_assert_true (li_rules_param_get (li_project_get_rules (project), "stages[0].min_score", &value));
    g_assert_cmpfloat (value, ==, 50);
  }

  /* Another number's edit makes the sweep stale: it runs again. */
  li_project_set_intent_points (project, "product_view", 4);
  g_assert_true (li_sweep_dialog_is_running (dialog));
  _wait_sweep (dialog);
  li_sweep_dialog_set_metric (dialog, 1);
  li_gui_test_maybe_save_screenshot (GTK_WIDGET (dialog), "sweep-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The chart's keyboard: arrows move the cursor, Enter activates it. */
static void
_activated_cb (LiLineChart *chart,
               guint        index,
               int         *got)
{
  *got = index;
}

static void
test_line_chart_keyboard (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = li_line_chart_new ();
  const double xs[] = { 0, 1, 2, 3 }, ys[] = { 0.1, 0.4, NAN, 0.2 };
  g_autofree char *label = NULL;
  int got = -1;

  gtk_window_set_child (GTK_WINDOW (window), chart);
  li_line_chart_add_series (LI_LINE_CHART (chart), "precision", xs, ys, 4);
  g_assert_cmpuint (li_line_chart_get_n_points (LI_LINE_CHART (chart)), ==, 4);
  g_assert_true (gtk_widget_get_focusable (chart));
  g_signal_connect (chart, "point-activated", G_CALLBACK (_activated_cb), &got);
  li_line_chart_set_cursor (LI_LINE_CHART (chart), 2);
  g_assert_cmpint (li_line_chart_get_cursor (LI_LINE_CHART (chart)), ==, 2);
  li_line_chart_set_cursor (LI_LINE_CHART (chart), 9);
  g_assert_cmpint (li_line_chart_get_cursor (LI_LINE_CHART (chart)), ==, -1);
  label = li_line_chart_format_value (LI_LINE_CHART_PERCENT, 0.283);
  g_assert_cmpstr (label, ==, "28%");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_param_labels (void)
{
  g_autoptr(LiProject) project = li_project_new ();
  g_autofree char *rules = _sample ("sample.leadrules.json");
  gboolean opened = FALSE;
  struct { const char *path, *label; } cases[] = {
    { "intent[1].points", "add_to_cart: points" },
    { "intent[0].max_points", "product_view: maximum points" },
    { "stages[0].min_score", "Stage “hot”: minimum score" },
    { "decay.half_life_days", "Decay: half-life (days)" },
    { "patterns[0].within_hours", "Pattern “Returns to a product”: within (hours)" },
    { "outcome.window_days", "Outcome: window (days)" },
  };

  li_project_set_store_dir (project, NULL);
  g_signal_connect (project, "open-finished", G_CALLBACK (_set_done_cb), &opened);
  li_project_open (project, rules);
  while (!opened)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = li_sweep_param_label (li_project_get_rules (project), cases[i].path);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static double
_json_number (JsonObject *object,
              const char *member)
{
  return json_object_get_null_member (object, member) ? NAN : json_object_get_double_member (object, member);
}

static void
_assert_same_number (double a,
                     double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat_with_epsilon (a, b, 1e-9);
}

/* The Over Time page's periods are `drift --json`'s, with the period it
 * picks for the sample's three hours. */
static void
test_drift_view_matches_cli (void)
{
  g_autoptr(LiProject) project = _sample_project ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = li_drift_view_new ();
  g_autofree char *rules_path = _sample ("sample.leadrules.json");
  g_autofree char *events_path = _sample ("rees46-2019oct-head.csv.gz");
  const char *args[] = { "drift", "--rules", rules_path, "--events", events_path,
                         "--period", "hour", "--json", NULL };
  g_autoptr(JsonNode) cli = NULL;
  JsonArray *periods;
  const LiDrift *drift;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_set_child (GTK_WINDOW (window), view);
  li_drift_view_set_project (LI_DRIFT_VIEW (view), project);
  gtk_window_present (GTK_WINDOW (window));
  while (li_drift_view_get_drift (LI_DRIFT_VIEW (view)) == NULL || li_drift_view_is_running (LI_DRIFT_VIEW (view)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (li_drift_view_get_period (LI_DRIFT_VIEW (view)), ==, LI_DRIFT_HOUR);
  drift = li_drift_view_get_drift (LI_DRIFT_VIEW (view));

  cli = _cli_json (args);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (cli), "period"), ==, "hour");
  periods = json_object_get_array_member (json_node_get_object (cli), "periods");
  g_assert_cmpuint (json_array_get_length (periods), ==, drift->n_periods);
  g_assert_cmpuint (drift->n_periods, ==, 3);
  for (guint k = 0; k < drift->n_periods; k++)
    {
      JsonObject *p = json_array_get_object_element (periods, k);
      JsonObject *replay = json_object_get_object_member (p, "replay");
      JsonArray *rates = json_object_get_array_member (p, "firing_rates");
      g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 (json_object_get_string_member (p, "from"), NULL);

      g_assert_cmpint (g_date_time_to_unix (from) * 1000, ==, drift->periods[k].from_ms);
      g_assert_cmpuint (json_object_get_int_member (replay, "leads"), ==, drift->periods[k].replay->leads);
      _assert_same_number (_json_number (replay, "auc"), drift->periods[k].replay->auc);
      _assert_same_number (_json_number (p, "psi"), drift->periods[k].psi);
      g_assert_cmpuint (json_array_get_length (rates), ==, drift->n_rules);
      for (guint r = 0; r < drift->n_rules; r++)
        {
          JsonNode *rate = json_array_get_element (rates, r);
          _assert_same_number (JSON_NODE_HOLDS_NULL (rate) ? NAN : json_node_get_double (rate),
                               drift->periods[k].firing_rate[r]);
        }
    }

  /* An edit replays the draft, and the page follows it. */
  li_project_set_stage_threshold (project, 0, 40);
  while (!li_drift_view_is_running (LI_DRIFT_VIEW (view)))
    g_main_context_iteration (NULL, TRUE);
  while (li_drift_view_is_running (LI_DRIFT_VIEW (view)))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (li_drift_view_get_drift (LI_DRIFT_VIEW (view)) != NULL);
  li_project_undo (project);
  while (!li_drift_view_is_running (LI_DRIFT_VIEW (view)))
    g_main_context_iteration (NULL, TRUE);
  while (li_drift_view_is_running (LI_DRIFT_VIEW (view)))
    g_main_context_iteration (NULL, TRUE);
  li_gui_test_maybe_save_screenshot (window, "over-time");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sample has too few converters to learn from: the dialog says what
 * `lead-intent-cli suggest` says, and adds no version. */
static void
test_suggest_dialog_refuses (void)
{
  g_autoptr(LiProject) project = _sample_project ();
  guint versions = g_list_model_get_n_items (li_project_get_versions (project));
  LiSuggestDialog *dialog = li_suggest_dialog_new (NULL, project);
  LiDataset *dataset = li_project_get_dataset (project);
  LiEventStore *store = li_dataset_get_store (dataset);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiSuggestion) expected = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  while (li_suggest_dialog_is_running (dialog))
    g_main_context_iteration (NULL, TRUE);
  expected = li_suggest_run (li_project_get_rules (project), store, li_dataset_get_leads (dataset),
                             li_suggest_default_holdout (store), NULL, &error);
  g_assert_null (expected);
  g_assert_error (error, LI_SUGGEST_ERROR, LI_SUGGEST_ERROR_TOO_FEW);
  g_assert_null (li_suggest_dialog_get_suggestion (dialog));
  g_assert_nonnull (strstr (li_suggest_dialog_get_message (dialog), error->message));
  g_assert_cmpuint (g_list_model_get_n_items (li_project_get_versions (project)), ==, versions);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/gui/tune/param-labels", test_param_labels);
  g_test_add_func ("/gui/tune/line-chart-keyboard", test_line_chart_keyboard);
  g_test_add_func ("/gui/tune/sweep-matches-cli", test_sweep_dialog_matches_cli);
  g_test_add_func ("/gui/tune/sweep-apply-undo", test_sweep_dialog_apply_undo);
  g_test_add_func ("/gui/tune/drift-matches-cli", test_drift_view_matches_cli);
  g_test_add_func ("/gui/tune/suggest-refuses", test_suggest_dialog_refuses);
  return g_test_run ();
}
