/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include <glib/gi18n.h>

#include "li-window-private.h"
#include "li-rules-validate.h"
#include "li-problem.h"

void
_li_continuation_free (LiContinuation *cont)
{
  if (cont == NULL)
    return;
  if (cont->destroy != NULL)
    cont->destroy (cont->user_data);
  g_free (cont);
}

static gboolean
_li_path_is_rules (const char *path)
{
  return g_str_has_suffix (path, ".leadrules.json")
         || (g_str_has_suffix (path, ".json") && !g_str_has_suffix (path, ".jsonl"));
}

/* File choosers */

void
_li_window_set_chooser (LiWindow             *self,
                        GtkFileChooserNative *chooser)
{
  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_set_modal (self->file_chooser, TRUE);
}

void
_li_window_clear_chooser (LiWindow        *self,
                          GtkNativeDialog *dialog)
{
  if (self->file_chooser == dialog)
    g_clear_object (&self->file_chooser);
}

static void
_li_add_filter (GtkFileChooser *chooser,
                const char     *name,
                const char     *patterns[])
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

void
_li_add_rules_filters (GtkFileChooser *chooser)
{
  static const char *rules[] = { "*.leadrules.json", NULL };
  static const char *json[] = { "*.json", NULL };

  _li_add_filter (chooser, _("Rule Files"), rules);
  _li_add_filter (chooser, _("JSON Files"), json);
}

/* Saving */

static void
_li_window_report_save_error (LiWindow     *self,
                              const GError *error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);

  if (li_rules_validate (self->rules, problems))
    g_ptr_array_set_size (problems, 0);  /* valid: an I/O error, show it as it is */

  _li_window_show_problems (self, _("The Rules Could Not Be Saved"),
                            problems->len > 0 ? problems : NULL, error);
}

static void
_li_window_run_after_save (LiWindow *self)
{
  LiContinuation *cont = g_steal_pointer (&self->after_save);

  if (cont != NULL)
    cont->continuation (self, cont->user_data);
  _li_continuation_free (cont);
}

static void
_li_window_save_as_response_cb (GtkNativeDialog *dialog,
                                int              response,
                                LiWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  _li_window_clear_chooser (self, dialog);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    {
      g_clear_pointer (&self->after_save, _li_continuation_free);
      return;
    }

  if (!g_str_has_suffix (path, ".json"))
    {
      char *with_suffix = g_strconcat (path, ".leadrules.json", NULL);

      g_free (path);
      path = with_suffix;
    }

  if (!li_window_save_rules_to (self, path, &error))
    {
      g_clear_pointer (&self->after_save, _li_continuation_free);
      _li_window_report_save_error (self, error);
      return;
    }

  _li_window_run_after_save (self);
}

void
_li_window_save (LiWindow *self,
                 gboolean  save_as)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (!save_as && self->rules_path != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!li_window_save_rules_to (self, self->rules_path, &error))
        {
          g_clear_pointer (&self->after_save, _li_continuation_free);
          _li_window_report_save_error (self, error);
          return;
        }
      _li_window_run_after_save (self);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Rules"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  _li_add_rules_filters (GTK_FILE_CHOOSER (chooser));

  if (self->rules_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->rules_path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  else
    {
      const char *base = self->rules->name && *self->rules->name ? self->rules->name : _("rules");
      g_autofree char *lower = g_utf8_strdown (base, -1);

      g_strdelimit (lower, " /\\:", '-');
      name = g_strconcat (lower, ".leadrules.json", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  _li_window_set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (_li_window_save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Unsaved changes */

static void
_li_window_discard_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                LiWindow         *self)
{
  LiContinuation *cont = g_object_steal_data (G_OBJECT (dialog), "continuation");

  if (cont == NULL)
    return;  /* answered already */

  if (g_str_equal (response, "discard"))
    {
      cont->continuation (self, cont->user_data);
    }
  else if (g_str_equal (response, "save"))
    {
      /* Runs the continuation once the rules are on disk. */
      g_clear_pointer (&self->after_save, _li_continuation_free);
      self->after_save = g_steal_pointer (&cont);
      _li_window_save (self, FALSE);
    }

  _li_continuation_free (cont);
}

void
_li_window_maybe_discard (LiWindow             *self,
                          LiWindowContinuation  continuation,
                          gpointer              user_data,
                          GDestroyNotify        destroy)
{
  AdwMessageDialog *dialog;
  LiContinuation *cont;
  g_autofree char *body = NULL;
  const char *name;

  if (!self->dirty)
    {
      continuation (self, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  name = self->rules->name && *self->rules->name ? self->rules->name : _("Untitled Rules");
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be "
                            "permanently lost."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  cont = g_new0 (LiContinuation, 1);
  cont->continuation = continuation;
  cont->user_data = user_data;
  cont->destroy = destroy;
  g_object_set_data_full (G_OBJECT (dialog), "continuation", cont,
                          (GDestroyNotify) _li_continuation_free);
  g_signal_connect (dialog, "response", G_CALLBACK (_li_window_discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Continuations after the unsaved-changes question */

static void
_li_window_new_cont (LiWindow *self,
                     gpointer  user_data)
{
  g_autoptr(LiRules) rules = _li_window_load_template ();

  _li_window_set_document (self, rules, NULL);
}

static void
_li_window_open_file_cont (LiWindow *self,
                           gpointer  user_data)
{
  li_window_open_rules (self, G_FILE (user_data));
}

static void
_li_window_open_rules_response_cb (GtkNativeDialog *dialog,
                                   int              response,
                                   LiWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  _li_window_clear_chooser (self, dialog);

  if (file != NULL)
    li_window_open_rules (self, file);
}

static void
_li_window_open_rules_cont (LiWindow *self,
                            gpointer  user_data)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Rules"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  _li_add_rules_filters (GTK_FILE_CHOOSER (chooser));
  _li_window_set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (_li_window_open_rules_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
_li_window_open_sample_cont (LiWindow *self,
                             gpointer  user_data)
{
  const char *dir = user_data;
  g_autofree char *rules = g_build_filename (dir, "sample.leadrules.json", NULL);
  g_autofree char *events = g_build_filename (dir, "rees46-2019oct-head.csv.gz", NULL);
  g_autoptr(GFile) rules_file = g_file_new_for_path (rules);
  g_autoptr(GFile) events_file = g_file_new_for_path (events);

  li_window_open_rules (self, rules_file);
  li_window_import (self, &events_file, 1, NULL);
}

/* Actions */

static void
_li_window_action_new (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  _li_window_maybe_discard (LI_WINDOW (widget), _li_window_new_cont, NULL, NULL);
}

static void
_li_window_action_open_rules (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  _li_window_maybe_discard (LI_WINDOW (widget), _li_window_open_rules_cont, NULL, NULL);
}

static void
_li_window_import_events_response_cb (GtkNativeDialog *dialog,
                                      int              response,
                                      LiWindow        *self)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  _li_window_clear_chooser (self, dialog);

  if (model == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (files, g_list_model_get_item (model, i));

  if (files->len > 0)
    li_window_import (self, (GFile * const *) files->pdata, files->len, NULL);
}

static void
_li_window_action_import_events (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  static const char *all[] = { "*.csv", "*.csv.gz", "*.jsonl", "*.jsonl.gz", "*.ndjson", NULL };
  static const char *csv[] = { "*.csv", "*.csv.gz", NULL };
  static const char *jsonl[] = { "*.jsonl", "*.jsonl.gz", "*.ndjson", NULL };
  static const char *any[] = { "*", NULL };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Event Exports"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  _li_add_filter (GTK_FILE_CHOOSER (chooser), _("Event Exports"), all);
  _li_add_filter (GTK_FILE_CHOOSER (chooser), _("CSV Files"), csv);
  _li_add_filter (GTK_FILE_CHOOSER (chooser), _("JSON Lines Files"), jsonl);
  _li_add_filter (GTK_FILE_CHOOSER (chooser), _("All Files"), any);
  _li_window_set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (_li_window_import_events_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
_li_window_import_leads_response_cb (GtkNativeDialog *dialog,
                                     int              response,
                                     LiWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  _li_window_clear_chooser (self, dialog);

  if (file != NULL)
    li_window_import (self, NULL, 0, file);
}

static void
_li_window_action_import_leads (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  static const char *csv[] = { "*.csv", "*.csv.gz", NULL };
  static const char *any[] = { "*", NULL };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Leads File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  _li_add_filter (GTK_FILE_CHOOSER (chooser), _("CSV Files"), csv);
  _li_add_filter (GTK_FILE_CHOOSER (chooser), _("All Files"), any);
  _li_window_set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (_li_window_import_leads_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
_li_window_action_save (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  g_clear_pointer (&LI_WINDOW (widget)->after_save, _li_continuation_free);
  _li_window_save (LI_WINDOW (widget), FALSE);
}

static void
_li_window_action_save_as (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  g_clear_pointer (&LI_WINDOW (widget)->after_save, _li_continuation_free);
  _li_window_save (LI_WINDOW (widget), TRUE);
}

static void
_li_window_action_undo (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  const LiRules *rules = li_undo_stack_undo (self->undo);

  if (rules != NULL)
    _li_window_apply_undo_state (self, rules);
}

static void
_li_window_action_redo (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  const LiRules *rules = li_undo_stack_redo (self->undo);

  if (rules != NULL)
    _li_window_apply_undo_state (self, rules);
}

static void
_li_window_action_close (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
_li_window_action_cancel_import (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  _li_window_cancel_import (LI_WINDOW (widget));
}

static void
_li_window_action_dismiss_error (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  _li_window_hide_error (LI_WINDOW (widget));
}

static void
_li_window_action_open_sample (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  const char *dir = NULL;

  if (app != NULL && LI_IS_APPLICATION (app))
    dir = li_application_get_sample_dir (LI_APPLICATION (app));

  if (dir != NULL)
    _li_window_maybe_discard (self, _li_window_open_sample_cont, g_strdup (dir), g_free);
}

static void
_li_window_action_open_recent (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  const char *path = g_variant_get_string (param, NULL);

  if (_li_path_is_rules (path))
    {
      _li_window_maybe_discard (self, _li_window_open_file_cont, g_file_new_for_path (path),
                                g_object_unref);
    }
  else
    {
      const char *paths[] = { path, NULL };

      _li_window_import_paths (self, paths);
    }
}

static void
_li_window_action_set_intent_points (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  g_autoptr(LiRules) rules = li_rules_copy (self->rules);
  const char *event;
  double points;
  guint i;

  g_variant_get (param, "(&sd)", &event, &points);

  for (i = 0; i < rules->n_intent; i++)
    if (rules->intent[i].n_where == 0 && g_strcmp0 (rules->intent[i].event, event) == 0)
      break;

  if (i == rules->n_intent)
    {
      rules->intent = g_renew (LiIntentRule, rules->intent, rules->n_intent + 1);
      memset (&rules->intent[i], 0, sizeof (LiIntentRule));
      rules->intent[i].event = g_strdup (event);
      rules->n_intent++;
    }

  rules->intent[i].points = points;
  _li_window_commit_rules (self, rules, NULL, TRUE);
}

static void
_li_window_action_set_stage_threshold (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  g_autoptr(LiRules) rules = NULL;
  g_autofree char *key = NULL;
  guint stage;
  double min_score;

  g_variant_get (param, "(ud)", &stage, &min_score);
  if (stage + 1 >= self->rules->n_stages)
    return;  /* out of range, or the catch-all stage */

  rules = li_rules_copy (self->rules);
  rules->stages[stage].has_min_score = TRUE;
  rules->stages[stage].min_score = min_score;
  key = g_strdup_printf ("threshold-%u", stage);
  _li_window_commit_rules (self, rules, key, TRUE);
}

void
_li_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, _li_window_action_new);
  gtk_widget_class_install_action (widget_class, "win.open-rules", NULL,
                                   _li_window_action_open_rules);
  gtk_widget_class_install_action (widget_class, "win.import-events", NULL,
                                   _li_window_action_import_events);
  gtk_widget_class_install_action (widget_class, "win.import-leads", NULL,
                                   _li_window_action_import_leads);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, _li_window_action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, _li_window_action_save_as);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, _li_window_action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, _li_window_action_redo);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, _li_window_action_close);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL,
                                   _li_window_action_cancel_import);
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL,
                                   _li_window_action_dismiss_error);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL,
                                   _li_window_action_open_sample);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   _li_window_action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.set-intent-points", "(sd)",
                                   _li_window_action_set_intent_points);
  gtk_widget_class_install_action (widget_class, "win.set-stage-threshold", "(ud)",
                                   _li_window_action_set_stage_threshold);
}
