/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Suggested points (docs/tuning.md): readable candidates, the refusal on
 * too few converters, the time split, and a case where the original
 * weights the wrong event: the suggestion keeps the structure, beats it on
 * the training period and not worse on the holdout, and explains itself. */
#include "config.h"

#include "li-rules-validate.h"
#include "li-suggest.h"
#include "li-tune-test-util.h"

static void
test_candidates (void)
{
  double v[16];
  const double fifteen[] = { 4, 7.5, 11, 19, 23, 30, 45 };
  const double minus_five[] = { -1.5, -2.5, -4, -6.5, -7.5, -10, -15 };
  guint n;

  /* 15 × ¼ ½ ¾ 1¼ 1½ 2 3, integers from 10 on, else halves */
  n = li_suggest_candidates (15, v, G_N_ELEMENTS (v));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (fifteen));
  for (guint k = 0; k < n; k++)
    g_assert_cmpfloat (v[k], ==, fifteen[k]);
  n = li_suggest_candidates (-5, v, G_N_ELEMENTS (v));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (minus_five));
  for (guint k = 0; k < n; k++)
    g_assert_cmpfloat (v[k], ==, minus_five[k]);
  /* 1: ¼ rounds to 0 (never offered), ½ ¾→1 (itself) 1¼→1.5 … */
  n = li_suggest_candidates (1, v, G_N_ELEMENTS (v));
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (v[0], ==, 0.5);
  g_assert_cmpfloat (v[1], ==, 1.5);
  g_assert_cmpfloat (v[2], ==, 2);
  g_assert_cmpfloat (v[3], ==, 3);
}

/* @n leads a day for 10 days; every third buys after a "signal", the others
 * see only "noise" (twice); everyone views a product. */
static LiEventStore *
_signal_store (guint n)
{
  LiEventStoreBuilder *b = li_event_store_builder_new ();

  for (guint day = 0; day < 10; day++)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *lead = g_strdup_printf ("L%u-%u", day, i);
        gint64 t = day * D + i * 60000;
        gboolean buys = i % 3 == 0;
        const char *seq[4];
        guint m = 0;

        seq[m++] = "product_view";
        seq[m++] = buys ? "signal" : "noise";
        seq[m++] = buys ? "noise" : "noise";
        if (buys)
          seq[m++] = "purchase";
        for (guint e = 0; e < m; e++)
          g_assert_true (li_event_store_builder_add_event (b, lead, strlen (lead), t + e * 60000, seq[e],
                                                           strlen (seq[e]), NULL));
      }
  return li_event_store_builder_finish (b);
}

static const char *signal_rules =
  "{\"intent\": [{\"event\": \"signal\", \"points\": 1}, {\"event\": \"noise\", \"points\": 4},"
  " {\"event\": \"product_view\", \"points\": 2}],"
  "\"stages\": [{\"name\": \"hot\", \"min_score\": 8}, {\"name\": \"cold\"}]}";

static void
test_suggest_learns (void)
{
  g_autoptr(LiRules) rules = test_rules (signal_rules);
  g_autoptr(LiEventStore) store = _signal_store (30);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiSuggestion) s = li_suggest_run (rules, store, NULL, li_suggest_default_holdout (store), NULL, &error);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(JsonNode) json = NULL;
  gboolean signal_changed = FALSE;

  g_assert_no_error (error);
  /* converters score 1 + 4 + 2 = 7, the others 4 + 4 + 2 = 10: AUC 0 */
  g_assert_cmpfloat (s->training_auc_original, ==, 0);
  g_assert_cmpfloat (s->training_auc_suggested, ==, 1);
  g_assert_false (s->fell_back);
  g_assert_cmpfloat (s->holdout_suggested->auc, >=, s->holdout_original->auc);
  g_assert_cmpfloat (s->holdout_suggested->auc, ==, 1);
  /* the same rules, only points and thresholds changed, readable */
  g_assert_true (li_rules_validate (s->rules, problems));
  g_assert_cmpuint (s->rules->n_intent, ==, 3);
  g_assert_cmpuint (s->rules->n_stages, ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (s->rules->intent[i].event, ==, rules->intent[i].event);
      g_assert_cmpfloat (s->rules->intent[i].points * 2, ==, round (s->rules->intent[i].points * 2));
    }
  g_assert_cmpuint (s->n_changes, >, 0);
  for (guint k = 0; k < s->n_changes; k++)
    {
      g_assert_nonnull (strstr (s->changes[k].reason, "→"));
      if (g_str_equal (s->changes[k].path, "intent[0].points"))
        {
          /* only converters send the signal */
          signal_changed = TRUE;
          g_assert_nonnull (strstr (s->changes[k].reason, "signal: 1 → "));
          g_assert_nonnull (strstr (s->changes[k].reason, "only converters do it"));
        }
    }
  g_assert_true (signal_changed);
  json = li_suggestion_to_json (s);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (json), "fell_back"));
}

static void
test_suggest_time_split (void)
{
  g_autoptr(LiRules) rules = test_rules (signal_rules);
  g_autoptr(LiEventStore) store = _signal_store (30);
  g_autoptr(LiSuggestion) s = NULL;
  gint64 holdout = li_suggest_default_holdout (store);

  /* the last 30 % of the range: from 70 % of the way */
  g_assert_cmpint (holdout, ==, store->min_time_ms + (gint64) ceil (0.7 * (store->max_time_ms - store->min_time_ms)));
  /* the holdout has the leads of days 7 (part), 8 and 9 only */
  s = li_suggest_run (rules, store, NULL, holdout, NULL, NULL);
  g_assert_nonnull (s);
  g_assert_cmpuint (s->holdout_original->leads, <, 4 * 30);
  g_assert_cmpuint (s->holdout_original->leads, >=, 2 * 30);
}

static void
test_suggest_refuses (void)
{
  g_autoptr(LiRules) rules = test_rules (signal_rules);
  g_autoptr(LiEventStore) store = _signal_store (9);  /* 3 converters a day: 21 before the holdout */
  g_autoptr(LiEventStore) history = test_store (tune_history, G_N_ELEMENTS (tune_history));
  g_autoptr(GError) error = NULL;
  g_autoptr(LiSuggestion) s = li_suggest_run (rules, store, NULL, li_suggest_default_holdout (store), NULL, &error);

  g_assert_null (s);
  g_assert_error (error, LI_SUGGEST_ERROR, LI_SUGGEST_ERROR_TOO_FEW);
  g_assert_nonnull (strstr (error->message, "at least 30"));
  g_clear_error (&error);
  /* a holdout time outside the events */
  s = li_suggest_run (rules, history, NULL, 1000 * D, NULL, &error);
  g_assert_null (s);
  g_assert_error (error, LI_SUGGEST_ERROR, LI_SUGGEST_ERROR_RANGE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/tune/suggest/candidates", test_candidates);
  g_test_add_func ("/engine/tune/suggest/learns", test_suggest_learns);
  g_test_add_func ("/engine/tune/suggest/time-split", test_suggest_time_split);
  g_test_add_func ("/engine/tune/suggest/refuses", test_suggest_refuses);
  return g_test_run ();
}
