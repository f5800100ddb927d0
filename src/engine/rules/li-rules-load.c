/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "li-rules-load.h"
#include "li-rules-parse.h"
#include "li-problem.h"

typedef struct
{
  char      *path;
  gboolean   draft;
  GPtrArray *problems;  /* filled by the worker, read once it is done */
} LoadState;

static void
_li_load_state_free (LoadState *state)
{
  g_free (state->path);
  g_ptr_array_unref (state->problems);
  g_free (state);
}

static void
_li_rules_load_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  LoadState *state = task_data;
  g_autoptr(GError) error = NULL;
  LiRules *rules;

  rules = state->draft ? li_rules_draft_from_file (state->path, state->problems, &error)
                       : li_rules_from_file (state->path, state->problems, &error);
  if (rules == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rules, (GDestroyNotify) li_rules_free);
}

void
li_rules_load_async (const char          *path,
                     gboolean             draft,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadState *state;

  g_return_if_fail (path != NULL);

  state = g_new0 (LoadState, 1);
  state->path = g_strdup (path);
  state->draft = draft;
  state->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, li_rules_load_async);
  g_task_set_name (task, "[lead-intent] load rules");
  g_task_set_task_data (task, state, (GDestroyNotify) _li_load_state_free);
  g_task_run_in_thread (task, _li_rules_load_thread);
}

LiRules *
li_rules_load_finish (GAsyncResult  *result,
                      GPtrArray    **problems,
                      GError       **error)
{
  LoadState *state;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == li_rules_load_async, NULL);

  state = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = g_ptr_array_ref (state->problems);

  return g_task_propagate_pointer (G_TASK (result), error);
}
