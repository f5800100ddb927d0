/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rules.h"

G_BEGIN_DECLS

/* A number of a rule file named by its JSON path (`intent[2].points`,
 * `stages[0].min_score`, `decay.half_life_days`, `outcome.window_days`):
 * what the tuning assistant sweeps, and what it may change. */

typedef enum
{
  LI_PARAM_OTHER,      /* scored numbers: a change needs a new replay */
  LI_PARAM_STAGE,      /* a stage condition: only the staging changes */
  LI_PARAM_WINDOW,     /* outcome.window_days: only the counting changes */
  LI_PARAM_POINTS,     /* a rule's, pattern's or fit rule's points: scores are linear in it */
} LiParamKind;

/* The number at @path, FALSE when the path names no number of @rules or
 * one that is unset (an absent max_points or min_score). */
gboolean    li_rules_param_get   (const LiRules *rules,
                                  const char    *path,
                                  double        *value);
/* Sets the number at @path (also an unset max_points or stage condition).
 * Counts (min_count, min_distinct, min_days) take integral values.  FALSE
 * with @error when the path names no number or the value is not allowed
 * there (the rules then are unchanged). */
gboolean    li_rules_param_set   (LiRules       *rules,
                                  const char    *path,
                                  double         value,
                                  GError       **error);
LiParamKind li_rules_param_kind  (const char    *path);
/* The paths of every number set in @rules, in rule-file order. */
GStrv       li_rules_param_list  (const LiRules *rules);

G_END_DECLS
