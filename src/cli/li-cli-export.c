/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export-sql, export-events and export-leads. */
#include "config.h"

#include <glib/gi18n.h>

#include "li-cli.h"
#include "li-events-export.h"
#include "li-lead-export.h"
#include "li-sql-export.h"

/* Problems of an export, one line each, named like those of a rule file. */
static int
_li_export_refused (const char *rules_path,
                    GError     *error)
{
  g_auto(GStrv) lines = NULL;

  if (g_error_matches (error, LI_SQL_EXPORT_ERROR, LI_SQL_EXPORT_ERROR_TABLE_NAME))
    return li_cli_usage (error->message);
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_printerr ("%s: %s\n", rules_path, lines[i]);
  return LI_EXIT_BAD_INPUT;
}

int
li_cli_export_sql (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  LiSqlExportOptions options = { 0 };
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (a->rules == NULL || a->rules[1] != NULL || a->dialect == NULL)
    return li_cli_usage ("export-sql needs --rules RULES and --dialect postgres|sqlite|bigquery");
  if (a->events != NULL)
    return li_cli_usage ("export-sql reads no event files: the query reads the events table");
  if (!li_sql_dialect_from_string (a->dialect, &options.dialect))
    {
      g_autofree char *msg = g_strdup_printf ("unknown dialect “%s” (postgres, sqlite, bigquery)", a->dialect);
      return li_cli_usage (msg);
    }
  if (a->as_of && !li_cli_parse_time_arg ("--as-of", a->as_of, &options.as_of_ms, &status))
    return status;
  options.has_as_of = a->as_of != NULL;
  options.events_table = a->events_table;
  options.leads_table = a->leads_table;
  if ((rules = li_cli_load_rules (a->rules[0], &status)) == NULL)
    return status;

  sql = li_sql_export (rules, &options, &error);
  if (sql == NULL)
    return _li_export_refused (a->rules[0], error);
  return li_cli_write (a->out, sql);
}

int
li_cli_export_events (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiOutputSet) outputs = li_output_set_new ();
  g_autoptr(GError) error = NULL;

  if (a->events == NULL)
    return li_cli_usage ("export-events needs --events FILE");
  if ((dataset = li_cli_load_dataset (a, &status)) == NULL)
    return status;
  /* Straight into the output's buffer: the CSV is as large as the import. */
  if (!li_events_export_csv (li_dataset_get_store (dataset), li_output_set_add (outputs, a->out), &error))
    return li_cli_bad_input (error->message);
  return li_cli_commit (outputs);
}

int
li_cli_export_leads (const LiCliArgs *a)
{
  int status = LI_EXIT_OK;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  guint coldest = 0;
  gint64 as_of;

  if (a->rules == NULL || a->rules[1] != NULL || a->events == NULL)
    return li_cli_usage ("export-leads needs --rules RULES and --events FILE");
  if (!li_cli_load_scoring (a, &rules, &dataset, &as_of, &status))
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
          return li_cli_usage (msg);
        }
    }
  plan = li_cli_plan_new (rules, dataset);
  rows = li_lead_export (plan, as_of, coldest, NULL, &error);
  if (rows == NULL)
    return li_cli_bad_input (error->message);
  csv = li_lead_export_csv (plan, rows);
  return li_cli_write (a->out, csv);
}
