/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The column mapping dialog: its guess, its engine preview, remembering a
 * mapping per header, and the window opening it for a file of no known
 * format, then importing through it. */
#include "config.h"

#include <glib/gstdio.h>

#include "li-application.h"
#include "li-mapping-dialog.h"
#include "li-window.h"

static char *data_home;

static char *
_mapping_data (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "mapping", name, NULL);
}

static void
_wait_until (gboolean (*done) (gpointer),
             gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static gboolean
_dialog_loaded (gpointer data)
{
  return li_mapping_dialog_get_map (data) != NULL;
}

static LiMappingDialog *
_open_dialog (const char *name)
{
  g_autofree char *path = _mapping_data (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiMappingDialog *dialog = li_mapping_dialog_new (NULL, file);

  gtk_window_present (GTK_WINDOW (dialog));
  _wait_until (_dialog_loaded, dialog);
  return dialog;
}

static void
_import_cb (LiMappingDialog *dialog,
            const LiCsvMap  *map,
            LiCsvMap       **out)
{
  *out = li_csv_map_copy (map);
}

static void
test_guess_preview_remember (void)
{
  LiMappingDialog *dialog = _open_dialog ("taobao.csv");
  g_autofree char *map_path = _mapping_data ("taobao.map.json");
  g_autoptr(LiCsvMap) taobao = li_csv_map_from_file (map_path, NULL);
  g_autoptr(LiCsvMap) imported = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  const LiCsvMap *map = li_mapping_dialog_get_map (dialog);

  /* A file without a header: its columns are numbered, the guess is the
   * first column, the one of times in seconds, the first of text. */
  g_assert_false (map->header);
  g_assert_cmpstr (map->lead_id, ==, "column_1");
  g_assert_cmpstr (map->time_column, ==, "column_5");
  g_assert_cmpint (map->time_unit, ==, LI_TIME_UNIT_S);
  g_assert_cmpstr (map->event, ==, "column_4");
  preview = li_mapping_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->len, ==, 21);  /* 21 records read, none a header */
  g_clear_pointer (&preview, g_ptr_array_unref);

  /* The engine's preview follows the mapping. */
  li_mapping_dialog_set_map (dialog, taobao);
  preview = li_mapping_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->len, ==, 21);  /* 21 records read, none a header */
  g_assert_true (g_str_has_prefix (preview->pdata[0], "1 | "));
  g_assert_nonnull (strstr (preview->pdata[0], " | product_id="));
  g_assert_true (strstr (preview->pdata[0], " | product_view | ") != NULL ||
                 strstr (preview->pdata[0], " | add_to_cart | ") != NULL ||
                 strstr (preview->pdata[0], " | add_to_wishlist | ") != NULL ||
                 strstr (preview->pdata[0], " | purchase | ") != NULL);

  /* Import emits the mapping and remembers it for files of this shape. */
  g_signal_connect (dialog, "import", G_CALLBACK (_import_cb), &imported);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "mapping.import", NULL);
  g_assert_nonnull (imported);
  g_assert_cmpuint (imported->event_from->len, ==, 4);

  dialog = _open_dialog ("taobao.csv");
  map = li_mapping_dialog_get_map (dialog);
  g_assert_false (map->header);
  g_assert_cmpstr (map->lead_id, ==, "user_id");
  g_assert_cmpuint (map->event_from->len, ==, 4);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
_find_widget (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = _find_widget (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Toggling the header renames the columns, keeps the chosen positions and
 * the preview follows; an invalid mapping disables Import. */
static void
test_header_switch (void)
{
  LiMappingDialog *dialog = _open_dialog ("taobao-header.csv");
  GtkSwitch *header = GTK_SWITCH (_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH));
  g_autoptr(GPtrArray) preview = NULL;
  const LiCsvMap *map;

  g_assert_true (gtk_switch_get_active (header));
  gtk_switch_set_active (header, FALSE);
  map = li_mapping_dialog_get_map (dialog);
  g_assert_false (map->header);
  g_assert_cmpstr (map->lead_id, ==, "column_1");
  g_assert_cmpstr (map->event, ==, "column_4");
  preview = li_mapping_dialog_get_preview (dialog);
  /* The header line is a row now: its time is bad. */
  g_assert_cmpuint (preview->len, ==, 21);
  g_assert_nonnull (strstr (preview->pdata[0], "bad timestamp \"timestamp\""));

  gtk_switch_set_active (header, TRUE);
  map = li_mapping_dialog_get_map (dialog);
  g_assert_true (map->header);
  g_assert_null (map->columns);
  g_assert_cmpstr (map->lead_id, ==, "user_id");
  g_assert_cmpstr (map->time_column, ==, "timestamp");
  g_clear_pointer (&preview, g_ptr_array_unref);
  preview = li_mapping_dialog_get_preview (dialog);
  g_assert_cmpuint (preview->len, ==, 20);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
_has_mapping_dialog (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  LiMappingDialog **out = data;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (LI_IS_MAPPING_DIALOG (w) && li_mapping_dialog_get_map (LI_MAPPING_DIALOG (w)) != NULL)
        {
          *out = LI_MAPPING_DIALOG (w);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
_window_has_events (gpointer data)
{
  return li_window_get_store (data) != NULL && !li_window_get_busy (data);
}

static void
test_window_offers_mapping (void)
{
  g_autoptr(LiApplication) app = li_application_new ();
  g_autofree char *path = _mapping_data ("taobao-header.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiMappingDialog *dialog = NULL;
  LiWindow *window;
  const LiCsvMap *map;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = g_object_ref_sink (li_window_new (app));
  gtk_window_present (GTK_WINDOW (window));

  /* An unknown header opens the dialog, which guesses from the names. */
  li_window_import (window, &file, 1, NULL);
  _wait_until (_has_mapping_dialog, &dialog);
  map = li_mapping_dialog_get_map (dialog);
  g_assert_true (map->header);
  g_assert_cmpstr (map->lead_id, ==, "user_id");
  g_assert_cmpstr (map->time_column, ==, "timestamp");
  g_assert_cmpstr (map->event, ==, "behavior_type");
  g_assert_null (li_window_get_error_text (window));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "mapping.import", NULL);
  _wait_until (_window_has_events, window);
  g_assert_cmpuint (li_window_get_store (window)->n_events, ==, 300);
  g_assert_cmpuint (li_window_get_store (window)->n_leads, ==, 40);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

/* LI_MAPPING_SCREENSHOT=FILE.png: the dialog with the Taobao mapping. */
static void
_save_screenshot (const char *path)
{
  LiMappingDialog *dialog = _open_dialog ("taobao.csv");
  g_autofree char *map_path = _mapping_data ("taobao.map.json");
  g_autoptr(LiCsvMap) taobao = li_csv_map_from_file (map_path, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int w, h;

  li_mapping_dialog_set_map (dialog, taobao);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
  w = gtk_widget_get_width (GTK_WIDGET (dialog));
  h = gtk_widget_get_height (GTK_WIDGET (dialog));
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (dialog));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  /* Remembered mappings go to a folder of this test. */
  data_home = g_dir_make_tmp ("li-test-mapping-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_getenv ("LI_MAPPING_SCREENSHOT") != NULL)
    {
      _save_screenshot (g_getenv ("LI_MAPPING_SCREENSHOT"));
      return 0;
    }
  g_test_add_func ("/gui/mapping/guess-preview-remember", test_guess_preview_remember);
  g_test_add_func ("/gui/mapping/header-switch", test_header_switch);
  g_test_add_func ("/gui/mapping/window-offers-mapping", test_window_offers_mapping);
  return g_test_run ();
}
