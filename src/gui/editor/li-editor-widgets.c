/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "li-editor-widgets.h"
#include "li-rule-editor-private.h"

gboolean
_li_row_set_shown_title (AdwPreferencesRow  *row,
                         char              **shown,
                         const char         *title)
{
  g_return_val_if_fail (ADW_IS_PREFERENCES_ROW (row), FALSE);
  g_return_val_if_fail (shown != NULL, FALSE);

  if (g_strcmp0 (*shown, title) == 0)
    return FALSE;

  g_free (*shown);
  *shown = g_strdup (title);
  adw_preferences_row_set_title (row, title);
  return TRUE;
}

void
_li_widget_set_accessible_label (GtkWidget  *widget,
                                 const char *format,
                                 ...)
{
  g_autofree char *label = NULL;
  va_list args;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (format != NULL);

  va_start (args, format);
  label = g_strdup_vprintf (format, args);
  va_end (args);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
_li_widget_set_error (GtkWidget *widget,
                      gboolean   error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

void
_li_menu_button_set_menu (GtkMenuButton *button,
                          GMenuModel    *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (menu == NULL || G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_menu_model (button, menu);
  gtk_widget_set_sensitive (GTK_WIDGET (button),
                            menu != NULL && g_menu_model_get_n_items (menu) > 0);
}

void
_li_decay_controls_follow (AdwComboRow   *combo,
                           AdwActionRow  *days_row,
                           GtkSpinButton *days_spin)
{
  LiDecay decay = { 0 };
  gboolean has;

  has = _li_decay_controls_read (combo, days_spin, &decay);
  _li_decay_controls_sync (combo, days_row, days_spin, has, &decay, FALSE);
}
