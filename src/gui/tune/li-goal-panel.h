/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-goals.h"
#include "li-project.h"

G_BEGIN_DECLS

#define LI_TYPE_GOAL_PANEL (li_goal_panel_get_type ())
G_DECLARE_FINAL_TYPE (LiGoalPanel, li_goal_panel, LI, GOAL_PANEL, AdwBin)

/* "Find a threshold": for a stage of the draft, the min_score that reaches
 * a target precision or recall, or at most a number of new leads per day
 * (li_goal_threshold in a worker thread on copies), with the metrics there
 * and Apply: one undoable edit of the draft. */
GtkWidget          *li_goal_panel_new         (void);
void                li_goal_panel_set_project (LiGoalPanel *self,
                                               LiProject   *project);
/* Sets the controls and finds (what Find does).  @target: a share for
 * precision and recall, leads per day for capacity. */
void                li_goal_panel_find        (LiGoalPanel *self,
                                               guint        stage,
                                               LiGoalKind   kind,
                                               double       target);
gboolean            li_goal_panel_is_running  (LiGoalPanel *self);
/* The newest finished result, or NULL. */
const LiGoalResult *li_goal_panel_get_result  (LiGoalPanel *self);
/* Sets the stage's min_score to the result's; FALSE without one. */
gboolean            li_goal_panel_apply       (LiGoalPanel *self);
const char         *li_goal_panel_get_summary (LiGoalPanel *self);

G_END_DECLS
