/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-goal-panel.h"
#include "li-project.h"
#include "li-sweep.h"

G_BEGIN_DECLS

#define LI_TYPE_SWEEP_DIALOG (li_sweep_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiSweepDialog, li_sweep_dialog, LI, SWEEP_DIALOG, AdwWindow)

/* "Sweep a Number…": one number of the draft (li_rules_param_list), a
 * range of values, and a line chart of a metric (AUC, or a stage's
 * precision, recall, flagged leads or lift) at each value with the current
 * value marked.  The sweep runs in a worker thread on a copy of the draft
 * and the project's dataset (li_sweep_run), again when Sweep is pressed or
 * the draft changes elsewhere, and is cancelled when the dialog closes.
 * Clicking a point, or Enter on the chart's cursor, sets the number to that
 * value in the draft: one undoable edit. */
LiSweepDialog *li_sweep_dialog_new         (GtkWindow     *parent,
                                            LiProject     *project);

/* Chooses @param (a path of li_rules_param_list) with From/To/Steps around
 * its value, and sweeps.  FALSE when the draft has no such number. */
gboolean       li_sweep_dialog_set_param   (LiSweepDialog *self,
                                            const char    *param);
/* Sets From/To/Steps and sweeps. */
void           li_sweep_dialog_set_range   (LiSweepDialog *self,
                                            double         from,
                                            double         to,
                                            guint          steps);
/* 0: AUC; then per stage but the catch-all precision, recall, flagged, lift. */
void           li_sweep_dialog_set_metric  (LiSweepDialog *self,
                                            guint          metric);
gboolean       li_sweep_dialog_is_running  (LiSweepDialog *self);
/* The newest finished sweep, or NULL. */
const LiSweep *li_sweep_dialog_get_sweep   (LiSweepDialog *self);
/* The metric's value at each point, as the chart draws it. */
GArray        *li_sweep_dialog_dup_series  (LiSweepDialog *self);
/* Sets the number to point @index's value in the draft (what a click
 * does).  FALSE when there is no such point or the value is refused. */
gboolean       li_sweep_dialog_apply_point (LiSweepDialog *self,
                                            guint          index);
/* "Find a threshold" under the chart. */
LiGoalPanel   *li_sweep_dialog_get_goal_panel (LiSweepDialog *self);
/* What the dialog says under the chart. */
const char    *li_sweep_dialog_get_status  (LiSweepDialog *self);

/* A marketer's name of @param: "add_to_cart: points", "Stage “hot”:
 * minimum score", "Decay: half-life (days)" (plain function). */
char          *li_sweep_param_label        (const LiRules *rules,
                                            const char    *param);

G_END_DECLS
