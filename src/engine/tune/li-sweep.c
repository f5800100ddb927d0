/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "li-sweep.h"
#include "li-confidence.h"
#include "li-journeys.h"
#include "li-number.h"
#include "li-rules-param.h"

/* The replay runs one thread below this many events (li-replay.c), so the
 * sweep then runs its steps in parallel instead. */
#define _LI_SWEEP_PARALLEL_STEPS_BELOW 200000

typedef struct
{
  const LiRules         *rules;
  LiEventStore          *store;
  LiLeadTable           *leads;
  const char            *param;
  const LiReplayOptions *options;
  const LiJourneys      *journeys;  /* re-staging, else NULL */
  gboolean               linear;    /* journeys of li_journeys_new_linear */
  gboolean               light;     /* drop the per-lead outcomes of each point */
  double                 cap;       /* the rule's max_points when linear, else 0 */
  GCancellable          *cancellable;
  LiSweep               *sweep;
  guint                  next;      /* atomic: the next step to run */
  GMutex                 lock;
  GError                *error;     /* the first failure */
} SweepJob;

/* The rule of a points @param alone at 1 point, uncapped, with the decay
 * in force for it; its cap in *@cap. */
static LiRules *
_li_sweep_unit_rules (const LiRules *rules,
                      const char    *param,
                      double        *cap)
{
  LiRules *unit = li_rules_new ();
  guint i = 0;

  *cap = 0;
  g_free (unit->outcome_event);
  unit->outcome_event = g_strdup (rules->outcome_event);
  if (sscanf (param, "intent[%u]", &i) == 1 && i < rules->n_intent)
    {
      unit->n_intent = 1;
      unit->intent = g_new0 (LiIntentRule, 1);
      li_intent_rule_copy_to (unit->intent, &rules->intent[i]);
      *cap = unit->intent->max_points;
      unit->intent->points = 1;
      unit->intent->max_points = 0;
      unit->intent->has_decay = TRUE;
      unit->intent->decay = *li_rules_intent_decay (rules, i);
    }
  else if (sscanf (param, "patterns[%u]", &i) == 1 && i < rules->n_patterns)
    {
      unit->n_patterns = 1;
      unit->patterns = g_new0 (LiPattern, 1);
      li_pattern_copy_to (unit->patterns, &rules->patterns[i]);
      *cap = unit->patterns->max_points;
      unit->patterns->points = 1;
      unit->patterns->max_points = 0;
      unit->patterns->has_decay = TRUE;
      unit->patterns->decay = *li_rules_pattern_decay (rules, i);
    }
  else if (sscanf (param, "fit[%u]", &i) == 1 && i < rules->n_fit)
    {
      unit->n_fit = 1;
      unit->fit = g_new0 (LiFitRule, 1);
      li_fit_rule_copy_to (unit->fit, &rules->fit[i]);
      unit->fit->points = 1;
    }
  return unit;
}

static gboolean
_li_sweep_step (SweepJob *job,
                guint     k)
{
  LiSweepPoint *point = &job->sweep->points[k];
  g_autoptr(LiRules) rules = li_rules_copy (job->rules);
  g_autoptr(GError) error = NULL;

  if (li_rules_param_set (rules, job->param, point->value, &error))
    {
      if (job->linear)
        point->replay = li_journeys_restage_linear (job->journeys, rules, point->value, job->cap,
                                                    job->options->bins);
      else if (job->journeys != NULL)
        point->replay = li_journeys_restage (job->journeys, rules, job->options->bins);
      else
        {
          g_autoptr(LiPlan) plan = li_plan_new (rules, job->store, job->leads);
          point->replay = li_replay_run (plan, job->options, NULL, NULL, job->cancellable, &error);
        }
    }
  if (point->replay != NULL && job->light)
    {
      /* Hundreds of candidate thresholds: keep only the metrics. */
      g_clear_pointer (&point->replay->per_lead, g_free);
    }
  if (point->replay == NULL)
    {
      g_mutex_lock (&job->lock);
      if (job->error == NULL)
        job->error = g_steal_pointer (&error);
      g_mutex_unlock (&job->lock);
      return FALSE;
    }
  return TRUE;
}

static gpointer
_li_sweep_worker (gpointer data)
{
  SweepJob *job = data;
  guint k;

  while ((k = g_atomic_int_add (&job->next, 1)) < job->sweep->n_points)
    if (!_li_sweep_step (job, k))
      break;
  return NULL;
}

/* Workers for the steps: one per core when each step runs on one. */
static guint
_li_sweep_workers (SweepJob *job)
{
  if (job->journeys == NULL && job->store->n_events >= _LI_SWEEP_PARALLEL_STEPS_BELOW &&
      job->options->threads != 1)
    return 1;
  return CLAMP (g_get_num_processors (), 1, MAX (job->sweep->n_points, 1));
}

static LiSweep *
_li_sweep_run (const LiRules         *rules,
               LiEventStore          *store,
               LiLeadTable           *leads,
               const char            *param,
               const double          *values,
               guint                  n_values,
               gboolean               light,
               const LiReplayOptions *options,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(LiSweep) sweep = g_new0 (LiSweep, 1);
  g_autoptr(LiJourneys) journeys = NULL;
  g_autoptr(LiRules) check = li_rules_copy (rules);
  LiReplayOptions step_options = options ? *options : (LiReplayOptions) { 0 };
  SweepJob job = { .rules = rules, .store = store, .leads = leads, .param = param,
                   .options = &step_options, .cancellable = cancellable, .sweep = sweep,
                   .light = light };
  g_autofree GThread **threads = NULL;
  guint n_workers;
  double ignored;

  g_return_val_if_fail (n_values > 0, NULL);
  if (!li_rules_param_get (rules, param, &ignored) && !li_rules_param_set (check, param, values[0], error))
    return NULL;
  sweep->param = g_strdup (param);
  sweep->rules = li_rules_copy (rules);
  sweep->has_current = li_rules_param_get (rules, param, &sweep->current);
  sweep->n_points = n_values;
  sweep->points = g_new0 (LiSweepPoint, MAX (n_values, 1));
  for (guint k = 0; k < n_values; k++)
    sweep->points[k].value = values[k];

  if (li_rules_param_kind (param) == LI_PARAM_POINTS)
    {
      /* Scores are the rest plus the rule's part, points × its unit sum
       * (capped): score both once, sum per step. */
      g_autoptr(LiRules) base = li_rules_copy (rules);
      g_autoptr(LiRules) unit = _li_sweep_unit_rules (rules, param, &job.cap);
      g_autoptr(LiPlan) base_plan = NULL;
      g_autoptr(LiPlan) unit_plan = NULL;

      li_rules_param_set (base, param, 0, NULL);
      base_plan = li_plan_new (base, store, leads);
      unit_plan = li_plan_new (unit, store, leads);
      journeys = li_journeys_new_linear (base_plan, unit_plan, g_str_has_prefix (param, "fit["), options,
                                         cancellable, error);
      if (journeys == NULL)
        return NULL;
      job.journeys = journeys;
      job.linear = TRUE;
    }
  else if (li_rules_param_kind (param) != LI_PARAM_OTHER)
    {
      /* Scores do not depend on the number: score once, re-stage per step. */
      g_autoptr(LiPlan) plan = li_plan_new (rules, store, leads);

      journeys = li_journeys_new (plan, options, cancellable, error);
      if (journeys == NULL)
        return NULL;
      job.journeys = journeys;
    }
  n_workers = _li_sweep_workers (&job);
  if (n_workers > 1 && job.journeys == NULL)
    step_options.threads = 1;
  g_mutex_init (&job.lock);
  threads = g_new0 (GThread *, n_workers);
  for (guint w = 1; w < n_workers; w++)
    threads[w] = g_thread_new ("li-sweep", _li_sweep_worker, &job);
  _li_sweep_worker (&job);
  for (guint w = 1; w < n_workers; w++)
    g_thread_join (threads[w]);
  g_mutex_clear (&job.lock);
  if (job.error != NULL)
    {
      g_propagate_error (error, job.error);
      return NULL;
    }
  return g_steal_pointer (&sweep);
}

LiSweep *
li_sweep_run_values (const LiRules         *rules,
                     LiEventStore          *store,
                     LiLeadTable           *leads,
                     const char            *param,
                     const double          *values,
                     guint                  n_values,
                     const LiReplayOptions *options,
                     GCancellable          *cancellable,
                     GError               **error)
{
  return _li_sweep_run (rules, store, leads, param, values, n_values, FALSE, options, cancellable, error);
}

LiSweep *
li_sweep_run_metrics (const LiRules         *rules,
                      LiEventStore          *store,
                      LiLeadTable           *leads,
                      const char            *param,
                      const double          *values,
                      guint                  n_values,
                      const LiReplayOptions *options,
                      GCancellable          *cancellable,
                      GError               **error)
{
  return _li_sweep_run (rules, store, leads, param, values, n_values, TRUE, options, cancellable, error);
}

LiSweep *
li_sweep_run (const LiRules         *rules,
              LiEventStore          *store,
              LiLeadTable           *leads,
              const char            *param,
              double                 from,
              double                 to,
              guint                  steps,
              const LiReplayOptions *options,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autofree double *values = g_new (double, MAX (steps, 1));

  g_return_val_if_fail (steps > 0, NULL);
  for (guint k = 0; k < steps; k++)
    values[k] = steps == 1 ? from : from + (to - from) * k / (steps - 1);
  return li_sweep_run_values (rules, store, leads, param, values, steps, options, cancellable, error);
}

void
li_sweep_free (LiSweep *sweep)
{
  if (sweep == NULL)
    return;
  for (guint k = 0; k < sweep->n_points; k++)
    g_clear_pointer (&sweep->points[k].replay, li_replay_result_unref);
  g_free (sweep->points);
  g_free (sweep->param);
  g_clear_pointer (&sweep->rules, li_rules_free);
  g_free (sweep);
}

JsonNode *
li_sweep_to_json (const LiSweep *sweep)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "param");
  json_builder_add_string_value (b, sweep->param);
  json_builder_set_member_name (b, "current");
  if (sweep->has_current)
    json_builder_add_double_value (b, sweep->current);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "points");
  json_builder_begin_array (b);
  for (guint k = 0; k < sweep->n_points; k++)
    {
      const LiSweepPoint *p = &sweep->points[k];
      g_autoptr(JsonNode) replay = li_replay_result_to_json (p->replay);
      JsonObject *point = json_object_new ();
      JsonObject *r = json_node_get_object (replay);
      g_autoptr(GList) members = json_object_get_members (r);

      /* The point is the replay object of SPEC 7 with its value first. */
      json_object_set_double_member (point, "value", p->value);
      for (GList *m = members; m != NULL; m = m->next)
        json_object_set_member (point, m->data, json_node_copy (json_object_get_member (r, m->data)));
      g_autoptr(LiRules) rules = li_rules_copy (sweep->rules);

      /* The follow-up minutes may be the swept number. */
      li_rules_param_set (rules, sweep->param, p->value, NULL);
      json_object_set_member (point, "confidence", li_confidence_to_json (p->replay, rules));
      {
        JsonNode *node = json_node_init_object (json_node_alloc (), point);
        json_object_unref (point);
        json_builder_add_value (b, node);
      }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* A metric with @decimals, or a dash when it is null. */
static void
_li_append_metric (GString *s,
                   double   v,
                   int      decimals)
{
  if (isnan (v))
    g_string_append_printf (s, " %9s", "–");
  else
    g_string_append_printf (s, " %9.*f", decimals, v);
}

char *
li_sweep_to_text (const LiSweep *sweep)
{
  GString *s = g_string_new (NULL);
  guint n_stages = sweep->n_points > 0 ? sweep->points[0].replay->n_stages : 0;

  g_string_append_printf (s, _("Sweep of %s"), sweep->param);
  if (sweep->has_current)
    {
      g_autofree char *cur = li_format_number (sweep->current);
      g_string_append_printf (s, _(" (now %s)"), cur);
    }
  g_string_append (s, "\n\n");
  g_string_append_printf (s, "%10s %9s", _("value"), "AUC");
  for (guint st = 0; st + 1 < n_stages; st++)
    {
      const char *name = sweep->points[0].replay->stages[st].name;
      g_string_append_printf (s, " %9.9s %9s %9s %9s", name, _("prec."), _("recall"), _("lift"));
    }
  g_string_append_c (s, '\n');
  for (guint k = 0; k < sweep->n_points; k++)
    {
      const LiReplayResult *r = sweep->points[k].replay;
      g_autofree char *v = li_format_number (sweep->points[k].value);

      g_string_append_printf (s, "%10s", v);
      _li_append_metric (s, r->auc, 4);
      /* The catch-all flags every lead: it says nothing. */
      for (guint st = 0; st + 1 < n_stages; st++)
        {
          const LiStageMetrics *m = &r->stages[st];
          g_string_append_printf (s, " %9u", m->flagged);
          _li_append_metric (s, m->precision, 4);
          _li_append_metric (s, m->recall, 4);
          _li_append_metric (s, m->lift, 3);
        }
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}
