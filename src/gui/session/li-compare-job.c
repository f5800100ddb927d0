/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-compare-job.h"
#include "li-plan.h"

typedef struct
{
  LiRules        *baseline;
  LiRules        *draft;
  LiReplayResult *baseline_result;
  LiReplayResult *draft_result;
  LiEventStore   *store;
  LiLeadTable    *leads;
  LiComparison   *comparison;
} CompareState;

static void
_li_compare_state_free (CompareState *state)
{
  g_clear_pointer (&state->baseline, li_rules_free);
  g_clear_pointer (&state->draft, li_rules_free);
  g_clear_pointer (&state->baseline_result, li_replay_result_unref);
  g_clear_pointer (&state->draft_result, li_replay_result_unref);
  g_clear_pointer (&state->store, li_event_store_unref);
  g_clear_pointer (&state->leads, li_lead_table_unref);
  g_clear_pointer (&state->comparison, li_comparison_free);
  g_free (state);
}

static void
_li_compare_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  CompareState *state = task_data;
  g_autoptr(LiPlan) plan_a = NULL;
  g_autoptr(LiPlan) plan_b = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  plan_a = li_plan_new (state->baseline, state->store, state->leads);
  if (state->baseline_result == NULL)
    {
      state->baseline_result = li_replay_run (plan_a, NULL, NULL, NULL, cancellable, &error);
      if (state->baseline_result == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  plan_b = li_plan_new (state->draft, state->store, state->leads);
  state->comparison = li_comparison_new (plan_a, state->baseline_result, plan_b, state->draft_result);
  g_task_return_boolean (task, TRUE);
}

void
li_compare_job_run_async (GObject             *source_object,
                          const LiRules       *baseline,
                          LiReplayResult      *baseline_result,
                          const LiRules       *draft,
                          LiReplayResult      *draft_result,
                          LiEventStore        *store,
                          LiLeadTable         *leads,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CompareState *state;

  g_return_if_fail (baseline != NULL && draft != NULL);
  g_return_if_fail (draft_result != NULL && store != NULL);

  state = g_new0 (CompareState, 1);
  state->baseline = li_rules_copy (baseline);
  state->draft = li_rules_copy (draft);
  state->baseline_result = baseline_result ? li_replay_result_ref (baseline_result) : NULL;
  state->draft_result = li_replay_result_ref (draft_result);
  state->store = li_event_store_ref (store);
  state->leads = leads ? li_lead_table_ref (leads) : NULL;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, li_compare_job_run_async);
  g_task_set_name (task, "[lead-intent] compare");
  g_task_set_task_data (task, state, (GDestroyNotify) _li_compare_state_free);
  g_task_run_in_thread (task, _li_compare_thread);
}

LiComparison *
li_compare_job_finish (GAsyncResult    *result,
                       LiReplayResult **baseline_result,
                       GError         **error)
{
  CompareState *state;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == li_compare_job_run_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  state = g_task_get_task_data (G_TASK (result));
  if (baseline_result != NULL)
    *baseline_result = li_replay_result_ref (state->baseline_result);
  return g_steal_pointer (&state->comparison);
}
