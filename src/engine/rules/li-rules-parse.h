/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-problem.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* Parses and validates.  Every problem (errors and warnings) is appended to
 * @problems (LiProblem*, free with li_problem_free) when not NULL.  Returns
 * NULL when there is an error; @error then summarises the first one as
 * "path: message" (or the JSON syntax error with its line). */
LiRules    *li_rules_from_data   (const char    *data,
                                  gssize         len,
                                  GPtrArray     *problems,
                                  GError       **error);
LiRules    *li_rules_from_file   (const char    *path,
                                  GPtrArray     *problems,
                                  GError       **error);

G_END_DECLS
