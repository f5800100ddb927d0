/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "li-intent-row.h"
#include "li-rule-editor-private.h"

struct _LiIntentRow
{
  AdwExpanderRow  parent_instance;

  GtkSpinButton  *points_spin;
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

  char           *event;
  guint           updating;
};

enum {
  CHANGED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiIntentRow, li_intent_row, ADW_TYPE_EXPANDER_ROW)

static void
_li_intent_row_emit (LiIntentRow *self,
                     LiField      field)
{
  if (self->updating > 0)
    return;
  g_signal_emit (self, signals[CHANGED], 0, (guint) field);
}

static void
points_changed_cb (LiIntentRow *self)
{
  _li_intent_row_emit (self, LI_FIELD_POINTS);
}

static void
cap_changed_cb (LiIntentRow *self)
{
  _li_intent_row_emit (self, LI_FIELD_CAP);
}

static void
decay_changed_cb (LiIntentRow *self)
{
  LiDecay decay = { 0 };
  gboolean has;

  if (self->updating > 0)
    return;

  /* Keep the days row in step with the model at once. */
  self->updating++;
  has = _li_decay_controls_read (self->decay_row, self->decay_days_spin, &decay);
  _li_decay_controls_sync (self->decay_row, self->decay_days_row,
                           self->decay_days_spin, has, &decay, FALSE);
  self->updating--;

  _li_intent_row_emit (self, LI_FIELD_DECAY);
}

static void
where_changed_cb (LiIntentRow *self)
{
  _li_intent_row_emit (self, LI_FIELD_WHERE);
}

static void
remove_clicked_cb (LiIntentRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
where_key_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiIntentRow *self = LI_INTENT_ROW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->where_key_row),
                         g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->where_values_row));
}

static void
li_intent_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LI_TYPE_INTENT_ROW);

  G_OBJECT_CLASS (li_intent_row_parent_class)->dispose (object);
}

static void
li_intent_row_finalize (GObject *object)
{
  LiIntentRow *self = LI_INTENT_ROW (object);

  g_clear_pointer (&self->event, g_free);

  G_OBJECT_CLASS (li_intent_row_parent_class)->finalize (object);
}

static void
li_intent_row_class_init (LiIntentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_intent_row_dispose;
  object_class->finalize = li_intent_row_finalize;

  /**
   * LiIntentRow::changed:
   * @field: the LiField the user edited
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/li-intent-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, points_spin);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, cap_row);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, cap_spin);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, decay_row);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, decay_days_row);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, decay_days_spin);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, where_key_row);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, where_key_button);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, where_values_row);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, where_more_row);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, remove_row);
  gtk_widget_class_bind_template_child (widget_class, LiIntentRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, points_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cap_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, decay_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, where_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);

  gtk_widget_class_install_action (widget_class, "intent-row.where-key", "s",
                                   where_key_action);
}

static void
li_intent_row_init (LiIntentRow *self)
{
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  _li_spin_button_setup (self->points_spin);
  _li_spin_button_setup (self->cap_spin);
  _li_spin_button_setup (self->decay_days_spin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->where_key_button), FALSE);
  self->updating--;
}

GtkWidget *
li_intent_row_new (void)
{
  return g_object_new (LI_TYPE_INTENT_ROW, NULL);
}

static char *
_li_intent_row_subtitle (const LiIntentRule *rule,
                         const char         *data_note,
                         gboolean            is_outcome)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (data_note != NULL)
    g_ptr_array_add (parts, g_strdup (data_note));
  if (is_outcome && rule != NULL)
    g_ptr_array_add (parts, g_strdup (_("the outcome event cannot score intent")));

  if (rule == NULL || rule->points == 0)
    g_ptr_array_add (parts, g_strdup (_("off")));

  if (rule != NULL)
    {
      for (guint i = 0; i < rule->n_where; i++)
        {
          g_autofree char *values = _li_join_list ((const char * const *) rule->where[i].values);
          /* Translators: a `where` filter, "link: cart_recovery, product". */
          g_ptr_array_add (parts, g_strdup_printf (_("%s: %s"), rule->where[i].key, values));
        }
      if (rule->max_points > 0)
        {
          g_autofree char *cap = _li_format_value (rule->max_points, 2);
          g_ptr_array_add (parts, g_strdup_printf (_("cap %s"), cap));
        }
      if (rule->has_decay)
        g_ptr_array_add (parts, _li_decay_describe (&rule->decay));
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
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
  g_autofree char *label = NULL;
  g_autofree char *where_values = NULL;
  static const LiDecay no_decay = { LI_DECAY_NONE, 0 };

  self->updating++;

  if (g_strcmp0 (self->event, event) != 0)
    {
      g_free (self->event);
      self->event = g_strdup (event);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), event);

      /* Translators: accessible names of an intent row's controls. */
      label = g_strdup_printf (_("Points for %s"), event);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->points_spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_free (label);
      label = g_strdup_printf (_("Remove the rule for %s"), event);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  subtitle = _li_intent_row_subtitle (rule, data_note, is_outcome);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  _li_spin_sync (self->points_spin, rule != NULL ? rule->points : 0, full || rule == NULL);
  _li_spin_sync (self->cap_spin, rule != NULL ? rule->max_points : 0, full || rule == NULL);
  _li_decay_controls_sync (self->decay_row, self->decay_days_row, self->decay_days_spin,
                           rule != NULL && rule->has_decay,
                           rule != NULL ? &rule->decay : &no_decay,
                           full || rule == NULL);

  if (rule != NULL && rule->n_where > 0)
    where_values = _li_join_list ((const char * const *) rule->where[0].values);
  _li_editable_sync (GTK_EDITABLE (self->where_key_row),
                     rule != NULL && rule->n_where > 0 ? rule->where[0].key : "",
                     full || rule == NULL);
  _li_editable_sync (GTK_EDITABLE (self->where_values_row), where_values,
                     full || rule == NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->where_more_row),
                          rule != NULL && rule->n_where > 1);
  if (rule != NULL && rule->n_where > 1)
    {
      g_autoptr(GString) more = g_string_new (NULL);

      for (guint i = 1; i < rule->n_where; i++)
        {
          g_autofree char *values = _li_join_list ((const char * const *) rule->where[i].values);

          if (more->len > 0)
            g_string_append (more, "; ");
          g_string_append_printf (more, "%s: %s", rule->where[i].key, values);
        }
      adw_action_row_set_subtitle (self->where_more_row, more->str);
    }

  /* Details only make sense for a rule: give the event points first. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->cap_row), rule != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->decay_row), rule != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->where_key_row), rule != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->where_values_row), rule != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_row), rule != NULL);

  if (is_outcome && rule != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");

  self->updating--;
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

  gtk_menu_button_set_menu_model (self->where_key_button, menu);
  gtk_widget_set_sensitive (GTK_WIDGET (self->where_key_button),
                            menu != NULL && g_menu_model_get_n_items (menu) > 0);
}

const char *
li_intent_row_get_event (LiIntentRow *self)
{
  g_return_val_if_fail (LI_IS_INTENT_ROW (self), NULL);

  return self->event;
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

  return gtk_spin_button_get_value (self->cap_spin);
}

gboolean
li_intent_row_get_decay (LiIntentRow *self,
                         LiDecay     *decay)
{
  g_return_val_if_fail (LI_IS_INTENT_ROW (self), FALSE);

  return _li_decay_controls_read (self->decay_row, self->decay_days_spin, decay);
}

const char *
li_intent_row_get_where_key (LiIntentRow *self)
{
  g_return_val_if_fail (LI_IS_INTENT_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->where_key_row));
}

const char *
li_intent_row_get_where_values (LiIntentRow *self)
{
  g_return_val_if_fail (LI_IS_INTENT_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->where_values_row));
}

void
li_intent_row_focus_points (LiIntentRow *self)
{
  g_return_if_fail (LI_IS_INTENT_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->points_spin));
}
