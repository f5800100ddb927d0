/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LiCompareView, LiVersionsList, LiOverlayHistogram and LiMigrationGrid as
 * real widgets (run under xvfb-run with GDK_BACKEND=x11 GSK_RENDERER=cairo,
 * see TESTING.md).  A small event set is generated, imported and compared
 * in-process under two rule sets, so every number shown is checked against
 * the engine's LiComparison. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "li-compare-view.h"
#include "li-format.h"
#include "li-import.h"
#include "li-migration-grid.h"
#include "li-overlay-histogram.h"
#include "li-versions-list.h"
#include "li-rules-parse.h"
#include "li-rules-validate.h"
#include "li-plan.h"

#define MINUS "\342\210\222"

static const char rules_a_json[] =
  "{\n"
  "  \"format\": \"lead-intent-rules\",\n"
  "  \"format_version\": 1,\n"
  "  \"name\": \"Spring\",\n"
  "  \"outcome\": { \"event\": \"purchase\", \"window_days\": 14 },\n"
  "  \"intent\": [\n"
  "    { \"event\": \"product_view\", \"points\": 5, \"max_points\": 40 },\n"
  "    { \"event\": \"add_to_cart\", \"points\": 20 }\n"
  "  ],\n"
  "  \"patterns\": [\n"
  "    { \"name\": \"Returns to a product\", \"kind\": \"repeat_product\", \"min_count\": 3, \"within_hours\": 72, \"points\": 10 }\n"
  "  ],\n"
  "  \"stages\": [\n"
  "    { \"name\": \"hot\", \"min_score\": 60 },\n"
  "    { \"name\": \"warm\", \"min_score\": 30 },\n"
  "    { \"name\": \"engaged\", \"min_score\": 10 },\n"
  "    { \"name\": \"cold\" }\n"
  "  ]\n"
  "}\n";

/* more points per view, a lower hot threshold, no pattern, one more rule */
static const char rules_b_json[] =
  "{\n"
  "  \"format\": \"lead-intent-rules\",\n"
  "  \"format_version\": 1,\n"
  "  \"name\": \"Spring\",\n"
  "  \"outcome\": { \"event\": \"purchase\", \"window_days\": 14 },\n"
  "  \"intent\": [\n"
  "    { \"event\": \"product_view\", \"points\": 8, \"max_points\": 40 },\n"
  "    { \"event\": \"add_to_cart\", \"points\": 20 },\n"
  "    { \"event\": \"remove_from_cart\", \"points\": -5 }\n"
  "  ],\n"
  "  \"stages\": [\n"
  "    { \"name\": \"hot\", \"min_score\": 50 },\n"
  "    { \"name\": \"warm\", \"min_score\": 30 },\n"
  "    { \"name\": \"engaged\", \"min_score\": 10 },\n"
  "    { \"name\": \"cold\" }\n"
  "  ]\n"
  "}\n";

typedef struct
{
  char         *dir;
  LiEventStore *store;
  LiRules      *rules_a;
  LiRules      *rules_b;
  LiComparison *comparison;
} Fixture;

/* 900 leads with 0–11 product views (of 3 products), a cart add for every
 * third, a purchase for every seventh; 300 more with one page view (cold
 * under both rule sets, so that one cell has more than 200 leads). */
static char *
write_events (const char *dir)
{
  g_autoptr(GString) csv = g_string_new ("lead_id,timestamp,event,product_id\n");
  g_autofree char *path = g_build_filename (dir, "events.csv", NULL);
  gint64 t0 = 1772000000;

  for (guint i = 0; i < 900; i++)
    {
      guint views = i % 12;
      gint64 t = t0 + i * 10;

      for (guint v = 0; v < views; v++)
        g_string_append_printf (csv, "lead-%04u,%" G_GINT64_FORMAT ",product_view,p%u\n", i, t + v * 60, v % 3);
      if (i % 3 == 0)
        g_string_append_printf (csv, "lead-%04u,%" G_GINT64_FORMAT ",add_to_cart,p0\n", i, t + 900);
      if (i % 5 == 0)
        g_string_append_printf (csv, "lead-%04u,%" G_GINT64_FORMAT ",remove_from_cart,p0\n", i, t + 950);
      if (i % 7 == 0)
        g_string_append_printf (csv, "lead-%04u,%" G_GINT64_FORMAT ",purchase,p0\n", i, t + 3600);
    }
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (csv, "idle-%04u,%" G_GINT64_FORMAT ",page_view,\n", i, t0 + i);

  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return g_steal_pointer (&path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  const char *paths[2] = { NULL, NULL };
  LiImportOptions options = { 0 };
  LiReplayOptions replay = { 0 };
  g_autoptr(LiPlan) plan_a = NULL;
  g_autoptr(LiPlan) plan_b = NULL;

  f->dir = g_dir_make_tmp ("li-compare-view-XXXXXX", &error);
  g_assert_no_error (error);
  events = write_events (f->dir);
  paths[0] = events;
  f->store = li_import_event_paths (paths, &options, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_remove (events);

  f->rules_a = li_rules_from_data (rules_a_json, -1, NULL, &error);
  g_assert_no_error (error);
  f->rules_b = li_rules_from_data (rules_b_json, -1, NULL, &error);
  g_assert_no_error (error);

  plan_a = li_plan_new (f->rules_a, f->store, NULL);
  plan_b = li_plan_new (f->rules_b, f->store, NULL);
  f->comparison = li_compare_run (plan_a, plan_b, &replay, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->comparison);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->comparison, li_comparison_free);
  g_clear_pointer (&f->rules_a, li_rules_free);
  g_clear_pointer (&f->rules_b, li_rules_free);
  g_clear_pointer (&f->store, li_event_store_unref);
  g_rmdir (f->dir);
  g_clear_pointer (&f->dir, g_free);
}

/* ------------------------------------------------------------------------ */

static guint n_frames;

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  n_frames++;
  return G_SOURCE_CONTINUE;
}

static void
wait_frames (guint n)
{
  guint until = n_frames + n;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (n_frames < until && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_frames, >=, until);
}

static GtkWidget *
present_view (LiCompareView **view_out,
              int             width,
              int             height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = li_compare_view_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_widget_add_tick_callback (window, tick_cb, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (3);

  *view_out = LI_COMPARE_VIEW (view);
  return window;
}

static GdkTexture *
render (GtkWidget  *widget,
        const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* LI_TEST_SCREENSHOTS=dir keeps the pictures for a look */
  if (g_getenv ("LI_TEST_SCREENSHOTS") != NULL)
    {
      g_autofree char *file = g_strdup_printf ("compare-view-%s.png", name);
      g_autofree char *path = g_build_filename (g_getenv ("LI_TEST_SCREENSHOTS"), file, NULL);

      gdk_texture_save_to_png (texture, path);
    }

  return texture;
}

static void
pixel_at (GdkTexture *texture,
          int         x,
          int         y,
          GdkRGBA    *color)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (x, <, width);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (y, <, height);

  /* CAIRO_FORMAT_ARGB32, native endian: B G R A on little endian */
  gdk_texture_download (texture, data, (gsize) width * 4);
  p = data + ((gsize) y * width + x) * 4;
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  *color = (GdkRGBA) { p[2] / 255.f, p[1] / 255.f, p[0] / 255.f, p[3] / 255.f };
#else
  *color = (GdkRGBA) { p[1] / 255.f, p[2] / 255.f, p[3] / 255.f, p[0] / 255.f };
#endif
}

static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

/* The centre of @widget in @ancestor's coordinates. */
static void
centre_of (GtkWidget *widget,
           GtkWidget *ancestor,
           int       *x,
           int       *y)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  *x = (int) (bounds.origin.x + bounds.size.width / 2);
  *y = (int) (bounds.origin.y + bounds.size.height / 2);
}

/* ------------------------------------------------------------------------ */

static void
version_cb (gpointer   emitter,
            LiVersion *version,
            LiVersion **out)
{
  g_set_object (out, version);
}

static void
count_cb (gpointer  emitter,
          guint    *count)
{
  (*count)++;
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  LiCompareView *view;
  GtkWidget *window = present_view (&view, 900, 700);
  g_autoptr(GListStore) versions = g_list_store_new (LI_TYPE_VERSION);
  g_autoptr(LiVersion) v1 = li_version_new ("Snapshot 1", f->rules_a, f->comparison->a);
  g_autoptr(LiVersion) v2 = li_version_new ("Snapshot 2", f->rules_b, NULL);
  g_autoptr(LiVersion) compared = NULL;
  g_autoptr(LiVersion) restored = NULL;
  LiVersionsList *list;
  guint snapshots = 0, opens = 0;

  g_assert_true (li_compare_view_get_empty (view));
  li_compare_view_set_versions (view, G_LIST_MODEL (versions));
  g_list_store_append (versions, v1);
  g_list_store_insert (versions, 0, v2);  /* newest first */
  wait_frames (2);

  /* the empty page embeds a versions list bound to the model (the one
   * shown; the other is in the baseline popover) */
  {
    GQueue queue = G_QUEUE_INIT;

    list = NULL;
    g_queue_push_tail (&queue, view);
    while (!g_queue_is_empty (&queue) && list == NULL)
      {
        GtkWidget *w = g_queue_pop_head (&queue);

        if (LI_IS_VERSIONS_LIST (w) && gtk_widget_get_mapped (w))
          list = LI_VERSIONS_LIST (w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
    g_queue_clear (&queue);
  }
  g_assert_nonnull (list);
  g_assert_true (li_versions_list_get_model (list) == G_LIST_MODEL (versions));
  g_assert_nonnull (li_versions_list_get_row (list, 0));
  g_assert_nonnull (li_versions_list_get_row (list, 1));
  g_assert_null (li_versions_list_get_row (list, 2));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (li_versions_list_get_row (list, 0))), ==,
                   "Snapshot 2");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (li_versions_list_get_row (list, 0))),
                                   "not replayed yet"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (li_versions_list_get_row (list, 1))),
                            "AUC "));

  /* rows follow their version */
  li_version_set_result (v2, f->comparison->b);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (li_versions_list_get_row (list, 0))),
                            "hot precision"));
  li_version_set_name (v2, "Lower hot threshold");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (li_versions_list_get_row (list, 0))), ==,
                   "Lower hot threshold");

  /* the row's Rename entry names the version; an empty name is ignored */
  {
    GtkWidget *entry = li_versions_list_get_rename_entry (list, 0);

    g_assert_nonnull (entry);
    gtk_editable_set_text (GTK_EDITABLE (entry), "  Before launch ");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (li_version_get_name (v2), ==, "Before launch");
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (li_versions_list_get_row (list, 0))), ==,
                     "Before launch");
    gtk_editable_set_text (GTK_EDITABLE (entry), " ");
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (li_version_get_name (v2), ==, "Before launch");
    li_version_set_name (v2, "Lower hot threshold");
  }

  /* the list's buttons reach the window through the view */
  g_signal_connect (view, "compare-requested", G_CALLBACK (version_cb), &compared);
  g_signal_connect (view, "restore-requested", G_CALLBACK (version_cb), &restored);
  g_signal_connect (view, "snapshot-requested", G_CALLBACK (count_cb), &snapshots);
  g_signal_connect (view, "open-file-requested", G_CALLBACK (count_cb), &opens);

  g_signal_emit_by_name (li_versions_list_get_compare_button (list, 1), "clicked");
  g_assert_true (compared == v1);
  g_signal_emit_by_name (li_versions_list_get_restore_button (list, 0), "clicked");
  g_assert_true (restored == v2);
  g_signal_emit_by_name (li_versions_list_get_snapshot_button (list), "clicked");
  g_assert_cmpuint (snapshots, ==, 1);
  g_signal_emit_by_name (li_versions_list_get_open_button (list), "clicked");
  g_assert_cmpuint (opens, ==, 1);

  /* the baseline has no Compare button */
  li_compare_view_set_baseline (view, v1);
  g_assert_true (li_versions_list_get_baseline (list) == v1);
  g_assert_false (gtk_widget_get_visible (li_versions_list_get_compare_button (list, 1)));
  g_assert_true (gtk_widget_get_visible (li_versions_list_get_compare_button (list, 0)));

  /* removing a version removes its row */
  g_list_store_remove (versions, 0);
  g_assert_null (li_versions_list_get_row (list, 1));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_comparison (Fixture       *f,
                 gconstpointer  data)
{
  LiCompareView *view;
  GtkWidget *window = present_view (&view, 1100, 900);
  const LiComparison *c = f->comparison;
  LiMigrationGrid *grid = LI_MIGRATION_GRID (li_compare_view_get_migration_grid (view));
  LiOverlayHistogram *histogram = LI_OVERLAY_HISTOGRAM (li_compare_view_get_histogram (view));
  guint n_rows = g_strv_length (c->rows), n_cols = g_strv_length (c->columns);
  gboolean any_promoted = FALSE;
  GtkWidget *cell;
  g_auto(GStrv) lines = NULL;

  li_compare_view_set_comparison (view, c, f->store, "Snapshot 1", "Draft");
  wait_frames (2);
  g_assert_false (li_compare_view_get_empty (view));

  /* summary: B's value and B − A, coloured by polarity */
  {
    const struct { LiCompareSummary which; LiCompareMetric metric; double a, b; } s[] = {
      { LI_COMPARE_SUMMARY_LEADS, LI_COMPARE_METRIC_LEADS, c->a->leads, c->b->leads },
      { LI_COMPARE_SUMMARY_CONVERTERS, LI_COMPARE_METRIC_CONVERTERS, c->a->converters, c->b->converters },
      { LI_COMPARE_SUMMARY_BASE_RATE, LI_COMPARE_METRIC_BASE_RATE, c->a->base_rate, c->b->base_rate },
      { LI_COMPARE_SUMMARY_AUC, LI_COMPARE_METRIC_AUC, c->a->auc, c->b->auc },
      { LI_COMPARE_SUMMARY_TOP_FLAGGED, LI_COMPARE_METRIC_FLAGGED, c->a->stages[0].flagged, c->b->stages[0].flagged },
      { LI_COMPARE_SUMMARY_TOP_PRECISION, LI_COMPARE_METRIC_PRECISION, c->a->stages[0].precision, c->b->stages[0].precision },
      { LI_COMPARE_SUMMARY_TOP_RECALL, LI_COMPARE_METRIC_RECALL, c->a->stages[0].recall, c->b->stages[0].recall },
      { LI_COMPARE_SUMMARY_TOP_LIFT, LI_COMPARE_METRIC_LIFT, c->a->stages[0].lift, c->b->stages[0].lift },
    };

    for (guint i = 0; i < G_N_ELEMENTS (s); i++)
      {
        g_autofree char *value = li_compare_format_value (s[i].metric, s[i].b);
        g_autofree char *delta = li_compare_format_delta (s[i].metric, s[i].a, s[i].b);

        g_assert_cmpstr (li_compare_view_get_summary_value (view, s[i].which), ==, value);
        g_assert_cmpstr (li_compare_view_get_summary_delta (view, s[i].which), ==, delta);
        g_assert_cmpint (li_compare_view_get_summary_kind (view, s[i].which), ==,
                         li_compare_delta_kind (s[i].metric, s[i].a, s[i].b));
      }

    /* same events, same outcome: the data numbers do not move */
    g_assert_cmpint (li_compare_view_get_summary_kind (view, LI_COMPARE_SUMMARY_LEADS), ==, LI_DELTA_SAME);
    g_assert_cmpstr (li_compare_view_get_summary_delta (view, LI_COMPARE_SUMMARY_LEADS), ==, "\302\2610");
  }

  /* stage rows by position, "B" and "Δ" per metric */
  g_assert_cmpuint (li_compare_view_get_n_stage_rows (view), ==, MAX (c->a->n_stages, c->b->n_stages));
  for (guint r = 0; r < c->b->n_stages; r++)
    {
      g_autofree char *flagged = li_compare_view_dup_stage_text (view, r, LI_COMPARE_METRIC_FLAGGED, FALSE);
      g_autofree char *flagged_delta = li_compare_view_dup_stage_text (view, r, LI_COMPARE_METRIC_FLAGGED, TRUE);
      g_autofree char *precision = li_compare_view_dup_stage_text (view, r, LI_COMPARE_METRIC_PRECISION, FALSE);
      g_autofree char *fp_delta = li_compare_view_dup_stage_text (view, r, LI_COMPARE_METRIC_FALSE_POSITIVES, TRUE);
      g_autofree char *want_flagged = li_compare_format_value (LI_COMPARE_METRIC_FLAGGED, c->b->stages[r].flagged);
      g_autofree char *want_delta = li_compare_format_delta (LI_COMPARE_METRIC_FLAGGED, c->a->stages[r].flagged,
                                                             c->b->stages[r].flagged);
      g_autofree char *want_precision = li_compare_format_value (LI_COMPARE_METRIC_PRECISION,
                                                                 c->b->stages[r].precision);
      g_autofree char *want_fp = li_compare_format_delta (LI_COMPARE_METRIC_FALSE_POSITIVES,
                                                          c->a->stages[r].false_positives,
                                                          c->b->stages[r].false_positives);

      g_assert_cmpstr (flagged, ==, want_flagged);
      g_assert_cmpstr (flagged_delta, ==, want_delta);
      g_assert_cmpstr (precision, ==, want_precision);
      g_assert_cmpstr (fp_delta, ==, want_fp);
    }

  /* the migration grid has the engine's counts */
  g_assert_cmpuint (li_migration_grid_get_n_rows (grid), ==, n_rows);
  g_assert_cmpuint (li_migration_grid_get_n_columns (grid), ==, n_cols);
  for (guint r = 0; r < n_rows; r++)
    for (guint col = 0; col < n_cols; col++)
      {
        guint count = li_comparison_count (c, r, col);
        GtkWidget *button = li_migration_grid_get_cell (grid, r, col);
        g_autofree char *label = li_migration_grid_cell_label (count, c->rows[r], c->columns[col]);
        const char *tooltip = li_migration_grid_get_cell_label (grid, r, col);

        g_assert_cmpuint (li_migration_grid_get_count (grid, r, col), ==, count);
        g_assert_cmpstr (tooltip, ==, label);
        g_assert_cmpint (gtk_widget_get_sensitive (button), ==, count > 0);
        if (col < r && count > 0)
          any_promoted = TRUE;
      }
  g_assert_true (any_promoted);  /* B's lower hot threshold promotes leads */

  /* the overlaid histograms hold every lead of each replay */
  {
    guint sum[2] = { 0, 0 };

    for (guint s = 0; s < 2; s++)
      for (guint i = 0; i < li_overlay_histogram_get_n_bins (histogram); i++)
        sum[s] += li_overlay_histogram_get_count (histogram, s, i);
    g_assert_cmpuint (sum[0], ==, c->a->leads);
    g_assert_cmpuint (sum[1], ==, c->b->leads);
  }

  /* rule changes grouped, with markers */
  lines = li_compare_view_dup_change_lines (view);
  g_assert_cmpuint (g_strv_length (lines), ==, c->changes->len);
  g_assert_true (g_strv_contains ((const char * const *) lines, "~ product_view points: 5 → 8"));
  g_assert_true (g_strv_contains ((const char * const *) lines, "~ hot min_score: 60 → 50"));
  {
    gboolean added = FALSE, removed = FALSE;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        if (g_str_has_prefix (lines[i], "+ remove_from_cart"))
          added = TRUE;
        if (g_str_has_prefix (lines[i], MINUS " Returns to a product"))
          removed = TRUE;
      }
    g_assert_true (added);
    g_assert_true (removed);
  }

  /* live updates keep the widgets: the same comparison again, and the
   * caller's copy freed right after */
  cell = li_migration_grid_get_cell (grid, 0, 0);
  {
    LiComparison *copy = NULL;
    g_autoptr(LiPlan) plan_a = li_plan_new (f->rules_a, f->store, NULL);
    g_autoptr(LiPlan) plan_b = li_plan_new (f->rules_b, f->store, NULL);
    g_autoptr(GError) error = NULL;
    LiReplayOptions replay = { 0 };

    copy = li_compare_run (plan_a, plan_b, &replay, NULL, &error);
    g_assert_no_error (error);
    li_compare_view_set_comparison (view, copy, f->store, "Snapshot 1", "Draft");
    li_comparison_free (copy);
  }
  wait_frames (2);
  g_assert_true (li_migration_grid_get_cell (grid, 0, 0) == cell);
  g_clear_pointer (&lines, g_strfreev);
  lines = li_compare_view_dup_change_lines (view);
  g_assert_cmpuint (g_strv_length (lines), ==, c->changes->len);

  /* busy keeps the numbers */
  li_compare_view_set_busy (view, TRUE);
  g_assert_true (li_compare_view_get_busy (view));
  g_assert_false (li_compare_view_get_empty (view));
  li_compare_view_set_busy (view, FALSE);

  /* no comparison: the empty state */
  li_compare_view_set_comparison (view, NULL, NULL, NULL, NULL);
  g_assert_true (li_compare_view_get_empty (view));
  g_assert_cmpuint (li_migration_grid_get_n_rows (grid), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cell_leads (Fixture       *f,
                 gconstpointer  data)
{
  LiCompareView *view;
  GtkWidget *window = present_view (&view, 1100, 900);
  const LiComparison *c = f->comparison;
  LiMigrationGrid *grid = LI_MIGRATION_GRID (li_compare_view_get_migration_grid (view));
  guint n_rows = g_strv_length (c->rows), n_cols = g_strv_length (c->columns);
  guint big_row = 0, big_col = 0, small_row = 0, small_col = 0, big = 0;
  gboolean have_small = FALSE;
  guint selected_row, selected_col;

  li_compare_view_set_comparison (view, c, f->store, "Snapshot 1", "Draft");
  wait_frames (2);
  g_assert_cmpuint (li_compare_view_get_n_listed_leads (view), ==, 0);

  for (guint r = 0; r < n_rows; r++)
    for (guint col = 0; col < n_cols; col++)
      {
        guint count = li_comparison_count (c, r, col);

        if (count > big)
          {
            big = count;
            big_row = r;
            big_col = col;
          }
        if (!have_small && r != col && count > 0 && count <= LI_COMPARE_MAX_LISTED_LEADS)
          {
            have_small = TRUE;
            small_row = r;
            small_col = col;
          }
      }
  g_assert_cmpuint (big, >, LI_COMPARE_MAX_LISTED_LEADS);
  g_assert_true (have_small);

  /* a click on a cell lists its leads, sorted by the change of peak score */
  g_signal_emit_by_name (li_migration_grid_get_cell (grid, small_row, small_col), "clicked");
  g_assert_true (li_migration_grid_get_selected (grid, &selected_row, &selected_col));
  g_assert_cmpuint (selected_row, ==, small_row);
  g_assert_cmpuint (selected_col, ==, small_col);
  g_assert_cmpuint (li_compare_view_get_n_listed_leads (view), ==, li_comparison_count (c, small_row, small_col));
  g_assert_cmpuint (li_compare_view_get_n_more_leads (view), ==, 0);
  {
    double last = G_MAXDOUBLE;

    for (guint i = 0; i < li_compare_view_get_n_listed_leads (view); i++)
      {
        double peak_a, peak_b;
        g_autofree char *id = li_compare_view_dup_listed_lead (view, i, &peak_a, &peak_b);
        guint32 lead;
        gboolean found = FALSE;

        g_assert_true (g_str_has_prefix (id, "lead-"));
        g_assert_true (li_str_pool_lookup (f->store->leads, id, strlen (id), &lead));
        g_assert_cmpfloat (fabs (peak_b - peak_a), <=, last + 1e-9);
        last = fabs (peak_b - peak_a);

        /* the peaks are the replays' */
        for (guint k = 0; k < c->a->leads; k++)
          if (c->a->per_lead[k].lead == lead)
            {
              g_assert_cmpfloat (c->a->per_lead[k].peak_score, ==, peak_a);
              g_assert_cmpuint (c->a->per_lead[k].peak_stage, ==, small_row);
              found = TRUE;
            }
        g_assert_true (found);
      }
  }

  /* a big cell shows the first 200 and "… and N more" */
  li_compare_view_select_cell (view, big_row, big_col);
  g_assert_cmpuint (li_compare_view_get_n_listed_leads (view), ==, LI_COMPARE_MAX_LISTED_LEADS);
  g_assert_cmpuint (li_compare_view_get_n_more_leads (view), ==, big - LI_COMPARE_MAX_LISTED_LEADS);

  /* a live update keeps the cell and its list */
  li_compare_view_set_comparison (view, c, f->store, "Snapshot 1", "Draft");
  g_assert_true (li_migration_grid_get_selected (grid, &selected_row, &selected_col));
  g_assert_cmpuint (selected_row, ==, big_row);
  g_assert_cmpuint (li_compare_view_get_n_listed_leads (view), ==, LI_COMPARE_MAX_LISTED_LEADS);

  wait_frames (2);
  g_object_unref (render (window, "cell"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* B with one more stage: rows by position, the missing side is "—". */
static void
test_stage_shapes (Fixture       *f,
                   gconstpointer  data)
{
  LiCompareView *view;
  GtkWidget *window = present_view (&view, 1000, 800);
  LiMigrationGrid *grid = LI_MIGRATION_GRID (li_compare_view_get_migration_grid (view));
  g_autoptr(LiRules) rules_c = li_rules_copy (f->rules_b);
  g_autoptr(LiPlan) plan_a = li_plan_new (f->rules_a, f->store, NULL);
  g_autoptr(LiPlan) plan_c = NULL;
  g_autoptr(GError) error = NULL;
  LiReplayOptions replay = { 0 };
  LiComparison *c;
  g_autofree char *value = NULL;
  g_autofree char *delta = NULL;
  guint n_before;

  /* a fifth stage: "cold" becomes "idle" after a new catch-all */
  rules_c->stages = g_renew (LiStage, rules_c->stages, rules_c->n_stages + 1);
  rules_c->stages[rules_c->n_stages] = (LiStage) { .name = g_strdup ("idle") };
  rules_c->stages[rules_c->n_stages - 1].has_min_score = TRUE;
  rules_c->stages[rules_c->n_stages - 1].min_score = 2;
  rules_c->n_stages++;
  g_assert_true (li_rules_validate (rules_c, NULL));
  plan_c = li_plan_new (rules_c, f->store, NULL);

  li_compare_view_set_comparison (view, f->comparison, f->store, NULL, NULL);
  li_compare_view_select_cell (view, 3, 3);
  n_before = li_compare_view_get_n_listed_leads (view);
  g_assert_cmpuint (n_before, >, 0);

  c = li_compare_run (plan_a, plan_c, &replay, NULL, &error);
  g_assert_no_error (error);
  li_compare_view_set_comparison (view, c, f->store, NULL, NULL);
  wait_frames (2);

  g_assert_cmpuint (li_compare_view_get_n_stage_rows (view), ==, 5);
  value = li_compare_view_dup_stage_text (view, 4, LI_COMPARE_METRIC_FLAGGED, FALSE);
  delta = li_compare_view_dup_stage_text (view, 4, LI_COMPARE_METRIC_FLAGGED, TRUE);
  g_assert_cmpstr (value, ==, "1,200");  /* the catch-all flags everyone */
  g_assert_cmpstr (delta, ==, "—");      /* A has no fifth stage */
  g_assert_cmpuint (li_migration_grid_get_n_rows (grid), ==, 4);
  g_assert_cmpuint (li_migration_grid_get_n_columns (grid), ==, 5);
  /* "cold" under A and under B still name the selected cell: it stays and
   * lists the new comparison's leads */
  g_assert_true (li_migration_grid_get_selected (grid, NULL, NULL));
  g_assert_cmpuint (li_compare_view_get_n_listed_leads (view), ==,
                    MIN (li_comparison_count (c, 3, 3), LI_COMPARE_MAX_LISTED_LEADS));

  /* a cell whose stage is gone is dropped */
  li_compare_view_select_cell (view, 2, 4);
  li_compare_view_set_comparison (view, f->comparison, f->store, NULL, NULL);
  g_assert_false (li_migration_grid_get_selected (grid, NULL, NULL));
  g_assert_cmpuint (li_compare_view_get_n_listed_leads (view), ==, 0);

  li_comparison_free (c);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Tints come from the theme: a promoted cell is tinted, a zero cell is not,
 * and the dark style gives dark backgrounds with the same layout. */
static void
test_render (Fixture       *f,
             gconstpointer  data)
{
  LiCompareView *view;
  GtkWidget *window = present_view (&view, 1280, 800);
  const LiComparison *c = f->comparison;
  LiMigrationGrid *grid = LI_MIGRATION_GRID (li_compare_view_get_migration_grid (view));
  AdwStyleManager *style = adw_style_manager_get_default ();
  guint n_rows = g_strv_length (c->rows), n_cols = g_strv_length (c->columns);
  int promoted_row = -1, promoted_col = -1, empty_row = -1, empty_col = -1;

  li_compare_view_set_comparison (view, c, f->store, "Snapshot 1", "Draft");
  wait_frames (3);

  for (guint r = 0; r < n_rows; r++)
    for (guint col = 0; col < n_cols; col++)
      {
        guint count = li_comparison_count (c, r, col);

        if (col < r && count > 0 && promoted_row < 0)
          promoted_row = r, promoted_col = col;
        if (col > r && count == 0 && empty_row < 0)
          empty_row = r, empty_col = col;
      }
  g_assert_cmpint (promoted_row, >=, 0);
  g_assert_cmpint (empty_row, >=, 0);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GdkTexture) grid_texture = NULL;
      GdkRGBA tint, plain, background;
      int x, y;

      if (pass == 1)
        {
          adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
          wait_frames (3);
        }

      /* the window as shown, and the grid on its own (it may be scrolled
       * out of the window) */
      texture = render (window, pass == 0 ? "light" : "dark");
      grid_texture = render (GTK_WIDGET (grid), pass == 0 ? "grid-light" : "grid-dark");

      /* sample the tint at the cell's edge, away from the number */
      centre_of (li_migration_grid_get_cell (grid, promoted_row, promoted_col), GTK_WIDGET (grid), &x, &y);
      pixel_at (grid_texture, x - 18, y - 12, &tint);
      centre_of (li_migration_grid_get_cell (grid, empty_row, empty_col), GTK_WIDGET (grid), &x, &y);
      pixel_at (grid_texture, x - 18, y - 12, &plain);
      /* promoted leads are tinted with the warning colour: more red than blue */
      g_assert_cmpfloat (tint.alpha, >, 0.05);
      g_assert_cmpfloat (tint.red - tint.blue, >, plain.red - plain.blue + 0.05);

      pixel_at (texture, 4, 4, &background);
      if (pass == 0)
        g_assert_cmpfloat (luminance (&background), >, 0.8);
      else
        g_assert_cmpfloat (luminance (&background), <, 0.3);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_test_init (&argc, &argv, NULL);

  gtk_init ();
  adw_init ();
  /* no crossfades: the first frames show the final state */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/gui/compare-view/versions", Fixture, NULL, fixture_set_up, test_versions, fixture_tear_down);
  g_test_add ("/gui/compare-view/comparison", Fixture, NULL, fixture_set_up, test_comparison, fixture_tear_down);
  g_test_add ("/gui/compare-view/cell-leads", Fixture, NULL, fixture_set_up, test_cell_leads, fixture_tear_down);
  g_test_add ("/gui/compare-view/stage-shapes", Fixture, NULL, fixture_set_up, test_stage_shapes, fixture_tear_down);
  g_test_add ("/gui/compare-view/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);

  return g_test_run ();
}
