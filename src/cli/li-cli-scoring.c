/* SPDX-License-Identifier: GPL-3.0-or-later */
/* validate, score, replay, compare and explain. */
#include "config.h"

#include <glib/gi18n.h>

#include "li-cli.h"
#include "li-compare.h"
#include "li-confidence.h"
#include "li-explain.h"
#include "li-rule-diagnostics.h"
#include "li-problem.h"
#include "li-rules-parse.h"
#include "li-score.h"

int
li_cli_validate (const LiCliArgs *a)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) rules = NULL;

  if (a->rules == NULL || a->rules[0] == NULL || a->rules[1] != NULL)
    return li_cli_usage ("validate needs one rule file");
  rules = li_rules_from_file (a->rules[0], problems, &error);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = li_problem_to_string (problems->pdata[i]);
      g_printerr ("%s\n", line);
    }
  if (rules == NULL)
    {
      if (problems->len == 0)
        g_printerr ("%s: %s\n", a->rules[0], error->message);
      return LI_EXIT_BAD_INPUT;
    }
  return li_cli_write (NULL, "ok\n");
}

int
li_cli_score (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *csv = NULL;
  gint64 as_of;

  if (a->rules == NULL || a->rules[1] != NULL || a->events == NULL)
    return li_cli_usage ("score needs --rules RULES and --events FILE");
  if (!li_cli_load_scoring (a, &rules, &dataset, &as_of, &status))
    return status;

  plan = li_cli_plan_new (rules, dataset);
  rows = li_score_as_of (plan, as_of, NULL, NULL);
  csv = li_score_rows_csv (plan, rows);
  return li_cli_write (a->out, csv);
}


/* SPEC 7's JSON, with the rules' diagnostics as a `rules` key after
 * SPEC's keys when --diagnostics asks; or the table, with how sure its
 * numbers are and then the diagnostics. */
static char *
_li_replay_text (const LiCliArgs      *a,
                 const LiReplayResult *result,
                 const LiRules        *rules)
{
  g_autofree char *table = NULL;
  g_autofree char *confidence = NULL;
  g_autofree char *diagnostics = NULL;

  if (a->json)
    {
      JsonNode *root = li_replay_result_to_json (result);
      if (result->diagnostics != NULL)
        json_object_set_member (json_node_get_object (root), "rules",
                                li_rule_diagnostics_to_json (result->diagnostics));
      return li_cli_json_to_string (root);
    }
  table = li_replay_result_to_text (result);
  confidence = li_confidence_to_text (result, rules);
  if (result->diagnostics != NULL)
    diagnostics = li_rule_diagnostics_to_text (result->diagnostics);
  return g_strconcat (table, "\n", confidence, diagnostics ? "\n" : NULL, diagnostics, NULL);
}

int
li_cli_replay (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  LiReplayOptions options;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(LiReplayResult) result = NULL;
  g_autoptr(LiOutputSet) outputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (a->rules == NULL || a->rules[1] != NULL || a->events == NULL)
    return li_cli_usage ("replay needs --rules RULES and --events FILE");
  if (!li_cli_replay_options (a, &options, &status))
    return status;
  options.rule_diagnostics = a->diagnostics;
  if ((rules = li_cli_load_rules (a->rules[0], &status)) == NULL)
    return status;
  if ((dataset = li_cli_load_dataset (a, &status)) == NULL)
    return status;

  plan = li_cli_plan_new (rules, dataset);
  result = li_replay_run (plan, &options, NULL, NULL, NULL, &error);
  if (result == NULL)
    return li_cli_bad_input (error->message);

  outputs = li_output_set_new ();
  if (a->leads_out)
    {
      g_autofree char *csv = li_replay_result_leads_csv (result, plan);
      g_string_append (li_output_set_add (outputs, a->leads_out), csv);
    }
  text = _li_replay_text (a, result, rules);
  g_string_append (li_output_set_add (outputs, a->out), text);
  return li_cli_commit (outputs);
}

int
li_cli_compare (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  LiReplayOptions options;
  g_autoptr(LiRules) rules_a = NULL;
  g_autoptr(LiRules) rules_b = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiPlan) plan_a = NULL;
  g_autoptr(LiPlan) plan_b = NULL;
  g_autoptr(LiComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (a->rules == NULL || g_strv_length (a->rules) != 2 || a->events == NULL)
    return li_cli_usage ("compare needs --rules A --rules B and --events FILE");
  if (!li_cli_replay_options (a, &options, &status))
    return status;
  if ((rules_a = li_cli_load_rules (a->rules[0], &status)) == NULL ||
      (rules_b = li_cli_load_rules (a->rules[1], &status)) == NULL)
    return status;
  /* One import for both rule sets. */
  if ((dataset = li_cli_load_dataset (a, &status)) == NULL)
    return status;

  plan_a = li_cli_plan_new (rules_a, dataset);
  plan_b = li_cli_plan_new (rules_b, dataset);
  comparison = li_compare_run (plan_a, plan_b, &options, NULL, &error);
  if (comparison == NULL)
    return li_cli_bad_input (error->message);
  text = a->json ? li_cli_json_to_string (li_comparison_to_json (comparison))
                 : li_comparison_to_text (comparison);
  return li_cli_write (a->out, text);
}

int
li_cli_explain (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(LiExplanation) explanation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 as_of;

  if (a->rules == NULL || a->rules[1] != NULL || a->events == NULL || a->lead == NULL)
    return li_cli_usage ("explain needs --rules RULES, --events FILE and --lead ID");
  if (!li_cli_load_scoring (a, &rules, &dataset, &as_of, &status))
    return status;

  /* One accumulator per rule: each rule's part stays apart. */
  plan = li_plan_new_explained (rules, li_dataset_get_store (dataset), li_dataset_get_leads (dataset));
  explanation = li_explain_lead (plan, a->lead, as_of, &error);
  if (explanation == NULL)
    return li_cli_bad_input (error->message);
  text = a->json ? li_cli_json_to_string (li_explanation_to_json (explanation))
                 : li_explanation_to_text (explanation);
  return li_cli_write (a->out, text);
}
