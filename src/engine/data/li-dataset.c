/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "li-dataset.h"
#include "li-import-source.h"
#include "li-leads-file.h"

struct _LiDataset
{
  GObject         parent_instance;

  LiEventStore   *store;
  GStrv           event_paths;
  LiImportReport  report;
  LiLeadTable    *leads;
  char           *leads_path;
};

G_DEFINE_FINAL_TYPE (LiDataset, li_dataset, G_TYPE_OBJECT)

/* What a load in a worker thread shares with the idle callbacks that bring
 * its progress to the caller's thread. */
typedef struct
{
  gint             ref_count;
  GStrv            event_paths;
  char            *leads_path;
  LiImportOptions  options;
  GMainContext    *context;
  LiProgressFunc   progress;
  gpointer         progress_data;

  /* Shared with the worker thread. */
  GMutex           mutex;
  guint64          done, total;
  gint64           last_report;
  gboolean         report_pending;

  gboolean         finished;     /* main thread only */
} LoadState;

static LoadState *
_li_load_state_ref (LoadState *state)
{
  g_atomic_int_inc (&state->ref_count);
  return state;
}

static void
_li_load_state_unref (LoadState *state)
{
  if (!g_atomic_int_dec_and_test (&state->ref_count))
    return;

  g_strfreev (state->event_paths);
  g_free (state->leads_path);
  li_csv_map_free ((LiCsvMap *) state->options.map);
  g_main_context_unref (state->context);
  g_mutex_clear (&state->mutex);
  g_free (state);
}

static void
_li_import_report_copy (LiImportReport       *dst,
                        const LiImportReport *src)
{
  dst->n_skipped = src->n_skipped;
  dst->n_ignored = src->n_ignored;
  dst->skipped_reasons = g_strdupv (src->skipped_reasons);
  dst->formats = g_strdupv (src->formats);
  dst->bytes_read = src->bytes_read;
}

static gboolean
_li_load_report_progress_cb (gpointer user_data)
{
  LoadState *state = user_data;
  guint64 done, total;

  g_mutex_lock (&state->mutex);
  done = state->done;
  total = state->total;
  state->report_pending = FALSE;
  g_mutex_unlock (&state->mutex);

  if (!state->finished)
    state->progress (done, total, state->progress_data);

  return G_SOURCE_REMOVE;
}

/* Worker thread: keep the newest numbers, wake the caller now and then. */
static void
_li_load_progress_cb (guint64  done,
                      guint64  total,
                      gpointer user_data)
{
  LoadState *state = user_data;
  gint64 now = g_get_monotonic_time ();
  gboolean schedule = FALSE;

  g_mutex_lock (&state->mutex);
  state->done = done;
  state->total = total;
  if (!state->report_pending && now - state->last_report >= LI_DATASET_PROGRESS_USEC)
    {
      state->report_pending = TRUE;
      state->last_report = now;
      schedule = TRUE;
    }
  g_mutex_unlock (&state->mutex);

  /* An idle source rather than g_main_context_invoke(), which would call
   * back in this thread while the caller's context is not running. */
  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, _li_load_report_progress_cb, _li_load_state_ref (state),
                             (GDestroyNotify) _li_load_state_unref);
      g_source_set_static_name (source, "[lead-intent] load progress");
      g_source_attach (source, state->context);
    }
}

static void
_li_load_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  LoadState *state = task_data;
  g_autoptr(GError) error = NULL;
  LiDataset *dataset;

  dataset = li_dataset_load ((const char * const *) state->event_paths, state->leads_path,
                             &state->options,
                             state->progress != NULL ? _li_load_progress_cb : NULL, state,
                             cancellable, &error);
  if (dataset == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/* Progress reports queued behind the result are dropped. */
static void
_li_load_completed_cb (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  LoadState *state = g_task_get_task_data (G_TASK (object));

  state->finished = TRUE;
}

/* What the dataset keeps of its sources: a URL without credentials. */
static GStrv
_li_display_names (const char * const *sources)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_autofree char *name = li_import_source_display_name (sources[i]);

      g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

static void
li_dataset_finalize (GObject *object)
{
  LiDataset *self = LI_DATASET (object);

  g_clear_pointer (&self->store, li_event_store_unref);
  g_clear_pointer (&self->event_paths, g_strfreev);
  li_import_report_clear (&self->report);
  g_clear_pointer (&self->leads, li_lead_table_unref);
  g_clear_pointer (&self->leads_path, g_free);

  G_OBJECT_CLASS (li_dataset_parent_class)->finalize (object);
}

static void
li_dataset_class_init (LiDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = li_dataset_finalize;
}

static void
li_dataset_init (LiDataset *self)
{
}

LiDataset *
li_dataset_load (const char * const    *event_paths,
                 const char            *leads_path,
                 const LiImportOptions *options,
                 LiProgressFunc         progress,
                 gpointer               progress_data,
                 GCancellable          *cancellable,
                 GError               **error)
{
  gboolean has_events = event_paths != NULL && event_paths[0] != NULL;
  g_autoptr(LiDataset) self = NULL;

  g_return_val_if_fail (has_events || leads_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LI_TYPE_DATASET, NULL);

  if (has_events)
    {
      self->store = li_import_event_paths (event_paths, options, &self->report,
                                           progress, progress_data, cancellable, error);
      if (self->store == NULL)
        return NULL;
      self->event_paths = _li_display_names (event_paths);
    }

  if (leads_path != NULL)
    {
      self->leads = li_import_leads_source (leads_path, cancellable, error);
      if (self->leads == NULL)
        return NULL;
      self->leads_path = li_import_source_display_name (leads_path);
    }

  return g_steal_pointer (&self);
}

void
li_dataset_load_async (const char * const    *event_paths,
                       const char            *leads_path,
                       const LiImportOptions *options,
                       LiProgressFunc         progress,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadState *state;

  g_return_if_fail ((event_paths != NULL && event_paths[0] != NULL) || leads_path != NULL);

  state = g_new0 (LoadState, 1);
  state->ref_count = 1;
  state->event_paths = g_strdupv ((char **) event_paths);
  state->leads_path = g_strdup (leads_path);
  if (options != NULL)
    state->options = *options;
  /* The worker reads its own copy: the caller may free the mapping. */
  if (options != NULL && options->map != NULL)
    state->options.map = li_csv_map_copy (options->map);
  state->context = g_main_context_ref_thread_default ();
  state->progress = progress;
  state->progress_data = progress_data;
  g_mutex_init (&state->mutex);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, li_dataset_load_async);
  g_task_set_name (task, "[lead-intent] load dataset");
  g_task_set_task_data (task, state, (GDestroyNotify) _li_load_state_unref);
  g_signal_connect (task, "notify::completed", G_CALLBACK (_li_load_completed_cb), NULL);
  g_task_run_in_thread (task, _li_load_thread);
}

LiDataset *
li_dataset_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == li_dataset_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

LiDataset *
li_dataset_merge (LiDataset *base,
                  LiDataset *update)
{
  LiDataset *events, *leads, *self;

  g_return_val_if_fail (LI_IS_DATASET (base), NULL);
  g_return_val_if_fail (LI_IS_DATASET (update), NULL);

  events = update->store != NULL ? update : base;
  leads = update->leads != NULL ? update : base;
  if (events == leads)
    return g_object_ref (events);

  self = g_object_new (LI_TYPE_DATASET, NULL);
  if (events->store != NULL)
    self->store = li_event_store_ref (events->store);
  self->event_paths = g_strdupv (events->event_paths);
  _li_import_report_copy (&self->report, &events->report);
  if (leads->leads != NULL)
    self->leads = li_lead_table_ref (leads->leads);
  self->leads_path = g_strdup (leads->leads_path);

  return self;
}

LiEventStore *
li_dataset_get_store (LiDataset *self)
{
  g_return_val_if_fail (LI_IS_DATASET (self), NULL);

  return self->store;
}

LiLeadTable *
li_dataset_get_leads (LiDataset *self)
{
  g_return_val_if_fail (LI_IS_DATASET (self), NULL);

  return self->leads;
}

const char * const *
li_dataset_get_event_paths (LiDataset *self)
{
  g_return_val_if_fail (LI_IS_DATASET (self), NULL);

  return (const char * const *) self->event_paths;
}

const char *
li_dataset_get_leads_path (LiDataset *self)
{
  g_return_val_if_fail (LI_IS_DATASET (self), NULL);

  return self->leads_path;
}

const LiImportReport *
li_dataset_get_report (LiDataset *self)
{
  g_return_val_if_fail (LI_IS_DATASET (self), NULL);

  return &self->report;
}
