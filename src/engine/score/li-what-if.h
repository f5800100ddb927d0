/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-explain.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* Which single rule edit would change a lead's stage at the time of its
 * explanation (docs/decisions.md, "What would change its stage"): for every
 * stage condition and every intent rule or pattern that added points, the
 * smallest change (to two decimals) after which the stage (SPEC 4) is
 * another one, everything else unchanged.  Points keep their sign. */

typedef enum
{
  LI_WHAT_IF_THRESHOLD,  /* a stage's min_score, min_intent or min_fit */
  LI_WHAT_IF_POINTS,     /* an intent rule's or pattern's points */
} LiWhatIfKind;

typedef enum
{
  LI_WHAT_IF_MIN_SCORE,
  LI_WHAT_IF_MIN_INTENT,
  LI_WHAT_IF_MIN_FIT,
} LiWhatIfCondition;

typedef struct
{
  LiWhatIfKind      kind;
  guint             stage;      /* threshold: the stage whose condition it is */
  LiWhatIfCondition condition;
  LiExplainSection  section;    /* points: intent or patterns */
  guint             index;      /* points: in its section */
  double            old_value;
  double            new_value;
  guint             new_stage;  /* the lead's stage after the edit */
} LiWhatIf;

/* Every such edit, the smallest relative change first (|new − old| /
 * max(|old|, 1)); a GArray of LiWhatIf.  @rules are the explanation's. */
GArray *li_what_if_find     (const LiExplanation *explanation,
                             const LiRules       *rules);
/* “Raising the minimum score of “hot” from 50 to 60.01 would move this lead
 * to warm”, “3 more points for “add_to_cart” (33 instead of 30) would move
 * this lead to hot”. */
char   *li_what_if_describe (const LiWhatIf      *what_if,
                             const LiRules       *rules);

G_END_DECLS
