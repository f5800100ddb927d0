/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rules.h"

G_BEGIN_DECLS

/* The events whose intent rules differ between @a and @b when nothing
 * else does, else NULL: a lead with no event of those names scores the
 * same under both (a replay of @b keeps it from @a's replay). */
GStrv       li_rules_intent_changes (const LiRules *a,
                                     const LiRules *b);

/* Whether @a and @b differ at most in the min_score of stages that set one
 * in both; *@below is then the lowest old or new value of those (INFINITY
 * when none differs).  A lead whose scores all stay below it reaches the
 * same stages at the same times under both. */
gboolean    li_rules_threshold_changes (const LiRules *a,
                                        const LiRules *b,
                                        double        *below);

/* Whether @a and @b differ at most in what patterns 0–63 add when they
 * fire (points, cap, decay) or in turning them off; bit p of *@changed
 * is then set for each pattern p that differs.  A lead in whose journey
 * none of those fired under @a scores the same under both. */
gboolean    li_rules_pattern_changes   (const LiRules *a,
                                        const LiRules *b,
                                        guint64       *changed);

G_END_DECLS
