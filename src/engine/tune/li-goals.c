/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "li-goals.h"
#include "li-confidence.h"
#include "li-number.h"
#include "li-rules-param.h"
#include "li-sweep.h"

#define _LI_MS_PER_DAY 86400000.0

double
li_goal_leads_per_day (const LiReplayResult *replay,
                       guint                 stage,
                       double                days)
{
  return replay->stages[stage].peak_count / MAX (days, 1);
}

/* Days of the replayed range: from the first to the last event loaded. */
static double
_li_goal_days (const LiEventStore    *store,
               const LiReplayOptions *options)
{
  gint64 first = store->min_time_ms, last = store->max_time_ms;

  if (options && options->has_from)
    first = MAX (first, options->from_ms);
  if (options && options->has_to)
    last = MIN (last, options->to_ms);
  return MAX ((last - first) / _LI_MS_PER_DAY, 1);
}

static gboolean
_li_goal_met (LiGoalKind            kind,
              double                target,
              const LiReplayResult *r,
              guint                 stage,
              double                days)
{
  const LiStageMetrics *m = &r->stages[stage];

  switch (kind)
    {
    case LI_GOAL_PRECISION:
      return !isnan (m->precision) && m->precision >= target;
    case LI_GOAL_RECALL:
      return !isnan (m->recall) && m->recall >= target;
    case LI_GOAL_CAPACITY:
    default:
      return li_goal_leads_per_day (r, stage, days) <= target;
    }
}

/* Whole-number candidates over the range of peak scores of the rules. */
static double *
_li_goal_candidates (const LiReplayResult *base,
                     guint                *n)
{
  double lo = floor (base->min_peak), hi = ceil (base->max_peak), step = 1;
  double *v;

  if (base->leads == 0)
    lo = hi = 0;
  if ((hi - lo) / step + 1 > LI_GOAL_MAX_CANDIDATES)
    step = ceil ((hi - lo) / (LI_GOAL_MAX_CANDIDATES - 1));
  *n = (guint) floor ((hi - lo) / step) + 1;
  v = g_new (double, *n);
  for (guint k = 0; k < *n; k++)
    v[k] = lo + k * step;
  return v;
}

LiGoalResult *
li_goal_threshold (const LiRules         *rules,
                   LiEventStore          *store,
                   LiLeadTable           *leads,
                   guint                  stage,
                   LiGoalKind             kind,
                   double                 target,
                   const LiReplayOptions *options,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(LiGoalResult) result = g_new0 (LiGoalResult, 1);
  g_autofree char *param = g_strdup_printf ("stages[%u].min_score", stage);
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(LiReplayResult) base = NULL;
  g_autoptr(LiSweep) sweep = NULL;
  g_autofree double *values = NULL;
  guint n_values, best = G_MAXUINT;

  if (stage + 1 >= rules->n_stages)
    {
      g_set_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID,
                   _("the last stage is the catch-all: it has no threshold to set"));
      return NULL;
    }
  result->kind = kind;
  result->target = target;
  result->stage = stage;
  result->stage_name = g_strdup (rules->stages[stage].name);
  result->min_score = NAN;
  result->has_current = li_rules_param_get (rules, param, &result->current);
  result->days = _li_goal_days (store, options);
  plan = li_plan_new (rules, store, leads);
  if ((base = li_replay_run (plan, options, NULL, NULL, cancellable, error)) == NULL)
    return NULL;
  values = _li_goal_candidates (base, &n_values);
  sweep = li_sweep_run_metrics (rules, store, leads, param, values, n_values, options, cancellable, error);
  if (sweep == NULL)
    return NULL;
  /* Precision and capacity: the lowest threshold that meets the goal
   * (the most leads); recall: the highest (the fewest). */
  for (guint k = 0; k < n_values; k++)
    {
      guint i = kind == LI_GOAL_RECALL ? n_values - 1 - k : k;
      if (_li_goal_met (kind, target, sweep->points[i].replay, stage, result->days))
        {
          best = i;
          break;
        }
    }
  if (best != G_MAXUINT)
    {
      result->reached = TRUE;
      result->min_score = values[best];
      result->rules = li_rules_copy (rules);
      li_rules_param_set (result->rules, param, values[best], NULL);
      {
        g_autoptr(LiPlan) best_plan = li_plan_new (result->rules, store, leads);

        /* The scan kept only metrics: the threshold's own full replay. */
        if ((result->replay = li_replay_run (best_plan, options, NULL, NULL, cancellable, error)) == NULL)
          return NULL;
      }
      result->leads_per_day = li_goal_leads_per_day (result->replay, stage, result->days);
    }
  return g_steal_pointer (&result);
}

void
li_goal_result_free (LiGoalResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->rules, li_rules_free);
  g_free (result->stage_name);
  g_clear_pointer (&result->replay, li_replay_result_unref);
  g_free (result);
}

static const char *
_li_goal_kind_name (LiGoalKind kind)
{
  return kind == LI_GOAL_PRECISION ? "precision" : kind == LI_GOAL_RECALL ? "recall" : "capacity";
}

JsonNode *
li_goal_result_to_json (const LiGoalResult *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "stage");
  json_builder_add_string_value (b, r->stage_name);
  json_builder_set_member_name (b, "goal");
  json_builder_add_string_value (b, _li_goal_kind_name (r->kind));
  json_builder_set_member_name (b, "target");
  json_builder_add_double_value (b, r->target);
  json_builder_set_member_name (b, "current_min_score");
  if (r->has_current)
    json_builder_add_double_value (b, r->current);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "reached");
  json_builder_add_boolean_value (b, r->reached);
  json_builder_set_member_name (b, "min_score");
  if (r->reached)
    json_builder_add_double_value (b, r->min_score);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "days");
  json_builder_add_double_value (b, r->days);
  json_builder_set_member_name (b, "leads_per_day");
  if (r->reached)
    json_builder_add_double_value (b, r->leads_per_day);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "replay");
  if (r->reached)
    json_builder_add_value (b, li_replay_result_to_json (r->replay));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "confidence");
  if (r->reached)
    json_builder_add_value (b, li_confidence_to_json (r->replay, r->rules));
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
li_goal_result_to_text (const LiGoalResult *r)
{
  GString *s = g_string_new (NULL);
  g_autofree char *target = li_format_number (r->target);
  const LiStageMetrics *m;
  g_autofree char *threshold = NULL;
  g_autofree char *confidence = NULL;

  if (!r->reached)
    {
      g_string_append_printf (s, _("%s: no threshold reaches the %s goal of %s.\n"), r->stage_name,
                              _li_goal_kind_name (r->kind), target);
      return g_string_free (s, FALSE);
    }
  m = &r->replay->stages[r->stage];
  threshold = li_format_number (r->min_score);
  g_string_append_printf (s, _("%s: min_score %s reaches the %s goal of %s"), m->name, threshold,
                          _li_goal_kind_name (r->kind), target);
  if (r->has_current)
    {
      g_autofree char *cur = li_format_number (r->current);
      g_string_append_printf (s, _(" (now %s)"), cur);
    }
  g_string_append_c (s, '\n');
  g_string_append_printf (s, _("flagged %u, true positives %u, precision %.4f, recall %.4f, lift %.3f, AUC %.4f\n"),
                          m->flagged, m->true_positives, m->precision, m->recall, m->lift, r->replay->auc);
  g_string_append_printf (s, _("%.1f new leads per day peak at this stage (over %.1f days)"), r->leads_per_day,
                          r->days);
  if (r->rules->stages[r->stage].has_follow_up)
    g_string_append_printf (s, _(", %.1f hours of follow-up a day"),
                            r->leads_per_day * r->rules->stages[r->stage].follow_up_minutes / 60);
  g_string_append_c (s, '\n');
  confidence = li_confidence_to_text (r->replay, r->rules);
  g_string_append (s, confidence);
  return g_string_free (s, FALSE);
}
