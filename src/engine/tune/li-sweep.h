/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-lead-table.h"
#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* A sweep: the replay of the rules with one number set to each of a range
 * of values (docs/tuning.md). */
typedef struct
{
  double          value;
  LiReplayResult *replay;
} LiSweepPoint;

typedef struct
{
  char         *param;
  LiRules      *rules;     /* the swept rules, as given */
  gboolean      has_current;
  double        current;   /* the rules' own value */
  LiSweepPoint *points;
  guint         n_points;
} LiSweep;

/* @steps values from @from to @to, evenly spaced (one step: @from).  A stage
 * condition or the outcome window re-stages journeys scored once; any other
 * number replays each step, on every core. */
LiSweep  *li_sweep_run         (const LiRules         *rules,
                                LiEventStore          *store,
                                LiLeadTable           *leads,
                                const char            *param,
                                double                 from,
                                double                 to,
                                guint                  steps,
                                const LiReplayOptions *options,
                                GCancellable          *cancellable,
                                GError               **error);
/* The same for explicit values (the goals and the window's chart). */
LiSweep  *li_sweep_run_values  (const LiRules         *rules,
                                LiEventStore          *store,
                                LiLeadTable           *leads,
                                const char            *param,
                                const double          *values,
                                guint                  n_values,
                                const LiReplayOptions *options,
                                GCancellable          *cancellable,
                                GError               **error);
/* The same keeping only each point's metrics (per_lead NULL): for scans
 * of hundreds of candidates on large imports. */
LiSweep  *li_sweep_run_metrics (const LiRules         *rules,
                                LiEventStore          *store,
                                LiLeadTable           *leads,
                                const char            *param,
                                const double          *values,
                                guint                  n_values,
                                const LiReplayOptions *options,
                                GCancellable          *cancellable,
                                GError               **error);
void      li_sweep_free        (LiSweep               *sweep);
/* {"param", "current", "points": [{"value", "replay"}]} (docs/tuning.md). */
JsonNode *li_sweep_to_json     (const LiSweep         *sweep);
char     *li_sweep_to_text     (const LiSweep         *sweep);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiSweep, li_sweep_free)

G_END_DECLS
