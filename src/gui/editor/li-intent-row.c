/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "li-intent-row.h"
#include "li-decay-controls.h"
#include "li-editor-widgets.h"
#include "li-rules-describe.h"
#include "li-rules-edit.h"

/* The data may hold hundreds of event names, and a row with all its details
 * costs several milliseconds to build and to lay out.  So the template only
 * has the header (title, subtitle, points); the details are made when the
 * row is first expanded, from the model values the row keeps. */

struct _LiIntentRow
{
  LiRuleRow       parent_instance;

  /* Template */
  GtkSpinButton  *points_spin;

  /* Details, NULL until the row is first expanded */
  AdwActionRow   *cap_row;
  GtkSpinButton  *cap_spin;
  AdwComboRow    *decay_row;
  AdwActionRow   *decay_days_row;
  GtkSpinButton  *decay_days_spin;
  AdwEntryRow    *where_key_row;
  GtkMenuButton  *where_key_button;
  AdwEntryRow    *where_values_row;
  AdwActionRow   *where_more_row;
  AdwActionRow   *remove_row;
  GtkButton      *remove_button;

  /* What the row shows (the event is its title) */
  gboolean        has_rule;
  double          cap;
  gboolean        has_decay;
  LiDecay         decay;
  char           *where_key;
  char           *where_values;
  char           *where_more;   /* the other clauses, or NULL */
  GMenuModel     *keys_menu;
};

G_DEFINE_FINAL_TYPE (LiIntentRow, li_intent_row, LI_TYPE_RULE_ROW)

static void
points_changed_cb (LiIntentRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_POINTS);
}

static void
cap_changed_cb (LiIntentRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_CAP);
}

static void
decay_changed_cb (LiIntentRow *self)
{
  if (li_rule_row_is_updating (LI_RULE_ROW (self)))
    return;

  /* Keep the days row in step with the model at once. */
  li_rule_row_begin_update (LI_RULE_ROW (self));
  li_decay_controls_follow (self->decay_row, self->decay_days_row, self->decay_days_spin);
  li_rule_row_end_update (LI_RULE_ROW (self));

  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_DECAY);
}

static void
where_changed_cb (LiIntentRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_WHERE);
}

static void
remove_clicked_cb (LiIntentRow *self)
{
  li_rule_row_request_remove (LI_RULE_ROW (self));
}

static void
where_key_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiIntentRow *self = LI_INTENT_ROW (widget);

  if (self->where_key_row == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->where_key_row),
                         g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->where_values_row));
}

/* Details ---------------------------------------------------------------- */

static GtkSpinButton *
_li_intent_row_new_spin (double lower,
                         double upper,
                         double page)
{
  GtkSpinButton *spin;

  spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (lower, upper, 1));
  gtk_spin_button_set_digits (spin, 1);
  gtk_spin_button_set_increments (spin, 1, page);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  li_editor_spin_button_setup (spin);
  return spin;
}

static AdwActionRow *
_li_intent_row_new_spin_row (const char    *title,
                             const char    *subtitle,
                             GtkSpinButton *spin)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_add_suffix (row, GTK_WIDGET (spin));
  /* The activatable widget is labelled by the row's title. */
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (spin));
  return row;
}

static void
_li_intent_row_update_names (LiIntentRow *self)
{
  const char *event = li_rule_row_get_shown_title (LI_RULE_ROW (self));

  if (self->remove_button == NULL || event == NULL)
    return;

  li_editor_set_accessible_label (GTK_WIDGET (self->remove_button),
                                  _("Remove the rule for %s"), event);
}

static void
_li_intent_row_sync_details (LiIntentRow *self,
                             gboolean     full)
{
  if (self->cap_row == NULL)
    return;

  li_rule_row_begin_update (LI_RULE_ROW (self));

  /* Without a rule the details show the defaults, always. */
  full = full || !self->has_rule;

  li_editor_spin_sync (self->cap_spin, self->cap, full);
  li_decay_controls_sync (self->decay_row, self->decay_days_row, self->decay_days_spin,
                          self->has_decay, &self->decay, full);
  li_editor_editable_sync (GTK_EDITABLE (self->where_key_row), self->where_key, full);
  li_editor_editable_sync (GTK_EDITABLE (self->where_values_row), self->where_values, full);

  gtk_widget_set_visible (GTK_WIDGET (self->where_more_row), self->where_more != NULL);
  if (self->where_more != NULL)
    adw_action_row_set_subtitle (self->where_more_row, self->where_more);

  /* Details only make sense for a rule: give the event points first. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->cap_row), self->has_rule);
  gtk_widget_set_sensitive (GTK_WIDGET (self->decay_row), self->has_rule);
  gtk_widget_set_sensitive (GTK_WIDGET (self->decay_days_row), self->has_rule);
  gtk_widget_set_sensitive (GTK_WIDGET (self->where_key_row), self->has_rule);
  gtk_widget_set_sensitive (GTK_WIDGET (self->where_values_row), self->has_rule);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_row), self->has_rule);

  li_rule_row_end_update (LI_RULE_ROW (self));
}

static void
_li_intent_row_build_details (LiIntentRow *self)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);
  g_autoptr(GtkStringList) models = NULL;

  if (self->cap_row != NULL)
    return;

  li_rule_row_begin_update (LI_RULE_ROW (self));

  self->cap_spin = _li_intent_row_new_spin (0, 100000, 10);
  li_editor_spin_button_set_limits (self->cap_spin, LI_SPIN_CAP);
  self->cap_row = _li_intent_row_new_spin_row (_("Cap"),
                                               _("Most points the rule adds in total; 0 means no cap"),
                                               self->cap_spin);
  g_signal_connect_swapped (self->cap_spin, "value-changed", G_CALLBACK (cap_changed_cb), self);

  models = gtk_string_list_new ((const char * const[]) {
                                  _("Global decay"), _("No decay"), _("Exponential"),
                                  _("Window"), _("Linear"), NULL,
                                });
  self->decay_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->decay_row), _("Decay"));
  adw_combo_row_set_model (self->decay_row, G_LIST_MODEL (models));
  g_signal_connect_swapped (self->decay_row, "notify::selected", G_CALLBACK (decay_changed_cb), self);

  self->decay_days_spin = _li_intent_row_new_spin (0.1, 3650, 7);
  li_editor_spin_button_set_limits (self->decay_days_spin, LI_SPIN_DAYS);
  gtk_spin_button_set_value (self->decay_days_spin, 7);
  self->decay_days_row = _li_intent_row_new_spin_row (_("Days"), NULL, self->decay_days_spin);
  g_signal_connect_swapped (self->decay_days_spin, "value-changed", G_CALLBACK (decay_changed_cb), self);

  self->where_key_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->where_key_row),
                                 _("Only events with property"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->where_key_row), FALSE);
  g_signal_connect_swapped (self->where_key_row, "changed", G_CALLBACK (where_changed_cb), self);

  self->where_key_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->where_key_button), GTK_ALIGN_CENTER);
  gtk_menu_button_set_icon_name (self->where_key_button, "pan-down-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->where_key_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->where_key_button), _("Property keys in the data"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->where_key_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a property key"), -1);
  li_editor_menu_button_set_menu (self->where_key_button, self->keys_menu);
  adw_entry_row_add_suffix (self->where_key_row, GTK_WIDGET (self->where_key_button));

  self->where_values_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->where_values_row),
                                 _("With one of the values (comma-separated)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->where_values_row), FALSE);
  g_signal_connect_swapped (self->where_values_row, "changed", G_CALLBACK (where_changed_cb), self);

  self->where_more_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->where_more_row),
                                 _("More conditions (kept from the file)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->where_more_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->where_more_row), FALSE);

  self->remove_button = GTK_BUTTON (gtk_button_new_from_icon_name ("user-trash-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (self->remove_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remove_button), _("Remove Rule"));
  gtk_widget_add_css_class (GTK_WIDGET (self->remove_button), "destructive-action");
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  self->remove_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->remove_row), _("Remove this rule"));
  adw_action_row_add_suffix (self->remove_row, GTK_WIDGET (self->remove_button));
  adw_action_row_set_activatable_widget (self->remove_row, GTK_WIDGET (self->remove_button));

  adw_expander_row_add_row (expander, GTK_WIDGET (self->cap_row));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->decay_row));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->decay_days_row));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->where_key_row));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->where_values_row));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->where_more_row));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->remove_row));

  _li_intent_row_update_names (self);
  _li_intent_row_sync_details (self, TRUE);

  li_rule_row_end_update (LI_RULE_ROW (self));
}

static void
expanded_changed_cb (LiIntentRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    _li_intent_row_build_details (self);
}

/* GObject ---------------------------------------------------------------- */

static void
li_intent_row_dispose (GObject *object)
{
  LiIntentRow *self = LI_INTENT_ROW (object);

  g_clear_object (&self->keys_menu);
  gtk_widget_dispose_template (GTK_WIDGET (object), LI_TYPE_INTENT_ROW);

  G_OBJECT_CLASS (li_intent_row_parent_class)->dispose (object);
}

static void
li_intent_row_finalize (GObject *object)
{
  LiIntentRow *self = LI_INTENT_ROW (object);

  g_clear_pointer (&self->where_key, g_free);
  g_clear_pointer (&self->where_values, g_free);
  g_clear_pointer (&self->where_more, g_free);

  G_OBJECT_CLASS (li_intent_row_parent_class)->finalize (object);
}

static void
li_intent_row_class_init (LiIntentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_intent_row_dispose;
  object_class->finalize = li_intent_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/editor/li-intent-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, points_spin);
  gtk_widget_class_bind_template_callback (widget_class, points_changed_cb);

  gtk_widget_class_install_action (widget_class, "intent-row.where-key", "s",
                                   where_key_action);
}

static void
li_intent_row_init (LiIntentRow *self)
{
  li_rule_row_begin_update (LI_RULE_ROW (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  li_editor_spin_button_setup (self->points_spin);
  li_editor_spin_button_set_limits (self->points_spin, LI_SPIN_POINTS);
  li_rule_row_end_update (LI_RULE_ROW (self));

  /* No rows yet, but there will be: show the expander arrow. */
  gtk_widget_remove_css_class (GTK_WIDGET (self), "empty");
  g_signal_connect (self, "notify::expanded", G_CALLBACK (expanded_changed_cb), NULL);
}

/* Public API ------------------------------------------------------------- */

GtkWidget *
li_intent_row_new (void)
{
  return g_object_new (LI_TYPE_INTENT_ROW, NULL);
}

/* The data note first, then what the rule says. */
static char *
_li_intent_row_subtitle (const LiIntentRule *rule,
                         const char         *data_note,
                         gboolean            is_outcome)
{
  g_autofree char *summary = li_intent_rule_summary (rule, is_outcome);

  if (data_note == NULL)
    return g_steal_pointer (&summary);
  if (*summary == '\0')
    return g_strdup (data_note);
  return g_strconcat (data_note, " · ", summary, NULL);
}

static void
_li_intent_row_sync (LiIntentRow        *self,
                     const char         *event,
                     const LiIntentRule *rule,
                     const char         *data_note,
                     gboolean            is_outcome,
                     gboolean            full)
{
  g_autofree char *subtitle = NULL;

  li_rule_row_begin_update (LI_RULE_ROW (self));

  if (li_rule_row_set_shown_title (LI_RULE_ROW (self), event))
    {
      /* Translators: accessible name of an intent row's points. */
      li_editor_set_accessible_label (GTK_WIDGET (self->points_spin), _("Points for %s"), event);
      _li_intent_row_update_names (self);
    }

  subtitle = _li_intent_row_subtitle (rule, data_note, is_outcome);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  li_editor_spin_sync (self->points_spin, rule != NULL ? rule->points : 0, full || rule == NULL);

  /* Remember what the details show, for when they are made. */
  self->has_rule = rule != NULL;
  self->cap = rule != NULL ? rule->max_points : 0;
  self->has_decay = rule != NULL && rule->has_decay;
  self->decay = rule != NULL ? rule->decay : (LiDecay) { LI_DECAY_NONE, 0 };
  g_clear_pointer (&self->where_key, g_free);
  g_clear_pointer (&self->where_values, g_free);
  g_clear_pointer (&self->where_more, g_free);
  if (rule != NULL && rule->n_where > 0)
    {
      self->where_key = g_strdup (rule->where[0].key);
      self->where_values = li_rules_join_list ((const char * const *) rule->where[0].values);
    }
  if (rule != NULL && rule->n_where > 1)
    {
      GString *more = g_string_new (NULL);

      for (guint i = 1; i < rule->n_where; i++)
        {
          g_autofree char *values = li_rules_join_list ((const char * const *) rule->where[i].values);

          if (more->len > 0)
            g_string_append (more, "; ");
          g_string_append_printf (more, "%s: %s", rule->where[i].key, values);
        }
      self->where_more = g_string_free (more, FALSE);
    }

  _li_intent_row_sync_details (self, full);

  li_editor_set_error (GTK_WIDGET (self), is_outcome && rule != NULL);

  li_rule_row_end_update (LI_RULE_ROW (self));
}

void
li_intent_row_update (LiIntentRow        *self,
                      const char         *event,
                      const LiIntentRule *rule,
                      const char         *data_note,
                      gboolean            is_outcome)
{
  g_return_if_fail (LI_IS_INTENT_ROW (self));

  _li_intent_row_sync (self, event, rule, data_note, is_outcome, TRUE);
}

void
li_intent_row_refresh (LiIntentRow        *self,
                       const char         *event,
                       const LiIntentRule *rule,
                       const char         *data_note,
                       gboolean            is_outcome)
{
  g_return_if_fail (LI_IS_INTENT_ROW (self));

  _li_intent_row_sync (self, event, rule, data_note, is_outcome, FALSE);
}

void
li_intent_row_set_keys_menu (LiIntentRow *self,
                             GMenuModel  *menu)
{
  g_return_if_fail (LI_IS_INTENT_ROW (self));

  g_set_object (&self->keys_menu, menu);
  if (self->where_key_button != NULL)
    li_editor_menu_button_set_menu (self->where_key_button, menu);
}

const char *
li_intent_row_get_event (LiIntentRow *self)
{
  g_return_val_if_fail (LI_IS_INTENT_ROW (self), NULL);

  return li_rule_row_get_shown_title (LI_RULE_ROW (self));
}

double
li_intent_row_get_points (LiIntentRow *self)
{
  g_return_val_if_fail (LI_IS_INTENT_ROW (self), 0);

  return gtk_spin_button_get_value (self->points_spin);
}

double
li_intent_row_get_cap (LiIntentRow *self)
{
  g_return_val_if_fail (LI_IS_INTENT_ROW (self), 0);

  if (self->cap_spin == NULL)
    return self->cap;
  return gtk_spin_button_get_value (self->cap_spin);
}

gboolean
li_intent_row_get_decay (LiIntentRow *self,
                         LiDecay     *decay)
{
  g_return_val_if_fail (LI_IS_INTENT_ROW (self), FALSE);

  if (self->decay_row == NULL)
    {
      *decay = self->decay;
      return self->has_decay;
    }
  return li_decay_controls_read (self->decay_row, self->decay_days_spin, decay);
}

const char *
li_intent_row_get_where_key (LiIntentRow *self)
{
  g_return_val_if_fail (LI_IS_INTENT_ROW (self), NULL);

  if (self->where_key_row == NULL)
    return self->where_key != NULL ? self->where_key : "";
  return gtk_editable_get_text (GTK_EDITABLE (self->where_key_row));
}

const char *
li_intent_row_get_where_values (LiIntentRow *self)
{
  g_return_val_if_fail (LI_IS_INTENT_ROW (self), NULL);

  if (self->where_values_row == NULL)
    return self->where_values != NULL ? self->where_values : "";
  return gtk_editable_get_text (GTK_EDITABLE (self->where_values_row));
}

void
li_intent_row_focus_points (LiIntentRow *self)
{
  g_return_if_fail (LI_IS_INTENT_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->points_spin));
}
