/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li_replay_rerun (the window's replay after an edit) gives exactly what a
 * full replay gives, for edits of intent rules and of thresholds (which it
 * takes leads over for) and for every other edit (which it replays in
 * full); li_rules_intent_changes names the events an edit touches and
 * li_rules_threshold_changes the lowest threshold it moves. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "li-test-util.h"
#include "li-plan.h"
#include "li-rules-changes.h"

/* Base rules: global exponential decay (add_to_cart and product_view share
 * an accumulator), a window decay and a where of its own, two patterns. */
#define BASE_INTENT \
  "{\"event\": \"add_to_cart\", \"points\": 10}, {\"event\": \"product_view\", \"points\": 1}," \
  "{\"event\": \"checkout_start\", \"points\": 20, \"decay\": {\"model\": \"window\", \"days\": 1}}," \
  "{\"event\": \"product_view\", \"points\": 2, \"where\": {\"product_id\": \"p1\"}}"
#define PATTERN_R "{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 24, \"points\": 5}"
#define PATTERN_S "{\"name\": \"s\", \"kind\": \"sequence\", \"events\": [\"product_view\", \"checkout_start\"], \"within_hours\": 2, \"points\": 7}"
#define REST_PATTERNS(patterns, stages) \
  "\"decay\": {\"model\": \"exponential\", \"half_life_days\": 1}," \
  "\"patterns\": [" patterns "]," \
  "\"stages\": [" stages "]}"
#define REST(stages) REST_PATTERNS (PATTERN_R ", " PATTERN_S, stages)
#define STAGES "{\"name\": \"hot\", \"min_score\": 25}, {\"name\": \"warm\", \"min_score\": 5}, {\"name\": \"cold\"}"
#define RULES(intent) "{\"intent\": [" intent "]," REST (STAGES)
#define RULES_STAGES(intent, stages) "{\"intent\": [" intent "]," REST (stages)
#define RULES_PATTERNS(patterns) "{\"intent\": [" BASE_INTENT "]," REST_PATTERNS (patterns, STAGES)

static const char *base_rules = RULES (BASE_INTENT);

typedef struct
{
  const char *what;
  const char *rules;
  const char *changes;  /* li_rules_intent_changes, sorted, joined by ","; NULL: none */
  gboolean    moves;    /* the metrics change (else the test could not see a lead wrongly kept) */
  double      below;    /* li_rules_threshold_changes: the lowest changed threshold, NAN: FALSE */
  int         patterns; /* li_rules_pattern_changes: the mask, -1: FALSE */
} Edit;

static const Edit edits[] = {
  { "points", RULES ("{\"event\": \"add_to_cart\", \"points\": 12}, {\"event\": \"product_view\", \"points\": 1},"
                     "{\"event\": \"checkout_start\", \"points\": 20, \"decay\": {\"model\": \"window\", \"days\": 1}},"
                     "{\"event\": \"product_view\", \"points\": 2, \"where\": {\"product_id\": \"p1\"}}"),
    "add_to_cart", TRUE, NAN, -1 },
  { "a rule for a new event", RULES (BASE_INTENT ", {\"event\": \"email_click\", \"points\": 3}"), "email_click", TRUE, NAN, -1 },
  { "a rule for an event not in the data", RULES (BASE_INTENT ", {\"event\": \"nowhere\", \"points\": 3}"), "nowhere", FALSE, NAN, -1 },
  { "a rule removed", RULES ("{\"event\": \"add_to_cart\", \"points\": 10},"
                             "{\"event\": \"checkout_start\", \"points\": 20, \"decay\": {\"model\": \"window\", \"days\": 1}},"
                             "{\"event\": \"product_view\", \"points\": 2, \"where\": {\"product_id\": \"p1\"}}"),
    "product_view", TRUE, NAN, -1 },
  { "a cap leaves the shared accumulator",
    RULES ("{\"event\": \"add_to_cart\", \"points\": 10, \"max_points\": 25}, {\"event\": \"product_view\", \"points\": 1},"
           "{\"event\": \"checkout_start\", \"points\": 20, \"decay\": {\"model\": \"window\", \"days\": 1}},"
           "{\"event\": \"product_view\", \"points\": 2, \"where\": {\"product_id\": \"p1\"}}"),
    "add_to_cart", TRUE, NAN, -1 },
  { "a rule's own decay", RULES ("{\"event\": \"add_to_cart\", \"points\": 10}, {\"event\": \"product_view\", \"points\": 1},"
                                 "{\"event\": \"checkout_start\", \"points\": 20, \"decay\": {\"model\": \"linear\", \"days\": 2}},"
                                 "{\"event\": \"product_view\", \"points\": 2, \"where\": {\"product_id\": \"p1\"}}"),
    "checkout_start", TRUE, NAN, -1 },
  { "a where", RULES ("{\"event\": \"add_to_cart\", \"points\": 10, \"where\": {\"product_id\": \"p2\"}}, {\"event\": \"product_view\", \"points\": 1},"
                      "{\"event\": \"checkout_start\", \"points\": 20, \"decay\": {\"model\": \"window\", \"days\": 1}},"
                      "{\"event\": \"product_view\", \"points\": 2, \"where\": {\"product_id\": \"p1\"}}"),
    "add_to_cart", TRUE, NAN, -1 },
  { "a rule renamed", RULES ("{\"event\": \"email_click\", \"points\": 10}, {\"event\": \"product_view\", \"points\": 1},"
                             "{\"event\": \"checkout_start\", \"points\": 20, \"decay\": {\"model\": \"window\", \"days\": 1}},"
                             "{\"event\": \"product_view\", \"points\": 2, \"where\": {\"product_id\": \"p1\"}}"),
    "add_to_cart,email_click", TRUE, NAN, -1 },
  { "two events' rules swapped in the file",
    RULES ("{\"event\": \"product_view\", \"points\": 1}, {\"event\": \"add_to_cart\", \"points\": 10},"
           "{\"event\": \"checkout_start\", \"points\": 20, \"decay\": {\"model\": \"window\", \"days\": 1}},"
           "{\"event\": \"product_view\", \"points\": 2, \"where\": {\"product_id\": \"p1\"}}"),
    "", FALSE, NAN, -1 },
  { "one event's rules swapped in the file",
    RULES ("{\"event\": \"add_to_cart\", \"points\": 10}, {\"event\": \"product_view\", \"points\": 2, \"where\": {\"product_id\": \"p1\"}},"
           "{\"event\": \"checkout_start\", \"points\": 20, \"decay\": {\"model\": \"window\", \"days\": 1}},"
           "{\"event\": \"product_view\", \"points\": 1}"),
    "product_view", FALSE, NAN, -1 },
  { "a threshold lowered", RULES_STAGES (BASE_INTENT, "{\"name\": \"hot\", \"min_score\": 20}, {\"name\": \"warm\", \"min_score\": 5}, {\"name\": \"cold\"}"), NULL, TRUE, 20, -1 },
  { "a threshold raised", RULES_STAGES (BASE_INTENT, "{\"name\": \"hot\", \"min_score\": 31.5}, {\"name\": \"warm\", \"min_score\": 5}, {\"name\": \"cold\"}"), NULL, TRUE, 25, -1 },
  { "two thresholds", RULES_STAGES (BASE_INTENT, "{\"name\": \"hot\", \"min_score\": 28}, {\"name\": \"warm\", \"min_score\": 3}, {\"name\": \"cold\"}"), NULL, TRUE, 3, -1 },
  { "a threshold to a peak's value", RULES_STAGES (BASE_INTENT, "{\"name\": \"hot\", \"min_score\": 21}, {\"name\": \"warm\", \"min_score\": 5}, {\"name\": \"cold\"}"), NULL, TRUE, 21, -1 },
  { "a condition added", RULES_STAGES (BASE_INTENT, "{\"name\": \"hot\", \"min_score\": 20, \"min_intent\": 28}, {\"name\": \"warm\", \"min_score\": 5}, {\"name\": \"cold\"}"), NULL, TRUE, NAN, -1 },
  { "a threshold and points", "{\"intent\": [{\"event\": \"add_to_cart\", \"points\": 12}, {\"event\": \"product_view\", \"points\": 1}],"
                              REST ("{\"name\": \"hot\", \"min_score\": 20}, {\"name\": \"warm\", \"min_score\": 5}, {\"name\": \"cold\"}"), NULL, TRUE, NAN, -1 },
  { "the global decay", "{\"intent\": [" BASE_INTENT "],"
                        "\"decay\": {\"model\": \"exponential\", \"half_life_days\": 2},"
                        "\"patterns\": [{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 24, \"points\": 5}],"
                        "\"stages\": [" STAGES "]}", NULL, TRUE, NAN, -1 },
  { "the outcome window", "{\"outcome\": {\"event\": \"purchase\", \"window_days\": 3}, \"intent\": [" BASE_INTENT "]," REST (STAGES), NULL, TRUE, NAN, -1 },
  { "a pattern's points", RULES_PATTERNS (PATTERN_R ", {\"name\": \"s\", \"kind\": \"sequence\", \"events\": [\"product_view\", \"checkout_start\"], \"within_hours\": 2, \"points\": 9}"),
    NULL, TRUE, NAN, 2 },
  { "a pattern's cap", RULES_PATTERNS ("{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 24, \"points\": 5, \"max_points\": 3}, " PATTERN_S),
    NULL, TRUE, NAN, 1 },
  { "a pattern's own decay", RULES_PATTERNS ("{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 24, \"points\": 5, \"decay\": {\"model\": \"window\", \"days\": 1}}, " PATTERN_S),
    NULL, TRUE, NAN, 1 },
  { "a pattern turned off", RULES_PATTERNS (PATTERN_R ", {\"name\": \"s\", \"kind\": \"sequence\", \"events\": [\"product_view\", \"checkout_start\"], \"within_hours\": 2, \"points\": 7, \"enabled\": false}"),
    NULL, TRUE, NAN, 2 },
  { "two patterns' points", RULES_PATTERNS ("{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 24, \"points\": 1}, "
                                            "{\"name\": \"s\", \"kind\": \"sequence\", \"events\": [\"product_view\", \"checkout_start\"], \"within_hours\": 2, \"points\": 30}"),
    NULL, TRUE, NAN, 3 },
  { "a pattern's window", RULES_PATTERNS ("{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 6, \"points\": 5}, " PATTERN_S),
    NULL, TRUE, NAN, -1 },
  { "a pattern removed", RULES_PATTERNS (PATTERN_R), NULL, TRUE, NAN, -1 },
};

static LiEventStore *
_random_store (GPtrArray *strings)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  const char *names[] = { "product_view", "add_to_cart", "checkout_start", "purchase", "email_click", "search" };
  const char *products[] = { "product_id=p1", "product_id=p2", "product_id=p3", NULL };
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (TestEvent));

  for (guint i = 0; i < 30000; i++)
    {
      char *lead = g_strdup_printf ("L%u", g_rand_int_range (rand, 0, 3000));
      TestEvent e = { lead, (gint64) i * 45000, names[g_rand_int_range (rand, 0, G_N_ELEMENTS (names))],
                      products[g_rand_int_range (rand, 0, G_N_ELEMENTS (products))] };
      g_ptr_array_add (strings, lead);
      g_array_append_val (events, e);
    }
  return test_store ((TestEvent *) events->data, events->len);
}

static char *
_result_json (const LiReplayResult *result)
{
  g_autoptr(JsonNode) node = li_replay_result_to_json (result);

  return json_to_string (node, FALSE);
}

static void
_assert_same_result (const LiReplayResult *a,
                     const LiReplayResult *b)
{
  g_autofree char *json_a = _result_json (a);
  g_autofree char *json_b = _result_json (b);

  g_assert_cmpstr (json_a, ==, json_b);
  g_assert_cmpuint (a->leads, ==, b->leads);
  g_assert_cmpuint (a->n_events, ==, b->n_events);
  for (guint k = 0; k < a->leads; k++)
    {
      g_assert_cmpuint (a->per_lead[k].lead, ==, b->per_lead[k].lead);
      g_assert_cmpuint (a->per_lead[k].peak_stage, ==, b->per_lead[k].peak_stage);
      g_assert_cmpint (a->per_lead[k].converted, ==, b->per_lead[k].converted);
      g_assert_true (memcmp (&a->per_lead[k].peak_score, &b->per_lead[k].peak_score, sizeof (double)) == 0);
      g_assert_cmpint (a->facts[k].last_ms, ==, b->facts[k].last_ms);
      g_assert_cmpint (a->facts[k].outcome_ms, ==, b->facts[k].outcome_ms);
      g_assert_cmpuint (a->facts[k].n_events, ==, b->facts[k].n_events);
    }
  g_assert_true (memcmp (a->flag_ms, b->flag_ms, (gsize) a->leads * a->n_stages * sizeof (gint64)) == 0);
}

static void
_check_edits (const LiReplayOptions *options)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiEventStore) store = _random_store (strings);
  g_autoptr(LiRules) base = test_rules (base_rules);
  g_autoptr(LiPlan) base_plan = li_plan_new (base, store, NULL);
  g_autoptr(LiReplayResult) last = li_replay_run (base_plan, options, NULL, NULL, NULL, NULL);

  g_assert_nonnull (last);
  g_assert_cmpuint (last->skipped_leads, >, 0);
  g_assert_cmpuint (last->converters, >, 0);
  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      g_autoptr(LiRules) rules = test_rules (edits[e].rules);
      g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
      g_autoptr(LiReplayResult) full = li_replay_run (plan, options, NULL, NULL, NULL, NULL);
      g_autoptr(LiReplayResult) rerun = li_replay_rerun (plan, options, base, last, NULL, NULL);
      g_autofree char *base_json = _result_json (last);
      g_autofree char *full_json = _result_json (full);

      g_test_message ("edit: %s", edits[e].what);
      g_assert_nonnull (full);
      g_assert_nonnull (rerun);
      _assert_same_result (full, rerun);
      if (edits[e].moves)
        g_assert_cmpstr (base_json, !=, full_json);
    }
}

static void
test_rerun_same_as_replay (void)
{
  LiReplayOptions options = { .keep_lead_facts = TRUE, .threads = 1 };

  _check_edits (&options);
}

static void
test_rerun_threads_and_range (void)
{
  /* Chunks start mid-list in the last result; a range leaves leads out. */
  LiReplayOptions options = { .keep_lead_facts = TRUE, .threads = 3,
                              .has_from = TRUE, .from_ms = 200 * 45000, .has_to = TRUE, .to_ms = 25000 * (gint64) 45000 };

  _check_edits (&options);
}

/* The random store, the base rules and the first edit, compiled. */
typedef struct
{
  GPtrArray    *strings;
  LiEventStore *store;
  LiRules      *base, *edited;
  LiPlan       *base_plan, *plan;
} Fixture;

static void
_fixture_set_up (Fixture       *f,
                 gconstpointer  data)
{
  f->strings = g_ptr_array_new_with_free_func (g_free);
  f->store = _random_store (f->strings);
  f->base = test_rules (base_rules);
  f->edited = test_rules (edits[0].rules);
  f->base_plan = li_plan_new (f->base, f->store, NULL);
  f->plan = li_plan_new (f->edited, f->store, NULL);
}

static void
_fixture_tear_down (Fixture       *f,
                    gconstpointer  data)
{
  g_clear_pointer (&f->plan, li_plan_free);
  g_clear_pointer (&f->base_plan, li_plan_free);
  g_clear_pointer (&f->edited, li_rules_free);
  g_clear_pointer (&f->base, li_rules_free);
  g_clear_pointer (&f->store, li_event_store_unref);
  g_clear_pointer (&f->strings, g_ptr_array_unref);
}

static void
test_rerun_takes_leads_over (Fixture       *f,
                             gconstpointer  data)
{
  /* Told that nothing changed (the last rules are the new ones), it keeps
   * every lead as the last result had it, whatever the rules say now:
   * proof that it copies rather than replays. */
  LiReplayOptions options = { .keep_lead_facts = TRUE, .threads = 2 };
  g_autoptr(LiReplayResult) last = li_replay_run (f->base_plan, &options, NULL, NULL, NULL, NULL);
  g_autoptr(LiReplayResult) kept = li_replay_rerun (f->plan, &options, f->edited, last, NULL, NULL);

  _assert_same_result (last, kept);
}

static void
test_rerun_without_facts (Fixture       *f,
                          gconstpointer  data)
{
  /* Without the per-lead facts there is nothing to take over from. */
  LiReplayOptions plain = { .threads = 1 }, with_facts = { .keep_lead_facts = TRUE, .threads = 1 };
  g_autoptr(LiReplayResult) last = li_replay_run (f->base_plan, &plain, NULL, NULL, NULL, NULL);
  g_autoptr(LiReplayResult) rerun = li_replay_rerun (f->plan, &with_facts, f->edited, last, NULL, NULL);
  g_autoptr(LiReplayResult) full = li_replay_run (f->plan, &with_facts, NULL, NULL, NULL, NULL);

  _assert_same_result (full, rerun);
}

static void
test_pattern_changes (void)
{
  g_autoptr(LiRules) base = test_rules (base_rules);

  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      g_autoptr(LiRules) rules = test_rules (edits[e].rules);
      guint64 changed = 99;
      gboolean only = li_rules_pattern_changes (base, rules, &changed);

      g_test_message ("edit: %s", edits[e].what);
      g_assert_cmpint (only, ==, edits[e].patterns >= 0);
      if (only)
        g_assert_cmpuint (changed, ==, (guint64) edits[e].patterns);
    }
  {
    g_autoptr(LiRules) off = test_rules (edits[G_N_ELEMENTS (edits) - 4].rules);
    guint64 changed = 0;

    /* Turning a pattern on can make it fire anywhere. */
    g_assert_false (li_rules_pattern_changes (off, base, &changed));
  }
}

static gint
_cmp_strings (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
test_intent_changes (void)
{
  g_autoptr(LiRules) base = test_rules (base_rules);

  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      g_autoptr(LiRules) rules = test_rules (edits[e].rules);
      g_auto(GStrv) changes = li_rules_intent_changes (base, rules);
      g_auto(GStrv) back = li_rules_intent_changes (rules, base);
      g_autofree char *joined = NULL, *joined_back = NULL;

      g_test_message ("edit: %s", edits[e].what);
      if (edits[e].changes == NULL)
        {
          g_assert_null (changes);
          g_assert_null (back);
          continue;
        }
      g_assert_nonnull (changes);
      g_assert_nonnull (back);
      g_qsort_with_data (changes, g_strv_length (changes), sizeof (char *),
                         _cmp_strings, NULL);
      g_qsort_with_data (back, g_strv_length (back), sizeof (char *),
                         _cmp_strings, NULL);
      joined = g_strjoinv (",", changes);
      joined_back = g_strjoinv (",", back);
      g_assert_cmpstr (joined, ==, edits[e].changes);
      g_assert_cmpstr (joined_back, ==, edits[e].changes);
    }
  {
    g_auto(GStrv) none = li_rules_intent_changes (base, base);
    g_assert_nonnull (none);
    g_assert_cmpuint (g_strv_length (none), ==, 0);
  }
}

static void
test_threshold_changes (void)
{
  g_autoptr(LiRules) base = test_rules (base_rules);

  for (guint e = 0; e < G_N_ELEMENTS (edits); e++)
    {
      g_autoptr(LiRules) rules = test_rules (edits[e].rules);
      double below = -1, back = -1;
      gboolean only = li_rules_threshold_changes (base, rules, &below);

      g_test_message ("edit: %s", edits[e].what);
      g_assert_cmpint (only, ==, !isnan (edits[e].below));
      g_assert_cmpint (li_rules_threshold_changes (rules, base, &back), ==, only);
      if (only)
        {
          g_assert_cmpfloat (below, ==, edits[e].below);
          g_assert_cmpfloat (back, ==, edits[e].below);
        }
    }
  {
    double below = 0;
    g_assert_true (li_rules_threshold_changes (base, base, &below));
    g_assert_true (isinf (below));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/replay/rerun/intent-changes", test_intent_changes);
  g_test_add_func ("/engine/replay/rerun/threshold-changes", test_threshold_changes);
  g_test_add_func ("/engine/replay/rerun/pattern-changes", test_pattern_changes);
  g_test_add_func ("/engine/replay/rerun/same-as-replay", test_rerun_same_as_replay);
  g_test_add_func ("/engine/replay/rerun/threads-and-range", test_rerun_threads_and_range);
  g_test_add ("/engine/replay/rerun/takes-leads-over", Fixture, NULL,
              _fixture_set_up, test_rerun_takes_leads_over, _fixture_tear_down);
  g_test_add ("/engine/replay/rerun/without-facts", Fixture, NULL,
              _fixture_set_up, test_rerun_without_facts, _fixture_tear_down);
  return g_test_run ();
}
