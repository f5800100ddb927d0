/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_REPLAY_VIEW (li_replay_view_get_type ())
G_DECLARE_FINAL_TYPE (LiReplayView, li_replay_view, LI, REPLAY_VIEW, AdwBin)

/* The right side of the window: summary (leads, converters, base rate, AUC),
 * histogram of peak scores with draggable stage thresholds, stage table.
 * Emits ::threshold-changed (guint stage, double min_score) while the user
 * drags a threshold line. */
GtkWidget *li_replay_view_new        (void);
/* @result may be NULL (no data yet). The view keeps references/copies. */
void       li_replay_view_set_result (LiReplayView   *self,
                                      LiReplayResult *result,
                                      const LiRules  *rules);
/* The rule diagnostics under the stage table (copied); NULL hides them.
 * A result that carries its own (LiReplayResult.diagnostics) shows them
 * at once; one without keeps the list shown until this is called. */
void       li_replay_view_set_rule_diagnostics (LiReplayView            *self,
                                                const LiRuleDiagnostics *diagnostics);
/* Shows a spinner/progress while a replay runs; old numbers stay visible. */
void       li_replay_view_set_busy   (LiReplayView   *self,
                                      gboolean        busy);

/* Marks the numbers shown as out of date (dimmed, with a banner) while the
 * rules have problems and cannot be replayed; a new result clears it. */
void       li_replay_view_set_stale  (LiReplayView   *self,
                                      gboolean        stale);
gboolean   li_replay_view_get_stale  (LiReplayView   *self);

/* Added for tests and the window (the functions above are the contract). */

typedef enum
{
  LI_REPLAY_SUMMARY_LEADS,
  LI_REPLAY_SUMMARY_CONVERTERS,
  LI_REPLAY_SUMMARY_BASE_RATE,
  LI_REPLAY_SUMMARY_AUC,
  LI_REPLAY_SUMMARY_SKIPPED_LEADS,
  LI_N_REPLAY_SUMMARIES
} LiReplaySummary;

/* The result shown, or NULL (borrowed). */
LiReplayResult *li_replay_view_get_result   (LiReplayView    *self);
gboolean        li_replay_view_get_busy     (LiReplayView    *self);
/* Whether the empty state ("No Replay Yet") is shown. */
gboolean        li_replay_view_get_empty    (LiReplayView    *self);
/* The text of a summary number as shown ("12,345", "4.2%", "0.734", "—");
 * the skipped leads show under the leads as “1,234 skipped”, this returns
 * the number. */
const char     *li_replay_view_get_summary_text (LiReplayView    *self,
                                                 LiReplaySummary  which);
/* The children, typed as GtkWidget so that this header needs no chart
 * headers: a LiHistogram and a LiStageTable. */
GtkWidget      *li_replay_view_get_histogram   (LiReplayView    *self);
GtkWidget      *li_replay_view_get_stage_table (LiReplayView    *self);
/* The LiRuleDiagnosticsList under the stage table. */
GtkWidget      *li_replay_view_get_rule_list   (LiReplayView    *self);

/* Summary formatting as plain functions (no widget needed). */
char           *li_replay_view_format_summary  (const LiReplayResult *result,
                                                LiReplaySummary       which);

G_END_DECLS
