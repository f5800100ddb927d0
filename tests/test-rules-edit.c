/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules-edit.c: the typed edits the rule editor makes to a LiRules.
 * Every edit must leave rules the engine accepts and writes back unchanged,
 * and refuse a bad index without touching the rules. */

#include "config.h"

#include <locale.h>

#include "li-rules-edit.h"
#include "li-rules-parse.h"
#include "li-rules-validate.h"
#include "li-rules-write.h"
#include "li-problem.h"

static const char *base_rules =
  "{ \"format\": \"lead-intent-rules\", \"format_version\": 1,"
  "  \"intent\": ["
  "    { \"event\": \"add_to_cart\", \"points\": 15 },"
  "    { \"event\": \"email_click\", \"where\": { \"link\": [\"cart\", \"product\"] }, \"points\": 8 },"
  "    { \"event\": \"product_view\", \"points\": 2, \"max_points\": 12 },"
  "    { \"event\": \"email_click\", \"points\": 1 },"
  "    { \"event\": \"webinar\", \"points\": 5 }"
  "  ],"
  "  \"stages\": ["
  "    { \"name\": \"hot\", \"min_score\": 60 },"
  "    { \"name\": \"warm\", \"min_score\": 30 },"
  "    { \"name\": \"cold\" }"
  "  ] }";

static LiRules *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_data (json, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* Validates and round-trips through the file format. */
static void
assert_valid (const LiRules *rules)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(LiRules) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  if (!li_rules_validate (rules, problems))
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *text = li_problem_to_string (g_ptr_array_index (problems, i));
          g_printerr ("%s\n", text);
        }
      g_assert_not_reached ();
    }

  data = li_rules_to_data (rules, NULL);
  back = li_rules_from_data (data, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (li_rules_equal (rules, back));
}

static void
assert_strv (char       **strv,
             const char  *joined)
{
  g_autofree char *text = strv != NULL ? g_strjoinv ("|", strv) : NULL;

  g_assert_cmpstr (text, ==, joined);
}

/* A programming error: FALSE, a critical, and no change. */
#define ASSERT_REFUSED(rules, call)                                          \
  G_STMT_START {                                                             \
    g_autoptr(LiRules) before_ = li_rules_copy (rules);                      \
    g_test_expect_message ("LeadIntent", G_LOG_LEVEL_CRITICAL, "*failed*");  \
    g_assert_false (call);                                                   \
    g_test_assert_expected_messages ();                                      \
    g_assert_true (li_rules_equal (before_, rules));                         \
  } G_STMT_END

static void
test_lists (void)
{
  g_auto(GStrv) list = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *empty = NULL;

  list = li_rules_split_list (" a, ,b ,c,");
  assert_strv (list, "a|b|c");
  joined = li_rules_join_list ((const char * const *) list);
  g_assert_cmpstr (joined, ==, "a, b, c");
  g_clear_pointer (&list, g_strfreev);

  list = li_rules_split_list (" , ");
  g_assert_null (list);
  g_assert_null (li_rules_split_list (""));
  g_assert_null (li_rules_split_list (NULL));

  empty = li_rules_join_list (NULL);
  g_assert_cmpstr (empty, ==, "");
}

static void
test_general (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();

  g_assert_true (li_rules_set_name (rules, " Spring "));
  g_assert_cmpstr (rules->name, ==, "Spring");
  g_assert_true (li_rules_set_name (rules, "  "));
  g_assert_null (rules->name);
  g_assert_true (li_rules_set_description (rules, "For the sale\n"));
  g_assert_cmpstr (rules->description, ==, "For the sale");
  g_assert_true (li_rules_set_description (rules, NULL));
  g_assert_null (rules->description);

  /* An empty outcome is half-typed: the last one stays. */
  g_assert_true (li_rules_set_outcome_event (rules, " order "));
  g_assert_cmpstr (rules->outcome_event, ==, "order");
  g_assert_false (li_rules_set_outcome_event (rules, " "));
  g_assert_false (li_rules_set_outcome_event (rules, NULL));
  g_assert_cmpstr (rules->outcome_event, ==, "order");

  g_assert_true (li_rules_set_window_days (rules, 30.5));
  g_assert_cmpfloat (rules->window_days, ==, 30.5);
  assert_valid (rules);
}

static void
test_decay (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();

  g_assert_cmpint (rules->decay.model, ==, LI_DECAY_NONE);
  g_assert_false (li_rules_set_decay_days (rules, 3));
  g_assert_cmpfloat (rules->decay.days, ==, 0);

  /* A model gets 7 days when it has none … */
  g_assert_true (li_rules_set_decay_model (rules, LI_DECAY_EXPONENTIAL));
  g_assert_cmpint (rules->decay.model, ==, LI_DECAY_EXPONENTIAL);
  g_assert_cmpfloat (rules->decay.days, ==, 7);
  assert_valid (rules);

  /* … and keeps its days otherwise, also through "none". */
  g_assert_true (li_rules_set_decay_days (rules, 3));
  g_assert_true (li_rules_set_decay_model (rules, LI_DECAY_WINDOW));
  g_assert_cmpfloat (rules->decay.days, ==, 3);
  g_assert_true (li_rules_set_decay_model (rules, LI_DECAY_NONE));
  g_assert_true (li_rules_set_decay_model (rules, LI_DECAY_LINEAR));
  g_assert_cmpfloat (rules->decay.days, ==, 3);
  assert_valid (rules);

  ASSERT_REFUSED (rules, li_rules_set_decay_model (rules, LI_DECAY_LINEAR + 1));
}

static void
test_intent_append_remove (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);

  g_assert_cmpuint (li_rules_append_intent (rules, "coupon", 2.5), ==, 5);
  g_assert_cmpuint (rules->n_intent, ==, 6);
  g_assert_cmpstr (rules->intent[5].event, ==, "coupon");
  g_assert_cmpfloat (rules->intent[5].points, ==, 2.5);
  g_assert_true (li_intent_rule_is_plain (&rules->intent[5]));
  assert_valid (rules);

  /* The ones after a removed rule move up. */
  g_assert_true (li_rules_remove_intent (rules, 1));
  g_assert_cmpuint (rules->n_intent, ==, 5);
  g_assert_cmpstr (rules->intent[0].event, ==, "add_to_cart");
  g_assert_cmpstr (rules->intent[1].event, ==, "product_view");
  g_assert_cmpstr (rules->intent[4].event, ==, "coupon");
  g_assert_true (li_rules_remove_intent (rules, 4));
  g_assert_cmpuint (rules->n_intent, ==, 4);
  g_assert_cmpstr (rules->intent[3].event, ==, "webinar");
  assert_valid (rules);

  ASSERT_REFUSED (rules, li_rules_remove_intent (rules, 4));
}

static void
test_intent_points (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  int removed;
  int rule;

  /* A placeholder at 0 stays without a rule. */
  rule = li_rules_set_intent_points (rules, -1, "search", 0, TRUE, &removed);
  g_assert_cmpint (rule, ==, -1);
  g_assert_cmpint (removed, ==, -1);
  g_assert_cmpuint (rules->n_intent, ==, 5);

  /* Points make a rule … */
  rule = li_rules_set_intent_points (rules, -1, "search", 2.5, TRUE, &removed);
  g_assert_cmpint (rule, ==, 5);
  g_assert_cmpint (removed, ==, -1);
  g_assert_cmpuint (rules->n_intent, ==, 6);
  g_assert_cmpstr (rules->intent[5].event, ==, "search");
  g_assert_cmpfloat (rules->intent[5].points, ==, 2.5);
  assert_valid (rules);

  /* … and 0 drops a plain one again. */
  rule = li_rules_set_intent_points (rules, 5, "search", 0, TRUE, &removed);
  g_assert_cmpint (rule, ==, -1);
  g_assert_cmpint (removed, ==, 5);
  g_assert_cmpuint (rules->n_intent, ==, 5);

  /* A rule with a cap (or a filter) keeps its settings at 0 points. */
  g_assert_false (li_intent_rule_is_plain (&rules->intent[2]));
  g_assert_false (li_intent_rule_is_plain (&rules->intent[1]));
  rule = li_rules_set_intent_points (rules, 2, "product_view", 0, TRUE, &removed);
  g_assert_cmpint (rule, ==, 2);
  g_assert_cmpint (removed, ==, -1);
  g_assert_cmpfloat (rules->intent[2].points, ==, 0);
  g_assert_cmpfloat (rules->intent[2].max_points, ==, 12);

  /* Not droppable (e.g. not in the data): kept at 0. */
  rule = li_rules_set_intent_points (rules, 4, "webinar", 0, FALSE, NULL);
  g_assert_cmpint (rule, ==, 4);
  g_assert_cmpuint (rules->n_intent, ==, 5);
  g_assert_cmpfloat (rules->intent[4].points, ==, 0);

  /* Negative and fractional points. */
  rule = li_rules_set_intent_points (rules, 0, "add_to_cart", -12.25, TRUE, &removed);
  g_assert_cmpint (rule, ==, 0);
  g_assert_cmpfloat (rules->intent[0].points, ==, -12.25);
  assert_valid (rules);

  g_test_expect_message ("LeadIntent", G_LOG_LEVEL_CRITICAL, "*failed*");
  rule = li_rules_set_intent_points (rules, 5, "search", 1, TRUE, &removed);
  g_test_assert_expected_messages ();
  g_assert_cmpint (rule, ==, -1);
  g_assert_cmpint (removed, ==, -1);
  g_assert_cmpuint (rules->n_intent, ==, 5);
}

static void
test_intent_cap_decay (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  LiIntentRule *rule = &rules->intent[0];
  const LiDecay linear = { LI_DECAY_LINEAR, 10 };
  const LiDecay bad = { LI_DECAY_LINEAR + 1, 10 };

  g_assert_true (li_rules_set_intent_cap (rules, 0, 40));
  g_assert_cmpfloat (rule->max_points, ==, 40);
  g_assert_false (li_intent_rule_is_plain (rule));
  g_assert_true (li_rules_set_intent_cap (rules, 0, 0));
  g_assert_true (li_intent_rule_is_plain (rule));

  g_assert_true (li_rules_set_intent_decay (rules, 0, &linear));
  g_assert_true (rule->has_decay);
  g_assert_cmpint (rule->decay.model, ==, LI_DECAY_LINEAR);
  g_assert_cmpfloat (rule->decay.days, ==, 10);
  g_assert_false (li_intent_rule_is_plain (rule));
  assert_valid (rules);

  /* Back to the global decay: the rule's own is kept for later. */
  g_assert_true (li_rules_set_intent_decay (rules, 0, NULL));
  g_assert_false (rule->has_decay);
  g_assert_cmpint (rule->decay.model, ==, LI_DECAY_LINEAR);
  g_assert_true (li_intent_rule_is_plain (rule));
  assert_valid (rules);

  ASSERT_REFUSED (rules, li_rules_set_intent_cap (rules, 5, 1));
  ASSERT_REFUSED (rules, li_rules_set_intent_decay (rules, 5, &linear));
  ASSERT_REFUSED (rules, li_rules_set_intent_decay (rules, 0, &bad));
}

static void
test_intent_where (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  LiIntentRule *rule = &rules->intent[0];

  g_assert_cmpuint (rule->n_where, ==, 0);

  /* Half typed: nothing changes. */
  g_assert_false (li_rules_set_intent_where (rules, 0, "link", ""));
  g_assert_false (li_rules_set_intent_where (rules, 0, " ", "a"));
  g_assert_false (li_rules_set_intent_where (rules, 0, NULL, "a, "));
  g_assert_cmpuint (rule->n_where, ==, 0);

  g_assert_true (li_rules_set_intent_where (rules, 0, " link ", "cart_recovery, product, "));
  g_assert_cmpuint (rule->n_where, ==, 1);
  g_assert_cmpstr (rule->where[0].key, ==, "link");
  assert_strv (rule->where[0].values, "cart_recovery|product");
  g_assert_false (li_intent_rule_is_plain (rule));
  assert_valid (rules);

  g_assert_true (li_rules_set_intent_where (rules, 0, "channel", "email"));
  g_assert_cmpuint (rule->n_where, ==, 1);
  g_assert_cmpstr (rule->where[0].key, ==, "channel");
  assert_strv (rule->where[0].values, "email");

  g_assert_true (li_rules_set_intent_where (rules, 0, "", ""));
  g_assert_cmpuint (rule->n_where, ==, 0);
  g_assert_null (rule->where);
  g_assert_true (li_intent_rule_is_plain (rule));
  assert_valid (rules);

  /* Emptying a rule without a clause changes nothing. */
  g_assert_true (li_rules_set_intent_where (rules, 0, NULL, " , "));
  g_assert_cmpuint (rule->n_where, ==, 0);

  ASSERT_REFUSED (rules, li_rules_set_intent_where (rules, 5, "link", "cart"));
}

/* Emptying the first of several clauses brings the next one forward. */
static void
test_intent_where_more (void)
{
  g_autoptr(LiRules) rules = parse (
    "{ \"format\": \"lead-intent-rules\", \"format_version\": 1,"
    "  \"intent\": [ { \"event\": \"email_click\", \"points\": 3,"
    "                  \"where\": { \"link\": \"cart\", \"channel\": [\"email\", \"sms\"] } } ],"
    "  \"stages\": [ { \"name\": \"cold\" } ] }");
  LiIntentRule *rule = &rules->intent[0];
  g_autofree char *second = NULL;

  g_assert_cmpuint (rule->n_where, ==, 2);
  second = g_strdup (rule->where[1].key);

  g_assert_true (li_rules_set_intent_where (rules, 0, "", ""));
  g_assert_cmpuint (rule->n_where, ==, 1);
  g_assert_cmpstr (rule->where[0].key, ==, second);
  assert_valid (rules);
}

static void
test_pattern_append (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();
  LiPattern *p;

  for (LiPatternKind kind = LI_PATTERN_REPEAT_PRODUCT; kind <= LI_PATTERN_RETURN_DAYS; kind++)
    g_assert_cmpuint (li_rules_append_pattern (rules, kind), ==, kind);
  g_assert_cmpuint (rules->n_patterns, ==, 4);
  assert_valid (rules);

  p = &rules->patterns[0];
  g_assert_cmpstr (p->name, ==, "Returns to a product");
  g_assert_cmpint (p->kind, ==, LI_PATTERN_REPEAT_PRODUCT);
  g_assert_true (p->enabled);
  g_assert_cmpfloat (p->points, ==, 10);
  g_assert_cmpuint (p->min_count, ==, 3);
  g_assert_cmpfloat (p->within_hours, ==, 72);

  p = &rules->patterns[1];
  g_assert_cmpstr (p->name, ==, "Compares in a category");
  g_assert_true (p->enabled);
  g_assert_cmpfloat (p->points, ==, 8);
  g_assert_cmpuint (p->min_distinct, ==, 3);
  g_assert_cmpfloat (p->within_hours, ==, 24);

  p = &rules->patterns[2];
  g_assert_cmpstr (p->name, ==, "Cart then checkout");
  g_assert_true (p->enabled);
  g_assert_cmpfloat (p->points, ==, 20);
  assert_strv (p->events, "add_to_cart|checkout_start");
  g_assert_cmpfloat (p->within_hours, ==, 48);

  p = &rules->patterns[3];
  g_assert_cmpstr (p->name, ==, "Comes back on several days");
  g_assert_true (p->enabled);
  g_assert_cmpfloat (p->points, ==, 6);
  g_assert_cmpuint (p->min_days, ==, 3);
  g_assert_cmpfloat (p->within_days, ==, 7);

  g_assert_true (li_rules_remove_pattern (rules, 0));
  g_assert_cmpuint (rules->n_patterns, ==, 3);
  g_assert_cmpint (rules->patterns[0].kind, ==, LI_PATTERN_CATEGORY_FOCUS);
  g_assert_cmpint (rules->patterns[2].kind, ==, LI_PATTERN_RETURN_DAYS);
  assert_valid (rules);

  ASSERT_REFUSED (rules, li_rules_remove_pattern (rules, 3));
  g_test_expect_message ("LeadIntent", G_LOG_LEVEL_CRITICAL, "*failed*");
  g_assert_cmpuint (li_rules_append_pattern (rules, LI_PATTERN_RETURN_DAYS + 1), ==, G_MAXUINT);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (rules->n_patterns, ==, 3);
}

/* Kind changes fill the new kind's fields and keep the old ones. */
static void
test_pattern_kind (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();
  LiPattern *p;

  li_rules_append_pattern (rules, LI_PATTERN_REPEAT_PRODUCT);
  p = &rules->patterns[0];

  g_assert_true (li_rules_set_pattern_kind (rules, 0, LI_PATTERN_CATEGORY_FOCUS));
  g_assert_cmpint (p->kind, ==, LI_PATTERN_CATEGORY_FOCUS);
  g_assert_cmpuint (p->min_distinct, ==, 3);
  g_assert_cmpfloat (p->within_hours, ==, 72);
  assert_valid (rules);

  g_assert_true (li_rules_set_pattern_kind (rules, 0, LI_PATTERN_RETURN_DAYS));
  g_assert_cmpuint (p->min_days, ==, 3);
  g_assert_cmpfloat (p->within_days, ==, 7);
  assert_valid (rules);

  g_assert_true (li_rules_set_pattern_kind (rules, 0, LI_PATTERN_SEQUENCE));
  assert_strv (p->events, "add_to_cart|checkout_start");
  g_assert_cmpfloat (p->within_hours, ==, 72);
  assert_valid (rules);

  /* Switching back finds the values of before. */
  g_assert_false (li_rules_set_pattern_count (rules, 0, 9));
  g_assert_true (li_rules_set_pattern_kind (rules, 0, LI_PATTERN_REPEAT_PRODUCT));
  g_assert_cmpuint (p->min_count, ==, 3);
  g_assert_cmpuint (p->min_distinct, ==, 3);
  g_assert_cmpuint (p->min_days, ==, 3);
  assert_strv (p->events, "add_to_cart|checkout_start");
  g_assert_cmpfloat (p->within_days, ==, 7);
  assert_valid (rules);

  ASSERT_REFUSED (rules, li_rules_set_pattern_kind (rules, 1, LI_PATTERN_SEQUENCE));
  ASSERT_REFUSED (rules, li_rules_set_pattern_kind (rules, 0, LI_PATTERN_RETURN_DAYS + 1));
}

static void
test_pattern_fields (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();
  const LiDecay window = { LI_DECAY_WINDOW, 2.5 };
  LiPattern *p;

  for (LiPatternKind kind = LI_PATTERN_REPEAT_PRODUCT; kind <= LI_PATTERN_RETURN_DAYS; kind++)
    li_rules_append_pattern (rules, kind);
  p = rules->patterns;

  /* Names are trimmed; an empty one stays empty (the file is then invalid). */
  g_assert_true (li_rules_set_pattern_name (rules, 0, "  Spring sale "));
  g_assert_cmpstr (p[0].name, ==, "Spring sale");
  g_assert_true (li_rules_set_pattern_name (rules, 1, ""));
  g_assert_cmpstr (p[1].name, ==, "");
  g_assert_true (li_rules_set_pattern_name (rules, 1, "Focus"));

  g_assert_true (li_rules_set_pattern_enabled (rules, 0, FALSE));
  g_assert_false (p[0].enabled);
  g_assert_true (li_rules_set_pattern_points (rules, 0, -5.5));
  g_assert_cmpfloat (p[0].points, ==, -5.5);
  g_assert_true (li_rules_set_pattern_cap (rules, 0, 30));
  g_assert_cmpfloat (p[0].max_points, ==, 30);

  /* The count and the window of each kind. */
  g_assert_true (li_rules_set_pattern_count (rules, 0, 4));
  g_assert_cmpuint (p[0].min_count, ==, 4);
  g_assert_true (li_rules_set_pattern_count (rules, 1, 5));
  g_assert_cmpuint (p[1].min_distinct, ==, 5);
  g_assert_cmpuint (p[1].min_count, ==, 0);
  g_assert_false (li_rules_set_pattern_count (rules, 2, 6));
  g_assert_true (li_rules_set_pattern_count (rules, 3, 2));
  g_assert_cmpuint (p[3].min_days, ==, 2);
  g_assert_true (li_rules_set_pattern_within (rules, 2, 12.5));
  g_assert_cmpfloat (p[2].within_hours, ==, 12.5);
  g_assert_true (li_rules_set_pattern_within (rules, 3, 14));
  g_assert_cmpfloat (p[3].within_days, ==, 14);
  g_assert_cmpfloat (p[3].within_hours, ==, 0);

  /* A sequence needs two names: fewer is half-typed. */
  g_assert_false (li_rules_set_pattern_events (rules, 2, "add_to_cart, "));
  g_assert_false (li_rules_set_pattern_events (rules, 2, NULL));
  assert_strv (p[2].events, "add_to_cart|checkout_start");
  g_assert_true (li_rules_set_pattern_events (rules, 2,
                                              "add_to_cart, shipping_check,checkout_start"));
  assert_strv (p[2].events, "add_to_cart|shipping_check|checkout_start");

  g_assert_true (li_rules_set_pattern_decay (rules, 3, &window));
  g_assert_true (p[3].has_decay);
  g_assert_cmpint (p[3].decay.model, ==, LI_DECAY_WINDOW);
  g_assert_cmpfloat (p[3].decay.days, ==, 2.5);
  assert_valid (rules);
  g_assert_true (li_rules_set_pattern_decay (rules, 3, NULL));
  g_assert_false (p[3].has_decay);
  g_assert_cmpfloat (p[3].decay.days, ==, 2.5);
  assert_valid (rules);

  ASSERT_REFUSED (rules, li_rules_set_pattern_name (rules, 4, "x"));
  ASSERT_REFUSED (rules, li_rules_set_pattern_enabled (rules, 4, TRUE));
  ASSERT_REFUSED (rules, li_rules_set_pattern_points (rules, 4, 1));
  ASSERT_REFUSED (rules, li_rules_set_pattern_cap (rules, 4, 1));
  ASSERT_REFUSED (rules, li_rules_set_pattern_count (rules, 4, 1));
  ASSERT_REFUSED (rules, li_rules_set_pattern_within (rules, 4, 1));
  ASSERT_REFUSED (rules, li_rules_set_pattern_events (rules, 4, "a, b"));
  ASSERT_REFUSED (rules, li_rules_set_pattern_decay (rules, 4, &window));
}

static void
test_fit_append_remove (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();
  LiFitRule *f;

  g_assert_cmpuint (li_rules_append_fit (rules, NULL), ==, 0);
  g_assert_cmpuint (li_rules_append_fit (rules, ""), ==, 1);
  g_assert_cmpuint (li_rules_append_fit (rules, "budget"), ==, 2);
  f = rules->fit;
  g_assert_cmpstr (f[0].attribute, ==, "country");
  g_assert_cmpstr (f[1].attribute, ==, "country");
  g_assert_cmpstr (f[2].attribute, ==, "budget");
  g_assert_cmpint (f[2].op, ==, LI_FIT_EXISTS);
  g_assert_null (f[2].values);
  g_assert_cmpfloat (f[2].points, ==, 5);
  assert_valid (rules);

  g_assert_true (li_rules_set_fit_attribute (rules, 1, " industry "));
  g_assert_cmpstr (f[1].attribute, ==, "industry");
  g_assert_true (li_rules_set_fit_points (rules, 1, -2.5));
  g_assert_cmpfloat (f[1].points, ==, -2.5);

  g_assert_true (li_rules_remove_fit (rules, 0));
  g_assert_cmpuint (rules->n_fit, ==, 2);
  g_assert_cmpstr (rules->fit[0].attribute, ==, "industry");
  g_assert_cmpstr (rules->fit[1].attribute, ==, "budget");
  assert_valid (rules);

  ASSERT_REFUSED (rules, li_rules_remove_fit (rules, 2));
  ASSERT_REFUSED (rules, li_rules_set_fit_attribute (rules, 2, "x"));
  ASSERT_REFUSED (rules, li_rules_set_fit_points (rules, 2, 1));
}

/* The value follows the operator where it reads. */
static void
test_fit_op (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();
  g_autofree char *text = NULL;
  LiFitRule *f;

  li_rules_append_fit (rules, NULL);
  f = &rules->fit[0];

  g_assert_true (li_rules_set_fit_op (rules, 0, LI_FIT_IN));
  assert_strv (f->values, "");
  g_assert_true (li_rules_set_fit_text (rules, 0, "US, CA,"));
  assert_strv (f->values, "US|CA");
  text = li_fit_rule_dup_text (f);
  g_assert_cmpstr (text, ==, "US, CA");
  assert_valid (rules);

  /* in → eq keeps the first value; text that is no number leaves the
   * numbers alone. */
  g_assert_true (li_rules_set_fit_op (rules, 0, LI_FIT_EQ));
  assert_strv (f->values, "US");
  g_assert_cmpfloat (f->number[0], ==, 0);
  assert_valid (rules);

  /* A number carries over to numeric operators … */
  g_assert_true (li_rules_set_fit_text (rules, 0, " 100 "));
  assert_strv (f->values, "100");
  g_assert_true (li_rules_set_fit_op (rules, 0, LI_FIT_GTE));
  g_assert_null (f->values);
  g_assert_cmpfloat (f->number[0], ==, 100);
  assert_valid (rules);

  /* … to between (high at least low) … */
  g_assert_true (li_rules_set_fit_op (rules, 0, LI_FIT_BETWEEN));
  g_assert_cmpfloat (f->number[0], ==, 100);
  g_assert_cmpfloat (f->number[1], ==, 100);
  g_assert_true (li_rules_set_fit_range (rules, 0, 100, 250.5));
  assert_valid (rules);

  /* … and back to text. */
  g_assert_true (li_rules_set_fit_op (rules, 0, LI_FIT_NOT_IN));
  assert_strv (f->values, "100|250.5");
  g_clear_pointer (&text, g_free);
  text = li_fit_rule_dup_text (f);
  g_assert_cmpstr (text, ==, "100, 250.5");
  assert_valid (rules);

  /* Two numbers of a list become both bounds. */
  f->number[0] = f->number[1] = 0;
  g_assert_true (li_rules_set_fit_op (rules, 0, LI_FIT_LT));
  g_assert_null (f->values);
  g_assert_cmpfloat (f->number[0], ==, 100);
  g_assert_cmpfloat (f->number[1], ==, 250.5);

  g_assert_true (li_rules_set_fit_op (rules, 0, LI_FIT_MISSING));
  g_assert_null (f->values);
  g_clear_pointer (&text, g_free);
  text = li_fit_rule_dup_text (f);
  g_assert_cmpstr (text, ==, "");
  assert_valid (rules);

  /* The same operator again changes nothing. */
  g_assert_true (li_rules_set_fit_op (rules, 0, LI_FIT_MISSING));
  g_assert_null (f->values);

  /* An empty list gives an empty value. */
  g_assert_true (li_rules_set_fit_op (rules, 0, LI_FIT_IN));
  g_assert_true (li_rules_set_fit_text (rules, 0, " , "));
  g_assert_null (f->values);
  g_assert_true (li_rules_set_fit_op (rules, 0, LI_FIT_NE));
  assert_strv (f->values, "");

  ASSERT_REFUSED (rules, li_rules_set_fit_op (rules, 1, LI_FIT_EQ));
  ASSERT_REFUSED (rules, li_rules_set_fit_op (rules, 0, LI_FIT_MISSING + 1));
}

/* Each value edit only applies to the operators that have that value. */
static void
test_fit_values (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();
  LiFitRule *f;

  li_rules_append_fit (rules, "budget");
  f = &rules->fit[0];

  g_assert_false (li_rules_set_fit_text (rules, 0, "x"));
  g_assert_false (li_rules_set_fit_number (rules, 0, 1));
  g_assert_false (li_rules_set_fit_range (rules, 0, 1, 2));
  g_assert_null (f->values);

  li_rules_set_fit_op (rules, 0, LI_FIT_GT);
  g_assert_true (li_rules_set_fit_number (rules, 0, 0.125));
  g_assert_cmpfloat (f->number[0], ==, 0.125);
  g_assert_false (li_rules_set_fit_text (rules, 0, "x"));
  g_assert_false (li_rules_set_fit_range (rules, 0, 1, 2));
  g_assert_cmpfloat (f->number[0], ==, 0.125);
  assert_valid (rules);

  li_rules_set_fit_op (rules, 0, LI_FIT_BETWEEN);
  g_assert_true (li_rules_set_fit_range (rules, 0, -1, 2));
  g_assert_cmpfloat (f->number[0], ==, -1);
  g_assert_cmpfloat (f->number[1], ==, 2);
  g_assert_false (li_rules_set_fit_number (rules, 0, 5));
  g_assert_cmpfloat (f->number[0], ==, -1);
  assert_valid (rules);

  li_rules_set_fit_op (rules, 0, LI_FIT_EQ);
  g_assert_true (li_rules_set_fit_text (rules, 0, " a, b "));
  assert_strv (f->values, "a, b");
  g_assert_false (li_rules_set_fit_number (rules, 0, 5));
  assert_valid (rules);

  ASSERT_REFUSED (rules, li_rules_set_fit_text (rules, 1, "x"));
  ASSERT_REFUSED (rules, li_rules_set_fit_number (rules, 1, 1));
  ASSERT_REFUSED (rules, li_rules_set_fit_range (rules, 1, 1, 2));
}

static void
test_fit_op_kinds (void)
{
  for (LiFitOp op = LI_FIT_EQ; op <= LI_FIT_MISSING; op++)
    {
      g_assert_cmpint (li_fit_op_is_numeric (op), ==,
                       op == LI_FIT_GT || op == LI_FIT_GTE || op == LI_FIT_LT || op == LI_FIT_LTE);
      g_assert_cmpint (li_fit_op_is_list (op), ==, op == LI_FIT_IN || op == LI_FIT_NOT_IN);
    }
}

static void
test_stage_insert (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  guint i;

  /* A new stage goes just above the catch-all, at half the score above it. */
  i = li_rules_insert_stage (rules);
  g_assert_cmpuint (i, ==, 2);
  g_assert_cmpuint (rules->n_stages, ==, 4);
  g_assert_cmpstr (rules->stages[2].name, ==, "new stage");
  g_assert_true (rules->stages[2].has_min_score);
  g_assert_cmpfloat (rules->stages[2].min_score, ==, 15);
  g_assert_cmpstr (rules->stages[3].name, ==, "cold");
  assert_valid (rules);

  i = li_rules_insert_stage (rules);
  g_assert_cmpuint (i, ==, 3);
  g_assert_cmpstr (rules->stages[3].name, ==, "new stage 2");
  g_assert_cmpfloat (rules->stages[3].min_score, ==, 7);
  assert_valid (rules);

  /* Only the catch-all left: 10 points. */
  while (rules->n_stages > 1)
    g_assert_true (li_rules_remove_stage (rules, 0));
  i = li_rules_insert_stage (rules);
  g_assert_cmpuint (i, ==, 0);
  g_assert_cmpstr (rules->stages[0].name, ==, "new stage");
  g_assert_cmpfloat (rules->stages[0].min_score, ==, 10);
  g_assert_cmpstr (rules->stages[1].name, ==, "cold");
  assert_valid (rules);

  /* No stages at all: a catch-all. */
  for (guint s = 0; s < rules->n_stages; s++)
    li_stage_clear (&rules->stages[s]);
  rules->n_stages = 0;
  i = li_rules_insert_stage (rules);
  g_assert_cmpuint (i, ==, 0);
  g_assert_cmpuint (rules->n_stages, ==, 1);
  g_assert_cmpstr (rules->stages[0].name, ==, "cold");
  g_assert_false (rules->stages[0].has_min_score);
  assert_valid (rules);
}

static void
test_stage_move_remove (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);

  li_rules_insert_stage (rules);
  li_rules_insert_stage (rules);
  /* hot, warm, new stage, new stage 2, cold */

  g_assert_false (li_rules_can_move_stage (rules, 0, -1));
  g_assert_true (li_rules_can_move_stage (rules, 0, 1));
  g_assert_true (li_rules_can_move_stage (rules, 1, 2));
  g_assert_false (li_rules_can_move_stage (rules, 1, 0));
  g_assert_false (li_rules_can_move_stage (rules, 3, 1));
  g_assert_false (li_rules_can_move_stage (rules, 4, -1));
  g_assert_false (li_rules_can_move_stage (rules, 5, -1));

  g_assert_true (li_rules_move_stage (rules, 0, 2));
  g_assert_cmpstr (rules->stages[0].name, ==, "warm");
  g_assert_cmpstr (rules->stages[1].name, ==, "new stage");
  g_assert_cmpstr (rules->stages[2].name, ==, "hot");
  g_assert_cmpstr (rules->stages[3].name, ==, "new stage 2");
  g_assert_true (li_rules_move_stage (rules, 3, -3));
  g_assert_cmpstr (rules->stages[0].name, ==, "new stage 2");
  g_assert_cmpstr (rules->stages[1].name, ==, "warm");
  g_assert_cmpstr (rules->stages[4].name, ==, "cold");
  g_assert_false (li_rules_move_stage (rules, 4, -1));
  g_assert_false (li_rules_move_stage (rules, 0, -1));
  g_assert_cmpstr (rules->stages[0].name, ==, "new stage 2");
  assert_valid (rules);

  /* The catch-all cannot be removed. */
  g_assert_false (li_rules_can_remove_stage (rules, 4));
  g_assert_false (li_rules_remove_stage (rules, 4));
  g_assert_false (li_rules_remove_stage (rules, 5));
  g_assert_true (li_rules_can_remove_stage (rules, 2));
  g_assert_true (li_rules_remove_stage (rules, 2));
  g_assert_cmpuint (rules->n_stages, ==, 4);
  g_assert_cmpstr (rules->stages[2].name, ==, "hot");
  g_assert_cmpstr (rules->stages[3].name, ==, "cold");
  assert_valid (rules);
}

static void
test_stage_fields (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  LiStage *s = rules->stages;

  g_assert_true (li_rules_stage_name_is_bad (rules, 0, "warm"));
  g_assert_true (li_rules_stage_name_is_bad (rules, 0, " warm "));
  g_assert_true (li_rules_stage_name_is_bad (rules, 0, " "));
  g_assert_true (li_rules_stage_name_is_bad (rules, 0, NULL));
  g_assert_false (li_rules_stage_name_is_bad (rules, 0, "hot"));
  g_assert_false (li_rules_stage_name_is_bad (rules, 1, "lukewarm"));

  /* Any name is taken, also a bad one: the row marks it. */
  g_assert_true (li_rules_set_stage_name (rules, 1, " lukewarm "));
  g_assert_cmpstr (s[1].name, ==, "lukewarm");
  g_assert_true (li_rules_set_stage_name (rules, 1, "hot"));
  g_assert_cmpstr (s[1].name, ==, "hot");
  g_assert_true (li_rules_stage_name_is_bad (rules, 0, s[0].name));
  g_assert_true (li_rules_set_stage_name (rules, 1, "warm"));

  g_assert_true (li_rules_set_stage_channel (rules, 0, " phone "));
  g_assert_cmpstr (s[0].channel, ==, "phone");
  g_assert_true (li_rules_set_stage_channel (rules, 1, " "));
  g_assert_null (s[1].channel);

  g_assert_true (li_rules_set_stage_min_score (rules, 0, TRUE, 65.5));
  g_assert_true (s[0].has_min_score);
  g_assert_cmpfloat (s[0].min_score, ==, 65.5);
  g_assert_true (li_rules_set_stage_min_intent (rules, 0, TRUE, 20));
  g_assert_true (s[0].has_min_intent);
  g_assert_cmpfloat (s[0].min_intent, ==, 20);
  g_assert_true (li_rules_set_stage_min_fit (rules, 0, TRUE, 10));
  g_assert_true (s[0].has_min_fit);
  g_assert_cmpfloat (s[0].min_fit, ==, 10);
  g_assert_true (li_rules_set_stage_follow_up (rules, 0, TRUE, 15));
  g_assert_true (s[0].has_follow_up);
  g_assert_cmpfloat (s[0].follow_up_minutes, ==, 15);
  assert_valid (rules);

  /* Unset values are 0. */
  g_assert_true (li_rules_set_stage_min_score (rules, 1, FALSE, 99));
  g_assert_false (s[1].has_min_score);
  g_assert_cmpfloat (s[1].min_score, ==, 0);
  g_assert_true (li_rules_set_stage_min_intent (rules, 0, FALSE, 99));
  g_assert_false (s[0].has_min_intent);
  g_assert_cmpfloat (s[0].min_intent, ==, 0);
  g_assert_true (li_rules_set_stage_min_fit (rules, 0, FALSE, 99));
  g_assert_cmpfloat (s[0].min_fit, ==, 0);
  g_assert_true (li_rules_set_stage_follow_up (rules, 0, FALSE, 99));
  g_assert_false (s[0].has_follow_up);
  g_assert_cmpfloat (s[0].follow_up_minutes, ==, 0);
  assert_valid (rules);

  ASSERT_REFUSED (rules, li_rules_set_stage_name (rules, 3, "x"));
  ASSERT_REFUSED (rules, li_rules_set_stage_channel (rules, 3, "x"));
  ASSERT_REFUSED (rules, li_rules_set_stage_min_score (rules, 3, TRUE, 1));
  ASSERT_REFUSED (rules, li_rules_set_stage_min_intent (rules, 3, TRUE, 1));
  ASSERT_REFUSED (rules, li_rules_set_stage_min_fit (rules, 3, TRUE, 1));
  ASSERT_REFUSED (rules, li_rules_set_stage_follow_up (rules, 3, TRUE, 1));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/rules-edit/lists", test_lists);
  g_test_add_func ("/engine/rules-edit/general", test_general);
  g_test_add_func ("/engine/rules-edit/decay", test_decay);
  g_test_add_func ("/engine/rules-edit/intent/append-remove", test_intent_append_remove);
  g_test_add_func ("/engine/rules-edit/intent/points", test_intent_points);
  g_test_add_func ("/engine/rules-edit/intent/cap-decay", test_intent_cap_decay);
  g_test_add_func ("/engine/rules-edit/intent/where", test_intent_where);
  g_test_add_func ("/engine/rules-edit/intent/where-more", test_intent_where_more);
  g_test_add_func ("/engine/rules-edit/patterns/append", test_pattern_append);
  g_test_add_func ("/engine/rules-edit/patterns/kind", test_pattern_kind);
  g_test_add_func ("/engine/rules-edit/patterns/fields", test_pattern_fields);
  g_test_add_func ("/engine/rules-edit/fit/append-remove", test_fit_append_remove);
  g_test_add_func ("/engine/rules-edit/fit/op", test_fit_op);
  g_test_add_func ("/engine/rules-edit/fit/values", test_fit_values);
  g_test_add_func ("/engine/rules-edit/fit/op-kinds", test_fit_op_kinds);
  g_test_add_func ("/engine/rules-edit/stages/insert", test_stage_insert);
  g_test_add_func ("/engine/rules-edit/stages/move-remove", test_stage_move_remove);
  g_test_add_func ("/engine/rules-edit/stages/fields", test_stage_fields);

  return g_test_run ();
}
