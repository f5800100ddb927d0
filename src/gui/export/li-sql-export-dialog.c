/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-sql-export-dialog.c — the rules as one SQL query for the warehouse
 *
 * The query comes from the engine's li_sql_export, the one behind
 * `lead-intent-cli export-sql`; it is rebuilt on every change of the
 * dialect or a table name.  Rules with problems are refused here as in the
 * CLI: a draft may be saved, but never exported. */

#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-sql-export-dialog.h"

#include <glib/gi18n.h>

#include "li-output.h"
#include "li-problem.h"
#include "li-rules-validate.h"
#include "li-sql-export.h"

struct _LiSqlExportDialog
{
  AdwWindow        parent_instance;

  /* template */
  AdwToastOverlay *toasts;
  AdwComboRow     *dialect_row;
  AdwEntryRow     *events_table_row;
  AdwEntryRow     *leads_table_row;
  GtkLabel        *problem_label;
  GtkTextView     *preview;
  GtkWidget       *copy_button;
  GtkWidget       *save_button;

  LiRules         *rules;
  char            *rules_path;
  char            *sql;      /* NULL while the rules cannot be exported */
};

G_DEFINE_FINAL_TYPE (LiSqlExportDialog, li_sql_export_dialog, ADW_TYPE_WINDOW)

/* The combo row's positions, in the order of LiSqlDialect. */
static const char * const dialect_names[] = { "postgres", "sqlite", "bigquery" };

/* The problems that stop an export, one line each, or NULL. */
static char *
_li_sql_export_dialog_dup_problems (const LiRules *rules)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(GString) text = g_string_new (NULL);

  if (li_rules_validate (rules, problems))
    return NULL;
  for (guint i = 0; i < problems->len; i++)
    {
      const LiProblem *p = problems->pdata[i];
      if (p->level != LI_PROBLEM_ERROR)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", p->path, p->message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
_li_entry_text_or_null (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text[0] != '\0' ? text : NULL;
}

static void
_li_sql_export_dialog_show (LiSqlExportDialog *self,
                            const char        *problem)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->preview);

  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_text_buffer_set_text (buffer, self->sql ? self->sql : "", -1);
  gtk_widget_set_sensitive (self->copy_button, self->sql != NULL);
  gtk_widget_set_sensitive (self->save_button, self->sql != NULL);
}

static void
_li_sql_export_dialog_update (LiSqlExportDialog *self)
{
  LiSqlExportOptions options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *heading = NULL;

  g_clear_pointer (&self->sql, g_free);
  if ((problems = _li_sql_export_dialog_dup_problems (self->rules)) != NULL)
    {
      heading = g_strdup_printf (_("Fix the problems of the rules before exporting them:\n%s"), problems);
      _li_sql_export_dialog_show (self, heading);
      return;
    }

  options.dialect = (LiSqlDialect) MIN (adw_combo_row_get_selected (self->dialect_row),
                                        G_N_ELEMENTS (dialect_names) - 1);
  options.events_table = _li_entry_text_or_null (self->events_table_row);
  options.leads_table = _li_entry_text_or_null (self->leads_table_row);
  self->sql = li_sql_export (self->rules, &options, &error);
  if (self->sql == NULL)
    heading = g_strdup_printf (_("These rules cannot be exported to this dialect exactly:\n%s"), error->message);
  _li_sql_export_dialog_show (self, heading);
}

static void
_li_sql_export_dialog_copy_clicked (LiSqlExportDialog *self)
{
  if (self->sql == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->sql);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Query copied")));
}

static void
_li_sql_export_dialog_save_response (GtkNativeDialog   *chooser,
                                     int                response,
                                     LiSqlExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LiOutputSet) outputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->sql != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      /* Written completely or not at all, as the CLI writes -o. */
      outputs = li_output_set_new ();
      g_string_append (li_output_set_add (outputs, path), self->sql);
      if (li_output_set_commit (outputs, &error))
        message = g_strdup_printf (_("Saved “%s”"), g_file_peek_path (file));
      else
        message = g_strdup_printf (_("Could not save the query: %s"), error->message);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

/* "rules.leadrules.json" → "rules.postgres.sql" */
static char *
_li_sql_export_dialog_dup_file_name (LiSqlExportDialog *self)
{
  const char *dialect = dialect_names[MIN (adw_combo_row_get_selected (self->dialect_row),
                                           G_N_ELEMENTS (dialect_names) - 1)];
  g_autofree char *base = self->rules_path ? g_path_get_basename (self->rules_path)
                                           : g_strdup ("rules");
  char *dot = strchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strdup_printf ("%s.%s.sql", base, dialect);
}

static void
_li_sql_export_dialog_save_clicked (LiSqlExportDialog *self)
{
  g_autofree char *name = _li_sql_export_dialog_dup_file_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save SQL Query"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (self->rules_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->rules_path);
      g_autoptr(GFile) folder = g_file_new_for_path (dir);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (_li_sql_export_dialog_save_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
li_sql_export_dialog_finalize (GObject *object)
{
  LiSqlExportDialog *self = LI_SQL_EXPORT_DIALOG (object);

  g_clear_pointer (&self->rules, li_rules_free);
  g_free (self->rules_path);
  g_free (self->sql);
  G_OBJECT_CLASS (li_sql_export_dialog_parent_class)->finalize (object);
}

static void
li_sql_export_dialog_class_init (LiSqlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = li_sql_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/export/li-sql-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiSqlExportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, LiSqlExportDialog, dialect_row);
  gtk_widget_class_bind_template_child (widget_class, LiSqlExportDialog, events_table_row);
  gtk_widget_class_bind_template_child (widget_class, LiSqlExportDialog, leads_table_row);
  gtk_widget_class_bind_template_child (widget_class, LiSqlExportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, LiSqlExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, LiSqlExportDialog, copy_button);
  gtk_widget_class_bind_template_child (widget_class, LiSqlExportDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, _li_sql_export_dialog_update);
  gtk_widget_class_bind_template_callback (widget_class, _li_sql_export_dialog_copy_clicked);
  gtk_widget_class_bind_template_callback (widget_class, _li_sql_export_dialog_save_clicked);
}

static void
li_sql_export_dialog_init (LiSqlExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
li_sql_export_dialog_new (GtkWindow     *parent,
                          const LiRules *rules,
                          const char    *rules_path)
{
  LiSqlExportDialog *self = g_object_new (LI_TYPE_SQL_EXPORT_DIALOG,
                                          "transient-for", parent,
                                          NULL);

  self->rules = li_rules_copy (rules);
  self->rules_path = g_strdup (rules_path);
  _li_sql_export_dialog_update (self);
  return GTK_WIDGET (self);
}

const char *
li_sql_export_dialog_get_sql (LiSqlExportDialog *self)
{
  g_return_val_if_fail (LI_IS_SQL_EXPORT_DIALOG (self), NULL);

  return self->sql;
}

void
li_sql_export_dialog_set_dialect (LiSqlExportDialog *self,
                                  guint              dialect)
{
  g_return_if_fail (LI_IS_SQL_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->dialect_row, dialect);
}
