/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rule-row.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_STAGE_ROW (li_stage_row_get_type ())
G_DECLARE_FINAL_TYPE (LiStageRow, li_stage_row, LI, STAGE_ROW, LiRuleRow)

/* One stage: name and summary, move up/down buttons in the header; name,
 * conditions (check button + spin each), channel and follow-up time when
 * expanded.  The catch-all (last) stage has no conditions and cannot be
 * moved or removed.  A LiRuleRow view, like LiIntentRow, that also emits
 * ::move-requested (delta −1 or +1). */
GtkWidget  *li_stage_row_new           (void);
/* @full: set every control; otherwise only labels and sensitivity. */
void        li_stage_row_update        (LiStageRow    *self,
                                        const LiStage *stage,
                                        gboolean       catch_all,
                                        gboolean       can_move_up,
                                        gboolean       can_move_down,
                                        gboolean       name_is_bad,
                                        gboolean       full);
const char *li_stage_row_get_name      (LiStageRow    *self);
const char *li_stage_row_get_channel   (LiStageRow    *self);
/* @field: LI_FIELD_MIN_SCORE, _MIN_INTENT, _MIN_FIT or _FOLLOW_UP.  FALSE
 * when the condition is off. */
gboolean    li_stage_row_get_value     (LiStageRow    *self,
                                        guint          field,
                                        double        *value);
/* Focuses the move button for @delta (or the other one when that one is
 * insensitive): keeps the keyboard on the stage after it moved. */
void        li_stage_row_focus_move    (LiStageRow    *self,
                                        int            delta);
void        li_stage_row_focus_name    (LiStageRow    *self);

G_END_DECLS
