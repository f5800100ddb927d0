/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's compare page: versions (snapshots and rule files), the
 * baseline the draft is compared with, and the comparison jobs. */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include <glib/gi18n.h>

#include "li-compare-job.h"
#include "li-window-private.h"

gboolean
_li_window_compare_running (LiWindow *self)
{
  return self->compare_cancellable != NULL;
}

static void
_li_window_compare_done_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  LiWindow *self = LI_WINDOW (object);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(LiReplayResult) baseline_result = NULL;
  g_autoptr(LiComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  comparison = li_compare_job_finish (result, &baseline_result, &error);
  if (generation != self->compare_generation)
    return;  /* superseded by a newer edit or another baseline */

  g_clear_object (&self->compare_cancellable);
  li_compare_view_set_busy (self->compare_view, FALSE);
  _li_window_update_busy (self);

  if (comparison == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _li_window_show_error (self, _("Comparison failed"), error->message);
      return;
    }

  /* The baseline is replayed once; later edits replay only the draft. */
  if (self->baseline_result == NULL)
    self->baseline_result = li_replay_result_ref (baseline_result);
  if (!li_version_has_result (self->baseline))
    li_version_set_result (self->baseline, baseline_result);
  li_compare_view_set_comparison (self->compare_view, comparison, self->store,
                                  li_version_get_name (self->baseline), _("Draft"));
}

void
_li_window_compare_update (LiWindow *self)
{
  self->compare_generation++;
  if (self->compare_cancellable != NULL)
    g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);

  if (self->baseline == NULL)
    {
      li_compare_view_set_comparison (self->compare_view, NULL, NULL, NULL, NULL);
      li_compare_view_set_busy (self->compare_view, FALSE);
      _li_window_update_busy (self);
      return;
    }
  if (self->result == NULL || self->store == NULL)
    return;  /* compared once the draft has been replayed */

  self->compare_cancellable = g_cancellable_new ();
  li_compare_view_set_busy (self->compare_view, TRUE);
  li_compare_job_run_async (G_OBJECT (self), li_version_get_rules (self->baseline),
                            self->baseline_result, self->result_rules, self->result,
                            self->store, self->leads, self->compare_cancellable,
                            _li_window_compare_done_cb,
                            GUINT_TO_POINTER (self->compare_generation));
  _li_window_update_busy (self);
}

void
_li_window_compare_data_changed (LiWindow *self)
{
  g_clear_pointer (&self->baseline_result, li_replay_result_unref);
  /* The versions' numbers were measured on the old data. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->versions)); i++)
    {
      g_autoptr(LiVersion) version = g_list_model_get_item (G_LIST_MODEL (self->versions), i);
      li_version_set_result (version, NULL);
    }
}

/* @replayed: the baseline's replay on the current data when known (a
 * snapshot of the draft), so that it is not replayed again. */
static void
_li_window_set_baseline (LiWindow       *self,
                         LiVersion      *version,
                         LiReplayResult *replayed)
{
  if (!g_set_object (&self->baseline, version))
    return;
  g_clear_pointer (&self->baseline_result, li_replay_result_unref);
  if (replayed != NULL)
    self->baseline_result = li_replay_result_ref (replayed);
  li_compare_view_set_baseline (self->compare_view, version);
  adw_view_stack_set_visible_child_name (self->view_stack, "compare");
  _li_window_compare_update (self);
}

static void
_li_window_add_version (LiWindow       *self,
                        LiVersion      *version,
                        LiReplayResult *replayed)
{
  g_list_store_insert (self->versions, 0, version);
  _li_window_set_baseline (self, version, replayed);
}

static void
_li_window_take_snapshot (LiWindow *self)
{
  g_autoptr(LiVersion) version = NULL;
  g_autofree char *name = NULL;
  gboolean replayed = self->result != NULL && li_rules_equal (self->result_rules, self->rules);

  /* TRANSLATORS: the name of a snapshot of the rules, e.g. "Snapshot 2" */
  name = g_strdup_printf (_("Snapshot %u"), ++self->n_snapshots);
  version = li_version_new (name, self->rules, replayed ? self->result : NULL);
  /* The draft is the snapshot: its replay is the baseline's. */
  _li_window_add_version (self, version, replayed ? self->result : NULL);
}

static void
_li_window_open_version_response_cb (GtkNativeDialog *dialog,
                                     int              response,
                                     LiWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  _li_window_clear_chooser (self, dialog);
  if (file != NULL)
    li_window_compare_with (self, file);
}

static void
_li_window_open_version (LiWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Compare with Rules"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  _li_add_rules_filters (GTK_FILE_CHOOSER (chooser));
  _li_window_set_chooser (self, chooser);
  g_signal_connect (chooser, "response", G_CALLBACK (_li_window_open_version_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
_li_window_compare_requested_cb (LiCompareView *view,
                                 LiVersion     *version,
                                 LiWindow      *self)
{
  _li_window_set_baseline (self, version, NULL);
}

static void
_li_window_restore_requested_cb (LiCompareView *view,
                                 LiVersion     *version,
                                 LiWindow      *self)
{
  /* An ordinary edit of the draft: undoable, replayed, compared. */
  _li_window_commit_rules (self, li_version_get_rules (version), NULL, TRUE);
  adw_view_stack_set_visible_child_name (self->view_stack, "replay");
  {
    /* TRANSLATORS: a toast, e.g. "Restored Snapshot 2" */
    g_autofree char *title = g_strdup_printf (_("Restored %s"), li_version_get_name (version));
    _li_window_show_toast (self, title);
  }
}

static void
_li_window_snapshot_requested_cb (LiCompareView *view,
                                  LiWindow      *self)
{
  _li_window_take_snapshot (self);
}

static void
_li_window_open_file_requested_cb (LiCompareView *view,
                                   LiWindow      *self)
{
  _li_window_open_version (self);
}

static void
_li_window_action_take_snapshot (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  _li_window_take_snapshot (LI_WINDOW (widget));
}

static void
_li_window_action_compare_with_file (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  _li_window_open_version (LI_WINDOW (widget));
}

static void
_li_window_action_show_page (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

void
_li_window_class_compare_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.take-snapshot", NULL,
                                   _li_window_action_take_snapshot);
  gtk_widget_class_install_action (widget_class, "win.compare-with-file", NULL,
                                   _li_window_action_compare_with_file);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s",
                                   _li_window_action_show_page);
}

void
_li_window_compare_init (LiWindow *self)
{
  self->versions = g_list_store_new (LI_TYPE_VERSION);
  li_compare_view_set_versions (self->compare_view, G_LIST_MODEL (self->versions));
  g_signal_connect_object (self->compare_view, "compare-requested",
                           G_CALLBACK (_li_window_compare_requested_cb), self, 0);
  g_signal_connect_object (self->compare_view, "restore-requested",
                           G_CALLBACK (_li_window_restore_requested_cb), self, 0);
  g_signal_connect_object (self->compare_view, "snapshot-requested",
                           G_CALLBACK (_li_window_snapshot_requested_cb), self, 0);
  g_signal_connect_object (self->compare_view, "open-file-requested",
                           G_CALLBACK (_li_window_open_file_requested_cb), self, 0);
}

void
_li_window_compare_dispose (LiWindow *self)
{
  if (self->compare_cancellable != NULL)
    g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  g_clear_object (&self->baseline);
  g_clear_object (&self->versions);
  g_clear_pointer (&self->baseline_result, li_replay_result_unref);
}

gboolean
li_window_compare_with (LiWindow *self,
                        GFile    *file)
{
  g_autoptr(LiVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be compared"));
  else
    version = li_version_new_from_file (path, &error);
  if (version == NULL)
    {
      _li_window_show_error (self, _("Could not open the rules to compare with"), error->message);
      return FALSE;
    }
  _li_window_add_version (self, version, NULL);
  return TRUE;
}

GtkWidget *
li_window_get_compare_view (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->compare_view);
}

GListModel *
li_window_get_versions (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->versions);
}
