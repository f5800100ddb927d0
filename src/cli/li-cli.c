/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "li-compare.h"
#include "li-dataset.h"
#include "li-explain.h"
#include "li-lead-export.h"
#include "li-output.h"
#include "li-replay.h"
#include "li-rules.h"
#include "li-time.h"
#include "li-rules-parse.h"
#include "li-problem.h"
#include "li-json-writer.h"
#include "li-score.h"
#include "li-plan.h"
#include "li-sql-export.h"
#include "li-events-export.h"

/* Exit statuses of SPEC 7. */
enum { EXIT_OK = 0, EXIT_BAD_INPUT = 1, EXIT_USAGE = 2 };

/* --bins not given: the replay's default (40); 0 is a usage error. */
#define LI_BINS_DEFAULT G_MININT

typedef struct
{
  char   **rules;
  char   **events;
  char    *leads;
  char    *format;
  char    *as_of;
  char    *from;
  char    *to;
  char    *out;
  char    *leads_out;
  char    *lead;
  char    *dialect;
  char    *events_table;
  char    *leads_table;
  char    *stage;
  int      bins;
  gboolean json;
  gboolean diagnostics;
  gboolean skip_bad_rows;
  gint64   max_events;
  gboolean progress;
  gboolean version;
} Args;

static void
_li_args_clear (Args *a)
{
  g_strfreev (a->rules);
  g_strfreev (a->events);
  g_free (a->leads);
  g_free (a->format);
  g_free (a->as_of);
  g_free (a->from);
  g_free (a->to);
  g_free (a->out);
  g_free (a->leads_out);
  g_free (a->lead);
  g_free (a->dialect);
  g_free (a->events_table);
  g_free (a->leads_table);
  g_free (a->stage);
}

static int
_li_usage (const char *message)
{
  g_printerr ("lead-intent-cli: %s\nTry “lead-intent-cli --help”.\n", message);
  return EXIT_USAGE;
}

static int
_li_bad_input (const char *message)
{
  g_printerr ("%s\n", message);
  return EXIT_BAD_INPUT;
}

static void
_li_progress_cb (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  const char *what = user_data;

  if (total > 0)
    g_printerr ("\r%s… %3d%%", what, (int) (100.0 * done / total));
  else
    g_printerr ("\r%s… %" G_GUINT64_FORMAT " MB", what, done >> 20);
  if (total > 0 && done >= total)
    g_printerr ("\n");
}

static gboolean
_li_show_progress (const Args *a)
{
  return a->progress || isatty (STDERR_FILENO);
}

/* Events (and the leads file) of the command line.  Returns NULL after
 * printing the error. */
static LiDataset *
_li_load_dataset (const Args *a,
                  int        *status)
{
  LiImportOptions options = { .format = LI_FORMAT_AUTO, .skip_bad_rows = a->skip_bad_rows };
  g_autoptr(GError) error = NULL;
  const LiImportReport *report;
  LiDataset *dataset;

  if (a->max_events < 0)
    {
      *status = _li_usage (_("--max-events must be a positive number"));
      return NULL;
    }
  options.max_events = (guint64) a->max_events;
  if (a->format && !li_format_from_string (a->format, &options.format))
    {
      g_autofree char *msg = g_strdup_printf ("unknown format “%s” (csv, rees46, retailrocket, ga4, segment)", a->format);
      *status = _li_usage (msg);
      return NULL;
    }
  dataset = li_dataset_load ((const char * const *) a->events, a->leads, &options,
                             _li_show_progress (a) ? _li_progress_cb : NULL, (gpointer) "Importing",
                             NULL, &error);
  if (dataset == NULL)
    {
      *status = _li_bad_input (error->message);
      return NULL;
    }
  report = li_dataset_get_report (dataset);
  if (report->n_skipped > 0)
    {
      g_printerr ("skipped %" G_GUINT64_FORMAT " bad row%s\n", report->n_skipped,
                  report->n_skipped == 1 ? "" : "s");
      for (guint i = 0; report->skipped_reasons && report->skipped_reasons[i]; i++)
        g_printerr ("  %s\n", report->skipped_reasons[i]);
    }
  return dataset;
}

/* The rules compiled against the command line's data. */
static LiPlan *
_li_plan_new (const LiRules *rules,
              LiDataset     *dataset)
{
  return li_plan_new (rules, li_dataset_get_store (dataset), li_dataset_get_leads (dataset));
}

static LiRules *
_li_load_rules (const char *path,
                int        *status)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_file (path, problems, &error);

  if (rules == NULL)
    {
      gboolean any = FALSE;
      for (guint i = 0; i < problems->len; i++)
        {
          const LiProblem *p = problems->pdata[i];
          if (p->level == LI_PROBLEM_ERROR)
            {
              g_printerr ("%s: %s: %s\n", path, p->path, p->message);
              any = TRUE;
            }
        }
      if (!any)
        g_printerr ("%s: %s\n", path, error->message);
      *status = EXIT_BAD_INPUT;
    }
  return rules;
}

static gboolean
_li_parse_time_arg (const char *name,
                    const char *value,
                    gint64     *time_ms,
                    int        *status)
{
  if (li_time_parse (value, strlen (value), time_ms))
    return TRUE;
  {
    g_autofree char *msg = g_strdup_printf ("%s: cannot read the time “%s”", name, value);
    *status = _li_usage (msg);
  }
  return FALSE;
}

/* Writes every output of the command, or none of them (SPEC 7). */
static int
_li_commit (LiOutputSet *outputs)
{
  g_autoptr(GError) error = NULL;

  if (!li_output_set_commit (outputs, &error))
    return _li_bad_input (error->message);
  return EXIT_OK;
}

/* One output of the command: @data to @path, or to stdout when NULL. */
static int
_li_write (const char *path,
           const char *data)
{
  g_autoptr(LiOutputSet) outputs = li_output_set_new ();

  g_string_append (li_output_set_add (outputs, path), data);
  return _li_commit (outputs);
}

/* Takes @node.  Numbers in their shortest form, as rule files are written. */
static char *
_li_json_to_string (JsonNode *node)
{
  g_autofree char *text = li_json_to_string (node, TRUE);

  json_node_unref (node);
  return g_strconcat (text, "\n", NULL);
}

static int
_li_cmd_validate (const Args *a)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) rules = NULL;

  if (a->rules == NULL || a->rules[0] == NULL || a->rules[1] != NULL)
    return _li_usage ("validate needs one rule file");
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
      return EXIT_BAD_INPUT;
    }
  return _li_write (NULL, "ok\n");
}

/* The rules and the data of a command that scores as of a time.  --as-of
 * is checked before the import, and defaults to the last event.  FALSE
 * after printing the error. */
static gboolean
_li_load_scoring (const Args  *a,
                  LiRules    **rules,
                  LiDataset  **dataset,
                  gint64      *as_of,
                  int         *status)
{
  if (a->as_of && !_li_parse_time_arg ("--as-of", a->as_of, as_of, status))
    return FALSE;
  if ((*rules = _li_load_rules (a->rules[0], status)) == NULL)
    return FALSE;
  if ((*dataset = _li_load_dataset (a, status)) == NULL)
    return FALSE;
  if (a->as_of == NULL)
    *as_of = li_dataset_get_store (*dataset)->max_time_ms;
  return TRUE;
}

static int
_li_cmd_score (const Args *a)
{
  int status = EXIT_OK;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *csv = NULL;
  gint64 as_of;

  if (a->rules == NULL || a->rules[1] != NULL || a->events == NULL)
    return _li_usage ("score needs --rules RULES and --events FILE");
  if (!_li_load_scoring (a, &rules, &dataset, &as_of, &status))
    return status;

  plan = _li_plan_new (rules, dataset);
  rows = li_score_as_of (plan, as_of, NULL, NULL);
  csv = li_score_rows_csv (plan, rows);
  return _li_write (a->out, csv);
}

static gboolean
_li_replay_options (const Args      *a,
                    LiReplayOptions *options,
                    int             *status)
{
  *options = (LiReplayOptions) { 0 };
  if (a->bins != LI_BINS_DEFAULT && (a->bins < 1 || a->bins > 100000))
    {
      *status = _li_usage (_("--bins must be between 1 and 100000"));
      return FALSE;
    }
  options->bins = a->bins == LI_BINS_DEFAULT ? 0 : (guint) a->bins;
  options->has_from = a->from != NULL;
  options->has_to = a->to != NULL;
  return (!a->from || _li_parse_time_arg ("--from", a->from, &options->from_ms, status)) &&
         (!a->to || _li_parse_time_arg ("--to", a->to, &options->to_ms, status));
}

/* SPEC 7's output; --diagnostics adds the rules' diagnostics (a `rules`
 * key after SPEC's keys, or a table after the stages). */
static char *
_li_replay_text (const Args           *a,
                 const LiReplayResult *result)
{
  if (a->json)
    {
      JsonNode *root = li_replay_result_to_json (result);
      if (result->diagnostics != NULL)
        json_object_set_member (json_node_get_object (root), "rules",
                                li_rule_diagnostics_to_json (result->diagnostics));
      return _li_json_to_string (root);
    }
  if (result->diagnostics != NULL)
    {
      g_autofree char *table = li_replay_result_to_text (result);
      g_autofree char *rules = li_rule_diagnostics_to_text (result->diagnostics);
      return g_strconcat (table, "\n", rules, NULL);
    }
  return li_replay_result_to_text (result);
}

static int
_li_cmd_replay (const Args *a)
{
  int status = EXIT_OK;
  LiReplayOptions options;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(LiReplayResult) result = NULL;
  g_autoptr(LiOutputSet) outputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (a->rules == NULL || a->rules[1] != NULL || a->events == NULL)
    return _li_usage ("replay needs --rules RULES and --events FILE");
  if (!_li_replay_options (a, &options, &status))
    return status;
  options.rule_diagnostics = a->diagnostics;
  if ((rules = _li_load_rules (a->rules[0], &status)) == NULL)
    return status;
  if ((dataset = _li_load_dataset (a, &status)) == NULL)
    return status;

  plan = _li_plan_new (rules, dataset);
  result = li_replay_run (plan, &options, NULL, NULL, NULL, &error);
  if (result == NULL)
    return _li_bad_input (error->message);

  outputs = li_output_set_new ();
  if (a->leads_out)
    {
      g_autofree char *csv = li_replay_result_leads_csv (result, plan);
      g_string_append (li_output_set_add (outputs, a->leads_out), csv);
    }
  text = _li_replay_text (a, result);
  g_string_append (li_output_set_add (outputs, a->out), text);
  return _li_commit (outputs);
}

static int
_li_cmd_compare (const Args *a)
{
  int status = EXIT_OK;
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
    return _li_usage ("compare needs --rules A --rules B and --events FILE");
  if (!_li_replay_options (a, &options, &status))
    return status;
  if ((rules_a = _li_load_rules (a->rules[0], &status)) == NULL ||
      (rules_b = _li_load_rules (a->rules[1], &status)) == NULL)
    return status;
  /* One import for both rule sets. */
  if ((dataset = _li_load_dataset (a, &status)) == NULL)
    return status;

  plan_a = _li_plan_new (rules_a, dataset);
  plan_b = _li_plan_new (rules_b, dataset);
  comparison = li_compare_run (plan_a, plan_b, &options, NULL, &error);
  if (comparison == NULL)
    return _li_bad_input (error->message);
  text = a->json ? _li_json_to_string (li_comparison_to_json (comparison))
                 : li_comparison_to_text (comparison);
  return _li_write (a->out, text);
}

static int
_li_cmd_explain (const Args *a)
{
  int status = EXIT_OK;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(LiExplanation) explanation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 as_of;

  if (a->rules == NULL || a->rules[1] != NULL || a->events == NULL || a->lead == NULL)
    return _li_usage ("explain needs --rules RULES, --events FILE and --lead ID");
  if (!_li_load_scoring (a, &rules, &dataset, &as_of, &status))
    return status;

  /* One accumulator per rule: each rule's part stays apart. */
  plan = li_plan_new_explained (rules, li_dataset_get_store (dataset), li_dataset_get_leads (dataset));
  explanation = li_explain_lead (plan, a->lead, as_of, &error);
  if (explanation == NULL)
    return _li_bad_input (error->message);
  text = a->json ? _li_json_to_string (li_explanation_to_json (explanation))
                 : li_explanation_to_text (explanation);
  return _li_write (a->out, text);
}

/* Problems of an export, one line each, named like those of a rule file. */
static int
_li_export_refused (const char *rules_path,
                    GError     *error)
{
  g_auto(GStrv) lines = NULL;

  if (g_error_matches (error, LI_SQL_EXPORT_ERROR, LI_SQL_EXPORT_ERROR_TABLE_NAME))
    return _li_usage (error->message);
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_printerr ("%s: %s\n", rules_path, lines[i]);
  return EXIT_BAD_INPUT;
}

static int
_li_cmd_export_sql (const Args *a)
{
  int status = EXIT_OK;
  LiSqlExportOptions options = { 0 };
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (a->rules == NULL || a->rules[1] != NULL || a->dialect == NULL)
    return _li_usage ("export-sql needs --rules RULES and --dialect postgres|sqlite|bigquery");
  if (a->events != NULL)
    return _li_usage ("export-sql reads no event files: the query reads the events table");
  if (!li_sql_dialect_from_string (a->dialect, &options.dialect))
    {
      g_autofree char *msg = g_strdup_printf ("unknown dialect “%s” (postgres, sqlite, bigquery)", a->dialect);
      return _li_usage (msg);
    }
  if (a->as_of && !_li_parse_time_arg ("--as-of", a->as_of, &options.as_of_ms, &status))
    return status;
  options.has_as_of = a->as_of != NULL;
  options.events_table = a->events_table;
  options.leads_table = a->leads_table;
  if ((rules = _li_load_rules (a->rules[0], &status)) == NULL)
    return status;

  sql = li_sql_export (rules, &options, &error);
  if (sql == NULL)
    return _li_export_refused (a->rules[0], error);
  return _li_write (a->out, sql);
}

static int
_li_cmd_export_events (const Args *a)
{
  int status = EXIT_OK;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiOutputSet) outputs = li_output_set_new ();
  g_autoptr(GError) error = NULL;

  if (a->events == NULL)
    return _li_usage ("export-events needs --events FILE");
  if ((dataset = _li_load_dataset (a, &status)) == NULL)
    return status;
  /* Straight into the output's buffer: the CSV is as large as the import. */
  if (!li_events_export_csv (li_dataset_get_store (dataset), li_output_set_add (outputs, a->out), &error))
    return _li_bad_input (error->message);
  return _li_commit (outputs);
}

static int
_li_cmd_export_leads (const Args *a)
{
  int status = EXIT_OK;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  guint coldest = 0;
  gint64 as_of;

  if (a->rules == NULL || a->rules[1] != NULL || a->events == NULL)
    return _li_usage ("export-leads needs --rules RULES and --events FILE");
  if (!_li_load_scoring (a, &rules, &dataset, &as_of, &status))
    return status;
  /* Default: every stage but the catch-all. */
  if (a->stage == NULL)
    coldest = rules->n_stages >= 2 ? rules->n_stages - 2 : 0;
  else
    {
      for (coldest = 0; coldest < rules->n_stages; coldest++)
        if (g_str_equal (rules->stages[coldest].name, a->stage))
          break;
      if (coldest == rules->n_stages)
        {
          g_autofree char *msg = g_strdup_printf ("--stage: the rules have no stage “%s”", a->stage);
          return _li_usage (msg);
        }
    }
  plan = _li_plan_new (rules, dataset);
  rows = li_lead_export (plan, as_of, coldest, NULL, &error);
  if (rows == NULL)
    return _li_bad_input (error->message);
  csv = li_lead_export_csv (plan, rows);
  return _li_write (a->out, csv);
}

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (const Args *a);
} Command;

static const Command commands[] = {
  { "validate", "RULES", "Check a rule file: prints its problems, or “ok”.", _li_cmd_validate },
  { "score", "--rules RULES --events FILE…",
    "Score every lead as of a time (default: the last event): CSV lead_id,score,intent,fit,stage.",
    _li_cmd_score },
  { "replay", "--rules RULES --events FILE…",
    "Backtest the rules on the history: leads, converters, AUC, and per stage flagged, "
    "true/false positives, false negatives, precision, recall, lift, peak count, median hours.",
    _li_cmd_replay },
  { "compare", "--rules A --rules B --events FILE…",
    "Replay two rule versions on the same events: both metric sets, their differences, the "
    "migration of peak stages and the rule changes.", _li_cmd_compare },
  { "explain", "--rules RULES --events FILE… --lead ID",
    "Why one lead has its score as of a time (default: the last event): the part of every rule, "
    "pattern and fit rule, and the points each of its events added.", _li_cmd_explain },
  { "export-sql", "--rules RULES --dialect postgres|sqlite|bigquery",
    "Write the rules as one SQL query that scores the leads of an events table as score does "
    "(docs/sql-export.md).", _li_cmd_export_sql },
  { "export-events", "--events FILE…",
    "Write the imported events as CSV for the events table of export-sql: "
    "seq,lead_id,ts,event,<properties…>.", _li_cmd_export_events },
  { "export-leads", "--rules RULES --events FILE… [--stage S] -o OUT.csv",
    "The leads at stage S or hotter as of a time (default: every stage but the catch-all, at the "
    "last event): CSV lead_id,score,stage,channel,follow_up_deadline,product_id,variant,category.",
    _li_cmd_export_leads },
};

static int
_li_main_help (void)
{
  g_print ("Usage:\n  lead-intent-cli COMMAND [OPTION…]\n\nScore leads and backtest scoring rules.\n\nCommands:\n");
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    g_print ("  %-14s %s\n", commands[c].name, commands[c].summary);
  g_print ("\nRun “lead-intent-cli COMMAND --help” for the options of a command.\n");
  return EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  Args a = { .bins = LI_BINS_DEFAULT };
  const Command *cmd = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameter = NULL;
  int status;
  GOptionEntry entries[] = {
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &a.rules, "Rule file (twice for compare)", "RULES" },
    { "events", 'e', 0, G_OPTION_ARG_FILENAME_ARRAY, &a.events, "Event export (.csv, .csv.gz); repeat or list several", "FILE" },
    { "leads", 'l', 0, G_OPTION_ARG_FILENAME, &a.leads, "Leads file with static attributes", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &a.format, "Event format: csv, rees46, retailrocket, ga4, segment (default: detected)", "F" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &a.as_of, "score, explain, export-sql, export-leads: as of this time (default: the last event)", "TIME" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &a.from, "replay, compare: only events at or after TIME", "TIME" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &a.to, "replay, compare: only events at or before TIME", "TIME" },
    { "bins", 0, 0, G_OPTION_ARG_INT, &a.bins, "replay, compare: histogram bins (default 40)", "N" },
    { "leads-out", 0, 0, G_OPTION_ARG_FILENAME, &a.leads_out, "replay: write lead_id,peak_score,peak_stage,converted", "FILE.csv" },
    { "lead", 0, 0, G_OPTION_ARG_STRING, &a.lead, "explain: the lead to explain", "ID" },
    { "dialect", 0, 0, G_OPTION_ARG_STRING, &a.dialect, "export-sql: postgres, sqlite or bigquery", "DIALECT" },
    { "events-table", 0, 0, G_OPTION_ARG_STRING, &a.events_table, "export-sql: the events table (default: events)", "NAME" },
    { "leads-table", 0, 0, G_OPTION_ARG_STRING, &a.leads_table, "export-sql: the leads table (default: leads)", "NAME" },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &a.stage, "export-leads: the coldest stage to export (default: all but the catch-all)", "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &a.json, "replay, compare, explain: JSON instead of a table", NULL },
    { "diagnostics", 0, 0, G_OPTION_ARG_NONE, &a.diagnostics, "replay: also how often each intent rule and pattern fired and its share of the flagged leads' points", NULL },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &a.skip_bad_rows, "Skip and count malformed rows instead of stopping", NULL },
    { "max-events", 0, 0, G_OPTION_ARG_INT64, &a.max_events, "Refuse imports of more events (default: physical memory / 64 bytes)", "N" },
    { "progress", 0, 0, G_OPTION_ARG_NONE, &a.progress, "Show import progress on stderr", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a.out, "Write the result to FILE (atomically)", "FILE" },
    { "version", 'V', 0, G_OPTION_ARG_NONE, &a.version, "Print the version", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");  /* numbers in CSV and JSON always use a dot */
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    return argc < 2 ? (_li_main_help (), EXIT_USAGE) : _li_main_help ();
  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-V"))
    {
      g_print ("lead-intent-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[1], commands[c].name))
      cmd = &commands[c];
  if (cmd == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("unknown command “%s”", argv[1]);
      return _li_usage (msg);
    }

  parameter = g_strdup_printf ("%s %s", cmd->name, cmd->parameters);
  context = g_option_context_new (parameter);
  g_option_context_set_summary (context, cmd->summary);
  g_option_context_add_main_entries (context, entries, NULL);
  argv[1] = argv[0];
  argc--;
  argv++;
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = _li_usage (error->message);
      _li_args_clear (&a);
      return status;
    }
  if (a.version)
    {
      g_print ("lead-intent-cli %s\n", PACKAGE_VERSION);
      _li_args_clear (&a);
      return EXIT_OK;
    }

  /* Words left over: the rule file of validate, or more event files
   * (`--events a.csv b.csv`). */
  if (argc > 1)
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      char ***target = cmd->run == _li_cmd_validate ? &a.rules : &a.events;

      if (*target)
        g_strv_builder_addv (b, (const char **) *target);
      for (int i = 1; i < argc; i++)
        g_strv_builder_add (b, argv[i]);
      g_strfreev (*target);
      *target = g_strv_builder_end (b);
    }

  status = cmd->run (&a);
  _li_args_clear (&a);
  return status;
}
