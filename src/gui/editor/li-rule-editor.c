/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "li-rule-editor.h"

#include "li-data-names.h"
#include "li-decay-controls.h"
#include "li-decay-curve.h"
#include "li-editor-widgets.h"
#include "li-fit-row.h"
#include "li-intent-row.h"
#include "li-intent-slots.h"
#include "li-intent-count.h"
#include "li-pattern-row.h"
#include "li-problem-describe.h"
#include "li-problems-list.h"
#include "li-rules-validate.h"
#include "li-rules-describe.h"
#include "li-rules-edit.h"
#include "li-stage-row.h"
#include "li-number.h"

/* The editor is a view over its own LiRules copy.  Rows are views too: they
 * report what the user changed (an LiField), the editor applies it to the
 * rules with the edits of li-rules-edit.h and emits ::rules-changed.
 * Programmatic updates run with `blocking` raised, so they never emit. */

struct _LiRuleEditor
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesPage  *page;
  AdwEntryRow         *name_row;
  AdwEntryRow         *description_row;
  AdwEntryRow         *outcome_row;
  GtkMenuButton       *outcome_button;
  GtkSpinButton       *window_spin;
  AdwComboRow         *decay_model_row;
  LiProblemsList      *problems_list;
  AdwActionRow        *decay_days_row;
  GtkSpinButton       *decay_days_spin;
  LiDecayCurve        *decay_curve;
  GtkLabel            *decay_values_label;
  GtkListBox          *intent_list;
  AdwEntryRow         *add_intent_row;
  GtkMenuButton       *add_pattern_button;
  GtkListBox          *patterns_list;
  GtkButton           *add_fit_button;
  GtkListBox          *fit_list;
  GtkButton           *add_stage_button;
  GtkListBox          *stages_list;

  LiRules             *rules;

  /* From the data set */
  GPtrArray           *data_names;       /* LiDataName*, most frequent first */
  LiEventStore        *store;            /* for the counts of filtered rules */
  GHashTable          *filter_counts;    /* rule key → count (guint64 in a pointer) */
  GStrv                attribute_names;  /* sorted */
  GMenuModel          *events_menu;
  char                *events_menu_outcome;  /* the outcome left out of it */
  GMenuModel          *keys_menu;
  GMenuModel          *attributes_menu;

  /* Rows, in list order */
  GPtrArray           *intent_rows;      /* LiIntentRow*, borrowed from the list */
  GArray              *intent_slots;     /* LiIntentSlot, one per intent row */
  GPtrArray           *pattern_rows;
  GPtrArray           *fit_rows;
  GPtrArray           *stage_rows;

  guint                blocking;
};

enum {
  RULES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiRuleEditor, li_rule_editor, ADW_TYPE_BIN)

/* Beyond this many event names without a rule, the rarest are not listed
 * (they can still be added by name). */
#define MAX_PLACEHOLDER_ROWS 100

/* Every problem of the rules as they are now, errors and warnings. */
static void
_li_rule_editor_update_problems (LiRuleEditor *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);

  li_rules_validate (self->rules, problems);
  li_problems_list_set_problems (self->problems_list, problems, self->rules);
}

static void
_li_rule_editor_emit (LiRuleEditor *self)
{
  if (self->blocking > 0)
    return;
  _li_rule_editor_update_problems (self);
  g_signal_emit (self, signals[RULES_CHANGED], 0, self->rules);
}

static gboolean
_li_rule_editor_has_data (LiRuleEditor *self)
{
  return self->data_names != NULL && self->data_names->len > 0;
}

/* General and decay ------------------------------------------------------ */

static char *
_li_rule_editor_dup_entry (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
_li_rule_editor_sync_decay (LiRuleEditor *self,
                            gboolean      full)
{
  const LiDecay *decay = &self->rules->decay;
  g_autofree char *summary = NULL;
  guint model = decay->model;

  if (full && adw_combo_row_get_selected (self->decay_model_row) != model)
    adw_combo_row_set_selected (self->decay_model_row, model);
  if (decay->model != LI_DECAY_NONE)
    li_editor_spin_sync (self->decay_days_spin, decay->days, full);

  gtk_widget_set_visible (GTK_WIDGET (self->decay_days_row), decay->model != LI_DECAY_NONE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->decay_days_row),
                                 li_decay_controls_days_title (decay->model));

  li_decay_curve_set_decay (self->decay_curve, decay);
  summary = li_decay_summary (decay);
  gtk_label_set_text (self->decay_values_label, summary);
}

static void
_li_rule_editor_sync_general (LiRuleEditor *self,
                              gboolean      full)
{
  li_editor_editable_sync (GTK_EDITABLE (self->name_row), self->rules->name, full);
  li_editor_editable_sync (GTK_EDITABLE (self->description_row), self->rules->description, full);
  /* A half-typed (empty) outcome gives way to a new rule set's. */
  if (full)
    {
      g_autofree char *typed = _li_rule_editor_dup_entry (self->outcome_row);

      if (typed == NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->outcome_row),
                               self->rules->outcome_event != NULL ? self->rules->outcome_event : "");
    }
  li_editor_editable_sync (GTK_EDITABLE (self->outcome_row), self->rules->outcome_event, full);
  if (self->rules->outcome_event != NULL && *self->rules->outcome_event != '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_row), "error");
  li_editor_spin_sync (self->window_spin, self->rules->window_days, full);
}

/* Intent ----------------------------------------------------------------- */

static void intent_row_changed_cb          (LiRuleEditor *self,
                                            guint         field,
                                            LiIntentRow  *row);
static void intent_row_remove_requested_cb (LiRuleEditor *self,
                                            LiIntentRow  *row);

/* The events a rule with a filter matches, counted once per filter (the
 * filter is typed a character at a time). */
static guint64
_li_rule_editor_filtered_count (LiRuleEditor       *self,
                                const LiIntentRule *rule)
{
  g_autoptr(GString) key = g_string_new (rule->event);
  gpointer cached;
  guint64 n;

  for (guint c = 0; c < rule->n_where; c++)
    {
      g_autofree char *values = g_strjoinv ("\x1f", rule->where[c].values);

      g_string_append_printf (key, "\x1e%s\x1d%s", rule->where[c].key, values);
    }
  if (g_hash_table_lookup_extended (self->filter_counts, key->str, NULL, &cached))
    return *(guint64 *) cached;

  n = li_intent_rule_count_events (rule, self->store);
  g_hash_table_insert (self->filter_counts, g_string_free (g_steal_pointer (&key), FALSE),
                       g_memdup2 (&n, sizeof n));
  return n;
}

static void
_li_rule_editor_show_intent_row (LiRuleEditor *self,
                                 guint         i,
                                 gboolean      full)
{
  LiIntentRow *row = g_ptr_array_index (self->intent_rows, i);
  const LiIntentSlot *data_slot = &g_array_index (self->intent_slots, LiIntentSlot, i);
  const LiIntentRule *rule = data_slot->rule >= 0 ? &self->rules->intent[data_slot->rule] : NULL;
  LiIntentSlot shown = *data_slot;
  const LiIntentSlot *slot = &shown;
  g_autofree char *note = NULL;

  /* a filtered rule counts the events its filter lets through */
  if (rule != NULL && rule->n_where > 0 && self->store != NULL && shown.in_data)
    shown.count = _li_rule_editor_filtered_count (self, rule);
  note = li_intent_slot_dup_note (slot, _li_rule_editor_has_data (self));
  gboolean is_outcome = g_strcmp0 (slot->event, self->rules->outcome_event) == 0;

  if (full)
    li_intent_row_update (row, slot->event, rule, note, is_outcome);
  else
    li_intent_row_refresh (row, slot->event, rule, note, is_outcome);
}

/* Every row reports the user's edits and remove requests to the editor. */
static void
_li_rule_editor_connect_row (LiRuleEditor *self,
                             LiRuleRow    *row,
                             GCallback     changed_cb,
                             GCallback     remove_requested_cb)
{
  g_signal_connect_object (row, "changed", changed_cb, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", remove_requested_cb, self, G_CONNECT_SWAPPED);
}

static LiIntentRow *
_li_rule_editor_new_intent_row (LiRuleEditor *self)
{
  LiIntentRow *row = LI_INTENT_ROW (li_intent_row_new ());

  _li_rule_editor_connect_row (self, LI_RULE_ROW (row),
                               G_CALLBACK (intent_row_changed_cb),
                               G_CALLBACK (intent_row_remove_requested_cb));
  li_intent_row_set_keys_menu (row, self->keys_menu);
  return row;
}

/* Binds the intent rows to the rules.  When the list of rows changed, rows
 * are matched by key: only new rows are made and only gone ones removed. */
static void
_li_rule_editor_sync_intent (LiRuleEditor *self,
                             gboolean      full)
{
  g_autoptr(GArray) slots = li_intent_slots_build (self->data_names, self->rules,
                                                   MAX_PLACEHOLDER_ROWS);
  g_autoptr(GHashTable) old_rows = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree gboolean *fresh = NULL;
  GHashTableIter iter;
  gpointer value;
  gboolean had_focus;

  if (self->intent_slots != NULL && li_intent_slots_same_rows (self->intent_slots, slots))
    {
      g_array_unref (self->intent_slots);
      self->intent_slots = g_steal_pointer (&slots);
      for (guint i = 0; i < self->intent_rows->len; i++)
        _li_rule_editor_show_intent_row (self, i, full);
      return;
    }

  had_focus = gtk_widget_get_state_flags (GTK_WIDGET (self->intent_list)) & GTK_STATE_FLAG_FOCUS_WITHIN;

  old_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->intent_rows->len; i++)
    g_hash_table_insert (old_rows, li_intent_slots_dup_key (self->intent_slots, i),
                         g_ptr_array_index (self->intent_rows, i));

  rows = g_ptr_array_sized_new (slots->len);
  fresh = g_new0 (gboolean, MAX (slots->len, 1));
  for (guint i = 0; i < slots->len; i++)
    {
      g_autofree char *key = li_intent_slots_dup_key (slots, i);
      gpointer row = g_hash_table_lookup (old_rows, key);

      if (row != NULL)
        g_hash_table_remove (old_rows, key);
      g_ptr_array_add (rows, row);
    }

  /* Rows nobody wants any more. */
  g_hash_table_iter_init (&iter, old_rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_list_box_remove (self->intent_list, value);

  /* The rest in order (the "add" row stays last). */
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (row == NULL)
        {
          row = GTK_WIDGET (_li_rule_editor_new_intent_row (self));
          g_ptr_array_index (rows, i) = row;
          gtk_list_box_insert (self->intent_list, row, i);
          fresh[i] = TRUE;
        }
      else if (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) != (int) i)
        {
          g_object_ref (row);
          gtk_list_box_remove (self->intent_list, row);
          gtk_list_box_insert (self->intent_list, row, i);
          g_object_unref (row);
        }
    }

  g_clear_pointer (&self->intent_rows, g_ptr_array_unref);
  self->intent_rows = g_steal_pointer (&rows);
  g_clear_pointer (&self->intent_slots, g_array_unref);
  self->intent_slots = g_steal_pointer (&slots);

  for (guint i = 0; i < self->intent_rows->len; i++)
    _li_rule_editor_show_intent_row (self, i, full || fresh[i]);

  /* The focused row may be gone: keep the keyboard in the list. */
  if (had_focus &&
      !(gtk_widget_get_state_flags (GTK_WIDGET (self->intent_list)) & GTK_STATE_FLAG_FOCUS_WITHIN))
    gtk_widget_grab_focus (GTK_WIDGET (self->add_intent_row));
}

static int
_li_rule_editor_find_row (GPtrArray *rows,
                          gpointer   row)
{
  guint i;

  if (!g_ptr_array_find (rows, row, &i))
    return -1;
  return i;
}

static void
intent_row_changed_cb (LiRuleEditor *self,
                       guint         field,
                       LiIntentRow  *row)
{
  int i = _li_rule_editor_find_row (self->intent_rows, row);
  LiIntentSlot *slot;
  LiIntentRule *rule;
  gboolean full = TRUE;

  if (i < 0 || self->blocking > 0)
    return;

  slot = &g_array_index (self->intent_slots, LiIntentSlot, i);

  if (field == LI_FIELD_POINTS)
    {
      double points = li_intent_row_get_points (row);
      gboolean may_drop = slot->in_data &&
                          li_intent_slots_count_event (self->intent_slots, slot->event) == 1;
      int removed = -1;

      if (slot->rule < 0 && points == 0)
        return;

      slot->rule = li_rules_set_intent_points (self->rules, slot->rule, slot->event,
                                               points, may_drop, &removed);
      if (removed >= 0)
        li_intent_slots_rule_removed (self->intent_slots, removed);

      _li_rule_editor_show_intent_row (self, i, FALSE);
      _li_rule_editor_emit (self);
      return;
    }

  if (slot->rule < 0)
    return;
  rule = &self->rules->intent[slot->rule];

  switch (field)
    {
    case LI_FIELD_CAP:
      li_rules_set_intent_cap (self->rules, slot->rule, li_intent_row_get_cap (row));
      break;

    case LI_FIELD_DECAY:
      {
        LiDecay decay = rule->decay;
        gboolean has_decay = li_intent_row_get_decay (row, &decay);

        li_rules_set_intent_decay (self->rules, slot->rule, has_decay ? &decay : NULL);
      }
      break;

    case LI_FIELD_WHERE:
      {
        guint n_where = rule->n_where;

        /* A key without values (or the reverse) is still being typed. */
        if (!li_rules_set_intent_where (self->rules, slot->rule,
                                        li_intent_row_get_where_key (row),
                                        li_intent_row_get_where_values (row)))
          return;
        /* Emptying the first of several clauses shows the next one. */
        full = rule->n_where < n_where && rule->n_where > 0;
      }
      break;

    default:
      g_return_if_reached ();
    }

  _li_rule_editor_show_intent_row (self, i, full);
  _li_rule_editor_emit (self);
}

static void
intent_row_remove_requested_cb (LiRuleEditor *self,
                                LiIntentRow  *row)
{
  int i = _li_rule_editor_find_row (self->intent_rows, row);
  int rule;

  if (i < 0)
    return;

  rule = g_array_index (self->intent_slots, LiIntentSlot, i).rule;
  if (rule < 0)
    return;

  li_rules_remove_intent (self->rules, rule);
  li_intent_slots_rule_removed (self->intent_slots, rule);

  self->blocking++;
  _li_rule_editor_sync_intent (self, TRUE);
  self->blocking--;

  /* When the row stayed (an event of the data, now without a rule), keep the
   * keyboard on it. */
  if ((guint) i < self->intent_rows->len &&
      g_ptr_array_index (self->intent_rows, i) == row)
    li_intent_row_focus_points (row);

  _li_rule_editor_emit (self);
}

static void
add_intent_cb (LiRuleEditor *self)
{
  g_autofree char *event = _li_rule_editor_dup_entry (self->add_intent_row);
  int i;

  if (event == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->add_intent_row));
      return;
    }

  /* An event of the data without a rule: its row gets the rule. */
  i = li_intent_slots_find_placeholder (self->intent_slots, event);
  if (i >= 0)
    {
      g_array_index (self->intent_slots, LiIntentSlot, i).rule =
        li_rules_append_intent (self->rules, event, 1);
      _li_rule_editor_show_intent_row (self, i, TRUE);
    }
  else
    {
      guint rule = li_rules_append_intent (self->rules, event, 1);

      self->blocking++;
      _li_rule_editor_sync_intent (self, TRUE);
      self->blocking--;
      i = li_intent_slots_find_rule (self->intent_slots, rule);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->add_intent_row), "");

  if (i >= 0)
    {
      LiIntentRow *row = g_ptr_array_index (self->intent_rows, i);

      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      li_intent_row_focus_points (row);
      li_editor_scroll_into_view (GTK_WIDGET (row));
    }

  _li_rule_editor_emit (self);
}

/* Patterns, fit and stages: one row per item, in order ---------------------- */

static void pattern_row_changed_cb          (LiRuleEditor *self,
                                             guint         field,
                                             LiPatternRow *row);
static void pattern_row_remove_requested_cb (LiRuleEditor *self,
                                             LiPatternRow *row);
static void fit_row_changed_cb              (LiRuleEditor *self,
                                             guint         field,
                                             LiFitRow     *row);
static void fit_row_remove_requested_cb     (LiRuleEditor *self,
                                             LiFitRow     *row);
static void stage_row_changed_cb            (LiRuleEditor *self,
                                             guint         field,
                                             LiStageRow   *row);
static void stage_row_remove_requested_cb   (LiRuleEditor *self,
                                             LiStageRow   *row);
static void stage_row_move_requested_cb     (LiRuleEditor *self,
                                             int           delta,
                                             LiStageRow   *row);

static GtkWidget *
_li_rule_editor_new_pattern_row (LiRuleEditor *self)
{
  GtkWidget *row = li_pattern_row_new ();

  _li_rule_editor_connect_row (self, LI_RULE_ROW (row),
                               G_CALLBACK (pattern_row_changed_cb),
                               G_CALLBACK (pattern_row_remove_requested_cb));
  li_pattern_row_set_events_menu (LI_PATTERN_ROW (row), self->events_menu);
  return row;
}

static GtkWidget *
_li_rule_editor_new_fit_row (LiRuleEditor *self)
{
  GtkWidget *row = li_fit_row_new ();

  _li_rule_editor_connect_row (self, LI_RULE_ROW (row),
                               G_CALLBACK (fit_row_changed_cb),
                               G_CALLBACK (fit_row_remove_requested_cb));
  li_fit_row_set_attributes_menu (LI_FIT_ROW (row), self->attributes_menu);
  return row;
}

static GtkWidget *
_li_rule_editor_new_stage_row (LiRuleEditor *self)
{
  GtkWidget *row = li_stage_row_new ();

  _li_rule_editor_connect_row (self, LI_RULE_ROW (row),
                               G_CALLBACK (stage_row_changed_cb),
                               G_CALLBACK (stage_row_remove_requested_cb));
  g_signal_connect_object (row, "move-requested",
                           G_CALLBACK (stage_row_move_requested_cb), self, G_CONNECT_SWAPPED);
  return row;
}

/* Makes @rows (shown in @list) @n long: rows are added or removed at the end
 * only, so the others keep their focus and expanded state. */
static void
_li_rule_editor_resize_rows (LiRuleEditor *self,
                             GtkListBox   *list,
                             GPtrArray    *rows,
                             guint         n,
                             GtkWidget *(*new_row) (LiRuleEditor *))
{
  while (rows->len > n)
    {
      gtk_list_box_remove (list, g_ptr_array_index (rows, rows->len - 1));
      g_ptr_array_set_size (rows, rows->len - 1);
    }
  while (rows->len < n)
    {
      GtkWidget *row = new_row (self);

      g_ptr_array_add (rows, row);
      gtk_list_box_append (list, row);
    }
}

static void
_li_rule_editor_sync_patterns (LiRuleEditor *self,
                               gboolean      full)
{
  _li_rule_editor_resize_rows (self, self->patterns_list, self->pattern_rows,
                               self->rules->n_patterns, _li_rule_editor_new_pattern_row);
  for (guint i = 0; i < self->pattern_rows->len; i++)
    li_pattern_row_update (g_ptr_array_index (self->pattern_rows, i),
                           &self->rules->patterns[i], full);
}

static void
_li_rule_editor_sync_fit (LiRuleEditor *self,
                          gboolean      full)
{
  _li_rule_editor_resize_rows (self, self->fit_list, self->fit_rows,
                               self->rules->n_fit, _li_rule_editor_new_fit_row);
  for (guint i = 0; i < self->fit_rows->len; i++)
    li_fit_row_update (g_ptr_array_index (self->fit_rows, i),
                       &self->rules->fit[i], full);
}

static void
_li_rule_editor_show_stage_row (LiRuleEditor *self,
                                guint         i,
                                gboolean      full)
{
  const LiRules *rules = self->rules;

  li_stage_row_update (g_ptr_array_index (self->stage_rows, i),
                       &rules->stages[i],
                       i + 1 == rules->n_stages,
                       li_rules_can_move_stage (rules, i, -1),
                       li_rules_can_move_stage (rules, i, 1),
                       li_rules_stage_name_is_bad (rules, i, rules->stages[i].name),
                       full);
}

static void
_li_rule_editor_sync_stages (LiRuleEditor *self,
                             gboolean      full)
{
  _li_rule_editor_resize_rows (self, self->stages_list, self->stage_rows,
                               self->rules->n_stages, _li_rule_editor_new_stage_row);
  for (guint i = 0; i < self->stage_rows->len; i++)
    _li_rule_editor_show_stage_row (self, i, full);
}

/* The sequence pattern's "Append an event" menu: the data's event names
 * but the outcome (a pattern on it is an error, SPEC 3).  Rebuilt when the
 * outcome or the data changes. */
static void
_li_rule_editor_update_events_menu (LiRuleEditor *self,
                                    gboolean      force)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *outcome = self->rules != NULL ? self->rules->outcome_event : NULL;

  if (!force && g_strcmp0 (outcome, self->events_menu_outcome) == 0)
    return;
  g_free (self->events_menu_outcome);
  self->events_menu_outcome = g_strdup (outcome);

  for (guint i = 0; self->data_names != NULL && i < self->data_names->len; i++)
    {
      const char *name = ((LiDataName *) g_ptr_array_index (self->data_names, i))->name;

      if (g_strcmp0 (name, outcome) != 0)
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);

  g_clear_object (&self->events_menu);
  self->events_menu = li_editor_string_menu_new ((const char * const *) names->pdata,
                                                 "pattern-row.append-event");
  for (guint i = 0; self->pattern_rows != NULL && i < self->pattern_rows->len; i++)
    li_pattern_row_set_events_menu (g_ptr_array_index (self->pattern_rows, i), self->events_menu);
}

static void
_li_rule_editor_sync_all (LiRuleEditor *self,
                          gboolean      full)
{
  _li_rule_editor_update_events_menu (self, FALSE);
  self->blocking++;
  _li_rule_editor_sync_general (self, full);
  _li_rule_editor_sync_decay (self, full);
  _li_rule_editor_sync_intent (self, full);
  _li_rule_editor_sync_patterns (self, full);
  _li_rule_editor_sync_fit (self, full);
  _li_rule_editor_sync_stages (self, full);
  self->blocking--;
  _li_rule_editor_update_problems (self);
}

/* Removes row @i of @rows from @list and puts the keyboard on a neighbour. */
static void
_li_rule_editor_remove_row (GtkListBox *list,
                            GPtrArray  *rows,
                            guint       i,
                            GtkWidget  *fallback)
{
  gtk_list_box_remove (list, g_ptr_array_index (rows, i));
  g_ptr_array_remove_index (rows, i);

  if (rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (rows, MIN (i, rows->len - 1)));
  else if (fallback != NULL)
    gtk_widget_grab_focus (fallback);
}

static void
pattern_row_changed_cb (LiRuleEditor *self,
                        guint         field,
                        LiPatternRow *row)
{
  int i = _li_rule_editor_find_row (self->pattern_rows, row);
  LiRules *rules = self->rules;
  gboolean full = TRUE;

  if (i < 0 || self->blocking > 0)
    return;

  switch (field)
    {
    case LI_FIELD_NAME:
      li_rules_set_pattern_name (rules, i, li_pattern_row_get_name (row));
      full = FALSE;
      break;

    case LI_FIELD_KIND:
      li_rules_set_pattern_kind (rules, i, li_pattern_row_get_kind (row));
      break;

    case LI_FIELD_ENABLED:
      li_rules_set_pattern_enabled (rules, i, li_pattern_row_get_enabled (row));
      break;

    case LI_FIELD_POINTS:
      li_rules_set_pattern_points (rules, i, li_pattern_row_get_points (row));
      break;

    case LI_FIELD_CAP:
      li_rules_set_pattern_cap (rules, i, li_pattern_row_get_cap (row));
      break;

    case LI_FIELD_COUNT:
      li_rules_set_pattern_count (rules, i, li_pattern_row_get_count (row));
      break;

    case LI_FIELD_WITHIN:
      li_rules_set_pattern_within (rules, i, li_pattern_row_get_within (row));
      break;

    case LI_FIELD_EVENTS:
      /* Fewer than two names: still being typed (the row shows an error). */
      if (!li_rules_set_pattern_events (rules, i, li_pattern_row_get_events_text (row)))
        return;
      full = FALSE;
      break;

    case LI_FIELD_DECAY:
      {
        LiDecay decay = rules->patterns[i].decay;
        gboolean has_decay = li_pattern_row_get_decay (row, &decay);

        li_rules_set_pattern_decay (rules, i, has_decay ? &decay : NULL);
      }
      break;

    default:
      g_return_if_reached ();
    }

  li_pattern_row_update (row, &rules->patterns[i], full);
  _li_rule_editor_emit (self);
}

static void
pattern_row_remove_requested_cb (LiRuleEditor *self,
                                 LiPatternRow *row)
{
  int i = _li_rule_editor_find_row (self->pattern_rows, row);

  if (i < 0)
    return;

  li_rules_remove_pattern (self->rules, i);
  _li_rule_editor_remove_row (self->patterns_list, self->pattern_rows, i,
                              GTK_WIDGET (self->add_pattern_button));
  _li_rule_editor_emit (self);
}

static void
fit_row_changed_cb (LiRuleEditor *self,
                    guint         field,
                    LiFitRow     *row)
{
  int i = _li_rule_editor_find_row (self->fit_rows, row);
  LiRules *rules = self->rules;
  gboolean full = TRUE;
  LiFitOp op;

  if (i < 0 || self->blocking > 0)
    return;

  switch (field)
    {
    case LI_FIELD_ATTRIBUTE:
      li_rules_set_fit_attribute (rules, i, li_fit_row_get_attribute (row));
      full = FALSE;
      break;

    case LI_FIELD_OP:
      li_rules_set_fit_op (rules, i, li_fit_row_get_op (row));
      break;

    case LI_FIELD_VALUE:
      op = rules->fit[i].op;
      if (li_fit_op_is_numeric (op))
        li_rules_set_fit_number (rules, i, li_fit_row_get_number (row, 0));
      else if (op == LI_FIT_BETWEEN)
        li_rules_set_fit_range (rules, i,
                                li_fit_row_get_number (row, 0),
                                li_fit_row_get_number (row, 1));
      else if (li_rules_set_fit_text (rules, i, li_fit_row_get_text (row)))
        full = FALSE;
      break;

    case LI_FIELD_POINTS:
      li_rules_set_fit_points (rules, i, li_fit_row_get_points (row));
      break;

    default:
      g_return_if_reached ();
    }

  li_fit_row_update (row, &rules->fit[i], full);
  _li_rule_editor_emit (self);
}

static void
fit_row_remove_requested_cb (LiRuleEditor *self,
                             LiFitRow     *row)
{
  int i = _li_rule_editor_find_row (self->fit_rows, row);

  if (i < 0)
    return;

  li_rules_remove_fit (self->rules, i);
  _li_rule_editor_remove_row (self->fit_list, self->fit_rows, i,
                              GTK_WIDGET (self->add_fit_button));
  _li_rule_editor_emit (self);
}

static void
stage_row_changed_cb (LiRuleEditor *self,
                      guint         field,
                      LiStageRow   *row)
{
  int i = _li_rule_editor_find_row (self->stage_rows, row);
  LiRules *rules = self->rules;
  double value = 0;
  gboolean set;

  if (i < 0 || self->blocking > 0)
    return;

  switch (field)
    {
    case LI_FIELD_NAME:
      li_rules_set_stage_name (rules, i, li_stage_row_get_name (row));
      break;

    case LI_FIELD_CHANNEL:
      li_rules_set_stage_channel (rules, i, li_stage_row_get_channel (row));
      break;

    case LI_FIELD_MIN_SCORE:
      set = li_stage_row_get_value (row, field, &value);
      li_rules_set_stage_min_score (rules, i, set, value);
      break;

    case LI_FIELD_MIN_INTENT:
      set = li_stage_row_get_value (row, field, &value);
      li_rules_set_stage_min_intent (rules, i, set, value);
      break;

    case LI_FIELD_MIN_FIT:
      set = li_stage_row_get_value (row, field, &value);
      li_rules_set_stage_min_fit (rules, i, set, value);
      break;

    case LI_FIELD_FOLLOW_UP:
      set = li_stage_row_get_value (row, field, &value);
      li_rules_set_stage_follow_up (rules, i, set, value);
      break;

    default:
      g_return_if_reached ();
    }

  /* A name can make another stage's name a duplicate (or not any more). */
  for (guint j = 0; j < self->stage_rows->len; j++)
    _li_rule_editor_show_stage_row (self, j, FALSE);
  _li_rule_editor_emit (self);
}

static void
stage_row_remove_requested_cb (LiRuleEditor *self,
                               LiStageRow   *row)
{
  int i = _li_rule_editor_find_row (self->stage_rows, row);

  if (i < 0 || !li_rules_remove_stage (self->rules, i))
    return;

  _li_rule_editor_remove_row (self->stages_list, self->stage_rows, i,
                              GTK_WIDGET (self->add_stage_button));
  for (guint j = 0; j < self->stage_rows->len; j++)
    _li_rule_editor_show_stage_row (self, j, FALSE);
  _li_rule_editor_emit (self);
}

static void
stage_row_move_requested_cb (LiRuleEditor *self,
                             int           delta,
                             LiStageRow   *row)
{
  int i = _li_rule_editor_find_row (self->stage_rows, row);
  AdwExpanderRow *from;
  AdwExpanderRow *to;
  gboolean from_expanded;

  if (i < 0 || !li_rules_move_stage (self->rules, i, delta))
    return;

  /* The rows stay; their contents move.  The expanded state and the
   * keyboard follow the stage. */
  from = g_ptr_array_index (self->stage_rows, i);
  to = g_ptr_array_index (self->stage_rows, i + delta);
  from_expanded = adw_expander_row_get_expanded (from);
  adw_expander_row_set_expanded (from, adw_expander_row_get_expanded (to));
  adw_expander_row_set_expanded (to, from_expanded);

  self->blocking++;
  for (guint j = 0; j < self->stage_rows->len; j++)
    _li_rule_editor_show_stage_row (self, j, TRUE);
  self->blocking--;

  li_stage_row_focus_move (LI_STAGE_ROW (to), delta);
  _li_rule_editor_emit (self);
}

/* General callbacks ------------------------------------------------------- */

static void
name_changed_cb (LiRuleEditor *self)
{
  if (self->blocking > 0)
    return;

  li_rules_set_name (self->rules, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  li_editor_editable_sync (GTK_EDITABLE (self->name_row), self->rules->name, FALSE);
  _li_rule_editor_emit (self);
}

static void
description_changed_cb (LiRuleEditor *self)
{
  if (self->blocking > 0)
    return;

  li_rules_set_description (self->rules,
                            gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  li_editor_editable_sync (GTK_EDITABLE (self->description_row), self->rules->description, FALSE);
  _li_rule_editor_emit (self);
}

static void
outcome_changed_cb (LiRuleEditor *self)
{
  if (self->blocking > 0)
    return;

  /* An empty outcome is still being typed: keep the last one. */
  if (!li_rules_set_outcome_event (self->rules,
                                   gtk_editable_get_text (GTK_EDITABLE (self->outcome_row))))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->outcome_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_row), "error");

  li_editor_editable_sync (GTK_EDITABLE (self->outcome_row), self->rules->outcome_event, FALSE);

  _li_rule_editor_update_events_menu (self, FALSE);
  /* The outcome event has no placeholder row, and its rules are flagged. */
  self->blocking++;
  _li_rule_editor_sync_intent (self, FALSE);
  self->blocking--;

  _li_rule_editor_emit (self);
}

static void
window_changed_cb (LiRuleEditor *self)
{
  if (self->blocking > 0)
    return;

  li_rules_set_window_days (self->rules, gtk_spin_button_get_value (self->window_spin));
  _li_rule_editor_emit (self);
}

static void
decay_model_changed_cb (LiRuleEditor *self)
{
  guint selected;

  if (self->blocking > 0)
    return;

  selected = adw_combo_row_get_selected (self->decay_model_row);
  if (selected > LI_DECAY_LINEAR)
    return;

  li_rules_set_decay_model (self->rules, selected);
  self->blocking++;
  _li_rule_editor_sync_decay (self, TRUE);
  self->blocking--;
  _li_rule_editor_emit (self);
}

static void
decay_days_changed_cb (LiRuleEditor *self)
{
  /* (No decay has no days.) */
  if (self->blocking > 0 ||
      !li_rules_set_decay_days (self->rules, gtk_spin_button_get_value (self->decay_days_spin)))
    return;

  _li_rule_editor_sync_decay (self, FALSE);
  _li_rule_editor_emit (self);
}

/* Actions ---------------------------------------------------------------- */

static void
outcome_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LiRuleEditor *self = LI_RULE_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->outcome_row),
                         g_variant_get_string (parameter, NULL));
}

static void
add_pattern_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LiRuleEditor *self = LI_RULE_EDITOR (widget);
  LiPatternKind kind = LI_PATTERN_REPEAT_PRODUCT;
  LiPatternRow *row;
  guint i;

  if (!li_pattern_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;

  i = li_rules_append_pattern (self->rules, kind);
  self->blocking++;
  _li_rule_editor_sync_patterns (self, TRUE);
  self->blocking--;

  row = g_ptr_array_index (self->pattern_rows, i);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  li_pattern_row_focus_name (row);
  li_editor_scroll_into_view (GTK_WIDGET (row));
  _li_rule_editor_emit (self);
}

static void
add_fit_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LiRuleEditor *self = LI_RULE_EDITOR (widget);
  const char *attribute = NULL;
  LiFitRow *row;
  guint i;

  if (self->attribute_names != NULL && self->attribute_names[0] != NULL)
    attribute = self->attribute_names[0];

  i = li_rules_append_fit (self->rules, attribute);
  self->blocking++;
  _li_rule_editor_sync_fit (self, TRUE);
  self->blocking--;

  row = g_ptr_array_index (self->fit_rows, i);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  li_fit_row_focus_attribute (row);
  li_editor_scroll_into_view (GTK_WIDGET (row));
  _li_rule_editor_emit (self);
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiRuleEditor *self = LI_RULE_EDITOR (widget);
  GtkWidget *row;
  guint i;

  i = li_rules_insert_stage (self->rules);

  /* A new row where the stage went, so the others keep their state. */
  row = _li_rule_editor_new_stage_row (self);
  g_ptr_array_insert (self->stage_rows, i, row);
  gtk_list_box_insert (self->stages_list, row, i);

  self->blocking++;
  _li_rule_editor_sync_stages (self, TRUE);
  self->blocking--;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  li_stage_row_focus_name (LI_STAGE_ROW (row));
  li_editor_scroll_into_view (row);
  _li_rule_editor_emit (self);
}

/* Problems --------------------------------------------------------------- */

/* The row a problem's path is about, or NULL. */
static GtkWidget *
_li_rule_editor_row_for_path (LiRuleEditor *self,
                              const char   *path)
{
  g_autofree char *section = NULL;
  g_autofree char *rest = NULL;
  GPtrArray *rows = NULL;
  int item;

  if (!li_problem_path_split (path, &section, &item, &rest))
    return NULL;

  if (g_str_equal (section, "name"))
    return GTK_WIDGET (self->name_row);
  if (g_str_equal (section, "description"))
    return GTK_WIDGET (self->description_row);
  if (g_str_equal (section, "outcome"))
    return g_str_equal (rest, "window_days") ? GTK_WIDGET (self->window_spin) : GTK_WIDGET (self->outcome_row);
  if (g_str_equal (section, "decay"))
    return GTK_WIDGET (self->decay_model_row);

  if (item < 0)
    return NULL;
  if (g_str_equal (section, "intent"))
    {
      item = self->intent_slots != NULL ? li_intent_slots_find_rule (self->intent_slots, (guint) item) : -1;
      rows = self->intent_rows;
    }
  else if (g_str_equal (section, "patterns"))
    rows = self->pattern_rows;
  else if (g_str_equal (section, "fit"))
    rows = self->fit_rows;
  else if (g_str_equal (section, "stages"))
    rows = self->stage_rows;

  if (rows == NULL || item < 0 || (guint) item >= rows->len)
    return NULL;
  return g_ptr_array_index (rows, item);
}

static void
problem_activated_cb (LiRuleEditor *self,
                      const char   *path)
{
  li_rule_editor_focus_path (self, path);
}

/* GObject ---------------------------------------------------------------- */

static void
li_rule_editor_dispose (GObject *object)
{
  LiRuleEditor *self = LI_RULE_EDITOR (object);

  /* AdwBin owns its child: let it go first, or disposing the template
   * unparents the page behind AdwBin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_RULE_EDITOR);

  g_clear_pointer (&self->intent_rows, g_ptr_array_unref);
  g_clear_pointer (&self->pattern_rows, g_ptr_array_unref);
  g_clear_pointer (&self->fit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->stage_rows, g_ptr_array_unref);
  g_clear_pointer (&self->intent_slots, g_array_unref);
  g_clear_object (&self->events_menu);
  g_clear_pointer (&self->events_menu_outcome, g_free);
  g_clear_pointer (&self->store, li_event_store_unref);
  g_clear_pointer (&self->filter_counts, g_hash_table_unref);
  g_clear_object (&self->keys_menu);
  g_clear_object (&self->attributes_menu);

  G_OBJECT_CLASS (li_rule_editor_parent_class)->dispose (object);
}

static void
li_rule_editor_finalize (GObject *object)
{
  LiRuleEditor *self = LI_RULE_EDITOR (object);

  g_clear_pointer (&self->rules, li_rules_free);
  g_clear_pointer (&self->data_names, g_ptr_array_unref);
  g_clear_pointer (&self->attribute_names, g_strfreev);

  G_OBJECT_CLASS (li_rule_editor_parent_class)->finalize (object);
}

static void
li_rule_editor_class_init (LiRuleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_rule_editor_dispose;
  object_class->finalize = li_rule_editor_finalize;

  /**
   * LiRuleEditor::rules-changed:
   * @self: the editor
   * @rules: (type LiRules): the editor's rules after the edit; only valid
   *   during the emission, take a copy (li_rules_copy) to keep them
   *
   * Emitted after every user edit, never by li_rule_editor_set_rules().
   */
  signals[RULES_CHANGED] =
    g_signal_new ("rules-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LI_TYPE_RULES | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (LI_TYPE_DECAY_CURVE);
  g_type_ensure (LI_TYPE_PROBLEMS_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/editor/li-rule-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, page);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, problems_list);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, outcome_button);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, window_spin);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, decay_model_row);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, decay_days_row);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, decay_days_spin);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, decay_curve);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, decay_values_label);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, intent_list);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, add_intent_row);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, add_pattern_button);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, patterns_list);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, add_fit_button);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, fit_list);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, add_stage_button);
  gtk_widget_class_bind_template_child (widget_class, LiRuleEditor, stages_list);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, description_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outcome_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, problem_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, window_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, decay_model_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, decay_days_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_intent_cb);

  gtk_widget_class_install_action (widget_class, "editor.outcome", "s", outcome_action);
  gtk_widget_class_install_action (widget_class, "editor.add-pattern", "s", add_pattern_action);
  gtk_widget_class_install_action (widget_class, "editor.add-fit", NULL, add_fit_action);
  gtk_widget_class_install_action (widget_class, "editor.add-stage", NULL, add_stage_action);
}

static void
li_rule_editor_init (LiRuleEditor *self)
{
  self->blocking++;
  gtk_widget_init_template (GTK_WIDGET (self));
  li_editor_spin_button_setup (self->window_spin);
  li_editor_spin_button_setup (self->decay_days_spin);
  li_editor_spin_button_set_limits (self->window_spin, LI_SPIN_DAYS);
  li_editor_spin_button_set_limits (self->decay_days_spin, LI_SPIN_DAYS);
  self->blocking--;

  self->intent_rows = g_ptr_array_new ();
  self->pattern_rows = g_ptr_array_new ();
  self->fit_rows = g_ptr_array_new ();
  self->stage_rows = g_ptr_array_new ();
  self->data_names = g_ptr_array_new_with_free_func ((GDestroyNotify) li_data_name_free);
  self->filter_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  self->rules = li_rules_new ();
  _li_rule_editor_sync_all (self, TRUE);
}

/* Public API ------------------------------------------------------------- */

GtkWidget *
li_rule_editor_new (void)
{
  return g_object_new (LI_TYPE_RULE_EDITOR, NULL);
}

/**
 * li_rule_editor_set_rules:
 * @rules: (nullable): rules to show (copied); NULL shows the defaults
 *
 * Shows @rules without emitting ::rules-changed.  Rows are only rebuilt when
 * the list of rows changes; otherwise their values are updated in place, so
 * focus and expanded rows survive undo and threshold drags.
 */
void
li_rule_editor_set_rules (LiRuleEditor  *self,
                          const LiRules *rules)
{
  LiRules *old;

  g_return_if_fail (LI_IS_RULE_EDITOR (self));

  if (rules != NULL && self->rules != NULL && li_rules_equal (self->rules, rules))
    return;

  old = self->rules;
  self->rules = rules != NULL ? li_rules_copy (rules) : li_rules_new ();
  g_clear_pointer (&old, li_rules_free);

  _li_rule_editor_sync_all (self, TRUE);
}

const LiRules *
li_rule_editor_get_rules (LiRuleEditor *self)
{
  g_return_val_if_fail (LI_IS_RULE_EDITOR (self), NULL);

  return self->rules;
}

static int
_li_strcmp_cb (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * li_rule_editor_set_dataset:
 * @store: (nullable): the imported events
 * @leads: (nullable): the leads file
 *
 * Lists the event names of @store (with their counts, most frequent first)
 * as intent rows, and offers its property keys and the attributes of @leads
 * in the filter and fit attribute menus.  The store is kept to count the
 * events of rules with a filter.
 */
void
li_rule_editor_set_dataset (LiRuleEditor *self,
                            LiEventStore *store,
                            LiLeadTable  *leads)
{
  g_autoptr(GPtrArray) event_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (LI_IS_RULE_EDITOR (self));

  g_clear_pointer (&self->data_names, g_ptr_array_unref);
  self->data_names = li_data_names_from_store (store);
  g_clear_pointer (&self->store, li_event_store_unref);
  self->store = store != NULL ? li_event_store_ref (store) : NULL;
  g_hash_table_remove_all (self->filter_counts);

  for (guint i = 0; i < self->data_names->len; i++)
    g_ptr_array_add (event_names, ((LiDataName *) g_ptr_array_index (self->data_names, i))->name);
  g_ptr_array_add (event_names, NULL);

  if (store != NULL && store->keys != NULL)
    {
      guint32 n = li_str_pool_size (store->keys);

      for (guint32 id = 0; id < n; id++)
        g_ptr_array_add (keys, (gpointer) li_str_pool_get (store->keys, id));
    }
  g_ptr_array_sort (keys, _li_strcmp_cb);

  /* Fit attributes: the leads file's columns and the events' properties. */
  for (guint i = 0; leads != NULL && leads->attributes != NULL && leads->attributes[i] != NULL; i++)
    if (g_hash_table_add (seen, leads->attributes[i]))
      g_ptr_array_add (attributes, g_strdup (leads->attributes[i]));
  for (guint i = 0; i < keys->len; i++)
    if (g_hash_table_add (seen, g_ptr_array_index (keys, i)))
      g_ptr_array_add (attributes, g_strdup (g_ptr_array_index (keys, i)));
  g_ptr_array_sort (attributes, _li_strcmp_cb);
  g_ptr_array_add (attributes, NULL);
  g_ptr_array_add (keys, NULL);

  g_clear_pointer (&self->attribute_names, g_strfreev);
  self->attribute_names = (GStrv) g_ptr_array_steal (attributes, NULL);

  _li_rule_editor_update_events_menu (self, TRUE);
  g_clear_object (&self->keys_menu);
  g_clear_object (&self->attributes_menu);
  self->keys_menu = li_editor_string_menu_new ((const char * const *) keys->pdata,
                                               "intent-row.where-key");
  self->attributes_menu = li_editor_string_menu_new ((const char * const *) self->attribute_names,
                                                     "fit-row.attribute");

  {
    g_autoptr(GMenuModel) outcome_menu =
      li_editor_string_menu_new ((const char * const *) event_names->pdata, "editor.outcome");

    li_editor_menu_button_set_menu (self->outcome_button, outcome_menu);
  }

  for (guint i = 0; i < self->fit_rows->len; i++)
    li_fit_row_set_attributes_menu (g_ptr_array_index (self->fit_rows, i), self->attributes_menu);
  for (guint i = 0; i < self->intent_rows->len; i++)
    li_intent_row_set_keys_menu (g_ptr_array_index (self->intent_rows, i), self->keys_menu);

  self->blocking++;
  _li_rule_editor_sync_intent (self, TRUE);
  self->blocking--;
}

/**
 * li_rule_editor_focus_path:
 * @path: a problem's JSON path ("stages[1].name")
 *
 * Shows the row @path is about: expanded, scrolled into view, with the
 * keyboard focus.  Returns FALSE when no row matches.
 */
gboolean
li_rule_editor_focus_path (LiRuleEditor *self,
                           const char   *path)
{
  GtkWidget *row;

  g_return_val_if_fail (LI_IS_RULE_EDITOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((row = _li_rule_editor_row_for_path (self, path)) == NULL)
    return FALSE;
  if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  /* the row's first field, as when the row is added */
  if (LI_IS_STAGE_ROW (row))
    li_stage_row_focus_name (LI_STAGE_ROW (row));
  else if (LI_IS_FIT_ROW (row))
    li_fit_row_focus_attribute (LI_FIT_ROW (row));
  else if (LI_IS_PATTERN_ROW (row))
    li_pattern_row_focus_name (LI_PATTERN_ROW (row));
  else if (LI_IS_INTENT_ROW (row))
    li_intent_row_focus_points (LI_INTENT_ROW (row));
  else if (!gtk_widget_grab_focus (row))
    gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
  li_editor_scroll_into_view (row);
  return TRUE;
}

GtkWidget *
li_rule_editor_get_problems_list (LiRuleEditor *self)
{
  g_return_val_if_fail (LI_IS_RULE_EDITOR (self), NULL);

  return GTK_WIDGET (self->problems_list);
}
