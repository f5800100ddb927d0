/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lead-intent-cli: the commands of SPEC 7, their options and help. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "li-cli.h"
#include "li-remote.h"

typedef struct
{
  const char *name;
  const char *parameters;
  const char *summary;
  int       (*run) (const LiCliArgs *a);
} Command;

static const Command commands[] = {
  { "validate", "RULES", "Check a rule file: prints its problems, or “ok”.", li_cli_validate },
  { "score", "--rules RULES --events FILE…",
    "Score every lead as of a time (default: the last event): CSV lead_id,score,intent,fit,stage.",
    li_cli_score },
  { "replay", "--rules RULES --events FILE…",
    "Backtest the rules on the history: leads, converters, AUC, and per stage flagged, "
    "true/false positives, false negatives, precision, recall, lift, peak count, median hours.",
    li_cli_replay },
  { "compare", "--rules A --rules B --events FILE…",
    "Replay two rule versions on the same events: both metric sets, their differences, the "
    "migration of peak stages and the rule changes.", li_cli_compare },
  { "explain", "--rules RULES --events FILE… --lead ID",
    "Why one lead has its score as of a time (default: the last event): the part of every rule, "
    "pattern and fit rule, and the points each of its events added.", li_cli_explain },
  { "export-sql", "--rules RULES --dialect postgres|sqlite|bigquery",
    "Write the rules as one SQL query that scores the leads of an events table as score does "
    "(docs/sql-export.md).", li_cli_export_sql },
  { "export-events", "--events FILE…",
    "Write the imported events as CSV for the events table of export-sql: "
    "seq,lead_id,ts,event,<properties…>.", li_cli_export_events },
  { "export-leads", "--rules RULES --events FILE… [--stage S] -o OUT.csv",
    "The leads at stage S or hotter as of a time (default: every stage but the catch-all, at the "
    "last event): CSV lead_id,score,stage,channel,follow_up_deadline,product_id,variant,category.",
    li_cli_export_leads },
  { "fetch-rules", "--endpoint URL -o FILE",
    "Fetch production's rule file from a rules endpoint (docs/publishing.md), check it, write it "
    "and print its ETag.", li_cli_fetch_rules },
  { "publish", "--rules RULES --endpoint URL [--if-match ETAG]",
    "Validate a rule file and PUT it to a rules endpoint, refused when production changed since "
    "the ETag (default: the one last seen here).", li_cli_publish },
  { "token", "set|clear --endpoint URL",
    "Keep an endpoint's token in the keyring (set reads it from standard input) or remove it.",
    li_cli_token },
  { "sweep", "--rules RULES --events FILE… --param PATH --from X --to Y --steps N",
    "Replay the rules with one number (PATH, e.g. intent[2].points) set to each of N values from X "
    "to Y: AUC and per stage flagged, precision, recall and lift.", li_cli_sweep },
  { "goals", "--rules RULES --events FILE… --stage S --precision P|--recall R|--capacity N",
    "The min_score of stage S that reaches a target precision, recall, or N new leads per day, "
    "with its metrics (-o writes the rules with it).", li_cli_goals },
  { "suggest", "--rules RULES --events FILE… [--holdout-from TIME] -o OUT",
    "Point values and thresholds learned on the earlier events and judged on the later ones, "
    "in the same rules; each change explained.", li_cli_suggest },
  { "drift", "--rules RULES --events FILE… --period week|month|day|hour",
    "Per calendar period: the replay, each rule's firing rate and the stability (PSI) of peak "
    "scores against the first period.", li_cli_drift },
};

static int
_li_main_help (void)
{
  g_print ("Usage:\n  lead-intent-cli COMMAND [OPTION…]\n\nScore leads and backtest scoring rules.\n\nCommands:\n");
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    g_print ("  %-14s %s\n", commands[c].name, commands[c].summary);
  g_print ("\nRun “lead-intent-cli COMMAND --help” for the options of a command.\n");
  return LI_EXIT_OK;
}

int
main (int   argc,
      char *argv[])
{
  LiCliArgs a = { .bins = LI_BINS_DEFAULT };
  const Command *cmd = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameter = NULL;
  int status;
  GOptionEntry entries[] = {
    { "rules", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &a.rules, "Rule file (twice for compare)", "RULES" },
    { "events", 'e', 0, G_OPTION_ARG_FILENAME_ARRAY, &a.events, "Event export (.csv, .csv.gz, or an http(s):// URL); repeat or list several", "FILE" },
    { "leads", 'l', 0, G_OPTION_ARG_FILENAME, &a.leads, "Leads file with static attributes (or an http(s):// URL)", "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &a.format, "Event format: csv, rees46, retailrocket, ga4, segment (default: detected)", "F" },
    { "map", 0, 0, G_OPTION_ARG_FILENAME, &a.map, "Read the events as CSV through this column mapping (docs/import-mapping.md)", "FILE.json" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &a.as_of, "score, explain, export-sql, export-leads: as of this time (default: the last event)", "TIME" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &a.from, "replay, compare, drift: only events at or after TIME (sweep: the first value)", "TIME" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &a.to, "replay, compare, drift: only events at or before TIME (sweep: the last value)", "TIME" },
    { "bins", 0, 0, G_OPTION_ARG_INT, &a.bins, "replay, compare: histogram bins (default 40)", "N" },
    { "leads-out", 0, 0, G_OPTION_ARG_FILENAME, &a.leads_out, "replay: write lead_id,peak_score,peak_stage,converted", "FILE.csv" },
    { "lead", 0, 0, G_OPTION_ARG_STRING, &a.lead, "explain: the lead to explain", "ID" },
    { "dialect", 0, 0, G_OPTION_ARG_STRING, &a.dialect, "export-sql: postgres, sqlite or bigquery", "DIALECT" },
    { "events-table", 0, 0, G_OPTION_ARG_STRING, &a.events_table, "export-sql: the events table (default: events)", "NAME" },
    { "leads-table", 0, 0, G_OPTION_ARG_STRING, &a.leads_table, "export-sql: the leads table (default: leads)", "NAME" },
    { "endpoint", 0, 0, G_OPTION_ARG_STRING, &a.endpoint, "fetch-rules, publish, token: the rules endpoint", "URL" },
    { "if-match", 0, 0, G_OPTION_ARG_STRING, &a.if_match, "publish: the ETag production must still have (default: the last seen)", "ETAG" },
    { "stage", 0, 0, G_OPTION_ARG_STRING, &a.stage, "export-leads: the coldest stage to export (default: all but the catch-all)", "S" },
    { "param", 0, 0, G_OPTION_ARG_STRING, &a.param, "sweep: the JSON path of the number", "PATH" },
    { "steps", 0, 0, G_OPTION_ARG_STRING, &a.steps, "sweep: values from --from to --to (default 11)", "N" },
    { "precision", 0, 0, G_OPTION_ARG_STRING, &a.precision, "goals: the target precision", "P" },
    { "recall", 0, 0, G_OPTION_ARG_STRING, &a.recall, "goals: the target recall", "R" },
    { "capacity", 0, 0, G_OPTION_ARG_STRING, &a.capacity, "goals: leads per day the team follows up", "N" },
    { "holdout-from", 0, 0, G_OPTION_ARG_STRING, &a.holdout_from, "suggest: judge on events from TIME (default: the last 30 %)", "TIME" },
    { "period", 0, 0, G_OPTION_ARG_STRING, &a.period, "drift: week, month, day or hour", "P" },
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
  li_remote_init ();  /* every --events and --leads may be a URL */

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    return argc < 2 ? (_li_main_help (), LI_EXIT_USAGE) : _li_main_help ();
  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-V"))
    {
      g_print ("lead-intent-cli %s\n", PACKAGE_VERSION);
      return LI_EXIT_OK;
    }
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[1], commands[c].name))
      cmd = &commands[c];
  if (cmd == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("unknown command “%s”", argv[1]);
      return li_cli_usage (msg);
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
      status = li_cli_usage (error->message);
      li_cli_args_clear (&a);
      return status;
    }
  if (a.version)
    {
      g_print ("lead-intent-cli %s\n", PACKAGE_VERSION);
      li_cli_args_clear (&a);
      return LI_EXIT_OK;
    }

  /* Words left over: the rule file of validate, or more event files
   * (`--events a.csv b.csv`). */
  if (argc > 1)
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      char ***target = cmd->run == li_cli_validate ? &a.rules : &a.events;

      if (*target)
        g_strv_builder_addv (b, (const char **) *target);
      for (int i = 1; i < argc; i++)
        g_strv_builder_add (b, argv[i]);
      g_strfreev (*target);
      *target = g_strv_builder_end (b);
    }

  status = cmd->run (&a);
  li_cli_args_clear (&a);
  return status;
}
