/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `export-leads` by hand: who is at a stage or hotter as of a time, since
 * when (the follow-up deadline), and what they last looked at. */
#include "config.h"

#include "li-lead-export.h"
#include "li-test-util.h"
#include "li-plan.h"

#define M (60 * G_GINT64_CONSTANT (1000))

/* Cart 10 (counts for 2 days), view 1; hot ≥ 10 (phone within 15 min),
 * warm ≥ 2 (email, no deadline), cold.
 *   a  views two products, puts the second in the cart at 4 d: hot since 4 d.
 *   b  two views of a category without a product: warm, books.
 *   c  one view: cold.
 *   d  hot at 0, cold at 3 d (the cart expired), hot again at 4 d − 30 min. */
static const TestEvent history[] = {
  { "a", 4 * D - 2 * H, "product_view", "product_id=p1;variant=blue;category=c1" },
  { "a", 4 * D - 1 * H, "product_view", "product_id=p2;category=c2" },
  { "a", 4 * D, "add_to_cart", "product_id=p2;variant=red;category=c2" },
  { "b", 0, "product_view", "category=books" },
  { "b", 1 * H, "product_view", "category=books" },
  { "c", 0, "product_view", NULL },
  { "d", 0, "add_to_cart", NULL },
  { "d", 3 * D, "product_view", NULL },
  { "d", 4 * D - 30 * M, "add_to_cart", NULL },
};

static const char *history_rules =
  "{\"intent\": [{\"event\": \"add_to_cart\", \"points\": 10, \"decay\": {\"model\": \"window\", \"days\": 2}},"
  "              {\"event\": \"product_view\", \"points\": 1}],"
  "\"stages\": [{\"name\": \"hot\", \"min_score\": 10, \"channel\": \"phone\", \"follow_up_minutes\": 15},"
  "             {\"name\": \"warm\", \"min_score\": 2, \"channel\": \"email\"}, {\"name\": \"cold\"}]}";

static char *
_export (gint64 as_of_ms,
         guint  coldest)
{
  g_autoptr(LiRules) rules = test_rules (history_rules);
  g_autoptr(LiEventStore) store = test_store (history, G_N_ELEMENTS (history));
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, NULL);
  g_autoptr(GArray) rows = li_lead_export (plan, as_of_ms, coldest, NULL, NULL);

  g_assert_nonnull (rows);
  return li_lead_export_csv (plan, rows);
}

static void
test_hot_and_warm (void)
{
  g_autofree char *csv = _export (4 * D + 1 * H, 1);

  g_assert_cmpstr (csv, ==,
                   "lead_id,score,stage,channel,follow_up_deadline,product_id,variant,category\n"
                   "a,12.000000,hot,phone,1970-01-05T00:15:00Z,p2,red,c2\n"
                   "d,11.000000,hot,phone,1970-01-04T23:45:00Z,,,\n"
                   "b,2.000000,warm,email,,,,books\n");
}

static void
test_hot_only (void)
{
  g_autofree char *csv = _export (4 * D + 1 * H, 0);

  g_assert_cmpstr (csv, ==,
                   "lead_id,score,stage,channel,follow_up_deadline,product_id,variant,category\n"
                   "a,12.000000,hot,phone,1970-01-05T00:15:00Z,p2,red,c2\n"
                   "d,11.000000,hot,phone,1970-01-04T23:45:00Z,,,\n");
}

static void
test_as_of (void)
{
  /* At 1 h: a has no event yet, d's first cart is fresh, b just turned warm. */
  g_autofree char *csv = _export (1 * H, 2);

  g_assert_cmpstr (csv, ==,
                   "lead_id,score,stage,channel,follow_up_deadline,product_id,variant,category\n"
                   "d,10.000000,hot,phone,1970-01-01T00:15:00Z,,,\n"
                   "b,2.000000,warm,email,,,,books\n"
                   "c,1.000000,cold,,,,,\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/replay/lead-export/hot-and-warm", test_hot_and_warm);
  g_test_add_func ("/engine/replay/lead-export/hot-only", test_hot_only);
  g_test_add_func ("/engine/replay/lead-export/as-of", test_as_of);
  return g_test_run ();
}
