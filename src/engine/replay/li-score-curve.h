/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-plan.h"

G_BEGIN_DECLS

/* A lead's score over its journey (SPEC 4 and 5), for the inspector's
 * chart: exact at every journey event (just before and just after it, so
 * a jump is vertical), sampled between events to show the decay, and on to
 * the first outcome when there is one. */
typedef struct
{
  gint64   t_ms;
  double   score;
  gboolean at_event;  /* the score after a journey event (as the replay sees it) */
} LiCurvePoint;

typedef struct
{
  LiCurvePoint *points;
  guint         n_points;
  guint         n_stages;
  gint64       *reached_ms;  /* per stage: first journey event at it or hotter, else G_MININT64 */
  gboolean      converted;   /* an outcome ends the journey */
  gint64        outcome_ms;
  double        min_score, max_score;  /* over the points */
} LiScoreCurve;

/* The journey of @lead_id: its events up to @as_of_ms, before its first
 * outcome; @per_gap samples strictly between two journey events (and
 * between the last one and the outcome).  NULL with LI_EXPLAIN_ERROR when
 * the lead is unknown or has no journey event by then. */
LiScoreCurve *li_score_curve_new  (const LiPlan *plan,
                                   const char   *lead_id,
                                   gint64        as_of_ms,
                                   guint         per_gap,
                                   GError      **error);
void          li_score_curve_free (LiScoreCurve *curve);
/* The score at @t_ms by linear interpolation of the points (exact at the
 * points); the first or last score outside them. */
double        li_score_curve_value_at (const LiScoreCurve *curve,
                                       gint64              t_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiScoreCurve, li_score_curve_free)

G_END_DECLS
