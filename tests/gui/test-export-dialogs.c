/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Export SQL dialog as a real widget: the query it shows and saves is
 * the engine's li_sql_export for every dialect (the one export-sql prints,
 * checked against PostgreSQL and SQLite by test-sql.sh), and rules with
 * problems get no query at all. */

#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "li-rules-parse.h"
#include "li-sql-export.h"
#include "li-sql-export-dialog.h"

static LiRules *
_load_sample_rules (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LI_SAMPLE_DIR"), "sample.leadrules.json", NULL);
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* With LI_TEST_SCREENSHOT_DIR set, saves the dialog as NAME.png to look at. */
static void
_maybe_save_screenshot (GtkWidget  *widget,
                        const char *name)
{
  const char *dir = g_getenv ("LI_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  if (dir == NULL)
    return;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static void
test_sql_dialog_dialects (void)
{
  g_autoptr(LiRules) rules = _load_sample_rules ();
  GtkWidget *dialog = li_sql_export_dialog_new (NULL, rules, "/tmp/sample.leadrules.json");

  gtk_window_present (GTK_WINDOW (dialog));
  _maybe_save_screenshot (dialog, "sql-export-dialog");
  for (guint d = LI_SQL_POSTGRES; d <= LI_SQL_BIGQUERY; d++)
    {
      LiSqlExportOptions options = { .dialect = d, .events_table = "events", .leads_table = "leads" };
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = li_sql_export (rules, &options, &error);

      li_sql_export_dialog_set_dialect (LI_SQL_EXPORT_DIALOG (dialog), d);
      if (expected == NULL)
        g_assert_null (li_sql_export_dialog_get_sql (LI_SQL_EXPORT_DIALOG (dialog)));
      else
        g_assert_cmpstr (li_sql_export_dialog_get_sql (LI_SQL_EXPORT_DIALOG (dialog)), ==, expected);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_sql_dialog_refuses_problems (void)
{
  g_autoptr(LiRules) rules = _load_sample_rules ();
  GtkWidget *dialog;

  /* An empty stage name is an error of the rules (SPEC 3). */
  g_free (rules->stages[0].name);
  rules->stages[0].name = g_strdup ("");
  dialog = li_sql_export_dialog_new (NULL, rules, NULL);
  g_assert_null (li_sql_export_dialog_get_sql (LI_SQL_EXPORT_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/export-dialogs/sql/dialects", test_sql_dialog_dialects);
  g_test_add_func ("/export-dialogs/sql/refuses-problems", test_sql_dialog_refuses_problems);
  return g_test_run ();
}
