/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "li-url-dialog.h"

struct _LiUrlDialog
{
  AdwWindow       parent_instance;

  GtkEntry       *url_entry;
  GtkCheckButton *leads_check;
  GtkLabel       *message_label;
  GtkProgressBar *progress_bar;
  GtkButton      *import_button;

  LiProject      *project;
  gboolean        importing;
};

G_DEFINE_FINAL_TYPE (LiUrlDialog, li_url_dialog, ADW_TYPE_WINDOW)

enum { IMPORT, N_SIGNALS };
static guint signals[N_SIGNALS];

char *
li_url_dialog_check (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL || *text == '\0')
    return g_strdup (_("Enter the address of an event export"));
  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return g_strdup (_("Not a valid address"));
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return g_strdup (_("Only http:// and https:// addresses can be imported"));
  return NULL;
}

static void
_li_url_dialog_update (LiUrlDialog *self)
{
  g_autofree char *problem = li_url_dialog_check (gtk_editable_get_text (GTK_EDITABLE (self->url_entry)));

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), problem == NULL && !self->importing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_entry), !self->importing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->leads_check), !self->importing);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), self->importing);
}

static void
_li_url_dialog_changed_cb (LiUrlDialog *self)
{
  gtk_label_set_text (self->message_label, "");
  _li_url_dialog_update (self);
}

static void
_li_url_dialog_progress_cb (LiProject   *project,
                            guint64      done,
                            guint64      total,
                            LiUrlDialog *self)
{
  if (!self->importing)
    return;
  if (total > 0)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, MIN (1.0, (double) done / (double) total));
      gtk_progress_bar_set_text (self->progress_bar, NULL);
    }
  else
    {
      g_autofree char *text = g_format_size (done);

      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
}

static void
_li_url_dialog_finished_cb (LiProject    *project,
                            LiDataset    *loaded,
                            const GError *error,
                            LiUrlDialog  *self)
{
  if (!self->importing)
    return;
  self->importing = FALSE;
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  gtk_label_set_text (self->message_label, error->message);
  _li_url_dialog_update (self);
}

static void
_li_url_dialog_import_cb (LiUrlDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_entry));
  g_autofree char *problem = li_url_dialog_check (url);

  if (problem != NULL || self->importing)
    {
      gtk_label_set_text (self->message_label, problem != NULL ? problem : "");
      return;
    }
  self->importing = TRUE;
  gtk_label_set_text (self->message_label, "");
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  _li_url_dialog_update (self);
  g_signal_emit (self, signals[IMPORT], 0, url, gtk_check_button_get_active (self->leads_check));
}

static void
_li_url_dialog_cancel (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  LiUrlDialog *self = LI_URL_DIALOG (widget);

  if (self->importing)
    li_project_cancel_import (self->project);
  self->importing = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
li_url_dialog_dispose (GObject *object)
{
  LiUrlDialog *self = LI_URL_DIALOG (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_URL_DIALOG);

  G_OBJECT_CLASS (li_url_dialog_parent_class)->dispose (object);
}

static void
li_url_dialog_class_init (LiUrlDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_url_dialog_dispose;

  signals[IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/import/li-url-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiUrlDialog, url_entry);
  gtk_widget_class_bind_template_child (widget_class, LiUrlDialog, leads_check);
  gtk_widget_class_bind_template_child (widget_class, LiUrlDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, LiUrlDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LiUrlDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, _li_url_dialog_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_url_dialog_import_cb);

  gtk_widget_class_install_action (widget_class, "url.cancel", NULL, _li_url_dialog_cancel);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "url.cancel", NULL);
}

static void
li_url_dialog_init (LiUrlDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _li_url_dialog_update (self);
}

LiUrlDialog *
li_url_dialog_new (GtkWindow *parent,
                   LiProject *project)
{
  LiUrlDialog *self;

  g_return_val_if_fail (LI_IS_PROJECT (project), NULL);

  self = g_object_new (LI_TYPE_URL_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->project = g_object_ref (project);
  g_signal_connect (project, "import-progress", G_CALLBACK (_li_url_dialog_progress_cb), self);
  g_signal_connect (project, "import-finished", G_CALLBACK (_li_url_dialog_finished_cb), self);
  return self;
}

void
li_url_dialog_start (LiUrlDialog *self,
                     const char  *url,
                     gboolean     leads)
{
  g_return_if_fail (LI_IS_URL_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_entry), url);
  gtk_check_button_set_active (self->leads_check, leads);
  _li_url_dialog_import_cb (self);
}

const char *
li_url_dialog_get_message (LiUrlDialog *self)
{
  g_return_val_if_fail (LI_IS_URL_DIALOG (self), NULL);

  return gtk_label_get_text (self->message_label);
}
