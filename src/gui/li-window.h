/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-application.h"
#include "li-event-store.h"
#include "li-project.h"
#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_WINDOW (li_window_get_type ())
G_DECLARE_FINAL_TYPE (LiWindow, li_window, LI, WINDOW, AdwApplicationWindow)

/* Window actions, all "win.":
 *   new, open-rules, import-events, import-leads, save, save-as, undo, redo,
 *   close, cancel-import (also Escape), show-skipped-rows (the bad rows the
 *   last import skipped), dismiss-error, open-sample, open-recent (s: path),
 *   set-intent-points ((sd): event, points; edits the first intent rule of
 *   that event without a where, or adds one),
 *   set-stage-threshold ((ud): stage index, min_score),
 *   take-snapshot, compare-with-file, show-page (s: "replay" or "compare").
 * What the window shows is its project's (li_window_get_project): the
 * rules, the data, the replay and the comparison, and whether it is busy. */

LiWindow       *li_window_new                (LiApplication  *application);
/* The window's document, data and jobs (owned by the window). */
LiProject      *li_window_get_project        (LiWindow       *self);

/* Reads @file in the background, then replaces the rules without asking
 * (the caller asked about unsaved changes); problems go to a dialog.
 * FALSE, with the error shown, when it is not a local file. */
gboolean        li_window_open_rules         (LiWindow       *self,
                                              GFile          *file);
/* Starts an import in the background; the data in use stays until it
 * succeeds.  @n_events may be 0 to only (re)load a leads file. */
void            li_window_import             (LiWindow       *self,
                                              GFile * const  *events,
                                              guint           n_events,
                                              GFile          *leads);
/* Validates and writes the current rules; on success they are the saved
 * state and @path the document's file. */
gboolean        li_window_save_rules_to      (LiWindow       *self,
                                              const char     *path,
                                              GError        **error);
/* Writes the rules without validating them (a draft with problems). */
gboolean        li_window_save_draft_to      (LiWindow       *self,
                                              const char     *path,
                                              GError        **error);

/* The summary bar's counts as shown ("17,434 events · …"), for tests. */
const char     *li_window_get_summary_text   (LiWindow       *self);
const LiRules  *li_window_get_rules          (LiWindow       *self);
const char     *li_window_get_rules_path     (LiWindow       *self);
gboolean        li_window_get_dirty          (LiWindow       *self);
/* An import, a rule file, a replay (or one scheduled) or a comparison is
 * on its way. */
gboolean        li_window_get_busy           (LiWindow       *self);
/* Edit → result latency of the newest replay. */
double          li_window_get_last_replay_ms (LiWindow       *self);
/* The result the replay view shows and the rules it was computed with. */
LiReplayResult *li_window_get_replay_result  (LiWindow       *self,
                                              const LiRules **rules);
LiEventStore   *li_window_get_store          (LiWindow       *self);
/* The LiReplayView and the LiRuleEditor. */
GtkWidget      *li_window_get_replay_view    (LiWindow       *self);
GtkWidget      *li_window_get_rule_editor    (LiWindow       *self);
/* Reads the rules in @file in the background, then compares the draft with
 * them from now on (the Compare page); errors show in the error bar.
 * FALSE, with the error shown, when it is not a local file. */
gboolean        li_window_compare_with       (LiWindow       *self,
                                              GFile          *file);
/* The versions (LiVersion, newest first) of the compare page. */
GListModel     *li_window_get_versions       (LiWindow       *self);
/* The LiCompareView. */
GtkWidget      *li_window_get_compare_view   (LiWindow       *self);
/* The text of the error bar ("FILE:LINE: reason"), or NULL when hidden. */
const char     *li_window_get_error_text     (LiWindow       *self);

/* Waits until nothing is busy and the window has painted, then writes a PNG
 * of it. */
void            li_window_save_screenshot_async  (LiWindow           *self,
                                                  GFile              *file,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
gboolean        li_window_save_screenshot_finish (LiWindow           *self,
                                                  GAsyncResult       *result,
                                                  GError            **error);

G_END_DECLS
