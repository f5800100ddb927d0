/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-leads-export-dialog.c — the leads to follow up, as CSV for sales
 *
 * One as-of scoring of every lead (li_lead_export with the catch-all as
 * the coldest stage) runs in a worker thread when the dialog opens; the
 * stage chosen then only filters its rows, which keep the order of
 * `score`.  The CSV is that of `lead-intent-cli export-leads`. */

#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-leads-export-dialog.h"

#include <glib/gi18n.h>

#include "li-lead-export.h"
#include "li-output.h"
#include "li-plan.h"
#include "li-time.h"

struct _LiLeadsExportDialog
{
  AdwWindow        parent_instance;

  /* template */
  AdwToastOverlay *toasts;
  AdwComboRow     *stage_row;
  AdwActionRow    *count_row;
  GtkWidget       *spinner;
  GtkWidget       *save_button;

  LiRules         *rules;
  LiDataset       *dataset;
  gint64           as_of_ms;
  GCancellable    *cancellable;
  LiPlan          *plan;     /* with @rows once scored */
  GArray          *rows;     /* of LiLeadExportRow, every stage */
};

G_DEFINE_FINAL_TYPE (LiLeadsExportDialog, li_leads_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  LiPlan *plan;
  GArray *rows;
} ScoredLeads;

static void
_li_scored_leads_free (ScoredLeads *scored)
{
  g_clear_pointer (&scored->rows, g_array_unref);
  g_clear_pointer (&scored->plan, li_plan_free);
  g_free (scored);
}

static guint
_li_leads_export_dialog_stage (LiLeadsExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

/* The rows at the chosen stage or hotter (stage 0 is the hottest). */
static GArray *
_li_leads_export_dialog_dup_rows (LiLeadsExportDialog *self)
{
  guint coldest = _li_leads_export_dialog_stage (self);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (LiLeadExportRow));

  for (guint i = 0; i < self->rows->len; i++)
    {
      const LiLeadExportRow *row = &g_array_index (self->rows, LiLeadExportRow, i);
      if (row->stage <= coldest)
        g_array_append_vals (rows, row, 1);
    }
  return rows;
}

static void
_li_leads_export_dialog_update (LiLeadsExportDialog *self)
{
  g_autoptr(GArray) rows = NULL;
  g_autofree char *count = NULL;

  gtk_widget_set_visible (self->spinner, self->rows == NULL);
  gtk_widget_set_sensitive (self->save_button, self->rows != NULL);
  if (self->rows == NULL)
    return;
  rows = _li_leads_export_dialog_dup_rows (self);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u lead", "%u leads", rows->len), rows->len);
  adw_action_row_set_subtitle (self->count_row, count);
  gtk_widget_set_sensitive (self->save_button, rows->len > 0);
}

static void
_li_leads_export_dialog_score_thread (GTask        *task,
                                      gpointer      source_object,
                                      gpointer      task_data,
                                      GCancellable *cancellable)
{
  LiLeadsExportDialog *self = source_object;
  ScoredLeads *scored = g_new0 (ScoredLeads, 1);
  GError *error = NULL;

  scored->plan = li_plan_new (self->rules, li_dataset_get_store (self->dataset),
                              li_dataset_get_leads (self->dataset));
  scored->rows = li_lead_export (scored->plan, self->as_of_ms, self->rules->n_stages - 1,
                                 cancellable, &error);
  if (scored->rows == NULL)
    {
      _li_scored_leads_free (scored);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, scored, (GDestroyNotify) _li_scored_leads_free);
}

static void
_li_leads_export_dialog_scored_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  LiLeadsExportDialog *self = LI_LEADS_EXPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  ScoredLeads *scored = g_task_propagate_pointer (G_TASK (result), &error);

  if (scored == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_action_row_set_subtitle (self->count_row, error->message);
      gtk_widget_set_visible (self->spinner, FALSE);
      return;
    }
  self->plan = g_steal_pointer (&scored->plan);
  self->rows = g_steal_pointer (&scored->rows);
  _li_scored_leads_free (scored);
  _li_leads_export_dialog_update (self);
}

static void
_li_leads_export_dialog_save_response (GtkNativeDialog     *chooser,
                                       int                  response,
                                       LiLeadsExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL &&
      (csv = li_leads_export_dialog_dup_csv (self)) != NULL)
    {
      g_autoptr(LiOutputSet) outputs = li_output_set_new ();

      g_string_append (li_output_set_add (outputs, path), csv);
      if (li_output_set_commit (outputs, &error))
        message = g_strdup_printf (_("Saved “%s”"), path);
      else
        message = g_strdup_printf (_("Could not save the leads: %s"), error->message);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
_li_leads_export_dialog_save_clicked (LiLeadsExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("leads-%s.csv",
                                           self->rules->stages[_li_leads_export_dialog_stage (self)].name);

  chooser = gtk_file_chooser_native_new (_("Save Leads"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (_li_leads_export_dialog_save_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
li_leads_export_dialog_dispose (GObject *object)
{
  LiLeadsExportDialog *self = LI_LEADS_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (li_leads_export_dialog_parent_class)->dispose (object);
}

static void
li_leads_export_dialog_finalize (GObject *object)
{
  LiLeadsExportDialog *self = LI_LEADS_EXPORT_DIALOG (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->plan, li_plan_free);
  g_clear_pointer (&self->rules, li_rules_free);
  g_clear_object (&self->dataset);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (li_leads_export_dialog_parent_class)->finalize (object);
}

static void
li_leads_export_dialog_class_init (LiLeadsExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_leads_export_dialog_dispose;
  object_class->finalize = li_leads_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/export/li-leads-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiLeadsExportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, LiLeadsExportDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, LiLeadsExportDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, LiLeadsExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiLeadsExportDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, _li_leads_export_dialog_update);
  gtk_widget_class_bind_template_callback (widget_class, _li_leads_export_dialog_save_clicked);
}

static void
li_leads_export_dialog_init (LiLeadsExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/* "Hot", "Warm", …: every stage; the catch-all exports every lead. */
static GListModel *
_li_stage_names_new (const LiRules *rules)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < rules->n_stages; i++)
    gtk_string_list_append (names, rules->stages[i].name);
  return G_LIST_MODEL (names);
}

GtkWidget *
li_leads_export_dialog_new (GtkWindow     *parent,
                            const LiRules *rules,
                            LiDataset     *dataset)
{
  LiLeadsExportDialog *self;
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (rules->n_stages > 0, NULL);
  g_return_val_if_fail (li_dataset_get_store (dataset) != NULL, NULL);

  self = g_object_new (LI_TYPE_LEADS_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->rules = li_rules_copy (rules);
  self->dataset = g_object_ref (dataset);
  self->as_of_ms = li_dataset_get_store (dataset)->max_time_ms;

  /* Default, as in the CLI: every stage but the catch-all. */
  stages = _li_stage_names_new (self->rules);
  adw_combo_row_set_model (self->stage_row, stages);
  adw_combo_row_set_selected (self->stage_row, rules->n_stages >= 2 ? rules->n_stages - 2 : 0);
  as_of = li_time_format (self->as_of_ms);
  subtitle = g_strdup_printf (_("As of the last event, %s"), as_of);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->count_row), subtitle);

  task = g_task_new (self, self->cancellable, _li_leads_export_dialog_scored_cb, NULL);
  g_task_run_in_thread (task, _li_leads_export_dialog_score_thread);
  _li_leads_export_dialog_update (self);
  return GTK_WIDGET (self);
}

void
li_leads_export_dialog_set_stage (LiLeadsExportDialog *self,
                                  guint                stage)
{
  g_return_if_fail (LI_IS_LEADS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->stage_row, stage);
}

gboolean
li_leads_export_dialog_is_ready (LiLeadsExportDialog *self)
{
  g_return_val_if_fail (LI_IS_LEADS_EXPORT_DIALOG (self), FALSE);

  return self->rows != NULL;
}

char *
li_leads_export_dialog_dup_csv (LiLeadsExportDialog *self)
{
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (LI_IS_LEADS_EXPORT_DIALOG (self), NULL);

  if (self->rows == NULL)
    return NULL;
  rows = _li_leads_export_dialog_dup_rows (self);
  return li_lead_export_csv (self->plan, rows);
}
