/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "li-stage-row.h"
#include "li-editor-widgets.h"
#include "li-rules-describe.h"

struct _LiStageRow
{
  LiRuleRow       parent_instance;

  GtkButton      *up_button;
  GtkButton      *down_button;
  AdwEntryRow    *name_row;
  AdwActionRow   *min_score_row;
  GtkCheckButton *min_score_check;
  GtkSpinButton  *min_score_spin;
  AdwActionRow   *min_intent_row;
  GtkCheckButton *min_intent_check;
  GtkSpinButton  *min_intent_spin;
  AdwActionRow   *min_fit_row;
  GtkCheckButton *min_fit_check;
  GtkSpinButton  *min_fit_spin;
  AdwEntryRow    *channel_row;
  GtkCheckButton *follow_up_check;
  GtkSpinButton  *follow_up_spin;
  AdwActionRow   *remove_row;
  GtkButton      *remove_button;

  gboolean        catch_all;
};

enum {
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiStageRow, li_stage_row, LI_TYPE_RULE_ROW)

static void
_li_stage_row_sync_condition (LiStageRow     *self,
                              GtkCheckButton *check,
                              GtkSpinButton  *spin,
                              gboolean        is_condition)
{
  gboolean active = gtk_check_button_get_active (check);

  /* The catch-all has no conditions: a condition it has anyway (a file
   * being fixed) can be switched off, not on. */
  gtk_widget_set_sensitive (GTK_WIDGET (check), !(is_condition && self->catch_all) || active);
  gtk_widget_set_sensitive (GTK_WIDGET (spin), active && !(is_condition && self->catch_all));
}

static void
_li_stage_row_sync_conditions (LiStageRow *self)
{
  _li_stage_row_sync_condition (self, self->min_score_check, self->min_score_spin, TRUE);
  _li_stage_row_sync_condition (self, self->min_intent_check, self->min_intent_spin, TRUE);
  _li_stage_row_sync_condition (self, self->min_fit_check, self->min_fit_spin, TRUE);
  _li_stage_row_sync_condition (self, self->follow_up_check, self->follow_up_spin, FALSE);
}

static void
up_clicked_cb (LiStageRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, -1);
}

static void
down_clicked_cb (LiStageRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, 1);
}

static void
remove_clicked_cb (LiStageRow *self)
{
  li_rule_row_request_remove (LI_RULE_ROW (self));
}

static void
name_changed_cb (LiStageRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_NAME);
}

static void
channel_changed_cb (LiStageRow *self)
{
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_CHANNEL);
}

static void
min_score_changed_cb (LiStageRow *self)
{
  _li_stage_row_sync_conditions (self);
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_MIN_SCORE);
}

static void
min_intent_changed_cb (LiStageRow *self)
{
  _li_stage_row_sync_conditions (self);
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_MIN_INTENT);
}

static void
min_fit_changed_cb (LiStageRow *self)
{
  _li_stage_row_sync_conditions (self);
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_MIN_FIT);
}

static void
follow_up_changed_cb (LiStageRow *self)
{
  _li_stage_row_sync_conditions (self);
  li_rule_row_emit_changed (LI_RULE_ROW (self), LI_FIELD_FOLLOW_UP);
}

static void
li_stage_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LI_TYPE_STAGE_ROW);

  G_OBJECT_CLASS (li_stage_row_parent_class)->dispose (object);
}

static void
li_stage_row_class_init (LiStageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_stage_row_dispose;

  /**
   * LiStageRow::move-requested:
   * @delta: -1 to move up (hotter), +1 to move down
   */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/editor/li-stage-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, min_score_row);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, min_score_check);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, min_score_spin);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, min_intent_row);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, min_intent_check);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, min_intent_spin);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, min_fit_row);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, min_fit_check);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, min_fit_spin);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, channel_row);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, follow_up_check);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, follow_up_spin);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, remove_row);
  gtk_widget_class_bind_template_child (widget_class, LiStageRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, channel_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, min_score_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, min_intent_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, min_fit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, follow_up_changed_cb);
}

static void
li_stage_row_init (LiStageRow *self)
{
  li_rule_row_begin_update (LI_RULE_ROW (self));
  gtk_widget_init_template (GTK_WIDGET (self));
  li_editor_spin_button_setup (self->min_score_spin);
  li_editor_spin_button_setup (self->min_intent_spin);
  li_editor_spin_button_setup (self->min_fit_spin);
  li_editor_spin_button_setup (self->follow_up_spin);
  li_editor_spin_button_set_limits (self->min_score_spin, LI_SPIN_POINTS);
  li_editor_spin_button_set_limits (self->min_intent_spin, LI_SPIN_POINTS);
  li_editor_spin_button_set_limits (self->min_fit_spin, LI_SPIN_POINTS);
  li_editor_spin_button_set_limits (self->follow_up_spin, LI_SPIN_MINUTES);
  _li_stage_row_sync_conditions (self);
  li_rule_row_end_update (LI_RULE_ROW (self));
}

GtkWidget *
li_stage_row_new (void)
{
  return g_object_new (LI_TYPE_STAGE_ROW, NULL);
}

/* An optional value: the check button says whether the stage has it. */
static void
_li_stage_row_set_condition (GtkCheckButton *check,
                             GtkSpinButton  *spin,
                             gboolean        active,
                             double          value,
                             gboolean        full)
{
  if (full && gtk_check_button_get_active (check) != active)
    gtk_check_button_set_active (check, active);
  if (active)
    li_editor_spin_sync (spin, value, full);
}

void
li_stage_row_update (LiStageRow    *self,
                     const LiStage *stage,
                     gboolean       catch_all,
                     gboolean       can_move_up,
                     gboolean       can_move_down,
                     gboolean       name_is_bad,
                     gboolean       full)
{
  g_autofree char *summary = NULL;
  const char *name;

  g_return_if_fail (LI_IS_STAGE_ROW (self));
  g_return_if_fail (stage != NULL);

  li_rule_row_begin_update (LI_RULE_ROW (self));

  self->catch_all = catch_all;

  name = stage->name != NULL && *stage->name != '\0' ? stage->name : _("Unnamed stage");
  if (li_rule_row_set_shown_title (LI_RULE_ROW (self), name))
    {
      /* Translators: accessible names of a stage row's buttons. */
      li_editor_set_accessible_label (GTK_WIDGET (self->up_button), _("Move “%s” up"), name);
      li_editor_set_accessible_label (GTK_WIDGET (self->down_button), _("Move “%s” down"), name);
      li_editor_set_accessible_label (GTK_WIDGET (self->remove_button), _("Remove “%s”"), name);
    }

  summary = li_stage_summary (stage, catch_all);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), summary);

  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), can_move_up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), can_move_down);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_row), !catch_all);

  li_editor_set_error (GTK_WIDGET (self->name_row), name_is_bad);

  li_editor_editable_sync (GTK_EDITABLE (self->name_row), stage->name, full);
  _li_stage_row_set_condition (self->min_score_check, self->min_score_spin,
                               stage->has_min_score, stage->min_score, full);
  _li_stage_row_set_condition (self->min_intent_check, self->min_intent_spin,
                               stage->has_min_intent, stage->min_intent, full);
  _li_stage_row_set_condition (self->min_fit_check, self->min_fit_spin,
                               stage->has_min_fit, stage->min_fit, full);
  li_editor_editable_sync (GTK_EDITABLE (self->channel_row), stage->channel, full);
  _li_stage_row_set_condition (self->follow_up_check, self->follow_up_spin,
                               stage->has_follow_up, stage->follow_up_minutes, full);

  _li_stage_row_sync_conditions (self);

  li_rule_row_end_update (LI_RULE_ROW (self));
}

const char *
li_stage_row_get_name (LiStageRow *self)
{
  g_return_val_if_fail (LI_IS_STAGE_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

const char *
li_stage_row_get_channel (LiStageRow *self)
{
  g_return_val_if_fail (LI_IS_STAGE_ROW (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->channel_row));
}

gboolean
li_stage_row_get_value (LiStageRow *self,
                        guint       field,
                        double     *value)
{
  GtkCheckButton *check;
  GtkSpinButton *spin;

  g_return_val_if_fail (LI_IS_STAGE_ROW (self), FALSE);

  switch (field)
    {
    case LI_FIELD_MIN_SCORE:
      check = self->min_score_check;
      spin = self->min_score_spin;
      break;
    case LI_FIELD_MIN_INTENT:
      check = self->min_intent_check;
      spin = self->min_intent_spin;
      break;
    case LI_FIELD_MIN_FIT:
      check = self->min_fit_check;
      spin = self->min_fit_spin;
      break;
    case LI_FIELD_FOLLOW_UP:
      check = self->follow_up_check;
      spin = self->follow_up_spin;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (value != NULL)
    *value = gtk_spin_button_get_value (spin);
  return gtk_check_button_get_active (check);
}

void
li_stage_row_focus_move (LiStageRow *self,
                         int         delta)
{
  GtkWidget *first;
  GtkWidget *other;

  g_return_if_fail (LI_IS_STAGE_ROW (self));

  first = GTK_WIDGET (delta < 0 ? self->up_button : self->down_button);
  other = GTK_WIDGET (delta < 0 ? self->down_button : self->up_button);

  if (gtk_widget_get_sensitive (first))
    gtk_widget_grab_focus (first);
  else if (gtk_widget_get_sensitive (other))
    gtk_widget_grab_focus (other);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
li_stage_row_focus_name (LiStageRow *self)
{
  g_return_if_fail (LI_IS_STAGE_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
