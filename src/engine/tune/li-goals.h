/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-lead-table.h"
#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

typedef enum
{
  LI_GOAL_PRECISION,  /* the lowest threshold with precision ≥ target */
  LI_GOAL_RECALL,     /* the highest threshold with recall ≥ target */
  LI_GOAL_CAPACITY,   /* the lowest threshold with ≤ target new leads per day */
} LiGoalKind;

/* At most this many candidate thresholds are replayed (re-staged). */
#define LI_GOAL_MAX_CANDIDATES 401

typedef struct
{
  LiGoalKind      kind;
  double          target;
  guint           stage;
  char           *stage_name;
  gboolean        has_current;
  double          current;        /* the stage's own min_score */
  gboolean        reached;        /* FALSE: no candidate meets the goal */
  double          min_score;      /* the threshold found, else NaN */
  double          days;           /* days of the replayed range (at least 1) */
  double          leads_per_day;  /* leads whose peak stage is this one, per day */
  LiRules        *rules;          /* the rules with min_score set (reached only) */
  LiReplayResult *replay;         /* their replay (reached only) */
} LiGoalResult;

/* The stage's min_score that meets the goal, among whole numbers (or a
 * coarser whole step when the scores span more than the candidates) from
 * the lowest to the highest score of any journey.  NULL with @error when the
 * stage is the catch-all or unknown. */
LiGoalResult *li_goal_threshold (const LiRules         *rules,
                                 LiEventStore          *store,
                                 LiLeadTable           *leads,
                                 guint                  stage,
                                 LiGoalKind             kind,
                                 double                 target,
                                 const LiReplayOptions *options,
                                 GCancellable          *cancellable,
                                 GError               **error);
void          li_goal_result_free    (LiGoalResult *result);
/* Leads whose peak stage is @stage per day of @days. */
double        li_goal_leads_per_day  (const LiReplayResult *replay,
                                      guint                 stage,
                                      double                days);
JsonNode     *li_goal_result_to_json (const LiGoalResult *result);
char         *li_goal_result_to_text (const LiGoalResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiGoalResult, li_goal_result_free)

G_END_DECLS
