/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "li-decay-controls.h"
#include "li-editor-widgets.h"

const char *
li_decay_controls_days_title (LiDecayModel model)
{
  switch (model)
    {
    case LI_DECAY_EXPONENTIAL:
      return _("Half-life (days)");
    case LI_DECAY_WINDOW:
      return _("Counts for (days)");
    case LI_DECAY_LINEAR:
      return _("Fades out over (days)");
    case LI_DECAY_NONE:
    default:
      return _("Days");
    }
}

void
li_decay_controls_sync (AdwComboRow   *combo,
                        AdwActionRow  *days_row,
                        GtkSpinButton *days_spin,
                        gboolean       has_decay,
                        const LiDecay *decay,
                        gboolean       full)
{
  guint selected;
  LiDecayModel shown;

  g_return_if_fail (ADW_IS_COMBO_ROW (combo));
  g_return_if_fail (!has_decay || decay != NULL);

  selected = has_decay ? 1 + (guint) decay->model : 0;
  if (full && adw_combo_row_get_selected (combo) != selected)
    adw_combo_row_set_selected (combo, selected);
  if (has_decay && decay->model != LI_DECAY_NONE)
    li_editor_spin_sync (days_spin, decay->days, full);

  /* Past "global" and "none", the models have days. */
  selected = adw_combo_row_get_selected (combo);
  shown = selected >= 2 ? selected - 1 : LI_DECAY_NONE;
  gtk_widget_set_visible (GTK_WIDGET (days_row), selected >= 2);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (days_row),
                                 li_decay_controls_days_title (shown));
}

gboolean
li_decay_controls_read (AdwComboRow   *combo,
                        GtkSpinButton *days_spin,
                        LiDecay       *decay)
{
  guint selected;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (combo), FALSE);
  g_return_val_if_fail (decay != NULL, FALSE);

  selected = adw_combo_row_get_selected (combo);
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return FALSE;

  decay->model = selected - 1;
  decay->days = decay->model == LI_DECAY_NONE ? 0 : gtk_spin_button_get_value (days_spin);
  return TRUE;
}

void
li_decay_controls_follow (AdwComboRow   *combo,
                          AdwActionRow  *days_row,
                          GtkSpinButton *days_spin)
{
  LiDecay decay = { 0 };
  gboolean has;

  has = li_decay_controls_read (combo, days_spin, &decay);
  li_decay_controls_sync (combo, days_row, days_spin, has, &decay, FALSE);
}
