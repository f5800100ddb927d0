/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sweeps (docs/tuning.md): numbers by JSON path, and every sweep point (the
 * re-staged, the linear and the replayed ones) equal to a replay of the
 * rules with the value set; hand-computed metrics of a few points. */
#include "config.h"

#include "li-rules-param.h"
#include "li-sweep.h"
#include "li-tune-test-util.h"

static void
test_param_get_set (void)
{
  g_autoptr(LiRules) rules = test_rules (tune_rules);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = NULL;
  double v;

  g_assert_true (li_rules_param_get (rules, "intent[0].points", &v));
  g_assert_cmpfloat (v, ==, 10);
  g_assert_true (li_rules_param_get (rules, "stages[1].min_score", &v));
  g_assert_cmpfloat (v, ==, 2);
  g_assert_true (li_rules_param_get (rules, "outcome.window_days", &v));
  g_assert_cmpfloat (v, ==, 1);
  /* unset, absent or not a number */
  g_assert_false (li_rules_param_get (rules, "intent[0].max_points", &v));
  g_assert_false (li_rules_param_get (rules, "decay.half_life_days", &v));
  g_assert_false (li_rules_param_get (rules, "intent[2].points", &v));
  g_assert_false (li_rules_param_get (rules, "intent[0].event", &v));
  g_assert_false (li_rules_param_get (rules, "intent[x].points", &v));
  g_assert_false (li_rules_param_get (rules, "stages[2].min_score", &v));

  g_assert_true (li_rules_param_set (rules, "intent[0].max_points", 5, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (rules->intent[0].max_points, ==, 5);
  g_assert_true (li_rules_param_set (rules, "stages[0].min_fit", -1, NULL));
  g_assert_true (rules->stages[0].has_min_fit);
  /* the catch-all must stay without a condition; a window must be > 0 */
  g_assert_false (li_rules_param_set (rules, "stages[2].min_score", 1, &error));
  g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (li_rules_param_get (rules, "stages[2].min_score", &v));
  g_assert_false (li_rules_param_set (rules, "outcome.window_days", 0, &error));
  g_assert_nonnull (strstr (error->message, "window_days"));
  g_clear_error (&error);
  g_assert_true (li_rules_param_get (rules, "outcome.window_days", &v));
  g_assert_cmpfloat (v, ==, 1);
  g_assert_false (li_rules_param_set (rules, "nope.points", 1, &error));
  g_assert_nonnull (strstr (error->message, "not a number of these rules"));

  g_assert_cmpint (li_rules_param_kind ("stages[0].min_score"), ==, LI_PARAM_STAGE);
  g_assert_cmpint (li_rules_param_kind ("stages[0].follow_up_minutes"), ==, LI_PARAM_OTHER);
  g_assert_cmpint (li_rules_param_kind ("outcome.window_days"), ==, LI_PARAM_WINDOW);
  g_assert_cmpint (li_rules_param_kind ("patterns[1].points"), ==, LI_PARAM_POINTS);
  g_assert_cmpint (li_rules_param_kind ("decay.half_life_days"), ==, LI_PARAM_OTHER);

  list = li_rules_param_list (rules);
  g_assert_cmpstr (list[0], ==, "outcome.window_days");
  g_assert_cmpstr (list[1], ==, "intent[0].points");
  g_assert_cmpstr (list[2], ==, "intent[0].max_points");
  g_assert_cmpstr (list[3], ==, "intent[1].points");
  g_assert_cmpstr (list[4], ==, "stages[0].min_score");
  g_assert_cmpstr (list[5], ==, "stages[0].min_fit");
  g_assert_cmpstr (list[6], ==, "stages[0].follow_up_minutes");
  g_assert_cmpstr (list[7], ==, "stages[1].min_score");
  g_assert_null (list[8]);
}

static void
test_param_counts (void)
{
  g_autoptr(LiRules) rules = test_rules (
    "{\"patterns\": [{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 3, \"within_hours\": 2, \"points\": 4}],"
    "\"decay\": {\"model\": \"exponential\", \"half_life_days\": 2}, " STAGES_1 "}");
  double v;

  g_assert_true (li_rules_param_get (rules, "patterns[0].min_count", &v));
  g_assert_cmpfloat (v, ==, 3);
  g_assert_false (li_rules_param_set (rules, "patterns[0].min_count", 2.5, NULL));
  g_assert_true (li_rules_param_set (rules, "patterns[0].min_count", 5, NULL));
  g_assert_cmpuint (rules->patterns[0].min_count, ==, 5);
  g_assert_false (li_rules_param_get (rules, "patterns[0].within_days", &v));
  g_assert_true (li_rules_param_set (rules, "decay.half_life_days", 0.5, NULL));
  g_assert_cmpfloat (rules->decay.days, ==, 0.5);
}

/* Every point equals the replay of the rules with its value set. */
static void
_assert_points_are_replays (const char *param,
                            const double *values,
                            guint n)
{
  g_autoptr(LiRules) rules = test_rules (tune_rules);
  g_autoptr(LiEventStore) store = test_store (tune_history, G_N_ELEMENTS (tune_history));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiSweep) sweep = li_sweep_run_values (rules, store, NULL, param, values, n, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sweep->n_points, ==, n);
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(LiRules) set = li_rules_copy (rules);
      g_autoptr(LiReplayResult) want = NULL;
      g_autofree char *want_json = NULL;
      g_autofree char *got_json = NULL;

      g_assert_true (li_rules_param_set (set, param, values[k], NULL));
      want = tune_replay (set, store, NULL);
      want_json = tune_replay_json (want);
      got_json = tune_replay_json (sweep->points[k].replay);
      g_assert_cmpstr (got_json, ==, want_json);
    }
}

static void
test_sweep_equals_replay (void)
{
  const double points[] = { -3, 0, 0.5, 10, 20, 1e6 };
  const double thresholds[] = { 0, 1, 2, 2.5, 11, 12, 13 };
  const double windows[] = { 0.01, 0.1, 1, 2, 3 };
  const double caps[] = { 0.5, 1, 5 };
  const double halves[] = { 0.1, 1, 10 };

  _assert_points_are_replays ("intent[0].points", points, G_N_ELEMENTS (points));
  _assert_points_are_replays ("intent[1].points", points, G_N_ELEMENTS (points));
  _assert_points_are_replays ("stages[0].min_score", thresholds, G_N_ELEMENTS (thresholds));
  _assert_points_are_replays ("stages[1].min_intent", thresholds, G_N_ELEMENTS (thresholds));
  _assert_points_are_replays ("outcome.window_days", windows, G_N_ELEMENTS (windows));
  _assert_points_are_replays ("intent[1].max_points", caps, G_N_ELEMENTS (caps));
  _assert_points_are_replays ("stages[0].follow_up_minutes", halves, G_N_ELEMENTS (halves));
}

static void
test_sweep_hand (void)
{
  g_autoptr(LiRules) rules = test_rules (tune_rules);
  g_autoptr(LiEventStore) store = test_store (tune_history, G_N_ELEMENTS (tune_history));
  g_autoptr(LiSweep) sweep = li_sweep_run (rules, store, NULL, "intent[0].points", 0, 20, 3, NULL, NULL, NULL);
  g_autoptr(LiSweep) windows = li_sweep_run (rules, store, NULL, "outcome.window_days", 0.1, 3, 2, NULL, NULL, NULL);
  g_autoptr(JsonNode) json = NULL;
  JsonObject *root, *point;

  g_assert_true (sweep->has_current);
  g_assert_cmpfloat (sweep->current, ==, 10);
  g_assert_cmpfloat (sweep->points[1].value, ==, 10);
  /* P = 0: nobody reaches 10; warm: a (at 1 h) and e */
  g_assert_cmpuint (sweep->points[0].replay->stages[0].flagged, ==, 0);
  g_assert_cmpuint (sweep->points[0].replay->stages[1].flagged, ==, 2);
  /* P = 20: a 22 and b 21 hot, a bought 3 h after its flag */
  g_assert_cmpuint (sweep->points[2].replay->stages[0].flagged, ==, 2);
  g_assert_cmpuint (sweep->points[2].replay->stages[0].true_positives, ==, 1);
  g_assert_cmpfloat (sweep->points[2].replay->stages[0].median_hours_to_outcome, ==, 3);
  /* AUC: a 2 vs b 1 and e 2, c 1 vs b 1 and e 2: (1 + ½ + ½ + 0) / 4 */
  g_assert_cmpfloat (sweep->points[0].replay->auc, ==, 0.5);
  /* cold flags everyone at their first event: a bought 5 h later, c 48 h:
   * neither within 2.4 h, both within 3 days */
  g_assert_cmpuint (windows->points[0].replay->stages[2].true_positives, ==, 0);
  g_assert_cmpuint (windows->points[1].replay->stages[2].true_positives, ==, 2);

  json = li_sweep_to_json (sweep);
  root = json_node_get_object (json);
  g_assert_cmpstr (json_object_get_string_member (root, "param"), ==, "intent[0].points");
  g_assert_cmpfloat (json_object_get_double_member (root, "current"), ==, 10);
  point = json_array_get_object_element (json_object_get_array_member (root, "points"), 2);
  g_assert_cmpfloat (json_object_get_double_member (point, "value"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (point, "leads"), ==, 4);
  g_assert_true (json_object_has_member (point, "stages"));
  g_assert_true (json_object_has_member (point, "confidence"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/tune/param/get-set", test_param_get_set);
  g_test_add_func ("/engine/tune/param/counts", test_param_counts);
  g_test_add_func ("/engine/tune/sweep/equals-replay", test_sweep_equals_replay);
  g_test_add_func ("/engine/tune/sweep/hand", test_sweep_hand);
  return g_test_run ();
}
