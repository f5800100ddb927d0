/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules-diff.c: the rule-level difference of two rule sets (SPEC 6). */

#include "config.h"

#include <string.h>

#include "li-rules-diff.h"
#include "li-rules-parse.h"
#include "li-json-writer.h"

static const char * const fixtures[] = {
  "gen-1-a.json", "gen-1-b.json", "gen-2-a.json", "gen-2-b.json", "gen-3-a.json",
  "gen-3-b.json", "gen-4-a.json", "gen-4-b.json", "gen-5-a.json", "gen-5-b.json",
  "example-input.leadrules.json", "diff-a.leadrules.json", "diff-b.leadrules.json",
};

static LiRules *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", name, NULL);
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

static LiRules *
load_doc (const char *text)
{
  g_autofree char *doc = g_strdup (text);
  g_autoptr(GError) error = NULL;
  LiRules *rules;

  g_strdelimit (doc, "'", '"');
  rules = li_rules_from_data (doc, -1, NULL, &error);
  g_assert_no_error (error);
  return rules;
}

static char *
changes_to_lines (GPtrArray *changes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = li_rule_change_to_string (g_ptr_array_index (changes, i));

      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_diff_identical (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(LiRules) rules = load_fixture (fixtures[i]);
      g_autoptr(LiRules) copy = li_rules_copy (rules);
      g_autoptr(GPtrArray) same = li_rules_diff (rules, rules);
      g_autoptr(GPtrArray) copied = li_rules_diff (rules, copy);
      g_autoptr(JsonNode) json = li_rule_changes_to_json (same);
      g_autofree char *text = li_json_to_string (json, FALSE);

      g_assert_cmpuint (same->len, ==, 0);
      g_assert_cmpuint (copied->len, ==, 0);
      g_assert_cmpstr (text, ==, "[]");
    }
}

static const char every_field_expected[] =
  "changed meta name: \"Spring A\" → \"Spring B\"\n"
  "changed meta description: \"before\" → (none)\n"
  "changed meta x_team: \"growth\" → \"sales\"\n"
  "changed outcome event: \"purchase\" → \"order_completed\"\n"
  "changed outcome window_days: 14 → 7\n"
  "changed decay model: \"exponential\" → \"linear\"\n"
  "changed decay half_life_days: 7 → (none)\n"
  "changed decay days: (none) → 10\n"
  "changed intent product_view points: 2 → 3\n"
  "changed intent product_view max_points: 12 → (none)\n"
  "changed intent add_to_cart max_points: (none) → 45\n"
  "changed intent add_to_cart decay: (none) → {\"model\": \"none\"}\n"
  "changed intent checkout_start decay: {\"model\": \"window\", \"days\": 3} → {\"model\": "
  "\"window\", \"days\": 5}\n"
  "removed intent email_click[link=cart_recovery|product]: {\"event\": \"email_click\", \"where\": "
  "{\"link\": [\"cart_recovery\", \"product\"]}, \"points\": 8}\n"
  "removed intent page_view #2: {\"event\": \"page_view\", \"points\": 0.5}\n"
  "changed intent search note: \"old\" → \"new\"\n"
  "added intent email_click[link=cart_recovery]: {\"event\": \"email_click\", \"where\": "
  "{\"link\": \"cart_recovery\"}, \"points\": 8}\n"
  "added intent purchase_intent_form: {\"event\": \"purchase_intent_form\", \"points\": 25}\n"
  "changed patterns repeat min_count: 3 → 4\n"
  "changed patterns repeat within_hours: 72 → 48\n"
  "changed patterns focus enabled: true → false\n"
  "changed patterns focus decay: (none) → {\"model\": \"window\", \"days\": 2}\n"
  "changed patterns seq events: [\"add_to_cart\", \"checkout_start\"] → [\"add_to_cart\", "
  "\"shipping_check\", \"checkout_start\"]\n"
  "changed patterns seq points: 20 → 25\n"
  "removed patterns days: {\"name\": \"days\", \"kind\": \"return_days\", \"min_days\": 3, "
  "\"within_days\": 7, \"points\": 6}\n"
  "changed patterns burst kind: \"repeat_product\" → \"category_focus\"\n"
  "changed patterns burst min_count: 2 → (none)\n"
  "changed patterns burst min_distinct: (none) → 2\n"
  "added patterns weekly: {\"name\": \"weekly\", \"kind\": \"return_days\", \"min_days\": 2, "
  "\"within_days\": 7, \"points\": 4}\n"
  "changed fit country in values: [\"US\", \"CA\"] → [\"US\", \"CA\", \"GB\"]\n"
  "changed fit country in points: 10 → 12\n"
  "changed fit budget gte value: 100 → 150\n"
  "removed fit size exists: {\"attribute\": \"size\", \"op\": \"exists\", \"points\": 1}\n"
  "changed fit shipping_zone eq value: \"unserviceable\" → \"none\"\n"
  "added fit size missing: {\"attribute\": \"size\", \"op\": \"missing\", \"points\": -1}\n"
  "changed stages hot min_score: 60 → 70\n"
  "changed stages hot follow_up_minutes: 15 → 10\n"
  "changed stages warm min_intent: (none) → 5\n"
  "changed stages warm channel: \"email\" → \"sms\"\n"
  "changed stages engaged→nurture name: \"engaged\" → \"nurture\"\n"
  "changed stages cold→lukewarm name: \"cold\" → \"lukewarm\"\n"
  "changed stages cold→lukewarm min_score: (none) → 1\n"
  "added stages cold: {\"name\": \"cold\"}\n";

static void
test_diff_every_field (void)
{
  g_autoptr(LiRules) a = load_fixture ("diff-a.leadrules.json");
  g_autoptr(LiRules) b = load_fixture ("diff-b.leadrules.json");
  g_autoptr(GPtrArray) changes = li_rules_diff (a, b);
  g_autofree char *lines = changes_to_lines (changes);
  const LiRuleChange *change;

  g_assert_cmpstr (lines, ==, every_field_expected);

  /* the structured form of a few */
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpint (change->action, ==, LI_CHANGE_CHANGED);
  g_assert_cmpstr (change->section, ==, "meta");
  g_assert_null (change->item);
  g_assert_cmpstr (change->field, ==, "name");
  g_assert_cmpstr (json_node_get_string (change->old_value), ==, "Spring A");
  g_assert_cmpstr (json_node_get_string (change->new_value), ==, "Spring B");

  change = g_ptr_array_index (changes, 8);
  g_assert_cmpstr (change->section, ==, "intent");
  g_assert_cmpstr (change->item, ==, "product_view");
  g_assert_cmpstr (change->field, ==, "points");
  g_assert_cmpint (json_node_get_int (change->old_value), ==, 2);
  g_assert_cmpint (json_node_get_int (change->new_value), ==, 3);

  change = g_ptr_array_index (changes, 13);
  g_assert_cmpint (change->action, ==, LI_CHANGE_REMOVED);
  g_assert_null (change->field);
  g_assert_null (change->new_value);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (change->old_value));

  change = g_ptr_array_index (changes, changes->len - 1);
  g_assert_cmpint (change->action, ==, LI_CHANGE_ADDED);
  g_assert_cmpstr (change->item, ==, "cold");
  g_assert_null (change->old_value);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (change->new_value));

  /* and back the other way: added and removed swap */
  {
    g_autoptr(GPtrArray) back = li_rules_diff (b, a);
    g_autofree char *back_lines = changes_to_lines (back);

    g_assert_cmpuint (back->len, >, 0);
    g_assert_nonnull (strstr (back_lines, "changed meta name: \"Spring B\" → \"Spring A\"\n"));
    g_assert_nonnull (strstr (back_lines, "removed stages cold: {\"name\": \"cold\"}\n"));
    g_assert_nonnull (strstr (back_lines, "added intent page_view #2: {\"event\": \"page_view\", "
                                          "\"points\": 0.5}\n"));
    g_assert_nonnull (strstr (back_lines, "changed patterns focus enabled: false → true\n"));
  }
}

static void
test_diff_json (void)
{
  g_autoptr(LiRules) a = load_doc ("{'format': 'lead-intent-rules', 'format_version': 1, "
                                   "'description': 'x', "
                                   "'intent': [{'event': 'a', 'points': 1}, {'event': 'b', "
                                   "'points': 2}], "
                                   "'stages': [{'name': 'hot', 'min_score': 5}, {'name': "
                                   "'cold'}]}");
  g_autoptr(LiRules) b = load_doc ("{'format': 'lead-intent-rules', 'format_version': 1, "
                                   "'intent': [{'event': 'a', 'points': 1.5}, {'event': 'c', "
                                   "'points': 2}], "
                                   "'stages': [{'name': 'cold'}]}");
  g_autoptr(GPtrArray) changes = li_rules_diff (a, b);
  g_autoptr(JsonNode) json = li_rule_changes_to_json (changes);
  g_autofree char *text = li_json_to_string (json, TRUE);

  g_assert_cmpstr (text, ==,
                   "[\n"
                   "  {\n"
                   "    \"action\": \"changed\",\n"
                   "    \"section\": \"meta\",\n"
                   "    \"field\": \"description\",\n"
                   "    \"old\": \"x\"\n"
                   "  },\n"
                   "  {\n"
                   "    \"action\": \"changed\",\n"
                   "    \"section\": \"intent\",\n"
                   "    \"item\": \"a\",\n"
                   "    \"field\": \"points\",\n"
                   "    \"old\": 1,\n"
                   "    \"new\": 1.5\n"
                   "  },\n"
                   "  {\n"
                   "    \"action\": \"removed\",\n"
                   "    \"section\": \"intent\",\n"
                   "    \"item\": \"b\",\n"
                   "    \"old\": {\n"
                   "      \"event\": \"b\",\n"
                   "      \"points\": 2\n"
                   "    }\n"
                   "  },\n"
                   "  {\n"
                   "    \"action\": \"added\",\n"
                   "    \"section\": \"intent\",\n"
                   "    \"item\": \"c\",\n"
                   "    \"new\": {\n"
                   "      \"event\": \"c\",\n"
                   "      \"points\": 2\n"
                   "    }\n"
                   "  },\n"
                   "  {\n"
                   "    \"action\": \"changed\",\n"
                   "    \"section\": \"stages\",\n"
                   "    \"item\": \"hot→cold\",\n"
                   "    \"field\": \"name\",\n"
                   "    \"old\": \"hot\",\n"
                   "    \"new\": \"cold\"\n"
                   "  },\n"
                   "  {\n"
                   "    \"action\": \"changed\",\n"
                   "    \"section\": \"stages\",\n"
                   "    \"item\": \"hot→cold\",\n"
                   "    \"field\": \"min_score\",\n"
                   "    \"old\": 5\n"
                   "  },\n"
                   "  {\n"
                   "    \"action\": \"removed\",\n"
                   "    \"section\": \"stages\",\n"
                   "    \"item\": \"cold\",\n"
                   "    \"old\": {\n"
                   "      \"name\": \"cold\"\n"
                   "    }\n"
                   "  }\n"
                   "]");

  /* the JSON holds its own nodes: it outlives the changes */
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  text = li_json_to_string (json, FALSE);
  g_assert_true (g_str_has_prefix (text, "[{\"action\": \"changed\", \"section\": \"meta\""));
}

static void
test_diff_identity (void)
{
  /* where: the order of properties and values does not matter */
  g_autoptr(LiRules) a = load_doc ("{'stages': [{'name': 'cold'}], 'intent': ["
                                   "{'event': 'email_click', 'where': {'link': ['x', 'y'], "
                                   "'channel': 'email'}, 'points': 1}, "
                                   "{'event': 'email_click', 'points': 2}, "
                                   "{'event': 'email_click', 'points': 3}], "
                                   "'fit': [{'attribute': 'a', 'op': 'eq', 'value': 'x', 'points': "
                                   "1}, "
                                   "{'attribute': 'a', 'op': 'eq', 'value': 'y', 'points': 1}], "
                                   "'patterns': [{'name': 'p', 'kind': 'return_days', 'min_days': "
                                   "2, 'within_days': 1, 'points': 1}]}");
  g_autoptr(LiRules) b = load_doc ("{'stages': [{'name': 'cold'}], 'intent': ["
                                   "{'event': 'email_click', 'points': 2}, "
                                   "{'event': 'email_click', 'where': {'channel': ['email'], "
                                   "'link': ['y', 'x']}, 'points': 1}], "
                                   "'fit': [{'attribute': 'a', 'op': 'eq', 'value': 'y', 'points': "
                                   "1}], "
                                   "'patterns': [{'name': 'p', 'kind': 'return_days', 'min_days': "
                                   "2, 'within_days': 1, 'points': 1, "
                                   "'enabled': true}, {'name': 'p', 'kind': 'return_days', "
                                   "'min_days': 2, 'within_days': 1, "
                                   "'points': 1, 'enabled': false}]}");
  g_autoptr(GPtrArray) changes = li_rules_diff (a, b);
  g_autofree char *lines = changes_to_lines (changes);

  /* fit rules with the same identity are matched in order */
  g_assert_cmpstr (lines, ==,
                   "removed intent email_click #2: {\"event\": \"email_click\", \"points\": 3}\n"
                   "added patterns p #2: {\"name\": \"p\", \"kind\": \"return_days\", \"enabled\": "
                   "false, "
                   "\"min_days\": 2, \"within_days\": 1, \"points\": 1}\n"
                   "changed fit a eq value: \"x\" → \"y\"\n"
                   "removed fit a eq #2: {\"attribute\": \"a\", \"op\": \"eq\", \"value\": \"y\", "
                   "\"points\": 1}\n");
}

static void
test_diff_unknown_keys (void)
{
  g_autoptr(LiRules) a = load_doc ("{'stages': [{'name': 'cold', 'colour': 'blue'}], "
                                   "'outcome': {'event': 'purchase', 'note': 1}, "
                                   "'decay': {'model': 'window', 'days': 2, 'why': 'x'}, "
                                   "'fit': [{'attribute': 'a', 'op': 'exists', 'points': 1, 'z': "
                                   "{'k': [1, 2]}}]}");
  g_autoptr(LiRules) b = load_doc ("{'stages': [{'name': 'cold'}], "
                                   "'outcome': {'event': 'purchase', 'note': 2}, "
                                   "'decay': {'model': 'window', 'days': 2.0, 'why': 'x'}, "
                                   "'fit': [{'attribute': 'a', 'op': 'exists', 'points': 1, 'z': "
                                   "{'k': [1, 2.0]}, 'y': null}]}");
  g_autoptr(GPtrArray) changes = li_rules_diff (a, b);
  g_autofree char *lines = changes_to_lines (changes);

  g_assert_cmpstr (lines, ==,
                   "changed outcome note: 1 → 2\n"
                   "changed fit a exists y: (none) → null\n"
                   "changed stages cold colour: \"blue\" → (none)\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/rules-diff/identical", test_diff_identical);
  g_test_add_func ("/engine/rules-diff/every-field", test_diff_every_field);
  g_test_add_func ("/engine/rules-diff/json", test_diff_json);
  g_test_add_func ("/engine/rules-diff/identity", test_diff_identity);
  g_test_add_func ("/engine/rules-diff/unknown-keys", test_diff_unknown_keys);

  return g_test_run ();
}
