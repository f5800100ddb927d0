/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The leads explorer's facts of a replay (flag times, hours to the outcome,
 * journey events, last event) and its filters and sorts, computed by hand. */
#include "config.h"

#include <math.h>

#include "li-lead-list.h"
#include "li-test-util.h"
#include "li-plan.h"

/* Window 1 day; cart 10, view 1; hot ≥ 10, warm ≥ 2.
 *   a  warm 1 h, hot 2 h, buys at 5 h: a true positive everywhere.
 *   b  hot at 1 h, never buys: a false positive everywhere.
 *   c  cold at 0, buys 48 h later: flagged cold only, too early to count.
 *   d  buys first: skipped, not in the lists.
 *   U  warm at 0 (two views at once), never buys.
 *   f  hot at 10 h, buys at 30 h: a true positive of hot (20 h). */
static const TestEvent history[] = {
  { "a", 0, "product_view", NULL },
  { "a", 1 * H, "product_view", NULL },
  { "a", 2 * H, "add_to_cart", NULL },
  { "a", 5 * H, "purchase", NULL },
  { "b", 0, "product_view", NULL },
  { "b", 1 * H, "add_to_cart", NULL },
  { "c", 0, "product_view", NULL },
  { "c", 48 * H, "purchase", NULL },
  { "d", 0, "purchase", NULL },
  { "d", 1 * H, "product_view", NULL },
  { "User-E@Example.com", 0, "product_view", NULL },
  { "User-E@Example.com", 0, "product_view", NULL },
  { "f", 10 * H, "product_view", NULL },
  { "f", 10 * H, "add_to_cart", NULL },
  { "f", 30 * H, "purchase", NULL },
};

static const char *history_rules =
  "{\"outcome\": {\"event\": \"purchase\", \"window_days\": 1},"
  "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 10}, {\"event\": \"product_view\", \"points\": 1}],"
  "\"stages\": [{\"name\": \"hot\", \"min_score\": 10}, {\"name\": \"warm\", \"min_score\": 2}, {\"name\": \"cold\"}]}";

enum { HOT, WARM, COLD };

typedef struct
{
  LiRules        *rules;
  LiEventStore   *store;
  LiPlan         *plan;
  LiReplayResult *result;
} Fixture;

static void
_fixture_set_up (Fixture       *f,
                 gconstpointer  threads)
{
  LiReplayOptions options = { .threads = GPOINTER_TO_UINT (threads), .keep_lead_facts = TRUE };

  f->rules = test_rules (history_rules);
  f->store = test_store (history, G_N_ELEMENTS (history));
  f->plan = li_plan_new (f->rules, f->store, NULL);
  f->result = li_replay_run (f->plan, &options, NULL, NULL, NULL, NULL);
  g_assert_nonnull (f->result);
  g_assert_cmpuint (f->result->leads, ==, 5);
}

static void
_fixture_tear_down (Fixture       *f,
                    gconstpointer  data)
{
  li_replay_result_unref (f->result);
  li_plan_free (f->plan);
  li_event_store_unref (f->store);
  li_rules_free (f->rules);
}

/* Position in per_lead of lead @id. */
static guint
_k (const Fixture *f,
    const char    *id)
{
  for (guint k = 0; k < f->result->leads; k++)
    if (g_str_equal (li_str_pool_get (f->store->leads, f->result->per_lead[k].lead), id))
      return k;
  g_assert_not_reached ();
}

/* The first letter of each lead of @list, in order: "abf". */
static char *
_initials (const Fixture *f,
           GArray        *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_c (out, li_str_pool_get (f->store->leads,
                                             f->result->per_lead[g_array_index (list, guint32, i)].lead)[0]);
  return g_string_free (out, FALSE);
}

static void
_assert_filter (const Fixture *f,
                LiLeadFilter   filter,
                guint          stage,
                const char    *search,
                const char    *expected)
{
  g_autoptr(GArray) list = li_lead_list_filter (f->result, f->plan, filter, stage, search);
  g_autofree char *got = NULL;

  /* per_lead order is store order; compare sorted by id. */
  li_lead_list_sort (f->result, f->plan, list, LI_LEAD_COLUMN_LEAD_ID, stage, FALSE);
  got = _initials (f, list);
  g_assert_cmpstr (got, ==, expected);
}

static void
_assert_sort (const Fixture *f,
              LiLeadColumn   column,
              guint          stage,
              gboolean       descending,
              const char    *expected)
{
  g_autoptr(GArray) list = li_lead_list_filter (f->result, f->plan, LI_LEAD_FILTER_ALL, stage, NULL);
  g_autofree char *got = NULL;

  li_lead_list_sort (f->result, f->plan, list, column, stage, descending);
  got = _initials (f, list);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_facts (Fixture       *f,
            gconstpointer  data)
{
  const LiReplayResult *r = f->result;
  guint a = _k (f, "a"), b = _k (f, "b"), c = _k (f, "c"), u = _k (f, "User-E@Example.com");

  g_assert_cmpint (li_replay_result_flag_ms (r, a, HOT), ==, 2 * H);
  g_assert_cmpint (li_replay_result_flag_ms (r, a, WARM), ==, 1 * H);
  g_assert_cmpint (li_replay_result_flag_ms (r, a, COLD), ==, 0);
  g_assert_cmpfloat (li_replay_result_hours_to_outcome (r, a, HOT), ==, 3);
  g_assert_cmpfloat (li_replay_result_hours_to_outcome (r, a, WARM), ==, 4);
  g_assert_cmpfloat (li_replay_result_hours_to_outcome (r, a, COLD), ==, 5);
  g_assert_cmpint (r->facts[a].n_events, ==, 3);
  g_assert_cmpint (r->facts[a].last_ms, ==, 2 * H);
  g_assert_cmpint (r->facts[a].outcome_ms, ==, 5 * H);

  /* b: hot and warm at its cart; never converted, so no hours. */
  g_assert_cmpint (li_replay_result_flag_ms (r, b, HOT), ==, 1 * H);
  g_assert_cmpint (li_replay_result_flag_ms (r, b, WARM), ==, 1 * H);
  g_assert_true (isnan (li_replay_result_hours_to_outcome (r, b, HOT)));
  g_assert_cmpint (r->facts[b].outcome_ms, ==, 0);

  /* c: never hot nor warm; 48 h from its cold flag to the purchase. */
  g_assert_cmpint (li_replay_result_flag_ms (r, c, HOT), ==, LI_REPLAY_NOT_FLAGGED);
  g_assert_cmpint (li_replay_result_flag_ms (r, c, WARM), ==, LI_REPLAY_NOT_FLAGGED);
  g_assert_true (isnan (li_replay_result_hours_to_outcome (r, c, WARM)));
  g_assert_cmpfloat (li_replay_result_hours_to_outcome (r, c, COLD), ==, 48);
  g_assert_cmpint (r->facts[c].n_events, ==, 1);
  g_assert_cmpint (r->facts[c].last_ms, ==, 0);

  g_assert_cmpint (li_replay_result_flag_ms (r, u, WARM), ==, 0);
  g_assert_cmpint (r->facts[u].n_events, ==, 2);
}

static void
test_facts_leave_metrics_alone (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(LiReplayResult) plain = li_replay_run (f->plan, NULL, NULL, NULL, NULL, NULL);

  g_assert_null (plain->facts);
  g_assert_null (plain->flag_ms);
  g_assert_cmpuint (plain->leads, ==, f->result->leads);
  g_assert_cmpfloat (plain->auc, ==, f->result->auc);
  for (guint s = 0; s < plain->n_stages; s++)
    {
      g_assert_cmpuint (plain->stages[s].flagged, ==, f->result->stages[s].flagged);
      g_assert_cmpuint (plain->stages[s].true_positives, ==, f->result->stages[s].true_positives);
    }
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  /* Lead ids sort as bytes: "User-E@Example.com" < "a". */
  _assert_filter (f, LI_LEAD_FILTER_ALL, HOT, NULL, "Uabcf");
  _assert_filter (f, LI_LEAD_FILTER_FALSE_POSITIVES, HOT, NULL, "b");
  _assert_filter (f, LI_LEAD_FILTER_FALSE_POSITIVES, WARM, NULL, "Ub");
  _assert_filter (f, LI_LEAD_FILTER_FALSE_POSITIVES, COLD, NULL, "Ubc");
  _assert_filter (f, LI_LEAD_FILTER_FALSE_NEGATIVES, HOT, NULL, "c");
  _assert_filter (f, LI_LEAD_FILTER_FALSE_NEGATIVES, COLD, NULL, "c");
  _assert_filter (f, LI_LEAD_FILTER_CONVERTED, HOT, NULL, "acf");
  _assert_filter (f, LI_LEAD_FILTER_PEAK_STAGE, HOT, NULL, "abf");
  _assert_filter (f, LI_LEAD_FILTER_PEAK_STAGE, WARM, NULL, "U");
  _assert_filter (f, LI_LEAD_FILTER_PEAK_STAGE, COLD, NULL, "c");
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  _assert_filter (f, LI_LEAD_FILTER_ALL, HOT, "", "Uabcf");
  _assert_filter (f, LI_LEAD_FILTER_ALL, HOT, "e@ex", "U");
  _assert_filter (f, LI_LEAD_FILTER_ALL, HOT, "E@EX", "U");
  _assert_filter (f, LI_LEAD_FILTER_ALL, HOT, "example.comx", "");
  _assert_filter (f, LI_LEAD_FILTER_FALSE_POSITIVES, WARM, "user", "U");
  _assert_filter (f, LI_LEAD_FILTER_FALSE_POSITIVES, HOT, "user", "");
  _assert_filter (f, LI_LEAD_FILTER_ALL, HOT, "a", "Ua");  /* "ExAmple" and "a" */
}

static void
test_sorts (Fixture       *f,
            gconstpointer  data)
{
  /* Peaks: a 12, b 11, f 11, U 2, c 1. */
  _assert_sort (f, LI_LEAD_COLUMN_PEAK_SCORE, HOT, TRUE, "abfUc");
  _assert_sort (f, LI_LEAD_COLUMN_PEAK_SCORE, HOT, FALSE, "cUbfa");
  _assert_sort (f, LI_LEAD_COLUMN_LEAD_ID, HOT, FALSE, "Uabcf");
  _assert_sort (f, LI_LEAD_COLUMN_LEAD_ID, HOT, TRUE, "fcbaU");
  _assert_sort (f, LI_LEAD_COLUMN_PEAK_STAGE, HOT, FALSE, "abfUc");
  _assert_sort (f, LI_LEAD_COLUMN_PEAK_STAGE, HOT, TRUE, "cUabf");
  _assert_sort (f, LI_LEAD_COLUMN_CONVERTED, HOT, TRUE, "acfUb");
  _assert_sort (f, LI_LEAD_COLUMN_CONVERTED, HOT, FALSE, "Ubacf");
  /* Hot flags: b 1 h, a 2 h, f 10 h; U and c never: last either way. */
  _assert_sort (f, LI_LEAD_COLUMN_FLAG_TIME, HOT, FALSE, "bafUc");
  _assert_sort (f, LI_LEAD_COLUMN_FLAG_TIME, HOT, TRUE, "fabUc");
  /* Hours from the cold flag: a 5, f 20, c 48; U and b never bought. */
  _assert_sort (f, LI_LEAD_COLUMN_HOURS_TO_OUTCOME, COLD, FALSE, "afcUb");
  _assert_sort (f, LI_LEAD_COLUMN_HOURS_TO_OUTCOME, COLD, TRUE, "cfaUb");
  /* Journey events: a 3; U, b, f 2; c 1. */
  _assert_sort (f, LI_LEAD_COLUMN_N_EVENTS, HOT, TRUE, "aUbfc");
  /* Last journey events: U 0, c 0, b 1 h, a 2 h, f 10 h. */
  _assert_sort (f, LI_LEAD_COLUMN_LAST_EVENT, HOT, FALSE, "Ucbaf");
  _assert_sort (f, LI_LEAD_COLUMN_LAST_EVENT, HOT, TRUE, "fabUc");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func)                                                                  \
  g_test_add ("/engine/lead-list/" path, Fixture, GUINT_TO_POINTER (1), _fixture_set_up, \
              func, _fixture_tear_down);                                                 \
  g_test_add ("/engine/lead-list/threads/" path, Fixture, GUINT_TO_POINTER (3),          \
              _fixture_set_up, func, _fixture_tear_down)
  ADD ("facts", test_facts);
  ADD ("facts-leave-metrics-alone", test_facts_leave_metrics_alone);
  ADD ("filters", test_filters);
  ADD ("search", test_search);
  ADD ("sorts", test_sorts);
#undef ADD
  return g_test_run ();
}
