/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-compare.h"
#include "li-dataset.h"
#include "li-replay.h"

G_BEGIN_DECLS

/* Replays and comparisons in a worker thread.  The plans are compiled
 * there too, from copies of the rules; @dataset needs a store. */

/* li_replay_run of @rules on @dataset (SPEC 5).  @options may be NULL.
 * With @last_result, a replay of @last_rules on @dataset with the same
 * options, li_replay_rerun: the same result, faster after a small edit. */
void            li_replay_run_async   (const LiRules         *rules,
                                       LiDataset             *dataset,
                                       const LiReplayOptions *options,
                                       const LiRules         *last_rules,
                                       LiReplayResult        *last_result,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data);
LiReplayResult *li_replay_run_finish  (GAsyncResult          *result,
                                       GError               **error);

/* li_rule_diagnostics_compute of @result, a replay of @rules on @dataset
 * with @options (may be NULL): the window's second step after a replay,
 * so that the replay's numbers are shown without waiting for it. */
void               li_rule_diagnostics_run_async  (const LiRules         *rules,
                                                   LiReplayResult        *result,
                                                   LiDataset             *dataset,
                                                   const LiReplayOptions *options,
                                                   GCancellable          *cancellable,
                                                   GAsyncReadyCallback    callback,
                                                   gpointer               user_data);
LiRuleDiagnostics *li_rule_diagnostics_run_finish (GAsyncResult          *result,
                                                   GError               **error);

/* The comparison of li_compare_run (SPEC 6), except that a side whose
 * replay is known (@result_a, @result_b; either may be NULL) is not
 * replayed again: a baseline costs one replay however many edits of the
 * draft follow.  The comparison's ->a and ->b are the two replays. */
void            li_compare_run_async  (const LiRules         *rules_a,
                                       LiReplayResult        *result_a,
                                       const LiRules         *rules_b,
                                       LiReplayResult        *result_b,
                                       LiDataset             *dataset,
                                       const LiReplayOptions *options,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data);
LiComparison   *li_compare_run_finish (GAsyncResult          *result,
                                       GError               **error);

G_END_DECLS
