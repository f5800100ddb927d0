/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rule editor logic that needs no display: the intent rows made from the
 * data and the rules, and every edit the rows apply to a LiRules. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "li-rule-editor-private.h"
#include "li-rules-parse.h"
#include "li-rules-validate.h"
#include "li-rules-write.h"
#include "li-problem.h"

static LiRules *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_data (json, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* Validates and round-trips through the file format: every edit must leave
 * rules the engine accepts and writes back unchanged. */
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
add_name (GPtrArray  *names,
          const char *name,
          guint64     count)
{
  LiDataName *n = g_new0 (LiDataName, 1);

  n->name = g_strdup (name);
  n->count = count;
  g_ptr_array_add (names, n);
}

static const LiIntentSlot *
slot_at (GArray *slots,
         guint   i)
{
  g_assert_cmpuint (i, <, slots->len);
  return &g_array_index (slots, LiIntentSlot, i);
}

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

static void
test_data_names_sort (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) _li_data_name_free);

  add_name (names, "b", 5);
  add_name (names, "a", 5);
  add_name (names, "c", 100);
  _li_data_names_sort (names);

  g_assert_cmpstr (((LiDataName *) names->pdata[0])->name, ==, "c");
  g_assert_cmpstr (((LiDataName *) names->pdata[1])->name, ==, "a");
  g_assert_cmpstr (((LiDataName *) names->pdata[2])->name, ==, "b");

  g_clear_pointer (&names, g_ptr_array_unref);
  names = _li_data_names_from_store (NULL);
  g_assert_cmpuint (names->len, ==, 0);
}

static void
test_intent_slots (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) _li_data_name_free);
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GArray) again = NULL;

  add_name (names, "product_view", 17055);
  add_name (names, "email_click", 300);
  add_name (names, "purchase", 192);
  add_name (names, "search", 50);
  add_name (names, "add_to_cart", 165);
  _li_data_names_sort (names);

  slots = _li_intent_slots_build (names, rules, 100);

  /* Data names by count; two rows for email_click (rule order); a
   * placeholder for search; none for the outcome; then webinar. */
  g_assert_cmpuint (slots->len, ==, 6);
  g_assert_cmpstr (slot_at (slots, 0)->event, ==, "product_view");
  g_assert_cmpint (slot_at (slots, 0)->rule, ==, 2);
  g_assert_cmpuint (slot_at (slots, 0)->count, ==, 17055);
  g_assert_true (slot_at (slots, 0)->in_data);
  g_assert_cmpstr (slot_at (slots, 1)->event, ==, "email_click");
  g_assert_cmpint (slot_at (slots, 1)->rule, ==, 1);
  g_assert_cmpstr (slot_at (slots, 2)->event, ==, "email_click");
  g_assert_cmpint (slot_at (slots, 2)->rule, ==, 3);
  g_assert_cmpstr (slot_at (slots, 3)->event, ==, "add_to_cart");
  g_assert_cmpint (slot_at (slots, 3)->rule, ==, 0);
  g_assert_cmpstr (slot_at (slots, 4)->event, ==, "search");
  g_assert_cmpint (slot_at (slots, 4)->rule, ==, -1);
  g_assert_cmpstr (slot_at (slots, 5)->event, ==, "webinar");
  g_assert_cmpint (slot_at (slots, 5)->rule, ==, 4);
  g_assert_false (slot_at (slots, 5)->in_data);

  /* A placeholder that gets a rule keeps the same rows: rebind, no rebuild. */
  _li_rules_append_intent (rules, "search", 3);
  again = _li_intent_slots_build (names, rules, 100);
  g_assert_true (_li_intent_slots_same_rows (slots, again));
  g_assert_cmpint (slot_at (again, 4)->rule, ==, 5);

  /* A new event is a new row. */
  g_clear_pointer (&again, g_array_unref);
  _li_rules_append_intent (rules, "coupon", 3);
  again = _li_intent_slots_build (names, rules, 100);
  g_assert_false (_li_intent_slots_same_rows (slots, again));
  g_assert_cmpuint (again->len, ==, 7);

  /* The placeholder limit leaves out the rarest names, never rules. */
  g_clear_pointer (&again, g_array_unref);
  _li_rules_remove_intent (rules, 5);
  again = _li_intent_slots_build (names, rules, 0);
  g_assert_cmpuint (again->len, ==, 6);
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpint (slot_at (again, i)->rule, >=, 0);

  /* Without data: only the rules, in rule order grouped by event. */
  g_clear_pointer (&again, g_array_unref);
  again = _li_intent_slots_build (NULL, rules, 100);
  g_assert_cmpuint (again->len, ==, rules->n_intent);
  g_assert_cmpstr (slot_at (again, 0)->event, ==, "add_to_cart");
  g_assert_cmpstr (slot_at (again, 1)->event, ==, "email_click");
  g_assert_cmpstr (slot_at (again, 2)->event, ==, "email_click");
  g_assert_cmpint (slot_at (again, 2)->rule, ==, 3);
  g_assert_cmpstr (slot_at (again, 3)->event, ==, "product_view");
  g_assert_false (slot_at (again, 0)->in_data);
}

static void
test_intent_points (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  int removed;
  int rule;

  /* A placeholder at 0 stays without a rule. */
  rule = _li_rules_set_intent_points (rules, -1, "search", 0, TRUE, &removed);
  g_assert_cmpint (rule, ==, -1);
  g_assert_cmpint (removed, ==, -1);
  g_assert_cmpuint (rules->n_intent, ==, 5);

  /* Points make a rule … */
  rule = _li_rules_set_intent_points (rules, -1, "search", 2.5, TRUE, &removed);
  g_assert_cmpint (rule, ==, 5);
  g_assert_cmpuint (rules->n_intent, ==, 6);
  g_assert_cmpstr (rules->intent[5].event, ==, "search");
  g_assert_cmpfloat (rules->intent[5].points, ==, 2.5);
  assert_valid (rules);

  /* … and 0 drops a plain one again. */
  rule = _li_rules_set_intent_points (rules, 5, "search", 0, TRUE, &removed);
  g_assert_cmpint (rule, ==, -1);
  g_assert_cmpint (removed, ==, 5);
  g_assert_cmpuint (rules->n_intent, ==, 5);

  /* A rule with a cap (or a filter) keeps its settings at 0 points. */
  g_assert_false (_li_intent_rule_is_plain (&rules->intent[2]));
  rule = _li_rules_set_intent_points (rules, 2, "product_view", 0, TRUE, &removed);
  g_assert_cmpint (rule, ==, 2);
  g_assert_cmpint (removed, ==, -1);
  g_assert_cmpfloat (rules->intent[2].points, ==, 0);

  /* Not droppable (e.g. not in the data): kept at 0. */
  rule = _li_rules_set_intent_points (rules, 4, "webinar", 0, FALSE, &removed);
  g_assert_cmpint (rule, ==, 4);
  g_assert_cmpuint (rules->n_intent, ==, 5);

  /* Negative and fractional points. */
  rule = _li_rules_set_intent_points (rules, 0, "add_to_cart", -12.25, TRUE, &removed);
  g_assert_cmpfloat (rules->intent[0].points, ==, -12.25);
  assert_valid (rules);
}

static void
test_intent_where (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  LiIntentRule *rule = &rules->intent[0];

  g_assert_cmpuint (rule->n_where, ==, 0);

  /* Half typed: nothing changes. */
  g_assert_false (_li_intent_rule_set_where (rule, "link", ""));
  g_assert_false (_li_intent_rule_set_where (rule, " ", "a"));
  g_assert_cmpuint (rule->n_where, ==, 0);

  g_assert_true (_li_intent_rule_set_where (rule, " link ", "cart_recovery, product, "));
  g_assert_cmpuint (rule->n_where, ==, 1);
  g_assert_cmpstr (rule->where[0].key, ==, "link");
  g_assert_cmpuint (g_strv_length (rule->where[0].values), ==, 2);
  g_assert_cmpstr (rule->where[0].values[1], ==, "product");
  g_assert_false (_li_intent_rule_is_plain (rule));
  assert_valid (rules);

  g_assert_true (_li_intent_rule_set_where (rule, "channel", "email"));
  g_assert_cmpuint (rule->n_where, ==, 1);
  g_assert_cmpstr (rule->where[0].key, ==, "channel");

  g_assert_true (_li_intent_rule_set_where (rule, "", ""));
  g_assert_cmpuint (rule->n_where, ==, 0);
  g_assert_null (rule->where);
  g_assert_true (_li_intent_rule_is_plain (rule));
  assert_valid (rules);
}

static void
test_decay (void)
{
  LiDecay decay = { LI_DECAY_NONE, 0 };
  g_autofree char *summary = NULL;

  _li_decay_set_model (&decay, LI_DECAY_EXPONENTIAL);
  g_assert_cmpint (decay.model, ==, LI_DECAY_EXPONENTIAL);
  g_assert_cmpfloat (decay.days, ==, 7);

  summary = _li_decay_summary (&decay);
  g_assert_cmpstr (summary, ==, "1 d 0.91 · 7 d 0.50 · 30 d 0.05");

  decay.days = 3;
  _li_decay_set_model (&decay, LI_DECAY_WINDOW);
  g_assert_cmpfloat (decay.days, ==, 3);
  g_clear_pointer (&summary, g_free);
  summary = _li_decay_summary (&decay);
  g_assert_cmpstr (summary, ==, "1 d 1.00 · 7 d 0.00 · 30 d 0.00");

  _li_decay_set_model (&decay, LI_DECAY_NONE);
  g_clear_pointer (&summary, g_free);
  summary = _li_decay_summary (&decay);
  g_assert_cmpstr (summary, ==, "1 d 1.00 · 7 d 1.00 · 30 d 1.00");
}

static void
test_patterns (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();
  g_autofree char *summary = NULL;
  LiPattern *p;

  for (LiPatternKind kind = LI_PATTERN_REPEAT_PRODUCT; kind <= LI_PATTERN_RETURN_DAYS; kind++)
    g_assert_cmpuint (_li_rules_append_pattern (rules, kind), ==, kind);
  g_assert_cmpuint (rules->n_patterns, ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_true (rules->patterns[i].enabled);
  assert_valid (rules);

  p = &rules->patterns[0];
  summary = _li_pattern_summary (p);
  g_assert_cmpstr (summary, ==, "3 views of one product within 72 h");

  /* Kind changes fill the new kind's fields and keep the old ones. */
  _li_pattern_set_kind (p, LI_PATTERN_RETURN_DAYS);
  g_assert_cmpuint (p->min_days, ==, 3);
  g_assert_cmpfloat (p->within_days, ==, 7);
  g_assert_cmpuint (p->min_count, ==, 3);
  assert_valid (rules);
  _li_pattern_set_kind (p, LI_PATTERN_SEQUENCE);
  g_assert_cmpuint (g_strv_length (p->events), ==, 2);
  g_assert_cmpfloat (p->within_hours, ==, 72);
  assert_valid (rules);

  g_assert_false (_li_pattern_set_events_text (p, "add_to_cart, "));
  g_assert_cmpuint (g_strv_length (p->events), ==, 2);
  g_assert_true (_li_pattern_set_events_text (p, "add_to_cart, shipping_check,checkout_start"));
  g_assert_cmpuint (g_strv_length (p->events), ==, 3);
  g_assert_cmpstr (p->events[1], ==, "shipping_check");
  g_clear_pointer (&summary, g_free);
  summary = _li_pattern_summary (p);
  g_assert_cmpstr (summary, ==, "add_to_cart → shipping_check → checkout_start within 72 h");

  /* Switched off: kept in the file. */
  p->enabled = FALSE;
  assert_valid (rules);

  _li_rules_remove_pattern (rules, 0);
  g_assert_cmpuint (rules->n_patterns, ==, 3);
  g_assert_cmpint (rules->patterns[0].kind, ==, LI_PATTERN_CATEGORY_FOCUS);
  assert_valid (rules);
}

static void
test_fit (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  LiFitRule *f;

  g_assert_cmpuint (_li_rules_append_fit (rules, NULL), ==, 0);
  f = &rules->fit[0];
  g_assert_cmpstr (f->attribute, ==, "country");
  g_assert_cmpint (f->op, ==, LI_FIT_EXISTS);
  assert_valid (rules);

  _li_fit_rule_set_op (f, LI_FIT_IN);
  _li_fit_rule_set_text (f, "US, CA,");
  g_assert_cmpuint (g_strv_length (f->values), ==, 2);
  text = _li_fit_rule_dup_text (f);
  g_assert_cmpstr (text, ==, "US, CA");
  summary = _li_fit_rule_summary (f);
  g_assert_cmpstr (summary, ==, "country is one of US, CA");
  assert_valid (rules);

  /* in → eq keeps the first value. */
  _li_fit_rule_set_op (f, LI_FIT_EQ);
  g_assert_cmpuint (g_strv_length (f->values), ==, 1);
  g_assert_cmpstr (f->values[0], ==, "US");
  assert_valid (rules);

  /* A number carries over to numeric operators and back. */
  g_free (f->attribute);
  f->attribute = g_strdup ("budget");
  _li_fit_rule_set_text (f, "100");
  _li_fit_rule_set_op (f, LI_FIT_GTE);
  g_assert_null (f->values);
  g_assert_cmpfloat (f->number[0], ==, 100);
  g_clear_pointer (&summary, g_free);
  summary = _li_fit_rule_summary (f);
  g_assert_cmpstr (summary, ==, "budget ≥ 100");
  assert_valid (rules);

  _li_fit_rule_set_op (f, LI_FIT_BETWEEN);
  g_assert_cmpfloat (f->number[1], >=, f->number[0]);
  f->number[1] = 250.5;
  assert_valid (rules);

  _li_fit_rule_set_op (f, LI_FIT_NOT_IN);
  g_clear_pointer (&text, g_free);
  text = _li_fit_rule_dup_text (f);
  g_assert_cmpstr (text, ==, "100, 250.5");

  _li_fit_rule_set_op (f, LI_FIT_MISSING);
  g_assert_null (f->values);
  assert_valid (rules);

  g_assert_true (_li_fit_op_is_numeric (LI_FIT_LT));
  g_assert_false (_li_fit_op_is_numeric (LI_FIT_BETWEEN));
  g_assert_true (_li_fit_op_is_list (LI_FIT_NOT_IN));

  _li_rules_remove_fit (rules, 0);
  g_assert_cmpuint (rules->n_fit, ==, 0);
  assert_valid (rules);
}

static void
test_stages (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  g_autofree char *summary = NULL;
  guint i;

  /* A new stage goes just above the catch-all, with a unique name. */
  i = _li_rules_insert_stage (rules);
  g_assert_cmpuint (i, ==, 2);
  g_assert_cmpuint (rules->n_stages, ==, 4);
  g_assert_cmpstr (rules->stages[2].name, ==, "new stage");
  g_assert_true (rules->stages[2].has_min_score);
  g_assert_cmpfloat (rules->stages[2].min_score, ==, 15);
  g_assert_cmpstr (rules->stages[3].name, ==, "cold");
  assert_valid (rules);
  i = _li_rules_insert_stage (rules);
  g_assert_cmpstr (rules->stages[i].name, ==, "new stage 2");
  assert_valid (rules);

  /* Moves stay above the catch-all. */
  g_assert_false (_li_rules_can_move_stage (rules, 0, -1));
  g_assert_true (_li_rules_can_move_stage (rules, 0, 1));
  g_assert_false (_li_rules_can_move_stage (rules, 3, 1));
  g_assert_false (_li_rules_can_move_stage (rules, 4, -1));
  g_assert_true (_li_rules_move_stage (rules, 0, 1));
  g_assert_cmpstr (rules->stages[0].name, ==, "warm");
  g_assert_cmpstr (rules->stages[1].name, ==, "hot");
  g_assert_false (_li_rules_move_stage (rules, 4, -1));
  assert_valid (rules);

  /* The catch-all cannot be removed. */
  g_assert_false (_li_rules_can_remove_stage (rules, 4));
  g_assert_false (_li_rules_remove_stage (rules, 4));
  g_assert_true (_li_rules_remove_stage (rules, 2));
  g_assert_cmpuint (rules->n_stages, ==, 4);
  g_assert_cmpstr (rules->stages[3].name, ==, "cold");
  assert_valid (rules);

  g_assert_true (_li_stage_name_is_bad (rules, 0, "hot"));
  g_assert_true (_li_stage_name_is_bad (rules, 0, " "));
  g_assert_false (_li_stage_name_is_bad (rules, 1, "hot"));
  g_assert_false (_li_stage_name_is_bad (rules, 0, "lukewarm"));

  rules->stages[1].channel = g_strdup ("phone");
  rules->stages[1].has_follow_up = TRUE;
  rules->stages[1].follow_up_minutes = 15;
  summary = _li_stage_summary (&rules->stages[1], FALSE);
  g_assert_cmpstr (summary, ==, "score ≥ 60 · phone within 15 min");
  g_clear_pointer (&summary, g_free);
  rules->stages[1].follow_up_minutes = 480;
  summary = _li_stage_summary (&rules->stages[1], FALSE);
  g_assert_cmpstr (summary, ==, "score ≥ 60 · phone within 8 h");
  g_clear_pointer (&summary, g_free);
  summary = _li_stage_summary (&rules->stages[3], TRUE);
  g_assert_cmpstr (summary, ==, "every other lead");

  /* Only the catch-all left: a new stage still goes above it. */
  while (rules->n_stages > 1)
    g_assert_true (_li_rules_remove_stage (rules, 0));
  i = _li_rules_insert_stage (rules);
  g_assert_cmpuint (i, ==, 0);
  g_assert_cmpfloat (rules->stages[0].min_score, ==, 10);
  assert_valid (rules);
}

static void
test_text_helpers (void)
{
  g_auto(GStrv) list = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *count = NULL;
  g_autofree char *value = NULL;

  list = _li_split_list (" a, ,b ,c,");
  g_assert_cmpuint (g_strv_length (list), ==, 3);
  g_assert_cmpstr (list[0], ==, "a");
  g_assert_cmpstr (list[2], ==, "c");
  joined = _li_join_list ((const char * const *) list);
  g_assert_cmpstr (joined, ==, "a, b, c");
  g_clear_pointer (&list, g_strfreev);
  list = _li_split_list (" , ");
  g_assert_null (list);
  g_assert_null (_li_split_list (NULL));

  count = _li_format_event_count (17055);
  g_assert_cmpstr (count, ==, "17,055 events");
  g_clear_pointer (&count, g_free);
  count = _li_format_event_count (1);
  g_assert_cmpstr (count, ==, "1 event");
  g_clear_pointer (&count, g_free);
  count = _li_format_event_count (1234567);
  g_assert_cmpstr (count, ==, "1,234,567 events");

  value = _li_format_value (2.5, 2);
  g_assert_cmpstr (value, ==, "2.5");
  g_clear_pointer (&value, g_free);
  value = _li_format_value (-0.0, 2);
  g_assert_cmpstr (value, ==, "0");
  g_clear_pointer (&value, g_free);
  value = _li_format_value (1.0 / 3.0, 2);
  g_assert_cmpstr (value, ==, "0.33");
}

static void
test_string_menu (void)
{
  const char *items[] = { "add_to_cart", "page_view", NULL };
  g_autoptr(GMenuModel) menu = _li_string_menu_new (items, "row.pick");
  g_autoptr(GMenuModel) empty = _li_string_menu_new (NULL, "row.pick");
  g_autoptr(GVariant) target = NULL;
  g_autofree char *label = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_cmpint (g_menu_model_get_n_items (empty), ==, 0);
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "add__to__cart");
  target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "add_to_cart");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rule-editor/data-names/sort", test_data_names_sort);
  g_test_add_func ("/rule-editor/intent/slots", test_intent_slots);
  g_test_add_func ("/rule-editor/intent/points", test_intent_points);
  g_test_add_func ("/rule-editor/intent/where", test_intent_where);
  g_test_add_func ("/rule-editor/decay", test_decay);
  g_test_add_func ("/rule-editor/patterns", test_patterns);
  g_test_add_func ("/rule-editor/fit", test_fit);
  g_test_add_func ("/rule-editor/stages", test_stages);
  g_test_add_func ("/rule-editor/text-helpers", test_text_helpers);
  g_test_add_func ("/rule-editor/string-menu", test_string_menu);

  return g_test_run ();
}
