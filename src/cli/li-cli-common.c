/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "li-cli.h"
#include "li-json-writer.h"
#include "li-problem.h"
#include "li-rules-parse.h"
#include "li-time.h"

void
li_cli_args_clear (LiCliArgs *a)
{
  g_strfreev (a->rules);
  g_strfreev (a->events);
  g_free (a->leads);
  g_free (a->format);
  g_free (a->map);
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
  g_free (a->endpoint);
  g_free (a->if_match);
  g_free (a->param);
  g_free (a->steps);
  g_free (a->precision);
  g_free (a->recall);
  g_free (a->capacity);
  g_free (a->holdout_from);
  g_free (a->period);
}

int
li_cli_usage (const char *message)
{
  g_printerr ("lead-intent-cli: %s\nTry “lead-intent-cli --help”.\n", message);
  return LI_EXIT_USAGE;
}

int
li_cli_bad_input (const char *message)
{
  g_printerr ("%s\n", message);
  return LI_EXIT_BAD_INPUT;
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
_li_show_progress (const LiCliArgs *a)
{
  return a->progress || isatty (STDERR_FILENO);
}

/* Events (and the leads file) of the command line.  Returns NULL after
 * printing the error. */
LiDataset *
li_cli_load_dataset (const LiCliArgs *a,
                  int        *status)
{
  LiImportOptions options = { .format = LI_FORMAT_AUTO, .skip_bad_rows = a->skip_bad_rows };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiCsvMap) map = NULL;
  const LiImportReport *report;
  LiDataset *dataset;

  if (a->max_events < 0)
    {
      *status = li_cli_usage (_("--max-events must be a positive number"));
      return NULL;
    }
  options.max_events = (guint64) a->max_events;
  if (a->format && !li_format_from_string (a->format, &options.format))
    {
      g_autofree char *msg = g_strdup_printf ("unknown format “%s” (csv, rees46, retailrocket, ga4, segment)", a->format);
      *status = li_cli_usage (msg);
      return NULL;
    }
  if (a->map != NULL && options.format != LI_FORMAT_AUTO && options.format != LI_FORMAT_CSV)
    {
      *status = li_cli_usage (_("--map reads CSV files: --format cannot name another format"));
      return NULL;
    }
  if (a->map != NULL && (map = li_csv_map_from_file (a->map, &error)) == NULL)
    {
      *status = li_cli_bad_input (error->message);
      return NULL;
    }
  options.map = map;
  dataset = li_dataset_load ((const char * const *) a->events, a->leads, &options,
                             _li_show_progress (a) ? _li_progress_cb : NULL, (gpointer) "Importing",
                             NULL, &error);
  if (dataset == NULL)
    {
      *status = li_cli_bad_input (error->message);
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
  /* Rows that are valid but make no event on purpose (Segment's other
   * calls, event values a mapping maps to null). */
  if (report->n_ignored > 0)
    g_printerr ("ignored %" G_GUINT64_FORMAT " row%s of no event\n", report->n_ignored,
                report->n_ignored == 1 ? "" : "s");
  return dataset;
}

/* The rules compiled against the command line's data. */
LiPlan *
li_cli_plan_new (const LiRules *rules,
              LiDataset     *dataset)
{
  return li_plan_new (rules, li_dataset_get_store (dataset), li_dataset_get_leads (dataset));
}

LiRules *
li_cli_load_rules (const char *path,
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
      *status = LI_EXIT_BAD_INPUT;
    }
  return rules;
}

gboolean
li_cli_parse_time_arg (const char *name,
                    const char *value,
                    gint64     *time_ms,
                    int        *status)
{
  if (li_time_parse (value, strlen (value), time_ms))
    return TRUE;
  {
    g_autofree char *msg = g_strdup_printf ("%s: cannot read the time “%s”", name, value);
    *status = li_cli_usage (msg);
  }
  return FALSE;
}

/* Writes every output of the command, or none of them (SPEC 7). */
int
li_cli_commit (LiOutputSet *outputs)
{
  g_autoptr(GError) error = NULL;

  if (!li_output_set_commit (outputs, &error))
    return li_cli_bad_input (error->message);
  return LI_EXIT_OK;
}

/* One output of the command: @data to @path, or to stdout when NULL. */
int
li_cli_write (const char *path,
           const char *data)
{
  g_autoptr(LiOutputSet) outputs = li_output_set_new ();

  g_string_append (li_output_set_add (outputs, path), data);
  return li_cli_commit (outputs);
}

/* Takes @node.  Numbers in their shortest form, as rule files are written. */
char *
li_cli_json_to_string (JsonNode *node)
{
  g_autofree char *text = li_json_to_string (node, TRUE);

  json_node_unref (node);
  return g_strconcat (text, "\n", NULL);
}

/* The rules and the data of a command that scores as of a time.  --as-of
 * is checked before the import, and defaults to the last event.  FALSE
 * after printing the error. */
gboolean
li_cli_load_scoring (const LiCliArgs  *a,
                  LiRules    **rules,
                  LiDataset  **dataset,
                  gint64      *as_of,
                  int         *status)
{
  if (a->as_of && !li_cli_parse_time_arg ("--as-of", a->as_of, as_of, status))
    return FALSE;
  if ((*rules = li_cli_load_rules (a->rules[0], status)) == NULL)
    return FALSE;
  if ((*dataset = li_cli_load_dataset (a, status)) == NULL)
    return FALSE;
  if (a->as_of == NULL)
    *as_of = li_dataset_get_store (*dataset)->max_time_ms;
  return TRUE;
}

gboolean
li_cli_replay_options (const LiCliArgs      *a,
                    LiReplayOptions *options,
                    int             *status)
{
  *options = (LiReplayOptions) { 0 };
  if (a->bins != LI_BINS_DEFAULT && (a->bins < 1 || a->bins > 100000))
    {
      *status = li_cli_usage (_("--bins must be between 1 and 100000"));
      return FALSE;
    }
  options->bins = a->bins == LI_BINS_DEFAULT ? 0 : (guint) a->bins;
  options->has_from = a->from != NULL;
  options->has_to = a->to != NULL;
  return (!a->from || li_cli_parse_time_arg ("--from", a->from, &options->from_ms, status)) &&
         (!a->to || li_cli_parse_time_arg ("--to", a->to, &options->to_ms, status));
}
