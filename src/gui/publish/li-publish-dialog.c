/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "li-publish-dialog.h"
#include "li-endpoint.h"
#include "li-endpoint-store.h"
#include "li-etag-cache.h"
#include "li-remote.h"
#include "li-rules-parse.h"
#include "li-rules-validate.h"
#include "li-rules-write.h"
#include "li-token.h"
#include "li-version.h"

#include <string.h>

typedef enum { OP_FETCH, OP_PUBLISH } Op;

struct _LiPublishDialog
{
  AdwWindow            parent_instance;

  AdwEntryRow         *endpoint_row;
  AdwPasswordEntryRow *token_row;
  GtkButton           *publish_button;
  GtkButton           *fetch_button;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;

  LiProject           *project;
  GCancellable        *cancellable;
  char                *url;       /* of the running job */
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (LiPublishDialog, li_publish_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  LiPublishDialog *self;
  Op               op;
} Job;

static void
_li_publish_dialog_set_busy (LiPublishDialog *self,
                             gboolean         busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fetch_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->endpoint_row), !busy);
}

static void
_li_publish_dialog_status (LiPublishDialog *self,
                           const char      *text,
                           gboolean         error)
{
  gtk_label_set_text (self->status_label, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void _li_publish_dialog_start (LiPublishDialog *self,
                                      Op               op);

static void
_li_fetch_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LiPublishDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LiRules) rules = NULL;
  g_autoptr(LiVersion) version = NULL;
  g_autofree char *etag = NULL;
  GtkWindow *parent;
  const char *data;
  gsize len;

  bytes = li_endpoint_fetch_finish (result, &etag, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _li_publish_dialog_set_busy (self, FALSE);
  if (bytes == NULL)
    {
      _li_publish_dialog_status (self, error->message, TRUE);
      return;
    }
  data = g_bytes_get_data (bytes, &len);
  if ((rules = li_rules_from_data (data, (gssize) len, NULL, &error)) == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Production’s rule file has problems: %s"),
                                               error->message);

      _li_publish_dialog_status (self, text, TRUE);
      return;
    }
  li_etag_cache_store (self->url, etag, NULL);

  /* TRANSLATORS: the name of the version fetched from the rules endpoint */
  version = li_version_new (_("Production"), rules, NULL);
  li_project_add_version (self->project, version);
  _li_publish_dialog_status (self, _("Production was added to the Compare page"), FALSE);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", "compare");
}

static void
_li_changed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         LiPublishDialog  *self)
{
  if (g_str_equal (response, "compare"))
    _li_publish_dialog_start (self, OP_FETCH);
}

static void
_li_publish_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LiPublishDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  AdwMessageDialog *dialog;

  if (li_endpoint_publish_finish (result, &etag, &error))
    {
      _li_publish_dialog_set_busy (self, FALSE);
      li_etag_cache_store (self->url, etag, NULL);
      _li_publish_dialog_status (self, _("Published: production has these rules now"), FALSE);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _li_publish_dialog_set_busy (self, FALSE);
  if (!g_error_matches (error, LI_REMOTE_ERROR, LI_REMOTE_ERROR_PRECONDITION))
    {
      _li_publish_dialog_status (self, error->message, TRUE);
      return;
    }

  _li_publish_dialog_status (self, _("Not published: production changed"), TRUE);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Production Changed"),
                                                       _("Someone published another version since "
                                                         "this window last saw production. It was "
                                                         "not overwritten. Compare your draft with "
                                                         "it, then publish again.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Close"),
                                    "compare", _("_Fetch and Compare"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "compare", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "compare");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (_li_changed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
_li_token_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(LiPublishDialog) self = job->self;
  g_autoptr(GError) error = NULL;
  Op op = job->op;
  char *token;

  g_free (job);
  token = li_token_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL || (token == NULL && op == OP_PUBLISH))
    {
      _li_publish_dialog_set_busy (self, FALSE);
      _li_publish_dialog_status (self, error != NULL ? error->message
                                                     : _("Enter the endpoint’s token: it is kept "
                                                         "in the keyring"), TRUE);
      return;
    }

  if (op == OP_FETCH)
    li_endpoint_fetch_async (self->url, token, self->cancellable, _li_fetch_done_cb,
                             g_object_ref (self));
  else
    {
      gsize len;
      char *data = li_rules_to_data (li_project_get_rules (self->project), &len);
      g_autoptr(GBytes) body = g_bytes_new_take (data, len);
      g_autofree char *etag = li_etag_cache_lookup (self->url);

      li_endpoint_publish_async (self->url, token, body, etag, self->cancellable,
                                 _li_publish_done_cb, g_object_ref (self));
    }
  li_token_free (token);
}

static void
_li_publish_dialog_start (LiPublishDialog *self,
                          Op               op)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->endpoint_row));
  const char *rules_path = li_project_get_path (self->project);
  g_autoptr(GError) error = NULL;
  g_autofree char *entered = NULL;
  Job *job;

  if (self->busy)
    return;
  if (!li_endpoint_check_url (url, &error))
    {
      _li_publish_dialog_status (self, error->message, TRUE);
      return;
    }
  if (op == OP_PUBLISH)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);

      /* Nothing is sent unless the draft is valid. */
      if (!li_rules_validate (li_project_get_rules (self->project), problems))
        {
          _li_publish_dialog_status (self, _("The rules have problems: fix them before "
                                             "publishing"), TRUE);
          return;
        }
    }
  if (rules_path != NULL)
    li_endpoint_store_set (rules_path, url, NULL);

  g_free (self->url);
  self->url = g_strdup (url);
  entered = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row)));
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
  _li_publish_dialog_set_busy (self, TRUE);
  _li_publish_dialog_status (self, op == OP_FETCH ? _("Fetching production…") : _("Publishing…"),
                             FALSE);

  job = g_new0 (Job, 1);
  job->self = g_object_ref (self);
  job->op = op;
  li_token_lookup_async (url, *entered != '\0' ? entered : NULL, self->cancellable, _li_token_cb,
                         job);
  li_token_free (g_steal_pointer (&entered));
}

static void
_li_publish_dialog_publish_cb (LiPublishDialog *self)
{
  _li_publish_dialog_start (self, OP_PUBLISH);
}

static void
_li_publish_dialog_fetch_cb (LiPublishDialog *self)
{
  _li_publish_dialog_start (self, OP_FETCH);
}

static void
_li_publish_dialog_close (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
li_publish_dialog_dispose (GObject *object)
{
  LiPublishDialog *self = LI_PUBLISH_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_PUBLISH_DIALOG);

  G_OBJECT_CLASS (li_publish_dialog_parent_class)->dispose (object);
}

static void
li_publish_dialog_finalize (GObject *object)
{
  LiPublishDialog *self = LI_PUBLISH_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_free (self->url);

  G_OBJECT_CLASS (li_publish_dialog_parent_class)->finalize (object);
}

static void
li_publish_dialog_class_init (LiPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_publish_dialog_dispose;
  object_class->finalize = li_publish_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/publish/li-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiPublishDialog, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, LiPublishDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, LiPublishDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, LiPublishDialog, fetch_button);
  gtk_widget_class_bind_template_child (widget_class, LiPublishDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiPublishDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, _li_publish_dialog_publish_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_publish_dialog_fetch_cb);

  gtk_widget_class_install_action (widget_class, "publish.close", NULL, _li_publish_dialog_close);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "publish.close", NULL);
}

static void
li_publish_dialog_init (LiPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

LiPublishDialog *
li_publish_dialog_new (GtkWindow *parent,
                       LiProject *project)
{
  LiPublishDialog *self;
  const char *path;

  g_return_val_if_fail (LI_IS_PROJECT (project), NULL);

  self = g_object_new (LI_TYPE_PUBLISH_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->project = g_object_ref (project);
  if ((path = li_project_get_path (project)) != NULL)
    {
      g_autofree char *url = li_endpoint_store_lookup (path);

      if (url != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->endpoint_row), url);
    }
  return self;
}

void
li_publish_dialog_set_endpoint (LiPublishDialog *self,
                                const char      *url)
{
  g_return_if_fail (LI_IS_PUBLISH_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->endpoint_row), url);
}

void
li_publish_dialog_publish (LiPublishDialog *self)
{
  g_return_if_fail (LI_IS_PUBLISH_DIALOG (self));

  _li_publish_dialog_start (self, OP_PUBLISH);
}

void
li_publish_dialog_fetch (LiPublishDialog *self)
{
  g_return_if_fail (LI_IS_PUBLISH_DIALOG (self));

  _li_publish_dialog_start (self, OP_FETCH);
}

gboolean
li_publish_dialog_get_busy (LiPublishDialog *self)
{
  g_return_val_if_fail (LI_IS_PUBLISH_DIALOG (self), FALSE);

  return self->busy;
}

const char *
li_publish_dialog_get_status (LiPublishDialog *self)
{
  g_return_val_if_fail (LI_IS_PUBLISH_DIALOG (self), NULL);

  return gtk_label_get_text (self->status_label);
}
