/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hand-computed pattern firings (SPEC 4): windows, cooldowns, ties, resets. */
#include "config.h"

#include "li-test-util.h"

#define PATTERN_RULES(p) "{\"patterns\": [" p "], " STAGES_1 "}"

static void
test_repeat_product (void)
{
  /* Views of p1 at 0, 10, 20, 30, 100 h (W = 72 h, min 3):
   * 20 h: 3 in window → fires.  30 h: 4, but fired at 20 h > 30 − 72 → no.
   * 100 h: window (28, 100] holds 30 and 100 → 2 → no.  p2 never repeats. */
  static const TestEvent events[] = {
    { "a", 0, "product_view", "product_id=p1" },
    { "a", 5 * H, "product_view", "product_id=p2" },
    { "a", 10 * H, "product_view", "product_id=p1" },
    { "a", 20 * H, "product_view", "product_id=p1" },
    { "a", 30 * H, "product_view", "product_id=p1" },
    { "a", 100 * H, "product_view", "product_id=p1" },
    { "a", 101 * H, "add_to_cart", "product_id=p1" },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 3, \"within_hours\": 72, \"points\": 10}");

  g_assert_cmpfloat (test_score_at (json, events, 7, "a", 19 * H).score, ==, 0);
  g_assert_cmpfloat (test_score_at (json, events, 7, "a", 20 * H).score, ==, 10);
  g_assert_cmpfloat (test_score_at (json, events, 7, "a", 200 * H).score, ==, 10);
}

static void
test_repeat_product_fires_again_after_window (void)
{
  /* min 2, W = 10 h: fires at 1 h (views 0, 1), again at 12 h (views 11, 12;
   * last firing 1 h is not > 12 − 10), not at 13 h (cooldown).  Cap 15. */
  static const TestEvent events[] = {
    { "a", 0, "product_view", "product_id=p" },
    { "a", 1 * H, "product_view", "product_id=p" },
    { "a", 11 * H, "product_view", "product_id=p" },
    { "a", 12 * H, "product_view", "product_id=p" },
    { "a", 13 * H, "product_view", "product_id=p" },
  };
  const char *capped = PATTERN_RULES ("{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 10, \"points\": 10, \"max_points\": 15}");
  const char *uncapped = PATTERN_RULES ("{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 10, \"points\": 10}");

  g_assert_cmpfloat (test_score_at (uncapped, events, 5, "a", 13 * H).score, ==, 20);
  g_assert_cmpfloat (test_score_at (capped, events, 5, "a", 13 * H).score, ==, 15);
}

static void
test_repeat_product_ties (void)
{
  /* Three views at the same instant: the window of the third holds all
   * three (ties keep input order) → one firing, then cooldown. */
  static const TestEvent events[] = {
    { "a", 5 * H, "product_view", "product_id=p" },
    { "a", 5 * H, "product_view", "product_id=p" },
    { "a", 5 * H, "product_view", "product_id=p" },
    { "a", 5 * H, "product_view", "product_id=p" },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 3, \"within_hours\": 1, \"points\": 7}");

  g_assert_cmpfloat (test_score_at (json, events, 4, "a", 5 * H).score, ==, 7);
}

static void
test_category_focus (void)
{
  /* shoes: s1 0 h, s2 1 h, s1 2 h, s3 30 h, s4 31 h, s5 32 h (W = 24 h, min 3).
   * At 30 h the window (6, 30] holds s3 only; at 32 h s3, s4, s5 → fires.
   * A view without product_id counts nothing; bags never reach 3. */
  static const TestEvent events[] = {
    { "a", 0, "product_view", "product_id=s1;category=shoes" },
    { "a", 1 * H, "product_view", "product_id=s2;category=shoes" },
    { "a", 2 * H, "product_view", "product_id=s1;category=shoes" },
    { "a", 3 * H, "product_view", "category=shoes" },
    { "a", 4 * H, "product_view", "product_id=b1;category=bags" },
    { "a", 30 * H, "product_view", "product_id=s3;category=shoes" },
    { "a", 31 * H, "product_view", "product_id=s4;category=shoes" },
    { "a", 32 * H, "product_view", "product_id=s5;category=shoes" },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"f\", \"kind\": \"category_focus\", \"min_distinct\": 3, \"within_hours\": 24, \"points\": 8}");

  g_assert_cmpfloat (test_score_at (json, events, 8, "a", 31 * H).score, ==, 0);
  g_assert_cmpfloat (test_score_at (json, events, 8, "a", 32 * H).score, ==, 8);
}

static void
test_category_focus_min_two (void)
{
  /* min 2: fires at 1 h (s1, s2); at 2 h cooldown; repeat views of one
   * product are one product. */
  static const TestEvent events[] = {
    { "a", 0, "product_view", "product_id=s1;category=shoes" },
    { "a", 0, "product_view", "product_id=s1;category=shoes" },
    { "a", 1 * H, "product_view", "product_id=s2;category=shoes" },
    { "a", 2 * H, "product_view", "product_id=s3;category=shoes" },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"f\", \"kind\": \"category_focus\", \"min_distinct\": 2, \"within_hours\": 24, \"points\": 4}");

  g_assert_cmpfloat (test_score_at (json, events, 2, "a", 0).score, ==, 0);
  g_assert_cmpfloat (test_score_at (json, events, 4, "a", 2 * H).score, ==, 4);
}

static void
test_sequence (void)
{
  /* cart 0 h, checkout 1 h (no shipping yet), shipping 2 h, checkout 3 h →
   * fires; shipping 4 h, checkout 5 h → cooldown (fired at 3 h). */
  static const TestEvent events[] = {
    { "a", 0, "add_to_cart", NULL },
    { "a", 1 * H, "checkout_start", NULL },
    { "a", 2 * H, "shipping_check", NULL },
    { "a", 3 * H, "checkout_start", NULL },
    { "a", 4 * H, "shipping_check", NULL },
    { "a", 5 * H, "checkout_start", NULL },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"s\", \"kind\": \"sequence\", \"events\": [\"add_to_cart\", \"shipping_check\", \"checkout_start\"], \"within_hours\": 48, \"points\": 20}");

  g_assert_cmpfloat (test_score_at (json, events, 2, "a", 1 * H).score, ==, 0);
  g_assert_cmpfloat (test_score_at (json, events, 6, "a", 5 * H).score, ==, 20);
}

static void
test_sequence_window_and_order (void)
{
  /* W = 48 h.  Lead a: cart 0 h, shipping 50 h, checkout 51 h: the match
   * starts outside the window → no.  Lead b: shipping then cart then
   * checkout: wrong order → no.  Lead c: a later cart restarts the match
   * inside the window → fires at 60 h. */
  static const TestEvent events[] = {
    { "a", 0, "add_to_cart", NULL },
    { "a", 50 * H, "shipping_check", NULL },
    { "a", 51 * H, "checkout_start", NULL },
    { "b", 0, "shipping_check", NULL },
    { "b", 1 * H, "add_to_cart", NULL },
    { "b", 2 * H, "checkout_start", NULL },
    { "c", 0, "add_to_cart", NULL },
    { "c", 1 * H, "shipping_check", NULL },
    { "c", 55 * H, "add_to_cart", NULL },
    { "c", 58 * H, "shipping_check", NULL },
    { "c", 60 * H, "checkout_start", NULL },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"s\", \"kind\": \"sequence\", \"events\": [\"add_to_cart\", \"shipping_check\", \"checkout_start\"], \"within_hours\": 48, \"points\": 20}");

  g_assert_cmpfloat (test_score_at (json, events, 11, "a", 60 * H).score, ==, 0);
  g_assert_cmpfloat (test_score_at (json, events, 11, "b", 60 * H).score, ==, 0);
  g_assert_cmpfloat (test_score_at (json, events, 11, "c", 60 * H).score, ==, 20);
}

static void
test_sequence_tie_at_last_event (void)
{
  /* The sequence needs the other names *before* the event: a cart at the
   * same instant but after the checkout in input order does not count. */
  static const TestEvent events[] = {
    { "a", 0, "checkout_start", NULL },
    { "a", 0, "add_to_cart", NULL },
    { "b", 0, "add_to_cart", NULL },
    { "b", 0, "checkout_start", NULL },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"s\", \"kind\": \"sequence\", \"events\": [\"add_to_cart\", \"checkout_start\"], \"within_hours\": 1, \"points\": 9}");

  g_assert_cmpfloat (test_score_at (json, events, 4, "a", 0).score, ==, 0);
  g_assert_cmpfloat (test_score_at (json, events, 4, "b", 0).score, ==, 9);
}

static void
test_return_days (void)
{
  /* min 3 distinct UTC days within 7 days: events on day 0 (twice), 1, 2 →
   * fires on day 2; day 3 → cooldown; day 12 → window holds day 12 only. */
  static const TestEvent events[] = {
    { "a", 1 * H, "page_view", NULL },
    { "a", 23 * H, "page_view", NULL },
    { "a", D + 1 * H, "blog_view", NULL },
    { "a", 2 * D + 1 * H, "search", NULL },
    { "a", 3 * D + 1 * H, "search", NULL },
    { "a", 12 * D, "search", NULL },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"d\", \"kind\": \"return_days\", \"min_days\": 3, \"within_days\": 7, \"points\": 6}");

  g_assert_cmpfloat (test_score_at (json, events, 3, "a", D + 1 * H).score, ==, 0);
  g_assert_cmpfloat (test_score_at (json, events, 6, "a", 12 * D).score, ==, 6);
}

static void
test_return_days_window_is_sliding (void)
{
  /* within 2 days: day 0 23:00, day 1 01:00, day 2 00:30 → window of the
   * last is (day 0 00:30, day 2 00:30] → days 0, 1, 2 → fires. */
  static const TestEvent events[] = {
    { "a", 23 * H, "page_view", NULL },
    { "a", D + 1 * H, "page_view", NULL },
    { "a", 2 * D + H / 2, "page_view", NULL },
    { "b", 0, "page_view", NULL },
    { "b", D + 1 * H, "page_view", NULL },
    { "b", 2 * D + 1 * H, "page_view", NULL },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"d\", \"kind\": \"return_days\", \"min_days\": 3, \"within_days\": 2, \"points\": 6}");

  g_assert_cmpfloat (test_score_at (json, events, 6, "a", 3 * D).score, ==, 6);
  /* b: day 0 00:00 is outside (day 0 01:00, day 2 01:00] → 2 days → no */
  g_assert_cmpfloat (test_score_at (json, events, 6, "b", 3 * D).score, ==, 0);
}

static void
test_patterns_reset_after_outcome (void)
{
  /* Two views before a purchase and one after: the window after the
   * purchase holds one view only. */
  static const TestEvent events[] = {
    { "a", 0, "product_view", "product_id=p" },
    { "a", 1 * H, "product_view", "product_id=p" },
    { "a", 2 * H, "purchase", NULL },
    { "a", 3 * H, "product_view", "product_id=p" },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 3, \"within_hours\": 72, \"points\": 10}");

  g_assert_cmpfloat (test_score_at (json, events, 4, "a", 3 * H).score, ==, 0);
}

static void
test_pattern_decay_and_disabled (void)
{
  /* A firing decays like an event (own decay: half-life 1 day); a disabled
   * pattern is ignored. */
  static const TestEvent events[] = {
    { "a", 0, "product_view", "product_id=p" },
    { "a", 0, "product_view", "product_id=p" },
  };
  const char *json = PATTERN_RULES ("{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 1, \"points\": 10, \"decay\": {\"model\": \"exponential\", \"half_life_days\": 1}},"
                                    "{\"name\": \"off\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 1, \"points\": 100, \"enabled\": false}");

  g_assert_cmpfloat_with_epsilon (test_score_at (json, events, 2, "a", 2 * D).score, 2.5, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/patterns/repeat-product", test_repeat_product);
  g_test_add_func ("/engine/patterns/repeat-product/again", test_repeat_product_fires_again_after_window);
  g_test_add_func ("/engine/patterns/repeat-product/ties", test_repeat_product_ties);
  g_test_add_func ("/engine/patterns/category-focus", test_category_focus);
  g_test_add_func ("/engine/patterns/category-focus/min-two", test_category_focus_min_two);
  g_test_add_func ("/engine/patterns/sequence", test_sequence);
  g_test_add_func ("/engine/patterns/sequence/window-and-order", test_sequence_window_and_order);
  g_test_add_func ("/engine/patterns/sequence/tie", test_sequence_tie_at_last_event);
  g_test_add_func ("/engine/patterns/return-days", test_return_days);
  g_test_add_func ("/engine/patterns/return-days/sliding", test_return_days_window_is_sliding);
  g_test_add_func ("/engine/patterns/reset-after-outcome", test_patterns_reset_after_outcome);
  g_test_add_func ("/engine/patterns/decay-and-disabled", test_pattern_decay_and_disabled);
  return g_test_run ();
}
