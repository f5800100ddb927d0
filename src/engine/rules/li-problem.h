/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A problem of a rule file: an error or a warning at a JSON path. */

typedef enum
{
  LI_PROBLEM_ERROR,
  LI_PROBLEM_WARNING,
} LiProblemLevel;

typedef struct
{
  LiProblemLevel level;
  char          *path;     /* JSON path, e.g. "intent[0].points" */
  char          *message;  /* e.g. "expected a number" */
} LiProblem;

LiProblem  *li_problem_new   (LiProblemLevel level,
                              const char    *path,
                              const char    *message);
void        li_problem_free  (LiProblem     *problem);
/* "path: message" (with "warning: " in front of warnings). */
char       *li_problem_to_string (const LiProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiProblem, li_problem_free)

G_END_DECLS
