/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "li-editor-widgets.h"

#include "li-rules-limits.h"

/* The smallest positive duration the editor offers, in days or hours: the
 * format allows any positive value; this one is below a second. */
#define LI_SPIN_MIN_DURATION 1e-6

static char *
_li_format_spin (double value,
                 guint  digits)
{
  if (value == 0)
    value = 0;

  /* At least @digits decimals; more when the value needs them, so that the
   * text parses back to the same value (GtkSpinButton re-reads its text on
   * focus-out and would otherwise round a value loaded from a file). */
  for (guint d = digits; d < 10; d++)
    {
      g_autofree char *s = g_strdup_printf ("%.*f", d, value);

      if (fabs (g_strtod (s, NULL) - value) < 1e-11)
        return g_steal_pointer (&s);
    }
  return g_strdup_printf ("%.10f", value);
}

static gboolean
_li_spin_output_cb (GtkSpinButton *spin,
                    gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  g_autofree char *text = _li_format_spin (gtk_adjustment_get_value (adjustment),
                                           gtk_spin_button_get_digits (spin));

  int base_chars = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "li-base-width-chars"));
  int chars;

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  /* The field grows with its number, so that a value from a file is never
   * cut ("100000.(" for 150000.0). */
  if (base_chars == 0)
    {
      base_chars = MAX (gtk_editable_get_width_chars (GTK_EDITABLE (spin)), 1);
      g_object_set_data (G_OBJECT (spin), "li-base-width-chars", GINT_TO_POINTER (base_chars));
    }
  chars = MAX (base_chars, (int) g_utf8_strlen (text, -1));
  if (gtk_editable_get_width_chars (GTK_EDITABLE (spin)) != chars)
    gtk_editable_set_width_chars (GTK_EDITABLE (spin), chars);

  return TRUE;
}

/* A spin button takes scroll events even when the pointer merely passes
 * over it while the page scrolls, which would change points by accident.
 * Without the keyboard focus it scrolls the page instead. */
static gboolean
_li_spin_scroll_cb (GtkEventControllerScroll *controller,
                    double                    dx,
                    double                    dy,
                    gpointer                  user_data)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scroller;
  GtkAdjustment *adjustment;
  double step;

  if (gtk_widget_get_state_flags (spin) & GTK_STATE_FLAG_FOCUS_WITHIN)
    return FALSE;

  scroller = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller == NULL)
    return FALSE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE)
    step = 1.0;
  else
    step = pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);

  return TRUE;
}

void
li_editor_spin_button_setup (GtkSpinButton *spin)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  gtk_widget_add_css_class (GTK_WIDGET (spin), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  g_signal_connect (spin, "output", G_CALLBACK (_li_spin_output_cb), NULL);
  _li_spin_output_cb (spin, NULL);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (_li_spin_scroll_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (spin), controller);
}

void
li_editor_spin_button_set_limits (GtkSpinButton *spin,
                                  LiSpinLimits   limits)
{
  double lower, upper, value;

  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  switch (limits)
    {
    case LI_SPIN_CAP:
      lower = 0, upper = LI_RULES_MAX_POINTS;
      break;
    case LI_SPIN_DAYS:
      lower = LI_SPIN_MIN_DURATION, upper = LI_RULES_MAX_DAYS;
      break;
    case LI_SPIN_HOURS:
      lower = LI_SPIN_MIN_DURATION, upper = LI_RULES_MAX_DAYS * 24;
      break;
    case LI_SPIN_COUNT:
      lower = 1, upper = LI_RULES_MAX_COUNT;
      break;
    case LI_SPIN_MINUTES:
      lower = 0, upper = LI_RULES_MAX_MINUTES;
      break;
    case LI_SPIN_POINTS:
    default:
      lower = -LI_RULES_MAX_POINTS, upper = LI_RULES_MAX_POINTS;
      break;
    }

  value = gtk_spin_button_get_value (spin);
  gtk_spin_button_set_range (spin, lower, upper);
  /* (The digits stay: they are the fewest decimals shown; the output
   * handler adds what an exact value needs, "0.02" days, 0.5 hours.) */
  if (value >= lower && value <= upper)
    gtk_spin_button_set_value (spin, value);
}

void
li_editor_spin_sync (GtkSpinButton *spin,
                     double         value,
                     gboolean       full)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));

  if (full && gtk_spin_button_get_value (spin) != value)
    gtk_spin_button_set_value (spin, value);
}

void
li_editor_editable_sync (GtkEditable *editable,
                         const char  *model_text,
                         gboolean     full)
{
  const char *shown;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  if (model_text == NULL)
    model_text = "";

  shown = g_object_get_data (G_OBJECT (editable), "li-model-text");
  if (full &&
      (shown == NULL || strcmp (shown, model_text) != 0) &&
      strcmp (gtk_editable_get_text (editable), model_text) != 0)
    gtk_editable_set_text (editable, model_text);

  if (shown == NULL || strcmp (shown, model_text) != 0)
    g_object_set_data_full (G_OBJECT (editable), "li-model-text",
                            g_strdup (model_text), g_free);
}

void
li_editor_set_accessible_label (GtkWidget  *widget,
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
li_editor_set_error (GtkWidget *widget,
                     gboolean   error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

void
li_editor_menu_button_set_menu (GtkMenuButton *button,
                                GMenuModel    *menu)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (menu == NULL || G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_menu_model (button, menu);
  gtk_widget_set_sensitive (GTK_WIDGET (button),
                            menu != NULL && g_menu_model_get_n_items (menu) > 0);
}

GMenuModel *
li_editor_string_menu_new (const char * const *items,
                           const char         *action)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      /* Menu labels take mnemonics: double the underscores of event names. */
      parts = g_strsplit (items[i], "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, action,
                                               g_variant_new_string (items[i]));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

/* A row just added or expanded grows for a few frames (the expander's
 * animation) and the page's size follows a frame later: the row's top is
 * kept in view until its height has been the same for a few frames. */
typedef struct
{
  guint frames;
  guint stable;
  int   height;
} ScrollState;

#define SCROLL_MAX_FRAMES 60
#define SCROLL_STABLE_FRAMES 4

static gboolean
_li_editor_scroll_tick_cb (GtkWidget     *widget,
                           GdkFrameClock *clock,
                           gpointer       user_data)
{
  ScrollState *state = user_data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, top, bottom;
  int height = gtk_widget_get_height (widget);

  if (scrolled == NULL || ++state->frames > SCROLL_MAX_FRAMES)
    return G_SOURCE_REMOVE;
  state->stable = height == state->height && height > 0 ? state->stable + 1 : 0;
  state->height = height;
  if (state->stable >= SCROLL_STABLE_FRAMES)
    return G_SOURCE_REMOVE;

  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (height == 0 || viewport == NULL || !gtk_widget_compute_bounds (widget, viewport, &bounds))
    return G_SOURCE_CONTINUE;

  /* the viewport's coordinates start at the top of what is in view */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  top = value + bounds.origin.y;
  bottom = top + MIN (bounds.size.height, gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_clamp_page (adjustment, top, bottom);
  return G_SOURCE_CONTINUE;
}

void
li_editor_scroll_into_view (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_add_tick_callback (widget, _li_editor_scroll_tick_cb, g_new0 (ScrollState, 1), g_free);
}
