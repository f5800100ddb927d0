/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hand-computed rule diagnostics (docs/decisions.md, "Rule diagnostics"):
 * journeys fired in among converters and non-converters, the share of the
 * flagged leads' points at their first flag, rules that never fire,
 * disabled patterns, caps, decay, fit, the loaded time range, and that a
 * replay computes none unless asked. */
#include "config.h"

#include "li-rule-diagnostics.h"
#include "li-test-util.h"

#define HEAD "{\"format\": \"lead-intent-rules\", \"format_version\": 1, "

static LiReplayResult *
_replay (const char            *json,
         const TestEvent       *events,
         guint                  n,
         const LiReplayOptions *options)
{
  g_autoptr(LiRules) rules = test_rules (json);
  g_autoptr(LiEventStore) store = test_store (events, n);
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  LiReplayOptions with = options ? *options : (LiReplayOptions) { 0 };
  LiReplayResult *result;

  with.rule_diagnostics = TRUE;
  result = li_replay_run (plan, &with, NULL, NULL, NULL, NULL);
  g_assert_nonnull (result);
  g_assert_nonnull (result->diagnostics);
  /* The diagnostics count the replay's journeys. */
  g_assert_cmpuint (result->diagnostics->converters, ==, result->converters);
  g_assert_cmpuint (result->diagnostics->others, ==, result->leads - result->converters);
  return result;
}

static void
_assert_rule (const LiRuleDiagnostic *rule,
              const char             *name,
              guint                   converters,
              guint                   others,
              double                  flagged_points)
{
  g_assert_cmpstr (rule->name, ==, name);
  g_assert_cmpuint (rule->converters_fired, ==, converters);
  g_assert_cmpuint (rule->others_fired, ==, others);
  g_assert_cmpfloat_with_epsilon (rule->flagged_points, flagged_points, 1e-9);
}

/* No decay.  a: view 2, view 4, cart (+10, sequence +4) 18: flagged (warm
 * ≥ 5) at the cart with view 4, cart 10, seq 4; then buys.  b: views 2, 4,
 * 6 (flagged: view 6), 8; never buys.  c: a cart, 10, flagged (cart 10).
 * d: one view (2, never flagged), then buys.  e buys first: skipped.
 * Flagged total 18 + 6 + 10 = 34. */
static void
test_counts_and_shares (void)
{
  static const TestEvent events[] = {
    { "a", 0, "product_view", NULL },
    { "a", 1 * H, "product_view", NULL },
    { "a", 2 * H, "add_to_cart", NULL },
    { "a", 3 * H, "purchase", NULL },
    { "b", 0, "product_view", NULL },
    { "b", 1 * H, "product_view", NULL },
    { "b", 2 * H, "product_view", NULL },
    { "b", 3 * H, "product_view", NULL },
    { "c", 0, "add_to_cart", NULL },
    { "d", 0, "product_view", NULL },
    { "d", 1 * H, "purchase", NULL },
    { "e", 0, "purchase", NULL },
    { "e", 1 * H, "product_view", NULL },
  };
  g_autoptr(LiReplayResult) result = _replay (
    HEAD "\"intent\": [{\"event\": \"product_view\", \"points\": 2},"
    " {\"event\": \"add_to_cart\", \"points\": 10}, {\"event\": \"email_click\", \"points\": 5}],"
    " \"patterns\": [{\"name\": \"view then cart\", \"kind\": \"sequence\","
    " \"events\": [\"product_view\", \"add_to_cart\"], \"within_hours\": 24, \"points\": 4},"
    " {\"name\": \"off\", \"kind\": \"return_days\", \"min_days\": 1, \"within_days\": 7,"
    " \"points\": 1, \"enabled\": false}],"
    " \"stages\": [{\"name\": \"hot\", \"min_score\": 15}, {\"name\": \"warm\", \"min_score\": 5},"
    " {\"name\": \"cold\"}]}",
    events, G_N_ELEMENTS (events), NULL);
  const LiRuleDiagnostics *d = result->diagnostics;

  g_assert_cmpuint (result->skipped_leads, ==, 1);
  g_assert_cmpuint (d->converters, ==, 2);
  g_assert_cmpuint (d->others, ==, 2);
  g_assert_cmpuint (d->flagged, ==, 3);
  g_assert_cmpfloat_with_epsilon (d->flagged_total, 34, 1e-9);
  g_assert_cmpuint (d->n_rules, ==, 5);
  _assert_rule (&d->rules[0], "product_view", 2, 1, 10);
  _assert_rule (&d->rules[1], "add_to_cart", 1, 1, 20);
  _assert_rule (&d->rules[2], "email_click", 0, 0, 0);
  _assert_rule (&d->rules[3], "view then cart", 1, 0, 4);
  _assert_rule (&d->rules[4], "off", 0, 0, 0);
  g_assert_cmpfloat_with_epsilon (d->rules[0].share, 10.0 / 34, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->rules[1].share, 20.0 / 34, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->rules[3].share, 4.0 / 34, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->fit_share, 0, 1e-12);
  g_assert_true (d->rules[3].section == LI_EXPLAIN_PATTERNS && d->rules[3].index == 0);
  /* Only the enabled rule that nothing matched is a warning. */
  g_assert_false (li_rule_diagnostic_never_fires (&d->rules[0]));
  g_assert_true (li_rule_diagnostic_never_fires (&d->rules[2]));
  g_assert_false (d->rules[4].enabled);
  g_assert_false (li_rule_diagnostic_never_fires (&d->rules[4]));
}

/* Exponential decay (half-life 1 day), a cap of 10 and fit.  a: view at 0
 * (8 + fit 5 = 13, cold), view at 1 day (raw 8·½ + 8 = 12, capped 10;
 * 15 ≥ 14: flagged with view 10, fit 5).  Shares 10/15 and 5/15. */
static void
test_decay_cap_fit (void)
{
  static const TestEvent events[] = {
    { "a", 0, "product_view", "country=US" },
    { "a", 1 * D, "product_view", "country=US" },
  };
  g_autoptr(LiReplayResult) result = _replay (
    HEAD "\"decay\": {\"model\": \"exponential\", \"half_life_days\": 1},"
    " \"intent\": [{\"event\": \"product_view\", \"points\": 8, \"max_points\": 10}],"
    " \"fit\": [{\"attribute\": \"country\", \"op\": \"eq\", \"value\": \"US\", \"points\": 5}],"
    " \"stages\": [{\"name\": \"hot\", \"min_score\": 14}, {\"name\": \"cold\"}]}",
    events, G_N_ELEMENTS (events), NULL);
  const LiRuleDiagnostics *d = result->diagnostics;

  g_assert_cmpuint (d->flagged, ==, 1);
  g_assert_cmpfloat_with_epsilon (d->flagged_total, 15, 1e-9);
  _assert_rule (&d->rules[0], "product_view", 0, 1, 10);
  g_assert_cmpfloat_with_epsilon (d->rules[0].share, 10.0 / 15, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->fit_points, 5, 1e-12);
  g_assert_cmpfloat_with_epsilon (d->fit_share, 5.0 / 15, 1e-12);
}

/* The loaded time range cuts journeys as the replay does: from 1 h on, a's
 * first view is not loaded, one view (8) stays below 14, nothing is
 * flagged and the shares are null. */
static void
test_time_range (void)
{
  static const TestEvent events[] = {
    { "a", 0, "product_view", NULL },
    { "a", 1 * H, "product_view", NULL },
    { "b", 0, "add_to_cart", NULL },
  };
  const char *json = HEAD "\"intent\": [{\"event\": \"product_view\", \"points\": 8},"
                     " {\"event\": \"add_to_cart\", \"points\": 1}],"
                     " \"stages\": [{\"name\": \"hot\", \"min_score\": 14}, {\"name\": \"cold\"}]}";
  g_autoptr(LiReplayResult) all = _replay (json, events, G_N_ELEMENTS (events), NULL);
  g_autoptr(LiReplayResult) late = _replay (json, events, G_N_ELEMENTS (events),
                                            &(LiReplayOptions) { .has_from = TRUE, .from_ms = 1 * H });

  g_assert_cmpuint (all->diagnostics->flagged, ==, 1);
  _assert_rule (&all->diagnostics->rules[0], "product_view", 0, 1, 16);
  _assert_rule (&all->diagnostics->rules[1], "add_to_cart", 0, 1, 0);
  g_assert_cmpfloat_with_epsilon (all->diagnostics->rules[0].share, 1, 1e-12);

  g_assert_cmpuint (late->leads, ==, 1);
  g_assert_cmpuint (late->diagnostics->flagged, ==, 0);
  _assert_rule (&late->diagnostics->rules[0], "product_view", 0, 1, 0);
  _assert_rule (&late->diagnostics->rules[1], "add_to_cart", 0, 0, 0);
  g_assert_true (isnan (late->diagnostics->rules[0].share));
  g_assert_true (li_rule_diagnostic_never_fires (&late->diagnostics->rules[1]));
}

/* The fast path stays as it was: no diagnostics unless asked. */
static void
test_not_asked (void)
{
  static const TestEvent events[] = { { "a", 0, "product_view", NULL } };
  g_autoptr(LiRules) rules = test_rules (HEAD "\"intent\": [{\"event\": \"product_view\", \"points\": 1}],"
                                         " " STAGES_1 "}");
  g_autoptr(LiEventStore) store = test_store (events, 1);
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  g_autoptr(LiReplayResult) result = li_replay_run (plan, NULL, NULL, NULL, NULL, NULL);

  g_assert_null (result->diagnostics);
}

/* The same numbers, to the last bit, on one thread and on three: 9,000
 * leads (three blocks of the pass) of views, carts and purchases. */
static void
test_threads (void)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (TestEvent));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiRules) rules = test_rules (
    HEAD "\"decay\": {\"model\": \"exponential\", \"half_life_days\": 0.3},"
    " \"intent\": [{\"event\": \"product_view\", \"points\": 3, \"max_points\": 10},"
    " {\"event\": \"add_to_cart\", \"points\": 11}],"
    " \"stages\": [{\"name\": \"hot\", \"min_score\": 20}, {\"name\": \"warm\", \"min_score\": 7},"
    " {\"name\": \"cold\"}]}");
  g_autoptr(LiEventStore) store = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(LiReplayResult) one = NULL;
  g_autoptr(LiReplayResult) three = NULL;
  static const char *kinds[] = { "product_view", "product_view", "add_to_cart", "purchase", "product_view" };

  for (guint l = 0; l < 9000; l++)
    {
      char *id = g_strdup_printf ("lead-%u", l);
      g_ptr_array_add (ids, id);
      for (guint k = 0; k < 1 + l % 5; k++)
        {
          TestEvent e = { id, (gint64) (l % 7 + k * (1 + l % 3)) * H, kinds[(l + k) % 5], NULL };
          g_array_append_val (events, e);
        }
    }
  store = test_store ((const TestEvent *) events->data, events->len);
  plan = li_plan_new (rules, store, NULL);
  one = li_replay_run (plan, &(LiReplayOptions) { .threads = 1, .rule_diagnostics = TRUE }, NULL, NULL, NULL, NULL);
  three = li_replay_run (plan, &(LiReplayOptions) { .threads = 3, .rule_diagnostics = TRUE }, NULL, NULL, NULL, NULL);

  g_assert_cmpuint (one->diagnostics->flagged, >, 0);
  g_assert_cmpuint (one->diagnostics->converters, >, 0);
  g_assert_cmpuint (one->diagnostics->flagged, ==, three->diagnostics->flagged);
  g_assert_cmpfloat (one->diagnostics->flagged_total, ==, three->diagnostics->flagged_total);
  for (guint r = 0; r < one->diagnostics->n_rules; r++)
    {
      g_assert_cmpuint (one->diagnostics->rules[r].converters_fired, ==, three->diagnostics->rules[r].converters_fired);
      g_assert_cmpuint (one->diagnostics->rules[r].others_fired, ==, three->diagnostics->rules[r].others_fired);
      g_assert_cmpfloat (one->diagnostics->rules[r].flagged_points, ==, three->diagnostics->rules[r].flagged_points);
    }
}

/* The JSON of `replay --diagnostics --json`. */
static void
test_json (void)
{
  static const TestEvent events[] = { { "a", 0, "product_view", NULL } };
  g_autoptr(LiReplayResult) result = _replay (
    HEAD "\"intent\": [{\"event\": \"product_view\", \"points\": 1}, {\"event\": \"x\", \"points\": 1}],"
    " \"stages\": [{\"name\": \"hot\", \"min_score\": 1}, {\"name\": \"cold\"}]}",
    events, 1, NULL);
  g_autoptr(JsonNode) node = li_rule_diagnostics_to_json (result->diagnostics);
  g_autofree char *text = json_to_string (node, FALSE);

  g_assert_cmpstr (text, ==,
                   "[{\"section\":\"intent\",\"index\":0,\"name\":\"product_view\",\"enabled\":true,"
                   "\"converters_fired\":0,\"non_converters_fired\":1,\"converter_rate\":null,"
                   "\"non_converter_rate\":1.0,\"flagged_points\":1.0,\"flagged_share\":1.0,"
                   "\"never_fires\":false},"
                   "{\"section\":\"intent\",\"index\":1,\"name\":\"x\",\"enabled\":true,"
                   "\"converters_fired\":0,\"non_converters_fired\":0,\"converter_rate\":null,"
                   "\"non_converter_rate\":0.0,\"flagged_points\":0.0,\"flagged_share\":0.0,"
                   "\"never_fires\":true}]");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/diagnostics/counts-and-shares", test_counts_and_shares);
  g_test_add_func ("/engine/diagnostics/decay-cap-fit", test_decay_cap_fit);
  g_test_add_func ("/engine/diagnostics/time-range", test_time_range);
  g_test_add_func ("/engine/diagnostics/not-asked", test_not_asked);
  g_test_add_func ("/engine/diagnostics/threads", test_threads);
  g_test_add_func ("/engine/diagnostics/json", test_json);
  return g_test_run ();
}
