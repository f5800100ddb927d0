/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-plan.h"

G_BEGIN_DECLS

/* The one-pass scorer shared by the replay and the as-of score.  A LiScorer
 * holds the running state of one lead at a time: feed it the lead's events in
 * order (li_scorer_feed), ask for the score at any time not before the last
 * event (li_scorer_eval).  Everything is incremental: decayed sums,
 * sliding windows of the patterns, fit values. */
typedef struct _LiScorer LiScorer;

typedef struct
{
  double  score;
  double  intent;
  double  fit;
  guint16 stage;
} LiScore;

LiScorer *li_scorer_new         (const LiPlan *plan);
void      li_scorer_free        (LiScorer     *scorer);
/* Starts lead @lead: resets intent, patterns and fit (to the leads file). */
void      li_scorer_begin_lead  (LiScorer     *scorer,
                                 guint32       lead);
/* Event @i of the store, in order.  An outcome event resets intent and
 * patterns (fit keeps its values). */
void      li_scorer_feed        (LiScorer     *scorer,
                                 guint32       i);
void      li_scorer_eval        (LiScorer     *scorer,
                                 gint64        t_ms,
                                 LiScore      *out);
/* One lead's journey (SPEC 5): events [begin, end) up to the first outcome,
 * scored after each.  @flag_ms[s] gets the first time the stage was s or
 * hotter, for s ≥ *reached. */
typedef struct
{
  double   peak;
  guint    reached;     /* hottest stage index reached; n_stages when empty */
  guint32  n_scored;    /* journey events */
  gboolean converted;
  gint64   t_outcome;
  guint64  patterns_fired;  /* bit p: the rules' pattern p (< 64) fired */
} LiJourney;

void      li_scorer_journey     (LiScorer     *scorer,
                                 guint32       lead,
                                 guint32       begin,
                                 guint32       end,
                                 gint64       *flag_ms,
                                 LiJourney    *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiScorer, li_scorer_free)

G_END_DECLS
