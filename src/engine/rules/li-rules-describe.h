/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rules.h"

G_BEGIN_DECLS

/* One line of text about one part of a rule set, as the rule editor shows it
 * under each rule.  Translated; numbers in their shortest form. */

/* The three ages (in days) the decay preview reads, scaled to the model so
 * that a short decay is not a sliver of a 30-day axis: the half-life and two
 * and four times it; half, all and twice a window; a quarter, half and all
 * of a linear fade; 1, 7 and 30 days without decay.  The preview's axis
 * ends at the last. */
#define LI_DECAY_N_MARKS 3
void  li_decay_preview_marks (const LiDecay *decay,
                              double         marks[LI_DECAY_N_MARKS]);
/* An age as the preview labels it: "7 d", "2.4 h", "36 min". */
char *li_decay_format_age    (double         days);
/* What a point is worth at the preview's marks:
 * "7 d 0.50 · 14 d 0.25 · 28 d 0.06". */
char *li_decay_summary       (const LiDecay *decay);
/* "half-life 7 d", "counts for 3 d", "fades out over 10 d", "no decay". */
char *li_decay_describe      (const LiDecay *decay);
/* "off · link: cart, product · cap 12 · half-life 7 d".  @rule NULL is an
 * event without a rule ("off"); @is_outcome flags a rule on the outcome
 * event (an error).  "" for a rule with points and nothing else. */
char *li_intent_rule_summary (const LiIntentRule *rule,
                              gboolean            is_outcome);
/* "3 views of one product within 72 h", with " · off" when switched off. */
char *li_pattern_summary     (const LiPattern *pattern);
/* "country is one of US, CA", "budget ≥ 100" … */
char *li_fit_rule_summary    (const LiFitRule *rule);
/* "score ≥ 60 · phone within 15 min"; the catch-all (@catch_all, the last
 * stage) says so: "Catch-all · every other lead". */
char *li_stage_summary       (const LiStage *stage,
                              gboolean       catch_all);

G_END_DECLS
