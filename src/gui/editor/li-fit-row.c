/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "li-fit-row.h"
#include "li-editor-widgets.h"
#include "li-rules-describe.h"
#include "li-rules-edit.h"

struct _LiFitRow
{
  LiRuleRow       parent_instance;

  GtkSpinButton  *points_spin;
  AdwEntryRow    *attribute_row;
  GtkMenuButton  *attribute_button;
  AdwComboRow    *op_row;
  AdwEntryRow    *text_row;
  AdwActionRow   *number_row;
  GtkSpinButton  *number_spin;
  AdwActionRow   *between_row;
  GtkSpinButton  *low_spin;
  GtkSpinButton  *high_spin;
  GtkButton      *remove_button;
};

G_DEFINE_FINAL_TYPE (LiFitRow, li_fit_row, LI_TYPE_RULE_ROW)

static void
_li_fit_row_show_op (LiFitRow *self,
                     LiFitOp   op)
{
  gboolean list = li_fit_op_is_list (op);

  gtk_widget_set_visible (GTK_WIDGET (self->text_row),
                          list || op == LI_FIT_EQ || op == LI_FIT_NE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row),
                                 list ? _("Values (comma-separated)") : _("Value"));
  gtk_widget_set_visible (GTK_WIDGET (self->number_row), li_fit_op_is_numeric (op));
  gtk_widget_set_visible (GTK_WIDGET (self->between_row), op == LI_FIT_BETWEEN);
}

static void
points_changed_cb (LiFitRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_POINTS);
}

static void
attribute_changed_cb (LiFitRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_ATTRIBUTE);
}

static void
op_changed_cb (LiFitRow *self)
{
  if (li_rule_row_is_updating (LI_RULE_ROW (self)))
    return;
  _li_fit_row_show_op (self, li_fit_row_get_op (self));
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_OP);
}

static void
text_changed_cb (LiFitRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_VALUE);
}

static void
number_changed_cb (LiFitRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_VALUE);
}

static void
low_changed_cb (LiFitRow *self)
{
  if (li_rule_row_is_updating (LI_RULE_ROW (self)))
    return;

  /* Keep lo ≤ hi while the user drags either end. */
  li_rule_row_begin_update (LI_RULE_ROW (self));
  if (gtk_spin_button_get_value (self->high_spin) < gtk_spin_button_get_value (self->low_spin))
    gtk_spin_button_set_value (self->high_spin, gtk_spin_button_get_value (self->low_spin));
  li_rule_row_end_update (LI_RULE_ROW (self));

  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_VALUE);
}

static void
high_changed_cb (LiFitRow *self)
{
  if (li_rule_row_is_updating (LI_RULE_ROW (self)))
    return;

  li_rule_row_begin_update (LI_RULE_ROW (self));
  if (gtk_spin_button_get_value (self->low_spin) > gtk_spin_button_get_value (self->high_spin))
    gtk_spin_button_set_value (self->low_spin, gtk_spin_button_get_value (self->high_spin));
  li_rule_row_end_update (LI_RULE_ROW (self));

  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_VALUE);
}

static void
remove_clicked_cb (LiFitRow *self)
{
  li_rule_row_request_remove (LI_RULE_ROW (self));
}

static void
attribute_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiFitRow *self = LI_FIT_ROW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->attribute_row),
                         g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->op_row));
}

static void
li_fit_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LI_TYPE_FIT_ROW);

  G_OBJECT_CLASS (li_fit_row_parent_class)->dispose (object);
}

static void
li_fit_row_class_init (LiFitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_fit_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/editor/li-fit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, points_spin);
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, attribute_row);
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, attribute_button);
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, op_row);
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, text_row);
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, number_row);
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, number_spin);
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, between_row);
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, low_spin);
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, high_spin);
  gtk_widget_class_bind_template_child (widget_class, LiFitRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, points_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, attribute_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, op_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, low_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, high_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);

  gtk_widget_class_install_action (widget_class, "fit-row.attribute", "s",
                                   attribute_action);
}

static void
li_fit_row_init (LiFitRow *self)
{
  li_rule_row_begin_update (LI_RULE_ROW (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  li_editor_spin_button_setup (self->points_spin);
  li_editor_spin_button_set_limits (self->points_spin, LI_SPIN_POINTS);
  li_editor_spin_button_setup (self->number_spin);
  li_editor_spin_button_setup (self->low_spin);
  li_editor_spin_button_setup (self->high_spin);
  gtk_widget_set_sensitive (GTK_WIDGET (self->attribute_button), FALSE);
  li_rule_row_end_update (LI_RULE_ROW (self));
}

GtkWidget *
li_fit_row_new (void)
{
  return g_object_new (LI_TYPE_FIT_ROW, NULL);
}

void
li_fit_row_update (LiFitRow        *self,
                   const LiFitRule *rule,
                   gboolean         full)
{
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (LI_IS_FIT_ROW (self));
  g_return_if_fail (rule != NULL);

  li_rule_row_begin_update (LI_RULE_ROW (self));

  summary = li_fit_rule_summary (rule);
  if (li_rule_row_set_shown_title (LI_RULE_ROW (self), summary))
    {
      /* Translators: accessible names of a fit row's controls. */
      li_editor_set_accessible_label (GTK_WIDGET (self->points_spin), _("Points when %s"), summary);
      li_editor_set_accessible_label (GTK_WIDGET (self->remove_button), _("Remove the rule “%s”"), summary);
    }

  li_editor_spin_sync (self->points_spin, rule->points, full);
  li_editor_editable_sync (GTK_EDITABLE (self->attribute_row), rule->attribute, full);
  if (full && adw_combo_row_get_selected (self->op_row) != (guint) rule->op)
    adw_combo_row_set_selected (self->op_row, rule->op);

  text = li_fit_rule_dup_text (rule);
  li_editor_editable_sync (GTK_EDITABLE (self->text_row), text, full);
  if (li_fit_op_is_numeric (rule->op))
    li_editor_spin_sync (self->number_spin, rule->number[0], full);
  if (rule->op == LI_FIT_BETWEEN)
    {
      li_editor_spin_sync (self->low_spin, rule->number[0], full);
      li_editor_spin_sync (self->high_spin, rule->number[1], full);
    }

  _li_fit_row_show_op (self, rule->op);

  li_rule_row_end_update (LI_RULE_ROW (self));
}

void
li_fit_row_set_attributes_menu (LiFitRow   *self,
                                GMenuModel *menu)
{
  g_return_if_fail (LI_IS_FIT_ROW (self));

  li_editor_menu_button_set_menu (self->attribute_button, menu);
}

const char *
li_fit_row_get_attribute (LiFitRow *self)
{
  g_return_val_if_fail (LI_IS_FIT_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->attribute_row));
}

LiFitOp
li_fit_row_get_op (LiFitRow *self)
{
  guint selected;

  g_return_val_if_fail (LI_IS_FIT_ROW (self), LI_FIT_EQ);

  selected = adw_combo_row_get_selected (self->op_row);
  if (selected > LI_FIT_MISSING)
    return LI_FIT_EQ;
  return selected;
}

const char *
li_fit_row_get_text (LiFitRow *self)
{
  g_return_val_if_fail (LI_IS_FIT_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->text_row));
}

double
li_fit_row_get_number (LiFitRow *self,
                       guint     i)
{
  g_return_val_if_fail (LI_IS_FIT_ROW (self), 0);

  if (li_fit_row_get_op (self) == LI_FIT_BETWEEN)
    return gtk_spin_button_get_value (i == 0 ? self->low_spin : self->high_spin);
  return gtk_spin_button_get_value (self->number_spin);
}

double
li_fit_row_get_points (LiFitRow *self)
{
  g_return_val_if_fail (LI_IS_FIT_ROW (self), 0);

  return gtk_spin_button_get_value (self->points_spin);
}

void
li_fit_row_focus_attribute (LiFitRow *self)
{
  g_return_if_fail (LI_IS_FIT_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->attribute_row));
}
