/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The smallest single edits that change a lead's stage (li-what-if.h), by
 * hand: thresholds raised past the lead and lowered to it, points raised
 * to the next stage and lowered out of this one, caps that make an edit
 * impossible, the order, and the sentences. */
#include "config.h"

#include "li-what-if.h"
#include "li-test-util.h"

#define HEAD "{\"format\": \"lead-intent-rules\", \"format_version\": 1, "

static const TestEvent events[] = {
  { "a", 0, "product_view", NULL },
  { "a", 1 * H, "product_view", NULL },
  { "a", 2 * H, "add_to_cart", NULL },
};

static GArray *
_find (const char     *json,
       LiRules       **rules_out,
       LiExplanation **e_out)
{
  LiRules *rules = test_rules (json);
  g_autoptr(LiEventStore) store = test_store (events, G_N_ELEMENTS (events));
  g_autoptr(LiPlan) plan = li_plan_new_explained (rules, store, NULL);
  g_autoptr(GError) error = NULL;
  LiExplanation *e = li_explain_lead (plan, "a", 2 * H, &error);

  g_assert_no_error (error);
  *rules_out = rules;
  *e_out = e;
  return li_what_if_find (e, rules);
}

static void
_assert_what_if (const LiWhatIf *w,
                 LiWhatIfKind    kind,
                 double          old_value,
                 double          new_value,
                 guint           new_stage)
{
  g_assert_cmpint (w->kind, ==, kind);
  g_assert_cmpfloat_with_epsilon (w->old_value, old_value, 1e-9);
  g_assert_cmpfloat_with_epsilon (w->new_value, new_value, 1e-9);
  g_assert_cmpuint (w->new_stage, ==, new_stage);
}

/* No decay: views 10 + 10, cart 30 (cap 40): 50, warm (hot ≥ 60, warm ≥
 * 30).  Hot's 60 lowered to 50 (1/6), the cart at 40 (1/3), views at 15
 * (1/2); warm's 30 raised to 50.01 and the cart at 9.99 (both 20.01/30);
 * not views at −0.01 (two views at 0 keep 30, still warm): points keep
 * their sign. */
static void
test_hand_case (void)
{
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiExplanation) e = NULL;
  g_autoptr(GArray) found = _find (
    HEAD "\"intent\": [{\"event\": \"product_view\", \"points\": 10},"
    " {\"event\": \"add_to_cart\", \"points\": 30, \"max_points\": 40}],"
    " \"stages\": [{\"name\": \"hot\", \"min_score\": 60}, {\"name\": \"warm\", \"min_score\": 30},"
    " {\"name\": \"cold\"}]}", &rules, &e);
  const LiWhatIf *w = (const LiWhatIf *) found->data;
  gboolean saw_raise = FALSE, saw_cart_down = FALSE;

  g_assert_cmpuint (e->score.stage, ==, 1);
  g_assert_cmpuint (found->len, ==, 5);
  _assert_what_if (&w[0], LI_WHAT_IF_THRESHOLD, 60, 50, 0);
  g_assert_cmpuint (w[0].stage, ==, 0);
  _assert_what_if (&w[1], LI_WHAT_IF_POINTS, 30, 40, 0);
  g_assert_cmpuint (w[1].index, ==, 1);
  _assert_what_if (&w[2], LI_WHAT_IF_POINTS, 10, 15, 0);
  g_assert_cmpuint (w[2].index, ==, 0);
  for (guint k = 3; k < found->len; k++)
    if (w[k].kind == LI_WHAT_IF_THRESHOLD)
      {
        _assert_what_if (&w[k], LI_WHAT_IF_THRESHOLD, 30, 50.01, 2);
        saw_raise = TRUE;
      }
    else
      {
        g_assert_cmpuint (w[k].index, ==, 1);
        _assert_what_if (&w[k], LI_WHAT_IF_POINTS, 30, 9.99, 2);
        saw_cart_down = TRUE;
      }
  g_assert_true (saw_raise && saw_cart_down);

  {
    g_autofree char *a = li_what_if_describe (&w[0], rules);
    g_autofree char *b = li_what_if_describe (&w[1], rules);

    g_assert_cmpstr (a, ==, "Lowering the minimum score of “hot” from 60 to 50 would move this lead to hot");
    g_assert_cmpstr (b, ==, "10 more points for “add_to_cart” (40 instead of 30) would move this lead to hot");
  }
}

/* A cap of 35 stops the cart before hot; a fit condition the lead fails
 * cannot be reached with points; exponential decay scales the points
 * needed: views at 0 and 1 h with a 1 h half-life are worth 2.5 + 5 at
 * 2 h (37.5 with the cart's 30), so hot (≥ 60) needs views of 40. */
static void
test_cap_and_decay (void)
{
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiExplanation) e = NULL;
  g_autoptr(GArray) found = _find (
    HEAD "\"intent\": [{\"event\": \"product_view\", \"points\": 10,"
    " \"decay\": {\"model\": \"exponential\", \"half_life_days\": 0.041666666666666664}},"
    " {\"event\": \"add_to_cart\", \"points\": 30, \"max_points\": 35}],"
    " \"stages\": [{\"name\": \"hot\", \"min_score\": 60}, {\"name\": \"cold\"}]}", &rules, &e);
  gboolean saw_view_up = FALSE;

  g_assert_cmpfloat_with_epsilon (e->score.score, 37.5, 1e-9);
  for (guint k = 0; k < found->len; k++)
    {
      const LiWhatIf *w = &g_array_index (found, LiWhatIf, k);

      /* The cart cannot make it hot: 35 + 7.5 < 60. */
      g_assert_false (w->kind == LI_WHAT_IF_POINTS && w->index == 1 && w->new_value > w->old_value);
      if (w->kind == LI_WHAT_IF_POINTS && w->index == 0 && w->new_value > w->old_value)
        {
          _assert_what_if (w, LI_WHAT_IF_POINTS, 10, 40, 0);
          saw_view_up = TRUE;
        }
    }
  g_assert_true (saw_view_up);
}

/* The catch-all has nothing colder and the hottest stage nothing hotter. */
static void
test_hottest (void)
{
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiExplanation) e = NULL;
  g_autoptr(GArray) found = _find (
    HEAD "\"intent\": [{\"event\": \"product_view\", \"points\": 10}],"
    " \"stages\": [{\"name\": \"hot\", \"min_score\": 5}, {\"name\": \"cold\"}]}", &rules, &e);
  const LiWhatIf *w = (const LiWhatIf *) found->data;

  g_assert_cmpuint (e->score.stage, ==, 0);
  g_assert_cmpuint (found->len, ==, 2);
  /* hot raised to 20.01 (3.0), views lowered to 2.49 (0.75): views first */
  _assert_what_if (&w[0], LI_WHAT_IF_POINTS, 10, 2.49, 1);
  _assert_what_if (&w[1], LI_WHAT_IF_THRESHOLD, 5, 20.01, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/what-if/hand-case", test_hand_case);
  g_test_add_func ("/engine/what-if/cap-and-decay", test_cap_and_decay);
  g_test_add_func ("/engine/what-if/hottest", test_hottest);
  return g_test_run ();
}
