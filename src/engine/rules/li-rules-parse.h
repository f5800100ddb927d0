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

/* Like the above, for a draft the editor saved with problems: rules that
 * are well-formed (every value of the right type, so they read back into
 * the same LiRules) load even when the validator finds errors in them (a
 * value out of range, an empty or duplicate name, the outcome in a rule).
 * Those errors are in @problems; NULL only for a file that does not read
 * into rules (syntax, a wrong type, a missing "stages"). */
LiRules    *li_rules_draft_from_data (const char    *data,
                                      gssize         len,
                                      GPtrArray     *problems,
                                      GError       **error);
LiRules    *li_rules_draft_from_file (const char    *path,
                                      GPtrArray     *problems,
                                      GError       **error);

G_END_DECLS
