/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-range-button.c: the replayed period, "All Time" by default. */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-range-button.h"

#include <glib/gi18n.h>

#include <string.h>

#include "li-time.h"

struct _LiRangeButton
{
  AdwBin         parent_instance;

  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkEntry      *from_entry;
  GtkEntry      *to_entry;

  gboolean       has_from, has_to;
  gint64         from_ms, to_ms;
  char          *from_text, *to_text;  /* as applied */
};

enum {
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiRangeButton, li_range_button, ADW_TYPE_BIN)

/* "2019-10-01 00:10" of a time (UTC, to the minute, seconds when any). */
static char *
_li_range_format (gint64 time_ms)
{
  g_autofree char *iso = li_time_format (time_ms);  /* 2019-10-01T00:10:00Z */
  gboolean seconds = strlen (iso) >= 19 && !g_str_has_prefix (iso + 16, ":00Z");

  iso[10] = ' ';
  iso[seconds ? 19 : 16] = '\0';
  return g_steal_pointer (&iso);
}

static void
_li_range_button_update_label (LiRangeButton *self)
{
  g_autofree char *label = NULL;

  if (!self->has_from && !self->has_to)
    label = g_strdup (_("All Time"));
  else if (!self->has_to)
    /* Translators: a replayed period without an end */
    label = g_strdup_printf (_("From %s"), self->from_text);
  else if (!self->has_from)
    /* Translators: a replayed period without a start */
    label = g_strdup_printf (_("Until %s"), self->to_text);
  else
    label = g_strdup_printf ("%s – %s", self->from_text, self->to_text);
  gtk_menu_button_set_label (self->button, label);
}

static gboolean
_li_range_button_read (GtkEntry   *entry,
                       const char *text,
                       gboolean    end,
                       gboolean   *has,
                       gint64     *ms)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  *has = stripped[0] != '\0';
  *ms = 0;
  if (*has && !li_time_parse_bound (text, end, ms))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return TRUE;
}

static void
apply_cb (LiRangeButton *self)
{
  if (li_range_button_apply_text (self,
                                  gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->to_entry))))
    gtk_popover_popdown (self->popover);
}

static void
all_time_cb (LiRangeButton *self)
{
  li_range_button_clear (self);
  gtk_popover_popdown (self->popover);
}

static void
popover_show_cb (LiRangeButton *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), self->from_text != NULL ? self->from_text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), self->to_text != NULL ? self->to_text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
}

static void
li_range_button_finalize (GObject *object)
{
  LiRangeButton *self = LI_RANGE_BUTTON (object);

  g_free (self->from_text);
  g_free (self->to_text);

  G_OBJECT_CLASS (li_range_button_parent_class)->finalize (object);
}

static void
li_range_button_dispose (GObject *object)
{
  /* AdwBin owns its child: let it go first (see li-rule-editor.c) */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LI_TYPE_RANGE_BUTTON);

  G_OBJECT_CLASS (li_range_button_parent_class)->dispose (object);
}

static void
li_range_button_class_init (LiRangeButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_range_button_dispose;
  object_class->finalize = li_range_button_finalize;

  /**
   * LiRangeButton::range-changed:
   *
   * A new period was applied (read it with li_range_button_get_range).
   */
  signals[RANGE_CHANGED] =
    g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/replay/li-range-button.ui");
  gtk_widget_class_bind_template_child (widget_class, LiRangeButton, button);
  gtk_widget_class_bind_template_child (widget_class, LiRangeButton, popover);
  gtk_widget_class_bind_template_child (widget_class, LiRangeButton, from_entry);
  gtk_widget_class_bind_template_child (widget_class, LiRangeButton, to_entry);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_time_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
}

static void
li_range_button_init (LiRangeButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
li_range_button_new (void)
{
  return g_object_new (LI_TYPE_RANGE_BUTTON, NULL);
}

gboolean
li_range_button_get_range (LiRangeButton *self,
                           gboolean      *has_from,
                           gint64        *from_ms,
                           gboolean      *has_to,
                           gint64        *to_ms)
{
  g_return_val_if_fail (LI_IS_RANGE_BUTTON (self), FALSE);

  if (has_from != NULL)
    *has_from = self->has_from;
  if (from_ms != NULL)
    *from_ms = self->from_ms;
  if (has_to != NULL)
    *has_to = self->has_to;
  if (to_ms != NULL)
    *to_ms = self->to_ms;
  return self->has_from || self->has_to;
}

gboolean
li_range_button_apply_text (LiRangeButton *self,
                            const char    *from,
                            const char    *to)
{
  gboolean has_from, has_to;
  gint64 from_ms, to_ms;
  gboolean from_ok, to_ok;

  g_return_val_if_fail (LI_IS_RANGE_BUTTON (self), FALSE);

  from_ok = _li_range_button_read (self->from_entry, from, FALSE, &has_from, &from_ms);
  to_ok = _li_range_button_read (self->to_entry, to, TRUE, &has_to, &to_ms);
  if (!from_ok || !to_ok)
    return FALSE;
  if (has_from && has_to && to_ms < from_ms)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      return FALSE;
    }

  if (self->has_from == has_from && self->from_ms == from_ms &&
      self->has_to == has_to && self->to_ms == to_ms)
    return TRUE;

  self->has_from = has_from;
  self->from_ms = from_ms;
  self->has_to = has_to;
  self->to_ms = to_ms;
  g_free (self->from_text);
  g_free (self->to_text);
  self->from_text = has_from ? g_strstrip (g_strdup (from)) : NULL;
  self->to_text = has_to ? g_strstrip (g_strdup (to)) : NULL;
  _li_range_button_update_label (self);
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
  return TRUE;
}

void
li_range_button_clear (LiRangeButton *self)
{
  g_return_if_fail (LI_IS_RANGE_BUTTON (self));

  li_range_button_apply_text (self, NULL, NULL);
}

void
li_range_button_set_data_span (LiRangeButton *self,
                               gint64         first_ms,
                               gint64         last_ms)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_if_fail (LI_IS_RANGE_BUTTON (self));

  first = _li_range_format (first_ms);
  last = _li_range_format (last_ms);
  gtk_entry_set_placeholder_text (self->from_entry, first);
  gtk_entry_set_placeholder_text (self->to_entry, last);
}

const char *
li_range_button_get_label (LiRangeButton *self)
{
  g_return_val_if_fail (LI_IS_RANGE_BUTTON (self), NULL);

  return gtk_menu_button_get_label (self->button);
}
