/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "li-replay-task.h"
#include "li-plan.h"

/* A replay, or the two of a comparison (B unused for a replay). */
typedef struct
{
  LiRules         *rules_a;
  LiReplayResult  *result_a;
  LiRules         *rules_b;
  LiReplayResult  *result_b;
  LiDataset       *dataset;
  LiReplayOptions  options;
} ReplayState;

static void
_li_replay_state_free (ReplayState *state)
{
  g_clear_pointer (&state->rules_a, li_rules_free);
  g_clear_pointer (&state->result_a, li_replay_result_unref);
  g_clear_pointer (&state->rules_b, li_rules_free);
  g_clear_pointer (&state->result_b, li_replay_result_unref);
  g_clear_object (&state->dataset);
  g_free (state);
}

static ReplayState *
_li_replay_state_new (const LiRules         *rules_a,
                      LiReplayResult        *result_a,
                      const LiRules         *rules_b,
                      LiReplayResult        *result_b,
                      LiDataset             *dataset,
                      const LiReplayOptions *options)
{
  ReplayState *state = g_new0 (ReplayState, 1);

  state->rules_a = li_rules_copy (rules_a);
  state->result_a = result_a != NULL ? li_replay_result_ref (result_a) : NULL;
  state->rules_b = rules_b != NULL ? li_rules_copy (rules_b) : NULL;
  state->result_b = result_b != NULL ? li_replay_result_ref (result_b) : NULL;
  state->dataset = g_object_ref (dataset);
  if (options != NULL)
    state->options = *options;

  return state;
}

static LiPlan *
_li_replay_state_plan (ReplayState   *state,
                       const LiRules *rules)
{
  return li_plan_new (rules, li_dataset_get_store (state->dataset),
                      li_dataset_get_leads (state->dataset));
}

/* Worker thread: @known, or else a replay of @plan. */
static LiReplayResult *
_li_replay_unless_known (const LiPlan          *plan,
                         LiReplayResult        *known,
                         const LiReplayOptions *options,
                         GCancellable          *cancellable,
                         GError               **error)
{
  if (known != NULL)
    return li_replay_result_ref (known);

  return li_replay_run (plan, options, NULL, NULL, cancellable, error);
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

  plan = _li_replay_state_plan (state, state->rules_a);
  if (state->result_b != NULL)
    result = li_replay_rerun (plan, &state->options, state->rules_b, state->result_b, cancellable, &error);
  else
    result = li_replay_run (plan, &state->options, NULL, NULL, cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) li_replay_result_unref);
}

static void
_li_diagnostics_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  ReplayState *state = task_data;
  g_autoptr(LiPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  LiRuleDiagnostics *diagnostics;

  if (g_task_return_error_if_cancelled (task))
    return;

  plan = li_plan_new_explained (state->rules_a, li_dataset_get_store (state->dataset),
                                li_dataset_get_leads (state->dataset));
  diagnostics = li_rule_diagnostics_compute (plan, state->result_a, &state->options, cancellable, &error);
  if (diagnostics == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, diagnostics, (GDestroyNotify) li_rule_diagnostics_free);
}

static void
_li_compare_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ReplayState *state = task_data;
  g_autoptr(LiPlan) plan_a = NULL;
  g_autoptr(LiPlan) plan_b = NULL;
  g_autoptr(LiReplayResult) result_a = NULL;
  g_autoptr(LiReplayResult) result_b = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  plan_a = _li_replay_state_plan (state, state->rules_a);
  plan_b = _li_replay_state_plan (state, state->rules_b);
  result_a = _li_replay_unless_known (plan_a, state->result_a, &state->options, cancellable, &error);
  if (result_a != NULL)
    result_b = _li_replay_unless_known (plan_b, state->result_b, &state->options, cancellable, &error);
  if (result_b == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, li_comparison_new (plan_a, result_a, plan_b, result_b),
                         (GDestroyNotify) li_comparison_free);
}

static void
_li_replay_task_run (ReplayState         *state,
                     gpointer             source_tag,
                     const char          *name,
                     GTaskThreadFunc      thread_func,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, state, (GDestroyNotify) _li_replay_state_free);
  g_task_run_in_thread (task, thread_func);
}

void
li_replay_run_async (const LiRules         *rules,
                     LiDataset             *dataset,
                     const LiReplayOptions *options,
                     const LiRules         *last_rules,
                     LiReplayResult        *last_result,
                     GCancellable          *cancellable,
                     GAsyncReadyCallback    callback,
                     gpointer               user_data)
{
  g_return_if_fail (rules != NULL);
  g_return_if_fail (LI_IS_DATASET (dataset) && li_dataset_get_store (dataset) != NULL);
  g_return_if_fail ((last_rules == NULL) == (last_result == NULL));

  /* The last replay rides in the B slot. */
  _li_replay_task_run (_li_replay_state_new (rules, NULL, last_rules, last_result, dataset, options),
                       li_replay_run_async, "[lead-intent] replay", _li_replay_thread,
                       cancellable, callback, user_data);
}

LiReplayResult *
li_replay_run_finish (GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == li_replay_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
li_rule_diagnostics_run_async (const LiRules         *rules,
                               LiReplayResult        *result,
                               LiDataset             *dataset,
                               const LiReplayOptions *options,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  g_return_if_fail (rules != NULL && result != NULL);
  g_return_if_fail (LI_IS_DATASET (dataset) && li_dataset_get_store (dataset) != NULL);

  _li_replay_task_run (_li_replay_state_new (rules, result, NULL, NULL, dataset, options),
                       li_rule_diagnostics_run_async, "[lead-intent] rule diagnostics",
                       _li_diagnostics_thread, cancellable, callback, user_data);
}

LiRuleDiagnostics *
li_rule_diagnostics_run_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == li_rule_diagnostics_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
li_compare_run_async (const LiRules         *rules_a,
                      LiReplayResult        *result_a,
                      const LiRules         *rules_b,
                      LiReplayResult        *result_b,
                      LiDataset             *dataset,
                      const LiReplayOptions *options,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_return_if_fail (rules_a != NULL && rules_b != NULL);
  g_return_if_fail (LI_IS_DATASET (dataset) && li_dataset_get_store (dataset) != NULL);

  _li_replay_task_run (_li_replay_state_new (rules_a, result_a, rules_b, result_b, dataset, options),
                       li_compare_run_async, "[lead-intent] compare", _li_compare_thread,
                       cancellable, callback, user_data);
}

LiComparison *
li_compare_run_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == li_compare_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
