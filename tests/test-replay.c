/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hand-computed replay metrics (SPEC 5): journeys, flags, true and false
 * positives, null ratios, AUC ties, histogram, time range, skipped leads. */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "li-test-util.h"
#include "li-plan.h"
#include "li-replay-metrics.h"

static const TestEvent history[] = {
  { "a", 0, "product_view", NULL },
  { "a", 1 * H, "product_view", NULL },
  { "a", 2 * H, "add_to_cart", NULL },
  { "a", 5 * H, "purchase", NULL },
  { "a", 6 * H, "add_to_cart", NULL },       /* after the purchase: not in the journey */
  { "b", 0, "product_view", NULL },
  { "b", 1 * H, "add_to_cart", NULL },
  { "c", 0, "product_view", NULL },
  { "c", 48 * H, "purchase", NULL },         /* converted, but 48 h after its flag */
  { "d", 0, "purchase", NULL },              /* empty journey: skipped */
  { "d", 1 * H, "product_view", NULL },
  { "e", 0, "product_view", NULL },
  { "e", 0, "product_view", NULL },
};

static const char *history_rules =
  "{\"outcome\": {\"event\": \"purchase\", \"window_days\": 1},"
  "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 10}, {\"event\": \"product_view\", \"points\": 1}],"
  "\"stages\": [{\"name\": \"hot\", \"min_score\": 10}, {\"name\": \"warm\", \"min_score\": 2}, {\"name\": \"cold\"}]}";

static LiReplayResult *
_replay (const char            *json,
         const TestEvent       *events,
         guint                  n,
         const LiReplayOptions *options,
         char                 **leads_csv)
{
  g_autoptr(LiRules) rules = test_rules (json);
  g_autoptr(LiEventStore) store = test_store (events, n);
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  LiReplayResult *result = li_replay_run (plan, options, NULL, NULL, NULL, NULL);

  g_assert_nonnull (result);
  if (leads_csv)
    *leads_csv = li_replay_result_leads_csv (result, plan);
  return result;
}

static void
_assert_stage (const LiStageMetrics *m,
               guint flagged, guint tp, guint fp, guint fn,
               double precision, double recall, double lift, guint peak, double median)
{
  g_assert_cmpuint (m->flagged, ==, flagged);
  g_assert_cmpuint (m->true_positives, ==, tp);
  g_assert_cmpuint (m->false_positives, ==, fp);
  g_assert_cmpuint (m->false_negatives, ==, fn);
  g_assert_cmpfloat_with_epsilon (m->precision, precision, 1e-12);
  g_assert_cmpfloat_with_epsilon (m->recall, recall, 1e-12);
  g_assert_cmpfloat_with_epsilon (m->lift, lift, 1e-12);
  g_assert_cmpuint (m->peak_count, ==, peak);
  g_assert_cmpfloat_with_epsilon (m->median_hours_to_outcome, median, 1e-12);
}

static void
test_replay_metrics (void)
{
  g_autofree char *csv = NULL;
  LiReplayOptions options = { .bins = 4 };
  g_autoptr(LiReplayResult) r = _replay (history_rules, history, G_N_ELEMENTS (history), &options, &csv);

  /* Peaks: a 12 (hot, converted), b 11 (hot), c 1 (cold, converted), e 2 (warm). */
  g_assert_cmpuint (r->leads, ==, 4);
  g_assert_cmpuint (r->skipped_leads, ==, 1);
  g_assert_cmpuint (r->converters, ==, 2);
  g_assert_cmpfloat (r->base_rate, ==, 0.5);
  /* hot flagged a (2 h) and b; a bought 3 h later */
  _assert_stage (&r->stages[0], 2, 1, 1, 1, 0.5, 0.5, 1.0, 2, 3);
  /* warm or hotter: a (1 h), b (1 h), e (0 h) */
  _assert_stage (&r->stages[1], 3, 1, 2, 1, 1.0 / 3, 0.5, 2.0 / 3, 1, 4);
  /* everyone is cold or hotter; c's purchase is outside the 1-day window */
  _assert_stage (&r->stages[2], 4, 1, 3, 1, 0.25, 0.5, 0.5, 1, 5);
  /* pairs (converter, non-converter): (12, 11) (12, 2) won, (1, 11) (1, 2) lost */
  g_assert_cmpfloat (r->auc, ==, 0.5);

  /* 4 bins from 1 to 12 */
  g_assert_cmpuint (r->n_bins, ==, 4);
  g_assert_cmpfloat (r->bin_width, ==, 11.0 / 4);
  g_assert_cmpfloat (r->bins[0].from, ==, 1);
  g_assert_cmpuint (r->bins[0].converted, ==, 1);
  g_assert_cmpuint (r->bins[0].not_converted, ==, 1);
  g_assert_cmpuint (r->bins[1].converted + r->bins[1].not_converted, ==, 0);
  g_assert_cmpuint (r->bins[3].converted, ==, 1);
  g_assert_cmpuint (r->bins[3].not_converted, ==, 1);

  g_assert_cmpstr (csv, ==,
                   "lead_id,peak_score,peak_stage,converted\n"
                   "a,12.000000,hot,true\n"
                   "b,11.000000,hot,false\n"
                   "c,1.000000,cold,true\n"
                   "e,2.000000,warm,false\n");
}

static void
test_replay_json_keys (void)
{
  g_autoptr(LiReplayResult) r = _replay (history_rules, history, G_N_ELEMENTS (history), NULL, NULL);
  g_autoptr(JsonNode) node = li_replay_result_to_json (r);
  JsonObject *o = json_node_get_object (node);
  JsonObject *stage = json_array_get_object_element (json_object_get_array_member (o, "stages"), 0);
  JsonObject *hist = json_object_get_object_member (o, "histogram");
  g_autoptr(GList) keys = json_object_get_members (o);
  const char *expected[] = { "leads", "skipped_leads", "converters", "base_rate", "auc", "stages", "histogram" };
  guint k = 0;

  for (GList *l = keys; l; l = l->next)
    g_assert_cmpstr (l->data, ==, expected[k++]);
  g_assert_cmpuint (k, ==, G_N_ELEMENTS (expected));
  g_assert_cmpstr (json_object_get_string_member (stage, "name"), ==, "hot");
  g_assert_cmpint (json_object_get_int_member (stage, "peak_count"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (hist, "bins")), ==, 40);
}

static void
test_replay_null_ratios (void)
{
  /* Nobody converts: recall, lift, AUC and medians are null; precision is 0. */
  static const TestEvent events[] = {
    { "a", 0, "add_to_cart", NULL },
    { "b", 0, "product_view", NULL },
  };
  g_autoptr(LiReplayResult) r = _replay (history_rules, events, 2, NULL, NULL);
  g_autoptr(JsonNode) node = li_replay_result_to_json (r);
  JsonObject *stage = json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (node), "stages"), 0);

  g_assert_cmpfloat (r->base_rate, ==, 0);
  g_assert_true (isnan (r->auc));
  g_assert_cmpfloat (r->stages[0].precision, ==, 0);
  g_assert_true (isnan (r->stages[0].recall));
  g_assert_true (isnan (r->stages[0].lift));
  g_assert_true (isnan (r->stages[0].median_hours_to_outcome));
  g_assert_true (json_object_get_null_member (stage, "recall"));
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "auc"));
}

static void
test_replay_empty (void)
{
  g_autoptr(LiReplayResult) r = _replay (history_rules, NULL, 0, NULL, NULL);
  g_autoptr(JsonNode) node = li_replay_result_to_json (r);

  g_assert_cmpuint (r->leads, ==, 0);
  g_assert_true (isnan (r->base_rate));
  g_assert_true (isnan (r->stages[0].precision));
  g_assert_null (r->bins);
  g_assert_true (json_object_get_null_member (json_node_get_object (node), "histogram"));
}

static void
test_replay_auc_ties (void)
{
  /* x converts with peak 5, y does not with peak 5, z does not with 1:
   * (x, y) tie = ½, (x, z) = 1 → 0.75.  One value → one bin of width 1. */
  static const TestEvent events[] = {
    { "x", 0, "add_to_cart", NULL },
    { "x", 1 * H, "purchase", NULL },
    { "y", 0, "add_to_cart", NULL },
    { "z", 0, "product_view", NULL },
  };
  const char *json = "{\"intent\": [{\"event\": \"add_to_cart\", \"points\": 5}, {\"event\": \"product_view\", \"points\": 1}],"
                     "\"stages\": [{\"name\": \"cold\"}]}";
  g_autoptr(LiReplayResult) r = _replay (json, events, 4, NULL, NULL);
  g_autoptr(LiReplayResult) same = _replay (json, events, 3, NULL, NULL);

  g_assert_cmpfloat (r->auc, ==, 0.75);
  g_assert_cmpfloat (same->auc, ==, 0.5);
  g_assert_cmpuint (same->n_bins, ==, 1);
  g_assert_cmpfloat (same->bin_width, ==, 1);
  g_assert_cmpuint (same->bins[0].converted, ==, 1);
  g_assert_cmpuint (same->bins[0].not_converted, ==, 1);
}

static void
test_replay_time_range (void)
{
  /* From 1 h: a's first view is out (peak 11); c keeps only its purchase
   * (skipped); d's purchase at 0 is out, so its view at 1 h is a journey of
   * its own; e has nothing left and is not a lead of this replay.
   * To 1 h (inclusive): nobody's purchase is in range but d's, at 0. */
  LiReplayOptions from = { .has_from = TRUE, .from_ms = 1 * H };
  LiReplayOptions to = { .has_to = TRUE, .to_ms = 1 * H };
  g_autofree char *from_csv = NULL;
  g_autofree char *to_csv = NULL;
  g_autoptr(LiReplayResult) rf = _replay (history_rules, history, G_N_ELEMENTS (history), &from, &from_csv);
  g_autoptr(LiReplayResult) rt = _replay (history_rules, history, G_N_ELEMENTS (history), &to, &to_csv);

  g_assert_cmpstr (from_csv, ==,
                   "lead_id,peak_score,peak_stage,converted\n"
                   "a,11.000000,hot,true\n"
                   "b,10.000000,hot,false\n"
                   "d,1.000000,cold,false\n");
  g_assert_cmpuint (rf->skipped_leads, ==, 1);
  g_assert_cmpstr (to_csv, ==,
                   "lead_id,peak_score,peak_stage,converted\n"
                   "a,2.000000,warm,false\n"
                   "b,11.000000,hot,false\n"
                   "c,1.000000,cold,false\n"
                   "e,2.000000,warm,false\n");
  g_assert_cmpuint (rt->skipped_leads, ==, 1);
}

static void
_assert_same_replay (const LiReplayResult *one,
                     const LiReplayResult *other)
{
  g_assert_cmpuint (one->leads, ==, other->leads);
  g_assert_cmpuint (one->skipped_leads, ==, other->skipped_leads);
  g_assert_cmpuint (one->converters, ==, other->converters);
  g_assert_cmpuint (one->n_events, ==, other->n_events);
  for (guint i = 0; i < one->leads; i++)
    {
      g_assert_cmpuint (one->per_lead[i].lead, ==, other->per_lead[i].lead);
      g_assert_cmpuint (one->per_lead[i].peak_stage, ==, other->per_lead[i].peak_stage);
      g_assert_cmpint (one->per_lead[i].converted, ==, other->per_lead[i].converted);
      g_assert_cmpfloat (one->per_lead[i].peak_score, ==, other->per_lead[i].peak_score);
      g_assert_cmpint (one->facts[i].last_ms, ==, other->facts[i].last_ms);
      g_assert_cmpuint (one->facts[i].n_events, ==, other->facts[i].n_events);
      for (guint s = 0; s < one->n_stages; s++)
        g_assert_cmpint (li_replay_result_flag_ms (one, i, s), ==, li_replay_result_flag_ms (other, i, s));
    }
  g_assert_cmpfloat (one->auc, ==, other->auc);
  for (guint s = 0; s < one->n_stages; s++)
    {
      g_assert_cmpuint (one->stages[s].flagged, ==, other->stages[s].flagged);
      g_assert_cmpuint (one->stages[s].true_positives, ==, other->stages[s].true_positives);
      g_assert_cmpuint (one->stages[s].peak_count, ==, other->stages[s].peak_count);
      g_assert_cmpfloat (one->stages[s].median_hours_to_outcome, ==, other->stages[s].median_hours_to_outcome);
    }
}

static void
test_replay_threads_agree (void)
{
  /* Splitting leads over threads, in chunks the threads take as they
   * come, must not change a single number: with a pattern and a window
   * (the general scorer) and without (li-scorer-exp.c). */
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  const char *names[] = { "product_view", "add_to_cart", "checkout_start", "purchase", "email_click" };
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (TestEvent));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  const char *json[] = {
    "{\"decay\": {\"model\": \"exponential\", \"half_life_days\": 1},"
    "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 10}, {\"event\": \"product_view\", \"points\": 1},"
    "{\"event\": \"checkout_start\", \"points\": 20, \"decay\": {\"model\": \"window\", \"days\": 1}}],"
    "\"patterns\": [{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 24, \"points\": 5}],"
    "\"stages\": [{\"name\": \"hot\", \"min_score\": 25}, {\"name\": \"warm\", \"min_score\": 5}, {\"name\": \"cold\"}]}",
    "{\"decay\": {\"model\": \"exponential\", \"half_life_days\": 1},"
    "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 10, \"max_points\": 15},"
    "{\"event\": \"product_view\", \"points\": 1}, {\"event\": \"checkout_start\", \"points\": 20}],"
    "\"fit\": [{\"attribute\": \"product_id\", \"op\": \"eq\", \"value\": \"p1\", \"points\": 3}],"
    "\"stages\": [{\"name\": \"hot\", \"min_score\": 25}, {\"name\": \"warm\", \"min_score\": 5}, {\"name\": \"cold\"}]}",
  };
  g_autoptr(LiEventStore) store = NULL;

  for (guint i = 0; i < 20000; i++)
    {
      char *lead = g_strdup_printf ("L%u", g_rand_int_range (rand, 0, 2000));
      TestEvent e = { lead, (gint64) i * 60000, names[g_rand_int_range (rand, 0, 5)],
                      g_rand_boolean (rand) ? "product_id=p1" : "product_id=p2" };
      g_ptr_array_add (strings, lead);
      g_array_append_val (events, e);
    }
  store = test_store ((TestEvent *) events->data, events->len);
  for (guint r = 0; r < G_N_ELEMENTS (json); r++)
    {
      g_autoptr(LiRules) rules = test_rules (json[r]);
      g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
      LiReplayOptions one_thread = { .threads = 1, .keep_lead_facts = TRUE };
      g_autoptr(LiReplayResult) one = li_replay_run (plan, &one_thread, NULL, NULL, NULL, NULL);
      const guint threads[] = { 2, 3, 7 };

      g_assert_cmpuint (one->converters, >, 0);
      for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
        {
          LiReplayOptions more = { .threads = threads[t], .keep_lead_facts = TRUE };
          g_autoptr(LiReplayResult) other = li_replay_run (plan, &more, NULL, NULL, NULL, NULL);

          _assert_same_replay (one, other);
        }
    }
}

/* A cancelled replay on several threads ends with the error, whatever
 * chunks it had begun. */
static void
test_replay_cancelled (void)
{
  TestEvent events[] = { { "L1", 0, "view", NULL }, { "L2", 0, "view", NULL } };
  g_autoptr(LiEventStore) store = test_store (events, G_N_ELEMENTS (events));
  g_autoptr(LiRules) rules = test_rules ("{\"intent\": [{\"event\": \"view\", \"points\": 1}], " STAGES_1 "}");
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  LiReplayOptions options = { .threads = 2 };
  g_autoptr(LiReplayResult) result = NULL;

  g_cancellable_cancel (cancellable);
  result = li_replay_run (plan, &options, NULL, NULL, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static int
_compare_doubles (gconstpointer a,
                  gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The medians' radix sort against qsort, on values whose keys differ in
 * every digit, or only in some (one pass or more skipped). */
static void
test_replay_median_sort (void)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (13);

  for (guint round = 0; round < 40; round++)
    {
      guint n = g_rand_int_range (r, 1, round < 20 ? 50 : 20000);
      g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
      g_autofree double *want = g_new (double, n);

      for (guint i = 0; i < n; i++)
        {
          double x = round % 4 == 0 ? g_rand_double_range (r, -1e6, 1e6)
                   : round % 4 == 1 ? (double) g_rand_int_range (r, -3, 4)
                   : round % 4 == 2 ? ldexp (1.0, g_rand_int_range (r, -60, 60))
                                    : g_rand_double_range (r, 0, 1) * 1e-300;
          g_array_append_val (values, x);
          want[i] = x;
        }
      qsort (want, n, sizeof *want, _compare_doubles);
      g_assert_cmpfloat (li_metric_median (values), ==,
                         n % 2 ? want[n / 2] : (want[n / 2 - 1] + want[n / 2]) / 2.0);
      for (guint i = 0; i < n; i++)
        g_assert_cmpfloat (g_array_index (values, double, i), ==, want[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/replay/metrics", test_replay_metrics);
  g_test_add_func ("/engine/replay/json-keys", test_replay_json_keys);
  g_test_add_func ("/engine/replay/null-ratios", test_replay_null_ratios);
  g_test_add_func ("/engine/replay/empty", test_replay_empty);
  g_test_add_func ("/engine/replay/auc-ties", test_replay_auc_ties);
  g_test_add_func ("/engine/replay/median-sort", test_replay_median_sort);
  g_test_add_func ("/engine/replay/time-range", test_replay_time_range);
  g_test_add_func ("/engine/replay/threads-agree", test_replay_threads_agree);
  g_test_add_func ("/engine/replay/cancelled", test_replay_cancelled);
  return g_test_run ();
}
