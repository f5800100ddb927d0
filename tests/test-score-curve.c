/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A lead's score curve (li-score-curve.h) by hand: exact scores at events
 * (before and after each), the decay sampled between them and on to the
 * purchase, the moments each stage was reached, and bad leads. */
#include "config.h"

#include "li-explain.h"
#include "li-score-curve.h"
#include "li-test-util.h"

static const char rules_json[] =
  "{\"format\": \"lead-intent-rules\", \"format_version\": 1,"
  " \"decay\": {\"model\": \"exponential\", \"half_life_days\": 1},"
  " \"intent\": [{\"event\": \"product_view\", \"points\": 8}],"
  " \"stages\": [{\"name\": \"hot\", \"min_score\": 9}, {\"name\": \"warm\", \"min_score\": 5},"
  " {\"name\": \"cold\"}]}";

static const TestEvent events[] = {
  { "a", 0, "product_view", NULL },
  { "a", 2 * D, "product_view", NULL },
  { "a", 3 * D, "purchase", NULL },
  { "a", 4 * D, "product_view", NULL },
  { "b", 0, "product_view", NULL },
};

/* a: 8 at 0; 4 at 1 d (sampled); 2 just before the view at 2 d, 10 after
 * it; 10·2^−½ at 2.5 d; 5 at the purchase (3 d).  Warm from 0, hot from
 * 2 d. */
static void
test_converter (void)
{
  g_autoptr(LiRules) rules = test_rules (rules_json);
  g_autoptr(LiEventStore) store = test_store (events, G_N_ELEMENTS (events));
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiScoreCurve) curve = li_score_curve_new (plan, "a", 2 * D, 1, &error);
  static const struct { gint64 t; double score; gboolean at_event; } expect[] = {
    { 0, 8, TRUE }, { 1 * D, 4, FALSE }, { 2 * D, 2, FALSE }, { 2 * D, 10, TRUE },
    { 2 * D + 12 * H, 7.0710678118654755, FALSE }, { 3 * D, 5, FALSE },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (curve->n_points, ==, G_N_ELEMENTS (expect));
  for (guint k = 0; k < G_N_ELEMENTS (expect); k++)
    {
      g_assert_cmpint (curve->points[k].t_ms, ==, expect[k].t);
      g_assert_cmpfloat_with_epsilon (curve->points[k].score, expect[k].score, 1e-9);
      g_assert_cmpint (curve->points[k].at_event, ==, expect[k].at_event);
    }
  g_assert_true (curve->converted);
  g_assert_cmpint (curve->outcome_ms, ==, 3 * D);
  g_assert_cmpint (curve->reached_ms[0], ==, 2 * D);
  g_assert_cmpint (curve->reached_ms[1], ==, 0);
  g_assert_cmpint (curve->reached_ms[2], ==, 0);
  g_assert_cmpfloat_with_epsilon (curve->min_score, 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (curve->max_score, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (li_score_curve_value_at (curve, 12 * H), 6, 1e-9);
  g_assert_cmpfloat_with_epsilon (li_score_curve_value_at (curve, 2 * D), 2, 1e-9);
}

/* The curve's event scores are the scores `score --as-of` gives. */
static void
test_matches_score (void)
{
  g_autoptr(LiRules) rules = test_rules (rules_json);
  g_autoptr(LiEventStore) store = test_store (events, G_N_ELEMENTS (events));
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  g_autoptr(LiScoreCurve) curve = li_score_curve_new (plan, "a", 2 * D, 7, NULL);

  for (guint k = 0; k < curve->n_points; k++)
    if (curve->points[k].at_event)
      {
        LiScore sc = test_score_at (rules_json, events, G_N_ELEMENTS (events), "a", curve->points[k].t_ms);
        g_assert_cmpfloat_with_epsilon (curve->points[k].score, sc.score, 1e-9);
      }
}

static void
test_bad_leads (void)
{
  g_autoptr(LiRules) rules = test_rules (rules_json);
  g_autoptr(LiEventStore) store = test_store (events, G_N_ELEMENTS (events));
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiScoreCurve) one = li_score_curve_new (plan, "b", 0, 4, &error);
  LiScoreCurve *none;

  g_assert_no_error (error);
  g_assert_cmpuint (one->n_points, ==, 1);
  g_assert_false (one->converted);
  g_assert_cmpint (one->reached_ms[0], ==, G_MININT64);
  none = li_score_curve_new (plan, "zz", 0, 4, &error);
  g_assert_null (none);
  g_assert_error (error, LI_EXPLAIN_ERROR, LI_EXPLAIN_ERROR_UNKNOWN_LEAD);
  g_clear_error (&error);
  none = li_score_curve_new (plan, "a", -1, 4, &error);
  g_assert_null (none);
  g_assert_error (error, LI_EXPLAIN_ERROR, LI_EXPLAIN_ERROR_NO_EVENTS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/score-curve/converter", test_converter);
  g_test_add_func ("/engine/score-curve/matches-score", test_matches_score);
  g_test_add_func ("/engine/score-curve/bad-leads", test_bad_leads);
  return g_test_run ();
}
