/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "li-pattern-row.h"
#include "li-decay-controls.h"
#include "li-editor-widgets.h"
#include "li-rules-describe.h"
#include "li-rules-edit.h"

struct _LiPatternRow
{
  LiRuleRow       parent_instance;

  GtkSpinButton  *points_spin;
  GtkSwitch      *enabled_switch;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwActionRow   *count_row;
  GtkSpinButton  *count_spin;
  AdwEntryRow    *events_row;
  GtkMenuButton  *events_button;
  AdwActionRow   *within_row;
  GtkSpinButton  *within_spin;
  GtkSpinButton  *cap_spin;
  AdwComboRow    *decay_row;
  AdwActionRow   *decay_days_row;
  GtkSpinButton  *decay_days_spin;
  GtkButton      *remove_button;
};

G_DEFINE_FINAL_TYPE (LiPatternRow, li_pattern_row, LI_TYPE_RULE_ROW)

static void
_li_pattern_row_show_kind (LiPatternRow  *self,
                           LiPatternKind  kind)
{
  const char *count_title = NULL;

  switch (kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
      count_title = _("Views of one product, at least");
      break;
    case LI_PATTERN_CATEGORY_FOCUS:
      count_title = _("Products of one category, at least");
      break;
    case LI_PATTERN_RETURN_DAYS:
      count_title = _("Days with activity, at least");
      break;
    case LI_PATTERN_SEQUENCE:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->count_row), count_title != NULL);
  if (count_title != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row), count_title);
  gtk_widget_set_visible (GTK_WIDGET (self->events_row), kind == LI_PATTERN_SEQUENCE);

  /* (The spin buttons are named after their row: they are its activatable
   * widget, which makes the row's title label them.) */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->within_row),
                                 kind == LI_PATTERN_RETURN_DAYS ? _("Within (days)") : _("Within (hours)"));
  li_editor_spin_button_set_limits (self->within_spin,
                                    kind == LI_PATTERN_RETURN_DAYS ? LI_SPIN_DAYS : LI_SPIN_HOURS);
}

static void
_li_pattern_row_check_events (LiPatternRow *self)
{
  g_auto(GStrv) events = li_rules_split_list (gtk_editable_get_text (GTK_EDITABLE (self->events_row)));

  li_editor_set_error (GTK_WIDGET (self->events_row), events == NULL || g_strv_length (events) < 2);
}

static void
points_changed_cb (LiPatternRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_POINTS);
}

static void
enabled_changed_cb (LiPatternRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_ENABLED);
}

static void
name_changed_cb (LiPatternRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_NAME);
}

static void
kind_changed_cb (LiPatternRow *self)
{
  if (li_rule_row_is_updating (LI_RULE_ROW (self)))
    return;
  _li_pattern_row_show_kind (self, li_pattern_row_get_kind (self));
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_KIND);
}

static void
count_changed_cb (LiPatternRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_COUNT);
}

static void
events_changed_cb (LiPatternRow *self)
{
  _li_pattern_row_check_events (self);
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_EVENTS);
}

static void
within_changed_cb (LiPatternRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_WITHIN);
}

static void
cap_changed_cb (LiPatternRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_CAP);
}

static void
decay_changed_cb (LiPatternRow *self)
{
  if (li_rule_row_is_updating (LI_RULE_ROW (self)))
    return;

  li_rule_row_begin_update (LI_RULE_ROW (self));
  li_decay_controls_follow (self->decay_row, self->decay_days_row, self->decay_days_spin);
  li_rule_row_end_update (LI_RULE_ROW (self));

  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_DECAY);
}

static void
remove_clicked_cb (LiPatternRow *self)
{
  li_rule_row_request_remove (LI_RULE_ROW (self));
}

static void
append_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LiPatternRow *self = LI_PATTERN_ROW (widget);
  g_auto(GStrv) events = li_rules_split_list (gtk_editable_get_text (GTK_EDITABLE (self->events_row)));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;
  g_autofree char *text = NULL;

  if (events != NULL)
    g_strv_builder_addv (builder, (const char **) events);
  g_strv_builder_add (builder, g_variant_get_string (parameter, NULL));
  joined = g_strv_builder_end (builder);
  text = li_rules_join_list ((const char * const *) joined);

  gtk_editable_set_text (GTK_EDITABLE (self->events_row), text);
}

static void
li_pattern_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LI_TYPE_PATTERN_ROW);

  G_OBJECT_CLASS (li_pattern_row_parent_class)->dispose (object);
}

static void
li_pattern_row_class_init (LiPatternRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_pattern_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/editor/li-pattern-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, points_spin);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, count_row);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, count_spin);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, events_row);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, events_button);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, within_row);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, within_spin);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, cap_spin);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, decay_row);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, decay_days_row);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, decay_days_spin);
  gtk_widget_class_bind_template_child (widget_class, LiPatternRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, points_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, enabled_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, count_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, events_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, within_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cap_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, decay_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);

  gtk_widget_class_install_action (widget_class, "pattern-row.append-event", "s",
                                   append_event_action);
}

static void
li_pattern_row_init (LiPatternRow *self)
{
  li_rule_row_begin_update (LI_RULE_ROW (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  li_editor_spin_button_setup (self->points_spin);
  li_editor_spin_button_setup (self->count_spin);
  li_editor_spin_button_setup (self->within_spin);
  li_editor_spin_button_setup (self->cap_spin);
  li_editor_spin_button_setup (self->decay_days_spin);
  li_editor_spin_button_set_limits (self->points_spin, LI_SPIN_POINTS);
  li_editor_spin_button_set_limits (self->count_spin, LI_SPIN_COUNT);
  li_editor_spin_button_set_limits (self->within_spin, LI_SPIN_DAYS);
  li_editor_spin_button_set_limits (self->cap_spin, LI_SPIN_CAP);
  li_editor_spin_button_set_limits (self->decay_days_spin, LI_SPIN_DAYS);
  gtk_widget_set_sensitive (GTK_WIDGET (self->events_button), FALSE);
  li_rule_row_end_update (LI_RULE_ROW (self));
}

GtkWidget *
li_pattern_row_new (void)
{
  return g_object_new (LI_TYPE_PATTERN_ROW, NULL);
}

void
li_pattern_row_update (LiPatternRow    *self,
                       const LiPattern *pattern,
                       gboolean         full)
{
  g_autofree char *summary = NULL;
  g_autofree char *events = NULL;
  const char *name;

  g_return_if_fail (LI_IS_PATTERN_ROW (self));
  g_return_if_fail (pattern != NULL);

  li_rule_row_begin_update (LI_RULE_ROW (self));

  name = pattern->name != NULL && *pattern->name != '\0' ? pattern->name : _("Unnamed pattern");
  if (li_rule_row_set_shown_title (LI_RULE_ROW (self), name))
    {
      /* Translators: accessible names of a pattern row's controls. */
      li_editor_set_accessible_label (GTK_WIDGET (self->points_spin), _("Points for “%s”"), name);
      li_editor_set_accessible_label (GTK_WIDGET (self->enabled_switch), _("Use “%s”"), name);
      li_editor_set_accessible_label (GTK_WIDGET (self->remove_button), _("Remove “%s”"), name);
    }

  summary = li_pattern_summary (pattern);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), summary);

  li_editor_spin_sync (self->points_spin, pattern->points, full);
  if (full && gtk_switch_get_active (self->enabled_switch) != pattern->enabled)
    gtk_switch_set_active (self->enabled_switch, pattern->enabled);
  li_editor_editable_sync (GTK_EDITABLE (self->name_row), pattern->name, full);
  if (full && adw_combo_row_get_selected (self->kind_row) != (guint) pattern->kind)
    adw_combo_row_set_selected (self->kind_row, pattern->kind);

  switch (pattern->kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
      li_editor_spin_sync (self->count_spin, pattern->min_count, full);
      break;
    case LI_PATTERN_CATEGORY_FOCUS:
      li_editor_spin_sync (self->count_spin, pattern->min_distinct, full);
      break;
    case LI_PATTERN_RETURN_DAYS:
      li_editor_spin_sync (self->count_spin, pattern->min_days, full);
      break;
    case LI_PATTERN_SEQUENCE:
    default:
      break;
    }
  events = li_rules_join_list ((const char * const *) pattern->events);
  li_editor_editable_sync (GTK_EDITABLE (self->events_row), events, full);
  li_editor_spin_sync (self->within_spin,
                       pattern->kind == LI_PATTERN_RETURN_DAYS ? pattern->within_days : pattern->within_hours,
                       full);
  li_editor_spin_sync (self->cap_spin, pattern->max_points, full);
  li_decay_controls_sync (self->decay_row, self->decay_days_row, self->decay_days_spin,
                          pattern->has_decay, &pattern->decay, full);

  _li_pattern_row_show_kind (self, pattern->kind);
  if (pattern->kind == LI_PATTERN_SEQUENCE)
    _li_pattern_row_check_events (self);

  li_rule_row_end_update (LI_RULE_ROW (self));
}

void
li_pattern_row_set_events_menu (LiPatternRow *self,
                                GMenuModel   *menu)
{
  g_return_if_fail (LI_IS_PATTERN_ROW (self));

  li_editor_menu_button_set_menu (self->events_button, menu);
}

const char *
li_pattern_row_get_name (LiPatternRow *self)
{
  g_return_val_if_fail (LI_IS_PATTERN_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

LiPatternKind
li_pattern_row_get_kind (LiPatternRow *self)
{
  guint selected;

  g_return_val_if_fail (LI_IS_PATTERN_ROW (self), LI_PATTERN_REPEAT_PRODUCT);

  selected = adw_combo_row_get_selected (self->kind_row);
  if (selected > LI_PATTERN_RETURN_DAYS)
    return LI_PATTERN_REPEAT_PRODUCT;
  return selected;
}

gboolean
li_pattern_row_get_enabled (LiPatternRow *self)
{
  g_return_val_if_fail (LI_IS_PATTERN_ROW (self), FALSE);

  return gtk_switch_get_active (self->enabled_switch);
}

double
li_pattern_row_get_points (LiPatternRow *self)
{
  g_return_val_if_fail (LI_IS_PATTERN_ROW (self), 0);

  return gtk_spin_button_get_value (self->points_spin);
}

double
li_pattern_row_get_cap (LiPatternRow *self)
{
  g_return_val_if_fail (LI_IS_PATTERN_ROW (self), 0);

  return gtk_spin_button_get_value (self->cap_spin);
}

guint
li_pattern_row_get_count (LiPatternRow *self)
{
  g_return_val_if_fail (LI_IS_PATTERN_ROW (self), 0);

  return (guint) gtk_spin_button_get_value_as_int (self->count_spin);
}

double
li_pattern_row_get_within (LiPatternRow *self)
{
  g_return_val_if_fail (LI_IS_PATTERN_ROW (self), 0);

  return gtk_spin_button_get_value (self->within_spin);
}

const char *
li_pattern_row_get_events_text (LiPatternRow *self)
{
  g_return_val_if_fail (LI_IS_PATTERN_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->events_row));
}

gboolean
li_pattern_row_get_decay (LiPatternRow *self,
                          LiDecay      *decay)
{
  g_return_val_if_fail (LI_IS_PATTERN_ROW (self), FALSE);

  return li_decay_controls_read (self->decay_row, self->decay_days_spin, decay);
}

void
li_pattern_row_focus_name (LiPatternRow *self)
{
  g_return_if_fail (LI_IS_PATTERN_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
