/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rule-diagnostics.c: per intent rule and pattern, in which journeys of
 * a replay it added points and how much of the flagged leads' scores it
 * made.  A second pass over the replay's leads with an explained plan, so
 * the replay itself stays as fast as before when nobody asks; on the
 * replay's threads. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "li-rule-diagnostics.h"
#include "li-journey-explain.h"
#include "li-replay.h"

void
li_rule_diagnostics_free (LiRuleDiagnostics *d)
{
  if (d == NULL)
    return;
  for (guint r = 0; r < d->n_rules; r++)
    g_free (d->rules[r].name);
  g_free (d->rules);
  g_free (d);
}

gboolean
li_rule_diagnostic_never_fires (const LiRuleDiagnostic *rule)
{
  return rule->enabled && rule->converters_fired == 0 && rule->others_fired == 0;
}

static LiRuleDiagnostics *
_li_rule_diagnostics_new (const LiRules *rules)
{
  LiRuleDiagnostics *d = g_new0 (LiRuleDiagnostics, 1);

  d->n_rules = rules->n_intent + rules->n_patterns;
  d->rules = g_new0 (LiRuleDiagnostic, MAX (d->n_rules, 1));
  for (guint r = 0; r < rules->n_intent; r++)
    d->rules[r] = (LiRuleDiagnostic) { LI_EXPLAIN_INTENT, r, g_strdup (rules->intent[r].event), TRUE };
  for (guint p = 0; p < rules->n_patterns; p++)
    d->rules[rules->n_intent + p] = (LiRuleDiagnostic) {
      LI_EXPLAIN_PATTERNS, p, g_strdup (rules->patterns[p].name), rules->patterns[p].enabled
    };
  return d;
}

/* The diagnostics are summed per block of leads, and the blocks' sums in
 * block order, so that the numbers do not depend on the threads. */
#define _LI_BLOCK 4096

typedef struct
{
  const LiPlan          *plan;     /* explained */
  const LiReplayResult  *result;
  const LiReplayOptions *options;
  GCancellable          *cancellable;
  guint                  n_slots, flag_stage, n_blocks;
  gboolean               can_flag; /* a stage besides the catch-all */
  gint                   next_block;
  /* per block: n_slots flagged points, then the total and the fit part */
  double                *sums;
  /* per thread, summed after: converters, others, flagged, then per slot
   * the converters' and the others' journeys it fired in */
  guint                **counts;
  gboolean               cancelled;
} DiagnosticsPass;

typedef struct
{
  DiagnosticsPass *pass;
  guint            thread;
} DiagnosticsWorker;

static void
_li_diagnostics_lead (DiagnosticsPass    *pass,
                      LiJourneyExplainer *x,
                      guint               k,
                      double             *sums,
                      guint              *counts)
{
  const LiEventStore *store = li_plan_get_store (pass->plan);
  guint32 lead = pass->result->per_lead[k].lead, begin, end;
  const gboolean *fired;
  const double *at_flag;
  LiJourneyParts parts;
  guint base;

  li_replay_lead_range (store, pass->options, lead, &begin, &end);
  li_journey_explainer_run (x, lead, begin, end, pass->flag_stage, &parts);
  fired = li_journey_explainer_fired (x);
  at_flag = li_journey_explainer_at_flag (x);
  counts[parts.converted ? 0 : 1]++;
  base = parts.converted ? 3 : 3 + pass->n_slots;
  for (guint r = 0; r < pass->n_slots; r++)
    counts[base + r] += fired[r] != FALSE;
  if (!parts.flagged || !pass->can_flag)
    return;
  counts[2]++;
  for (guint r = 0; r < pass->n_slots; r++)
    sums[r] += at_flag[r];
  sums[pass->n_slots] += parts.at_flag.score;
  sums[pass->n_slots + 1] += parts.at_flag.fit;
}

static gpointer
_li_diagnostics_worker (gpointer data)
{
  DiagnosticsWorker *w = data;
  DiagnosticsPass *pass = w->pass;
  g_autoptr(LiJourneyExplainer) x = li_journey_explainer_new (pass->plan);
  guint *counts = pass->counts[w->thread];
  gint b;

  while ((b = g_atomic_int_add (&pass->next_block, 1)) < (gint) pass->n_blocks)
    {
      guint first = (guint) b * _LI_BLOCK, last = MIN (first + _LI_BLOCK, pass->result->leads);
      double *sums = pass->sums + (gsize) b * (pass->n_slots + 2);

      if (g_cancellable_is_cancelled (pass->cancellable))
        {
          pass->cancelled = TRUE;
          break;
        }
      for (guint k = first; k < last; k++)
        _li_diagnostics_lead (pass, x, k, sums, counts);
    }
  return NULL;
}

static void
_li_diagnostics_merge (LiRuleDiagnostics     *d,
                       const DiagnosticsPass *pass,
                       guint                  n_threads)
{
  for (guint t = 0; t < n_threads; t++)
    {
      const guint *c = pass->counts[t];

      d->converters += c[0];
      d->others += c[1];
      d->flagged += c[2];
      for (guint r = 0; r < d->n_rules; r++)
        {
          d->rules[r].converters_fired += c[3 + r];
          d->rules[r].others_fired += c[3 + d->n_rules + r];
        }
    }
  for (guint b = 0; b < pass->n_blocks; b++)
    {
      const double *sums = pass->sums + (gsize) b * (d->n_rules + 2);

      for (guint r = 0; r < d->n_rules; r++)
        d->rules[r].flagged_points += sums[r];
      d->flagged_total += sums[d->n_rules];
      d->fit_points += sums[d->n_rules + 1];
    }
}

static double
_li_share (double part,
           double total)
{
  return total == 0 ? NAN : part / total;
}

LiRuleDiagnostics *
li_rule_diagnostics_compute (const LiPlan          *plan,
                             const LiReplayResult  *result,
                             const LiReplayOptions *options,
                             GCancellable          *cancellable,
                             GError               **error)
{
  const LiRules *rules = li_plan_get_rules (plan);
  LiEventStore *store = li_plan_get_store (plan);
  guint n_stages = li_plan_n_stages (plan);
  guint n_threads = li_replay_n_threads (store, options);
  g_autoptr(LiPlan) own = NULL;
  g_autoptr(LiRuleDiagnostics) d = _li_rule_diagnostics_new (rules);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  g_autofree DiagnosticsWorker *workers = g_new0 (DiagnosticsWorker, n_threads);
  DiagnosticsPass pass = { 0 };

  if (!li_plan_is_explained (plan))
    plan = own = li_plan_new_explained (rules, store, li_plan_get_leads (plan));
  pass.plan = plan;
  pass.result = result;
  pass.options = options;
  pass.cancellable = cancellable;
  pass.n_slots = d->n_rules;
  /* Flagged: any stage but the catch-all (the last). */
  pass.can_flag = n_stages >= 2;
  pass.flag_stage = n_stages >= 2 ? n_stages - 2 : 0;
  pass.n_blocks = (result->leads + _LI_BLOCK - 1) / _LI_BLOCK;
  pass.sums = g_new0 (double, (gsize) MAX (pass.n_blocks, 1) * (d->n_rules + 2));
  pass.counts = g_new (guint *, n_threads);
  for (guint t = 0; t < n_threads; t++)
    {
      pass.counts[t] = g_new0 (guint, 3 + 2 * d->n_rules);
      workers[t] = (DiagnosticsWorker) { &pass, t };
    }
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("li-diagnostics", _li_diagnostics_worker, &workers[t]);
  _li_diagnostics_worker (&workers[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  if (!pass.cancelled)
    _li_diagnostics_merge (d, &pass, n_threads);
  for (guint t = 0; t < n_threads; t++)
    g_free (pass.counts[t]);
  g_free (pass.counts);
  g_free (pass.sums);
  if (pass.cancelled)
    return (g_cancellable_set_error_if_cancelled (cancellable, error), NULL);

  for (guint r = 0; r < d->n_rules; r++)
    d->rules[r].share = _li_share (d->rules[r].flagged_points, d->flagged_total);
  d->fit_share = _li_share (d->fit_points, d->flagged_total);
  return g_steal_pointer (&d);
}

static void
_li_add_number (JsonBuilder *b,
                const char  *key,
                double       value)
{
  json_builder_set_member_name (b, key);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
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

JsonNode *
li_rule_diagnostics_to_json (const LiRuleDiagnostics *d)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint r = 0; r < d->n_rules; r++)
    {
      const LiRuleDiagnostic *rule = &d->rules[r];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "section");
      json_builder_add_string_value (b, li_explain_section_to_string (rule->section));
      _li_add_int (b, "index", rule->index);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, rule->name);
      json_builder_set_member_name (b, "enabled");
      json_builder_add_boolean_value (b, rule->enabled);
      _li_add_int (b, "converters_fired", rule->converters_fired);
      _li_add_int (b, "non_converters_fired", rule->others_fired);
      _li_add_number (b, "converter_rate", _li_share (rule->converters_fired, d->converters));
      _li_add_number (b, "non_converter_rate", _li_share (rule->others_fired, d->others));
      _li_add_number (b, "flagged_points", rule->flagged_points);
      _li_add_number (b, "flagged_share", rule->share);
      json_builder_set_member_name (b, "never_fires");
      json_builder_add_boolean_value (b, li_rule_diagnostic_never_fires (rule));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static char *
_li_percent (double ratio)
{
  return isnan (ratio) ? g_strdup ("—") : g_strdup_printf ("%.1f%%", 100 * ratio);
}

char *
li_rule_diagnostics_to_text (const LiRuleDiagnostics *d)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%-12s %-28s %19s %19s %8s\n", "Rule", "Name", "Converters",
                          "Non-converters", "Flagged");
  for (guint r = 0; r < d->n_rules; r++)
    {
      const LiRuleDiagnostic *rule = &d->rules[r];
      g_autofree char *label = g_strdup_printf ("%s[%u]", li_explain_section_to_string (rule->section),
                                                rule->index);
      g_autofree char *conv = _li_percent (_li_share (rule->converters_fired, d->converters));
      g_autofree char *other = _li_percent (_li_share (rule->others_fired, d->others));
      g_autofree char *share = _li_percent (rule->share);
      int pad = 28 - (int) g_utf8_strlen (rule->name, -1);

      g_string_append_printf (out, "%-12s %s%*s %10u %8s %10u %8s %8s", label, rule->name, MAX (pad, 0), "",
                              rule->converters_fired, conv, rule->others_fired, other, share);
      if (li_rule_diagnostic_never_fires (rule))
        g_string_append (out, _("  never fires on this data"));
      else if (!rule->enabled)
        g_string_append (out, _("  off"));
      g_string_append_c (out, '\n');
    }
  {
    g_autofree char *fit = _li_percent (d->fit_share);
    g_string_append_printf (out, "\n%u converters, %u non-converters; %u leads flagged above the "
                            "catch-all, fit makes %s of their points\n",
                            d->converters, d->others, d->flagged, fit);
  }
  return g_string_free (out, FALSE);
}
