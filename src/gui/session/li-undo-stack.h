/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rules.h"

G_BEGIN_DECLS

/* The window's undo history: a list of LiRules copies and a cursor.  Plain
 * data, no GTK, so it is unit-tested without a display.  Consecutive pushes
 * with the same merge key within LI_UNDO_MERGE_USEC (a threshold drag)
 * replace the newest state instead of adding one. */
typedef struct _LiUndoStack LiUndoStack;

#define LI_UNDO_MERGE_USEC (G_USEC_PER_SEC)

LiUndoStack   *li_undo_stack_new         (const LiRules *initial,
                                          guint          max_depth);
void           li_undo_stack_free        (LiUndoStack   *self);
/* Forgets the history: @rules becomes the only state. */
void           li_undo_stack_reset       (LiUndoStack   *self,
                                          const LiRules *rules);
/* Records @rules (copied) as the newest state and drops the redo states.
 * @merge_key may be NULL (never merged); @now_usec is a monotonic time. */
void           li_undo_stack_push        (LiUndoStack   *self,
                                          const LiRules *rules,
                                          const char    *merge_key,
                                          gint64         now_usec);
/* Move the cursor; return the new current state, or NULL when there is
 * nothing to undo/redo. */
const LiRules *li_undo_stack_undo        (LiUndoStack   *self);
const LiRules *li_undo_stack_redo        (LiUndoStack   *self);
const LiRules *li_undo_stack_get_current (LiUndoStack   *self);
gboolean       li_undo_stack_can_undo    (LiUndoStack   *self);
gboolean       li_undo_stack_can_redo    (LiUndoStack   *self);
guint          li_undo_stack_get_depth   (LiUndoStack   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiUndoStack, li_undo_stack_free)

G_END_DECLS
