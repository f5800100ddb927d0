/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-explain.c: one lead's score taken apart.  The lead's events are fed to
 * a scorer of an explained plan (one accumulator per intent rule and
 * pattern) that lists, at each event, the accumulators it added to; at the
 * end each accumulator's decayed sum is its rule's raw value. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "li-explain.h"
#include "li-number.h"
#include "li-scorer-private.h"
#include "li-time.h"

G_DEFINE_QUARK (li-explain-error-quark, li_explain_error)

const char *
li_explain_section_to_string (LiExplainSection section)
{
  static const char *names[] = { "intent", "patterns", "fit" };

  g_return_val_if_fail (section <= LI_EXPLAIN_FIT, NULL);
  return names[section];
}

const char *
li_fit_source_to_string (LiFitSource source)
{
  static const char *names[] = { "event", "leads", "missing" };

  g_return_val_if_fail (source <= LI_FIT_SOURCE_MISSING, NULL);
  return names[source];
}

void
li_explanation_free (LiExplanation *e)
{
  if (e == NULL)
    return;
  for (guint r = 0; r < e->n_rules; r++)
    {
      g_free (e->rules[r].name);
      g_free (e->rules[r].value);
    }
  g_free (e->rules);
  g_free (e->events);
  g_free (e->points);
  g_free (e->lead_id);
  g_free (e->stage);
  li_event_store_unref (e->store);
  g_free (e);
}

/* What a point added to each accumulator stands for: the rule or pattern
 * that owns it (one each in an explained plan) and its points. */
static LiEventPoints *
_li_explain_owners (const LiPlan *plan)
{
  const LiRules *rules = plan->rules;
  LiEventPoints *owner = g_new0 (LiEventPoints, MAX (plan->n_accs, 1));

  for (guint r = 0; r < rules->n_intent; r++)
    if (plan->intent_acc[r] != _LI_NONE)
      owner[plan->intent_acc[r]] = (LiEventPoints) { LI_EXPLAIN_INTENT, r, rules->intent[r].points };
  for (guint p = 0; p < rules->n_patterns; p++)
    if (plan->pattern_acc[p] != _LI_NONE)
      owner[plan->pattern_acc[p]] = (LiEventPoints) { LI_EXPLAIN_PATTERNS, p, rules->patterns[p].points };
  return owner;
}

/* Feeds events [begin, end) and keeps what each added.  What came before
 * the last outcome was wiped by its reset (SPEC 4), so those events keep no
 * points: the points left are exactly the ones in the score. */
static void
_li_explain_feed (LiExplanation *e,
                  const LiPlan  *plan,
                  LiScorer      *s,
                  guint32        begin,
                  guint32        end)
{
  const LiEventStore *store = plan->store;
  g_autofree LiEventPoints *owner = _li_explain_owners (plan);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (LiEventPoints));
  guint after_outcome = 0, wiped = 0;

  e->events = g_new0 (LiEventPart, end - begin);
  _li_scorer_record_adds (s);
  for (guint32 i = begin; i < end; i++)
    {
      LiEventPart *ev = &e->events[e->n_events++];

      s->n_added = 0;
      li_scorer_feed (s, i);
      ev->outcome = plan->has_outcome && store->name[i] == plan->outcome;
      if (ev->outcome)
        {
          after_outcome = e->n_events;
          wiped = points->len;
        }
      ev->event = i;
      ev->first = points->len;
      ev->n_points = s->n_added;
      for (guint k = 0; k < s->n_added; k++)
        g_array_append_val (points, owner[s->added[k]]);
    }

  for (guint k = 0; k < e->n_events; k++)
    {
      LiEventPart *ev = &e->events[k];
      if (k < after_outcome)
        ev->first = ev->n_points = 0;
      else
        ev->first -= wiped;
    }
  g_array_remove_range (points, 0, wiped);
  e->n_points = points->len;
  e->points = (LiEventPoints *) g_array_free (g_steal_pointer (&points), FALSE);
}

/* An intent rule's or pattern's part: its accumulator's sum, capped like
 * the scorer caps it. */
static void
_li_explain_decayed (LiRulePart   *part,
                     const LiPlan *plan,
                     LiScorer     *s,
                     guint         acc,
                     gint64        as_of_ms)
{
  double cap;

  if (acc == _LI_NONE)
    return;  /* it can never add points: 0 */
  cap = plan->accs[acc].cap;
  part->raw = _li_scorer_acc_raw (s, acc, as_of_ms);
  part->contribution = cap > 0 ? CLAMP (part->raw, -cap, cap) : part->raw;
}

static void
_li_explain_rules (LiExplanation *e,
                   const LiPlan  *plan,
                   LiScorer      *s)
{
  const LiRules *rules = plan->rules;
  guint n_intent = rules->n_intent, n_patterns = rules->n_patterns;

  e->n_rules = n_intent + n_patterns + rules->n_fit;
  e->rules = g_new0 (LiRulePart, MAX (e->n_rules, 1));
  for (guint r = 0; r < n_intent; r++)
    {
      LiRulePart *part = &e->rules[r];
      *part = (LiRulePart) { LI_EXPLAIN_INTENT, r, g_strdup (rules->intent[r].event) };
      _li_explain_decayed (part, plan, s, plan->intent_acc[r], e->as_of_ms);
    }
  for (guint p = 0; p < n_patterns; p++)
    {
      LiRulePart *part = &e->rules[n_intent + p];
      *part = (LiRulePart) { LI_EXPLAIN_PATTERNS, p, g_strdup (rules->patterns[p].name) };
      _li_explain_decayed (part, plan, s, plan->pattern_acc[p], e->as_of_ms);
    }
  for (guint k = 0; k < e->n_points; k++)
    {
      const LiEventPoints *pt = &e->points[k];
      e->rules[pt->section == LI_EXPLAIN_INTENT ? pt->index : n_intent + pt->index].count++;
    }

  for (guint f = 0; f < rules->n_fit; f++)
    {
      LiRulePart *part = &e->rules[n_intent + n_patterns + f];
      const char *value;
      LiFitSource source;
      gboolean holds = _li_fit_explain (s, f, &value, &source);

      *part = (LiRulePart) { LI_EXPLAIN_FIT, f, g_strdup (rules->fit[f].attribute) };
      part->contribution = part->raw = holds ? rules->fit[f].points : 0;
      part->count = holds;
      part->value = g_strdup (value);
      part->source = source;
    }
}

LiExplanation *
li_explain_lead (const LiPlan  *plan,
                 const char    *lead_id,
                 gint64         as_of_ms,
                 GError       **error)
{
  LiEventStore *store = li_plan_get_store (plan);
  g_autoptr(LiScorer) scorer = NULL;
  LiExplanation *e;
  guint32 lead, begin, end;

  g_return_val_if_fail (li_plan_is_explained (plan), NULL);
  g_return_val_if_fail (lead_id != NULL, NULL);

  if (!li_str_pool_lookup (store->leads, lead_id, strlen (lead_id), &lead))
    {
      g_set_error (error, LI_EXPLAIN_ERROR, LI_EXPLAIN_ERROR_UNKNOWN_LEAD,
                   _("No lead “%s” in the events"), lead_id);
      return NULL;
    }
  begin = end = store->lead_start[lead];
  while (end < store->lead_start[lead + 1] && store->time_ms[end] <= as_of_ms)
    end++;
  if (end == begin)
    {
      g_autofree char *when = li_time_format (as_of_ms);
      g_set_error (error, LI_EXPLAIN_ERROR, LI_EXPLAIN_ERROR_NO_EVENTS,
                   _("Lead “%s” has no events at or before %s"), lead_id, when);
      return NULL;
    }

  e = g_new0 (LiExplanation, 1);
  e->store = li_event_store_ref (store);
  e->lead_id = g_strdup (lead_id);
  e->as_of_ms = as_of_ms;
  scorer = li_scorer_new (plan);
  li_scorer_begin_lead (scorer, lead);
  _li_explain_feed (e, plan, scorer, begin, end);
  li_scorer_eval (scorer, as_of_ms, &e->score);
  e->stage = g_strdup (li_plan_stage_name (plan, e->score.stage));
  _li_explain_rules (e, plan, scorer);
  return e;
}

static void
_li_add_member (JsonBuilder *b,
                const char  *key,
                const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

static void
_li_add_number (JsonBuilder *b,
                const char  *key,
                double       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_double_value (b, value);
}

static void
_li_add_int (JsonBuilder *b,
             const char  *key,
             gint64       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

static void
_li_rule_to_json (JsonBuilder      *b,
                  const LiRulePart *part)
{
  json_builder_begin_object (b);
  _li_add_member (b, "section", li_explain_section_to_string (part->section));
  _li_add_int (b, "index", part->index);
  _li_add_member (b, "name", part->name);
  _li_add_number (b, "contribution", part->contribution);
  _li_add_number (b, "raw", part->raw);
  _li_add_int (b, "count", part->count);
  if (part->section == LI_EXPLAIN_FIT)
    {
      _li_add_member (b, "value", part->value);
      _li_add_member (b, "source", li_fit_source_to_string (part->source));
    }
  json_builder_end_object (b);
}

static void
_li_event_to_json (JsonBuilder         *b,
                   const LiExplanation *e,
                   const LiEventPart   *ev)
{
  const LiEventStore *store = e->store;
  g_autofree char *time = li_time_format (store->time_ms[ev->event]);

  json_builder_begin_object (b);
  _li_add_member (b, "time", time);
  _li_add_member (b, "event", li_str_pool_get (store->names, store->name[ev->event]));
  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  for (guint32 j = store->prop_start[ev->event]; j < store->prop_start[ev->event + 1]; j++)
    _li_add_member (b, li_str_pool_get (store->keys, store->prop_key[j]),
                    li_str_pool_get (store->values, li_event_store_prop_value (store, j)));
  json_builder_end_object (b);
  json_builder_set_member_name (b, "points");
  json_builder_begin_array (b);
  for (guint k = ev->first; k < ev->first + ev->n_points; k++)
    {
      json_builder_begin_object (b);
      _li_add_member (b, "section", li_explain_section_to_string (e->points[k].section));
      _li_add_int (b, "index", e->points[k].index);
      _li_add_number (b, "points", e->points[k].points);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

JsonNode *
li_explanation_to_json (const LiExplanation *e)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *as_of = li_time_format (e->as_of_ms);

  json_builder_begin_object (b);
  _li_add_member (b, "lead_id", e->lead_id);
  _li_add_member (b, "as_of", as_of);
  _li_add_number (b, "score", e->score.score);
  _li_add_number (b, "intent", e->score.intent);
  _li_add_number (b, "fit", e->score.fit);
  _li_add_member (b, "stage", e->stage);
  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  for (guint r = 0; r < e->n_rules; r++)
    _li_rule_to_json (b, &e->rules[r]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "events");
  json_builder_begin_array (b);
  for (guint k = 0; k < e->n_events; k++)
    _li_event_to_json (b, e, &e->events[k]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* `intent[0]`, `patterns[2]`, `fit[1]`: how the report names a rule. */
static char *
_li_rule_label (LiExplainSection section,
                guint            index)
{
  return g_strdup_printf ("%s[%u]", li_explain_section_to_string (section), index);
}

/* `+2`, `-0.5`: points as the rule file writes them, with their sign. */
static void
_li_append_points (GString *out,
                   double   points)
{
  g_autofree char *text = li_format_number (points);

  g_string_append_printf (out, "%s%s", points >= 0 ? "+" : "", text);
}

static void
_li_rules_to_text (GString             *out,
                   const LiExplanation *e)
{
  guint label_w = 4, name_w = 4;

  for (guint r = 0; r < e->n_rules; r++)
    {
      g_autofree char *label = _li_rule_label (e->rules[r].section, e->rules[r].index);
      label_w = MAX (label_w, strlen (label));
      name_w = MAX (name_w, g_utf8_strlen (e->rules[r].name, -1));
    }
  g_string_append_printf (out, "%-*s  %-*s %13s %13s %6s  %s\n", label_w, "Rule", name_w, "Name",
                          "Contribution", "Raw", "Count", "Value");
  for (guint r = 0; r < e->n_rules; r++)
    {
      const LiRulePart *part = &e->rules[r];
      g_autofree char *label = _li_rule_label (part->section, part->index);
      int pad = name_w - (int) g_utf8_strlen (part->name, -1);

      g_string_append_printf (out, "%-*s  %s%*s %13.3f %13.3f %6u", label_w, label, part->name,
                              pad, "", part->contribution, part->raw, part->count);
      if (part->section == LI_EXPLAIN_FIT)
        g_string_append_printf (out, "  %s (%s)", part->value ? part->value : "—",
                                li_fit_source_to_string (part->source));
      g_string_append_c (out, '\n');
    }
}

static void
_li_event_to_text (GString             *out,
                   const LiExplanation *e,
                   const LiEventPart   *ev)
{
  const LiEventStore *store = e->store;
  g_autofree char *time = li_time_format (store->time_ms[ev->event]);

  g_string_append_printf (out, "%-24s  %s", time, li_str_pool_get (store->names, store->name[ev->event]));
  for (guint32 j = store->prop_start[ev->event]; j < store->prop_start[ev->event + 1]; j++)
    g_string_append_printf (out, " %s=%s", li_str_pool_get (store->keys, store->prop_key[j]),
                            li_str_pool_get (store->values, li_event_store_prop_value (store, j)));
  if (ev->outcome)
    g_string_append (out, "\n    outcome: intent and patterns start again");
  for (guint k = ev->first; k < ev->first + ev->n_points; k++)
    {
      g_autofree char *label = _li_rule_label (e->points[k].section, e->points[k].index);
      g_string_append_printf (out, "%s%s ", k == ev->first ? "\n    " : ", ", label);
      _li_append_points (out, e->points[k].points);
    }
  g_string_append_c (out, '\n');
}

char *
li_explanation_to_text (const LiExplanation *e)
{
  GString *out = g_string_new (NULL);
  g_autofree char *as_of = li_time_format (e->as_of_ms);

  g_string_append_printf (out, "Lead %s as of %s\n", e->lead_id, as_of);
  g_string_append_printf (out, "Score %.3f = intent %.3f + fit %.3f, stage %s\n\n",
                          e->score.score, e->score.intent, e->score.fit, e->stage);
  _li_rules_to_text (out, e);
  g_string_append (out, "\nEvents (points each rule or pattern firing added, before decay)\n");
  for (guint k = 0; k < e->n_events; k++)
    _li_event_to_text (out, e, &e->events[k]);
  return g_string_free (out, FALSE);
}
