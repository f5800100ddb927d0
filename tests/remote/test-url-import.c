/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Imports from URLs (SPEC 8) against a SoupServer on 127.0.0.1: plain,
 * gzip by content and by Content-Encoding, statuses, redirects, bodies cut
 * short, slow, stalled and endless servers, cancel, TLS, and a 100 MB body
 * streamed in bounded memory. */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "li-dataset.h"
#include "li-import-source.h"
#include "li-remote.h"
#include "li-remote-input.h"
#include "li-test-server.h"

static LiTestServer *server;
static LiTestServer *tls_server;  /* made by the TLS tests */

static char *import_dir (void);

static LiTestServer *
get_tls_server (void)
{
  if (tls_server == NULL)
    {
      g_autofree char *files = import_dir ();

      tls_server = li_test_server_new (TRUE, NULL, files);
    }
  return tls_server;
}

/* gcc 12's LeakSanitizer crashes on the dynamic TLS that GnuTLS leaves in
 * GLib's worker threads: under AddressSanitizer the TLS tests run in a
 * subprocess without leak checking (memory errors are still caught). */
static gboolean
run_tls_in_subprocess (void)
{
#ifdef __SANITIZE_ADDRESS__
  if (!g_test_subprocess ())
    {
      g_autofree char *saved = g_strdup (g_getenv ("ASAN_OPTIONS"));
      g_autofree char *options = g_strconcat (saved != NULL ? saved : "",
                                              saved != NULL ? ":" : "", "detect_leaks=0", NULL);

      g_setenv ("ASAN_OPTIONS", options, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                       G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (saved != NULL)
        g_setenv ("ASAN_OPTIONS", saved, TRUE);
      g_test_trap_assert_passed ();
      return TRUE;
    }
#endif
  return FALSE;
}

static char *
import_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", NULL);
}

static LiDataset *
load_url (const char  *path,
          GError     **error)
{
  g_autofree char *url = li_test_server_url (server, path);
  const char *paths[] = { url, NULL };

  return li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, error);
}

static guint
local_events (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return li_dataset_get_store (dataset)->n_events;
}

/* Fails with LI_IMPORT_ERROR and a message holding @part. */
static void
assert_fails (const char *path,
              const char *part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = load_url (path, &error);

  g_assert_null (dataset);
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO);
  g_test_message ("%s: %s", path, error->message);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}

typedef struct
{
  guint         n;
  guint64       last_done, total;
} Progress;

static void
_progress_cb (guint64  done,
              guint64  total,
              gpointer user_data)
{
  Progress *p = user_data;

  p->n++;
  p->last_done = done;
  p->total = total;
}

static void
test_plain (void)
{
  g_autofree char *url = li_test_server_url (server, "/file/events.csv");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "events.csv", NULL);
  const char *paths[] = { url, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  Progress progress = { 0 };
  gsize size;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  dataset = li_dataset_load (paths, NULL, NULL, _progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (li_dataset_get_store (dataset)->n_events, ==, local_events ("events.csv"));
  g_assert_cmpstr (li_dataset_get_event_paths (dataset)[0], ==, url);
  g_assert_cmpuint (progress.total, ==, size);
  g_assert_cmpuint (progress.last_done, ==, size);
  g_assert_cmpstr (li_dataset_get_report (dataset)->formats[0], ==, "csv");
}

/* Credentials in the URL reach the server but no message and no dataset. */
static void
test_credentials (void)
{
  g_autofree char *base = li_test_server_url (server, "");
  g_autofree char *ok_url = NULL;
  g_autofree char *bad_url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  const char *paths[2] = { NULL, NULL };

  ok_url = g_strdup_printf ("http://ann:s3cret@%s/file/events.csv?token=hunter2#frag",
                            base + strlen ("http://"));
  bad_url = g_strdup_printf ("http://ann:s3cret@%s/file/missing.csv?token=hunter2",
                             base + strlen ("http://"));
  paths[0] = ok_url;
  dataset = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (li_dataset_get_event_paths (dataset)[0], "s3cret"));
  g_assert_null (strstr (li_dataset_get_event_paths (dataset)[0], "hunter2"));
  g_assert_true (g_str_has_suffix (li_dataset_get_event_paths (dataset)[0], "/file/events.csv"));

  paths[0] = bad_url;
  g_clear_object (&dataset);
  dataset = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_assert_nonnull (strstr (error->message, "/file/missing.csv: the server answered 404 Not Found"));
  g_assert_null (strstr (error->message, "s3cret"));
  g_assert_null (strstr (error->message, "ann"));
  g_assert_null (strstr (error->message, "hunter2"));
}

static void
test_display_name (void)
{
  const char *cases[][2] = {
    { "data/events.csv", "data/events.csv" },
    { "https://shop.example/e.csv", "https://shop.example/e.csv" },
    { "https://u:p@shop.example:8443/e.csv?key=abc#x", "https://shop.example:8443/e.csv" },
    { "HTTP://shop.example/a%20b.csv", "http://shop.example/a%20b.csv" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = li_import_source_display_name (cases[i][0]);

      g_assert_cmpstr (name, ==, cases[i][1]);
    }
  g_assert_true (li_import_source_is_url ("https://x/y"));
  g_assert_false (li_import_source_is_url ("file:///tmp/x.csv"));
  g_assert_false (li_import_source_is_url ("c:data.csv"));
  g_assert_false (li_import_source_is_url ("events.csv"));
}

static void
test_gzip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) by_magic = NULL;
  g_autoptr(LiDataset) by_header = NULL;

  /* A .gz file, recognised by its magic bytes. */
  by_magic = load_url ("/file/events.csv.gz", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (li_dataset_get_store (by_magic)->n_events, ==, local_events ("events.csv"));

  /* Compressed for the transfer: decompressed once, by the importer. */
  by_header = load_url ("/file/events.csv?gzip", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (li_dataset_get_store (by_header)->n_events, ==, local_events ("events.csv"));

  assert_fails ("/file/events.csv?encoding=br", "compressed the data as “br”");
  assert_fails ("/file/events.csv?encoding=gzip", "gzip-compressed, but it is not");
}

static void
test_status (void)
{
  assert_fails ("/status/404", "/status/404: the server answered 404 Not Found");
  assert_fails ("/status/500", "/status/500: the server answered 500 Internal Server Error");
  assert_fails ("/status/403", "403 Forbidden");
}

static void
test_redirect (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = load_url ("/redirect", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (li_dataset_get_store (dataset)->n_events, ==, local_events ("events.csv"));
  assert_fails ("/loop", "/loop: too many redirects (more than 5)");
}

static void
test_truncated (void)
{
  /* Content-Length 1000, 63 bytes sent: not a prefix of the data. */
  assert_fails ("/truncated", "the connection closed after 63 of 1000 bytes");
  /* A chunked body without its last chunk. */
  assert_fails ("/chunked-cut", "before the end of the data");
}

static void
test_slow (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  g_autofree char *url = li_test_server_url (server, "/slow");
  const char *paths[] = { url, NULL };
  Progress progress = { 0 };

  /* A chunk every 30 ms is slow but never idle for a second. */
  dataset = li_dataset_load (paths, NULL, NULL, _progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (li_dataset_get_store (dataset)->n_events, >=, 100);
  g_assert_cmpuint (progress.total, ==, 0);  /* chunked: size unknown */
  g_assert_cmpuint (progress.n, >=, 2);
  g_assert_cmpuint (progress.last_done, ==, li_dataset_get_report (dataset)->bytes_read);
}

static void
test_stall (void)
{
  gint64 start = g_get_monotonic_time ();

  li_remote_set_timeout (1);
  assert_fails ("/stall", "no data for 1 s");
  li_remote_set_timeout (5);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
}

static gpointer
_cancel_thread (gpointer data)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

/* An endless body, cancelled midway: promptly, and nothing is loaded. */
static void
test_cancel (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = li_test_server_url (server, "/endless");
  const char *paths[] = { url, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  gint64 start = g_get_monotonic_time ();
  GThread *thread = g_thread_new ("cancel", _cancel_thread, cancellable);

  dataset = li_dataset_load (paths, NULL, NULL, NULL, NULL, cancellable, &error);
  g_thread_join (thread);
  g_assert_null (dataset);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
test_leads (void)
{
  g_autofree char *url = li_test_server_url (server, "/file/leads.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = li_dataset_load (NULL, url, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (li_dataset_get_leads (dataset));
  g_assert_cmpstr (li_dataset_get_leads_path (dataset), ==, url);
}

static void
test_tls (void)
{
  g_autoptr(GTlsDatabase) db = NULL;
  g_autofree char *url = NULL;
  g_autofree char *other_host = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  const char *paths[] = { NULL, NULL };

  if (run_tls_in_subprocess ())
    return;
  db = li_test_server_tls_database ();
  paths[0] = url = li_test_server_url (get_tls_server (), "/file/events.csv");

  /* The system does not trust the test certificate. */
  dataset = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "certificate is not valid: not signed by a known authority"));
  g_clear_error (&error);

  li_remote_set_tls_database (db);
  dataset = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (li_dataset_get_store (dataset)->n_events, ==, local_events ("events.csv"));
  g_clear_object (&dataset);

  /* Trusted, but issued for 127.0.0.1 only. */
  other_host = g_strdup_printf ("https://localhost:%u/file/events.csv",
                                li_test_server_get_port (get_tls_server ()));
  paths[0] = other_host;
  dataset = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (dataset);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "issued for another host"));
  g_clear_error (&error);

  li_remote_set_tls_database (NULL);
}

/* https never hands over to plain http. */
static void
test_tls_downgrade (void)
{
  g_autoptr(GTlsDatabase) db = NULL;
  g_autofree char *target = li_test_server_url (server, "/file/events.csv");
  g_autofree char *escaped = g_uri_escape_string (target, NULL, TRUE);
  g_autofree char *path = g_strconcat ("/redirect-to/", escaped, NULL);
  g_autofree char *url = NULL;
  const char *paths[] = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;

  if (run_tls_in_subprocess ())
    return;
  db = li_test_server_tls_database ();
  paths[0] = url = li_test_server_url (get_tls_server (), path);

  li_remote_set_tls_database (db);
  dataset = li_dataset_load (paths, NULL, NULL, NULL, NULL, NULL, &error);
  li_remote_set_tls_database (NULL);
  g_assert_null (dataset);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "from HTTPS to plain HTTP"));
}

static void
test_no_opener (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;

  li_import_set_url_opener (NULL);
  dataset = load_url ("/file/events.csv", &error);
  li_import_set_url_opener (li_remote_open_url);
  g_assert_null (dataset);
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "only local files"));
}

static glong
max_rss_kb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_maxrss;
}

/* 100 MB made by the server as it sends it: the import streams it, so the
 * process grows by the store (a few hundred thousand events), not the
 * body. */
static void
test_big (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiDataset) dataset = NULL;
  glong before = max_rss_kb (), grown;
  const LiImportReport *report;

  dataset = load_url ("/big?mb=100", &error);
  g_assert_no_error (error);
  report = li_dataset_get_report (dataset);
  grown = max_rss_kb () - before;
  g_test_message ("%" G_GUINT64_FORMAT " bytes, %u events, max RSS +%ld kB",
                  report->bytes_read, li_dataset_get_store (dataset)->n_events, grown);
  g_assert_cmpuint (report->bytes_read, >=, 100u << 20);
  g_assert_cmpuint (li_dataset_get_store (dataset)->n_events, >, 200000);
#ifdef __SANITIZE_ADDRESS__
  /* AddressSanitizer keeps freed memory in quarantine (256 MB). */
  g_test_message ("max RSS not checked under AddressSanitizer");
#else
  g_assert_cmpint (grown, <, 48 * 1024);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *files = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  li_remote_init ();
  li_remote_set_timeout (5);
  files = import_dir ();
  server = li_test_server_new (FALSE, NULL, files);

  /* First, while the process is small. */
  g_test_add_func ("/remote/url/big", test_big);
  g_test_add_func ("/remote/url/plain", test_plain);
  g_test_add_func ("/remote/url/credentials", test_credentials);
  g_test_add_func ("/remote/url/display-name", test_display_name);
  g_test_add_func ("/remote/url/gzip", test_gzip);
  g_test_add_func ("/remote/url/status", test_status);
  g_test_add_func ("/remote/url/redirect", test_redirect);
  g_test_add_func ("/remote/url/truncated", test_truncated);
  g_test_add_func ("/remote/url/slow", test_slow);
  g_test_add_func ("/remote/url/stall", test_stall);
  g_test_add_func ("/remote/url/cancel", test_cancel);
  g_test_add_func ("/remote/url/leads", test_leads);
  g_test_add_func ("/remote/url/tls", test_tls);
  g_test_add_func ("/remote/url/tls-downgrade", test_tls_downgrade);
  g_test_add_func ("/remote/url/no-opener", test_no_opener);
  status = g_test_run ();

  g_clear_pointer (&tls_server, li_test_server_free);
  li_test_server_free (server);
  return status;
}
