/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules-describe.c: the one-line summaries of the parts of a rule set
 * (English, C locale). */

#include "config.h"

#include <locale.h>

#include "li-problem-describe.h"
#include "li-rules-describe.h"
#include "li-rules-parse.h"

/* Compares and frees. */
static void
assert_text (char       *text,
             const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
assert_decay_summary (LiDecayModel  model,
                      double        days,
                      const char   *expected)
{
  LiDecay decay = { model, days };

  assert_text (li_decay_summary (&decay), expected);
}

static void
assert_decay_describe (LiDecayModel  model,
                       double        days,
                       const char   *expected)
{
  LiDecay decay = { model, days };

  assert_text (li_decay_describe (&decay), expected);
}

static void
test_decay_summary (void)
{
  /* The marks follow the model: the half-life, twice and four times it */
  assert_decay_summary (LI_DECAY_EXPONENTIAL, 7, "7 d 0.50 · 14 d 0.25 · 28 d 0.06");
  assert_decay_summary (LI_DECAY_EXPONENTIAL, 1, "1 d 0.50 · 2 d 0.25 · 4 d 0.06");
  /* 0.01 d = 14.4 min */
  assert_decay_summary (LI_DECAY_EXPONENTIAL, 0.01, "14.4 min 0.50 · 28.8 min 0.25 · 57.6 min 0.06");
  /* Half, all and twice a window: counts until it ends */
  assert_decay_summary (LI_DECAY_WINDOW, 3, "1.5 d 1.00 · 3 d 0.00 · 6 d 0.00");
  /* a 0.1-day window is hours, not a sliver of 30 days */
  assert_decay_summary (LI_DECAY_WINDOW, 0.1, "1.2 h 1.00 · 2.4 h 0.00 · 4.8 h 0.00");
  /* A quarter, half and all of a linear fade */
  assert_decay_summary (LI_DECAY_LINEAR, 10, "2.5 d 0.75 · 5 d 0.50 · 10 d 0.00");
  assert_decay_summary (LI_DECAY_NONE, 0, "1 d 1.00 · 7 d 1.00 · 30 d 1.00");
}

static void
test_decay_describe (void)
{
  assert_decay_describe (LI_DECAY_EXPONENTIAL, 7, "half-life 7 d");
  assert_decay_describe (LI_DECAY_WINDOW, 2.5, "counts for 2.5 d");
  assert_decay_describe (LI_DECAY_LINEAR, 1.0 / 3.0, "fades out over 0.33 d");
  assert_decay_describe (LI_DECAY_EXPONENTIAL, -0.0, "half-life 0 d");
  assert_decay_describe (LI_DECAY_NONE, 7, "no decay");
}

static void
test_intent (void)
{
  LiWhere where[2] = {
    { "link", (char *[]) { "cart", "product", NULL } },
    { "channel", (char *[]) { "email", NULL } },
  };
  LiIntentRule rule = { .event = "email_click", .points = 15 };

  /* No rule: off, whatever the event. */
  assert_text (li_intent_rule_summary (NULL, FALSE), "off");
  assert_text (li_intent_rule_summary (NULL, TRUE), "off");

  /* Only points: nothing to say. */
  assert_text (li_intent_rule_summary (&rule, FALSE), "");
  rule.points = 0;
  assert_text (li_intent_rule_summary (&rule, FALSE), "off");

  rule.points = 2;
  rule.where = where;
  rule.n_where = 1;
  rule.max_points = 12;
  rule.has_decay = TRUE;
  rule.decay = (LiDecay) { LI_DECAY_EXPONENTIAL, 7 };
  assert_text (li_intent_rule_summary (&rule, FALSE),
               "link: cart, product · cap 12 · half-life 7 d");

  rule.n_where = 2;
  rule.max_points = 1.0 / 3.0;
  rule.decay = (LiDecay) { LI_DECAY_NONE, 0 };
  assert_text (li_intent_rule_summary (&rule, FALSE),
               "link: cart, product · channel: email · cap 0.33 · no decay");

  /* A rule on the outcome event says so first. */
  rule.points = 0;
  rule.n_where = 0;
  rule.max_points = 12.5;
  rule.has_decay = FALSE;
  assert_text (li_intent_rule_summary (&rule, TRUE),
               "the outcome event cannot score intent · off · cap 12.5");
}

static void
test_patterns (void)
{
  LiPattern p = { .name = "p", .enabled = TRUE };

  p.kind = LI_PATTERN_REPEAT_PRODUCT;
  p.min_count = 3;
  p.within_hours = 72;
  assert_text (li_pattern_summary (&p), "3 views of one product within 72 h");

  p.kind = LI_PATTERN_CATEGORY_FOCUS;
  p.min_distinct = 4;
  p.within_hours = 2.5;
  assert_text (li_pattern_summary (&p), "4 products of one category within 2.5 h");

  p.kind = LI_PATTERN_SEQUENCE;
  p.within_hours = 1.0 / 3.0;
  assert_text (li_pattern_summary (&p), "— within 0.33 h");
  p.events = (char *[]) { "add_to_cart", "shipping_check", "checkout_start", NULL };
  p.within_hours = 48;
  assert_text (li_pattern_summary (&p),
               "add_to_cart → shipping_check → checkout_start within 48 h");

  p.kind = LI_PATTERN_RETURN_DAYS;
  p.min_days = 3;
  p.within_days = 7;
  assert_text (li_pattern_summary (&p), "active on 3 days within 7 d");

  /* Switched off. */
  p.enabled = FALSE;
  assert_text (li_pattern_summary (&p), "active on 3 days within 7 d · off");
}

static void
assert_fit (LiFitOp     op,
            const char *attribute,
            const char *expected)
{
  static char *list[] = { "US", "CA", NULL };
  static char *one[] = { "US", NULL };
  LiFitRule rule = {
    .attribute = (char *) attribute,
    .op = op,
    .number = { 100, 250.5 },
  };

  if (op == LI_FIT_IN || op == LI_FIT_NOT_IN)
    rule.values = list;
  else if (op == LI_FIT_EQ || op == LI_FIT_NE)
    rule.values = one;

  assert_text (li_fit_rule_summary (&rule), expected);
}

static void
test_fit (void)
{
  LiFitRule rule = { .attribute = "score", .op = LI_FIT_LT, .number = { 1.0 / 3.0, 0 } };

  assert_fit (LI_FIT_EQ, "country", "country is US");
  assert_fit (LI_FIT_NE, "country", "country is not US");
  assert_fit (LI_FIT_IN, "country", "country is one of US, CA");
  assert_fit (LI_FIT_NOT_IN, "country", "country is none of US, CA");
  assert_fit (LI_FIT_GT, "budget", "budget > 100");
  assert_fit (LI_FIT_GTE, "budget", "budget ≥ 100");
  assert_fit (LI_FIT_LT, "budget", "budget < 100");
  assert_fit (LI_FIT_LTE, "budget", "budget ≤ 100");
  assert_fit (LI_FIT_BETWEEN, "budget", "budget from 100 to 250.5");
  assert_fit (LI_FIT_EXISTS, "budget", "budget is known");
  assert_fit (LI_FIT_MISSING, "budget", "budget is missing");

  /* No attribute yet. */
  assert_fit (LI_FIT_EXISTS, "", "? is known");
  assert_fit (LI_FIT_MISSING, NULL, "? is missing");

  /* Up to six decimals; no "-0". */
  assert_text (li_fit_rule_summary (&rule), "score < 0.333333");
  rule.number[0] = -0.0;
  assert_text (li_fit_rule_summary (&rule), "score < 0");
}

static void
test_stages (void)
{
  LiStage s = { .name = "hot", .has_min_score = TRUE, .min_score = 60 };

  assert_text (li_stage_summary (&s, FALSE), "score ≥ 60");

  s.channel = "phone";
  assert_text (li_stage_summary (&s, FALSE), "score ≥ 60 · phone");

  /* Follow-up times in whole days or hours when they are, else minutes. */
  s.has_follow_up = TRUE;
  s.follow_up_minutes = 15;
  assert_text (li_stage_summary (&s, FALSE), "score ≥ 60 · phone within 15 min");
  s.follow_up_minutes = 7.5;
  assert_text (li_stage_summary (&s, FALSE), "score ≥ 60 · phone within 7.5 min");
  s.follow_up_minutes = 90;
  assert_text (li_stage_summary (&s, FALSE), "score ≥ 60 · phone within 90 min");
  s.follow_up_minutes = 480;
  assert_text (li_stage_summary (&s, FALSE), "score ≥ 60 · phone within 8 h");
  s.follow_up_minutes = 2160;
  assert_text (li_stage_summary (&s, FALSE), "score ≥ 60 · phone within 36 h");
  s.follow_up_minutes = 2880;
  assert_text (li_stage_summary (&s, FALSE), "score ≥ 60 · phone within 2 d");

  s.channel = NULL;
  s.follow_up_minutes = 30;
  assert_text (li_stage_summary (&s, FALSE), "score ≥ 60 · follow up within 30 min");
  s.channel = "";
  assert_text (li_stage_summary (&s, FALSE), "score ≥ 60 · follow up within 30 min");

  s.has_follow_up = FALSE;
  s.has_min_score = FALSE;
  s.has_min_intent = TRUE;
  s.min_intent = 20;
  s.has_min_fit = TRUE;
  s.min_fit = 10.5;
  assert_text (li_stage_summary (&s, FALSE), "intent ≥ 20 · fit ≥ 10.5");

  s.has_min_intent = FALSE;
  s.has_min_fit = FALSE;
  assert_text (li_stage_summary (&s, FALSE), "no conditions");
}

static void
test_catch_all (void)
{
  LiStage s = { .name = "cold" };

  assert_text (li_stage_summary (&s, TRUE), "Catch-all · every other lead");

  s.channel = "email";
  assert_text (li_stage_summary (&s, TRUE), "Catch-all · every other lead · email");

  /* A file that gives the catch-all a condition anyway. */
  s.channel = NULL;
  s.has_min_score = TRUE;
  s.min_score = 5;
  assert_text (li_stage_summary (&s, TRUE), "Catch-all · score ≥ 5");
}

/* Problems name the row, not the JSON path. */
static void
test_problem_places (void)
{
  static const char json[] =
    "{ \"format\": \"lead-intent-rules\", \"format_version\": 1,"
    "  \"intent\": [ { \"event\": \"product_view\", \"points\": 2 } ],"
    "  \"patterns\": [ { \"name\": \"\", \"kind\": \"sequence\", \"events\": [\"a\", \"b\"],"
    "                  \"within_hours\": 2, \"points\": 1 } ],"
    "  \"fit\": [ { \"attribute\": \"country\", \"op\": \"eq\", \"value\": \"US\", \"points\": 1 } ],"
    "  \"stages\": [ { \"name\": \"hot\", \"min_score\": 5 }, { \"name\": \"Hot\", \"min_score\": 1 },"
    "                { \"name\": \"cold\" } ] }";
  static const struct { const char *path; const char *place; } cases[] = {
    { "stages[1].name", "Stage 2 “Hot”: name" },
    { "stages[0]", "Stage 1 “hot”" },
    { "stages[0].min_score", "Stage 1 “hot”: minimum score" },
    { "stages[7].name", "Stage 8: name" },
    { "intent[0].points", "Intent rule 1 “product_view”: points" },
    { "intent[0].where.link", "Intent rule 1 “product_view”: filter link" },
    { "intent[0].decay.half_life_days", "Intent rule 1 “product_view”: decay half-life" },
    { "patterns[0].events[1]", "Pattern 1: events 2" },
    { "fit[0].value", "Fit rule 1 “country”: value" },
    { "outcome.window_days", "Outcome: purchase window" },
    { "decay.days", "Decay: days" },
    { "format", "File format" },
    { "stages", "Stages" },
    { "owner", "Owner" },
    { "", "Rule file" },
  };
  /* a draft: the pattern has no name yet */
  g_autoptr(LiRules) rules = li_rules_draft_from_data (json, -1, NULL, NULL);

  g_assert_nonnull (rules);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LiProblem problem = { LI_PROBLEM_ERROR, (char *) cases[i].path, (char *) "must not be empty" };
      g_autofree char *full = g_strdup_printf ("%s: must not be empty", cases[i].place);

      assert_text (li_problem_describe_place (&problem, rules), cases[i].place);
      assert_text (li_problem_describe (&problem, rules), full);
    }

  /* without the rules: numbers only */
  {
    LiProblem problem = { LI_PROBLEM_WARNING, (char *) "stages[1]", (char *) "stage is unreachable" };

    assert_text (li_problem_describe (&problem, NULL), "Stage 2: stage is unreachable");
  }

  /* splitting */
  {
    g_autofree char *section = NULL;
    g_autofree char *rest = NULL;
    int item;

    g_assert_true (li_problem_path_split ("fit[12].values[1]", &section, &item, &rest));
    g_assert_cmpstr (section, ==, "fit");
    g_assert_cmpint (item, ==, 12);
    g_assert_cmpstr (rest, ==, "values[1]");
    g_clear_pointer (&section, g_free);
    g_clear_pointer (&rest, g_free);
    g_assert_false (li_problem_path_split ("fit[x]", &section, &item, &rest));
    g_assert_null (section);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/rules-describe/decay/summary", test_decay_summary);
  g_test_add_func ("/engine/rules-describe/decay/describe", test_decay_describe);
  g_test_add_func ("/engine/rules-describe/intent", test_intent);
  g_test_add_func ("/engine/rules-describe/patterns", test_patterns);
  g_test_add_func ("/engine/rules-describe/fit", test_fit);
  g_test_add_func ("/engine/rules-describe/stages", test_stages);
  g_test_add_func ("/engine/rules-describe/catch-all", test_catch_all);
  g_test_add_func ("/engine/rules-describe/problem-places", test_problem_places);

  return g_test_run ();
}
