/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-replay.h"

G_BEGIN_DECLS

/* The replay's journeys scored once and kept: per journey event the score,
 * intent and fit.  Changing a stage condition or the outcome window changes
 * no score, only which stage each score reaches and what counts as a true
 * positive, so the tuning assistant re-stages these instead of replaying. */
typedef struct _LiJourneys LiJourneys;

LiJourneys     *li_journeys_new     (const LiPlan          *plan,
                                     const LiReplayOptions *options,
                                     GCancellable          *cancellable,
                                     GError               **error);
/* For a number that scores linearly (a rule's, pattern's or fit rule's
 * points): the journeys of @base_plan (its rules with that number at 0)
 * and the unit part (@unit_plan: that rule alone at 1 point, uncapped,
 * its decay kept; its fit when @unit_is_fit, else its intent). */
LiJourneys     *li_journeys_new_linear (const LiPlan          *base_plan,
                                        const LiPlan          *unit_plan,
                                        gboolean               unit_is_fit,
                                        const LiReplayOptions *options,
                                        GCancellable          *cancellable,
                                        GError               **error);
void            li_journeys_free    (LiJourneys            *journeys);
/* The replay (SPEC 5) of the journeys under the stages and the outcome
 * window of @rules, which must score as the plan's rules do: equal to
 * li_replay_run with a plan of @rules. */
LiReplayResult *li_journeys_restage (const LiJourneys      *journeys,
                                     const LiRules         *rules,
                                     guint                  bins);

/* The replay of linear journeys with the number at @points (and the
 * rule's cap, 0 for none), scores summed as the scorer does. */
LiReplayResult *li_journeys_restage_linear (const LiJourneys *journeys,
                                            const LiRules    *rules,
                                            double            points,
                                            double            cap,
                                            guint             bins);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiJourneys, li_journeys_free)

G_END_DECLS
