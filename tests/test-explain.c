/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hand-computed explanations (SPEC 4, SPEC 7 explain): the part of every
 * rule kind, decay model, cap, where filter, pattern kind, fit source, the
 * outcome's reset, and the points each event added.  Every explanation is
 * also checked against the normal plan's score, and its parts against its
 * own total. */
#include "config.h"

#include <math.h>

#include "li-explain.h"
#include "li-test-util.h"
#include "li-leads-file.h"
#include "li-score.h"
#include "li-plan.h"

/* Contributions add up to the explanation's score, which is the score
 * the normal (shared-accumulator) plan gives the lead. */
static void
_assert_consistent (const LiExplanation *e,
                    const LiRules       *rules,
                    LiEventStore        *store,
                    LiLeadTable         *leads)
{
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, leads);
  g_autoptr(GArray) rows = li_score_as_of (plan, e->as_of_ms, NULL, NULL);
  double intent = 0, fit = 0;
  gboolean found = FALSE;

  for (guint r = 0; r < e->n_rules; r++)
    {
      if (e->rules[r].section == LI_EXPLAIN_FIT)
        fit += e->rules[r].contribution;
      else
        intent += e->rules[r].contribution;
    }
  g_assert_cmpfloat_with_epsilon (intent, e->score.intent, 1e-9);
  g_assert_cmpfloat_with_epsilon (fit, e->score.fit, 1e-9);
  g_assert_cmpfloat_with_epsilon (intent + fit, e->score.score, 1e-9);

  for (guint r = 0; r < rows->len; r++)
    {
      const LiScoreRow *row = &g_array_index (rows, LiScoreRow, r);
      if (!g_str_equal (li_str_pool_get (store->leads, row->lead), e->lead_id))
        continue;
      g_assert_cmpfloat_with_epsilon (row->score, e->score.score, 1e-9);
      g_assert_cmpfloat_with_epsilon (row->intent, e->score.intent, 1e-9);
      g_assert_cmpuint (row->stage, ==, e->score.stage);
      found = TRUE;
    }
  g_assert_true (found);
}

static LiExplanation *
_explain_with (const char      *json,
               const TestEvent *events,
               guint            n,
               LiLeadTable     *leads,
               const char      *lead,
               gint64           t)
{
  g_autoptr(LiRules) rules = test_rules (json);
  g_autoptr(LiEventStore) store = test_store (events, n);
  g_autoptr(LiPlan) plan = li_plan_new_explained (rules, store, leads);
  g_autoptr(GError) error = NULL;
  LiExplanation *e = li_explain_lead (plan, lead, t, &error);

  g_assert_no_error (error);
  g_assert_nonnull (e);
  g_assert_cmpuint (e->n_rules, ==, rules->n_intent + rules->n_patterns + rules->n_fit);
  _assert_consistent (e, rules, store, leads);
  return e;
}

static LiExplanation *
_explain (const char      *json,
          const TestEvent *events,
          guint            n,
          const char      *lead,
          gint64           t)
{
  return _explain_with (json, events, n, NULL, lead, t);
}

static void
_assert_part (const LiExplanation *e,
              guint                k,
              LiExplainSection     section,
              guint                index,
              double               contribution,
              double               raw,
              guint                count)
{
  const LiRulePart *part = &e->rules[k];

  g_assert_cmpint (part->section, ==, section);
  g_assert_cmpuint (part->index, ==, index);
  g_assert_cmpfloat_with_epsilon (part->contribution, contribution, 1e-9);
  g_assert_cmpfloat_with_epsilon (part->raw, raw, 1e-9);
  g_assert_cmpuint (part->count, ==, count);
}

/* The points of event @k: "intent 1 +2; patterns 0 +10" as a string. */
static char *
_event_points (const LiExplanation *e,
               guint                k)
{
  const LiEventPart *ev = &e->events[k];
  GString *out = g_string_new (NULL);

  for (guint p = ev->first; p < ev->first + ev->n_points; p++)
    g_string_append_printf (out, "%s%s %u %+g", p == ev->first ? "" : "; ",
                            li_explain_section_to_string (e->points[p].section),
                            e->points[p].index, e->points[p].points);
  return g_string_free (out, FALSE);
}

static void
_assert_event_points (const LiExplanation *e,
                      guint                k,
                      const char          *expected)
{
  g_autofree char *points = _event_points (e, k);
  g_assert_cmpstr (points, ==, expected);
}

#define RULES(body) "{" body ", " STAGES_1 "}"

static void
test_intent_plain (void)
{
  /* Two uncapped rules of one decay: the normal plan sums them in one
   * accumulator; explained, each keeps its own part. */
  static const TestEvent events[] = {
    { "a", 0, "product_view", NULL },
    { "a", 1 * H, "add_to_cart", NULL },
    { "a", 2 * H, "product_view", NULL },
    { "a", 3 * H, "add_to_cart", NULL },
    { "a", 4 * H, "page_view", NULL },
  };
  g_autoptr(LiExplanation) e = _explain (
    RULES ("\"intent\": [{\"event\": \"add_to_cart\", \"points\": 15}, {\"event\": \"product_view\", \"points\": 2}]"),
    events, G_N_ELEMENTS (events), "a", 5 * H);

  g_assert_cmpfloat (e->score.score, ==, 34);
  _assert_part (e, 0, LI_EXPLAIN_INTENT, 0, 30, 30, 2);
  _assert_part (e, 1, LI_EXPLAIN_INTENT, 1, 4, 4, 2);
  g_assert_cmpstr (e->rules[0].name, ==, "add_to_cart");
  g_assert_cmpuint (e->n_events, ==, 5);
  _assert_event_points (e, 0, "intent 1 +2");
  _assert_event_points (e, 1, "intent 0 +15");
  _assert_event_points (e, 4, "");
  g_assert_cmpuint (e->n_points, ==, 4);
}

static void
test_intent_capped (void)
{
  /* Views: 4 × 2 = 8, capped at 5.  Removals: 2 × −5 = −10, capped at −7.
   * Carts 10 each with a 1-day half-life, cap 12: 20 → 12 at once, 10 a
   * day later (under the cap). */
  static const TestEvent events[] = {
    { "a", 0, "product_view", NULL },
    { "a", 0, "product_view", NULL },
    { "a", 0, "add_to_cart", NULL },
    { "a", 0, "add_to_cart", NULL },
    { "a", 0, "remove_from_cart", NULL },
    { "a", 0, "product_view", NULL },
    { "a", 0, "product_view", NULL },
    { "a", 0, "remove_from_cart", NULL },
  };
  const char *json = RULES (
    "\"intent\": [{\"event\": \"product_view\", \"points\": 2, \"max_points\": 5},"
    "{\"event\": \"remove_from_cart\", \"points\": -5, \"max_points\": 7},"
    "{\"event\": \"add_to_cart\", \"points\": 10, \"max_points\": 12,"
    " \"decay\": {\"model\": \"exponential\", \"half_life_days\": 1}}]");
  g_autoptr(LiExplanation) now = _explain (json, events, G_N_ELEMENTS (events), "a", 0);
  g_autoptr(LiExplanation) later = _explain (json, events, G_N_ELEMENTS (events), "a", D);

  _assert_part (now, 0, LI_EXPLAIN_INTENT, 0, 5, 8, 4);
  _assert_part (now, 1, LI_EXPLAIN_INTENT, 1, -7, -10, 2);
  _assert_part (now, 2, LI_EXPLAIN_INTENT, 2, 12, 20, 2);
  g_assert_cmpfloat (now->score.score, ==, 10);
  _assert_part (later, 2, LI_EXPLAIN_INTENT, 2, 10, 10, 2);
  _assert_event_points (now, 4, "intent 1 -5");
}

static void
test_decay_models (void)
{
  /* At 0: cart 16 (global exponential, 1 day), checkout 30 (window 3 days),
   * payment 40 (linear 4 days), page view 1 (none). */
  static const TestEvent events[] = {
    { "a", 0, "add_to_cart", NULL },
    { "a", 0, "checkout_start", NULL },
    { "a", 0, "payment_info", NULL },
    { "a", 0, "page_view", NULL },
  };
  const char *json = RULES (
    "\"decay\": {\"model\": \"exponential\", \"half_life_days\": 1},"
    "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 16},"
    "{\"event\": \"checkout_start\", \"points\": 30, \"decay\": {\"model\": \"window\", \"days\": 3}},"
    "{\"event\": \"payment_info\", \"points\": 40, \"decay\": {\"model\": \"linear\", \"days\": 4}},"
    "{\"event\": \"page_view\", \"points\": 1, \"decay\": {\"model\": \"none\"}}]");
  g_autoptr(LiExplanation) day1 = _explain (json, events, G_N_ELEMENTS (events), "a", D);
  g_autoptr(LiExplanation) day3 = _explain (json, events, G_N_ELEMENTS (events), "a", 3 * D);
  g_autoptr(LiExplanation) day9 = _explain (json, events, G_N_ELEMENTS (events), "a", 9 * D);

  _assert_part (day1, 0, LI_EXPLAIN_INTENT, 0, 8, 8, 1);
  _assert_part (day1, 1, LI_EXPLAIN_INTENT, 1, 30, 30, 1);
  _assert_part (day1, 2, LI_EXPLAIN_INTENT, 2, 30, 30, 1);
  _assert_part (day1, 3, LI_EXPLAIN_INTENT, 3, 1, 1, 1);
  /* Δ = the window counts no more; the count is of matching events. */
  _assert_part (day3, 0, LI_EXPLAIN_INTENT, 0, 2, 2, 1);
  _assert_part (day3, 1, LI_EXPLAIN_INTENT, 1, 0, 0, 1);
  _assert_part (day3, 2, LI_EXPLAIN_INTENT, 2, 10, 10, 1);
  _assert_part (day9, 2, LI_EXPLAIN_INTENT, 2, 0, 0, 1);
  _assert_part (day9, 3, LI_EXPLAIN_INTENT, 3, 1, 1, 1);
  /* Points are before decay. */
  _assert_event_points (day9, 0, "intent 0 +16");
}

static void
test_where (void)
{
  /* Only links cart_recovery and product match; a where on a property the
   * data lacks never does. */
  static const TestEvent events[] = {
    { "a", 0, "email_click", "link=cart_recovery" },
    { "a", 1, "email_click", "link=newsletter" },
    { "a", 2, "email_click", NULL },
    { "a", 3, "email_click", "link=product" },
  };
  g_autoptr(LiExplanation) e = _explain (
    RULES ("\"intent\": [{\"event\": \"email_click\", \"where\": {\"link\": [\"cart_recovery\", \"product\"]}, \"points\": 8},"
           "{\"event\": \"email_click\", \"where\": {\"channel\": \"sms\"}, \"points\": 100}]"),
    events, G_N_ELEMENTS (events), "a", 10);

  _assert_part (e, 0, LI_EXPLAIN_INTENT, 0, 16, 16, 2);
  _assert_part (e, 1, LI_EXPLAIN_INTENT, 1, 0, 0, 0);
  _assert_event_points (e, 0, "intent 0 +8");
  _assert_event_points (e, 1, "");
  _assert_event_points (e, 3, "intent 0 +8");
}

static const TestEvent journey[] = {
  { "a", 0, "product_view", "product_id=p1;category=shoes" },
  { "a", 1 * H, "product_view", "product_id=p2;category=shoes" },
  { "a", 2 * H, "product_view", "product_id=p1;category=shoes" },  /* repeat fires */
  { "a", 3 * H, "product_view", "product_id=p3;category=shoes" },  /* focus fires */
  { "a", 4 * H, "add_to_cart", NULL },
  { "a", 5 * H, "checkout_start", NULL },                          /* sequence fires */
  { "a", 30 * H, "page_view", NULL },                              /* days 0, 1 */
  { "a", 50 * H, "page_view", NULL },                              /* days 0, 1, 2: fires */
  { "b", 0, "page_view", NULL },
};

static void
test_patterns (void)
{
  /* No decay but for focus (half-life 1 day): fired at 3 h, 8 × 2^−2 = 2
   * at 51 h.  A disabled pattern and a sequence naming an event the data
   * lacks add nothing. */
  g_autoptr(LiExplanation) e = _explain (
    RULES ("\"intent\": [{\"event\": \"add_to_cart\", \"points\": 1}],"
           "\"patterns\": ["
           "{\"name\": \"repeat\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 24, \"points\": 10},"
           "{\"name\": \"focus\", \"kind\": \"category_focus\", \"min_distinct\": 3, \"within_hours\": 24, \"points\": 8,"
           " \"decay\": {\"model\": \"exponential\", \"half_life_days\": 1}},"
           "{\"name\": \"off\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 24, \"points\": 5, \"enabled\": false},"
           "{\"name\": \"seq\", \"kind\": \"sequence\", \"events\": [\"add_to_cart\", \"checkout_start\"], \"within_hours\": 48, \"points\": 20},"
           "{\"name\": \"never\", \"kind\": \"sequence\", \"events\": [\"shipping_check\", \"checkout_start\"], \"within_hours\": 48, \"points\": 7},"
           "{\"name\": \"days\", \"kind\": \"return_days\", \"min_days\": 3, \"within_days\": 7, \"points\": 6}]"),
    journey, G_N_ELEMENTS (journey), "a", 51 * H);

  _assert_part (e, 0, LI_EXPLAIN_INTENT, 0, 1, 1, 1);
  _assert_part (e, 1, LI_EXPLAIN_PATTERNS, 0, 10, 10, 1);
  _assert_part (e, 2, LI_EXPLAIN_PATTERNS, 1, 2, 2, 1);
  _assert_part (e, 3, LI_EXPLAIN_PATTERNS, 2, 0, 0, 0);
  _assert_part (e, 4, LI_EXPLAIN_PATTERNS, 3, 20, 20, 1);
  _assert_part (e, 5, LI_EXPLAIN_PATTERNS, 4, 0, 0, 0);
  _assert_part (e, 6, LI_EXPLAIN_PATTERNS, 5, 6, 6, 1);
  g_assert_cmpstr (e->rules[2].name, ==, "focus");
  g_assert_cmpfloat_with_epsilon (e->score.score, 1 + 10 + 2 + 20 + 6, 1e-9);
  _assert_event_points (e, 1, "");
  _assert_event_points (e, 2, "patterns 0 +10");
  _assert_event_points (e, 3, "patterns 1 +8");
  _assert_event_points (e, 4, "intent 0 +1");
  _assert_event_points (e, 5, "patterns 3 +20");
  _assert_event_points (e, 6, "");
  _assert_event_points (e, 7, "patterns 5 +6");
}

static void
test_pattern_capped (void)
{
  /* Repeat min 2 within 10 h fires at 1 h and again at 12 h: 20, capped
   * at 15. */
  static const TestEvent events[] = {
    { "a", 0, "product_view", "product_id=p" },
    { "a", 1 * H, "product_view", "product_id=p" },
    { "a", 11 * H, "product_view", "product_id=p" },
    { "a", 12 * H, "product_view", "product_id=p" },
  };
  g_autoptr(LiExplanation) e = _explain (
    RULES ("\"patterns\": [{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2,"
           " \"within_hours\": 10, \"points\": 10, \"max_points\": 15}]"),
    events, G_N_ELEMENTS (events), "a", 12 * H);

  _assert_part (e, 0, LI_EXPLAIN_PATTERNS, 0, 15, 20, 2);
  _assert_event_points (e, 1, "patterns 0 +10");
  _assert_event_points (e, 3, "patterns 0 +10");
}

static void
test_fit_sources (void)
{
  /* country from the event (US, the file says DE); budget from the leads
   * file; size missing; shipping_zone missing, which `missing` wants. */
  static const TestEvent events[] = {
    { "a", 0, "page_view", "country=US" },
    { "a", 1, "page_view", NULL },
  };
  const char *json = RULES (
    "\"fit\": [{\"attribute\": \"country\", \"op\": \"eq\", \"value\": \"US\", \"points\": 10},"
    "{\"attribute\": \"budget\", \"op\": \"gte\", \"value\": 100, \"points\": 5},"
    "{\"attribute\": \"size\", \"op\": \"exists\", \"points\": 3},"
    "{\"attribute\": \"shipping_zone\", \"op\": \"missing\", \"points\": 2},"
    "{\"attribute\": \"country\", \"op\": \"in\", \"values\": [\"CA\"], \"points\": 1}]");
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "li-test-explain-leads.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiLeadTable) leads = NULL;
  g_autoptr(LiExplanation) e = NULL;

  g_assert_true (g_file_set_contents (path, "lead_id,country,budget,size\na,DE,500,\n", -1, NULL));
  leads = li_import_leads (file, NULL, NULL);
  g_assert_nonnull (leads);
  e = _explain_with (json, events, G_N_ELEMENTS (events), leads, "a", 1);
  g_unlink (path);

  _assert_part (e, 0, LI_EXPLAIN_FIT, 0, 10, 10, 1);
  g_assert_cmpstr (e->rules[0].value, ==, "US");
  g_assert_cmpint (e->rules[0].source, ==, LI_FIT_SOURCE_EVENT);
  _assert_part (e, 1, LI_EXPLAIN_FIT, 1, 5, 5, 1);
  g_assert_cmpstr (e->rules[1].value, ==, "500");
  g_assert_cmpint (e->rules[1].source, ==, LI_FIT_SOURCE_LEADS);
  _assert_part (e, 2, LI_EXPLAIN_FIT, 2, 0, 0, 0);
  g_assert_null (e->rules[2].value);
  g_assert_cmpint (e->rules[2].source, ==, LI_FIT_SOURCE_MISSING);
  _assert_part (e, 3, LI_EXPLAIN_FIT, 3, 2, 2, 1);
  g_assert_cmpint (e->rules[3].source, ==, LI_FIT_SOURCE_MISSING);
  _assert_part (e, 4, LI_EXPLAIN_FIT, 4, 0, 0, 0);
  g_assert_cmpstr (e->rules[4].name, ==, "country");
  g_assert_cmpfloat (e->score.fit, ==, 17);
  g_assert_cmpuint (e->n_points, ==, 0);
}

static void
test_outcome_reset (void)
{
  /* The purchase at 2 h wipes the cart and the first view; fit still reads
   * the country given before it. */
  static const TestEvent events[] = {
    { "a", 0, "add_to_cart", NULL },
    { "a", 1 * H, "product_view", "country=US" },
    { "a", 2 * H, "purchase", NULL },
    { "a", 3 * H, "product_view", NULL },
    { "a", 9 * H, "product_view", NULL },  /* after the time explained */
  };
  const char *json = RULES (
    "\"intent\": [{\"event\": \"add_to_cart\", \"points\": 15}, {\"event\": \"product_view\", \"points\": 2}],"
    "\"fit\": [{\"attribute\": \"country\", \"op\": \"eq\", \"value\": \"US\", \"points\": 5}]");
  g_autoptr(LiExplanation) after = _explain (json, events, G_N_ELEMENTS (events), "a", 4 * H);
  g_autoptr(LiExplanation) at = _explain (json, events, G_N_ELEMENTS (events), "a", 2 * H);

  g_assert_cmpuint (after->n_events, ==, 4);
  _assert_part (after, 0, LI_EXPLAIN_INTENT, 0, 0, 0, 0);
  _assert_part (after, 1, LI_EXPLAIN_INTENT, 1, 2, 2, 1);
  _assert_part (after, 2, LI_EXPLAIN_FIT, 0, 5, 5, 1);
  _assert_event_points (after, 0, "");
  _assert_event_points (after, 1, "");
  g_assert_true (after->events[2].outcome);
  g_assert_false (after->events[3].outcome);
  _assert_event_points (after, 3, "intent 1 +2");
  g_assert_cmpfloat (after->score.score, ==, 7);

  g_assert_cmpuint (at->n_events, ==, 3);
  g_assert_cmpuint (at->n_points, ==, 0);
  g_assert_cmpfloat (at->score.score, ==, 5);
}

static void
test_errors (void)
{
  g_autoptr(LiRules) rules = test_rules (RULES ("\"intent\": []"));
  g_autoptr(LiEventStore) store = test_store (journey, G_N_ELEMENTS (journey));
  g_autoptr(LiPlan) plan = li_plan_new_explained (rules, store, NULL);
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) early = NULL;

  g_assert_null (li_explain_lead (plan, "nobody", 0, &unknown));
  g_assert_error (unknown, LI_EXPLAIN_ERROR, LI_EXPLAIN_ERROR_UNKNOWN_LEAD);
  g_assert_nonnull (strstr (unknown->message, "nobody"));
  g_assert_null (li_explain_lead (plan, "a", -1, &early));
  g_assert_error (early, LI_EXPLAIN_ERROR, LI_EXPLAIN_ERROR_NO_EVENTS);
  g_assert_true (li_plan_is_explained (plan));
}

/* Names of @node's members, comma-separated, in order. */
static char *
_members (JsonNode *node)
{
  GList *members = json_object_get_members (json_node_get_object (node));
  GString *out = g_string_new (NULL);

  for (GList *m = members; m; m = m->next)
    g_string_append_printf (out, "%s%s", m == members ? "" : ",", (const char *) m->data);
  g_list_free (members);
  return g_string_free (out, FALSE);
}

static void
test_json_and_text (void)
{
  static const TestEvent events[] = {
    { "a", 1767225600000, "add_to_cart", "product_id=p1" },
    { "a", 1767225600250, "product_view", "country=US" },
  };
  g_autoptr(LiExplanation) e = _explain (
    RULES ("\"intent\": [{\"event\": \"add_to_cart\", \"points\": 15}],"
           "\"patterns\": [{\"name\": \"r\", \"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 1, \"points\": 1}],"
           "\"fit\": [{\"attribute\": \"country\", \"op\": \"eq\", \"value\": \"US\", \"points\": 5}]"),
    events, G_N_ELEMENTS (events), "a", 1767225600250);
  g_autoptr(JsonNode) root = li_explanation_to_json (e);
  JsonObject *o = json_node_get_object (root);
  JsonArray *rules = json_object_get_array_member (o, "rules");
  JsonArray *evs = json_object_get_array_member (o, "events");
  JsonArray *points;
  g_autofree char *top = _members (root);
  g_autofree char *intent_keys = _members (json_array_get_element (rules, 0));
  g_autofree char *fit_keys = _members (json_array_get_element (rules, 2));
  g_autofree char *event_keys = _members (json_array_get_element (evs, 0));
  g_autofree char *point_keys = NULL;
  g_autofree char *text = li_explanation_to_text (e);

  g_assert_cmpstr (top, ==, "lead_id,as_of,score,intent,fit,stage,rules,events");
  g_assert_cmpstr (json_object_get_string_member (o, "as_of"), ==, "2026-01-01T00:00:00.250Z");
  g_assert_cmpfloat (json_object_get_double_member (o, "score"), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (o, "stage"), ==, "cold");
  g_assert_cmpstr (intent_keys, ==, "section,index,name,contribution,raw,count");
  g_assert_cmpstr (fit_keys, ==, "section,index,name,contribution,raw,count,value,source");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rules, 1), "section"), ==, "patterns");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rules, 2), "source"), ==, "event");
  g_assert_cmpstr (event_keys, ==, "time,event,properties,points");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (evs, 0), "time"), ==, "2026-01-01T00:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_array_get_object_element (evs, 0), "properties"), "product_id"), ==, "p1");
  points = json_object_get_array_member (json_array_get_object_element (evs, 0), "points");
  g_assert_cmpuint (json_array_get_length (points), ==, 1);
  point_keys = _members (json_array_get_element (points, 0));
  g_assert_cmpstr (point_keys, ==, "section,index,points");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (points, 0), "index"), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (points, 0), "points"), ==, 15);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (evs, 1), "points")), ==, 0);

  g_assert_nonnull (strstr (text, "Lead a as of 2026-01-01T00:00:00.250Z"));
  g_assert_nonnull (strstr (text, "Score 20.000 = intent 15.000 + fit 5.000, stage cold"));
  g_assert_nonnull (strstr (text, "fit[0]"));
  g_assert_nonnull (strstr (text, "US (event)"));
  g_assert_nonnull (strstr (text, "intent[0] +15"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/explain/intent/plain", test_intent_plain);
  g_test_add_func ("/engine/explain/intent/capped", test_intent_capped);
  g_test_add_func ("/engine/explain/intent/decay-models", test_decay_models);
  g_test_add_func ("/engine/explain/intent/where", test_where);
  g_test_add_func ("/engine/explain/patterns/every-kind", test_patterns);
  g_test_add_func ("/engine/explain/patterns/capped", test_pattern_capped);
  g_test_add_func ("/engine/explain/fit/sources", test_fit_sources);
  g_test_add_func ("/engine/explain/outcome-reset", test_outcome_reset);
  g_test_add_func ("/engine/explain/errors", test_errors);
  g_test_add_func ("/engine/explain/json-and-text", test_json_and_text);
  return g_test_run ();
}
