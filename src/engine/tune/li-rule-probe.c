/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "li-rule-probe.h"

LiRules *
li_rule_probe_rules (const LiRules *rules,
                     guint          r)
{
  LiRules *probe = li_rules_new ();

  g_free (probe->outcome_event);
  probe->outcome_event = g_strdup (rules->outcome_event);
  probe->window_days = rules->window_days;
  if (r < rules->n_intent)
    {
      probe->n_intent = 1;
      probe->intent = g_new0 (LiIntentRule, 1);
      li_intent_rule_copy_to (&probe->intent[0], &rules->intent[r]);
      probe->intent[0].points = 1;
      probe->intent[0].max_points = 0;
      probe->intent[0].has_decay = FALSE;
    }
  else
    {
      probe->n_patterns = 1;
      probe->patterns = g_new0 (LiPattern, 1);
      li_pattern_copy_to (&probe->patterns[0], &rules->patterns[r - rules->n_intent]);
      probe->patterns[0].points = 1;
      probe->patterns[0].max_points = 0;
      probe->patterns[0].has_decay = FALSE;
    }
  li_stage_clear (&probe->stages[0]);
  g_free (probe->stages);
  probe->n_stages = 2;
  probe->stages = g_new0 (LiStage, 2);
  probe->stages[0].name = g_strdup ("scored");
  probe->stages[0].has_min_score = TRUE;
  probe->stages[0].min_score = 1;
  probe->stages[1].name = g_strdup ("rest");
  return probe;
}

gboolean
li_rule_probe_reach (const LiRules         *rules,
                     guint                  r,
                     LiEventStore          *store,
                     LiLeadTable           *leads,
                     const LiReplayOptions *options,
                     LiRuleReach           *reach,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr(LiRules) probe = li_rule_probe_rules (rules, r);
  g_autoptr(LiPlan) plan = li_plan_new (probe, store, leads);
  g_autoptr(LiReplayResult) result = li_replay_run (plan, options, NULL, NULL, cancellable, error);

  if (result == NULL)
    return FALSE;
  *reach = (LiRuleReach) { result->leads, result->converters, result->stages[0].flagged, 0 };
  for (guint k = 0; k < result->leads; k++)
    reach->scored_converters += result->per_lead[k].converted && result->per_lead[k].peak_stage == 0;
  return TRUE;
}

double
li_rule_reach_ratio (const LiRuleReach *reach)
{
  guint others = reach->leads - reach->converters;
  double share_conv, share_other;

  if (reach->converters == 0 || others == 0)
    return NAN;
  share_conv = (double) reach->scored_converters / reach->converters;
  share_other = (double) (reach->scored - reach->scored_converters) / others;
  return share_other > 0 ? share_conv / share_other : (share_conv > 0 ? INFINITY : NAN);
}
