/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The leads explorer in the real window on the bundled sample: the lazy
 * model lists what the engine's filters say, sorting by a header changes
 * the first row, the false-positive cell of the stage table opens the view
 * filtered, and the inspector explains the selected lead.
 *
 * With LI_LEADS_SCREENSHOT=FILE.png it also writes a screenshot of the
 * leads page with a lead in the inspector (docs/screenshot-leads.png). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "li-application.h"
#include "li-leads-view.h"
#include "li-replay-view.h"
#include "li-score-chart.h"
#include "li-stage-table.h"
#include "li-window.h"

static LiWindow *window;

static void
_wait_idle (void)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (li_window_get_busy (window) || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static void
_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static LiLeadsView *
_leads_view (void)
{
  GtkWidget *replay_view = li_window_get_replay_view (window);
  GtkWidget *stack = gtk_widget_get_ancestor (replay_view, ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  return LI_LEADS_VIEW (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "leads"));
}

static AdwViewStack *
_view_stack (void)
{
  return ADW_VIEW_STACK (gtk_widget_get_ancestor (li_window_get_replay_view (window), ADW_TYPE_VIEW_STACK));
}

static void
_show_leads (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "leads");
  while (!gtk_widget_get_mapped (GTK_WIDGET (_leads_view ())))
    g_main_context_iteration (NULL, TRUE);
}

/* The flat buttons of the stage table, in the order of its widgets. */
static void
_collect_buttons (GtkWidget *widget,
                  GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "flat"))
        g_ptr_array_add (buttons, child);
      _collect_buttons (child, buttons);
    }
}

static void
_cell_activated_cb (GtkWidget *table,
                    guint      stage,
                    guint      column,
                    guint     *out)
{
  out[0] = stage;
  out[1] = column;
}

static void
test_filters_match_the_engine (void)
{
  LiLeadsView *view = _leads_view ();
  LiLeadModel *model = li_leads_view_get_model (view);
  LiReplayResult *result;

  _show_leads ();
  result = li_lead_model_get_result (model);
  g_assert_nonnull (result);
  g_assert_nonnull (result->facts);
  g_assert_cmpuint (result->leads, >, 100);

  li_leads_view_show_filter (view, LI_LEAD_FILTER_ALL, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, result->leads);
  /* Lazy: only the rows the view asked for were made. */
  _iterate (100);
  g_assert_cmpuint (li_lead_model_get_n_made (model), <, 500);

  /* The hottest stage and the catch-all (each filter change re-creates the
   * visible rows, slow under ASan). */
  for (guint s = 0; s < result->n_stages; s += MAX (result->n_stages - 1, 1))
    {
      li_leads_view_show_filter (view, LI_LEAD_FILTER_FALSE_POSITIVES, s);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, result->stages[s].false_positives);
      li_leads_view_show_filter (view, LI_LEAD_FILTER_FALSE_NEGATIVES, s);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, result->stages[s].false_negatives);
      li_leads_view_show_filter (view, LI_LEAD_FILTER_PEAK_STAGE, s);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, result->stages[s].peak_count);
    }
  li_leads_view_show_filter (view, LI_LEAD_FILTER_CONVERTED, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, result->converters);
  li_leads_view_show_filter (view, LI_LEAD_FILTER_ALL, 0);
}

static void
test_sort_changes_first_row (void)
{
  LiLeadsView *view = _leads_view ();
  LiLeadModel *model = li_leads_view_get_model (view);
  GtkColumnView *column_view = li_leads_view_get_column_view (view);
  LiReplayResult *result;
  g_autofree char *by_score = NULL;
  const char *min_id = NULL;
  double max_peak = -G_MAXDOUBLE;

  _show_leads ();
  li_leads_view_show_filter (view, LI_LEAD_FILTER_ALL, 0);
  result = li_lead_model_get_result (model);
  for (guint k = 0; k < result->leads; k++)
    {
      const char *id = li_lead_model_get_lead_id (model, k);

      if (min_id == NULL || strcmp (id, min_id) < 0)
        min_id = id;
      max_peak = MAX (max_peak, result->per_lead[k].peak_score);
    }

  /* Peak score, descending, is the opening order. */
  gtk_column_view_sort_by_column (column_view, li_leads_view_get_column (view, LI_LEAD_COLUMN_PEAK_SCORE),
                                  GTK_SORT_DESCENDING);
  g_assert_cmpfloat (result->per_lead[li_lead_model_get_index (model, 0)].peak_score, ==, max_peak);
  by_score = g_strdup (li_lead_model_get_lead_id (model, li_lead_model_get_index (model, 0)));

  gtk_column_view_sort_by_column (column_view, li_leads_view_get_column (view, LI_LEAD_COLUMN_LEAD_ID),
                                  GTK_SORT_ASCENDING);
  g_assert_cmpstr (li_lead_model_get_lead_id (model, li_lead_model_get_index (model, 0)), ==, min_id);
  g_assert_cmpstr (by_score, !=, min_id);

  /* Descending by lead id: the smallest id is last. */
  gtk_column_view_sort_by_column (column_view, li_leads_view_get_column (view, LI_LEAD_COLUMN_LEAD_ID),
                                  GTK_SORT_DESCENDING);
  g_assert_cmpstr (li_lead_model_get_lead_id (model, li_lead_model_get_index (model, result->leads - 1)), ==, min_id);

  gtk_column_view_sort_by_column (column_view, li_leads_view_get_column (view, LI_LEAD_COLUMN_PEAK_SCORE),
                                  GTK_SORT_DESCENDING);
  g_assert_cmpstr (li_lead_model_get_lead_id (model, li_lead_model_get_index (model, 0)), ==, by_score);
}

static void
test_search (void)
{
  LiLeadsView *view = _leads_view ();
  LiLeadModel *model = li_leads_view_get_model (view);
  g_autofree char *needle = NULL;
  guint n;

  _show_leads ();
  li_leads_view_show_filter (view, LI_LEAD_FILTER_ALL, 0);
  needle = g_strndup (li_lead_model_get_lead_id (model, li_lead_model_get_index (model, 0)), 6);
  li_leads_view_set_search (view, needle);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (strstr (li_lead_model_get_lead_id (model, li_lead_model_get_index (model, i)), needle));
  li_leads_view_set_search (view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    li_lead_model_get_result (model)->leads);
}

static void
test_stage_table_opens_false_positives (void)
{
  LiReplayView *replay_view = LI_REPLAY_VIEW (li_window_get_replay_view (window));
  GtkWidget *table = li_replay_view_get_stage_table (replay_view);
  LiLeadsView *view = _leads_view ();
  LiLeadModel *model = li_leads_view_get_model (view);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint activated[2] = { G_MAXUINT, G_MAXUINT };
  LiReplayResult *result;
  gulong handler;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "replay");
  while (!gtk_widget_get_mapped (table))
    g_main_context_iteration (NULL, TRUE);
  _iterate (200);

  _collect_buttons (table, buttons);
  g_assert_cmpuint (buttons->len, >=, 2);
  handler = g_signal_connect (table, "cell-activated", G_CALLBACK (_cell_activated_cb), activated);
  /* Each row has its false positives button before its false negatives. */
  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  g_signal_handler_disconnect (table, handler);
  g_assert_cmpuint (activated[1], ==, LI_STAGE_COLUMN_FALSE_POSITIVES);

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_view_stack ()), ==, "leads");
  while (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);
  result = li_lead_model_get_result (model);
  g_assert_cmpint (li_lead_model_get_filter (model), ==, LI_LEAD_FILTER_FALSE_POSITIVES);
  g_assert_cmpuint (li_lead_model_get_stage (model), ==, activated[0]);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    result->stages[activated[0]].false_positives);
}

/* The inspector's rows that take the keyboard focus, each with a name. */
static guint
_count_focusable_rows (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_widget_has_css_class (child, "inspector-cell"))
        {
          g_assert_true (gtk_widget_get_focusable (child));
          n++;
        }
      n += _count_focusable_rows (child);
    }
  return n;
}

static void
test_inspector_shows_lead (void)
{
  LiLeadsView *view = _leads_view ();
  LiLeadModel *model = li_leads_view_get_model (view);
  LiLeadInspector *inspector = li_leads_view_get_inspector (view);
  const char *id;

  _show_leads ();
  li_leads_view_show_filter (view, LI_LEAD_FILTER_CONVERTED, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  li_leads_view_select (view, 0);
  id = li_lead_model_get_lead_id (model, li_lead_model_get_index (model, 0));
  g_assert_cmpstr (li_lead_inspector_get_lead_id (inspector), ==, id);
  g_assert_nonnull (li_lead_inspector_get_summary (inspector));
  g_assert_cmpuint (li_lead_inspector_get_n_rules (inspector), ==,
                    li_window_get_rules (window)->n_intent + li_window_get_rules (window)->n_patterns);
  g_assert_cmpuint (li_lead_inspector_get_n_events (inspector), >, 0);
  /* The score curve: at least a point per journey event, described. */
  {
    LiScoreChart *chart = LI_SCORE_CHART (li_lead_inspector_get_score_chart (inspector));

    g_assert_cmpuint (li_score_chart_get_n_points (chart), >=, li_lead_inspector_get_n_events (inspector));
    g_assert_true (g_str_has_prefix (li_score_chart_get_description (chart), "Score over time: "));
    g_assert_nonnull (strstr (li_score_chart_get_description (chart), "purchased at"));
  }
  /* Every row of the three tables is reachable by keyboard. */
  g_assert_cmpuint (_count_focusable_rows (GTK_WIDGET (inspector)), ==,
                    li_lead_inspector_get_n_rules (inspector) + li_lead_inspector_get_n_fit (inspector) +
                    li_lead_inspector_get_n_events (inspector));
  g_assert_true (gtk_widget_get_focusable (li_lead_inspector_get_score_chart (inspector)));
  /* A converted hot lead: some edit would move it to another stage. */
  g_assert_nonnull (strstr (li_lead_inspector_get_what_if (inspector), "would move this lead to"));

  /* A new sort order keeps the lead in the inspector. */
  gtk_column_view_sort_by_column (li_leads_view_get_column_view (view),
                                  li_leads_view_get_column (view, LI_LEAD_COLUMN_LEAD_ID), GTK_SORT_ASCENDING);
  g_assert_cmpstr (li_lead_inspector_get_lead_id (inspector), ==, id);

  /* A filter without it clears it. */
  li_leads_view_set_search (view, "no lead has this id");
  g_assert_null (li_lead_inspector_get_lead_id (inspector));
  li_leads_view_set_search (view, NULL);
}

/* Alt+3 shows the Leads page, as Alt+1 and Alt+2 show the others. */
static void
test_alt_3 (void)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "win.show-page('leads')");

  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Alt>3");
}

static GtkWidget *
_find_paned (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_PANED (child) ? child : _find_paned (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
_screenshot_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (li_window_save_screenshot_finish (LI_WINDOW (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
_save_screenshot (const char *path)
{
  LiLeadsView *view = _leads_view ();
  GtkWidget *paned = gtk_widget_get_ancestor (GTK_WIDGET (_view_stack ()), GTK_TYPE_PANED);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;

  _show_leads ();
  /* Give the page room next to the editor. */
  if (paned != NULL)
    gtk_paned_set_position (GTK_PANED (paned), 520);
  gtk_column_view_sort_by_column (li_leads_view_get_column_view (view),
                                  li_leads_view_get_column (view, LI_LEAD_COLUMN_PEAK_SCORE), GTK_SORT_DESCENDING);
  /* The warm leads, the hottest first: one edit from hot. */
  li_leads_view_show_filter (view, LI_LEAD_FILTER_PEAK_STAGE, 1);
  li_leads_view_select (view, 0);
  /* A few rows of the list, the rest for the inspector's curve and edits. */
  gtk_paned_set_position (GTK_PANED (_find_paned (GTK_WIDGET (view))), 150);
  li_window_save_screenshot_async (window, file, NULL, _screenshot_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiApplication) app = NULL;
  g_autoptr(GFile) rules = NULL;
  g_autoptr(GFile) events = NULL;
  g_autofree char *sample_dir = NULL;
  g_autofree char *events_path = NULL;
  g_autofree char *rules_path = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  sample_dir = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "sample", NULL);
  events_path = g_build_filename (sample_dir, "rees46-2019oct-head.csv.gz", NULL);
  rules_path = g_build_filename (sample_dir, "sample.leadrules.json", NULL);

  app = li_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = g_object_ref_sink (li_window_new (app));
  rules = g_file_new_for_path (rules_path);
  events = g_file_new_for_path (events_path);
  g_assert_true (li_window_open_rules (window, rules));
  li_window_import (window, &events, 1, NULL);
  if (g_getenv ("LI_LEADS_SCREENSHOT") != NULL)
    {
      /* The size of the screenshot; a shown window keeps its size. */
      const char *size = g_getenv ("LI_LEADS_SCREENSHOT_SIZE");
      int width = 1280, height = 800;

      if (size != NULL)
        g_assert_cmpint (sscanf (size, "%dx%d", &width, &height), ==, 2);
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
    }
  gtk_window_present (GTK_WINDOW (window));
  _wait_idle ();

  if (g_getenv ("LI_LEADS_SCREENSHOT") != NULL)
    {
      _save_screenshot (g_getenv ("LI_LEADS_SCREENSHOT"));
      status = 0;
    }
  else
    {
      g_test_add_func ("/gui/leads/filters-match-the-engine", test_filters_match_the_engine);
      g_test_add_func ("/gui/leads/sort-changes-first-row", test_sort_changes_first_row);
      g_test_add_func ("/gui/leads/search", test_search);
      g_test_add_func ("/gui/leads/stage-table-opens-false-positives", test_stage_table_opens_false_positives);
      g_test_add_func ("/gui/leads/inspector-shows-lead", test_inspector_shows_lead);
      g_test_add_func ("/gui/leads/alt-3", test_alt_3);
      status = g_test_run ();
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&window);
  return status;
}
