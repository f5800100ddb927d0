/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "li-dataset.h"
#include "li-output.h"
#include "li-plan.h"
#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* Exit statuses of SPEC 7. */
enum { LI_EXIT_OK = 0, LI_EXIT_BAD_INPUT = 1, LI_EXIT_USAGE = 2 };

/* --bins not given: the replay's default (40); 0 is a usage error. */
#define LI_BINS_DEFAULT G_MININT

typedef struct
{
  char   **rules;
  char   **events;
  char    *leads;
  char    *format;
  char    *map;
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
  char    *endpoint;
  char    *if_match;
  char    *param;         /* sweep */
  char    *steps;
  char    *precision;     /* goals */
  char    *recall;
  char    *capacity;
  char    *holdout_from;  /* suggest */
  char    *period;        /* drift */
  int      bins;
  gboolean json;
  gboolean diagnostics;   /* replay */
  gboolean skip_bad_rows;
  gint64   max_events;
  gboolean progress;
  gboolean version;
} LiCliArgs;

/* Shared by the commands: each prints its error and returns the exit
 * status, or returns NULL/FALSE after setting *status. */
int li_cli_usage (const char *message);
int li_cli_bad_input (const char *message);
LiDataset * li_cli_load_dataset (const LiCliArgs *a, int *status);
LiPlan * li_cli_plan_new (const LiRules *rules, LiDataset *dataset);
LiRules * li_cli_load_rules (const char *path, int *status);
gboolean li_cli_parse_time_arg (const char *name, const char *value, gint64 *time_ms, int *status);
int li_cli_commit (LiOutputSet *outputs);
int li_cli_write (const char *path, const char *data);
char * li_cli_json_to_string (JsonNode *node);
gboolean li_cli_load_scoring (const LiCliArgs *a, LiRules **rules, LiDataset **dataset, gint64 *as_of, int *status);
gboolean li_cli_replay_options (const LiCliArgs *a, LiReplayOptions *options, int *status);
void li_cli_args_clear (LiCliArgs *a);

/* The commands (li-cli-scoring.c, li-cli-export.c, li-cli-tune.c). */
int li_cli_validate (const LiCliArgs *a);
int li_cli_score (const LiCliArgs *a);
int li_cli_replay (const LiCliArgs *a);
int li_cli_compare (const LiCliArgs *a);
int li_cli_explain (const LiCliArgs *a);
int li_cli_export_sql (const LiCliArgs *a);
int li_cli_export_events (const LiCliArgs *a);
int li_cli_export_leads (const LiCliArgs *a);
/* li-cli-remote.c; the words after "token" (set, clear) are in a->events. */
int li_cli_fetch_rules (const LiCliArgs *a);
int li_cli_publish (const LiCliArgs *a);
int li_cli_token (const LiCliArgs *a);
/* li-cli-tune.c */
int li_cli_sweep (const LiCliArgs *a);
int li_cli_goals (const LiCliArgs *a);
int li_cli_suggest (const LiCliArgs *a);
int li_cli_drift (const LiCliArgs *a);

G_END_DECLS
