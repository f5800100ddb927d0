/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules-check.c: the problem list that parsing and validation fill.  A
 * validator problem is dropped when the parser already reported an error at
 * the same path, above it or below it, so a problem is never reported twice. */

#include "config.h"

#include "li-rules-private.h"
#include "li-problem.h"

#include <stdarg.h>
#include <string.h>

void
_li_check_init (LiCheck   *check,
                GPtrArray *problems)
{
  memset (check, 0, sizeof *check);
  check->problems = problems;
  check->parse_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  check->parse_ancestors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
_li_check_clear (LiCheck *check)
{
  g_clear_pointer (&check->parse_errors, g_hash_table_unref);
  g_clear_pointer (&check->parse_ancestors, g_hash_table_unref);
}

/* Whether a proper ancestor of @path ("a[1].b" → "a[1]", "a") is in @set. */
static gboolean
_li_path_any_ancestor (const char *path,
                       GHashTable *set)
{
  for (gsize i = strlen (path); i > 0; i--)
    {
      if (path[i] == '.' || path[i] == '[')
        {
          g_autofree char *prefix = g_strndup (path, i);

          if (g_hash_table_contains (set, prefix))
            return TRUE;
        }
    }
  return FALSE;
}

static void
_li_path_add_ancestors (const char *path,
                        GHashTable *set)
{
  for (gsize i = strlen (path); i > 0; i--)
    if (path[i] == '.' || path[i] == '[')
      g_hash_table_add (set, g_strndup (path, i));
}

/* TRUE when the parser already reported an error at @path, above or below it. */
gboolean
_li_check_suppressed (LiCheck    *check,
                      const char *path)
{
  return g_hash_table_contains (check->parse_errors, path)
         || g_hash_table_contains (check->parse_ancestors, path)
         || _li_path_any_ancestor (path, check->parse_errors);
}

void
_li_check_add (LiCheck       *check,
               gboolean       suppressible,
               LiProblemLevel level,
               const char    *path,
               const char    *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (check->validating && suppressible && _li_check_suppressed (check, path))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (level == LI_PROBLEM_ERROR)
    {
      check->n_errors++;
      if (!check->validating)
        {
          g_hash_table_add (check->parse_errors, g_strdup (path));
          _li_path_add_ancestors (path, check->parse_ancestors);
        }
    }
  g_ptr_array_add (check->problems, li_problem_new (level, path, message));
}


const LiProblem *
_li_first_error (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const LiProblem *problem = g_ptr_array_index (problems, i);

      if (problem->level == LI_PROBLEM_ERROR)
        return problem;
    }
  return NULL;
}

void
_li_move_problems (GPtrArray *from,
                   GPtrArray *to)
{
  for (guint i = 0; i < from->len; i++)
    {
      if (to != NULL)
        g_ptr_array_add (to, g_ptr_array_index (from, i));
      else
        li_problem_free (g_ptr_array_index (from, i));
    }
  g_ptr_array_set_size (from, 0);
}
