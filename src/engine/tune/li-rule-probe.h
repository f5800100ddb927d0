/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-lead-table.h"
#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* Which leads one rule scores on, through the replay itself: rules with only
 * that rule (1 point per match or firing, undecayed, uncapped) and a stage
 * reached at 1 point flag exactly the leads whose journey it matched. */

typedef struct
{
  guint  leads, converters;
  guint  scored;             /* leads it scored on */
  guint  scored_converters;  /* of those, converters */
} LiRuleReach;

/* Rule @r counts intent rules first, then patterns. */
LiRules  *li_rule_probe_rules (const LiRules         *rules,
                               guint                  r);
gboolean  li_rule_probe_reach (const LiRules         *rules,
                               guint                  r,
                               LiEventStore          *store,
                               LiLeadTable           *leads,
                               const LiReplayOptions *options,
                               LiRuleReach           *reach,
                               GCancellable          *cancellable,
                               GError               **error);
/* How many times as often converters have it as the others: the share of
 * converters it scored on over the share of non-converters (NaN when a
 * class is empty, +inf when no non-converter has it). */
double    li_rule_reach_ratio (const LiRuleReach     *reach);

G_END_DECLS
