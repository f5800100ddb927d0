/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-compare.h"
#include "li-dataset.h"
#include "li-replay.h"
#include "li-rules.h"
#include "li-version.h"
#include "li-problem.h"

G_BEGIN_DECLS

#define LI_TYPE_PROJECT (li_project_get_type ())
G_DECLARE_FINAL_TYPE (LiProject, li_project, LI, PROJECT, GObject)

/* What a window works on, without GTK: the rules document (the draft, the
 * file it belongs to, its undo history), the dataset, the replay of the
 * draft, and the comparison of the draft with a baseline version.
 *
 * The project runs its jobs in worker threads, one GCancellable per kind
 * (rule file, import, replay, comparison): a new job cancels the one it
 * replaces, and a superseded job ends silently.  Disposing the project
 * cancels them all.  An edit is replayed after a short debounce, the data
 * and a newly opened document at once; each new replay is compared with
 * the baseline, if any.
 *
 * Properties (read-only, all notify): "busy" (a job runs or a replay is
 * scheduled), "dirty" (the draft differs from its file), "path" (the file,
 * NULL until saved), "importing", "replaying" (scheduled or running),
 * "comparing", "baseline" (LiVersion, NULL until one is chosen) and
 * "last-replay-ms" (edit → result latency of the newest replay).
 *
 * Signals:
 *   ::rules-changed ()         the draft changed: edit, undo, redo, open, reset
 *   ::open-finished (const char *path, GPtrArray *problems, GError *error)
 *                              li_project_open() ended; error NULL: @path is
 *                              the document.  @problems: every LiProblem.
 *   ::import-progress (guint64 done, guint64 total)   total 0: unknown size
 *   ::import-finished (LiDataset *loaded, GError *error)
 *                              error NULL: @loaded (what this import read) is
 *                              in use; else the data in use stays
 *                              (G_IO_ERROR_CANCELLED: cancelled)
 *   ::replay-started ()        the (valid) draft is being replayed
 *   ::replay-finished (GError *error)
 *                              error NULL: a new result; LI_RULES_ERROR_INVALID
 *                              (its errors one per line) when the draft cannot
 *                              be replayed, instead of starting
 *   ::diagnostics-finished ()  the rule diagnostics of the newest result
 *                              (li_project_get_rule_diagnostics), computed a
 *                              step after it
 *   ::comparison-finished (GError *error)   error NULL: a new comparison
 *   ::compare-with-finished (const char *path, GError *error)
 *                              li_project_compare_with() ended; error NULL: a
 *                              version of @path is the baseline now */

LiProject      *li_project_new                (void);

/* The document.  A new project holds the bundled template rules. */
const LiRules  *li_project_get_rules          (LiProject          *self);
const char     *li_project_get_path           (LiProject          *self);
gboolean        li_project_get_dirty          (LiProject          *self);
/* The rule set's name, or "Untitled Rules". */
const char     *li_project_get_name           (LiProject          *self);
/* The name, with "• " in front for unsaved changes. */
char           *li_project_dup_title          (LiProject          *self);
/* The file's base name, or "Not saved". */
char           *li_project_dup_subtitle       (LiProject          *self);
/* An edit of the draft: undoable (edits with the same @merge_key in quick
 * succession are one step; may be NULL), replayed after the debounce. */
void            li_project_commit_rules       (LiProject          *self,
                                               const LiRules      *rules,
                                               const char         *merge_key);
/* Points of the first intent rule of @event without a where (added when
 * there is none). */
void            li_project_set_intent_points  (LiProject          *self,
                                               const char         *event,
                                               double              points);
/* Minimum score of stage @stage (ignored when out of range); a drag is one
 * undo step. */
void            li_project_set_stage_threshold (LiProject         *self,
                                                guint              stage,
                                                double             min_score);
gboolean        li_project_can_undo           (LiProject          *self);
gboolean        li_project_can_redo           (LiProject          *self);
void            li_project_undo               (LiProject          *self);
void            li_project_redo               (LiProject          *self);
/* The template rules, untitled and without history. */
void            li_project_reset              (LiProject          *self);
/* Reads @path in the background (::open-finished); it replaces the
 * document, without asking, once it is read: valid, or a draft saved with
 * problems (the problems come with ::open-finished). */
void            li_project_open               (LiProject          *self,
                                               const char         *path);
/* Validates and writes the draft; on success it is the saved state and
 * @path the document's file. */
gboolean        li_project_save               (LiProject          *self,
                                               const char         *path,
                                               GError            **error);
/* The same without validating: a draft with problems, which opens again
 * with them (li_project_open reads drafts). */
gboolean        li_project_save_draft         (LiProject          *self,
                                               const char         *path,
                                               GError            **error);

/* The data.  Imports run in the background (::import-progress,
 * ::import-finished); the data in use stays until one succeeds.  Either
 * part may be missing: a leads file alone keeps the events, and events
 * alone keep the leads. */
LiDataset      *li_project_get_dataset        (LiProject          *self);
void            li_project_import             (LiProject          *self,
                                               const char * const *event_paths,
                                               const char         *leads_path);
/* The same with a format, a column mapping or skipping bad rows (the
 * options are copied). */
void            li_project_import_with_options (LiProject             *self,
                                                const char * const    *event_paths,
                                                const char            *leads_path,
                                                const LiImportOptions *options);
void            li_project_cancel_import      (LiProject          *self);
gboolean        li_project_get_importing      (LiProject          *self);

/* The newest replay of the draft and the rules it is shown with. */
LiReplayResult *li_project_get_result         (LiProject          *self,
                                               const LiRules     **rules);
gboolean        li_project_get_replaying      (LiProject          *self);
double          li_project_get_last_replay_ms (LiProject          *self);
/* The newest result's rule diagnostics; NULL until ::diagnostics-finished. */
const LiRuleDiagnostics *li_project_get_rule_diagnostics (LiProject *self);
void            li_project_set_rule_diagnostics_on_request (LiProject *self,
                                                            gboolean   on_request);
void            li_project_request_rule_diagnostics (LiProject *self);

/* The versions (LiVersion, newest first). */
GListModel     *li_project_get_versions       (LiProject          *self);
LiVersion      *li_project_get_baseline       (LiProject          *self);
/* Compares the draft with @version from now on. */
void            li_project_set_baseline       (LiProject          *self,
                                               LiVersion          *version);
/* Adds a version of the draft ("Snapshot N") and compares with it. */
void            li_project_take_snapshot      (LiProject          *self);
/* Adds @version (e.g. production's rules fetched from an endpoint) and
 * compares with it. */
void            li_project_add_version        (LiProject          *self,
                                               LiVersion          *version);
/* Reads the rules of @path in the background (::compare-with-finished),
 * then adds them as a version and compares with it. */
void            li_project_compare_with       (LiProject          *self,
                                               const char         *path);
/* The newest comparison of the draft with the baseline, or NULL. */
LiComparison   *li_project_get_comparison     (LiProject          *self);
gboolean        li_project_get_comparing      (LiProject          *self);

gboolean        li_project_get_busy           (LiProject          *self);

/* The period replayed (inclusive bounds, Unix ms), as `replay --from --to`
 * does; neither bound is all time, the default.  A change replays. */
void            li_project_set_time_range     (LiProject          *self,
                                               gboolean            has_from,
                                               gint64              from_ms,
                                               gboolean            has_to,
                                               gint64              to_ms);
/* TRUE when a period is set. */
gboolean        li_project_get_time_range     (LiProject          *self,
                                               gboolean           *has_from,
                                               gint64             *from_ms,
                                               gboolean           *has_to,
                                               gint64             *to_ms);

/* Where rule files' snapshots (and the data files they were replayed on)
 * are kept between sessions, one JSON file per rule file; NULL keeps
 * nothing.  Default: g_get_user_data_dir()/lead-intent/snapshots.  Opening a
 * rule file brings its snapshots back and imports its data again when none
 * is loaded. */
void            li_project_set_store_dir      (LiProject          *self,
                                               const char         *dir);
/* Renames @version (kept with the rule file's snapshots). */
void            li_project_rename_version     (LiProject          *self,
                                               LiVersion          *version,
                                               const char         *name);
/* Unsaved changes, or snapshots of a draft without a file to keep them. */
gboolean        li_project_get_unsaved_work   (LiProject          *self);

G_END_DECLS
