/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Thresholds from goals, Wilson intervals and the warnings, on
 * hand-computed cases (docs/tuning.md). */
#include "config.h"

#include "li-confidence.h"
#include "li-goals.h"
#include "li-tune-test-util.h"
#include "li-wilson.h"

/* Peaks at P = 10: a 12, b 11, c 1, e 2 (li-tune-test-util.h).  Hot at a
 * threshold T flags: T ≤ 1 everyone (precision ¼: c bought 48 h after its
 * flag, outside the day), T = 2 a, b, e (⅓), 3 ≤ T ≤ 11 a, b (½), T = 12 a
 * alone (1).  The events span 2 days. */
static LiGoalResult *
_goal (LiGoalKind kind,
       double     target)
{
  g_autoptr(LiRules) rules = test_rules (tune_rules);
  g_autoptr(LiEventStore) store = test_store (tune_history, G_N_ELEMENTS (tune_history));
  g_autoptr(GError) error = NULL;
  LiGoalResult *r = li_goal_threshold (rules, store, NULL, 0, kind, target, NULL, NULL, &error);

  g_assert_no_error (error);
  return r;
}

static void
test_goal_precision (void)
{
  g_autoptr(LiGoalResult) half = _goal (LI_GOAL_PRECISION, 0.5);
  g_autoptr(LiGoalResult) all = _goal (LI_GOAL_PRECISION, 1);
  g_autoptr(LiGoalResult) third = _goal (LI_GOAL_PRECISION, 0.3);

  g_assert_true (half->reached);
  g_assert_cmpfloat (half->min_score, ==, 3);
  g_assert_cmpfloat (half->replay->stages[0].precision, ==, 0.5);
  g_assert_cmpfloat (half->rules->stages[0].min_score, ==, 3);
  g_assert_cmpfloat (half->current, ==, 10);
  g_assert_cmpfloat (all->min_score, ==, 12);
  g_assert_cmpuint (all->replay->stages[0].flagged, ==, 1);
  g_assert_cmpfloat (third->min_score, ==, 2);
}

static void
test_goal_recall (void)
{
  g_autoptr(LiGoalResult) half = _goal (LI_GOAL_RECALL, 0.5);
  g_autoptr(LiGoalResult) all = _goal (LI_GOAL_RECALL, 1);

  /* a is caught up to 12; c never in time */
  g_assert_true (half->reached);
  g_assert_cmpfloat (half->min_score, ==, 12);
  g_assert_false (all->reached);
  g_assert_true (isnan (all->min_score));
  g_assert_null (all->replay);
}

static void
test_goal_capacity (void)
{
  g_autoptr(LiGoalResult) one = _goal (LI_GOAL_CAPACITY, 1);
  g_autoptr(LiGoalResult) half = _goal (LI_GOAL_CAPACITY, 0.5);
  g_autoptr(LiGoalResult) many = _goal (LI_GOAL_CAPACITY, 100);
  g_autoptr(JsonNode) json = NULL;
  JsonObject *o;

  /* 2 days: at most 2 hot leads (a, b from 3 on), at most 1 (a at 12) */
  g_assert_cmpfloat (one->days, ==, 2);
  g_assert_cmpfloat (one->min_score, ==, 3);
  g_assert_cmpfloat (one->leads_per_day, ==, 1);
  g_assert_cmpfloat (half->min_score, ==, 12);
  g_assert_cmpfloat (half->leads_per_day, ==, 0.5);
  g_assert_cmpfloat (many->min_score, ==, 1);

  json = li_goal_result_to_json (one);
  o = json_node_get_object (json);
  g_assert_cmpstr (json_object_get_string_member (o, "stage"), ==, "hot");
  g_assert_cmpstr (json_object_get_string_member (o, "goal"), ==, "capacity");
  g_assert_cmpfloat (json_object_get_double_member (o, "min_score"), ==, 3);
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "replay"), "auc"));
}

static void
test_goal_catch_all (void)
{
  g_autoptr(LiRules) rules = test_rules (tune_rules);
  g_autoptr(LiEventStore) store = test_store (tune_history, G_N_ELEMENTS (tune_history));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiGoalResult) r = li_goal_threshold (rules, store, NULL, 2, LI_GOAL_RECALL, 0.5, NULL, NULL, &error);

  g_assert_null (r);
  g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
}

static void
test_wilson (void)
{
  double lo, hi, z2 = LI_WILSON_Z95 * LI_WILSON_Z95;

  /* 0 of 10: [0, z² / (n + z²)] */
  g_assert_true (li_wilson_interval (0, 10, LI_WILSON_Z95, &lo, &hi));
  g_assert_cmpfloat (lo, ==, 0);
  g_assert_cmpfloat_with_epsilon (hi, z2 / (10 + z2), 1e-12);
  /* 5 of 10: symmetric around ½, the textbook 0.2366–0.7634 */
  g_assert_true (li_wilson_interval (5, 10, LI_WILSON_Z95, &lo, &hi));
  g_assert_cmpfloat_with_epsilon (lo, 0.236593, 1e-6);
  g_assert_cmpfloat_with_epsilon (hi, 0.763407, 1e-6);
  g_assert_cmpfloat_with_epsilon (lo + hi, 1, 1e-12);
  /* 10 of 10 mirrors 0 of 10 */
  g_assert_true (li_wilson_interval (10, 10, LI_WILSON_Z95, &lo, &hi));
  g_assert_cmpfloat (hi, ==, 1);
  g_assert_cmpfloat_with_epsilon (lo, 10 / (10 + z2), 1e-12);
  /* 1 of 4: centre (¼ + z²/8) / (1 + z²/4) */
  g_assert_true (li_wilson_interval (1, 4, LI_WILSON_Z95, &lo, &hi));
  g_assert_cmpfloat_with_epsilon ((lo + hi) / 2, (0.25 + z2 / 8) / (1 + z2 / 4), 1e-12);
  g_assert_false (li_wilson_interval (0, 0, LI_WILSON_Z95, &lo, &hi));
  g_assert_true (isnan (lo) && isnan (hi));
}

static void
test_confidence_warnings (void)
{
  g_autoptr(LiRules) rules = test_rules (tune_rules);
  g_autoptr(LiEventStore) store = test_store (tune_history, G_N_ELEMENTS (tune_history));
  g_autoptr(LiReplayResult) r = tune_replay (rules, store, NULL);
  g_autofree LiStageConfidence *c = li_confidence_compute (r, rules);
  g_auto(GStrv) hot = li_confidence_warnings (r, rules, 0, &c[0]);
  g_auto(GStrv) warm = li_confidence_warnings (r, rules, 1, &c[1]);
  g_autofree char *text = li_confidence_to_text (r, rules);
  double lo, hi;

  /* hot: a and b, a bought 3 h = 180 min after its flag, sooner than the
   * follow-up of 480 min; one converter is far too few */
  li_wilson_interval (1, 2, LI_WILSON_Z95, &lo, &hi);
  g_assert_cmpfloat (c[0].precision_low, ==, lo);
  g_assert_cmpfloat (c[0].precision_high, ==, hi);
  g_assert_true (c[0].few_converters);
  g_assert_true (c[0].too_late);
  g_assert_cmpuint (g_strv_length (hot), ==, 2);
  g_assert_nonnull (strstr (hot[1], "180 minutes"));
  /* warm has no follow-up minutes */
  g_assert_false (c[1].too_late);
  g_assert_cmpuint (g_strv_length (warm), ==, 1);
  g_assert_nonnull (strstr (text, "warning: hot: only 1 converters"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/tune/goals/precision", test_goal_precision);
  g_test_add_func ("/engine/tune/goals/recall", test_goal_recall);
  g_test_add_func ("/engine/tune/goals/capacity", test_goal_capacity);
  g_test_add_func ("/engine/tune/goals/catch-all", test_goal_catch_all);
  g_test_add_func ("/engine/tune/wilson", test_wilson);
  g_test_add_func ("/engine/tune/confidence", test_confidence_warnings);
  return g_test_run ();
}
