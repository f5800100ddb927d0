/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-replay-job.h"
#include "li-plan.h"

typedef struct
{
  LiRules         *rules;
  LiEventStore    *store;
  LiLeadTable     *leads;
  LiReplayOptions  options;
} ReplayState;

static void
_li_replay_state_free (ReplayState *state)
{
  g_clear_pointer (&state->rules, li_rules_free);
  g_clear_pointer (&state->store, li_event_store_unref);
  g_clear_pointer (&state->leads, li_lead_table_unref);
  g_free (state);
}

static void
_li_replay_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ReplayState *state = task_data;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  LiReplayResult *result;

  if (g_task_return_error_if_cancelled (task))
    return;

  plan = li_plan_new (state->rules, state->store, state->leads);
  result = li_replay_run (plan, &state->options, NULL, NULL, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) li_replay_result_unref);
}

void
li_replay_job_run_async (GObject               *source_object,
                         const LiRules         *rules,
                         LiEventStore          *store,
                         LiLeadTable           *leads,
                         const LiReplayOptions *options,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ReplayState *state;

  g_return_if_fail (rules != NULL);
  g_return_if_fail (store != NULL);

  state = g_new0 (ReplayState, 1);
  state->rules = li_rules_copy (rules);
  state->store = li_event_store_ref (store);
  state->leads = leads ? li_lead_table_ref (leads) : NULL;
  if (options != NULL)
    state->options = *options;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, li_replay_job_run_async);
  g_task_set_name (task, "[lead-intent] replay");
  g_task_set_task_data (task, state, (GDestroyNotify) _li_replay_state_free);
  g_task_run_in_thread (task, _li_replay_thread);
}

LiReplayResult *
li_replay_job_finish (GAsyncResult *result,
                      GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == li_replay_job_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
