/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-plan.h"
#include "li-replay.h"

G_BEGIN_DECLS

/* The leads explorer's lists: positions in a replay's per_lead (guint32
 * elements of a GArray), filtered and sorted.  The result must come from a
 * replay with keep_lead_facts, run with @plan's rules. */

typedef enum
{
  LI_LEAD_COLUMN_LEAD_ID,
  LI_LEAD_COLUMN_PEAK_SCORE,
  LI_LEAD_COLUMN_PEAK_STAGE,        /* in rule-file order, hottest first */
  LI_LEAD_COLUMN_CONVERTED,         /* not converted first */
  LI_LEAD_COLUMN_FLAG_TIME,         /* at the list's stage */
  LI_LEAD_COLUMN_HOURS_TO_OUTCOME,  /* from the flag at the list's stage */
  LI_LEAD_COLUMN_N_EVENTS,          /* journey events */
  LI_LEAD_COLUMN_LAST_EVENT,        /* the last journey event's time */
} LiLeadColumn;

typedef enum
{
  LI_LEAD_FILTER_ALL,
  /* Flagged at the stage or hotter, and no outcome within the window after
   * that flag (SPEC 5's false positives). */
  LI_LEAD_FILTER_FALSE_POSITIVES,
  /* Converted, but not a true positive of the stage. */
  LI_LEAD_FILTER_FALSE_NEGATIVES,
  LI_LEAD_FILTER_CONVERTED,
  LI_LEAD_FILTER_PEAK_STAGE,        /* peak stage is the stage */
} LiLeadFilter;

/* The leads that pass @filter at @stage and whose id contains @search
 * (ASCII letters in either case; NULL or "" for every lead), in per_lead
 * order. */
GArray *li_lead_list_filter (const LiReplayResult *result,
                             const LiPlan         *plan,
                             LiLeadFilter          filter,
                             guint                 stage,
                             const char           *search);
/* Sorts @list by @column (flag time and hours at @stage).  Leads without a
 * value (never flagged at the stage, not converted) come last in both
 * directions; ties are broken by lead id, ascending bytes. */
void    li_lead_list_sort   (const LiReplayResult *result,
                             const LiPlan         *plan,
                             GArray               *list,
                             LiLeadColumn          column,
                             guint                 stage,
                             gboolean              descending);

G_END_DECLS
