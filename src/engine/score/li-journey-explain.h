/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-plan.h"
#include "li-scorer.h"

G_BEGIN_DECLS

/* A replay journey (SPEC 5) walked with an explained plan, for the rule
 * diagnostics: which intent rules and patterns added points at any journey
 * event, and what each contributed at the journey's first event whose stage
 * is @flag_stage or hotter.  Rules are numbered as in the explanation:
 * intent rules first, then patterns (slot n_intent + p). */
typedef struct _LiJourneyExplainer LiJourneyExplainer;

typedef struct
{
  guint32  n_scored;   /* journey events; 0: an empty journey */
  gboolean converted;
  gboolean flagged;    /* reached @flag_stage or hotter */
  gint64   flag_ms;    /* when it first did */
  LiScore  at_flag;    /* the score then */
} LiJourneyParts;

LiJourneyExplainer *li_journey_explainer_new  (const LiPlan       *explained);
void                li_journey_explainer_free (LiJourneyExplainer *self);
/* n_intent + n_patterns of the plan's rules. */
guint               li_journey_explainer_n_slots (LiJourneyExplainer *self);
/* Scores events [@begin, @end) of @lead up to its first outcome.  After
 * it, fired()[slot] says whether the slot added points in the journey and
 * at_flag()[slot] is its contribution (after the cap) at the flag moment
 * (0 when not flagged). */
void                li_journey_explainer_run  (LiJourneyExplainer *self,
                                               guint32             lead,
                                               guint32             begin,
                                               guint32             end,
                                               guint               flag_stage,
                                               LiJourneyParts     *out);
const gboolean     *li_journey_explainer_fired   (LiJourneyExplainer *self);
const double       *li_journey_explainer_at_flag (LiJourneyExplainer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiJourneyExplainer, li_journey_explainer_free)

G_END_DECLS
