/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drift (docs/tuning.md): calendar periods, each period's replay equal to
 * the replay of its range, firing rates, and the population stability
 * index with its binning and epsilon, on hand-computed cases. */
#include "config.h"

#include "li-drift.h"
#include "li-psi.h"
#include "li-time.h"
#include "li-tune-test-util.h"

static gint64
_t (const char *text)
{
  gint64 t;

  g_assert_true (li_time_parse (text, strlen (text), &t));
  return t;
}

static void
test_periods (void)
{
  /* 2026-01-01 is a Thursday: its ISO week starts Monday 2025-12-29 */
  g_assert_cmpint (li_drift_period_start (LI_DRIFT_WEEK, _t ("2026-01-01T12:00:00Z")), ==, _t ("2025-12-29T00:00:00Z"));
  g_assert_cmpint (li_drift_period_start (LI_DRIFT_WEEK, _t ("2026-01-05T00:00:00Z")), ==, _t ("2026-01-05T00:00:00Z"));
  g_assert_cmpint (li_drift_period_start (LI_DRIFT_WEEK, _t ("2026-01-04T23:59:59.999Z")), ==, _t ("2025-12-29T00:00:00Z"));
  g_assert_cmpint (li_drift_period_next (LI_DRIFT_WEEK, _t ("2025-12-29T00:00:00Z")), ==, _t ("2026-01-05T00:00:00Z"));
  /* before 1970 too (floor division) */
  g_assert_cmpint (li_drift_period_start (LI_DRIFT_WEEK, _t ("1969-12-31T10:00:00Z")), ==, _t ("1969-12-29T00:00:00Z"));
  g_assert_cmpint (li_drift_period_start (LI_DRIFT_MONTH, _t ("2024-02-29T23:00:00Z")), ==, _t ("2024-02-01T00:00:00Z"));
  g_assert_cmpint (li_drift_period_next (LI_DRIFT_MONTH, _t ("2024-02-01T00:00:00Z")), ==, _t ("2024-03-01T00:00:00Z"));
  g_assert_cmpint (li_drift_period_next (LI_DRIFT_MONTH, _t ("2026-12-01T00:00:00Z")), ==, _t ("2027-01-01T00:00:00Z"));
  g_assert_cmpint (li_drift_period_start (LI_DRIFT_DAY, _t ("2026-01-01T12:00:00Z")), ==, _t ("2026-01-01T00:00:00Z"));
  g_assert_cmpint (li_drift_period_next (LI_DRIFT_DAY, _t ("2026-01-01T00:00:00Z")), ==, _t ("2026-01-02T00:00:00Z"));
  g_assert_cmpint (li_drift_period_start (LI_DRIFT_HOUR, _t ("2026-01-01T12:34:56Z")), ==, _t ("2026-01-01T12:00:00Z"));
  g_assert_cmpint (li_drift_period_start (LI_DRIFT_HOUR, _t ("1969-12-31T23:30:00Z")), ==, _t ("1969-12-31T23:00:00Z"));
  g_assert_cmpint (li_drift_period_next (LI_DRIFT_HOUR, _t ("2026-01-01T12:00:00Z")), ==, _t ("2026-01-01T13:00:00Z"));
}

static void
test_psi (void)
{
  const double ten[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
  const double zeros[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
  const double high[] = { 100, 9, -5 };
  const double same[] = { 3, 3 };
  double want;

  /* the same distribution: 0 */
  g_assert_cmpfloat (li_psi (ten, 10, ten, 10, LI_PSI_BINS), ==, 0);
  /* ten bins of width 0.9, one value each (9 falls in the last); all of
   * the current in the first, the nine others empty at the epsilon */
  want = (1 - 0.1) * log (1 / 0.1) + 9 * (LI_PSI_EPSILON - 0.1) * log (LI_PSI_EPSILON / 0.1);
  g_assert_cmpfloat_with_epsilon (li_psi (ten, 10, zeros, 10, LI_PSI_BINS), want, 1e-12);
  /* outside the reference's range: clamped to the first and last bin;
   * 100 and 9 in the last (⅔), -5 in the first (⅓) */
  want = (2.0 / 3 - 0.1) * log ((2.0 / 3) / 0.1) + (1.0 / 3 - 0.1) * log ((1.0 / 3) / 0.1) +
         8 * (LI_PSI_EPSILON - 0.1) * log (LI_PSI_EPSILON / 0.1);
  g_assert_cmpfloat_with_epsilon (li_psi (ten, 10, high, 3, LI_PSI_BINS), want, 1e-12);
  /* two bins for a quick hand check: reference halves, current ¾ ¼ */
  {
    const double ref[] = { 0, 1 }, cur[] = { 0, 0, 0, 1 };
    want = (0.75 - 0.5) * log (0.75 / 0.5) + (0.25 - 0.5) * log (0.25 / 0.5);
    g_assert_cmpfloat_with_epsilon (li_psi (ref, 2, cur, 4, 2), want, 1e-12);
  }
  /* a reference of one value: bins of width 1 from it */
  g_assert_cmpfloat (li_psi (same, 2, same, 2, LI_PSI_BINS), ==, 0);
  g_assert_true (isnan (li_psi (ten, 0, ten, 10, LI_PSI_BINS)));
  g_assert_true (isnan (li_psi (ten, 10, ten, 0, LI_PSI_BINS)));
}

/* Two weeks: week 1 (from Monday 2026-01-05) a and b as in the history,
 * week 2 c views and buys, d adds to cart. */
static const TestEvent two_weeks[] = {
  { "a", 1767571200000 + 1 * D, "product_view", NULL },      /* Tue 6 Jan */
  { "a", 1767571200000 + 1 * D + H, "add_to_cart", NULL },
  { "a", 1767571200000 + 1 * D + 2 * H, "purchase", NULL },
  { "b", 1767571200000 + 2 * D, "product_view", NULL },
  { "b", 1767571200000 + 8 * D, "product_view", NULL },      /* Tue 13 Jan: week 2 */
  { "c", 1767571200000 + 9 * D, "product_view", NULL },
  { "c", 1767571200000 + 9 * D + H, "purchase", NULL },
  { "d", 1767571200000 + 10 * D, "add_to_cart", NULL },
};

static void
test_drift_run (void)
{
  g_autoptr(LiRules) rules = test_rules (tune_rules);
  g_autoptr(LiEventStore) store = test_store (two_weeks, G_N_ELEMENTS (two_weeks));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDrift) drift = li_drift_run (rules, store, NULL, LI_DRIFT_WEEK, NULL, NULL, &error);
  g_autoptr(JsonNode) json = NULL;
  JsonObject *period;

  g_assert_no_error (error);
  g_assert_cmpuint (drift->n_periods, ==, 2);
  g_assert_cmpuint (drift->n_rules, ==, 2);
  g_assert_cmpstr (drift->rule_names[0], ==, "intent[0] add_to_cart");
  g_assert_cmpint (drift->periods[0].from_ms, ==, _t ("2026-01-05T00:00:00Z"));
  g_assert_cmpint (drift->periods[0].to_ms, ==, _t ("2026-01-11T23:59:59.999Z"));
  g_assert_cmpint (drift->periods[1].from_ms, ==, _t ("2026-01-12T00:00:00Z"));
  for (guint k = 0; k < drift->n_periods; k++)
    {
      LiReplayOptions o = { .has_from = TRUE, .has_to = TRUE,
                            .from_ms = drift->periods[k].from_ms, .to_ms = drift->periods[k].to_ms };
      g_autoptr(LiReplayResult) want = tune_replay (rules, store, &o);
      g_autofree char *want_json = tune_replay_json (want);
      g_autofree char *got_json = tune_replay_json (drift->periods[k].replay);

      g_assert_cmpstr (got_json, ==, want_json);
    }
  /* week 1: a (viewed, added, bought), b (viewed): add_to_cart ½, view 1 */
  g_assert_cmpuint (drift->periods[0].replay->leads, ==, 2);
  g_assert_cmpfloat (drift->periods[0].firing_rate[0], ==, 0.5);
  g_assert_cmpfloat (drift->periods[0].firing_rate[1], ==, 1);
  /* week 2: b and c viewed, d added: ⅓ and ⅔ */
  g_assert_cmpuint (drift->periods[1].replay->leads, ==, 3);
  g_assert_cmpfloat_with_epsilon (drift->periods[1].firing_rate[0], 1.0 / 3, 1e-12);
  g_assert_cmpfloat_with_epsilon (drift->periods[1].firing_rate[1], 2.0 / 3, 1e-12);
  /* peaks: week 1 {11, 1}, week 2 {1, 1, 10}; PSI over week 1's bins */
  {
    const double ref[] = { 11, 1 }, cur[] = { 1, 1, 10 };
    g_assert_cmpfloat (drift->periods[0].psi, ==, 0);
    g_assert_cmpfloat (drift->periods[1].psi, ==, li_psi (ref, 2, cur, 3, LI_PSI_BINS));
    g_assert_cmpfloat (drift->periods[1].psi, >, 0);
  }

  json = li_drift_to_json (drift);
  period = json_array_get_object_element (json_object_get_array_member (json_node_get_object (json), "periods"), 1);
  g_assert_cmpstr (json_object_get_string_member (period, "from"), ==, "2026-01-12T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (period, "to"), ==, "2026-01-18T23:59:59.999Z");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (period, "replay"), "leads"), ==, 3);
}

static void
test_drift_months_range (void)
{
  g_autoptr(LiRules) rules = test_rules (tune_rules);
  g_autoptr(LiEventStore) store = test_store (two_weeks, G_N_ELEMENTS (two_weeks));
  LiReplayOptions o = { .has_from = TRUE, .from_ms = _t ("2026-01-08T00:00:00Z") };
  g_autoptr(LiDrift) month = li_drift_run (rules, store, NULL, LI_DRIFT_MONTH, NULL, NULL, NULL);
  g_autoptr(LiDrift) cut = li_drift_run (rules, store, NULL, LI_DRIFT_WEEK, &o, NULL, NULL);

  g_assert_cmpuint (month->n_periods, ==, 1);
  g_assert_cmpint (month->periods[0].from_ms, ==, _t ("2026-01-01T00:00:00Z"));
  g_assert_cmpuint (month->periods[0].replay->leads, ==, 4);
  /* the range control cuts the first week at its start */
  g_assert_cmpuint (cut->n_periods, ==, 2);
  g_assert_cmpint (cut->periods[0].from_ms, ==, o.from_ms);
  g_assert_cmpuint (cut->periods[0].replay->leads, ==, 0);
  g_assert_true (isnan (cut->periods[0].firing_rate[0]));
  g_assert_true (isnan (cut->periods[1].psi));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/tune/drift/periods", test_periods);
  g_test_add_func ("/engine/tune/drift/psi", test_psi);
  g_test_add_func ("/engine/tune/drift/run", test_drift_run);
  g_test_add_func ("/engine/tune/drift/months-range", test_drift_months_range);
  return g_test_run ();
}
