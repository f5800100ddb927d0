/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LiDataset: the events and leads of one load, read at once or in a
 * worker thread, cancelled, failed, merged. */
#include "config.h"

#include "li-dataset.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

typedef struct
{
  GThread      *thread;
  guint         n_reports;
  gboolean      wrong_thread;
  gboolean      after_finish;
  gboolean      finished;
  LiDataset    *dataset;
  GError       *error;
} AsyncLoad;

static void
_progress_cb (guint64  done,
              guint64  total,
              gpointer user_data)
{
  AsyncLoad *load = user_data;

  load->n_reports++;
  load->wrong_thread |= g_thread_self () != load->thread;
  load->after_finish |= load->finished;
}

static void
_loaded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncLoad *load = user_data;

  g_assert_null (object);
  load->dataset = li_dataset_load_finish (result, &load->error);
  load->finished = TRUE;
}

/* Loads in a worker thread and iterates until the result is in, and a
 * little longer, to see that no progress comes after it. */
static void
load_async (const char * const *event_paths,
            const char         *leads_path,
            GCancellable       *cancellable,
            AsyncLoad          *load)
{
  load->thread = g_thread_self ();
  li_dataset_load_async (event_paths, leads_path, NULL, _progress_cb, load, cancellable,
                         _loaded_cb, load);
  while (!load->finished)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (load->wrong_thread);
  g_assert_false (load->after_finish);
}

/* Ready for the next load. */
static void
async_load_clear (AsyncLoad *load)
{
  g_clear_object (&load->dataset);
  g_clear_error (&load->error);
  *load = (AsyncLoad) { 0, };
}

static void
assert_events_and_leads (LiDataset          *dataset,
                         const char * const *event_paths,
                         const char         *leads_path)
{
  LiEventStore *store = li_dataset_get_store (dataset);
  LiLeadTable *leads = li_dataset_get_leads (dataset);
  const LiImportReport *report = li_dataset_get_report (dataset);

  g_assert_nonnull (store);
  g_assert_cmpuint (store->n_events, ==, 8);
  g_assert_cmpuint (store->n_leads, ==, 4);
  g_assert_cmpstrv (li_dataset_get_event_paths (dataset), event_paths);
  g_assert_cmpuint (report->n_skipped, ==, 0);
  g_assert_cmpuint (g_strv_length (report->formats), ==, 2);
  g_assert_cmpstr (report->formats[0], ==, "csv");
  g_assert_cmpuint (report->bytes_read, ==, 273 + 181);

  g_assert_nonnull (leads);
  g_assert_cmpuint (leads->n_attributes, ==, 3);
  g_assert_cmpstr (li_dataset_get_leads_path (dataset), ==, leads_path);
}

static void
test_load (void)
{
  g_autofree char *a = fixture ("events.csv");
  g_autofree char *b = fixture ("events-2.csv");
  g_autofree char *leads = fixture ("leads.csv");
  const char *paths[] = { a, b, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(LiDataset) leads_only = NULL;

  dataset = li_dataset_load (paths, leads, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_events_and_leads (dataset, paths, leads);

  /* A leads file alone: no store, no event paths, an empty report. */
  leads_only = li_dataset_load (NULL, leads, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (li_dataset_get_store (leads_only));
  g_assert_null (li_dataset_get_event_paths (leads_only));
  g_assert_null (li_dataset_get_report (leads_only)->formats);
  g_assert_nonnull (li_dataset_get_leads (leads_only));
}

static void
test_load_async (void)
{
  g_autofree char *a = fixture ("events.csv");
  g_autofree char *b = fixture ("events-2.csv");
  g_autofree char *leads = fixture ("leads.csv");
  const char *paths[] = { a, b, NULL };
  AsyncLoad load = { 0, };

  load_async (paths, leads, NULL, &load);
  g_assert_no_error (load.error);
  assert_events_and_leads (load.dataset, paths, leads);
  g_assert_cmpuint (load.n_reports, >=, 1);
  async_load_clear (&load);
}

static void
test_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                 "rees46-2019oct-head.csv.gz", NULL);
  const char *paths[] = { path, NULL };
  AsyncLoad load = { 0, };

  load_async (paths, NULL, NULL, &load);
  g_assert_no_error (load.error);
  g_assert_cmpuint (li_dataset_get_store (load.dataset)->n_events, ==, 17434);
  g_assert_cmpstr (li_dataset_get_report (load.dataset)->formats[0], ==, "rees46");
  g_assert_null (li_dataset_get_leads (load.dataset));
  async_load_clear (&load);
}

static void
test_cancelled (void)
{
  g_autofree char *a = fixture ("events.csv");
  g_autofree char *leads = fixture ("leads.csv");
  const char *paths[] = { a, NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  AsyncLoad load = { 0, };

  g_cancellable_cancel (cancellable);
  dataset = li_dataset_load (paths, leads, NULL, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (dataset);

  /* Cancelled while the worker runs, or before it starts: the same. */
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  li_dataset_load_async (paths, leads, NULL, _progress_cb, &load, cancellable, _loaded_cb, &load);
  g_cancellable_cancel (cancellable);
  load.thread = g_thread_self ();
  while (!load.finished)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (load.dataset);
  async_load_clear (&load);
}

static void
test_errors (void)
{
  g_autofree char *good = fixture ("events.csv");
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "cli", "bad-timestamp.csv", NULL);
  g_autofree char *missing = fixture ("no-such-leads.csv");
  g_autofree char *prefix = g_strconcat (bad, ":4: ", NULL);
  const char *bad_paths[] = { good, bad, NULL };
  const char *good_paths[] = { good, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  AsyncLoad load = { 0, };

  /* A bad row in the second file: nothing of the first is kept, and the
   * message names the file as it was given. */
  dataset = li_dataset_load (bad_paths, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_null (dataset);
  g_clear_error (&error);

  /* Good events, a missing leads file: no dataset either. */
  dataset = li_dataset_load (good_paths, missing, NULL, NULL, NULL, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (dataset);

  load_async (bad_paths, NULL, NULL, &load);
  g_assert_error (load.error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW);
  g_assert_null (load.dataset);
  async_load_clear (&load);

  load_async (good_paths, missing, NULL, &load);
  g_assert_nonnull (load.error);
  g_assert_null (load.dataset);
  async_load_clear (&load);
}

static void
test_merge (void)
{
  g_autofree char *a = fixture ("events.csv");
  g_autofree char *b = fixture ("events-2.csv");
  g_autofree char *leads_path = fixture ("leads.csv");
  const char *paths[] = { a, b, NULL };
  g_autoptr(LiDataset) events = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(LiDataset) leads = li_dataset_load (NULL, leads_path, NULL, NULL, NULL, NULL, NULL);
  g_autoptr(LiDataset) both = NULL;
  g_autoptr(LiDataset) again = NULL;
  g_autoptr(LiDataset) newer = NULL;

  g_assert_nonnull (events);
  g_assert_nonnull (leads);

  both = li_dataset_merge (events, leads);
  g_assert_true (li_dataset_get_store (both) == li_dataset_get_store (events));
  g_assert_true (li_dataset_get_leads (both) == li_dataset_get_leads (leads));
  assert_events_and_leads (both, paths, leads_path);

  /* New events keep the leads; an update with both replaces everything. */
  newer = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, NULL);
  again = li_dataset_merge (both, newer);
  g_assert_true (li_dataset_get_store (again) == li_dataset_get_store (newer));
  g_assert_true (li_dataset_get_leads (again) == li_dataset_get_leads (leads));
  g_clear_object (&again);
  again = li_dataset_merge (events, both);
  g_assert_true (again == both);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/dataset/load", test_load);
  g_test_add_func ("/engine/dataset/load-async", test_load_async);
  g_test_add_func ("/engine/dataset/sample", test_sample);
  g_test_add_func ("/engine/dataset/cancelled", test_cancelled);
  g_test_add_func ("/engine/dataset/errors", test_errors);
  g_test_add_func ("/engine/dataset/merge", test_merge);

  return g_test_run ();
}
