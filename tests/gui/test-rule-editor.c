/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rule editor as a real widget (needs a display: run under xvfb-run):
 * set_rules never emits, user edits emit ::rules-changed once with the
 * edited rules, rows are updated in place when only values change. */
#include "config.h"

#include <locale.h>

#include "li-decay-curve.h"
#include "li-fit-row.h"
#include "li-intent-row.h"
#include "li-pattern-row.h"
#include "li-problems-list.h"
#include "li-rule-editor.h"
#include "li-stage-row.h"
#include "li-rules-edit.h"
#include "li-rules-parse.h"

static const char *rules_json =
  "{ \"format\": \"lead-intent-rules\", \"format_version\": 1,"
  "  \"name\": \"Test\","
  "  \"decay\": { \"model\": \"exponential\", \"half_life_days\": 7 },"
  "  \"intent\": ["
  "    { \"event\": \"product_view\", \"points\": 2, \"max_points\": 12 },"
  "    { \"event\": \"webinar\", \"points\": 5 }"
  "  ],"
  "  \"patterns\": ["
  "    { \"name\": \"Returns\", \"kind\": \"repeat_product\", \"min_count\": 3, \"within_hours\": 72, \"points\": 10 }"
  "  ],"
  "  \"fit\": ["
  "    { \"attribute\": \"country\", \"op\": \"in\", \"values\": [\"US\", \"CA\"], \"points\": 10 }"
  "  ],"
  "  \"stages\": ["
  "    { \"name\": \"hot\", \"min_score\": 60, \"channel\": \"phone\", \"follow_up_minutes\": 15 },"
  "    { \"name\": \"warm\", \"min_score\": 30 },"
  "    { \"name\": \"cold\" }"
  "  ] }";

typedef struct
{
  GtkWidget    *window;
  LiRuleEditor *editor;
  LiRules      *last;      /* copy of the last ::rules-changed */
  guint         n_changed;
} Fixture;

static void
rules_changed_cb (LiRuleEditor  *editor,
                  const LiRules *rules,
                  Fixture       *f)
{
  f->n_changed++;
  g_clear_pointer (&f->last, li_rules_free);
  f->last = li_rules_copy (rules);
}

static LiRules *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_data (json, -1, NULL, &error);

  g_assert_no_error (error);
  return rules;
}

static LiEventStore *
make_store (void)
{
  g_autoptr(LiEventStoreBuilder) builder = li_event_store_builder_new ();
  static const char *events[] = {
    "product_view", "product_view", "product_view", "search", "purchase", "add_to_cart", "add_to_cart",
  };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_assert_true (li_event_store_builder_add_event (builder, "lead1", 5, 1000 * i,
                                                       events[i], strlen (events[i]), NULL));
      g_assert_true (li_event_store_builder_add_prop (builder, "link", 4, "cart", 4, NULL));
    }
  return li_event_store_builder_finish (g_steal_pointer (&builder));
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, type, out);
}

static GPtrArray *
find_all (gpointer widget,
          GType    type)
{
  GPtrArray *out = g_ptr_array_new ();

  collect (GTK_WIDGET (widget), type, out);
  return out;
}

static gpointer
find_first (gpointer widget,
            GType    type)
{
  g_autoptr(GPtrArray) all = find_all (widget, type);

  g_assert_cmpuint (all->len, >, 0);
  return g_ptr_array_index (all, 0);
}

static GtkButton *
find_button (gpointer    widget,
             const char *icon)
{
  g_autoptr(GPtrArray) all = find_all (widget, GTK_TYPE_BUTTON);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (all->pdata[i]), icon) == 0)
      return all->pdata[i];
  g_assert_not_reached ();
}

static LiIntentRow *
intent_row (Fixture    *f,
            const char *event)
{
  g_autoptr(GPtrArray) rows = find_all (f->editor, LI_TYPE_INTENT_ROW);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (li_intent_row_get_event (rows->pdata[i]), event) == 0)
      return rows->pdata[i];
  return NULL;
}

static guint
count_rows (Fixture *f,
            GType    type)
{
  g_autoptr(GPtrArray) rows = find_all (f->editor, type);

  return rows->len;
}

static void
wait_frames (GtkWidget *window)
{
  for (guint i = 0; i < 20 || !gtk_widget_get_mapped (window); i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(LiRules) rules = parse (rules_json);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 480, 900);
  f->editor = LI_RULE_EDITOR (li_rule_editor_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->editor));
  g_signal_connect (f->editor, "rules-changed", G_CALLBACK (rules_changed_cb), f);

  li_rule_editor_set_rules (f->editor, rules);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_pointer (&f->last, li_rules_free);
}

static void
test_set_rules_silent (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(LiRules) rules = parse (rules_json);
  g_autoptr(LiEventStore) store = make_store ();

  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_true (li_rules_equal (li_rule_editor_get_rules (f->editor), rules));
  g_assert_cmpuint (count_rows (f, LI_TYPE_INTENT_ROW), ==, 2);
  g_assert_cmpuint (count_rows (f, LI_TYPE_PATTERN_ROW), ==, 1);
  g_assert_cmpuint (count_rows (f, LI_TYPE_FIT_ROW), ==, 1);
  g_assert_cmpuint (count_rows (f, LI_TYPE_STAGE_ROW), ==, 3);

  /* Data: product_view (rule), add_to_cart, search (no rule); purchase is
   * the outcome; webinar is not in the data. */
  li_rule_editor_set_dataset (f->editor, store, NULL);
  g_assert_cmpuint (count_rows (f, LI_TYPE_INTENT_ROW), ==, 4);
  g_assert_nonnull (intent_row (f, "search"));
  g_assert_null (intent_row (f, "purchase"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (intent_row (f, "product_view"))),
                   ==, "3 events · cap 12");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (intent_row (f, "search"))),
                   ==, "1 event · off");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (intent_row (f, "webinar"))),
                   ==, "not in data");

  li_rule_editor_set_dataset (f->editor, NULL, NULL);
  g_assert_cmpuint (count_rows (f, LI_TYPE_INTENT_ROW), ==, 2);
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static void
test_intent_points (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LiEventStore) store = make_store ();
  GtkSpinButton *spin;
  LiIntentRow *row;

  li_rule_editor_set_dataset (f->editor, store, NULL);
  row = intent_row (f, "search");
  spin = find_first (row, GTK_TYPE_SPIN_BUTTON);

  /* A placeholder gets a rule with its points … */
  gtk_spin_button_set_value (spin, 4);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->last->n_intent, ==, 3);
  g_assert_cmpstr (f->last->intent[2].event, ==, "search");
  g_assert_cmpfloat (f->last->intent[2].points, ==, 4);
  g_assert_true (li_rules_equal (f->last, li_rule_editor_get_rules (f->editor)));

  /* … and loses it at 0; the row stays. */
  gtk_spin_button_set_value (spin, 0);
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_cmpuint (f->last->n_intent, ==, 2);
  g_assert_true (intent_row (f, "search") == row);

  /* A rule with a cap keeps it at 0 points. */
  row = intent_row (f, "product_view");
  spin = find_first (row, GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (spin, 0);
  g_assert_cmpuint (f->last->n_intent, ==, 2);
  g_assert_cmpfloat (f->last->intent[0].points, ==, 0);
  g_assert_cmpfloat (f->last->intent[0].max_points, ==, 12);

  /* Remove the rule not in the data: its row goes. */
  row = intent_row (f, "webinar");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_signal_emit_by_name (find_button (row, "user-trash-symbolic"), "clicked");
  g_assert_cmpuint (f->last->n_intent, ==, 1);
  g_assert_null (intent_row (f, "webinar"));
}

static void
test_update_in_place (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(LiRules) rules = parse (rules_json);
  LiIntentRow *row = intent_row (f, "product_view");
  LiStageRow *stage = find_first (f->editor, LI_TYPE_STAGE_ROW);
  GtkSpinButton *spin = find_first (row, GTK_TYPE_SPIN_BUTTON);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (stage), TRUE);

  /* Undo-like and threshold-drag-like updates: same rows, new values. */
  rules->intent[0].points = 7;
  rules->stages[0].min_score = 65;
  li_rule_editor_set_rules (f->editor, rules);

  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_true (intent_row (f, "product_view") == row);
  g_assert_true (find_first (f->editor, LI_TYPE_STAGE_ROW) == (gpointer) stage);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (stage)));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 7);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (stage)), ==,
                   "score ≥ 65 · phone within 15 min");
}

static void
test_stages (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = find_all (f->editor, LI_TYPE_STAGE_ROW);
  LiStageRow *cold = rows->pdata[2];

  /* The catch-all cannot move. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (cold, "go-up-symbolic"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (cold, "go-down-symbolic"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (rows->pdata[1], "go-down-symbolic"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (rows->pdata[0], "go-up-symbolic"))));

  g_signal_emit_by_name (find_button (rows->pdata[0], "go-down-symbolic"), "clicked");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpstr (f->last->stages[0].name, ==, "warm");
  g_assert_cmpstr (f->last->stages[1].name, ==, "hot");
  g_assert_cmpstr (f->last->stages[2].name, ==, "cold");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-stage", NULL));
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_cmpuint (f->last->n_stages, ==, 4);
  g_assert_cmpstr (f->last->stages[3].name, ==, "cold");
  g_assert_cmpuint (count_rows (f, LI_TYPE_STAGE_ROW), ==, 4);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_all (f->editor, LI_TYPE_STAGE_ROW);
  g_signal_emit_by_name (find_button (rows->pdata[2], "user-trash-symbolic"), "clicked");
  g_assert_cmpuint (f->last->n_stages, ==, 3);
  g_assert_cmpstr (f->last->stages[2].name, ==, "cold");
}

static void
test_patterns_and_fit (Fixture       *f,
                       gconstpointer  data)
{
  LiFitRow *fit;
  GtkSwitch *sw;
  g_autoptr(GPtrArray) combos = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-pattern", "s", "sequence"));
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->last->n_patterns, ==, 2);
  g_assert_cmpint (f->last->patterns[1].kind, ==, LI_PATTERN_SEQUENCE);
  g_assert_cmpuint (count_rows (f, LI_TYPE_PATTERN_ROW), ==, 2);

  sw = find_first (find_first (f->editor, LI_TYPE_PATTERN_ROW), GTK_TYPE_SWITCH);
  gtk_switch_set_active (sw, FALSE);
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_false (f->last->patterns[0].enabled);
  g_assert_cmpuint (f->last->n_patterns, ==, 2);

  fit = find_first (f->editor, LI_TYPE_FIT_ROW);
  combos = find_all (fit, ADW_TYPE_COMBO_ROW);
  adw_combo_row_set_selected (combos->pdata[0], LI_FIT_GTE);
  g_assert_cmpuint (f->n_changed, ==, 3);
  g_assert_cmpint (f->last->fit[0].op, ==, LI_FIT_GTE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-fit", NULL));
  g_assert_cmpuint (f->last->n_fit, ==, 2);
  g_assert_cmpuint (count_rows (f, LI_TYPE_FIT_ROW), ==, 2);
}

static void
test_general_and_decay (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) entries = find_all (f->editor, ADW_TYPE_ENTRY_ROW);
  AdwEntryRow *name = entries->pdata[0];
  AdwEntryRow *outcome = entries->pdata[2];
  AdwComboRow *model = find_first (f->editor, ADW_TYPE_COMBO_ROW);

  guint n;

  /* (set_text replaces the text in two steps: two emissions.) */
  gtk_editable_set_text (GTK_EDITABLE (name), "Spring");
  g_assert_cmpuint (f->n_changed, >=, 1);
  g_assert_cmpstr (f->last->name, ==, "Spring");

  /* An empty outcome is a half-typed edit: nothing changes. */
  n = f->n_changed;
  gtk_editable_delete_text (GTK_EDITABLE (outcome), 0, -1);
  g_assert_cmpuint (f->n_changed, ==, n);
  gtk_editable_set_text (GTK_EDITABLE (outcome), "order");
  g_assert_cmpuint (f->n_changed, ==, n + 1);
  g_assert_cmpstr (f->last->outcome_event, ==, "order");

  adw_combo_row_set_selected (model, LI_DECAY_WINDOW);
  g_assert_cmpuint (f->n_changed, ==, n + 2);
  g_assert_cmpint (f->last->decay.model, ==, LI_DECAY_WINDOW);
  g_assert_cmpfloat (f->last->decay.days, ==, 7);

  /* The preview's axis follows the model: a 0.1-day window spans hours. */
  {
    LiDecayCurve *curve = find_first (f->editor, LI_TYPE_DECAY_CURVE);
    g_autoptr(LiRules) rules = li_rules_copy (f->last);

    g_assert_cmpfloat (li_decay_curve_get_span (curve), ==, 14);
    rules->decay.days = 0.1;
    li_rule_editor_set_rules (f->editor, rules);
    g_assert_cmpfloat_with_epsilon (li_decay_curve_get_span (curve), 0.2, 1e-12);
    g_assert_cmpfloat (li_decay_curve_get_value (curve, 0.05), ==, 1);
    g_assert_cmpfloat (li_decay_curve_get_value (curve, 0.15), ==, 0);
  }
}


/* Values far outside the usual ranges, as a file may hold them: every spin
 * button shows the value itself (not one clamped to a narrower range), in
 * full, and nudging steps from it. */
static const char *extreme_json =
  "{ \"format\": \"lead-intent-rules\", \"format_version\": 1,"
  "  \"name\": \"Extreme\","
  "  \"outcome\": { \"event\": \"purchase\", \"window_days\": 0.05 },"
  "  \"decay\": { \"model\": \"exponential\", \"half_life_days\": 0.02 },"
  "  \"intent\": [ { \"event\": \"product_view\", \"points\": 2500 } ],"
  "  \"patterns\": ["
  "    { \"name\": \"Returns\", \"kind\": \"repeat_product\", \"min_count\": 50000, \"within_hours\": 0.5, \"points\": -75000 }"
  "  ],"
  "  \"stages\": ["
  "    { \"name\": \"hot\", \"min_score\": 150000, \"follow_up_minutes\": 1000000 },"
  "    { \"name\": \"warm\", \"min_score\": -999999999.5 },"
  "    { \"name\": \"cold\" }"
  "  ] }";

static GtkSpinButton *
spin_with_value (Fixture *f,
                 double   value)
{
  g_autoptr(GPtrArray) spins = find_all (f->editor, GTK_TYPE_SPIN_BUTTON);

  for (guint i = 0; i < spins->len; i++)
    if (gtk_spin_button_get_value (spins->pdata[i]) == value)
      return spins->pdata[i];

  g_error ("no spin button shows %g", value);
}

static void
test_extreme_values (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LiRules) rules = parse (extreme_json);
  static const struct {
    double      value;
    const char *text;
  } shown[] = {
    { 0.05, "0.05" },
    { 0.02, "0.02" },
    { 2500, "2500.0" },
    { 50000, "50000" },
    { 0.5, "0.5" },
    { -75000, "-75000.0" },
    { 150000, "150000.0" },
    { 1000000, "1000000" },
    { -999999999.5, "-999999999.5" },
  };
  GtkSpinButton *spin;

  li_rule_editor_set_rules (f->editor, rules);
  wait_frames (f->window);

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      spin = spin_with_value (f, shown[i].value);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, shown[i].text);
      /* wide enough for its text */
      g_assert_cmpint (gtk_editable_get_width_chars (GTK_EDITABLE (spin)), >=,
                       (int) strlen (shown[i].text));
    }
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* Nudging steps from the value itself. */
  spin = spin_with_value (f, 2500);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 0);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpfloat (f->last->intent[0].points, ==, 2501);

  spin = spin_with_value (f, 0.02);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_BACKWARD, 0);
  g_assert_cmpfloat (f->last->decay.days, >, 0);
  g_assert_cmpfloat (f->last->decay.days, <, 0.02);

  spin = spin_with_value (f, 150000);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 0);
  g_assert_cmpfloat (f->last->stages[0].min_score, ==, 150001);
}

/* The details of an intent row are made on first expansion, with the
 * values of the rule; a filter typed there lands in the rules. */
static void
test_intent_details (Fixture       *f,
                     gconstpointer  data)
{
  LiIntentRow *row = intent_row (f, "product_view");
  g_autoptr(GPtrArray) spins = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  spins = find_all (row, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (spins->len, ==, 1);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_clear_pointer (&spins, g_ptr_array_unref);
  spins = find_all (row, GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpuint (spins->len, ==, 3);
  g_assert_cmpfloat (gtk_spin_button_get_value (spins->pdata[1]), ==, 12);
  g_assert_cmpuint (f->n_changed, ==, 0);

  entries = find_all (row, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (entries->len, ==, 2);
  gtk_editable_set_text (entries->pdata[0], "link");
  g_assert_cmpuint (f->n_changed, ==, 0);
  gtk_editable_set_text (entries->pdata[1], "cart, product");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->last->intent[0].n_where, ==, 1);
  g_assert_cmpstr (f->last->intent[0].where[0].key, ==, "link");
  g_assert_cmpstr (f->last->intent[0].where[0].values[1], ==, "product");

  gtk_spin_button_set_value (spins->pdata[1], 0);
  g_assert_cmpfloat (f->last->intent[0].max_points, ==, 0);
}

static gboolean
menu_has_target (GMenuModel *menu,
                 const char *name)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                          G_VARIANT_TYPE_STRING);

      if (target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static GMenuModel *
sequence_menu (Fixture *f)
{
  LiPatternRow *row = find_first (f->editor, LI_TYPE_PATTERN_ROW);
  g_autoptr(GPtrArray) buttons = find_all (row, GTK_TYPE_MENU_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (buttons->pdata[i]), "Append an event of the data") == 0)
      return gtk_menu_button_get_menu_model (buttons->pdata[i]);
  g_assert_not_reached ();
}

/* The sequence editor does not offer the outcome event (a pattern on it is
 * an error), and follows the outcome when it changes. */
static void
test_sequence_menu (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(LiEventStore) store = make_store ();
  g_autoptr(LiRules) rules = li_rules_copy (li_rule_editor_get_rules (f->editor));

  li_rule_editor_set_dataset (f->editor, store, NULL);
  g_assert_true (menu_has_target (sequence_menu (f), "product_view"));
  g_assert_true (menu_has_target (sequence_menu (f), "search"));
  g_assert_false (menu_has_target (sequence_menu (f), "purchase"));

  g_free (rules->outcome_event);
  rules->outcome_event = g_strdup ("search");
  li_rule_editor_set_rules (f->editor, rules);
  g_assert_false (menu_has_target (sequence_menu (f), "search"));
  g_assert_true (menu_has_target (sequence_menu (f), "purchase"));
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static void
wait_some_frames (Fixture *f)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (f->window);
  gint64 start = gdk_frame_clock_get_frame_counter (clock);

  while (gdk_frame_clock_get_frame_counter (clock) < start + 20)
    {
      gtk_widget_queue_draw (f->window);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* @widget lies within what its scrolled window shows. */
static gboolean
in_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  g_test_message ("bounds y %g h %g in %d", bounds.origin.y, bounds.size.height, gtk_widget_get_height (scrolled));
  return bounds.origin.y >= -0.5 && bounds.origin.y + MIN (bounds.size.height, 40) <=
         gtk_widget_get_height (scrolled) + 0.5;
}

static gboolean
focus_inside (Fixture   *f,
              GtkWidget *row)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

/* Problems are listed by row, and activating one goes to that row. */
static void
test_problems (Fixture       *f,
               gconstpointer  data)
{
  LiProblemsList *list = LI_PROBLEMS_LIST (li_rule_editor_get_problems_list (f->editor));
  g_autoptr(LiRules) rules = li_rules_copy (li_rule_editor_get_rules (f->editor));
  g_autoptr(GPtrArray) stages = NULL;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 480, 400);
  g_assert_cmpuint (li_problems_list_get_n_problems (list), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));

  g_free (rules->stages[1].name);
  rules->stages[1].name = g_strdup ("");
  li_rule_editor_set_rules (f->editor, rules);
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_cmpuint (li_problems_list_get_n_problems (list), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_cmpstr (li_problems_list_get_text (list, 0), ==, "Stage 2: name: must not be empty");

  stages = find_all (f->editor, LI_TYPE_STAGE_ROW);
  g_assert_cmpuint (stages->len, ==, 3);
  wait_some_frames (f);
  li_problems_list_activate (list, 0);
  wait_some_frames (f);
  g_assert_true (focus_inside (f, stages->pdata[1]));
  g_assert_true (in_view (stages->pdata[1]));

  /* an edit that fixes it empties the list */
  g_free (rules->stages[1].name);
  rules->stages[1].name = g_strdup ("warm");
  li_rule_editor_set_rules (f->editor, rules);
  g_assert_cmpuint (li_problems_list_get_n_problems (list), ==, 0);

  /* other places */
  g_assert_true (li_rule_editor_focus_path (f->editor, "intent[1].points"));
  g_assert_true (focus_inside (f, GTK_WIDGET (intent_row (f, "webinar"))));
  g_assert_true (li_rule_editor_focus_path (f->editor, "fit[0].values"));
  g_assert_true (li_rule_editor_focus_path (f->editor, "outcome.event"));
  g_assert_false (li_rule_editor_focus_path (f->editor, "stages[9]"));
}

/* A stage or fit rule added at the end of a long page is scrolled into
 * view, with the focus in it. */
static void
test_added_rows_in_view (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GPtrArray) fits = NULL;
  GtkScrolledWindow *scrolled = find_first (f->editor, GTK_TYPE_SCROLLED_WINDOW);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 480, 400);
  wait_some_frames (f);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);

  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-stage", NULL);
  wait_some_frames (f);
  stages = find_all (f->editor, LI_TYPE_STAGE_ROW);
  g_assert_cmpuint (stages->len, ==, 4);
  /* new stages go just above the catch-all */
  g_assert_true (focus_inside (f, stages->pdata[2]));
  g_assert_true (in_view (stages->pdata[2]));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-fit", NULL);
  wait_some_frames (f);
  fits = find_all (f->editor, LI_TYPE_FIT_ROW);
  g_assert_cmpuint (fits->len, ==, 2);
  g_assert_true (focus_inside (f, fits->pdata[1]));
  g_assert_true (in_view (fits->pdata[1]));
}

/* No label of the editor is a Tab stop (the decay summary was one). */
static void
test_labels_not_focusable (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) labels = find_all (f->editor, GTK_TYPE_LABEL);

  g_assert_cmpuint (labels->len, >, 10);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_focusable (labels->pdata[i]) && gtk_widget_get_mapped (labels->pdata[i]))
      g_error ("label “%s” takes the focus", gtk_label_get_text (labels->pdata[i]));
}

/* A rule's event count counts what its filter lets through. */
static void
test_filtered_count (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(LiEventStore) store = make_store ();
  g_autoptr(LiRules) rules = li_rules_copy (li_rule_editor_get_rules (f->editor));
  LiIntentRow *row;

  li_rule_editor_set_dataset (f->editor, store, NULL);
  row = intent_row (f, "product_view");
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "3 events"));

  g_assert_true (li_rules_set_intent_where (rules, 0, "link", "product"));
  li_rule_editor_set_rules (f->editor, rules);
  row = intent_row (f, "product_view");
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "0 events"));

  g_assert_true (li_rules_set_intent_where (rules, 0, "link", "x, cart"));
  li_rule_editor_set_rules (f->editor, rules);
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "3 events"));

  g_assert_true (li_rules_set_intent_where (rules, 0, "other", "cart"));
  li_rule_editor_set_rules (f->editor, rules);
  g_assert_true (g_str_has_prefix (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "0 events"));
}

/* Adding a rule for a new event adds one row; the others stay. */
static void
test_intent_add (Fixture       *f,
                 gconstpointer  data)
{
  LiIntentRow *row = intent_row (f, "product_view");
  g_autoptr(GPtrArray) entries = find_all (f->editor, ADW_TYPE_ENTRY_ROW);
  AdwEntryRow *add = NULL;

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (entries->pdata[i]), "Add a rule for an event") == 0)
      add = entries->pdata[i];
  g_assert_nonnull (add);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (add), "coupon_use");
  g_signal_emit_by_name (find_button (add, "list-add-symbolic"), "clicked");

  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->last->n_intent, ==, 3);
  g_assert_cmpstr (f->last->intent[2].event, ==, "coupon_use");
  g_assert_cmpfloat (f->last->intent[2].points, ==, 1);
  g_assert_cmpuint (count_rows (f, LI_TYPE_INTENT_ROW), ==, 3);
  g_assert_true (intent_row (f, "product_view") == row);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add)), ==, "");

  /* A second rule for the same event (another filter) is another row. */
  gtk_editable_set_text (GTK_EDITABLE (add), "coupon_use");
  g_signal_emit_by_name (find_button (add, "list-add-symbolic"), "clicked");
  g_assert_cmpuint (f->last->n_intent, ==, 4);
  g_assert_cmpuint (count_rows (f, LI_TYPE_INTENT_ROW), ==, 4);
}

/* Tab reaches every control of the collapsed rows' headers and of the
 * group headers: nothing needs the mouse. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (f->editor));

  rows = find_all (f->editor, LI_TYPE_INTENT_ROW);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (targets, find_first (rows->pdata[i], GTK_TYPE_SPIN_BUTTON));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_all (f->editor, LI_TYPE_PATTERN_ROW);
  for (guint i = 0; i < rows->len; i++)
    {
      g_ptr_array_add (targets, find_first (rows->pdata[i], GTK_TYPE_SPIN_BUTTON));
      g_ptr_array_add (targets, find_first (rows->pdata[i], GTK_TYPE_SWITCH));
    }
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_all (f->editor, LI_TYPE_FIT_ROW);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (targets, find_first (rows->pdata[i], GTK_TYPE_SPIN_BUTTON));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_all (f->editor, LI_TYPE_STAGE_ROW);
  g_ptr_array_add (targets, find_button (rows->pdata[0], "go-down-symbolic"));
  g_ptr_array_add (targets, find_button (rows->pdata[1], "go-up-symbolic"));

  gtk_widget_grab_focus (GTK_WIDGET (f->editor));
  for (guint step = 0; step < 400; step++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (f->editor), GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (root);
      for (guint i = 0; focus != NULL && i < targets->len; i++)
        if (focus == targets->pdata[i] || gtk_widget_is_ancestor (focus, targets->pdata[i]))
          g_hash_table_add (reached, targets->pdata[i]);
    }

  for (guint i = 0; i < targets->len; i++)
    if (!g_hash_table_contains (reached, targets->pdata[i]))
      g_error ("not reached by Tab: %s %u", G_OBJECT_TYPE_NAME (targets->pdata[i]), i);
  g_assert_cmpuint (f->n_changed, ==, 0);
}

static void
count_changed_cb (LiRuleRow *row,
                  guint      field,
                  guint     *n)
{
  g_assert_cmpuint (field, ==, LI_FIELD_POINTS);
  (*n)++;
}

static void
count_cb (LiRuleRow *row,
          guint     *n)
{
  (*n)++;
}

/* What every row shares: no ::changed while it updates (updates nest), a
 * title that says when it changed. */
static void
test_rule_row (void)
{
  LiRuleRow *row = g_object_ref_sink (LI_RULE_ROW (li_fit_row_new ()));
  guint changed = 0;
  guint removed = 0;

  g_signal_connect (row, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_signal_connect (row, "remove-requested", G_CALLBACK (count_cb), &removed);

  li_rule_row_begin_update (row);
  li_rule_row_begin_update (row);
  li_rule_row_emit_changed (row, LI_FIELD_POINTS);
  li_rule_row_end_update (row);
  g_assert_true (li_rule_row_is_updating (row));
  li_rule_row_emit_changed (row, LI_FIELD_POINTS);
  li_rule_row_end_update (row);
  g_assert_false (li_rule_row_is_updating (row));
  g_assert_cmpuint (changed, ==, 0);
  li_rule_row_emit_changed (row, LI_FIELD_POINTS);
  g_assert_cmpuint (changed, ==, 1);

  li_rule_row_request_remove (row);
  g_assert_cmpuint (removed, ==, 1);

  g_assert_true (li_rule_row_set_shown_title (row, "country is known"));
  g_assert_false (li_rule_row_set_shown_title (row, "country is known"));
  g_assert_cmpstr (li_rule_row_get_shown_title (row), ==, "country is known");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "country is known");

  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/rule-editor/widget/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("set-rules-silent", test_set_rules_silent);
  ADD ("intent-points", test_intent_points);
  ADD ("intent-details", test_intent_details);
  ADD ("intent-add", test_intent_add);
  ADD ("update-in-place", test_update_in_place);
  ADD ("stages", test_stages);
  ADD ("patterns-and-fit", test_patterns_and_fit);
  ADD ("general-and-decay", test_general_and_decay);
  ADD ("keyboard", test_keyboard);
  ADD ("extreme-values", test_extreme_values);
  ADD ("sequence-menu", test_sequence_menu);
  ADD ("labels-not-focusable", test_labels_not_focusable);
  ADD ("problems", test_problems);
  ADD ("filtered-count", test_filtered_count);
  ADD ("added-rows-in-view", test_added_rows_in_view);
#undef ADD
  g_test_add_func ("/rule-editor/widget/rule-row", test_rule_row);

  return g_test_run ();
}
