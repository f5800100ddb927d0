/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SPEC 6 by hand: migration of peak stages between two rule sets, the
 * leads of a cell, deltas and rule changes in the JSON. */
#include "config.h"

#include "li-compare.h"
#include "li-test-util.h"
#include "li-plan.h"

static const TestEvent events[] = {
  { "a", 0, "add_to_cart", NULL },             /* A: 10 hot    B: 20 hot  */
  { "b", 0, "product_view", NULL },            /* A: 1 cold    B: 5 warm  */
  { "b", 1 * H, "product_view", NULL },        /*    2 cold       10 hot  */
  { "c", 0, "product_view", NULL },            /* A: 1 cold    B: 5 warm  */
  { "d", 0, "purchase", NULL },                /* skipped under both      */
};

static const char *rules_a =
  "{\"name\": \"A\", \"intent\": [{\"event\": \"add_to_cart\", \"points\": 10}, {\"event\": \"product_view\", \"points\": 1}],"
  "\"stages\": [{\"name\": \"hot\", \"min_score\": 10}, {\"name\": \"warm\", \"min_score\": 5}, {\"name\": \"cold\"}]}";
static const char *rules_b =
  "{\"name\": \"B\", \"intent\": [{\"event\": \"add_to_cart\", \"points\": 20}, {\"event\": \"product_view\", \"points\": 5}],"
  "\"stages\": [{\"name\": \"hot\", \"min_score\": 10}, {\"name\": \"warm\", \"min_score\": 5}, {\"name\": \"cold\"}]}";

static void
test_migration (void)
{
  g_autoptr(LiRules) ra = test_rules (rules_a);
  g_autoptr(LiRules) rb = test_rules (rules_b);
  g_autoptr(LiEventStore) store = test_store (events, G_N_ELEMENTS (events));
  g_autoptr(LiPlan) pa = li_plan_new (ra, store, NULL);
  g_autoptr(LiPlan) pb = li_plan_new (rb, store, NULL);
  g_autoptr(LiComparison) c = li_compare_run (pa, pb, NULL, NULL, NULL);
  g_autoptr(GArray) cold_to_hot = NULL;
  const guint expected[3][3] = { { 1, 0, 0 }, { 0, 0, 0 }, { 1, 1, 0 } };

  g_assert_nonnull (c);
  for (guint r = 0; r < 3; r++)
    for (guint col = 0; col < 3; col++)
      g_assert_cmpuint (li_comparison_count (c, r, col), ==, expected[r][col]);

  cold_to_hot = li_comparison_leads (c, 2, 0);
  g_assert_cmpuint (cold_to_hot->len, ==, 1);
  g_assert_cmpstr (li_str_pool_get (store->leads, g_array_index (cold_to_hot, LiMigratedLead, 0).lead), ==, "b");
  g_assert_cmpfloat (g_array_index (cold_to_hot, LiMigratedLead, 0).peak_a, ==, 2);
  g_assert_cmpfloat (g_array_index (cold_to_hot, LiMigratedLead, 0).peak_b, ==, 10);

  /* name and two points changed */
  g_assert_cmpuint (c->changes->len, ==, 3);
}

static void
test_json (void)
{
  g_autoptr(LiRules) ra = test_rules (rules_a);
  g_autoptr(LiRules) rb = test_rules (rules_b);
  g_autoptr(LiEventStore) store = test_store (events, G_N_ELEMENTS (events));
  g_autoptr(LiPlan) pa = li_plan_new (ra, store, NULL);
  g_autoptr(LiPlan) pb = li_plan_new (rb, store, NULL);
  g_autoptr(LiComparison) c = li_compare_run (pa, pb, NULL, NULL, NULL);
  g_autoptr(JsonNode) node = li_comparison_to_json (c);
  JsonObject *o = json_node_get_object (node);
  JsonObject *delta = json_object_get_object_member (o, "delta");
  JsonObject *hot = json_array_get_object_element (json_object_get_array_member (delta, "stages"), 0);
  JsonObject *migration = json_object_get_object_member (o, "migration");
  g_autofree char *text = li_comparison_to_text (c);

  g_assert_true (json_object_has_member (o, "a"));
  g_assert_true (json_object_has_member (o, "b"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o, "a"), "leads"), ==, 3);
  /* hot flags a only under A, a and b under B */
  g_assert_cmpint (json_object_get_int_member (hot, "flagged"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (migration, "rows")), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "rule_changes")), ==, 3);
  g_assert_nonnull (strstr (text, "Migration of peak stages"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/compare/migration", test_migration);
  g_test_add_func ("/engine/compare/json", test_json);
  return g_test_run ();
}
