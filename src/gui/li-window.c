/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include <glib/gi18n.h>

#include "li-format.h"
#include "li-import-job.h"
#include "li-replay-job.h"
#include "li-time.h"
#include "li-window-private.h"
#include "li-rules-parse.h"
#include "li-rules-validate.h"
#include "li-rules-write.h"
#include "li-problem.h"

/* Time between an edit and the replay it triggers: edits that come faster
 * (a drag, typing) replace the scheduled replay instead of queuing. */
#define REPLAY_DEBOUNCE_MS 60
#define UNDO_DEPTH         200
#define TEMPLATE_RESOURCE  "/com/example/LeadIntent/templates/ecommerce.leadrules.json"

enum {
  PROP_0,
  PROP_BUSY,
  PROP_DIRTY,
  PROP_LAST_REPLAY_MS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LiWindow, li_window, ADW_TYPE_APPLICATION_WINDOW)

static GParamSpec *properties[N_PROPS];

typedef struct
{
  guint  generation;
  gint64 edit_time;
  gint64 start_time;
} ReplayTicket;

static void _li_window_schedule_replay (LiWindow *self,
                                        gboolean  debounce);

/* Helpers */

char *
_li_window_format_title (const char  *rules_name,
                         const char  *path,
                         gboolean     dirty,
                         char       **subtitle)
{
  const char *name = rules_name != NULL && *rules_name != '\0' ? rules_name : _("Untitled Rules");

  if (subtitle != NULL)
    {
      if (path != NULL)
        *subtitle = g_path_get_basename (path);
      else
        *subtitle = g_strdup (_("Not saved"));
    }

  if (dirty)
    return g_strdup_printf ("• %s", name);

  return g_strdup (name);
}

LiRules *
_li_window_load_template (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LiRules *rules;
  gsize len;
  const char *data;

  bytes = g_resources_lookup_data (TEMPLATE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_critical ("Template rules missing: %s", error->message);
      return li_rules_new ();
    }

  data = g_bytes_get_data (bytes, &len);
  rules = li_rules_from_data (data, len, NULL, &error);
  if (rules == NULL)
    {
      g_critical ("Template rules invalid: %s", error->message);
      return li_rules_new ();
    }

  return rules;
}

static void
_li_window_set_busy (LiWindow *self,
                     gboolean  busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_li_window_update_busy (LiWindow *self)
{
  _li_window_set_busy (self, self->import_cancellable != NULL
                             || self->replay_timeout_id != 0
                             || self->replay_running
                             || _li_window_compare_running (self));
}

static void
_li_window_update_title (LiWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  gboolean dirty;

  dirty = self->saved_rules == NULL || !li_rules_equal (self->rules, self->saved_rules);
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  title = _li_window_format_title (self->rules->name, self->rules_path, dirty, &subtitle);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* TRANSLATORS: window title: "rule set name — file name — Lead Intent" */
  window_title = g_strdup_printf (_("%s — %s — Lead Intent"), title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
_li_window_update_actions (LiWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gboolean has_sample;

  gtk_widget_action_set_enabled (widget, "win.undo", li_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (widget, "win.redo", li_undo_stack_can_redo (self->undo));
  gtk_widget_action_set_enabled (widget, "win.cancel-import", self->import_cancellable != NULL);
  has_sample = app != NULL && LI_IS_APPLICATION (app)
               && li_application_get_sample_dir (LI_APPLICATION (app)) != NULL;
  gtk_widget_action_set_enabled (widget, "win.open-sample", has_sample);
  gtk_widget_set_visible (self->sample_button, has_sample);
}

void
_li_window_show_toast (LiWindow   *self,
                       const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_li_window_show_error (LiWindow   *self,
                       const char *heading,
                       const char *details)
{
  gtk_label_set_text (self->error_heading, heading);
  gtk_label_set_text (self->error_label, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), details != NULL && *details != '\0');
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

void
_li_window_hide_error (LiWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

void
_li_window_show_problems (LiWindow     *self,
                          const char   *heading,
                          GPtrArray    *problems,
                          const GError *error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  guint shown = 0;

  if (problems != NULL)
    {
      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = li_problem_to_string (g_ptr_array_index (problems, i));

          if (shown++ == 12)
            {
              g_string_append_printf (body,
                                      g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                                   "… and %u more problems",
                                                   problems->len - 12),
                                      problems->len - 12);
              g_string_append_c (body, '\n');
              break;
            }
          g_string_append (body, line);
          g_string_append_c (body, '\n');
        }
    }

  if (shown == 0 && error != NULL)
    g_string_append (body, error->message);

  while (body->len > 0 && body->str[body->len - 1] == '\n')
    g_string_truncate (body, body->len - 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
_li_window_format_time (gint64 time_ms)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time_ms / 1000);

  if (dt == NULL)
    return g_strdup ("?");

  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

static void
_li_window_update_summary (LiWindow *self)
{
  g_autofree char *events = NULL;
  g_autofree char *leads = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) files = g_string_new (NULL);

  if (self->store == NULL)
    {
      gtk_revealer_set_reveal_child (self->summary_revealer, FALSE);
      return;
    }

  events = li_format_count (self->store->n_events);
  leads = li_format_count (self->store->n_leads);
  g_string_append_printf (text,
                          /* TRANSLATORS: dataset summary, e.g. "17,434 events · 4,504 leads" */
                          _("%s events · %s leads"), events, leads);

  if (self->store->n_events > 0)
    {
      from = _li_window_format_time (self->store->min_time_ms);
      to = _li_window_format_time (self->store->max_time_ms);
      /* Within one day the date is said once: "2019-10-01 00:00 – 02:50". */
      if (strncmp (from, to, 11) == 0)
        {
          char *time_only = g_strdup (to + 11);

          g_free (to);
          to = time_only;
        }
      /* TRANSLATORS: the time range of the data */
      g_string_append_printf (text, _(" · %s – %s UTC"), from, to);
    }

  if (self->result != NULL)
    {
      g_autofree char *converters = li_format_count (self->result->converters);

      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, " · %s converter",
                                           " · %s converters", self->result->converters),
                              converters);
    }

  if (self->n_skipped > 0)
    g_string_append_printf (text,
                            g_dngettext (GETTEXT_PACKAGE, " · %u bad row skipped",
                                         " · %u bad rows skipped", self->n_skipped),
                            self->n_skipped);

  gtk_label_set_text (self->summary_label, text->str);

  for (guint i = 0; self->event_paths != NULL && self->event_paths[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (self->event_paths[i]);

      if (files->len > 0)
        g_string_append (files, ", ");
      g_string_append (files, base);
      if (self->formats != NULL && i < g_strv_length (self->formats))
        g_string_append_printf (files, " (%s)", self->formats[i]);
    }
  if (self->leads_path != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->leads_path);

      if (files->len > 0)
        g_string_append (files, " + ");
      g_string_append (files, base);
    }
  gtk_label_set_text (self->summary_files_label, files->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_files_label), files->str);

  gtk_revealer_set_reveal_child (self->summary_revealer, TRUE);
}

typedef struct
{
  guint32 name;
  guint32 count;
} NameCount;

static int
_li_name_count_compare (gconstpointer a,
                        gconstpointer b)
{
  const NameCount *na = a, *nb = b;

  if (na->count != nb->count)
    return na->count < nb->count ? 1 : -1;
  return na->name < nb->name ? -1 : (na->name > nb->name);
}

static void
_li_window_update_names (LiWindow *self)
{
  GtkWidget *child;
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (NameCount));
  guint32 n_names;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->names_list))) != NULL)
    gtk_list_box_remove (self->names_list, child);

  if (self->store == NULL)
    return;

  n_names = li_str_pool_size (self->store->names);
  for (guint32 i = 0; i < n_names; i++)
    {
      NameCount nc = { i, self->store->name_count ? self->store->name_count[i] : 0 };
      g_array_append_val (names, nc);
    }
  g_array_sort (names, _li_name_count_compare);

  for (guint i = 0; i < names->len; i++)
    {
      const NameCount *nc = &g_array_index (names, NameCount, i);
      g_autofree char *count = li_format_count (nc->count);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *name_label = gtk_label_new (li_str_pool_get (self->store->names, nc->name));
      GtkWidget *count_label = gtk_label_new (count);

      gtk_widget_add_css_class (row, "name-count-row");
      gtk_label_set_xalign (GTK_LABEL (name_label), 0);
      gtk_widget_set_hexpand (name_label, TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (count_label), 1);
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_box_append (GTK_BOX (row), name_label);
      gtk_box_append (GTK_BOX (row), count_label);
      gtk_list_box_append (self->names_list, row);
    }
}

/* Replay */

static void
_li_window_replay_done_cb (GObject      *object,
                           GAsyncResult *async_result,
                           gpointer      user_data)
{
  LiWindow *self = LI_WINDOW (object);
  g_autofree ReplayTicket *ticket = user_data;
  g_autoptr(LiReplayResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_monotonic_time ();

  result = li_replay_job_finish (async_result, &error);

  if (ticket->generation != self->replay_generation)
    return;  /* a newer replay was started: this one is stale */

  self->replay_running = FALSE;
  g_clear_object (&self->replay_cancellable);
  li_replay_view_set_busy (self->replay_view, self->replay_timeout_id != 0);

  if (result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _li_window_show_error (self, _("Replay failed"), error->message);
      _li_window_update_busy (self);
      return;
    }

  g_clear_pointer (&self->result, li_replay_result_unref);
  g_clear_pointer (&self->result_rules, li_rules_free);
  self->result = li_replay_result_ref (result);
  self->result_rules = li_rules_copy (self->rules);
  li_replay_view_set_result (self->replay_view, result, self->result_rules);
  _li_window_update_summary (self);
  _li_window_compare_update (self);

  self->last_replay_ms = (now - ticket->edit_time) / 1000.0;
  g_debug ("Replay of %u leads, %" G_GUINT64_FORMAT " events: %.1f ms from the edit, %.1f ms in the worker",
           result->leads, result->n_events, self->last_replay_ms,
           (now - ticket->start_time) / 1000.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REPLAY_MS]);

  _li_window_update_busy (self);
}

static void
_li_window_start_replay (LiWindow *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  ReplayTicket *ticket;

  g_clear_handle_id (&self->replay_timeout_id, g_source_remove);

  /* A newer edit supersedes the running replay. */
  self->replay_generation++;
  if (self->replay_cancellable != NULL)
    g_cancellable_cancel (self->replay_cancellable);
  g_clear_object (&self->replay_cancellable);
  self->replay_running = FALSE;

  if (self->store == NULL)
    {
      li_replay_view_set_busy (self->replay_view, FALSE);
      _li_window_update_busy (self);
      return;
    }

  if (!li_rules_validate (self->rules, problems))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        {
          LiProblem *problem = g_ptr_array_index (problems, i);
          g_autofree char *line = NULL;

          if (problem->level != LI_PROBLEM_ERROR)
            continue;
          line = li_problem_to_string (problem);
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, line);
        }
      _li_window_show_error (self, _("The rules have problems and cannot be replayed"), text->str);
      li_replay_view_set_busy (self->replay_view, FALSE);
      _li_window_update_busy (self);
      return;
    }

  /* A rules problem shown earlier is gone now. */
  if (gtk_revealer_get_reveal_child (self->error_revealer)
      && g_strcmp0 (gtk_label_get_text (self->error_heading),
                    _("The rules have problems and cannot be replayed")) == 0)
    _li_window_hide_error (self);

  ticket = g_new0 (ReplayTicket, 1);
  ticket->generation = self->replay_generation;
  ticket->edit_time = self->edit_time != 0 ? self->edit_time : g_get_monotonic_time ();
  ticket->start_time = g_get_monotonic_time ();
  self->edit_time = 0;

  self->replay_cancellable = g_cancellable_new ();
  self->replay_running = TRUE;
  li_replay_view_set_busy (self->replay_view, TRUE);
  li_replay_job_run_async (G_OBJECT (self), self->rules, self->store, self->leads, NULL,
                           self->replay_cancellable, _li_window_replay_done_cb, ticket);
  _li_window_update_busy (self);
}

static gboolean
_li_window_replay_timeout_cb (gpointer user_data)
{
  LiWindow *self = user_data;

  self->replay_timeout_id = 0;
  _li_window_start_replay (self);

  return G_SOURCE_REMOVE;
}

static void
_li_window_schedule_replay (LiWindow *self,
                            gboolean  debounce)
{
  if (self->edit_time == 0)
    self->edit_time = g_get_monotonic_time ();

  if (!debounce || self->store == NULL)
    {
      _li_window_start_replay (self);
      return;
    }

  g_clear_handle_id (&self->replay_timeout_id, g_source_remove);
  self->replay_timeout_id = g_timeout_add (REPLAY_DEBOUNCE_MS, _li_window_replay_timeout_cb, self);
  li_replay_view_set_busy (self->replay_view, TRUE);
  _li_window_update_busy (self);
}

/* Document */

void
_li_window_commit_rules (LiWindow      *self,
                         const LiRules *rules,
                         const char    *merge_key,
                         gboolean       update_editor)
{
  g_return_if_fail (LI_IS_WINDOW (self));
  g_return_if_fail (rules != NULL);

  if (li_rules_equal (self->rules, rules))
    return;

  li_rules_free (self->rules);
  self->rules = li_rules_copy (rules);
  if (update_editor)
    li_rule_editor_set_rules (self->rule_editor, self->rules);

  li_undo_stack_push (self->undo, self->rules, merge_key, g_get_monotonic_time ());
  _li_window_update_title (self);
  _li_window_update_actions (self);
  _li_window_schedule_replay (self, TRUE);
}

void
_li_window_apply_undo_state (LiWindow      *self,
                             const LiRules *rules)
{
  li_rules_free (self->rules);
  self->rules = li_rules_copy (rules);
  li_rule_editor_set_rules (self->rule_editor, self->rules);
  _li_window_update_title (self);
  _li_window_update_actions (self);
  _li_window_schedule_replay (self, TRUE);
}

void
_li_window_set_document (LiWindow      *self,
                         const LiRules *rules,
                         const char    *path)
{
  g_clear_pointer (&self->rules, li_rules_free);
  g_clear_pointer (&self->saved_rules, li_rules_free);
  self->rules = li_rules_copy (rules);
  self->saved_rules = li_rules_copy (rules);

  if (path != self->rules_path)
    {
      g_free (self->rules_path);
      self->rules_path = g_strdup (path);
    }

  li_undo_stack_reset (self->undo, self->rules);
  li_rule_editor_set_rules (self->rule_editor, self->rules);
  _li_window_update_title (self);
  _li_window_update_actions (self);
  _li_window_schedule_replay (self, FALSE);
}

/* Import */

static void
_li_window_import_progress_cb (guint64  done,
                               guint64  total,
                               gpointer user_data)
{
  LiWindow *self = user_data;
  g_autofree char *read = g_format_size (done);

  if (self->import_cancellable == NULL)
    return;

  if (total > 0)
    {
      g_autofree char *size = g_format_size (total);
      g_autofree char *text = NULL;

      gtk_progress_bar_set_fraction (self->import_progress, MIN (1.0, (double) done / total));
      /* TRANSLATORS: import progress, e.g. "12.1 MB of 40.2 MB" */
      text = g_strdup_printf (_("%s of %s"), read, size);
      gtk_progress_bar_set_text (self->import_progress, text);
    }
  else
    {
      gtk_progress_bar_pulse (self->import_progress);
      /* TRANSLATORS: import progress when the size is unknown, e.g. "12.1 MB read" */
      g_autofree char *text = g_strdup_printf (_("%s read"), read);
      gtk_progress_bar_set_text (self->import_progress, text);
    }
}

static void
_li_window_import_done_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  LiWindow *self = LI_WINDOW (object);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(LiImportData) data = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *gtk_app = gtk_window_get_application (GTK_WINDOW (self));
  LiApplication *app = gtk_app != NULL && LI_IS_APPLICATION (gtk_app) ? LI_APPLICATION (gtk_app) : NULL;

  data = li_import_job_finish (result, &error);

  if (generation != self->import_generation)
    return;

  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  _li_window_update_actions (self);

  if (data == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _li_window_show_toast (self, _("Import cancelled"));
      else
        _li_window_show_error (self,
                               self->store != NULL ? _("Import failed — the data in use was kept")
                                                   : _("Import failed"),
                               error->message);
      _li_window_update_busy (self);
      return;
    }

  _li_window_hide_error (self);

  if (data->store != NULL)
    {
      g_clear_pointer (&self->store, li_event_store_unref);
      g_clear_pointer (&self->event_paths, g_strfreev);
      g_clear_pointer (&self->formats, g_strfreev);
      self->store = g_steal_pointer (&data->store);
      self->event_paths = g_steal_pointer (&data->event_paths);
      self->formats = g_strdupv (data->report.formats);
      self->n_skipped = data->report.n_skipped;

      for (guint i = 0; self->event_paths[i] != NULL; i++)
        if (app != NULL)
          li_application_add_recent (app, self->event_paths[i]);
    }

  if (data->leads != NULL)
    {
      g_clear_pointer (&self->leads, li_lead_table_unref);
      g_clear_pointer (&self->leads_path, g_free);
      self->leads = g_steal_pointer (&data->leads);
      self->leads_path = g_steal_pointer (&data->leads_path);
    }

  g_debug ("Imported %u events of %u leads in %.1f ms",
           self->store ? self->store->n_events : 0,
           self->store ? self->store->n_leads : 0,
           data->elapsed_usec / 1000.0);

  li_rule_editor_set_dataset (self->rule_editor, self->store, self->leads);
  _li_window_compare_data_changed (self);
  if (self->store != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "main");
  _li_window_update_summary (self);
  _li_window_update_names (self);

  self->edit_time = g_get_monotonic_time ();
  _li_window_schedule_replay (self, FALSE);
}

void
_li_window_cancel_import (LiWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

void
li_window_import (LiWindow      *self,
                  GFile * const *events,
                  guint          n_events,
                  GFile         *leads)
{
  g_autofree char *first = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (LI_IS_WINDOW (self));
  g_return_if_fail (n_events > 0 || leads != NULL);

  _li_window_cancel_import (self);
  g_clear_object (&self->import_cancellable);
  self->import_cancellable = g_cancellable_new ();
  self->import_generation++;
  self->import_start = g_get_monotonic_time ();

  first = g_file_get_basename (n_events > 0 ? events[0] : leads);
  if (n_events > 1)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %s and %u more file…",
                                          "Importing %s and %u more files…", n_events - 1),
                             first, n_events - 1);
  else
    label = g_strdup_printf (_("Importing %s…"), first);
  gtk_label_set_text (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_progress_bar_set_text (self->import_progress, NULL);
  gtk_progress_bar_set_show_text (self->import_progress, TRUE);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);

  li_import_job_run_async (G_OBJECT (self), events, n_events, leads, self->import_cancellable,
                           _li_window_import_progress_cb, self, _li_window_import_done_cb,
                           GUINT_TO_POINTER (self->import_generation));
  _li_window_update_actions (self);
  _li_window_update_busy (self);
}

void
_li_window_import_paths (LiWindow           *self,
                         const char * const *paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));

  if (files->len > 0)
    li_window_import (self, (GFile * const *) files->pdata, files->len, NULL);
}

/* Recent files */

static void
_li_window_recent_row_activated_cb (GtkListBox    *list,
                                    GtkListBoxRow *row,
                                    LiWindow      *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", path);
}

static void
_li_window_recent_changed_cb (GSettings  *settings,
                              const char *key,
                              LiWindow   *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-files");
  GtkWidget *child;
  g_autoptr(GMenu) section = g_menu_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (recent[i]);
      g_autofree char *dir = g_path_get_dirname (recent[i]);
      g_autofree char *home_dir = NULL;
      g_autoptr(GMenuItem) item = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;

      if (g_str_has_prefix (dir, g_get_home_dir ()))
        home_dir = g_strconcat ("~", dir + strlen (g_get_home_dir ()), NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), base);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), home_dir ? home_dir : dir);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      icon = gtk_image_new_from_icon_name (g_str_has_suffix (recent[i], ".json")
                                           && !g_str_has_suffix (recent[i], ".jsonl")
                                           ? "text-x-generic-symbolic"
                                           : "x-office-spreadsheet-symbolic");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);

      item = g_menu_item_new (base, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (section, item);
    }

  gtk_widget_set_visible (self->recent_group, recent[0] != NULL);

  g_menu_remove_all (self->recent_menu);
  if (recent[0] != NULL)
    g_menu_append_section (self->recent_menu, NULL, G_MENU_MODEL (section));
  else
    g_menu_append (self->recent_menu, _("No Recent Files"), "win.no-recent-files");
}

/* Drag and drop */

static gboolean
_li_window_drop_cb (GtkDropTarget *target,
                    const GValue  *value,
                    double         x,
                    double         y,
                    LiWindow      *self)
{
  GSList *list;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  GFile *rules = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name != NULL && g_str_has_suffix (name, ".leadrules.json"))
        rules = l->data;
      else
        g_ptr_array_add (events, g_object_ref (l->data));
    }
  g_slist_free (list);

  if (rules != NULL && events->len == 0)
    {
      g_autofree char *path = g_file_get_path (rules);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.open-recent", "s", path);
      return TRUE;
    }

  if (events->len == 0)
    return FALSE;

  li_window_import (self, (GFile * const *) events->pdata, events->len, NULL);
  return TRUE;
}

/* Rule editor and replay view */

static void
_li_window_rules_changed_cb (LiRuleEditor  *editor,
                             const LiRules *rules,
                             LiWindow      *self)
{
  _li_window_commit_rules (self, rules, NULL, FALSE);
}

static void
_li_window_threshold_changed_cb (LiReplayView *view,
                                 guint         stage,
                                 double        min_score,
                                 LiWindow     *self)
{
  g_autoptr(LiRules) rules = NULL;
  g_autofree char *key = NULL;

  if (stage >= self->rules->n_stages)
    return;

  rules = li_rules_copy (self->rules);
  rules->stages[stage].has_min_score = TRUE;
  rules->stages[stage].min_score = min_score;
  key = g_strdup_printf ("threshold-%u", stage);
  _li_window_commit_rules (self, rules, key, TRUE);
}

/* Window */

static gboolean
_li_window_close_confirmed_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
_li_window_close_after_discard (LiWindow *self,
                                gpointer  user_data)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, _li_window_close_confirmed_cb, g_object_ref (self),
                   g_object_unref);
}

static gboolean
li_window_close_request (GtkWindow *window)
{
  LiWindow *self = LI_WINDOW (window);

  if (self->dirty && !self->close_confirmed)
    {
      _li_window_maybe_discard (self, _li_window_close_after_discard, NULL, NULL);
      return TRUE;
    }

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  _li_window_cancel_import (self);
  if (self->replay_cancellable != NULL)
    g_cancellable_cancel (self->replay_cancellable);

  return GTK_WINDOW_CLASS (li_window_parent_class)->close_request (window);
}

/* GtkWindow:application is not a construct property: this runs once the
 * window knows its application. */
static void
_li_window_attach_settings (LiWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && LI_IS_APPLICATION (app))
    self->settings = li_application_get_settings (LI_APPLICATION (app));

  if (self->settings != NULL)
    {
      g_object_ref (self->settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (_li_window_recent_changed_cb), self, 0);
      _li_window_recent_changed_cb (self->settings, "recent-files", self);
    }
  else
    {
      g_menu_append (self->recent_menu, _("No Recent Files"), "win.no-recent-files");
    }

  _li_window_update_actions (self);
}

static void
li_window_dispose (GObject *object)
{
  LiWindow *self = LI_WINDOW (object);

  _li_window_cancel_import (self);
  g_clear_object (&self->import_cancellable);
  if (self->replay_cancellable != NULL)
    g_cancellable_cancel (self->replay_cancellable);
  g_clear_object (&self->replay_cancellable);
  g_clear_handle_id (&self->replay_timeout_id, g_source_remove);
  _li_window_compare_dispose (self);

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_WINDOW);

  G_OBJECT_CLASS (li_window_parent_class)->dispose (object);
}

static void
li_window_finalize (GObject *object)
{
  LiWindow *self = LI_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->after_save, _li_continuation_free);
  g_clear_pointer (&self->rules, li_rules_free);
  g_clear_pointer (&self->saved_rules, li_rules_free);
  g_clear_pointer (&self->rules_path, g_free);
  g_clear_pointer (&self->undo, li_undo_stack_free);
  g_clear_pointer (&self->store, li_event_store_unref);
  g_clear_pointer (&self->leads, li_lead_table_unref);
  g_clear_pointer (&self->event_paths, g_strfreev);
  g_clear_pointer (&self->leads_path, g_free);
  g_clear_pointer (&self->formats, g_strfreev);
  g_clear_pointer (&self->result, li_replay_result_unref);
  g_clear_pointer (&self->result_rules, li_rules_free);

  G_OBJECT_CLASS (li_window_parent_class)->finalize (object);
}

static void
li_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LiWindow *self = LI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_LAST_REPLAY_MS:
      g_value_set_double (value, self->last_replay_ms);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_window_class_init (LiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = li_window_dispose;
  object_class->finalize = li_window_finalize;
  object_class->get_property = li_window_get_property;

  window_class->close_request = li_window_close_request;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_REPLAY_MS] =
    g_param_spec_double ("last-replay-ms", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LI_TYPE_RULE_EDITOR);
  g_type_ensure (LI_TYPE_REPLAY_VIEW);
  g_type_ensure (LI_TYPE_COMPARE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/li-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, drop_area);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, error_heading);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, summary_revealer);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, summary_files_label);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, names_list);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, sample_button);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, rule_editor);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, replay_view);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, compare_view);
  gtk_widget_class_bind_template_child_full (widget_class, "recent_section", FALSE,
                                             G_STRUCT_OFFSET (LiWindow, recent_menu));

  _li_window_class_actions_init (widget_class);
  _li_window_class_compare_init (widget_class);
}

static void
li_window_init (LiWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rules = _li_window_load_template ();
  self->saved_rules = li_rules_copy (self->rules);
  self->undo = li_undo_stack_new (self->rules, UNDO_DEPTH);

  li_rule_editor_set_rules (self->rule_editor, self->rules);
  g_signal_connect_object (self->rule_editor, "rules-changed",
                           G_CALLBACK (_li_window_rules_changed_cb), self, 0);
  g_signal_connect_object (self->replay_view, "threshold-changed",
                           G_CALLBACK (_li_window_threshold_changed_cb), self, 0);
  g_signal_connect_object (self->recent_list, "row-activated",
                           G_CALLBACK (_li_window_recent_row_activated_cb), self, 0);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (_li_window_drop_cb), self, 0);
  gtk_widget_add_controller (self->drop_area, GTK_EVENT_CONTROLLER (drop));

  _li_window_compare_init (self);
  _li_window_update_title (self);
}

/* Public API */

LiWindow *
li_window_new (LiApplication *application)
{
  LiWindow *self = g_object_new (LI_TYPE_WINDOW, "application", application, NULL);

  _li_window_attach_settings (self);

  return self;
}

gboolean
li_window_open_rules (LiWindow *self,
                      GFile    *file)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) rules = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  guint n_warnings = 0;
  GtkApplication *app;

  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  base = g_file_get_basename (file);
  if (path == NULL)
    {
      _li_window_show_error (self, _("Could not open the rules"), _("Only local files can be opened"));
      return FALSE;
    }

  rules = li_rules_from_file (path, problems, &error);
  if (rules == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” Is Not a Valid Rule File"), base);

      _li_window_show_problems (self, heading, problems, error);
      return FALSE;
    }

  _li_window_set_document (self, rules, path);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL && LI_IS_APPLICATION (app))
    {
      li_application_add_recent (LI_APPLICATION (app), path);
      li_application_set_last_rules (LI_APPLICATION (app), path);
    }

  for (guint i = 0; i < problems->len; i++)
    if (((LiProblem *) g_ptr_array_index (problems, i))->level == LI_PROBLEM_WARNING)
      n_warnings++;

  if (n_warnings > 0)
    {
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opened “%s” with %u warning",
                                            "Opened “%s” with %u warnings", n_warnings),
                               base, n_warnings);
      _li_window_show_toast (self, title);
    }

  return TRUE;
}

gboolean
li_window_save_rules_to (LiWindow   *self,
                         const char *path,
                         GError    **error)
{
  GtkApplication *app;

  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!li_rules_save (self->rules, path, error))
    return FALSE;

  g_clear_pointer (&self->saved_rules, li_rules_free);
  self->saved_rules = li_rules_copy (self->rules);
  if (g_strcmp0 (path, self->rules_path) != 0)
    {
      g_free (self->rules_path);
      self->rules_path = g_strdup (path);
    }
  _li_window_update_title (self);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL && LI_IS_APPLICATION (app))
    {
      li_application_add_recent (LI_APPLICATION (app), path);
      li_application_set_last_rules (LI_APPLICATION (app), path);
    }

  return TRUE;
}

const LiRules *
li_window_get_rules (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return self->rules;
}

const char *
li_window_get_rules_path (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return self->rules_path;
}

gboolean
li_window_get_dirty (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);

  return self->dirty;
}

gboolean
li_window_get_busy (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);

  return self->busy;
}

double
li_window_get_last_replay_ms (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), 0);

  return self->last_replay_ms;
}

LiReplayResult *
li_window_get_replay_result (LiWindow       *self,
                             const LiRules **rules)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  if (rules != NULL)
    *rules = self->result_rules;

  return self->result;
}

LiEventStore *
li_window_get_store (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return self->store;
}

GtkWidget *
li_window_get_replay_view (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->replay_view);
}

GtkWidget *
li_window_get_rule_editor (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->rule_editor);
}

const char *
li_window_get_error_text (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

/* Screenshots */

typedef struct
{
  GFile   *file;
  gboolean settled;
  gulong   busy_handler;
  gulong   paint_handler;
  guint    settle_id;
  guint    timeout_id;
} ScreenshotState;

/* Time for transitions (stack crossfades, revealers) to end once the data is
 * in: libadwaita's and GTK's run for 200–300 ms. */
#define SCREENSHOT_SETTLE_MS 700

static void
_li_screenshot_state_free (ScreenshotState *state)
{
  g_clear_object (&state->file);
  g_free (state);
}

static void
_li_window_screenshot_disconnect (GTask *task)
{
  LiWindow *self = g_task_get_source_object (task);
  ScreenshotState *state = g_task_get_task_data (task);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_clear_signal_handler (&state->busy_handler, self);
  if (clock != NULL)
    g_clear_signal_handler (&state->paint_handler, clock);
  g_clear_handle_id (&state->settle_id, g_source_remove);
  g_clear_handle_id (&state->timeout_id, g_source_remove);
}

static void
_li_window_screenshot_save (GTask *task)
{
  LiWindow *self = g_task_get_source_object (task);
  ScreenshotState *state = g_task_get_task_data (task);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_file_get_path (state->file);
  GskRenderer *renderer;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  _li_window_screenshot_disconnect (task);

  paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (self));

  if (node == NULL || renderer == NULL || path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("Nothing to save"));
      return;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write %s"), path);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
_li_window_screenshot_settled_cb (gpointer user_data)
{
  GTask *task = user_data;
  ScreenshotState *state = g_task_get_task_data (task);

  state->settle_id = 0;
  state->settled = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (g_task_get_source_object (task)));

  return G_SOURCE_REMOVE;
}

static void
_li_window_screenshot_after_paint_cb (GdkFrameClock *clock,
                                      GTask         *task)
{
  ScreenshotState *state = g_task_get_task_data (task);
  LiWindow *self = g_task_get_source_object (task);

  if (self->busy)
    return;

  if (!state->settled)
    {
      if (state->settle_id == 0)
        state->settle_id = g_timeout_add (SCREENSHOT_SETTLE_MS, _li_window_screenshot_settled_cb,
                                          task);
      return;
    }

  /* A frame painted after the transitions ended. */
  _li_window_screenshot_save (task);
  g_object_unref (task);
}

static void
_li_window_screenshot_busy_cb (LiWindow   *self,
                               GParamSpec *pspec,
                               GTask      *task)
{
  ScreenshotState *state = g_task_get_task_data (task);

  state->settled = FALSE;
  g_clear_handle_id (&state->settle_id, g_source_remove);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void _li_window_screenshot_map_cb (LiWindow *self,
                                          GTask    *task);

static gboolean
_li_window_screenshot_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  ScreenshotState *state = g_task_get_task_data (task);

  state->timeout_id = 0;
  _li_window_screenshot_disconnect (task);
  g_signal_handlers_disconnect_by_func (g_task_get_source_object (task),
                                        _li_window_screenshot_map_cb, task);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           _("The window did not finish loading in time"));
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
_li_window_screenshot_map_cb (LiWindow *self,
                              GTask    *task)
{
  ScreenshotState *state = g_task_get_task_data (task);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, _li_window_screenshot_map_cb, task);
  state->paint_handler = g_signal_connect (clock, "after-paint",
                                           G_CALLBACK (_li_window_screenshot_after_paint_cb), task);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
li_window_save_screenshot_async (LiWindow           *self,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  GTask *task;
  ScreenshotState *state;

  g_return_if_fail (LI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  state = g_new0 (ScreenshotState, 1);
  state->file = g_object_ref (file);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, li_window_save_screenshot_async);
  g_task_set_task_data (task, state, (GDestroyNotify) _li_screenshot_state_free);

  state->busy_handler = g_signal_connect (self, "notify::busy",
                                          G_CALLBACK (_li_window_screenshot_busy_cb), task);
  state->timeout_id = g_timeout_add_seconds (120, _li_window_screenshot_timeout_cb, task);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _li_window_screenshot_map_cb (self, task);
  else
    g_signal_connect (self, "map", G_CALLBACK (_li_window_screenshot_map_cb), task);
}

gboolean
li_window_save_screenshot_finish (LiWindow     *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
