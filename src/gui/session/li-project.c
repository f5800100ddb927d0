/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-project.h"

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
  guint            replay_timeout_id;    /* the debounce */
  gint64           last_edit_us;         /* of the last debounced edit */
  gint64           edit_time;            /* of the newest edit not yet replayed */
  double           last_replay_ms;

  /* The comparison of the draft with a baseline */
  GListStore      *versions;             /* LiVersion, newest first */
  LiVersion       *baseline;
  LiReplayResult  *baseline_result;      /* the baseline's replay on the current data */
  LiComparison    *comparison;
  guint            n_snapshots;

  /* One cancellable per kind of job, set while one runs. */
  GCancellable    *open_cancellable;
  GCancellable    *import_cancellable;
  GCancellable    *replay_cancellable;
  GCancellable    *compare_cancellable;
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
                            self->result_rules, self->result, self->dataset, NULL,
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

static void
_li_project_add_version (LiProject      *self,
                         LiVersion      *version,
                         LiReplayResult *replayed)
{
  g_list_store_insert (self->versions, 0, version);
  _li_project_set_baseline (self, version, replayed);
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
  self->result = g_steal_pointer (&result);
  /* The draft as it is now: threshold lines being dragged stay where they
   * are while an older replay comes in. */
  self->result_rules = li_rules_copy (self->rules);
  self->last_replay_ms = (now - job->edit_time) / 1000.0;
  g_debug ("Replay of %u leads, %" G_GUINT64_FORMAT " events: %.1f ms from the edit, %.1f ms in the worker",
           self->result->leads, self->result->n_events, self->last_replay_ms,
           (now - job->start_time) / 1000.0);

  g_signal_emit (self, signals[REPLAY_FINISHED], 0, NULL);
  _li_project_update_comparison (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REPLAY_MS]);
}

static void
_li_project_start_replay (LiProject *self)
{
  g_autoptr(GError) error = NULL;
  Job *job;

  g_clear_handle_id (&self->replay_timeout_id, g_source_remove);
  /* A newer edit supersedes the running replay. */
  _li_project_cancel_job (&self->replay_cancellable);

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
  /* The leads explorer reads the per-lead facts of the draft's replay. */
  li_replay_run_async (self->rules, self->dataset, &(LiReplayOptions) { .keep_lead_facts = TRUE },
                       self->replay_cancellable, _li_project_replay_done_cb, job);
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

static void
_li_project_set_dataset (LiProject *self,
                         LiDataset *loaded)
{
  LiDataset *old = self->dataset;

  self->dataset = old != NULL ? li_dataset_merge (old, loaded) : g_object_ref (loaded);
  g_clear_object (&old);

  /* The baseline must be replayed again, and the versions' numbers were
   * measured on the old data. */
  g_clear_pointer (&self->baseline_result, li_replay_result_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->versions)); i++)
    {
      g_autoptr(LiVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);

      li_version_set_result (version, NULL);
    }
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
  g_clear_pointer (&self->undo, li_undo_stack_free);
  g_clear_pointer (&self->result, li_replay_result_unref);
  g_clear_pointer (&self->result_rules, li_rules_free);
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
  li_rules_load_async (path, self->open_cancellable, _li_project_open_done_cb, job);
  _li_project_update_state (self);
}

gboolean
li_project_save (LiProject   *self,
                 const char  *path,
                 GError     **error)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!li_rules_save (self->rules, path, error))
    return FALSE;

  g_clear_pointer (&self->saved_rules, li_rules_free);
  self->saved_rules = li_rules_copy (self->rules);
  _li_project_set_path (self, path);
  _li_project_update_dirty (self);

  return TRUE;
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
  Job *job;

  g_return_if_fail (LI_IS_PROJECT (self));
  g_return_if_fail ((event_paths != NULL && event_paths[0] != NULL) || leads_path != NULL);

  _li_project_cancel_job (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  job = _li_job_new (self, self->import_cancellable);
  li_dataset_load_async (event_paths, leads_path, &options, _li_project_import_progress_cb, job,
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
li_project_compare_with (LiProject  *self,
                         const char *path)
{
  Job *job;

  g_return_if_fail (LI_IS_PROJECT (self));
  g_return_if_fail (path != NULL);

  job = _li_job_new (self, NULL);
  job->path = g_strdup (path);
  self->n_version_loads++;
  li_rules_load_async (path, NULL, _li_project_version_loaded_cb, job);
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

gboolean
li_project_get_busy (LiProject *self)
{
  g_return_val_if_fail (LI_IS_PROJECT (self), FALSE);

  return self->busy;
}
