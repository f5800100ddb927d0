/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "li-suggest-dialog.h"

struct _LiSuggestDialog
{
  AdwWindow       parent_instance;

  GtkSpinner     *spinner;
  GtkLabel       *heading_label;
  GtkLabel       *message_label;
  GtkButton      *compare_button;

  LiProject      *project;
  LiSuggestion   *suggestion;
  GCancellable   *cancellable;
  char           *message;
};

G_DEFINE_FINAL_TYPE (LiSuggestDialog, li_suggest_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  LiRules   *rules;
  LiDataset *dataset;
} LiSuggestJob;

static void
_li_suggest_job_free (LiSuggestJob *job)
{
  li_rules_free (job->rules);
  g_clear_object (&job->dataset);
  g_free (job);
}

static void
_li_suggest_dialog_show (LiSuggestDialog *self,
                         const char      *heading,
                         const char      *text)
{
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->message_label, text);
  g_free (self->message);
  self->message = g_strdup_printf ("%s\n%s", heading, text);
}

/* The reasons, one a line, and the holdout's AUC before and after. */
static char *
_li_suggest_dialog_describe (const LiSuggestion *s)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < s->n_changes; i++)
    g_string_append_printf (text, "• %s\n", s->changes[i].reason);
  /* Translators: AUC on the held-out period, of the draft and of the suggestion */
  g_string_append_printf (text, _("On the held-out last part of the data the AUC goes from %.3f to %.3f."),
                          s->holdout_original->auc, s->holdout_suggested->auc);
  return g_string_free (text, FALSE);
}

static void
_li_suggest_dialog_finished (LiSuggestDialog *self,
                             LiSuggestion    *suggestion)
{
  g_autofree char *text = _li_suggest_dialog_describe (suggestion);
  g_autoptr(LiVersion) version = NULL;

  self->suggestion = suggestion;
  if (suggestion->fell_back || suggestion->n_changes == 0)
    {
      _li_suggest_dialog_show (self, _("Your point values are as good as the learned ones"),
                               _("The learned values did not rank the held-out leads better, so no version was added."));
      return;
    }
  /* Translators: the name of the version the suggestion is added as */
  version = li_version_new (_("Suggested"), suggestion->rules, suggestion->holdout_suggested);
  li_project_add_version (self->project, version);
  _li_suggest_dialog_show (self, _("Added the version “Suggested” to the Compare page"), text);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_button), TRUE);
}

static void
_li_suggest_dialog_run_thread (GTask        *task,
                               gpointer      source,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  LiSuggestJob *job = task_data;
  LiEventStore *store = li_dataset_get_store (job->dataset);
  GError *error = NULL;
  LiSuggestion *suggestion;

  suggestion = li_suggest_run (job->rules, store, li_dataset_get_leads (job->dataset),
                               li_suggest_default_holdout (store), cancellable, &error);
  if (suggestion == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, suggestion, (GDestroyNotify) li_suggestion_free);
}

static void
_li_suggest_dialog_run_done_cb (GObject      *source,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(LiSuggestDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  LiSuggestion *suggestion = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (suggestion == NULL)
    _li_suggest_dialog_show (self, _("No suggestion"), error->message);
  else
    _li_suggest_dialog_finished (self, suggestion);
}

static void
_li_suggest_dialog_start (LiSuggestDialog *self)
{
  LiDataset *dataset = li_project_get_dataset (self->project);
  g_autoptr(GTask) task = NULL;
  LiSuggestJob *job;

  if (dataset == NULL || li_dataset_get_store (dataset) == NULL)
    {
      _li_suggest_dialog_show (self, _("No suggestion"), _("Import events to learn point values from them."));
      return;
    }
  job = g_new0 (LiSuggestJob, 1);
  job->rules = li_rules_copy (li_project_get_rules (self->project));
  job->dataset = g_object_ref (dataset);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, _li_suggest_dialog_run_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, _li_suggest_dialog_start);
  g_task_set_task_data (task, job, (GDestroyNotify) _li_suggest_job_free);
  g_task_run_in_thread (task, _li_suggest_dialog_run_thread);
  gtk_spinner_start (self->spinner);
  gtk_label_set_text (self->heading_label, _("Learning point values…"));
  gtk_label_set_text (self->message_label,
                      /* xgettext:no-c-format */
                      _("Fitted on the first 70% of the data's time range, judged on the rest."));
}

static void
_li_suggest_dialog_action_show_compare (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *param)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-page", "s", "compare");
  gtk_window_close (GTK_WINDOW (widget));
}

static void
li_suggest_dialog_dispose (GObject *object)
{
  LiSuggestDialog *self = LI_SUGGEST_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_SUGGEST_DIALOG);
  G_OBJECT_CLASS (li_suggest_dialog_parent_class)->dispose (object);
}

static void
li_suggest_dialog_finalize (GObject *object)
{
  LiSuggestDialog *self = LI_SUGGEST_DIALOG (object);

  g_clear_pointer (&self->suggestion, li_suggestion_free);
  g_clear_pointer (&self->message, g_free);
  G_OBJECT_CLASS (li_suggest_dialog_parent_class)->finalize (object);
}

static void
li_suggest_dialog_class_init (LiSuggestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_suggest_dialog_dispose;
  object_class->finalize = li_suggest_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/tune/li-suggest-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiSuggestDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiSuggestDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, LiSuggestDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, LiSuggestDialog, compare_button);
  gtk_widget_class_install_action (widget_class, "suggest.show-compare", NULL, _li_suggest_dialog_action_show_compare);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
li_suggest_dialog_init (LiSuggestDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LiSuggestDialog *
li_suggest_dialog_new (GtkWindow *parent,
                       LiProject *project)
{
  LiSuggestDialog *self;

  g_return_val_if_fail (LI_IS_PROJECT (project), NULL);

  self = g_object_new (LI_TYPE_SUGGEST_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  _li_suggest_dialog_start (self);
  return self;
}

gboolean
li_suggest_dialog_is_running (LiSuggestDialog *self)
{
  g_return_val_if_fail (LI_IS_SUGGEST_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

const LiSuggestion *
li_suggest_dialog_get_suggestion (LiSuggestDialog *self)
{
  g_return_val_if_fail (LI_IS_SUGGEST_DIALOG (self), NULL);

  return self->suggestion;
}

const char *
li_suggest_dialog_get_message (LiSuggestDialog *self)
{
  g_return_val_if_fail (LI_IS_SUGGEST_DIALOG (self), NULL);

  return self->message != NULL ? self->message : "";
}
