/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-project.h"
#include "li-snapshot-store.h"

#include <string.h>

#include <glib/gi18n.h>

#include "li-replay-task.h"
#include "li-rules-load.h"
#include "li-undo-stack.h"
#include "li-rules-parse.h"
#include "li-rules-validate.h"
#include "li-rules-write.h"
#include "li-problem.h"

/* The first edit after a pause replays at once; edits that follow it faster
 * than this (a drag, typing) replace one scheduled replay, this long after
 * the last of them, instead of queuing. */
#define REPLAY_DEBOUNCE_MS 60
#define UNDO_DEPTH         200
#define TEMPLATE_RESOURCE  "/com/example/LeadIntent/templates/ecommerce.leadrules.json"

struct _LiProject
{
  GObject          parent_instance;

  /* The document: the rules being edited */
  LiRules         *rules;
  LiRules         *saved_rules;          /* as opened or saved last */
  char            *path;                 /* NULL until saved */
  LiUndoStack     *undo;
  gboolean         dirty;

  LiDataset       *dataset;

  /* The replay of the draft */
  LiReplayResult  *result;
  LiRules         *result_rules;         /* the rules @result is shown with */
  /* The next replay takes over from @result the leads an edit cannot
   * change, when it runs on the same data and period: @result was
   * replayed from @replayed_rules on @replayed_dataset over @replayed_range. */
  LiRules         *replayed_rules;
  LiDataset       *replayed_dataset;
  LiReplayOptions  replayed_range;
  LiRuleDiagnostics *diagnostics;        /* of @result, a step after it; NULL until then */
  guint            replay_timeout_id;    /* the debounce */
  gint64           last_edit_us;         /* of the last debounced edit */
  gint64           edit_time;            /* of the newest edit not yet replayed */
  double           last_replay_ms;
  gboolean         diagnostics_on_request;  /* li_project_request_rule_diagnostics starts them */

  /* The comparison of the draft with a baseline */
  GListStore      *versions;             /* LiVersion, newest first */
  LiVersion       *baseline;
  LiReplayResult  *baseline_result;      /* the baseline's replay on the current data */
  LiReplayOptions  range;                /* the replayed period: has_from/to, from_ms/to_ms */
  LiComparison    *comparison;
  guint            n_snapshots;
  char            *store_dir;            /* where rule files' snapshots are kept, or NULL */

  /* One cancellable per kind of job, set while one runs. */
  GCancellable    *open_cancellable;
  GCancellable    *import_cancellable;
  GCancellable    *replay_cancellable;
  GCancellable    *compare_cancellable;
  GCancellable    *diagnostics_cancellable;
  guint            n_version_loads;      /* rule files being read as versions */

  gboolean         importing;
  gboolean         replaying;
  gboolean         comparing;
  gboolean         busy;
};

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_DIRTY,
  PROP_PATH,
  PROP_IMPORTING,
  PROP_REPLAYING,
  PROP_COMPARING,
  PROP_BASELINE,
  PROP_LAST_REPLAY_MS,
  N_PROPS
};

enum
{
  RULES_CHANGED,
  OPEN_FINISHED,
  IMPORT_PROGRESS,
  IMPORT_FINISHED,
  REPLAY_STARTED,
  REPLAY_FINISHED,
  COMPARISON_FINISHED,
  COMPARE_WITH_FINISHED,
  DIAGNOSTICS_FINISHED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (LiProject, li_project, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One job in a worker thread.  It refers to the project weakly, so that
 * the project goes (and cancels its jobs) with its last owner; it is stale
 * once the project holds another cancellable for its kind. */
typedef struct
{
  GWeakRef      project;
  GCancellable *cancellable; /* NULL: never superseded */
  char         *path;        /* rule-file loads */
  gint64        start_time;
  gint64        edit_time;   /* replays: of the edit that asked for it */
  LiRules      *rules;       /* replays: what they replay, on what, over when */
  LiDataset    *dataset;
  LiReplayOptions range;
} Job;

static Job *
_li_job_new (LiProject    *self,
             GCancellable *cancellable)
{
  Job *job = g_new0 (Job, 1);

  g_weak_ref_init (&job->project, self);
  g_set_object (&job->cancellable, cancellable);
  job->start_time = g_get_monotonic_time ();

  return job;
}

static void
_li_job_free (Job *job)
{
  g_weak_ref_clear (&job->project);
  g_clear_object (&job->cancellable);
  g_free (job->path);
  g_clear_pointer (&job->rules, li_rules_free);
  g_clear_object (&job->dataset);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, _li_job_free)

static void _li_project_schedule_replay (LiProject *self,
                                         gboolean   debounce);

/* Helpers */

static LiRules *
_li_project_load_template (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LiRules *rules;
  gsize len;
  const char *data;

  bytes = g_resources_lookup_data (TEMPLATE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Template rules missing: %s", error->message);
      return li_rules_new ();
    }

  data = g_bytes_get_data (bytes, &len);
  rules = li_rules_from_data (data, len, NULL, &error);
  if (rules == NULL)
    {
      g_critical ("Template rules invalid: %s", error->message);
      return li_rules_new ();
    }

  return rules;
}

/* Cancels the running job of a kind, if any, and forgets it. */
static void
_li_project_cancel_job (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
}

static LiEventStore *
_li_project_get_store (LiProject *self)
{
  return self->dataset != NULL ? li_dataset_get_store (self->dataset) : NULL;
}

static void
_li_project_set_flag (LiProject *self,
                      gboolean  *flag,
                      gboolean   value,
                      guint      prop_id)
{
  if (*flag == value)
    return;

  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* The flags follow the jobs; call it after a job starts or ends. */
static void
_li_project_update_state (LiProject *self)
{
  _li_project_set_flag (self, &self->importing, self->import_cancellable != NULL, PROP_IMPORTING);
  _li_project_set_flag (self, &self->replaying,
                        self->replay_timeout_id != 0 || self->replay_cancellable != NULL,
                        PROP_REPLAYING);
  _li_project_set_flag (self, &self->comparing, self->compare_cancellable != NULL, PROP_COMPARING);
  _li_project_set_flag (self, &self->busy,
                        self->importing || self->replaying || self->comparing
                        || self->open_cancellable != NULL || self->n_version_loads > 0,
                        PROP_BUSY);
}

static void
_li_project_update_dirty (LiProject *self)
{
  _li_project_set_flag (self, &self->dirty, !li_rules_equal (self->rules, self->saved_rules),
                        PROP_DIRTY);
}

static void
_li_project_set_path (LiProject  *self,
                      const char *path)
{
  if (g_strcmp0 (path, self->path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

/* The draft becomes @rules: @debounce for edits, not for a new document. */
static void
_li_project_replace_rules (LiProject     *self,
                           const LiRules *rules,
                           gboolean       debounce)
{
  LiRules *old = self->rules;

  self->rules = li_rules_copy (rules);
  li_rules_free (old);
  _li_project_update_dirty (self);
  g_signal_emit (self, signals[RULES_CHANGED], 0);
  _li_project_schedule_replay (self, debounce);
}

static void
_li_project_set_document (LiProject     *self,
                          const LiRules *rules,
                          const char    *path)
{
  g_clear_pointer (&self->saved_rules, li_rules_free);
  self->saved_rules = li_rules_copy (rules);
  li_undo_stack_reset (self->undo, rules);
  _li_project_set_path (self, path);
  _li_project_replace_rules (self, rules, FALSE);
}

/* The errors of the draft, one per line, when it cannot be replayed. */
static gboolean
_li_project_check_rules (LiProject  *self,
                         GError    **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(GString) text = NULL;

  if (li_rules_validate (self->rules, problems))
    return TRUE;

  text = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      LiProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;

      if (problem->level != LI_PROBLEM_ERROR)
        continue;
      line = li_problem_to_string (problem);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  g_set_error_literal (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID, text->str);

  return FALSE;
}

/* Comparison */

static void
_li_project_compare_done_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(LiComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiProject) self = NULL;

  comparison = li_compare_run_finish (result, &error);
  self = g_weak_ref_get (&job->project);
  if (self == NULL || job->cancellable != self->compare_cancellable)
    return;  /* superseded by a newer replay or another baseline */

  g_clear_object (&self->compare_cancellable);
  if (comparison != NULL)
    {
      /* The baseline is replayed once; later edits replay only the draft. */
      if (self->baseline_result == NULL)
        self->baseline_result = li_replay_result_ref (comparison->a);
      if (!li_version_has_result (self->baseline))
        li_version_set_result (self->baseline, comparison->a);
      g_clear_pointer (&self->comparison, li_comparison_free);
      self->comparison = g_steal_pointer (&comparison);
    }
  _li_project_update_state (self);
  g_signal_emit (self, signals[COMPARISON_FINISHED], 0, error);
}

/* Compares the newest replay of the draft with the baseline. */
static void
_li_project_update_comparison (LiProject *self)
{
  _li_project_cancel_job (&self->compare_cancellable);

  /* Compared once the draft has been replayed. */
  if (self->baseline != NULL && self->result != NULL)
    {
      self->compare_cancellable = g_cancellable_new ();
      li_compare_run_async (li_version_get_rules (self->baseline), self->baseline_result,
                            self->result_rules, self->result, self->dataset, &self->range,
                            self->compare_cancellable, _li_project_compare_done_cb,
                            _li_job_new (self, self->compare_cancellable));
    }
  _li_project_update_state (self);
}

/* @replayed: the baseline's replay on the current data when known (a
 * snapshot of the draft), so that it is not replayed again. */
static void
_li_project_set_baseline (LiProject      *self,
                          LiVersion      *version,
                          LiReplayResult *replayed)
{
  if (!g_set_object (&self->baseline, version))
    return;

  g_clear_pointer (&self->baseline_result, li_replay_result_unref);
  if (replayed != NULL)
    self->baseline_result = li_replay_result_ref (replayed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
  _li_project_update_comparison (self);
}

/* The rule file's snapshots and data files, kept for the next session
 * (li-snapshot-store.c).  Snapshots of an untitled draft have nowhere to
 * go until it is saved. */
static void
_li_project_write_store (LiProject *self)
{
  g_autoptr(LiSnapshotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));

  if (self->store_dir == NULL || self->path == NULL)
    return;

  store = li_snapshot_store_new (self->path);
  if (self->dataset != NULL)
    {
      const char * const *events = li_dataset_get_event_paths (self->dataset);

      store->event_paths = events != NULL ? g_strdupv ((GStrv) events) : NULL;
      store->leads_path = g_strdup (li_dataset_get_leads_path (self->dataset));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (li_version_get_source_path (version) == NULL)
        li_snapshot_store_add (store, li_version_get_name (version),
                               li_version_get_created (version), li_version_get_rules (version));
    }
  if (!li_snapshot_store_save (store, self->store_dir, &error))
    g_debug ("Snapshots of %s not kept: %s", self->path, error->message);
}

static void
_li_project_version_renamed_cb (LiVersion  *version,
                                GParamSpec *pspec,
                                LiProject  *self)
{
  _li_project_write_store (self);
}

static void
_li_project_watch_version (LiProject *self,
                           LiVersion *version)
{
  g_signal_connect_object (version, "notify::name", G_CALLBACK (_li_project_version_renamed_cb),
                           self, G_CONNECT_DEFAULT);
}

static gboolean
_li_project_has_snapshot (LiProject              *self,
                          const LiStoredSnapshot *snapshot)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (li_version_get_source_path (version) == NULL &&
          g_strcmp0 (li_version_get_name (version), snapshot->name) == 0 &&
          g_date_time_equal (li_version_get_created (version), snapshot->created) &&
          li_rules_equal (li_version_get_rules (version), snapshot->rules))
        return TRUE;
    }
  return FALSE;
}

/* The snapshots kept with @path join the versions (after the ones there,
 * as they are older), and its data is imported again when none is loaded. */
static void
_li_project_read_store (LiProject  *self,
                        const char *path)
{
  g_autoptr(LiSnapshotStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean data_there = TRUE;

  if (self->store_dir == NULL)
    return;
  if ((store = li_snapshot_store_load (self->store_dir, path, &error)) == NULL)
    {
      g_debug ("Snapshots of %s not read: %s", path, error->message);
      return;
    }

  for (guint i = 0; i < store->snapshots->len; i++)
    {
      const LiStoredSnapshot *snapshot = g_ptr_array_index (store->snapshots, i);
      g_autoptr(LiVersion) version = NULL;

      if (_li_project_has_snapshot (self, snapshot))
        continue;
      version = g_object_new (LI_TYPE_VERSION,
                              "name", snapshot->name,
                              "rules", snapshot->rules,
                              "created", snapshot->created,
                              NULL);
      g_list_store_append (self->versions, version);
      _li_project_watch_version (self, version);
      self->n_snapshots++;
    }

  for (guint i = 0; store->event_paths != NULL && store->event_paths[i] != NULL; i++)
    data_there &= g_file_test (store->event_paths[i], G_FILE_TEST_IS_REGULAR);
  if (store->leads_path != NULL)
    data_there &= g_file_test (store->leads_path, G_FILE_TEST_IS_REGULAR);
  if (self->dataset == NULL && store->event_paths != NULL && data_there)
    li_project_import (self, (const char * const *) store->event_paths, store->leads_path);
}

static void
_li_project_add_version (LiProject      *self,
                         LiVersion      *version,
                         LiReplayResult *replayed)
{
  g_list_store_insert (self->versions, 0, version);
  _li_project_watch_version (self, version);
  _li_project_set_baseline (self, version, replayed);
  _li_project_write_store (self);
}

static void
_li_project_version_loaded_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiProject) self = NULL;

  rules = li_rules_load_finish (result, NULL, &error);
  self = g_weak_ref_get (&job->project);
  if (self == NULL)
    return;

  self->n_version_loads--;
  if (rules != NULL)
    {
      g_autoptr(LiVersion) version = li_version_new_for_file (job->path, rules);

      _li_project_add_version (self, version, NULL);
    }
  _li_project_update_state (self);
  g_signal_emit (self, signals[COMPARE_WITH_FINISHED], 0, job->path, error);
}

/* Replay */

static void
_li_project_diagnostics_done_cb (GObject      *object,
                                 GAsyncResult *async_result,
                                 gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(LiRuleDiagnostics) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiProject) self = NULL;

  diagnostics = li_rule_diagnostics_run_finish (async_result, &error);
  self = g_weak_ref_get (&job->project);
  if (self == NULL || job->cancellable != self->diagnostics_cancellable)
    return;  /* a newer replay, or the project is gone */

  g_clear_object (&self->diagnostics_cancellable);
  if (diagnostics == NULL)
    {
      g_debug ("No rule diagnostics: %s", error->message);
      return;
    }
  g_clear_pointer (&self->diagnostics, li_rule_diagnostics_free);
  self->diagnostics = g_steal_pointer (&diagnostics);
  g_debug ("Rule diagnostics: %.1f ms after the replay", (g_get_monotonic_time () - job->start_time) / 1000.0);
  g_signal_emit (self, signals[DIAGNOSTICS_FINISHED], 0);
}

/* The rules' diagnostics of the new result, a step after it: the
 * replay's numbers are shown without waiting for this second pass. */
static void
_li_project_start_diagnostics (LiProject *self)
{
  _li_project_cancel_job (&self->diagnostics_cancellable);
  self->diagnostics_cancellable = g_cancellable_new ();
  li_rule_diagnostics_run_async (self->result_rules, self->result, self->dataset, NULL,
                                 self->diagnostics_cancellable, _li_project_diagnostics_done_cb,
                                 _li_job_new (self, self->diagnostics_cancellable));
}

static void
_li_project_replay_done_cb (GObject      *object,
                            GAsyncResult *async_result,
                            gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(LiReplayResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiProject) self = NULL;
  gint64 now = g_get_monotonic_time ();

  result = li_replay_run_finish (async_result, &error);
  self = g_weak_ref_get (&job->project);
  if (self == NULL || job->cancellable != self->replay_cancellable)
    return;  /* superseded by a newer edit, or the project is gone */

  g_clear_object (&self->replay_cancellable);
  if (result == NULL)
    {
      _li_project_update_state (self);
      g_signal_emit (self, signals[REPLAY_FINISHED], 0, error);
      return;
    }

  g_clear_pointer (&self->result, li_replay_result_unref);
  g_clear_pointer (&self->result_rules, li_rules_free);
  g_clear_pointer (&self->diagnostics, li_rule_diagnostics_free);
  self->result = g_steal_pointer (&result);
  g_clear_pointer (&self->replayed_rules, li_rules_free);
  self->replayed_rules = g_steal_pointer (&job->rules);
  g_set_object (&self->replayed_dataset, job->dataset);
  self->replayed_range = job->range;
  /* The draft as it is now: threshold lines being dragged stay where they
   * are while an older replay comes in. */
  self->result_rules = li_rules_copy (self->rules);
  self->last_replay_ms = (now - job->edit_time) / 1000.0;
  g_debug ("Replay of %u leads, %" G_GUINT64_FORMAT " events: %.1f ms from the edit, %.1f ms in the worker",
           self->result->leads, self->result->n_events, self->last_replay_ms,
           (now - job->start_time) / 1000.0);

  g_signal_emit (self, signals[REPLAY_FINISHED], 0, NULL);
  if (!self->diagnostics_on_request)
    _li_project_start_diagnostics (self);
  _li_project_update_comparison (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REPLAY_MS]);
}

static gboolean
_li_same_range (const LiReplayOptions *a,
                const LiReplayOptions *b)
{
  return a->has_from == b->has_from && a->has_to == b->has_to &&
         (!a->has_from || a->from_ms == b->from_ms) && (!a->has_to || a->to_ms == b->to_ms) &&
         a->bins == b->bins && a->threads == b->threads;
}

static void
_li_project_start_replay (LiProject *self)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  g_clear_handle_id (&self->replay_timeout_id, g_source_remove);
  /* A newer edit supersedes the running replay and its diagnostics. */
  _li_project_cancel_job (&self->replay_cancellable);
  _li_project_cancel_job (&self->diagnostics_cancellable);

  if (_li_project_get_store (self) == NULL)
    {
      _li_project_update_state (self);
      return;
    }

  if (!_li_project_check_rules (self, &error))
    {
      _li_project_update_state (self);
      g_signal_emit (self, signals[REPLAY_FINISHED], 0, error);
      return;
    }

  g_signal_emit (self, signals[REPLAY_STARTED], 0);
  self->replay_cancellable = g_cancellable_new ();
  job = _li_job_new (self, self->replay_cancellable);
  job->edit_time = self->edit_time != 0 ? self->edit_time : job->start_time;
  self->edit_time = 0;
  job->rules = li_rules_copy (self->rules);
  job->dataset = g_object_ref (self->dataset);
  job->range = self->range;
  /* The leads explorer reads the per-lead facts of the draft's replay. */
  {
    LiReplayOptions options = self->range;
    gboolean reuse = self->result != NULL && self->replayed_dataset == self->dataset &&
                     _li_same_range (&self->replayed_range, &self->range);

    options.keep_lead_facts = TRUE;
    li_replay_run_async (self->rules, self->dataset, &options,
                         reuse ? self->replayed_rules : NULL, reuse ? self->result : NULL,
                         self->replay_cancellable, _li_project_replay_done_cb, job);
  }
  _li_project_update_state (self);
}

static gboolean
_li_project_replay_timeout_cb (gpointer user_data)
{
  LiProject *self = user_data;

  self->replay_timeout_id = 0;
  _li_project_start_replay (self);

  return G_SOURCE_REMOVE;
}

static void
_li_project_schedule_replay (LiProject *self,
                             gboolean   debounce)
{
  gint64 now = g_get_monotonic_time ();
  gboolean pause = now - self->last_edit_us >= (gint64) REPLAY_DEBOUNCE_MS * 1000;

  if (self->edit_time == 0)
    self->edit_time = now;
  if (debounce)
    self->last_edit_us = now;

  if (!debounce || _li_project_get_store (self) == NULL ||
      (pause && self->replay_timeout_id == 0))
    {
      _li_project_start_replay (self);
      return;
    }

  g_clear_handle_id (&self->replay_timeout_id, g_source_remove);
  self->replay_timeout_id = g_timeout_add (REPLAY_DEBOUNCE_MS, _li_project_replay_timeout_cb, self);
  _li_project_update_state (self);
}

/* Import */

static void
_li_project_import_progress_cb (guint64  done,
                                guint64  total,
                                gpointer user_data)
{
  Job *job = user_data;
  g_autoptr(LiProject) self = g_weak_ref_get (&job->project);

  if (self != NULL && job->cancellable == self->import_cancellable)
    g_signal_emit (self, signals[IMPORT_PROGRESS], 0, done, total);
}

/* The baseline must be replayed again, and the versions' numbers were
 * measured on other data or another period. */
static void
_li_project_forget_measures (LiProject *self)
{
  g_clear_pointer (&self->baseline_result, li_replay_result_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->versions)); i++)
    {
      g_autoptr(LiVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      li_version_set_result (version, NULL);
    }
}

static void
_li_project_set_dataset (LiProject *self,
                         LiDataset *loaded)
{
  LiDataset *old = self->dataset;

  self->dataset = old != NULL ? li_dataset_merge (old, loaded) : g_object_ref (loaded);
  g_clear_object (&old);
  g_clear_object (&self->replayed_dataset);  /* nothing to take over, and its memory goes */
  _li_project_forget_measures (self);
}

static void
_li_project_import_done_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(LiDataset) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiProject) self = NULL;
  LiEventStore *store;

  loaded = li_dataset_load_finish (result, &error);
  self = g_weak_ref_get (&job->project);
  if (self == NULL || job->cancellable != self->import_cancellable)
    return;  /* superseded by a newer import, or the project is gone */

  g_clear_object (&self->import_cancellable);
  if (loaded == NULL)
    {
      _li_project_update_state (self);
      g_signal_emit (self, signals[IMPORT_FINISHED], 0, NULL, error);
      return;
    }

  _li_project_set_dataset (self, loaded);
  store = _li_project_get_store (self);
  g_debug ("Imported %u events of %u leads in %.1f ms",
           store != NULL ? store->n_events : 0, store != NULL ? store->n_leads : 0,
           (g_get_monotonic_time () - job->start_time) / 1000.0);
  g_signal_emit (self, signals[IMPORT_FINISHED], 0, loaded, NULL);
  _li_project_write_store (self);

  self->edit_time = g_get_monotonic_time ();
  _li_project_schedule_replay (self, FALSE);
}

/* Document */

static void
_li_project_open_done_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiProject) self = NULL;

  rules = li_rules_load_finish (result, &problems, &error);
  self = g_weak_ref_get (&job->project);
  if (self == NULL || job->cancellable != self->open_cancellable)
    return;  /* superseded by a newer open, or the project is gone */

  g_clear_object (&self->open_cancellable);
  if (rules != NULL)
    _li_project_set_document (self, rules, job->path);
  else
    _li_project_update_state (self);
  g_signal_emit (self, signals[OPEN_FINISHED], 0, job->path, problems, error);
  if (rules != NULL)
    _li_project_read_store (self, job->path);
}

/* GObject */

static void
li_project_dispose (GObject *object)
{
  LiProject *self = LI_PROJECT (object);

  _li_project_cancel_job (&self->open_cancellable);
  _li_project_cancel_job (&self->import_cancellable);
  _li_project_cancel_job (&self->replay_cancellable);
  _li_project_cancel_job (&self->compare_cancellable);
  _li_project_cancel_job (&self->diagnostics_cancellable);
  g_clear_handle_id (&self->replay_timeout_id, g_source_remove);
  g_clear_object (&self->baseline);
  g_clear_object (&self->versions);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (li_project_parent_class)->dispose (object);
}

static void
li_project_finalize (GObject *object)
{
  LiProject *self = LI_PROJECT (object);

  g_clear_pointer (&self->rules, li_rules_free);
  g_clear_pointer (&self->saved_rules, li_rules_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->store_dir, g_free);
  g_clear_pointer (&self->undo, li_undo_stack_free);
  g_clear_pointer (&self->result, li_replay_result_unref);
  g_clear_pointer (&self->result_rules, li_rules_free);
  g_clear_pointer (&self->replayed_rules, li_rules_free);
  g_clear_object (&self->replayed_dataset);
  g_clear_pointer (&self->diagnostics, li_rule_diagnostics_free);
  g_clear_pointer (&self->baseline_result, li_replay_result_unref);
  g_clear_pointer (&self->comparison, li_comparison_free);

  G_OBJECT_CLASS (li_project_parent_class)->finalize (object);
}

static void
li_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiProject *self = LI_PROJECT (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_IMPORTING:
      g_value_set_boolean (value, self->importing);
      break;

    case PROP_REPLAYING:
      g_value_set_boolean (value, self->replaying);
      break;

    case PROP_COMPARING:
      g_value_set_boolean (value, self->comparing);
      break;

    case PROP_BASELINE:
      g_value_set_object (value, self->baseline);
      break;

    case PROP_LAST_REPLAY_MS:
      g_value_set_double (value, self->last_replay_ms);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_project_class_init (LiProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = li_project_dispose;
  object_class->finalize = li_project_finalize;
  object_class->get_property = li_project_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMPORTING] =
    g_param_spec_boolean ("importing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPLAYING] =
    g_param_spec_boolean ("replaying", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASELINE] =
    g_param_spec_object ("baseline", NULL, NULL, LI_TYPE_VERSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_REPLAY_MS] =
    g_param_spec_double ("last-replay-ms", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Boxed arguments are handed over as they are (static scope), not
   * copied; see the header for what each signal says. */
  signals[RULES_CHANGED] =
    g_signal_new ("rules-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_FINISHED] =
    g_signal_new ("open-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_PTR_ARRAY | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[IMPORT_PROGRESS] =
    g_signal_new ("import-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_UINT64);
  signals[IMPORT_FINISHED] =
    g_signal_new ("import-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  LI_TYPE_DATASET,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[REPLAY_STARTED] =
    g_signal_new ("replay-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REPLAY_FINISHED] =
    g_signal_new ("replay-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[COMPARISON_FINISHED] =
    g_signal_new ("comparison-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[DIAGNOSTICS_FINISHED] =
    g_signal_new ("diagnostics-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[COMPARE_WITH_FINISHED] =
    g_signal_new ("compare-with-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
li_project_init (LiProject *self)
{
  self->rules = _li_project_load_template ();
  self->saved_rules = li_rules_copy (self->rules);
  self->undo = li_undo_stack_new (self->rules, UNDO_DEPTH);
  self->versions = g_list_store_new (LI_TYPE_VERSION);
  self->store_dir = g_build_filename (g_get_user_data_dir (), "lead-intent", "snapshots", NULL);
}

/* Public API */

LiProject *
li_project_new (void)
{
  return g_object_new (LI_TYPE_PROJECT, NULL);
}

const LiRules *
li_project_get_rules (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);

  return self->rules;
}

const char *
li_project_get_path (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);

  return self->path;
}

gboolean
li_project_get_dirty (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);

  return self->dirty;
}

const char *
li_project_get_name (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);

  if (self->rules->name == NULL || self->rules->name[0] == '\0')
    return _("Untitled Rules");

  return self->rules->name;
}

char *
li_project_dup_title (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);

  if (self->dirty)
    return g_strdup_printf ("• %s", li_project_get_name (self));

  return g_strdup (li_project_get_name (self));
}

char *
li_project_dup_subtitle (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);

  if (self->path != NULL)
    return g_path_get_basename (self->path);

  return g_strdup (_("Not saved"));
}

void
li_project_commit_rules (LiProject     *self,
                         const LiRules *rules,
                         const char    *merge_key)
{
  g_return_if_fail (LI_IS_PROJECT (self));
  g_return_if_fail (rules != NULL);

  if (li_rules_equal (self->rules, rules))
    return;

  li_undo_stack_push (self->undo, rules, merge_key, g_get_monotonic_time ());
  _li_project_replace_rules (self, rules, TRUE);
}

void
li_project_set_intent_points (LiProject  *self,
                              const char *event,
                              double      points)
{
  g_autoptr(LiRules) rules = NULL;
  guint i;

  g_return_if_fail (LI_IS_PROJECT (self));
  g_return_if_fail (event != NULL);

  rules = li_rules_copy (self->rules);
  for (i = 0; i < rules->n_intent; i++)
    if (rules->intent[i].n_where == 0 && g_strcmp0 (rules->intent[i].event, event) == 0)
      break;

  if (i == rules->n_intent)
    {
      rules->intent = g_renew (LiIntentRule, rules->intent, rules->n_intent + 1);
      memset (&rules->intent[i], 0, sizeof (LiIntentRule));
      rules->intent[i].event = g_strdup (event);
      rules->n_intent++;
    }

  rules->intent[i].points = points;
  li_project_commit_rules (self, rules, NULL);
}

void
li_project_set_stage_threshold (LiProject *self,
                                guint      stage,
                                double     min_score)
{
  g_autoptr(LiRules) rules = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (LI_IS_PROJECT (self));

  if (stage >= self->rules->n_stages)
    return;

  rules = li_rules_copy (self->rules);
  rules->stages[stage].has_min_score = TRUE;
  rules->stages[stage].min_score = min_score;
  key = g_strdup_printf ("threshold-%u", stage);
  li_project_commit_rules (self, rules, key);
}

gboolean
li_project_can_undo (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);

  return li_undo_stack_can_undo (self->undo);
}

gboolean
li_project_can_redo (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);

  return li_undo_stack_can_redo (self->undo);
}

void
li_project_undo (LiProject *self)
{
  const LiRules *rules;

  g_return_if_fail (LI_IS_PROJECT (self));

  if ((rules = li_undo_stack_undo (self->undo)) != NULL)
    _li_project_replace_rules (self, rules, TRUE);
}

void
li_project_redo (LiProject *self)
{
  const LiRules *rules;

  g_return_if_fail (LI_IS_PROJECT (self));

  if ((rules = li_undo_stack_redo (self->undo)) != NULL)
    _li_project_replace_rules (self, rules, TRUE);
}

void
li_project_reset (LiProject *self)
{
  g_autoptr(LiRules) rules = NULL;

  g_return_if_fail (LI_IS_PROJECT (self));

  rules = _li_project_load_template ();
  _li_project_set_document (self, rules, NULL);
}

void
li_project_open (LiProject  *self,
                 const char *path)
{
  Job *job;

  g_return_if_fail (LI_IS_PROJECT (self));
  g_return_if_fail (path != NULL);

  _li_project_cancel_job (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  job = _li_job_new (self, self->open_cancellable);
  job->path = g_strdup (path);
  /* the document may be a draft saved with problems: it opens with them */
  li_rules_load_async (path, TRUE, self->open_cancellable, _li_project_open_done_cb, job);
  _li_project_update_state (self);
}

static gboolean
_li_project_save_full (LiProject   *self,
                       const char  *path,
                       gboolean     draft,
                       GError     **error)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(draft ? li_rules_save_draft (self->rules, path, error)
              : li_rules_save (self->rules, path, error)))
    return FALSE;

  g_clear_pointer (&self->saved_rules, li_rules_free);
  self->saved_rules = li_rules_copy (self->rules);
  _li_project_set_path (self, path);
  _li_project_update_dirty (self);
  /* the snapshots go with the file, also to a new name */
  _li_project_write_store (self);

  return TRUE;
}

gboolean
li_project_save (LiProject   *self,
                 const char  *path,
                 GError     **error)
{
  return _li_project_save_full (self, path, FALSE, error);
}

gboolean
li_project_save_draft (LiProject   *self,
                       const char  *path,
                       GError     **error)
{
  return _li_project_save_full (self, path, TRUE, error);
}

LiDataset *
li_project_get_dataset (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);

  return self->dataset;
}

void
li_project_import (LiProject          *self,
                   const char * const *event_paths,
                   const char         *leads_path)
{
  /* Formats are detected, and a bad row fails the import. */
  LiImportOptions options = { LI_FORMAT_AUTO, FALSE };

  li_project_import_with_options (self, event_paths, leads_path, &options);
}

void
li_project_import_with_options (LiProject             *self,
                                const char * const    *event_paths,
                                const char            *leads_path,
                                const LiImportOptions *options)
{
  Job *job;

  g_return_if_fail (LI_IS_PROJECT (self));
  g_return_if_fail ((event_paths != NULL && event_paths[0] != NULL) || leads_path != NULL);
  g_return_if_fail (options != NULL);

  _li_project_cancel_job (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  job = _li_job_new (self, self->import_cancellable);
  li_dataset_load_async (event_paths, leads_path, options, _li_project_import_progress_cb, job,
                         self->import_cancellable, _li_project_import_done_cb, job);
  _li_project_update_state (self);
}

void
li_project_cancel_import (LiProject *self)
{
  g_return_if_fail (LI_IS_PROJECT (self));

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

gboolean
li_project_get_importing (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);

  return self->importing;
}

LiReplayResult *
li_project_get_result (LiProject      *self,
                       const LiRules **rules)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);

  if (rules != NULL)
    *rules = self->result_rules;

  return self->result;
}

gboolean
li_project_get_replaying (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);

  return self->replaying;
}

const LiRuleDiagnostics *
li_project_get_rule_diagnostics (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);
  return self->diagnostics;
}

double
li_project_get_last_replay_ms (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), 0);

  return self->last_replay_ms;
}

GListModel *
li_project_get_versions (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->versions);
}

LiVersion *
li_project_get_baseline (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);

  return self->baseline;
}

void
li_project_set_baseline (LiProject *self,
                         LiVersion *version)
{
  g_return_if_fail (LI_IS_PROJECT (self));
  g_return_if_fail (LI_IS_VERSION (version));

  _li_project_set_baseline (self, version, NULL);
}

void
li_project_take_snapshot (LiProject *self)
{
  g_autoptr(LiVersion) version = NULL;
  g_autofree char *name = NULL;
  LiReplayResult *replayed = NULL;

  g_return_if_fail (LI_IS_PROJECT (self));

  /* The draft is the snapshot: its replay is the baseline's. */
  if (self->result != NULL && li_rules_equal (self->result_rules, self->rules))
    replayed = self->result;

  /* TRANSLATORS: the name of a snapshot of the rules, e.g. "Snapshot 2" */
  name = g_strdup_printf (_("Snapshot %u"), ++self->n_snapshots);
  version = li_version_new (name, self->rules, replayed);
  _li_project_add_version (self, version, replayed);
}

void
li_project_add_version (LiProject *self,
                        LiVersion *version)
{
  g_return_if_fail (LI_IS_PROJECT (self));
  g_return_if_fail (LI_IS_VERSION (version));

  _li_project_add_version (self, version, NULL);
}

void
li_project_compare_with (LiProject  *self,
                         const char *path)
{
  Job *job;

  g_return_if_fail (LI_IS_PROJECT (self));
  g_return_if_fail (path != NULL);

  job = _li_job_new (self, NULL);
  job->path = g_strdup (path);
  self->n_version_loads++;
  li_rules_load_async (path, FALSE, NULL, _li_project_version_loaded_cb, job);
  _li_project_update_state (self);
}

LiComparison *
li_project_get_comparison (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), NULL);

  return self->comparison;
}

gboolean
li_project_get_comparing (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);

  return self->comparing;
}

/**
 * li_project_set_rule_diagnostics_on_request:
 *
 * From now on a replay's rule diagnostics are computed only when
 * li_project_request_rule_diagnostics() asks for them: the window asks
 * once the new numbers are painted and while their list is shown, so that
 * this second pass neither delays the numbers nor runs for a hidden list.
 */
void
li_project_set_rule_diagnostics_on_request (LiProject *self,
                                            gboolean   on_request)
{
  g_return_if_fail (LI_IS_PROJECT (self));

  self->diagnostics_on_request = !!on_request;
}

/* Starts the newest result's diagnostics unless they are there or running. */
void
li_project_request_rule_diagnostics (LiProject *self)
{
  g_return_if_fail (LI_IS_PROJECT (self));

  if (self->result == NULL || self->diagnostics != NULL
      || self->diagnostics_cancellable != NULL || self->replay_cancellable != NULL)
    return;
  _li_project_start_diagnostics (self);
}

gboolean
li_project_get_busy (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);

  return self->busy;
}

/**
 * li_project_set_time_range:
 * @has_from: whether the period has a start
 * @from_ms: its first millisecond (inclusive)
 * @has_to: whether it has an end
 * @to_ms: its last millisecond (inclusive)
 *
 * Replays (and compares) only the events of a period, as `replay --from
 * --to` does; no start and no end is all time (the default).
 */
void
li_project_set_time_range (LiProject *self,
                           gboolean   has_from,
                           gint64     from_ms,
                           gboolean   has_to,
                           gint64     to_ms)
{
  g_return_if_fail (LI_IS_PROJECT (self));

  has_from = !!has_from;
  has_to = !!has_to;
  if (!has_from)
    from_ms = 0;
  if (!has_to)
    to_ms = 0;
  if (self->range.has_from == has_from && self->range.from_ms == from_ms &&
      self->range.has_to == has_to && self->range.to_ms == to_ms)
    return;

  self->range.has_from = has_from;
  self->range.from_ms = from_ms;
  self->range.has_to = has_to;
  self->range.to_ms = to_ms;
  _li_project_forget_measures (self);
  _li_project_schedule_replay (self, FALSE);
}

gboolean
li_project_get_time_range (LiProject *self,
                           gboolean  *has_from,
                           gint64    *from_ms,
                           gboolean  *has_to,
                           gint64    *to_ms)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);

  if (has_from != NULL)
    *has_from = self->range.has_from;
  if (from_ms != NULL)
    *from_ms = self->range.from_ms;
  if (has_to != NULL)
    *has_to = self->range.has_to;
  if (to_ms != NULL)
    *to_ms = self->range.to_ms;
  return self->range.has_from || self->range.has_to;
}

/**
 * li_project_set_store_dir:
 * @dir: (nullable): the folder, or NULL to keep nothing
 *
 * Where rule files' snapshots and data files are kept between sessions
 * (default: the user's data dir, lead-intent/snapshots).  A screenshot run
 * keeps nothing.
 */
void
li_project_set_store_dir (LiProject  *self,
                          const char *dir)
{
  g_return_if_fail (LI_IS_PROJECT (self));

  g_free (self->store_dir);
  self->store_dir = g_strdup (dir);
}

/**
 * li_project_rename_version:
 *
 * Names a version (a snapshot, or a file's) and keeps the new name with the
 * rule file's snapshots.
 */
void
li_project_rename_version (LiProject  *self,
                           LiVersion  *version,
                           const char *name)
{
  g_return_if_fail (LI_IS_PROJECT (self));
  g_return_if_fail (LI_IS_VERSION (version));
  g_return_if_fail (name != NULL);

  if (name[0] == '\0' || g_strcmp0 (li_version_get_name (version), name) == 0)
    return;
  li_version_set_name (version, name);  /* kept by _li_project_version_renamed_cb */
}

/**
 * li_project_get_unsaved_work:
 *
 * TRUE when closing would lose work: changes not saved, or snapshots of a
 * draft that has no file to keep them with.
 */
gboolean
li_project_get_unsaved_work (LiProject *self)
{
  guint n;

  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);

  if (li_project_get_dirty (self))
    return TRUE;
  if (self->path != NULL && self->store_dir != NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->versions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LiVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      if (li_version_get_source_path (version) == NULL)
        return TRUE;
    }
  return FALSE;
}
