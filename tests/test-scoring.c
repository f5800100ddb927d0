/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hand-computed scores (SPEC 4) for every decay model, caps, negative
 * points, where filters, resets after an outcome, fit operators and stages. */
#include "config.h"

#include <math.h>

#include "li-test-util.h"
#include "li-score.h"
#include "li-plan.h"
#include "li-intent-count.h"
#include "li-leads-file.h"

static const TestEvent one_cart[] = {
  { "a", 0, "add_to_cart", NULL },
};

static double
_score_one_cart (const char *decay,
                 gint64      t)
{
  g_autofree char *json = g_strdup_printf (
    "{\"decay\": %s, \"intent\": [{\"event\": \"add_to_cart\", \"points\": 10}], " STAGES_1 "}", decay);
  return test_score_at (json, one_cart, 1, "a", t).score;
}

static void
test_decay_none (void)
{
  g_assert_cmpfloat_with_epsilon (_score_one_cart ("{\"model\": \"none\"}", 0), 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (_score_one_cart ("{\"model\": \"none\"}", 400 * D), 10, 1e-12);
}

static void
test_decay_exponential (void)
{
  const char *half_day = "{\"model\": \"exponential\", \"half_life_days\": 0.5}";

  g_assert_cmpfloat_with_epsilon (_score_one_cart (half_day, 0), 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (_score_one_cart (half_day, 12 * H), 5, 1e-12);
  g_assert_cmpfloat_with_epsilon (_score_one_cart (half_day, D), 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (_score_one_cart (half_day, 6 * H), 10 / G_SQRT2, 1e-12);
}

static void
test_decay_window (void)
{
  const char *two_days = "{\"model\": \"window\", \"days\": 2}";

  g_assert_cmpfloat_with_epsilon (_score_one_cart (two_days, 2 * D - 1), 10, 1e-12);
  /* Δ < window counts; Δ = window does not. */
  g_assert_cmpfloat_with_epsilon (_score_one_cart (two_days, 2 * D), 0, 1e-12);
}

static void
test_decay_linear (void)
{
  const char *four_days = "{\"model\": \"linear\", \"days\": 4}";

  g_assert_cmpfloat_with_epsilon (_score_one_cart (four_days, D), 7.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (_score_one_cart (four_days, 3 * D), 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (_score_one_cart (four_days, 4 * D), 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (_score_one_cart (four_days, 9 * D), 0, 1e-12);
}

static void
test_decay_linear_several (void)
{
  /* 10·(1 − 3/4) + 10·(1 − 1/4) + 10·(1 − 0) = 2.5 + 7.5 + 10 at day 3 */
  static const TestEvent events[] = {
    { "a", 0, "add_to_cart", NULL },
    { "a", 2 * D, "add_to_cart", NULL },
    { "a", 3 * D, "add_to_cart", NULL },
  };
  const char *json = "{\"decay\": {\"model\": \"linear\", \"days\": 4},"
                     "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 10}], " STAGES_1 "}";

  g_assert_cmpfloat_with_epsilon (test_score_at (json, events, 3, "a", 3 * D).score, 20, 1e-9);
  /* day 5: first gone, 10·(1 − 3/4) + 10·(1 − 2/4) */
  g_assert_cmpfloat_with_epsilon (test_score_at (json, events, 3, "a", 5 * D).score, 7.5, 1e-9);
}

/* A tiny window long after the lead's first event: the running sums are
 * taken near the live items, so nothing is lost to cancellation.  Points
 * of 1e9 make any error visible at 6 decimals. */
static void
test_decay_linear_tiny_window (void)
{
  static const TestEvent events[] = {
    { "a", 0, "page_view", NULL },
    { "a", 400 * D, "add_to_cart", NULL },
    { "a", 400 * D + 100, "add_to_cart", NULL },
    { "a", 800 * D, "add_to_cart", NULL },
    { "a", 800 * D + 300, "add_to_cart", NULL },
  };
  /* 1e-5 days = 864 ms */
  const char *json = "{\"decay\": {\"model\": \"linear\", \"days\": 1e-5},"
                     "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 1e9}], " STAGES_1 "}";
  double at_400 = 1e9 * (1 - 500 / 864.0) + 1e9 * (1 - 400 / 864.0);
  double at_800 = 1e9 * (1 - 700 / 864.0) + 1e9 * (1 - 400 / 864.0);

  g_assert_cmpfloat_with_epsilon (test_score_at (json, events, 5, "a", 400 * D + 500).score,
                                  at_400, 1e-6);
  g_assert_cmpfloat_with_epsilon (test_score_at (json, events, 5, "a", 800 * D + 700).score,
                                  at_800, 1e-6);
}

static void
test_decay_override (void)
{
  /* Global exponential (1 day); checkout has its own window of 3 days. */
  static const TestEvent events[] = {
    { "a", 0, "add_to_cart", NULL },
    { "a", 0, "checkout_start", NULL },
  };
  const char *json = "{\"decay\": {\"model\": \"exponential\", \"half_life_days\": 1},"
                     "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 16},"
                     "{\"event\": \"checkout_start\", \"points\": 30, \"decay\": {\"model\": \"window\", \"days\": 3}}], "
                     STAGES_1 "}";

  g_assert_cmpfloat_with_epsilon (test_score_at (json, events, 2, "a", 2 * D).score, 4 + 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (test_score_at (json, events, 2, "a", 3 * D).score, 2, 1e-9);
}

static void
test_caps_and_negative (void)
{
  static const TestEvent events[] = {
    { "a", 0, "product_view", NULL },
    { "a", 1, "product_view", NULL },
    { "a", 2, "product_view", NULL },
    { "a", 3, "product_view", NULL },
    { "a", 4, "remove_from_cart", NULL },
    { "a", 5, "remove_from_cart", NULL },
    { "a", 6, "remove_from_cart", NULL },
  };
  /* views: 4 × 2 = 8 capped at 5; removals: 3 × −3 = −9 capped at −5;
   * an uncapped rule on the same event adds its own points. */
  const char *json = "{\"intent\": [{\"event\": \"product_view\", \"points\": 2, \"max_points\": 5},"
                     "{\"event\": \"remove_from_cart\", \"points\": -3, \"max_points\": 5},"
                     "{\"event\": \"product_view\", \"points\": 0.25}], " STAGES_1 "}";
  LiScore s = test_score_at (json, events, G_N_ELEMENTS (events), "a", 6);

  g_assert_cmpfloat_with_epsilon (s.intent, 5 - 5 + 1, 1e-12);
  g_assert_cmpfloat_with_epsilon (s.fit, 0, 1e-12);
}

static void
test_cap_with_decay (void)
{
  /* Four carts at 0 worth 10 each = 40, capped at 25; after one half-life the
   * raw sum is 20, under the cap. */
  static const TestEvent events[] = {
    { "a", 0, "add_to_cart", NULL },
    { "a", 0, "add_to_cart", NULL },
    { "a", 0, "add_to_cart", NULL },
    { "a", 0, "add_to_cart", NULL },
  };
  const char *json = "{\"decay\": {\"model\": \"exponential\", \"half_life_days\": 1},"
                     "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 10, \"max_points\": 25}], "
                     STAGES_1 "}";

  g_assert_cmpfloat_with_epsilon (test_score_at (json, events, 4, "a", 0).score, 25, 1e-12);
  g_assert_cmpfloat_with_epsilon (test_score_at (json, events, 4, "a", D).score, 20, 1e-12);
}

static void
test_where (void)
{
  static const TestEvent events[] = {
    { "a", 0, "email_click", "link=cart_recovery" },
    { "a", 1, "email_click", "link=newsletter" },
    { "a", 2, "email_click", NULL },
    { "a", 3, "email_click", "link=product;channel=email" },
    { "a", 4, "email_click", "link=product;channel=sms" },
  };
  /* Rule 1: link in {cart_recovery, product} → events 0, 3, 4 → 3 × 8.
   * Rule 2: link = product and channel = email → event 3 → 5.
   * Rule 3: a where value that never occurs → nothing. */
  const char *json = "{\"intent\": ["
                     "{\"event\": \"email_click\", \"where\": {\"link\": [\"cart_recovery\", \"product\"]}, \"points\": 8},"
                     "{\"event\": \"email_click\", \"where\": {\"link\": \"product\", \"channel\": \"email\"}, \"points\": 5},"
                     "{\"event\": \"email_click\", \"where\": {\"link\": \"nowhere\"}, \"points\": 100}], "
                     STAGES_1 "}";

  g_assert_cmpfloat_with_epsilon (test_score_at (json, events, 5, "a", 4).score, 29, 1e-12);

  /* The events each rule matches, as the editor counts them. */
  {
    g_autoptr(LiEventStore) store = test_store (events, G_N_ELEMENTS (events));
    g_autoptr(LiRules) rules = test_rules (json);
    LiIntentRule all = { .event = (char *) "email_click" };
    LiIntentRule missing = { .event = (char *) "no_such_event" };

    g_assert_cmpuint (li_intent_rule_count_events (&rules->intent[0], store), ==, 3);
    g_assert_cmpuint (li_intent_rule_count_events (&rules->intent[1], store), ==, 1);
    g_assert_cmpuint (li_intent_rule_count_events (&rules->intent[2], store), ==, 0);
    g_assert_cmpuint (li_intent_rule_count_events (&all, store), ==, 5);
    g_assert_cmpuint (li_intent_rule_count_events (&missing, store), ==, 0);
    g_assert_cmpuint (li_intent_rule_count_events (&all, NULL), ==, 0);
  }
}

static void
test_reset_after_outcome (void)
{
  static const TestEvent events[] = {
    { "a", 0, "add_to_cart", "country=US" },
    { "a", 1 * H, "product_view", NULL },
    { "a", 2 * H, "purchase", NULL },
    { "a", 3 * H, "product_view", NULL },
    { "b", 0, "purchase", "country=CA" },
  };
  /* After the purchase only the last view counts; fit keeps the country seen
   * before it.  b's only event is the outcome: intent 0, fit from it. */
  const char *json = "{\"intent\": [{\"event\": \"add_to_cart\", \"points\": 15},"
                     "{\"event\": \"product_view\", \"points\": 2}],"
                     "\"fit\": [{\"attribute\": \"country\", \"op\": \"in\", \"values\": [\"US\", \"CA\"], \"points\": 10}], "
                     STAGES_1 "}";
  LiScore a = test_score_at (json, events, 5, "a", 3 * H);
  LiScore b = test_score_at (json, events, 5, "b", 3 * H);
  LiScore before = test_score_at (json, events, 5, "a", 2 * H - 1);

  g_assert_cmpfloat_with_epsilon (a.intent, 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (a.fit, 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (b.intent, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (b.fit, 10, 1e-12);
  g_assert_cmpfloat_with_epsilon (before.score, 27, 1e-12);
}

static void
test_as_of_leaves_out_later_leads (void)
{
  static const TestEvent events[] = {
    { "a", 0, "add_to_cart", NULL },
    { "b", 5 * H, "add_to_cart", NULL },
  };
  g_autoptr(LiRules) rules = test_rules ("{\"intent\": [{\"event\": \"add_to_cart\", \"points\": 1}], " STAGES_1 "}");
  g_autoptr(LiEventStore) store = test_store (events, 2);
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  g_autoptr(GArray) early = li_score_as_of (plan, H, NULL, NULL);
  g_autoptr(GArray) late = li_score_as_of (plan, 5 * H, NULL, NULL);

  g_assert_cmpuint (early->len, ==, 1);
  g_assert_cmpuint (late->len, ==, 2);
}

static double
_fit_points (const char *rule,
             const char *props)
{
  TestEvent events[] = { { "a", 0, "page_view", props } };
  g_autofree char *json = g_strdup_printf ("{\"fit\": [%s], " STAGES_1 "}", rule);
  return test_score_at (json, events, 1, "a", 0).fit;
}

static void
test_fit_operators (void)
{
  const char *eq = "{\"attribute\": \"country\", \"op\": \"eq\", \"value\": \"US\", \"points\": 3}";
  const char *ne = "{\"attribute\": \"country\", \"op\": \"ne\", \"value\": \"US\", \"points\": 3}";
  const char *in = "{\"attribute\": \"country\", \"op\": \"in\", \"values\": [\"US\", \"CA\"], \"points\": 3}";
  const char *not_in = "{\"attribute\": \"country\", \"op\": \"not_in\", \"values\": [\"US\", \"CA\"], \"points\": 3}";
  const char *gt = "{\"attribute\": \"budget\", \"op\": \"gt\", \"value\": 100, \"points\": 3}";
  const char *gte = "{\"attribute\": \"budget\", \"op\": \"gte\", \"value\": 100, \"points\": 3}";
  const char *lt = "{\"attribute\": \"budget\", \"op\": \"lt\", \"value\": 100, \"points\": 3}";
  const char *lte = "{\"attribute\": \"budget\", \"op\": \"lte\", \"value\": 100, \"points\": 3}";
  const char *between = "{\"attribute\": \"budget\", \"op\": \"between\", \"values\": [40, 90], \"points\": 3}";
  const char *exists = "{\"attribute\": \"size\", \"op\": \"exists\", \"points\": 3}";
  const char *missing = "{\"attribute\": \"size\", \"op\": \"missing\", \"points\": -2}";

  g_assert_cmpfloat (_fit_points (eq, "country=US"), ==, 3);
  g_assert_cmpfloat (_fit_points (eq, "country=us"), ==, 0);
  g_assert_cmpfloat (_fit_points (eq, NULL), ==, 0);
  g_assert_cmpfloat (_fit_points (ne, "country=DE"), ==, 3);
  g_assert_cmpfloat (_fit_points (ne, "country=US"), ==, 0);
  g_assert_cmpfloat (_fit_points (ne, NULL), ==, 0);          /* ne never matches a missing value */
  g_assert_cmpfloat (_fit_points (in, "country=CA"), ==, 3);
  g_assert_cmpfloat (_fit_points (in, "country=DE"), ==, 0);
  g_assert_cmpfloat (_fit_points (not_in, "country=DE"), ==, 3);
  g_assert_cmpfloat (_fit_points (not_in, "country=US"), ==, 0);
  g_assert_cmpfloat (_fit_points (not_in, NULL), ==, 0);
  g_assert_cmpfloat (_fit_points (gt, "budget=100.5"), ==, 3);
  g_assert_cmpfloat (_fit_points (gt, "budget=100"), ==, 0);
  g_assert_cmpfloat (_fit_points (gt, "budget=1e3"), ==, 3);
  g_assert_cmpfloat (_fit_points (gt, "budget=n/a"), ==, 0);  /* not a number */
  g_assert_cmpfloat (_fit_points (gt, "budget= 200"), ==, 0); /* no spaces */
  g_assert_cmpfloat (_fit_points (gt, "budget=inf"), ==, 0);
  g_assert_cmpfloat (_fit_points (gte, "budget=100"), ==, 3);
  g_assert_cmpfloat (_fit_points (gte, "budget=99.99"), ==, 0);
  g_assert_cmpfloat (_fit_points (lt, "budget=-12"), ==, 3);
  g_assert_cmpfloat (_fit_points (lt, "budget=100"), ==, 0);
  g_assert_cmpfloat (_fit_points (lte, "budget=100"), ==, 3);
  g_assert_cmpfloat (_fit_points (lte, "budget=100.01"), ==, 0);
  g_assert_cmpfloat (_fit_points (between, "budget=40"), ==, 3);
  g_assert_cmpfloat (_fit_points (between, "budget=90"), ==, 3);
  g_assert_cmpfloat (_fit_points (between, "budget=90.5"), ==, 0);
  g_assert_cmpfloat (_fit_points (between, "budget=39"), ==, 0);
  g_assert_cmpfloat (_fit_points (exists, "size=M"), ==, 3);
  g_assert_cmpfloat (_fit_points (exists, NULL), ==, 0);
  g_assert_cmpfloat (_fit_points (missing, NULL), ==, -2);
  g_assert_cmpfloat (_fit_points (missing, "size=M"), ==, 0);
}

static void
test_fit_latest_value_and_leads_file (void)
{
  static const TestEvent events[] = {
    { "a", 0, "page_view", "country=DE" },
    { "a", 1, "page_view", "country=US" },
    { "a", 2, "page_view", NULL },
    { "b", 0, "page_view", NULL },
    { "c", 0, "page_view", "budget=50" },
  };
  const char *json = "{\"fit\": [{\"attribute\": \"country\", \"op\": \"eq\", \"value\": \"US\", \"points\": 10},"
                     "{\"attribute\": \"budget\", \"op\": \"gte\", \"value\": 100, \"points\": 5}], " STAGES_1 "}";
  g_autoptr(LiRules) rules = test_rules (json);
  g_autoptr(LiEventStore) store = test_store (events, G_N_ELEMENTS (events));
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "li-test-leads.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiLeadTable) leads = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(GArray) rows = NULL;
  double fit[3] = { -1, -1, -1 };

  /* The leads file fills in what the events do not say; events win. */
  g_assert_true (g_file_set_contents (path, "lead_id,country,budget\na,DE,500\nb,US,\nc,US,150\n", -1, NULL));
  leads = li_import_leads (file, NULL, NULL);
  g_assert_nonnull (leads);
  plan = li_plan_new (rules, store, leads);
  rows = li_score_as_of (plan, 10, NULL, NULL);
  for (guint r = 0; r < rows->len; r++)
    {
      const LiScoreRow *row = &g_array_index (rows, LiScoreRow, r);
      fit[li_str_pool_get (store->leads, row->lead)[0] - 'a'] = row->fit;
    }
  g_assert_cmpfloat (fit[0], ==, 15);  /* US from the events, budget 500 from the file */
  g_assert_cmpfloat (fit[1], ==, 10);  /* US from the file, budget missing */
  g_assert_cmpfloat (fit[2], ==, 10);  /* budget 50 from the events beats 150 */
  g_unlink (path);
}

static void
test_stages_tolerance_and_conditions (void)
{
  /* Ten page views of 0.1 sum to 0.9999999999999999: on paper 1, so a
   * threshold of 1 is reached (1e-9 tolerance). */
  TestEvent events[12];
  const char *json = "{\"intent\": [{\"event\": \"page_view\", \"points\": 0.1}],"
                     "\"fit\": [{\"attribute\": \"country\", \"op\": \"eq\", \"value\": \"US\", \"points\": 5}],"
                     "\"stages\": [{\"name\": \"hot\", \"min_score\": 1, \"min_fit\": 5},"
                     "{\"name\": \"warm\", \"min_intent\": 1},"
                     "{\"name\": \"engaged\", \"min_score\": 0.5}, {\"name\": \"cold\"}]}";

  for (guint i = 0; i < 10; i++)
    events[i] = (TestEvent) { "a", i, "page_view", NULL };
  events[10] = (TestEvent) { "b", 0, "page_view", "country=US" };
  events[11] = (TestEvent) { "c", 0, "page_view", NULL };

  g_assert_cmpuint (test_score_at (json, events, 12, "a", 9).stage, ==, 1);  /* no fit → warm */
  g_assert_cmpuint (test_score_at (json, events, 12, "b", 9).stage, ==, 0);  /* 5.1 and fit 5 → hot */
  g_assert_cmpuint (test_score_at (json, events, 12, "c", 9).stage, ==, 3);  /* 0.1 → cold */
  g_assert_cmpuint (test_score_at (json, events, 9, "a", 8).stage, ==, 2);   /* 0.9 → engaged */
}

static void
test_empty_store (void)
{
  g_autoptr(LiRules) rules = test_rules ("{" STAGES_1 "}");
  g_autoptr(LiEventStore) store = test_store (NULL, 0);
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  g_autoptr(GArray) rows = li_score_as_of (plan, 0, NULL, NULL);

  g_assert_cmpuint (rows->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/scoring/decay/none", test_decay_none);
  g_test_add_func ("/engine/scoring/decay/exponential", test_decay_exponential);
  g_test_add_func ("/engine/scoring/decay/window", test_decay_window);
  g_test_add_func ("/engine/scoring/decay/linear", test_decay_linear);
  g_test_add_func ("/engine/scoring/decay/linear-several", test_decay_linear_several);
  g_test_add_func ("/engine/scoring/decay/linear-tiny-window", test_decay_linear_tiny_window);
  g_test_add_func ("/engine/scoring/decay/override", test_decay_override);
  g_test_add_func ("/engine/scoring/caps-and-negative", test_caps_and_negative);
  g_test_add_func ("/engine/scoring/cap-with-decay", test_cap_with_decay);
  g_test_add_func ("/engine/scoring/where", test_where);
  g_test_add_func ("/engine/scoring/reset-after-outcome", test_reset_after_outcome);
  g_test_add_func ("/engine/scoring/as-of", test_as_of_leaves_out_later_leads);
  g_test_add_func ("/engine/scoring/fit/operators", test_fit_operators);
  g_test_add_func ("/engine/scoring/fit/latest-and-leads-file", test_fit_latest_value_and_leads_file);
  g_test_add_func ("/engine/scoring/stages", test_stages_tolerance_and_conditions);
  g_test_add_func ("/engine/scoring/empty", test_empty_store);
  return g_test_run ();
}
