/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rule editor logic that needs no display: the intent rows made from the
 * data and the rules, and the texts and menus of the rows.  The edits the
 * rows apply to a LiRules are tested in tests/test-rules-edit.c. */
#include "config.h"

#include <locale.h>

#include "li-data-names.h"
#include "li-editor-widgets.h"
#include "li-intent-slots.h"
#include "li-rules-edit.h"
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
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) li_data_name_free);

  add_name (names, "b", 5);
  add_name (names, "a", 5);
  add_name (names, "c", 100);
  li_data_names_sort (names);

  g_assert_cmpstr (((LiDataName *) names->pdata[0])->name, ==, "c");
  g_assert_cmpstr (((LiDataName *) names->pdata[1])->name, ==, "a");
  g_assert_cmpstr (((LiDataName *) names->pdata[2])->name, ==, "b");

  g_clear_pointer (&names, g_ptr_array_unref);
  names = li_data_names_from_store (NULL);
  g_assert_cmpuint (names->len, ==, 0);
}

static void
test_intent_slots (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) li_data_name_free);
  g_autoptr(GArray) slots = NULL;
  g_autoptr(GArray) again = NULL;

  add_name (names, "product_view", 17055);
  add_name (names, "email_click", 300);
  add_name (names, "purchase", 192);
  add_name (names, "search", 50);
  add_name (names, "add_to_cart", 165);
  li_data_names_sort (names);

  slots = li_intent_slots_build (names, rules, 100);

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
  li_rules_append_intent (rules, "search", 3);
  again = li_intent_slots_build (names, rules, 100);
  g_assert_true (li_intent_slots_same_rows (slots, again));
  g_assert_cmpint (slot_at (again, 4)->rule, ==, 5);

  /* A new event is a new row. */
  g_clear_pointer (&again, g_array_unref);
  li_rules_append_intent (rules, "coupon", 3);
  again = li_intent_slots_build (names, rules, 100);
  g_assert_false (li_intent_slots_same_rows (slots, again));
  g_assert_cmpuint (again->len, ==, 7);

  /* The placeholder limit leaves out the rarest names, never rules. */
  g_clear_pointer (&again, g_array_unref);
  li_rules_remove_intent (rules, 5);
  again = li_intent_slots_build (names, rules, 0);
  g_assert_cmpuint (again->len, ==, 6);
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpint (slot_at (again, i)->rule, >=, 0);

  /* Without data: only the rules, in rule order grouped by event. */
  g_clear_pointer (&again, g_array_unref);
  again = li_intent_slots_build (NULL, rules, 100);
  g_assert_cmpuint (again->len, ==, rules->n_intent);
  g_assert_cmpstr (slot_at (again, 0)->event, ==, "add_to_cart");
  g_assert_cmpstr (slot_at (again, 1)->event, ==, "email_click");
  g_assert_cmpstr (slot_at (again, 2)->event, ==, "email_click");
  g_assert_cmpint (slot_at (again, 2)->rule, ==, 3);
  g_assert_cmpstr (slot_at (again, 3)->event, ==, "product_view");
  g_assert_false (slot_at (again, 0)->in_data);
}

/* Rows are found by event and rule, and renumbered when a rule goes. */
static void
test_intent_slot_lookup (void)
{
  g_autoptr(LiRules) rules = parse (base_rules);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) li_data_name_free);
  g_autoptr(GArray) slots = NULL;
  g_autofree char *key = NULL;

  add_name (names, "email_click", 300);
  add_name (names, "search", 50);
  slots = li_intent_slots_build (names, rules, 100);
  /* email_click (1), email_click (3), search (-1), add_to_cart (0),
   * product_view (2), webinar (4) */
  g_assert_cmpuint (slots->len, ==, 6);

  key = li_intent_slots_dup_key (slots, 1);
  g_assert_cmpstr (key, ==, "email_click\0371");
  g_clear_pointer (&key, g_free);
  key = li_intent_slots_dup_key (slots, 2);
  g_assert_cmpstr (key, ==, "search\0370");

  g_assert_cmpuint (li_intent_slots_count_event (slots, "email_click"), ==, 2);
  g_assert_cmpuint (li_intent_slots_count_event (slots, "search"), ==, 1);
  g_assert_cmpuint (li_intent_slots_count_event (slots, "coupon"), ==, 0);

  g_assert_cmpint (li_intent_slots_find_placeholder (slots, "search"), ==, 2);
  g_assert_cmpint (li_intent_slots_find_placeholder (slots, "email_click"), ==, -1);
  g_assert_cmpint (li_intent_slots_find_rule (slots, 3), ==, 1);
  g_assert_cmpint (li_intent_slots_find_rule (slots, 4), ==, 5);
  g_assert_cmpint (li_intent_slots_find_rule (slots, 5), ==, -1);

  /* Rule 1 goes: its row is a placeholder, the later rules move up. */
  li_intent_slots_rule_removed (slots, 1);
  g_assert_cmpint (slot_at (slots, 0)->rule, ==, -1);
  g_assert_cmpint (slot_at (slots, 1)->rule, ==, 2);
  g_assert_cmpint (slot_at (slots, 2)->rule, ==, -1);
  g_assert_cmpint (slot_at (slots, 3)->rule, ==, 0);
  g_assert_cmpint (slot_at (slots, 4)->rule, ==, 1);
  g_assert_cmpint (slot_at (slots, 5)->rule, ==, 3);
  g_assert_cmpint (li_intent_slots_find_placeholder (slots, "email_click"), ==, 0);
}

static void
assert_note (const char *event,
             guint64     count,
             gboolean    in_data,
             gboolean    has_data,
             const char *expected)
{
  LiIntentSlot slot = { (char *) event, -1, count, in_data };
  g_autofree char *note = li_intent_slot_dup_note (&slot, has_data);

  g_assert_cmpstr (note, ==, expected);
}

static void
test_intent_slot_note (void)
{
  assert_note ("product_view", 17055, TRUE, TRUE, "17,055 events");
  assert_note ("search", 1, TRUE, TRUE, "1 event");
  assert_note ("search", 1234567, TRUE, TRUE, "1,234,567 events");
  assert_note ("webinar", 0, FALSE, TRUE, "not in data");
  assert_note ("webinar", 0, FALSE, FALSE, NULL);
}

static void
test_string_menu (void)
{
  const char *items[] = { "add_to_cart", "page_view", NULL };
  g_autoptr(GMenuModel) menu = li_editor_string_menu_new (items, "row.pick");
  g_autoptr(GMenuModel) empty = li_editor_string_menu_new (NULL, "row.pick");
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
  g_test_add_func ("/rule-editor/intent/slot-lookup", test_intent_slot_lookup);
  g_test_add_func ("/rule-editor/intent/slot-note", test_intent_slot_note);
  g_test_add_func ("/rule-editor/string-menu", test_string_menu);

  return g_test_run ();
}
