/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keyboard focus helpers shared by the views. */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-focus.h"

/* Tab and Shift+Tab inside @list leave it: the list is one Tab stop. */
static gboolean
_li_focus_tab_key_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      gpointer               user_data)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (list);
  GtkDirectionType direction;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;

  if (root == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  /* With the list out of the focus chain, the window moves the focus to
   * the widget after (or before) it; at the end of the chain it wraps. */
  gtk_widget_set_can_focus (list, FALSE);
  if (!gtk_widget_child_focus (GTK_WIDGET (root), direction))
    {
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }
  gtk_widget_set_can_focus (list, TRUE);

  return TRUE;
}

/**
 * li_focus_tab_once:
 * @list: a list (a #GtkListView, #GtkColumnView or #GtkListBox)
 *
 * Makes @list one Tab stop, as a long list should be: Tab enters it (at the
 * row focused last), the arrow keys move inside it, Tab and Shift+Tab leave
 * it.  GTK 4.8's lists stop Tab at every row.
 */
void
li_focus_tab_once (GtkWidget *list)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WIDGET (list));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (_li_focus_tab_key_cb), NULL);
  gtk_widget_add_controller (list, keys);
}
