/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-problem.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* Where a problem is, in the words of the rule editor rather than as a JSON
 * path: "Stage 2 “hot”: name" for "stages[1].name", "Intent rule 1
 * “product_view”: points", "Outcome: purchase window".  Translated. */
char *li_problem_describe_place (const LiProblem *problem,
                                 const LiRules   *rules);
/* The place and the message: "Stage 2 “hot”: name: must not be empty". */
char *li_problem_describe       (const LiProblem *problem,
                                 const LiRules   *rules);

/* Splits a path "stages[1].name" into its section ("stages"), item (1, or
 * -1 for none) and the rest ("name", may be ""); FALSE for a path of no
 * section list. */
gboolean li_problem_path_split  (const char      *path,
                                 char           **section,
                                 int             *item,
                                 char           **rest);

G_END_DECLS
