/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Export SQL dialog as a real widget: the query it shows and saves is
 * the engine's li_sql_export for every dialect (the one export-sql prints,
 * checked against PostgreSQL and SQLite by test-sql.sh), and rules with
 * problems get no query at all. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>

#include "li-dataset.h"
#include "li-leads-export-dialog.h"
#include "li-rules-parse.h"
#include "li-sql-export.h"
#include "li-sql-export-dialog.h"
#include "li-gui-test-util.h"

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

static void
test_sql_dialog_dialects (void)
{
  g_autoptr(LiRules) rules = _load_sample_rules ();
  GtkWidget *dialog = li_sql_export_dialog_new (NULL, rules, "/tmp/sample.leadrules.json");

  gtk_window_present (GTK_WINDOW (dialog));
  li_gui_test_maybe_save_screenshot (dialog, "sql-export-dialog");
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

/* The CSV Save… writes is export-leads' output, for its default stage and
 * for every lead. */
static void
test_leads_dialog_matches_cli (void)
{
  const char *sample = g_getenv ("LI_SAMPLE_DIR");
  g_autofree char *rules_path = g_build_filename (sample, "sample.leadrules.json", NULL);
  g_autofree char *events_path = g_build_filename (sample, "rees46-2019oct-head.csv.gz", NULL);
  const char *paths[] = { events_path, NULL };
  LiImportOptions options = { .format = LI_FORMAT_AUTO };
  g_autoptr(LiRules) rules = _load_sample_rules ();
  g_autoptr(LiDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  dataset = li_dataset_load (paths, NULL, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  dialog = li_leads_export_dialog_new (NULL, rules, dataset);
  gtk_window_present (GTK_WINDOW (dialog));
  while (!li_leads_export_dialog_is_ready (LI_LEADS_EXPORT_DIALOG (dialog)))
    g_main_context_iteration (NULL, TRUE);
  li_gui_test_maybe_save_screenshot (dialog, "leads-export-dialog");

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *stage = pass == 0 ? NULL : rules->stages[rules->n_stages - 1].name;
      g_autofree char *expected = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *err = NULL;
      int status;
      const char *argv[] = { g_getenv ("LI_CLI"), "export-leads", "--rules", rules_path,
                             "--events", events_path, stage ? "--stage" : NULL, stage, NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &expected, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_cmpint (status, ==, 0);
      if (stage != NULL)
        li_leads_export_dialog_set_stage (LI_LEADS_EXPORT_DIALOG (dialog), rules->n_stages - 1);
      shown = li_leads_export_dialog_dup_csv (LI_LEADS_EXPORT_DIALOG (dialog));
      g_assert_cmpstr (shown, ==, expected);
      g_assert_cmpuint (strlen (shown), >, 60);  /* a header and some leads */
    }
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
  g_test_add_func ("/export-dialogs/leads/matches-cli", test_leads_dialog_matches_cli);
  return g_test_run ();
}
