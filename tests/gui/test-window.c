/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window, headless (xvfb): load the bundled sample, edit through
 * the window actions, and check the numbers the stage table shows against
 * `lead-intent-cli replay --json` on the saved rules. */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>

#include "li-application.h"
#include "li-problems-list.h"
#include "li-range-button.h"
#include "li-snapshot-store.h"
#include "li-replay-view.h"
#include "li-rule-editor.h"
#include "li-stage-table.h"
#include "li-window.h"
#include "li-rules-parse.h"

#define TIMEOUT_SECONDS 60

static LiApplication *app;
static LiWindow *window;
static char *sample_events;
static char *sample_rules;
static char *tmp_dir;
static char *store_dir;       /* the project's snapshot store */
static const char *cli_from;  /* replay --from/--to of cli_replay, or NULL */
static const char *cli_to;

/* Helpers */

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gpointer user_data);

static void
wait_until (Condition   condition,
            gpointer    user_data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
}

static gboolean
idle_cond (gpointer user_data)
{
  return !li_window_get_busy (window);
}

static void
wait_idle (void)
{
  /* Let a scheduled (debounced) replay start before checking busy. */
  wait_until (idle_cond, NULL, "the import and the replay");
}

static void
after_paint_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

static gboolean
frames_cond (gpointer user_data)
{
  return *(guint *) user_data >= 2;
}

static void
wait_painted (void)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  guint frames = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  wait_until (frames_cond, &frames, "two frames");
  g_signal_handler_disconnect (clock, id);
}

static gboolean
mapped_cond (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

static LiStageTable *
stage_table (void)
{
  GtkWidget *view = li_window_get_replay_view (window);

  return LI_STAGE_TABLE (li_replay_view_get_stage_table (LI_REPLAY_VIEW (view)));
}

/* "1,234" (any thousands separator) → 1234 */
static guint
cell_count (guint         row,
            LiStageColumn column)
{
  g_autofree char *text = li_stage_table_dup_cell_text (stage_table (), row, column);
  guint64 value = 0;

  g_assert_nonnull (text);
  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      value = value * 10 + (*p - '0');

  return value;
}

static JsonObject *
cli_replay (const char *rules_path,
            JsonParser *parser)
{
  const char *cli = g_getenv ("LI_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { cli, "replay", "--rules", rules_path, "--events", sample_events,
                         "--json", NULL, NULL, NULL, NULL, NULL };
  guint n = 7;

  /* the period the window replays, as the CLI takes it */
  if (cli_from != NULL)
    {
      argv[n++] = "--from";
      argv[n++] = cli_from;
    }
  if (cli_to != NULL)
    {
      argv[n++] = "--to";
      argv[n++] = cli_to;
    }

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", cli, error->message, err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_close (double a,
              double b)
{
  if (isnan (a) || isnan (b))
    g_assert_true (isnan (a) && isnan (b));
  else
    g_assert_cmpfloat_with_epsilon (a, b, 1e-9);
}

static double
json_number (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NAN;
  return json_node_get_double (node);
}

static guint
json_count (JsonObject *object,
            const char *member)
{
  return (guint) json_object_get_int_member (object, member);
}

/* The window's result, the stage table's text and the CLI agree. */
static void
assert_matches_cli (const char *rules_path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *cli = cli_replay (rules_path, parser);
  JsonArray *stages = json_object_get_array_member (cli, "stages");
  const LiRules *rules = NULL;
  LiReplayResult *result = li_window_get_replay_result (window, &rules);
  GtkWidget *view = li_window_get_replay_view (window);

  g_assert_nonnull (result);
  g_assert_true (li_replay_view_get_result (LI_REPLAY_VIEW (view)) == result);
  g_assert_true (li_rules_equal (rules, li_window_get_rules (window)));

  g_assert_cmpuint (result->leads, ==, json_count (cli, "leads"));
  g_assert_cmpuint (result->skipped_leads, ==, json_count (cli, "skipped_leads"));
  g_assert_cmpuint (result->converters, ==, json_count (cli, "converters"));
  assert_close (result->base_rate, json_number (cli, "base_rate"));
  assert_close (result->auc, json_number (cli, "auc"));

  g_assert_cmpuint (result->n_stages, ==, json_array_get_length (stages));
  g_assert_cmpuint (li_stage_table_get_n_rows (stage_table ()), ==, result->n_stages);

  for (guint i = 0; i < result->n_stages; i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      const LiStageMetrics *m = &result->stages[i];
      g_autofree char *name = li_stage_table_dup_cell_text (stage_table (), i, LI_STAGE_COLUMN_NAME);

      g_assert_cmpstr (m->name, ==, json_object_get_string_member (stage, "name"));
      g_assert_nonnull (strstr (name, m->name));

      g_assert_cmpuint (m->flagged, ==, json_count (stage, "flagged"));
      g_assert_cmpuint (m->true_positives, ==, json_count (stage, "true_positives"));
      g_assert_cmpuint (m->false_positives, ==, json_count (stage, "false_positives"));
      g_assert_cmpuint (m->false_negatives, ==, json_count (stage, "false_negatives"));
      g_assert_cmpuint (m->peak_count, ==, json_count (stage, "peak_count"));
      assert_close (m->precision, json_number (stage, "precision"));
      assert_close (m->recall, json_number (stage, "recall"));
      assert_close (m->lift, json_number (stage, "lift"));
      assert_close (m->median_hours_to_outcome, json_number (stage, "median_hours_to_outcome"));

      /* What the user reads in the table. */
      g_assert_cmpuint (cell_count (i, LI_STAGE_COLUMN_FLAGGED), ==, json_count (stage, "flagged"));
      g_assert_cmpuint (cell_count (i, LI_STAGE_COLUMN_TRUE_POSITIVES), ==,
                        json_count (stage, "true_positives"));
      g_assert_cmpuint (cell_count (i, LI_STAGE_COLUMN_FALSE_POSITIVES), ==,
                        json_count (stage, "false_positives"));
      g_assert_cmpuint (cell_count (i, LI_STAGE_COLUMN_FALSE_NEGATIVES), ==,
                        json_count (stage, "false_negatives"));
      g_assert_cmpuint (cell_count (i, LI_STAGE_COLUMN_PEAK_COUNT), ==,
                        json_count (stage, "peak_count"));
    }
}

static double
intent_points (const LiRules *rules,
               const char    *event)
{
  for (guint i = 0; i < rules->n_intent; i++)
    if (rules->intent[i].n_where == 0 && g_strcmp0 (rules->intent[i].event, event) == 0)
      return rules->intent[i].points;

  g_assert_not_reached ();
}

/* Tests */

static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
resize (int width,
        int height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  for (guint i = 0; i < 3; i++)
    wait_painted ();
}

/* A narrow window shows the rules or the results, switched in the header
 * bar; the stage table fits without scrolling, its short headers say their
 * full names. */
static void
test_narrow (void)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  GtkWidget *table = GTK_WIDGET (stage_table ());
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (find_widget (table, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (scroller);
  GtkWidget *header_title = NULL;
  int sizes[][2] = { { 1024, 700 }, { 1280, 800 }, { 1400, 900 } };

  g_assert_nonnull (leaflet);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "replay");

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      resize (sizes[i][0], sizes[i][1]);
      /* The leaflet folds and unfolds with an animation: let it settle
       * (a fast machine paints the frames of resize () within it). */
      for (guint f = 0; f < 60 && gtk_adjustment_get_upper (h) > gtk_adjustment_get_page_size (h) + 0.5; f++)
        wait_painted ();
      g_test_message ("%d×%d: folded %d, table %g of %g px", sizes[i][0], sizes[i][1],
                      adw_leaflet_get_folded (leaflet), gtk_adjustment_get_upper (h),
                      gtk_adjustment_get_page_size (h));
      g_assert_true (adw_leaflet_get_folded (leaflet) == (sizes[i][0] < 1100));
      /* every column visible: nothing to scroll */
      g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_adjustment_get_page_size (h) + 0.5);
    }

  /* Folded: one at a time, the header's switch goes between them. */
  resize (1024, 700);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "results");
  {
    GtkWidget *editor = li_window_get_rule_editor (window);
    GtkWidget *view = li_window_get_replay_view (window);
    g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
    GtkWidget *header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
    GtkToggleButton *rules_toggle = NULL;

    g_assert_true (gtk_widget_get_child_visible (gtk_widget_get_ancestor (view, GTK_TYPE_BOX)));
    for (GtkWidget *w = find_widget (header, GTK_TYPE_TOGGLE_BUTTON); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), "Rules") == 0)
        rules_toggle = GTK_TOGGLE_BUTTON (w);
    g_assert_nonnull (rules_toggle);
    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (rules_toggle)));
    gtk_toggle_button_set_active (rules_toggle, TRUE);
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "rules");
    wait_painted ();
    g_assert_true (gtk_widget_get_mapped (editor));

    /* Showing a page shows the results. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "replay");
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "results");
    g_assert_false (gtk_toggle_button_get_active (rules_toggle));
  }

  /* The short headers ("TP") say their full names. */
  for (GtkWidget *w = gtk_widget_get_first_child (find_widget (table, GTK_TYPE_COLUMN_VIEW));
       w != NULL && header_title == NULL; w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *t = gtk_widget_get_first_child (w); t != NULL; t = gtk_widget_get_next_sibling (t))
      {
        const char *tooltip = gtk_widget_get_tooltip_text (t);

        if (tooltip != NULL && g_str_has_prefix (tooltip, "True Positives: "))
          header_title = t;
      }
  g_assert_nonnull (header_title);

  resize (1280, 800);
}

static GtkWidget *
find_menu_button (GtkWidget  *widget,
                  const char *label)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_menu_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_named_labels (GtkWidget *widget,
                      GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_tooltip_text (widget) != NULL)
    g_ptr_array_add (labels, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_named_labels (c, labels);
}

static gboolean
widget_mapped_cond (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

static gboolean
widget_unmapped_cond (gpointer user_data)
{
  return !gtk_widget_get_mapped (user_data);
}

static gboolean
widget_allocated_cond (gpointer user_data)
{
  return gtk_widget_get_width (user_data) > 0;
}

/* The event-names popover shows every name whole (wrapped if need be),
 * with the name as its tooltip. */
static void
test_names_popover (void)
{
  GtkWidget *button = find_menu_button (GTK_WIDGET (window), "Event _Names");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkPopover *popover;

  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  /* the popover is a surface of its own: wait for it, not the window */
  wait_until (widget_mapped_cond, popover, "the popover to map");
  wait_until (widget_allocated_cond, popover, "the popover's size");

  collect_named_labels (GTK_WIDGET (popover), labels);
  g_assert_cmpuint (labels->len, >=, 3);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), ==, gtk_label_get_text (label));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >, 0);
    }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  wait_until (widget_unmapped_cond, popover, "the popover to close");
}

static void
test_load_sample (void)
{
  LiReplayResult *result;

  g_assert_nonnull (li_window_get_store (window));
  g_assert_cmpuint (li_window_get_store (window)->n_events, ==, 17434);
  g_assert_false (li_window_get_dirty (window));
  g_assert_cmpstr (li_window_get_rules (window)->name, ==, "REES46 sample");

  result = li_window_get_replay_result (window, NULL);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->leads, >, 4000);
  g_assert_cmpfloat (li_window_get_last_replay_ms (window), >, 0);
  g_test_message ("import → first replay: %.1f ms", li_window_get_last_replay_ms (window));

  assert_matches_cli (sample_rules);

  /* Both files went to the recent files, the newest first. */
  {
    GSettings *settings = li_application_get_settings (app);
    g_auto(GStrv) recent = NULL;

    g_assert_nonnull (settings);
    recent = g_settings_get_strv (settings, "recent-files");
    g_assert_cmpuint (g_strv_length (recent), ==, 2);
    g_assert_cmpstr (recent[0], ==, sample_events);
    g_assert_cmpstr (recent[1], ==, sample_rules);
  }
}

static void
test_edit_and_save (void)
{
  g_autofree char *saved = g_build_filename (tmp_dir, "edited.leadrules.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) reread = NULL;
  LiReplayResult *before = li_window_get_replay_result (window, NULL);
  guint hot_before = before->stages[0].flagged;
  double ms_total = 0;
  const int n_edits = 5;

  /* Raise the value of a cart add: more leads get hot. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-intent-points", "(sd)",
                              "add_to_cart", 60.0);
  g_assert_true (li_window_get_dirty (window));
  g_assert_true (li_window_get_busy (window));
  g_assert_cmpfloat (intent_points (li_window_get_rules (window), "add_to_cart"), ==, 60);
  wait_idle ();
  wait_painted ();

  g_assert_true (li_window_get_replay_result (window, NULL) != before);
  g_assert_cmpuint (li_window_get_replay_result (window, NULL)->stages[0].flagged, >=, hot_before);
  g_test_message ("edit → result: %.1f ms", li_window_get_last_replay_ms (window));

  /* A few more edits for the latency numbers. */
  for (int i = 0; i < n_edits; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.set-intent-points", "(sd)",
                                  "product_view", 4.0 + i);
      wait_idle ();
      ms_total += li_window_get_last_replay_ms (window);
    }
  g_test_message ("edit → result over %d edits: mean %.1f ms (each edit after a pause: no debounce)",
                  n_edits, ms_total / n_edits);
  g_print ("# edit → result latency: mean %.1f ms over %d edits\n", ms_total / n_edits, n_edits);

  g_assert_true (li_window_save_rules_to (window, saved, &error));
  g_assert_no_error (error);
  g_assert_false (li_window_get_dirty (window));
  g_assert_cmpstr (li_window_get_rules_path (window), ==, saved);

  reread = li_rules_from_file (saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (li_rules_equal (reread, li_window_get_rules (window)));

  wait_painted ();
  assert_matches_cli (saved);
}

static void
test_undo_redo (void)
{
  g_autoptr(LiRules) edited = li_rules_copy (li_window_get_rules (window));
  g_autoptr(LiRules) original = li_rules_from_file (sample_rules, NULL, NULL);
  guint steps = 0;

  g_assert_nonnull (original);

  /* Threshold drags merge into one step. */
  for (int i = 0; i < 5; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.set-stage-threshold", "(ud)",
                                0u, 55.0 + i);
  wait_idle ();
  g_assert_cmpfloat (li_window_get_rules (window)->stages[0].min_score, ==, 59);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (li_rules_equal (li_window_get_rules (window), edited));
  wait_idle ();
  g_assert_false (li_window_get_dirty (window));  /* back to the saved file */

  /* Undo every edit: back to the file as opened. */
  while (!li_rules_equal (li_window_get_rules (window), original))
    {
      g_assert_cmpuint (++steps, <=, 10);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    }
  g_assert_cmpuint (steps, ==, 6);
  g_assert_true (li_window_get_dirty (window));
  wait_idle ();
  assert_matches_cli (sample_rules);

  /* Redo all: the edited rules again. */
  for (guint i = 0; i < steps; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_true (li_rules_equal (li_window_get_rules (window), edited));
  g_assert_false (li_window_get_dirty (window));
  wait_idle ();
  wait_painted ();
  assert_matches_cli (li_window_get_rules_path (window));
}

static void
test_failed_import (void)
{
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad-row.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (bad);
  LiEventStore *store = li_window_get_store (window);
  LiReplayResult *result = li_window_get_replay_result (window, NULL);
  const char *text;

  li_window_import (window, &file, 1, NULL);
  g_assert_true (li_window_get_busy (window));
  wait_idle ();
  wait_painted ();

  text = li_window_get_error_text (window);
  g_assert_nonnull (text);
  g_test_message ("error shown: %s", text);
  g_assert_nonnull (strstr (text, "bad-row.csv:3:"));

  /* The data in use stays. */
  g_assert_true (li_window_get_store (window) == store);
  g_assert_true (li_window_get_replay_result (window, NULL) == result);
  g_assert_cmpuint (li_window_get_store (window)->n_events, ==, 17434);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-error", NULL);
  g_assert_null (li_window_get_error_text (window));
}

static gboolean
no_dialog_cond (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        return FALSE;
    }

  return TRUE;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }

  return NULL;
}

static void
test_shortcuts (void)
{
  static const char *actions[] = {
    "win.new", "win.open-rules", "win.import-events", "win.save", "win.save-as", "win.undo",
    "win.redo", "win.close", "win.show-help-overlay", "app.quit",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                    actions[i]);

      g_assert_nonnull (accels[0]);
    }

  /* GtkApplication loads gtk/help-overlay.ui from the resources. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
}

static void
test_new_discard (void)
{
  AdwMessageDialog *dialog;
  LiReplayResult *result;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-intent-points", "(sd)",
                              "add_to_cart", 7.0);
  g_assert_true (li_window_get_dirty (window));

  /* Unsaved changes: New asks first and changes nothing yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpfloat (intent_points (li_window_get_rules (window), "add_to_cart"), ==, 7);

  /* What a click on the button does: respond, then close. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (no_dialog_cond, NULL, "the dialog to close");
  g_assert_cmpfloat (intent_points (li_window_get_rules (window), "add_to_cart"), ==, 7);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  /* What a click on the button does: respond, then close. */
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (no_dialog_cond, NULL, "the dialog to close");

  g_assert_cmpstr (li_window_get_rules (window)->name, ==, "Ecommerce starter");
  g_assert_null (li_window_get_rules_path (window));
  g_assert_false (li_window_get_dirty (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);  /* nothing to undo */
  g_assert_cmpstr (li_window_get_rules (window)->name, ==, "Ecommerce starter");

  /* The data stays; the template's rules are replayed on it. */
  wait_idle ();
  result = li_window_get_replay_result (window, NULL);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->n_stages, ==, 4);
  g_assert_cmpuint (li_window_get_store (window)->n_events, ==, 17434);
}

/* As an edit in the editor does. */
static void
edit_rules (const LiRules *rules)
{
  g_signal_emit_by_name (li_window_get_rule_editor (window), "rules-changed", rules);
}

/* Rules made invalid: the old numbers stay, marked out of date; Save asks
 * to save a draft, which opens again with its problems; fixing the rules
 * replays them. */
static void
test_stale_and_draft (void)
{
  g_autofree char *draft = g_build_filename (tmp_dir, "draft.leadrules.json", NULL);
  LiReplayView *view = LI_REPLAY_VIEW (li_window_get_replay_view (window));
  LiRuleEditor *editor = LI_RULE_EDITOR (li_window_get_rule_editor (window));
  LiProblemsList *problems = LI_PROBLEMS_LIST (li_rule_editor_get_problems_list (editor));
  g_autoptr(LiRules) valid = li_rules_copy (li_window_get_rules (window));
  g_autoptr(LiRules) invalid = li_rules_copy (valid);
  g_autoptr(GError) error = NULL;
  LiReplayResult *before;
  AdwMessageDialog *dialog;

  wait_idle ();
  before = li_window_get_replay_result (window, NULL);
  g_assert_nonnull (before);
  g_assert_false (li_replay_view_get_stale (view));

  /* the document's file, so that Save needs no file chooser */
  g_assert_true (li_window_save_rules_to (window, draft, &error));
  g_assert_no_error (error);

  g_free (invalid->stages[1].name);
  invalid->stages[1].name = g_strdup ("");
  edit_rules (invalid);
  wait_idle ();
  wait_painted ();
  g_assert_true (li_replay_view_get_stale (view));
  g_assert_true (li_replay_view_get_result (view) == before);

  /* Save: a dialog offers a draft (the strict save still refuses) */
  g_assert_false (li_window_save_rules_to (window, draft, &error));
  g_clear_error (&error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save a Draft With Problems?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Stage 2: name: must not be empty"));
  adw_message_dialog_response (dialog, "draft");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (no_dialog_cond, NULL, "the dialog to close");
  g_assert_false (li_window_get_dirty (window));
  {
    g_autoptr(LiRules) strict = li_rules_from_file (draft, NULL, NULL);

    g_assert_null (strict);
  }

  /* it opens again, with its problems listed */
  edit_rules (valid);
  wait_idle ();
  g_assert_false (li_replay_view_get_stale (view));
  {
    g_autoptr(GFile) file = g_file_new_for_path (draft);

    g_assert_true (li_window_open_rules (window, file));
  }
  wait_idle ();
  wait_painted ();
  g_assert_true (li_rules_equal (li_window_get_rules (window), invalid));
  g_assert_cmpstr (li_window_get_rules_path (window), ==, draft);
  g_assert_cmpuint (li_problems_list_get_n_problems (problems), ==, 1);
  g_assert_true (li_replay_view_get_stale (view));

  edit_rules (valid);
  wait_idle ();
  g_assert_false (li_replay_view_get_stale (view));
  g_assert_cmpuint (li_problems_list_get_n_problems (problems), ==, 0);
  g_unlink (draft);
}

static void
respond_to_dialog (const char *heading,
                   const char *response)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_until (no_dialog_cond, NULL, "the dialog to close");
}

/* "Try the Sample Data" asks before it replaces rules of the user's. */
static void
test_sample_asks (void)
{
  g_autoptr(LiRules) mine = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-intent-points", "(sd)",
                              "cart", 3.0);
  wait_idle ();
  mine = li_rules_copy (li_window_get_rules (window));
  g_assert_true (li_window_get_dirty (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
  respond_to_dialog ("Use the Sample's Rules?", "cancel");
  wait_idle ();
  g_assert_true (li_rules_equal (li_window_get_rules (window), mine));

  /* keep: the sample's events with my rules */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
  respond_to_dialog ("Use the Sample's Rules?", "keep");
  wait_idle ();
  g_assert_true (li_rules_equal (li_window_get_rules (window), mine));
  g_assert_true (li_window_get_dirty (window));
  g_assert_cmpuint (li_window_get_store (window)->n_events, ==, 17434);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
  respond_to_dialog ("Use the Sample's Rules?", "sample");
  wait_idle ();
  g_assert_cmpstr (li_window_get_rules (window)->name, ==, "REES46 sample");
  g_assert_false (li_window_get_dirty (window));
}

/* A rule file opened without data shows the editor with its rules, and the
 * results side asks for events. */
static void
test_rules_without_data (void)
{
  LiWindow *second = li_window_new (app);
  g_autoptr(GFile) rules_file = g_file_new_for_path (sample_rules);
  LiWindow *first = window;
  LiReplayView *view;

  g_object_ref_sink (second);
  /* nothing kept: the file alone */
  li_project_set_store_dir (li_window_get_project (second), NULL);
  gtk_window_present (GTK_WINDOW (second));
  window = second;
  wait_until (mapped_cond, NULL, "the second window to map");
  g_assert_true (li_window_open_rules (second, rules_file));
  wait_idle ();
  wait_painted ();
  wait_painted ();

  g_assert_null (li_window_get_store (second));
  g_assert_true (gtk_widget_get_mapped (li_window_get_rule_editor (second)));
  view = LI_REPLAY_VIEW (li_window_get_replay_view (second));
  g_assert_true (li_replay_view_get_empty (view));

  window = first;
  gtk_window_destroy (GTK_WINDOW (second));
  g_object_unref (second);
}

/* The window's numbers for a period are those of `replay --from --to`. */
static void
test_time_range (void)
{
  LiRangeButton *range = LI_RANGE_BUTTON (find_widget (GTK_WIDGET (window), LI_TYPE_RANGE_BUTTON));
  LiReplayResult *all;
  guint all_leads;

  g_assert_nonnull (range);
  wait_idle ();
  g_assert_false (li_window_get_dirty (window));
  g_assert_cmpstr (li_range_button_get_label (range), ==, "All Time");
  all = li_window_get_replay_result (window, NULL);
  all_leads = all->leads;

  /* unreadable and reversed periods are refused, nothing changes */
  g_assert_false (li_range_button_apply_text (range, "soon", ""));
  g_assert_false (li_range_button_apply_text (range, "2019-10-01 02:00", "2019-10-01 01:00"));
  g_assert_false (li_range_button_get_range (range, NULL, NULL, NULL, NULL));

  g_assert_true (li_range_button_apply_text (range, "2019-10-01 00:30", "2019-10-01 01:30"));
  g_assert_cmpstr (li_range_button_get_label (range), ==, "2019-10-01 00:30 – 2019-10-01 01:30");
  g_assert_true (li_window_get_busy (window));
  wait_idle ();
  wait_painted ();
  g_assert_cmpuint (li_window_get_replay_result (window, NULL)->leads, <, all_leads);
  cli_from = "2019-10-01T00:30:00Z";
  cli_to = "2019-10-01T01:30:59.999Z";
  assert_matches_cli (sample_rules);

  /* open-ended */
  g_assert_true (li_range_button_apply_text (range, "2019-10-01 02:00", ""));
  wait_idle ();
  cli_from = "2019-10-01T02:00:00Z";
  cli_to = NULL;
  assert_matches_cli (sample_rules);

  /* back to all time */
  li_range_button_clear (range);
  wait_idle ();
  cli_from = NULL;
  g_assert_cmpuint (li_window_get_replay_result (window, NULL)->leads, ==, all_leads);
  assert_matches_cli (sample_rules);
}

static LiVersion *
find_version (LiProject  *project,
              const char *name)
{
  GListModel *versions = li_project_get_versions (project);

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(LiVersion) version = g_list_model_get_item (versions, i);

      if (g_strcmp0 (li_version_get_name (version), name) == 0)
        return version;
    }
  return NULL;
}

/* A rule file's snapshots (named) and data files are kept with it: a new
 * window that opens the file gets both back.  Snapshots of an untitled
 * draft are unsaved work. */
static void
test_snapshots_kept (void)
{
  LiProject *project = li_window_get_project (window);
  g_autoptr(GFile) rules_file = g_file_new_for_path (sample_rules);
  g_autofree char *kept = NULL;
  LiWindow *first = window;
  LiWindow *second;
  LiVersion *version;

  g_assert_cmpstr (li_window_get_rules_path (window), ==, sample_rules);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.take-snapshot", NULL);
  wait_idle ();
  version = g_list_model_get_item (li_project_get_versions (project), 0);
  g_object_unref (version);
  li_project_rename_version (project, version, "Before launch");
  kept = li_snapshot_store_file (store_dir, sample_rules);
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
  g_assert_false (li_project_get_unsaved_work (project));

  second = li_window_new (app);
  g_object_ref_sink (second);
  li_project_set_store_dir (li_window_get_project (second), store_dir);
  gtk_window_present (GTK_WINDOW (second));
  window = second;
  wait_until (mapped_cond, NULL, "the second window to map");
  g_assert_true (li_window_open_rules (second, rules_file));
  wait_idle ();
  wait_idle ();

  version = find_version (li_window_get_project (second), "Before launch");
  g_assert_nonnull (version);
  g_assert_true (li_rules_equal (li_version_get_rules (version), li_window_get_rules (first)));
  /* the data it was last replayed on came back too */
  g_assert_nonnull (li_window_get_store (second));
  g_assert_cmpuint (li_window_get_store (second)->n_events, ==, 17434);
  g_assert_nonnull (li_window_get_replay_result (second, NULL));

  /* an untitled draft with a snapshot would lose it on close */
  li_project_reset (li_window_get_project (second));
  g_assert_false (li_project_get_dirty (li_window_get_project (second)));
  g_assert_true (li_project_get_unsaved_work (li_window_get_project (second)));

  window = first;
  gtk_window_destroy (GTK_WINDOW (second));
  g_object_unref (second);
  g_unlink (kept);
}

static void
import_finished_cb (LiProject  *project,
                    LiDataset  *loaded,
                    GError     *error,
                    char      **summary)
{
  g_free (*summary);
  *summary = g_strdup (li_window_get_summary_text (window));
}

/* While new data replays, the summary bar shows its counts without the old
 * data's converters; they come with the new replay. */
static void
test_summary_while_replaying (void)
{
  g_autoptr(GFile) events = g_file_new_for_path (sample_events);
  g_autofree char *during = NULL;
  gulong id;

  wait_idle ();
  g_assert_nonnull (strstr (li_window_get_summary_text (window), "192 converters"));
  id = g_signal_connect_after (li_window_get_project (window), "import-finished",
                               G_CALLBACK (import_finished_cb), &during);
  li_window_import (window, &events, 1, NULL);
  wait_idle ();
  g_signal_handler_disconnect (li_window_get_project (window), id);

  g_assert_nonnull (during);
  g_test_message ("while replaying: %s", during);
  g_assert_nonnull (strstr (during, "17,434 events"));
  g_assert_null (strstr (during, "converter"));
  g_assert_nonnull (strstr (li_window_get_summary_text (window), "192 converters"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) rules_file = NULL;
  g_autoptr(GFile) events_file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  {
    g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "sample", NULL);
    g_autofree char *sample_dir = g_canonicalize_filename (dir, NULL);

    sample_events = g_build_filename (sample_dir, "rees46-2019oct-head.csv.gz", NULL);
    sample_rules = g_build_filename (sample_dir, "sample.leadrules.json", NULL);
  }
  tmp_dir = g_dir_make_tmp ("lead-intent-test-XXXXXX", &error);
  g_assert_no_error (error);

  app = li_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = li_window_new (app);
  g_object_ref_sink (window);
  /* a fresh store: nothing kept from earlier runs */
  store_dir = g_build_filename (tmp_dir, "snapshots", NULL);
  li_project_set_store_dir (li_window_get_project (window), store_dir);
  rules_file = g_file_new_for_path (sample_rules);
  events_file = g_file_new_for_path (sample_events);
  /* The rules are read in the background: in first, so that the recent
   * files have a known order. */
  g_assert_true (li_window_open_rules (window, rules_file));
  wait_idle ();
  li_window_import (window, &events_file, 1, NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (mapped_cond, NULL, "the window to map");
  wait_idle ();
  wait_painted ();

  g_test_add_func ("/gui/window/load-sample", test_load_sample);
  g_test_add_func ("/gui/window/names-popover", test_names_popover);
  g_test_add_func ("/gui/window/summary-while-replaying", test_summary_while_replaying);
  g_test_add_func ("/gui/window/edit-and-save", test_edit_and_save);
  g_test_add_func ("/gui/window/undo-redo", test_undo_redo);
  g_test_add_func ("/gui/window/failed-import", test_failed_import);
  g_test_add_func ("/gui/window/shortcuts", test_shortcuts);
  g_test_add_func ("/gui/window/narrow", test_narrow);
  g_test_add_func ("/gui/window/new-discard", test_new_discard);
  g_test_add_func ("/gui/window/stale-and-draft", test_stale_and_draft);
  g_test_add_func ("/gui/window/sample-asks", test_sample_asks);
  g_test_add_func ("/gui/window/rules-without-data", test_rules_without_data);
  g_test_add_func ("/gui/window/time-range", test_time_range);
  g_test_add_func ("/gui/window/snapshots-kept", test_snapshots_kept);

  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&window);
  g_clear_object (&app);
  {
    g_autofree char *saved = g_build_filename (tmp_dir, "edited.leadrules.json", NULL);

    g_unlink (saved);
    g_rmdir (tmp_dir);
  }
  g_free (tmp_dir);
  g_free (sample_events);
  g_free (sample_rules);

  return status;
}
