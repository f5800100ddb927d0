/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-compare-view.h"
#include "li-replay-view.h"
#include "li-rule-editor.h"
#include "li-undo-stack.h"
#include "li-window.h"

G_BEGIN_DECLS

typedef void (*LiWindowContinuation) (LiWindow *self,
                                      gpointer  user_data);

typedef struct
{
  LiWindowContinuation continuation;
  gpointer             user_data;
  GDestroyNotify       destroy;
} LiContinuation;

void _li_continuation_free (LiContinuation *cont);

struct _LiWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *drop_area;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_heading;
  GtkLabel            *error_label;
  GtkRevealer         *import_revealer;
  GtkLabel            *import_label;
  GtkProgressBar      *import_progress;
  GtkRevealer         *summary_revealer;
  GtkLabel            *summary_label;
  GtkLabel            *summary_files_label;
  GtkListBox          *names_list;
  GtkStack            *content_stack;
  GtkWidget           *sample_button;
  GtkWidget           *recent_group;
  GtkListBox          *recent_list;
  LiRuleEditor        *rule_editor;
  LiReplayView        *replay_view;
  AdwViewStack        *view_stack;
  LiCompareView       *compare_view;

  GSettings           *settings;
  GMenu               *recent_menu;

  /* The document: the rules being edited */
  LiRules             *rules;
  LiRules             *saved_rules;  /* as opened or saved last */
  char                *rules_path;   /* NULL until saved */
  LiUndoStack         *undo;
  gboolean             close_confirmed;
  LiContinuation      *after_save;    /* run once the rules are saved (unsaved-changes dialog) */
  GtkNativeDialog     *file_chooser;

  /* The data */
  LiEventStore        *store;
  LiLeadTable         *leads;
  GStrv                event_paths;
  char                *leads_path;
  GStrv                formats;
  guint                n_skipped;

  /* Import */
  GCancellable        *import_cancellable;
  guint                import_generation;
  gint64               import_start;

  /* Replay */
  GCancellable        *replay_cancellable;
  guint                replay_generation;
  guint                replay_timeout_id;
  gint64               edit_time;       /* of the newest edit not yet replayed */
  gboolean             replay_running;
  LiReplayResult      *result;
  LiRules             *result_rules;
  double               last_replay_ms;

  /* Compare (li-window-compare.c) */
  GListStore          *versions;          /* LiVersion, newest first */
  LiVersion           *baseline;          /* A of the comparison, or NULL */
  LiReplayResult      *baseline_result;   /* A's replay on the current data */
  GCancellable        *compare_cancellable;
  guint                compare_generation;
  guint                n_snapshots;

  gboolean             busy;
  gboolean             dirty;
};

/* li-window.c */
void      _li_window_commit_rules     (LiWindow             *self,
                                       const LiRules        *rules,
                                       const char           *merge_key,
                                       gboolean              update_editor);
void      _li_window_set_document     (LiWindow             *self,
                                       const LiRules        *rules,
                                       const char           *path);
void      _li_window_apply_undo_state (LiWindow             *self,
                                       const LiRules        *rules);
void      _li_window_update_actions   (LiWindow             *self);
void      _li_window_show_problems    (LiWindow             *self,
                                       const char           *heading,
                                       GPtrArray            *problems,
                                       const GError         *error);
void      _li_window_show_toast       (LiWindow             *self,
                                       const char           *title);
void      _li_window_show_error       (LiWindow             *self,
                                       const char           *heading,
                                       const char           *details);
void      _li_window_hide_error       (LiWindow             *self);
void      _li_window_cancel_import    (LiWindow             *self);
void      _li_window_import_paths     (LiWindow             *self,
                                       const char * const   *paths);
LiRules  *_li_window_load_template    (void);
/* Runs @continuation now, or after asking to save unsaved changes. */
void      _li_window_maybe_discard    (LiWindow             *self,
                                       LiWindowContinuation  continuation,
                                       gpointer              user_data,
                                       GDestroyNotify        destroy);
/* Title and subtitle of the header bar: "• " marks unsaved changes. */
char     *_li_window_format_title     (const char           *rules_name,
                                       const char           *path,
                                       gboolean              dirty,
                                       char                **subtitle);

/* li-window-compare.c */
void      _li_window_class_compare_init (GtkWidgetClass     *widget_class);
void      _li_window_compare_init       (LiWindow           *self);
void      _li_window_compare_dispose    (LiWindow           *self);
/* A new replay of the draft: compares it with the baseline, if any. */
void      _li_window_compare_update     (LiWindow           *self);
/* New data: the baseline must be replayed again. */
void      _li_window_compare_data_changed (LiWindow         *self);
gboolean  _li_window_compare_running    (LiWindow           *self);
void      _li_window_update_busy        (LiWindow           *self);

/* li-window-actions.c */
void      _li_window_class_actions_init (GtkWidgetClass     *widget_class);
/* The one file chooser of the window (a new one replaces it). */
void      _li_window_set_chooser        (LiWindow             *self,
                                         GtkFileChooserNative *chooser);
void      _li_window_clear_chooser      (LiWindow           *self,
                                         GtkNativeDialog    *dialog);
void      _li_add_rules_filters         (GtkFileChooser     *chooser);
void      _li_window_save               (LiWindow           *self,
                                         gboolean            save_as);

G_END_DECLS
