/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-import-job.h"
#include "li-leads-file.h"

typedef struct
{
  gint                ref_count;
  GPtrArray          *files;       /* GFile* */
  GFile              *leads_file;
  GMainContext       *context;
  LiImportProgressCb  progress;
  gpointer            progress_data;

  /* Shared with the worker thread. */
  GMutex              mutex;
  guint64             done, total;
  gint64              last_report;
  gboolean            report_pending;
  gboolean            finished;     /* main thread only */
} ImportState;

static ImportState *
_li_import_state_ref (ImportState *state)
{
  g_atomic_int_inc (&state->ref_count);
  return state;
}

static void
_li_import_state_unref (ImportState *state)
{
  if (!g_atomic_int_dec_and_test (&state->ref_count))
    return;

  g_ptr_array_unref (state->files);
  g_clear_object (&state->leads_file);
  g_main_context_unref (state->context);
  g_mutex_clear (&state->mutex);
  g_free (state);
}

void
li_import_data_free (LiImportData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->store, li_event_store_unref);
  g_clear_pointer (&data->leads, li_lead_table_unref);
  li_import_report_clear (&data->report);
  g_strfreev (data->event_paths);
  g_free (data->leads_path);
  g_free (data);
}

static gboolean
_li_import_report_progress_cb (gpointer user_data)
{
  ImportState *state = user_data;
  guint64 done, total;

  g_mutex_lock (&state->mutex);
  done = state->done;
  total = state->total;
  state->report_pending = FALSE;
  g_mutex_unlock (&state->mutex);

  if (!state->finished && state->progress != NULL)
    state->progress (done, total, state->progress_data);

  return G_SOURCE_REMOVE;
}

/* Worker thread: keep the newest numbers, wake the main loop now and then. */
static void
_li_import_progress_cb (guint64  done,
                        guint64  total,
                        gpointer user_data)
{
  ImportState *state = user_data;
  gint64 now = g_get_monotonic_time ();
  gboolean schedule = FALSE;

  g_mutex_lock (&state->mutex);
  state->done = done;
  state->total = total;
  if (!state->report_pending && now - state->last_report >= LI_IMPORT_PROGRESS_USEC)
    {
      state->report_pending = TRUE;
      state->last_report = now;
      schedule = TRUE;
    }
  g_mutex_unlock (&state->mutex);

  if (schedule)
    g_main_context_invoke_full (state->context, G_PRIORITY_DEFAULT,
                                _li_import_report_progress_cb,
                                _li_import_state_ref (state),
                                (GDestroyNotify) _li_import_state_unref);
}

static void
_li_import_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ImportState *state = task_data;
  g_autoptr(LiImportData) data = g_new0 (LiImportData, 1);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  if (state->files->len > 0)
    {
      LiImportOptions options = { LI_FORMAT_AUTO, FALSE };

      data->store = li_import_events ((GFile * const *) state->files->pdata,
                                      state->files->len, &options, &data->report,
                                      _li_import_progress_cb, state, cancellable, &error);
      if (data->store == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      for (guint i = 0; i < state->files->len; i++)
        {
          g_autofree char *path = g_file_get_path (g_ptr_array_index (state->files, i));

          if (path == NULL)
            path = g_file_get_uri (g_ptr_array_index (state->files, i));
          g_strv_builder_add (paths, path);
        }
    }
  data->event_paths = g_strv_builder_end (paths);

  if (state->leads_file != NULL)
    {
      data->leads = li_import_leads (state->leads_file, cancellable, &error);
      if (data->leads == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      data->leads_path = g_file_get_path (state->leads_file);
      if (data->leads_path == NULL)
        data->leads_path = g_file_get_uri (state->leads_file);
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  data->elapsed_usec = g_get_monotonic_time () - start;
  g_task_return_pointer (task, g_steal_pointer (&data), (GDestroyNotify) li_import_data_free);
}

static void
_li_import_task_done_cb (GObject    *object,
                         GParamSpec *pspec,
                         gpointer    user_data)
{
  ImportState *state = g_task_get_task_data (G_TASK (object));

  state->finished = TRUE;
}

void
li_import_job_run_async (GObject            *source_object,
                         GFile * const      *event_files,
                         guint               n_event_files,
                         GFile              *leads_file,
                         GCancellable       *cancellable,
                         LiImportProgressCb  progress,
                         gpointer            progress_data,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportState *state;

  g_return_if_fail (n_event_files == 0 || event_files != NULL);
  g_return_if_fail (!leads_file || G_IS_FILE (leads_file));

  state = g_new0 (ImportState, 1);
  state->ref_count = 1;
  state->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_event_files; i++)
    g_ptr_array_add (state->files, g_object_ref (event_files[i]));
  state->leads_file = leads_file ? g_object_ref (leads_file) : NULL;
  state->context = g_main_context_ref_thread_default ();
  state->progress = progress;
  state->progress_data = progress_data;
  g_mutex_init (&state->mutex);

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, li_import_job_run_async);
  g_task_set_name (task, "[lead-intent] import");
  g_task_set_task_data (task, state, (GDestroyNotify) _li_import_state_unref);
  /* Progress reports queued behind the result are dropped. */
  g_signal_connect (task, "notify::completed", G_CALLBACK (_li_import_task_done_cb), NULL);
  g_task_run_in_thread (task, _li_import_thread);
}

LiImportData *
li_import_job_finish (GAsyncResult *result,
                      GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == li_import_job_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
