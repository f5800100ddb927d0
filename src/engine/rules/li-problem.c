/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-problem.c: one problem of a rule file, with its JSON path. */

#include "config.h"

#include "li-problem.h"

LiProblem *
li_problem_new (LiProblemLevel level,
                const char    *path,
                const char    *message)
{
  LiProblem *problem = g_new0 (LiProblem, 1);

  problem->level = level;
  problem->path = g_strdup (path != NULL ? path : "");
  problem->message = g_strdup (message != NULL ? message : "");
  return problem;
}

void
li_problem_free (LiProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

char *
li_problem_to_string (const LiProblem *problem)
{
  const char *prefix;

  g_return_val_if_fail (problem != NULL, NULL);

  prefix = problem->level == LI_PROBLEM_WARNING ? "warning: " : "";
  if (problem->path == NULL || problem->path[0] == '\0')
    return g_strconcat (prefix, problem->message, NULL);
  return g_strconcat (prefix, problem->path, ": ", problem->message, NULL);
}
