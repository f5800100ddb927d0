/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tuning assistant: sweep, goals, suggest and drift (docs/tuning.md). */
#include "config.h"

#include <glib/gi18n.h>

#include "li-cli.h"
#include "li-confidence.h"
#include "li-drift.h"
#include "li-goals.h"
#include "li-number.h"
#include "li-rules-param.h"
#include "li-rules-write.h"
#include "li-suggest.h"
#include "li-sweep.h"

#define _LI_SWEEP_MAX_STEPS 1000

/* A number option: FALSE after printing the usage error. */
static gboolean
_li_cli_number (const char *name,
                const char *text,
                double     *value,
                int        *status)
{
  if (text != NULL && li_parse_number (text, value))
    return TRUE;
  {
    g_autofree char *msg = g_strdup_printf (_("%s needs a number"), name);
    *status = li_cli_usage (msg);
  }
  return FALSE;
}

/* The rules and the data of one rule set; FALSE after the error. */
static gboolean
_li_cli_load (const LiCliArgs *a,
              const char      *command,
              LiRules        **rules,
              LiDataset      **dataset,
              int             *status)
{
  if (a->rules == NULL || a->rules[1] != NULL || a->events == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("%s needs --rules RULES and --events FILE"), command);
      *status = li_cli_usage (msg);
      return FALSE;
    }
  return (*rules = li_cli_load_rules (a->rules[0], status)) != NULL &&
         (*dataset = li_cli_load_dataset (a, status)) != NULL;
}

int
li_cli_sweep (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  double from, to, steps = 11, ignored;
  LiReplayOptions options = { 0 };
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (a->param == NULL)
    return li_cli_usage (_("sweep needs --param PATH, --from X and --to Y"));
  if (!_li_cli_number ("--from", a->from, &from, &status) || !_li_cli_number ("--to", a->to, &to, &status) ||
      (a->steps && !_li_cli_number ("--steps", a->steps, &steps, &status)))
    return status;
  if (steps < 1 || steps > _LI_SWEEP_MAX_STEPS || steps != (guint) steps)
    return li_cli_usage (_("--steps must be a whole number from 1 to 1000"));
  if (a->bins != LI_BINS_DEFAULT && (a->bins < 1 || a->bins > 100000))
    return li_cli_usage (_("--bins must be between 1 and 100000"));
  options.bins = a->bins == LI_BINS_DEFAULT ? 0 : (guint) a->bins;
  if (!_li_cli_load (a, "sweep", &rules, &dataset, &status))
    return status;
  if (!li_rules_param_get (rules, a->param, &ignored))
    {
      /* An unset max_points or stage condition may be swept; others not. */
      g_autoptr(LiRules) check = li_rules_copy (rules);
      if (!li_rules_param_set (check, a->param, from, &error))
        return li_cli_bad_input (error->message);
    }
  sweep = li_sweep_run (rules, li_dataset_get_store (dataset), li_dataset_get_leads (dataset), a->param, from,
                        to, (guint) steps, &options, NULL, &error);
  if (sweep == NULL)
    return li_cli_bad_input (error->message);
  text = a->json ? li_cli_json_to_string (li_sweep_to_json (sweep)) : li_sweep_to_text (sweep);
  return li_cli_write (a->out, text);
}

static guint
_li_cli_stage_index (const LiRules *rules,
                     const char    *name)
{
  for (guint s = 0; s < rules->n_stages; s++)
    if (g_str_equal (rules->stages[s].name, name))
      return s;
  return G_MAXUINT;
}

int
li_cli_goals (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  LiGoalKind kind;
  const char *target_text, *target_name;
  double target;
  guint stage;
  LiReplayOptions options;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiGoalResult) result = NULL;
  g_autoptr(LiOutputSet) outputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (a->stage == NULL || (a->precision != NULL) + (a->recall != NULL) + (a->capacity != NULL) != 1)
    return li_cli_usage (_("goals needs --stage S and one of --precision, --recall or --capacity"));
  kind = a->precision ? LI_GOAL_PRECISION : a->recall ? LI_GOAL_RECALL : LI_GOAL_CAPACITY;
  target_text = a->precision ? a->precision : a->recall ? a->recall : a->capacity;
  target_name = a->precision ? "--precision" : a->recall ? "--recall" : "--capacity";
  if (!_li_cli_number (target_name, target_text, &target, &status))
    return status;
  if (target < 0 || (kind != LI_GOAL_CAPACITY && target > 1))
    return li_cli_usage (_("--precision and --recall are between 0 and 1, --capacity at least 0"));
  if (!li_cli_replay_options (a, &options, &status) || !_li_cli_load (a, "goals", &rules, &dataset, &status))
    return status;
  if ((stage = _li_cli_stage_index (rules, a->stage)) == G_MAXUINT)
    {
      g_autofree char *msg = g_strdup_printf (_("no stage “%s” in %s"), a->stage, a->rules[0]);
      return li_cli_bad_input (msg);
    }
  result = li_goal_threshold (rules, li_dataset_get_store (dataset), li_dataset_get_leads (dataset), stage, kind,
                              target, &options, NULL, &error);
  if (result == NULL)
    return li_cli_bad_input (error->message);
  outputs = li_output_set_new ();
  if (a->out && result->reached)
    {
      g_autofree char *data = li_rules_to_data (result->rules, NULL);
      g_string_append (li_output_set_add (outputs, a->out), data);
    }
  text = a->json ? li_cli_json_to_string (li_goal_result_to_json (result)) : li_goal_result_to_text (result);
  g_string_append (li_output_set_add (outputs, NULL), text);
  status = li_cli_commit (outputs);
  /* An unreachable goal is an answer, but no rules were written. */
  return status == LI_EXIT_OK && !result->reached && a->out ? LI_EXIT_BAD_INPUT : status;
}

int
li_cli_suggest (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  gint64 holdout_from = 0;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiSuggestion) suggestion = NULL;
  g_autoptr(LiOutputSet) outputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *data = NULL;

  if (a->holdout_from && !li_cli_parse_time_arg ("--holdout-from", a->holdout_from, &holdout_from, &status))
    return status;
  if (!_li_cli_load (a, "suggest", &rules, &dataset, &status))
    return status;
  if (a->holdout_from == NULL)
    holdout_from = li_suggest_default_holdout (li_dataset_get_store (dataset));
  suggestion = li_suggest_run (rules, li_dataset_get_store (dataset), li_dataset_get_leads (dataset), holdout_from,
                               NULL, &error);
  if (suggestion == NULL)
    return li_cli_bad_input (error->message);
  outputs = li_output_set_new ();
  if (a->out)
    {
      data = li_rules_to_data (suggestion->rules, NULL);
      g_string_append (li_output_set_add (outputs, a->out), data);
    }
  text = a->json ? li_cli_json_to_string (li_suggestion_to_json (suggestion)) : li_suggestion_to_text (suggestion);
  g_string_append (li_output_set_add (outputs, NULL), text);
  return li_cli_commit (outputs);
}

int
li_cli_drift (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  LiDriftPeriodKind kind;
  LiReplayOptions options;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiDrift) drift = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!li_drift_period_kind_from_string (a->period ? a->period : "week", &kind))
    return li_cli_usage (_("--period is week, month, day or hour"));
  if (!li_cli_replay_options (a, &options, &status) || !_li_cli_load (a, "drift", &rules, &dataset, &status))
    return status;
  drift = li_drift_run (rules, li_dataset_get_store (dataset), li_dataset_get_leads (dataset), kind, &options,
                        NULL, &error);
  if (drift == NULL)
    return li_cli_bad_input (error->message);
  text = a->json ? li_cli_json_to_string (li_drift_to_json (drift)) : li_drift_to_text (drift);
  return li_cli_write (a->out, text);
}
