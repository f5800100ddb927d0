/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's remote dialogs against a SoupServer on 127.0.0.1: Import
 * from URL (success, an error kept in the dialog), Publish (the first
 * version), Fetch Production (a "Production" version to compare with),
 * and a publish refused because production changed meanwhile. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "li-application.h"
#include "li-endpoint.h"
#include "li-endpoint-store.h"
#include "li-publish-dialog.h"
#include "li-remote.h"
#include "li-test-server.h"
#include "li-token.h"
#include "li-url-dialog.h"
#include "li-version.h"
#include "li-window.h"

#define TOKEN "gui-token-7c1"
#define OTHER_RULES "{\"format\":\"lead-intent-rules\",\"format_version\":1}"

static LiWindow *window;
static LiTestServer *server;
static char *home;  /* XDG_STATE_HOME and XDG_DATA_HOME of the test */

static gpointer
_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK's */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        return item;
    }
  return NULL;
}

static void
_iterate_until (gboolean (*done) (gpointer),
                gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static gboolean
_url_dialog_gone (gpointer data)
{
  return _find_toplevel (LI_TYPE_URL_DIALOG) == NULL;
}

static gboolean
_not_importing (gpointer data)
{
  return !li_project_get_importing (li_window_get_project (window));
}

static gboolean
_publish_idle (gpointer data)
{
  return !li_publish_dialog_get_busy (data);
}

static void
test_import_url (void)
{
  g_autofree char *url = li_test_server_url (server, "/file/events.csv");
  g_autofree char *missing = li_test_server_url (server, "/status/404");
  LiUrlDialog *dialog;
  LiDataset *dataset;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-url", NULL);
  dialog = _find_toplevel (LI_TYPE_URL_DIALOG);
  g_assert_nonnull (dialog);

  /* An error stays in the dialog, for another try. */
  li_url_dialog_start (dialog, missing, FALSE);
  _iterate_until (_not_importing, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_nonnull (strstr (li_url_dialog_get_message (dialog), "404 Not Found"));

  li_url_dialog_start (dialog, url, FALSE);
  _iterate_until (_url_dialog_gone, NULL);
  dataset = li_project_get_dataset (li_window_get_project (window));
  g_assert_nonnull (dataset);
  g_assert_cmpstr (li_dataset_get_event_paths (dataset)[0], ==, url);
  g_assert_cmpuint (li_dataset_get_store (dataset)->n_events, >, 0);
}

static gboolean
_importing (gpointer data)
{
  return li_project_get_importing (li_window_get_project (window));
}

/* Escape (url.cancel) during an endless download: the import stops and
 * the data in use stays. */
static void
test_import_url_cancel (void)
{
  g_autofree char *url = li_test_server_url (server, "/endless");
  LiDataset *before = li_project_get_dataset (li_window_get_project (window));
  LiUrlDialog *dialog;

  g_assert_nonnull (before);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-url", NULL);
  dialog = _find_toplevel (LI_TYPE_URL_DIALOG);
  li_url_dialog_start (dialog, url, FALSE);
  _iterate_until (_importing, NULL);
  g_usleep (200 * 1000);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "url.cancel", NULL);
  _iterate_until (_url_dialog_gone, NULL);
  _iterate_until (_not_importing, NULL);
  g_assert_true (li_project_get_dataset (li_window_get_project (window)) == before);
}

static void
test_publish (void)
{
  g_autofree char *endpoint = li_test_server_url (server, "/rules");
  g_autofree char *etag = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GBytes) fetched = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  LiPublishDialog *dialog;
  GListModel *versions = li_project_get_versions (li_window_get_project (window));
  guint n_versions = g_list_model_get_n_items (versions);
  g_autoptr(LiVersion) first = NULL;

  g_autofree char *rules_path = g_build_filename (home, "draft.leadrules.json", NULL);
  g_autofree char *endpoints = NULL;

  /* A saved document remembers its endpoint. */
  g_assert_true (li_window_save_rules_to (window, rules_path, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.publish", NULL);
  dialog = _find_toplevel (LI_TYPE_PUBLISH_DIALOG);
  g_assert_nonnull (dialog);
  li_publish_dialog_set_endpoint (dialog, endpoint);

  li_publish_dialog_publish (dialog);
  _iterate_until (_publish_idle, dialog);
  g_test_message ("%s", li_publish_dialog_get_status (dialog));
  g_assert_nonnull (strstr (li_publish_dialog_get_status (dialog), "Published"));
  g_assert_cmpuint (li_test_server_get_puts (server), ==, 1);
  endpoints = li_endpoint_store_lookup (rules_path);
  g_assert_cmpstr (endpoints, ==, endpoint);

  /* Production as a version of the Compare page. */
  li_publish_dialog_fetch (dialog);
  _iterate_until (_publish_idle, dialog);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, n_versions + 1);
  first = g_list_model_get_item (versions, 0);
  g_assert_cmpstr (li_version_get_name (first), ==, "Production");
  g_assert_true (li_project_get_baseline (li_window_get_project (window)) == first);

  /* Someone else publishes; this window's next publish is refused. */
  fetched = li_endpoint_fetch (endpoint, TOKEN, &etag, NULL, &error);
  g_assert_no_error (error);
  body = g_bytes_new_static (OTHER_RULES, strlen (OTHER_RULES));
  g_assert_true (li_endpoint_publish (endpoint, TOKEN, body, etag, &other, NULL, &error));
  li_publish_dialog_publish (dialog);
  _iterate_until (_publish_idle, dialog);
  g_test_message ("%s", li_publish_dialog_get_status (dialog));
  g_assert_nonnull (strstr (li_publish_dialog_get_status (dialog), "production changed"));
  g_assert_cmpuint (li_test_server_get_puts (server), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
_assert_no_token_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        _assert_no_token_in (path);
      else if (g_file_get_contents (path, &contents, NULL, NULL))
        {
          g_test_message ("checked %s", path);
          g_assert_null (strstr (contents, TOKEN));
        }
    }
}

static void
_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        _remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

/* What the window wrote (rule file, endpoints, ETags) holds no token. */
static void
test_no_token_in_files (void)
{
  g_autofree char *etags = g_build_filename (home, "state", "lead-intent", "etags.json", NULL);
  g_autofree char *endpoints = g_build_filename (home, "data", "lead-intent", "endpoints.json", NULL);

  g_assert_true (g_file_test (etags, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (endpoints, G_FILE_TEST_IS_REGULAR));
  _assert_no_token_in (home);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiApplication) app = NULL;
  g_autofree char *files = NULL;
  int status;

  /* The files the window writes land in a folder of the test. */
  home = g_dir_make_tmp ("li-remote-XXXXXX", NULL);
  {
    g_autofree char *state = g_build_filename (home, "state", NULL);
    g_autofree char *data = g_build_filename (home, "data", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  g_test_init (&argc, &argv, NULL);
  adw_init ();
  li_remote_init ();
  /* The token from the environment: the keyring has its own test. */
  g_setenv (LI_TOKEN_ENV, TOKEN, TRUE);
  files = g_test_build_filename (G_TEST_DIST, "..", "data", "import", NULL);
  server = li_test_server_new (FALSE, TOKEN, files);

  app = li_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = g_object_ref_sink (li_window_new (app));
  gtk_window_present (GTK_WINDOW (window));

  g_test_add_func ("/gui/window/remote/import-url", test_import_url);
  g_test_add_func ("/gui/window/remote/import-url-cancel", test_import_url_cancel);
  g_test_add_func ("/gui/window/remote/publish", test_publish);
  g_test_add_func ("/gui/window/remote/no-token-in-files", test_no_token_in_files);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&window);
  li_test_server_free (server);
  _remove_tree (home);
  g_free (home);
  return status;
}
