/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sources of an import: paths, and URLs opened by a registered opener
 * (here one of memory, so that the engine is tested without libsoup). */
#include "config.h"

#include <string.h>

#include "li-dataset.h"
#include "li-import-source.h"

static const char events[] = "lead_id,timestamp,event\nu1,1700000000,page_view\nu2,1700000060,purchase\n";
static char *last_url;

static GInputStream *
_memory_opener (const char    *url,
                guint64       *size,
                GCancellable  *cancellable,
                GError       **error)
{
  g_free (last_url);
  last_url = g_strdup (url);
  if (strstr (url, "/missing") != NULL)
    {
      /* Openers name the URL without credentials themselves. */
      g_autofree char *name = li_import_source_display_name (url);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s: not there", name);
      return NULL;
    }
  *size = strlen (events);
  return g_memory_input_stream_new_from_data (events, (gssize) strlen (events), NULL);
}

static void
_progress_cb (guint64  done,
              guint64  total,
              gpointer user_data)
{
  *(guint64 *) user_data = total;
}

static void
test_opener (void)
{
  const char *url = "mem://ann:pw@host/events.csv?key=k3y";
  const char *paths[] = { url, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  guint64 total = 0;

  li_import_set_url_opener (_memory_opener);
  dataset = li_dataset_load (paths, NULL, NULL, _progress_cb, &total, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (last_url, ==, url);  /* the opener gets it all */
  g_assert_cmpuint (li_dataset_get_store (dataset)->n_events, ==, 2);
  g_assert_cmpuint (total, ==, strlen (events));
  g_assert_cmpstr (li_dataset_get_event_paths (dataset)[0], ==, "mem://host/events.csv");
  g_clear_object (&dataset);

  /* Leads too. */
  dataset = li_dataset_load (NULL, "mem://host/leads.csv", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (li_dataset_get_leads_path (dataset), ==, "mem://host/leads.csv");
  g_clear_object (&dataset);

  paths[0] = "mem://ann:pw@host/missing.csv";
  dataset = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO);
  g_assert_cmpstr (error->message, ==, "mem://host/missing.csv: not there");
  li_import_set_url_opener (NULL);
}

static void
test_no_opener (void)
{
  const char *paths[] = { "https://ann:pw@shop.example/events.csv", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, &error);

  g_assert_null (dataset);
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO);
  g_assert_cmpstr (error->message, ==,
                   "https://shop.example/events.csv: URLs cannot be read here, only local files");
}

static void
test_display_name (void)
{
  const char *cases[][2] = {
    { "events.csv", "events.csv" },
    { "/data/a b.csv", "/data/a b.csv" },
    { "https://shop.example/e.csv", "https://shop.example/e.csv" },
    { "https://u:p@shop.example:8443/e.csv?key=abc#x", "https://shop.example:8443/e.csv" },
    { "https://u@shop.example/e.csv", "https://shop.example/e.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = li_import_source_display_name (cases[i][0]);

      g_assert_cmpstr (name, ==, cases[i][1]);
    }
  g_assert_true (li_import_source_is_url ("http://x/y"));
  g_assert_false (li_import_source_is_url ("file:///tmp/x.csv"));
  g_assert_false (li_import_source_is_url ("c:data.csv"));
  g_assert_false (li_import_source_is_url ("2026-03-01:events.csv"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/import/source/opener", test_opener);
  g_test_add_func ("/engine/import/source/no-opener", test_no_opener);
  g_test_add_func ("/engine/import/source/display-name", test_display_name);
  status = g_test_run ();
  g_free (last_url);
  return status;
}
