/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window: the rule editor, the replay and compare pages, the data
 * summary, the actions and dialogs.  What it shows is its LiProject's: the
 * window asks the project for work and follows its signals. */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-window.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "li-compare-view.h"
#include "li-format.h"
#include "li-import-source.h"
#include "li-leads-view.h"
#include "li-mapping-dialog.h"
#include "li-publish-dialog.h"
#include "li-range-button.h"
#include "li-replay-view.h"
#include "li-rule-editor.h"
#include "li-leads-export-dialog.h"
#include "li-sql-export-dialog.h"
#include "li-stage-table.h"
#include "li-drift-view.h"
#include "li-suggest-dialog.h"
#include "li-sweep-dialog.h"
#include "li-url-dialog.h"
#include "li-window-dialogs.h"
#include "li-rules-validate.h"
#include "li-problem.h"
#include "li-problem-describe.h"

typedef void (*LiWindowContinuation) (LiWindow *self,
                                      gpointer  user_data);

/* What to do once the unsaved-changes question is answered. */
typedef struct
{
  LiWindowContinuation continuation;
  gpointer             user_data;
  GDestroyNotify       destroy;
} LiContinuation;

struct _LiWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *drop_area;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_heading;
  GtkLabel            *error_label;
  GtkRevealer         *import_revealer;
  GtkLabel            *import_label;
  GtkProgressBar      *import_progress;
  GtkRevealer         *summary_revealer;
  GtkLabel            *summary_label;
  GtkLabel            *summary_files_label;
  GtkListBox          *names_list;
  LiRangeButton       *range_button;
  GtkStack            *content_stack;
  GtkWidget           *sample_button;
  GtkWidget           *recent_group;
  GtkListBox          *recent_list;
  LiRuleEditor        *rule_editor;
  LiReplayView        *replay_view;
  AdwViewStack        *view_stack;
  LiCompareView       *compare_view;
  AdwLeaflet          *leaflet;
  GtkToggleButton     *rules_toggle;
  GtkToggleButton     *results_toggle;
  GtkWidget           *fold_switch;
  guint                fold_idle_id;
  LiLeadsView         *leads_view;
  LiDriftView         *drift_view;
  GMenu               *recent_menu;

  GSettings           *settings;
  LiProject           *project;
  GdkFrameClock       *diagnostics_clock;     /* asks for the rule diagnostics after its paint */
  gulong               diagnostics_paint_id;

  gboolean             close_confirmed;
  gboolean             result_stale;  /* the result is of the data before the last import */
  LiContinuation      *after_save;    /* run once the rules are saved (unsaved-changes dialog) */
  GtkNativeDialog     *file_chooser;  /* the one shown; a new one replaces it */

  /* The last import, to run it again through a column mapping when a
   * file's format is not known, and what it skipped. */
  GStrv                import_paths;
  char                *import_leads;
  gboolean             import_skip;
  LiImportReport       import_report;
};

G_DEFINE_FINAL_TYPE (LiWindow, li_window, ADW_TYPE_APPLICATION_WINDOW)

/* Helpers */

static void
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

static LiApplication *
_li_window_get_app (LiWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL && LI_IS_APPLICATION (app) ? LI_APPLICATION (app) : NULL;
}

static LiEventStore *
_li_window_get_store (LiWindow *self)
{
  LiDataset *dataset = li_project_get_dataset (self->project);

  return dataset != NULL ? li_dataset_get_store (dataset) : NULL;
}

static void
_li_window_add_recent (LiWindow   *self,
                       const char *path,
                       gboolean    last_rules)
{
  LiApplication *app = _li_window_get_app (self);

  if (app == NULL)
    return;

  li_application_add_recent (app, path);
  if (last_rules)
    li_application_set_last_rules (app, path);
}

static void
_li_window_update_title (LiWindow *self)
{
  g_autofree char *title = li_project_dup_title (self->project);
  g_autofree char *subtitle = li_project_dup_subtitle (self->project);
  g_autofree char *window_title = NULL;

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* TRANSLATORS: window title: "rule set name — file name — Lead Intent" */
  window_title = g_strdup_printf (_("%s — %s — Lead Intent"), title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
_li_window_update_actions (LiWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  LiApplication *app = _li_window_get_app (self);
  gboolean has_sample = app != NULL && li_application_get_sample_dir (app) != NULL;

  gtk_widget_action_set_enabled (widget, "win.undo", li_project_can_undo (self->project));
  gtk_widget_action_set_enabled (widget, "win.redo", li_project_can_redo (self->project));
  gtk_widget_action_set_enabled (widget, "win.cancel-import", li_project_get_importing (self->project));
  gtk_widget_action_set_enabled (widget, "win.open-sample", has_sample);
  gtk_widget_set_visible (self->sample_button, has_sample);
}

static void
_li_window_show_toast (LiWindow   *self,
                       const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
_li_window_show_error (LiWindow   *self,
                       const char *heading,
                       const char *details)
{
  gtk_label_set_text (self->error_heading, heading);
  gtk_label_set_text (self->error_label, details ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), details != NULL && *details != '\0');
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
_li_window_hide_error (LiWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

/* The switch shows while the leaflet is folded.  Set from an idle: the
 * leaflet folds while it is allocated, and the header bar must not change
 * then. */
static gboolean
_li_window_fold_idle_cb (gpointer user_data)
{
  LiWindow *self = user_data;

  self->fold_idle_id = 0;
  gtk_widget_set_visible (self->fold_switch, adw_leaflet_get_folded (self->leaflet));
  return G_SOURCE_REMOVE;
}

static void
_li_window_folded_cb (AdwLeaflet *leaflet,
                      GParamSpec *pspec,
                      LiWindow   *self)
{
  if (self->fold_idle_id == 0)
    self->fold_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, _li_window_fold_idle_cb, self, NULL);
}

/* Shows the Replay or Compare page, and the results in a narrow window. */
static void
_li_window_show_page (LiWindow   *self,
                      const char *page)
{
  adw_view_stack_set_visible_child_name (self->view_stack, page);
  adw_leaflet_set_visible_child_name (self->leaflet, "results");
}

static void
_li_window_show_import_error (LiWindow   *self,
                              const char *details)
{
  _li_window_show_error (self,
                         _li_window_get_store (self) != NULL
                         ? _("Import failed — the data in use was kept")
                         : _("Import failed"),
                         details);
}

/* The file chooser of the window (the one shown; a new one replaces it). */
static void
_li_window_set_chooser (LiWindow             *self,
                        GtkFileChooserNative *chooser)
{
  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
}

/* The chooser's file (@response accepted), once it is closed. */
static GFile *
_li_window_chooser_done (LiWindow        *self,
                         GtkNativeDialog *dialog,
                         int              response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (self->file_chooser == dialog)
    g_clear_object (&self->file_chooser);

  return file;
}

static void
_li_window_show_chooser (LiWindow      *self,
                         LiChooserKind  kind,
                         GCallback      response_cb)
{
  GtkFileChooserNative *chooser = li_file_chooser_new (GTK_WINDOW (self), kind);

  _li_window_set_chooser (self, chooser);
  g_signal_connect (chooser, "response", response_cb, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The data summary */

static char *
_li_window_format_time (gint64 time_ms)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time_ms / 1000);

  if (dt == NULL)
    return g_strdup ("?");

  return g_date_time_format (dt, "%Y-%m-%d %H:%M");
}

/* "17,434 events · 4,504 leads · 2019-10-01 00:00 – 02:50 UTC · …" */
static char *
_li_window_format_summary (LiEventStore         *store,
                           const LiReplayResult *result,
                           guint64               n_skipped)
{
  g_autofree char *events = li_format_count (store->n_events);
  g_autofree char *leads = li_format_count (store->n_leads);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text,
                          /* TRANSLATORS: dataset summary, e.g. "17,434 events · 4,504 leads" */
                          _("%s events · %s leads"), events, leads);

  if (store->n_events > 0)
    {
      g_autofree char *from = _li_window_format_time (store->min_time_ms);
      g_autofree char *to = _li_window_format_time (store->max_time_ms);

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

  if (result != NULL)
    {
      g_autofree char *converters = li_format_count (result->converters);

      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, " · %s converter",
                                           " · %s converters", result->converters),
                              converters);
    }

  if (n_skipped > 0)
    {
      g_autofree char *skipped = li_format_count (n_skipped);

      /* ngettext takes an unsigned long: clamp, the plural form is the same */
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, " · %s bad row skipped",
                                           " · %s bad rows skipped", (gulong) MIN (n_skipped, G_MAXUINT32)),
                              skipped);
    }

  return g_string_free (text, FALSE);
}

/* "events.csv (rees46), more.csv (csv) + leads.csv" */
static char *
_li_window_format_files (LiDataset *dataset)
{
  const char * const *paths = li_dataset_get_event_paths (dataset);
  const char *leads_path = li_dataset_get_leads_path (dataset);
  GStrv formats = li_dataset_get_report (dataset)->formats;
  GString *files = g_string_new (NULL);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (paths[i]);

      if (files->len > 0)
        g_string_append (files, ", ");
      g_string_append (files, base);
      if (formats != NULL && i < g_strv_length (formats))
        g_string_append_printf (files, " (%s)", formats[i]);
    }
  if (leads_path != NULL)
    {
      g_autofree char *base = g_path_get_basename (leads_path);

      if (files->len > 0)
        g_string_append (files, " + ");
      g_string_append (files, base);
    }

  return g_string_free (files, FALSE);
}

static void
_li_window_update_summary (LiWindow *self)
{
  LiDataset *dataset = li_project_get_dataset (self->project);
  LiEventStore *store = _li_window_get_store (self);
  g_autofree char *text = NULL;
  g_autofree char *files = NULL;

  if (store == NULL)
    {
      gtk_revealer_set_reveal_child (self->summary_revealer, FALSE);
      return;
    }

  /* The converters are the replay's: said once the new data is replayed,
   * not the old data's count next to the new events and leads. */
  text = _li_window_format_summary (store,
                                    self->result_stale ? NULL : li_project_get_result (self->project, NULL),
                                    li_dataset_get_report (dataset)->n_skipped);
  if (store->n_events > 0)
    li_range_button_set_data_span (self->range_button, store->min_time_ms, store->max_time_ms);
  files = _li_window_format_files (dataset);
  gtk_label_set_text (self->summary_label, text);
  gtk_label_set_text (self->summary_files_label, files);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->summary_files_label), files);
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

static GtkWidget *
_li_window_name_row_new (const char *name,
                         guint32     count)
{
  g_autofree char *count_text = li_format_count (count);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *count_label = gtk_label_new (count_text);

  gtk_widget_add_css_class (row, "name-count-row");
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_widget_set_hexpand (name_label, TRUE);
  /* Names are what the popover is for: wrapped, never cut, at any length
   * (underscores are break points as well as spaces). */
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (name_label), 40);
  gtk_label_set_width_chars (GTK_LABEL (name_label), 12);
  gtk_widget_set_tooltip_text (name_label, name);
  gtk_label_set_xalign (GTK_LABEL (count_label), 1);
  gtk_widget_set_valign (count_label, GTK_ALIGN_START);
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_box_append (GTK_BOX (row), name_label);
  gtk_box_append (GTK_BOX (row), count_label);

  return row;
}

/* The event names of the data, most frequent first. */
static void
_li_window_update_names (LiWindow *self)
{
  LiEventStore *store = _li_window_get_store (self);
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (NameCount));
  GtkWidget *child;
  guint32 n_names;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->names_list))) != NULL)
    gtk_list_box_remove (self->names_list, child);

  if (store == NULL)
    return;

  n_names = li_str_pool_size (store->names);
  for (guint32 i = 0; i < n_names; i++)
    {
      NameCount nc = { i, store->name_count ? store->name_count[i] : 0 };
      g_array_append_val (names, nc);
    }
  g_array_sort (names, _li_name_count_compare);

  for (guint i = 0; i < names->len; i++)
    {
      const NameCount *nc = &g_array_index (names, NameCount, i);

      gtk_list_box_append (self->names_list,
                           _li_window_name_row_new (li_str_pool_get (store->names, nc->name),
                                                    nc->count));
    }
}

/* Import */

static void
_li_window_import_with (LiWindow           *self,
                        const char * const *event_paths,
                        const char         *leads_path,
                        LiFormat            format,
                        gboolean            skip_bad_rows,
                        const LiCsvMap     *map)
{
  LiImportOptions options = { .format = format, .skip_bad_rows = skip_bad_rows, .map = map };
  guint n_events = event_paths != NULL ? g_strv_length ((GStrv) event_paths) : 0;
  g_autofree char *shown = li_import_source_display_name (n_events > 0 ? event_paths[0] : leads_path);
  g_autofree char *first = g_path_get_basename (shown);
  g_autofree char *label = NULL;

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

  g_strfreev (self->import_paths);
  self->import_paths = g_strdupv ((GStrv) event_paths);
  g_free (self->import_leads);
  self->import_leads = g_strdup (leads_path);
  self->import_skip = skip_bad_rows;
  li_project_import_with_options (self->project, event_paths, leads_path, &options);
}

static void
_li_window_import_paths (LiWindow           *self,
                         const char * const *event_paths,
                         const char         *leads_path)
{
  _li_window_import_with (self, event_paths, leads_path, LI_FORMAT_AUTO, FALSE, NULL);
}

static void
_li_window_mapping_import_cb (LiMappingDialog *dialog,
                              const LiCsvMap  *map,
                              LiWindow        *self)
{
  GStrv paths = g_object_get_data (G_OBJECT (dialog), "li-paths");
  const char *leads = g_object_get_data (G_OBJECT (dialog), "li-leads");
  gboolean skip = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "li-skip"));

  _li_window_import_with (self, (const char * const *) paths, leads, LI_FORMAT_AUTO, skip, map);
}

/* The mapping dialog for @path; its mapping imports @paths (every file of
 * the import goes through it). */
static void
_li_window_open_mapping (LiWindow           *self,
                         const char         *path,
                         const char * const *paths,
                         const char         *leads_path,
                         gboolean            skip_bad_rows)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LiMappingDialog *dialog = li_mapping_dialog_new (GTK_WINDOW (self), file);

  g_object_set_data_full (G_OBJECT (dialog), "li-paths", g_strdupv ((GStrv) paths),
                          (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (dialog), "li-leads", g_strdup (leads_path), g_free);
  g_object_set_data (G_OBJECT (dialog), "li-skip", GINT_TO_POINTER (skip_bad_rows));
  g_signal_connect_object (dialog, "import", G_CALLBACK (_li_window_mapping_import_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* An import failed on a CSV of no known format: offer a column mapping
 * for that file (the error names it as it was given). */
static gboolean
_li_window_offer_mapping (LiWindow     *self,
                          const GError *error)
{
  if (!g_error_matches (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_UNKNOWN_FORMAT) ||
      self->import_paths == NULL)
    return FALSE;
  for (guint i = 0; self->import_paths[i] != NULL; i++)
    {
      const char *path = self->import_paths[i];

      if (g_str_has_prefix (error->message, path) && error->message[strlen (path)] == ':')
        {
          _li_window_open_mapping (self, path, (const char * const *) self->import_paths,
                                   self->import_leads, self->import_skip);
          return TRUE;
        }
    }
  return FALSE;
}

/* Skipped rows are counted in a toast whose button shows the reasons. */
static void
_li_window_report_skipped (LiWindow  *self,
                           LiDataset *loaded)
{
  const LiImportReport *report = li_dataset_get_report (loaded);
  g_autofree char *title = NULL;
  AdwToast *toast;

  li_import_report_clear (&self->import_report);
  if (report->n_skipped == 0)
    return;
  self->import_report.n_skipped = report->n_skipped;
  self->import_report.n_ignored = report->n_ignored;
  self->import_report.skipped_reasons = g_strdupv (report->skipped_reasons);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Skipped %" PRIu64 " bad row",
                                        "Skipped %" PRIu64 " bad rows", report->n_skipped),
                           report->n_skipped);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-skipped-rows");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The replayed period */

static void
range_changed_cb (LiWindow *self)
{
  gboolean has_from, has_to;
  gint64 from_ms, to_ms;

  li_range_button_get_range (self->range_button, &has_from, &from_ms, &has_to, &to_ms);
  li_project_set_time_range (self->project, has_from, from_ms, has_to, to_ms);
}

/* Saving */

static void
_li_window_report_save_error (LiWindow     *self,
                              const GError *error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);

  if (li_rules_validate (li_project_get_rules (self->project), problems))
    g_ptr_array_set_size (problems, 0);  /* valid: an I/O error, show it as it is */

  li_problems_dialog_present (GTK_WINDOW (self), _("The Rules Could Not Be Saved"),
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
_li_window_save_draft_response_cb (AdwMessageDialog *dialog,
                                   const char       *response,
                                   LiWindow         *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "draft"))
    {
      g_clear_pointer (&self->after_save, _li_continuation_free);
      return;
    }
  if (!li_window_save_draft_to (self, path, &error))
    {
      g_clear_pointer (&self->after_save, _li_continuation_free);
      li_problems_dialog_present (GTK_WINDOW (self), _("The Rules Could Not Be Saved"), NULL, error);
      return;
    }
  _li_window_run_after_save (self);
}

/* Saves to @path, then runs what waited for it; or reports the error.
 * Rules with problems are saved as a draft when the user says so: work in
 * progress is never lost to a refusal. */
static void
_li_window_save_to (LiWindow   *self,
                    const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  const LiRules *rules = li_project_get_rules (self->project);

  if (!li_rules_validate (rules, problems))
    {
      AdwMessageDialog *dialog = li_save_draft_dialog_new (GTK_WINDOW (self), problems, rules);

      g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (path), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (_li_window_save_draft_response_cb),
                               self, G_CONNECT_DEFAULT);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (!li_window_save_rules_to (self, path, &error))
    {
      g_clear_pointer (&self->after_save, _li_continuation_free);
      _li_window_report_save_error (self, error);
      return;
    }
  _li_window_run_after_save (self);
}

static void
_li_window_save_as_response_cb (GtkNativeDialog *dialog,
                                int              response,
                                LiWindow        *self)
{
  g_autoptr(GFile) file = _li_window_chooser_done (self, dialog, response);
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path == NULL)
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

  _li_window_save_to (self, path);
}

static void
_li_window_save (LiWindow *self,
                 gboolean  save_as)
{
  const char *path = li_project_get_path (self->project);
  GtkFileChooserNative *chooser;

  if (!save_as && path != NULL)
    {
      _li_window_save_to (self, path);
      return;
    }

  chooser = li_file_chooser_new (GTK_WINDOW (self), LI_CHOOSER_SAVE_RULES);
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
    }
  else
    {
      const char *name = li_project_get_rules (self->project)->name;
      g_autofree char *lower = g_utf8_strdown (name != NULL && *name != '\0' ? name : _("rules"), -1);
      g_autofree char *file_name = NULL;

      g_strdelimit (lower, " /\\:", '-');
      file_name = g_strconcat (lower, ".leadrules.json", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
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

/* Runs @continuation now, or after asking to save unsaved changes. */
static void
_li_window_maybe_discard (LiWindow             *self,
                          LiWindowContinuation  continuation,
                          gpointer              user_data,
                          GDestroyNotify        destroy)
{
  AdwMessageDialog *dialog;
  LiContinuation *cont;

  if (!li_project_get_unsaved_work (self->project))
    {
      continuation (self, user_data);
      if (destroy != NULL)
        destroy (user_data);
      return;
    }

  dialog = li_save_changes_dialog_new (GTK_WINDOW (self), li_project_get_name (self->project));
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
  li_project_reset (self->project);
}

static void
_li_window_open_path_cont (LiWindow *self,
                           gpointer  user_data)
{
  li_project_open (self->project, user_data);
}

static void
_li_window_open_rules_response_cb (GtkNativeDialog *dialog,
                                   int              response,
                                   LiWindow        *self)
{
  g_autoptr(GFile) file = _li_window_chooser_done (self, dialog, response);

  if (file != NULL)
    li_window_open_rules (self, file);
}

static void
_li_window_open_rules_cont (LiWindow *self,
                            gpointer  user_data)
{
  _li_window_show_chooser (self, LI_CHOOSER_OPEN_RULES,
                           G_CALLBACK (_li_window_open_rules_response_cb));
}

static void
_li_window_open_sample_cont (LiWindow *self,
                             gpointer  user_data)
{
  const char *dir = user_data;
  g_autofree char *rules = g_build_filename (dir, "sample.leadrules.json", NULL);
  g_autofree char *events = g_build_filename (dir, "rees46-2019oct-head.csv.gz", NULL);
  const char *event_paths[] = { events, NULL };

  li_project_open (self->project, rules);
  _li_window_import_paths (self, event_paths, NULL);
}

static gboolean
_li_window_close_confirmed_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
_li_window_close_cont (LiWindow *self,
                       gpointer  user_data)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, _li_window_close_confirmed_cb, g_object_ref (self),
                   g_object_unref);
}

/* Project */

static void
_li_window_project_rules_changed_cb (LiProject *project,
                                     LiWindow  *self)
{
  const LiRules *rules = li_project_get_rules (project);

  /* An edit made in the editor is there already. */
  if (!li_rules_equal (li_rule_editor_get_rules (self->rule_editor), rules))
    li_rule_editor_set_rules (self->rule_editor, rules);
  _li_window_update_title (self);
  _li_window_update_actions (self);
}

static void
_li_window_project_title_changed_cb (LiProject  *project,
                                     GParamSpec *pspec,
                                     LiWindow   *self)
{
  _li_window_update_title (self);
}

static void
_li_window_open_finished_cb (LiProject    *project,
                             const char   *path,
                             GPtrArray    *problems,
                             const GError *error,
                             LiWindow     *self)
{
  g_autofree char *base = g_path_get_basename (path);
  guint n_warnings = 0;

  if (error != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” Is Not a Valid Rule File"), base);

      li_problems_dialog_present (GTK_WINDOW (self), heading, problems, error);
      return;
    }

  _li_window_add_recent (self, path, TRUE);
  /* The rules are listed even without data; the results side asks for it. */
  gtk_stack_set_visible_child_name (self->content_stack, "main");

  for (guint i = 0; i < problems->len; i++)
    if (((LiProblem *) g_ptr_array_index (problems, i))->level == LI_PROBLEM_WARNING)
      n_warnings++;

  /* A draft saved with problems: the editor lists them. */
  if (problems->len > n_warnings)
    {
      guint n_errors = problems->len - n_warnings;
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opened the draft “%s” with %u problem",
                                            "Opened the draft “%s” with %u problems", n_errors),
                               base, n_errors);
      _li_window_show_toast (self, title);
    }
  else if (n_warnings > 0)
    {
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opened “%s” with %u warning",
                                            "Opened “%s” with %u warnings", n_warnings),
                               base, n_warnings);
      _li_window_show_toast (self, title);
    }
}

static void
_li_window_importing_changed_cb (LiProject  *project,
                                 GParamSpec *pspec,
                                 LiWindow   *self)
{
  gtk_revealer_set_reveal_child (self->import_revealer, li_project_get_importing (project));
  _li_window_update_actions (self);
}

static void
_li_window_import_progress_cb (LiProject *project,
                               guint64    done,
                               guint64    total,
                               LiWindow  *self)
{
  g_autofree char *read = g_format_size (done);
  g_autofree char *text = NULL;

  if (total > 0)
    {
      g_autofree char *size = g_format_size (total);

      gtk_progress_bar_set_fraction (self->import_progress, MIN (1.0, (double) done / total));
      /* TRANSLATORS: import progress, e.g. "12.1 MB of 40.2 MB" */
      text = g_strdup_printf (_("%s of %s"), read, size);
    }
  else
    {
      gtk_progress_bar_pulse (self->import_progress);
      /* TRANSLATORS: import progress when the size is unknown, e.g. "12.1 MB read" */
      text = g_strdup_printf (_("%s read"), read);
    }
  gtk_progress_bar_set_text (self->import_progress, text);
}

static void
_li_window_import_finished_cb (LiProject    *project,
                               LiDataset    *loaded,
                               const GError *error,
                               LiWindow     *self)
{
  LiDataset *dataset = li_project_get_dataset (project);
  const char * const *paths;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _li_window_show_toast (self, _("Import cancelled"));
      return;
    }
  if (_li_window_offer_mapping (self, error))
    return;
  if (error != NULL)
    {
      _li_window_show_import_error (self, error->message);
      return;
    }

  _li_window_hide_error (self);
  _li_window_report_skipped (self, loaded);
  paths = li_dataset_get_event_paths (loaded);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    if (!li_import_source_is_url (paths[i]))
      _li_window_add_recent (self, paths[i], FALSE);

  li_rule_editor_set_dataset (self->rule_editor, li_dataset_get_store (dataset),
                              li_dataset_get_leads (dataset));
  self->result_stale = TRUE;
  if (li_dataset_get_store (dataset) != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "main");
  _li_window_update_summary (self);
  _li_window_update_names (self);
}

static void
_li_window_replaying_changed_cb (LiProject  *project,
                                 GParamSpec *pspec,
                                 LiWindow   *self)
{
  li_replay_view_set_busy (self->replay_view, li_project_get_replaying (project));
}

static void
_li_window_replay_started_cb (LiProject *project,
                              LiWindow  *self)
{
  /* A rules problem shown earlier is gone now. */
  if (gtk_revealer_get_reveal_child (self->error_revealer)
      && g_strcmp0 (gtk_label_get_text (self->error_heading),
                    _("The rules have problems and cannot be replayed")) == 0)
    _li_window_hide_error (self);
}

/* "Stage 2 “Hot”: name: must not be empty" rather than the JSON path. */
static char *
_li_window_describe_first_error (LiWindow     *self,
                                 const GError *error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  const LiRules *rules = li_project_get_rules (self->project);

  li_rules_validate (rules, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const LiProblem *problem = g_ptr_array_index (problems, i);

      if (problem->level == LI_PROBLEM_ERROR)
        return li_problem_describe (problem, rules);
    }
  return g_strdup (error->message);
}

static void
_li_window_forget_diagnostics_paint (LiWindow *self)
{
  /* A clock disposed with its surface has dropped its handlers already. */
  if (self->diagnostics_clock != NULL
      && g_signal_handler_is_connected (self->diagnostics_clock, self->diagnostics_paint_id))
    g_signal_handler_disconnect (self->diagnostics_clock, self->diagnostics_paint_id);
  self->diagnostics_paint_id = 0;
  g_clear_object (&self->diagnostics_clock);
}

static void
_li_window_diagnostics_after_paint_cb (GdkFrameClock *clock,
                                       LiWindow      *self)
{
  _li_window_forget_diagnostics_paint (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->replay_view)))
    li_project_request_rule_diagnostics (self->project);
}

/* The rule diagnostics (a second pass over the events on every core) are
 * computed once the new numbers are on screen, not while their frame is
 * drawn, and only while their list is shown (see the replay view's map). */
static void
_li_window_request_diagnostics_after_paint (LiWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->replay_view));

  _li_window_forget_diagnostics_paint (self);
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->replay_view)))
    return;
  self->diagnostics_clock = g_object_ref (clock);
  self->diagnostics_paint_id = g_signal_connect (clock, "after-paint",
                                                 G_CALLBACK (_li_window_diagnostics_after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self->replay_view));
}

static void
_li_window_replay_view_mapped_cb (GtkWidget *replay_view,
                                  LiWindow  *self)
{
  li_project_request_rule_diagnostics (self->project);
}

/* The rule diagnostics come a step after the replay's numbers. */
static void
_li_window_diagnostics_finished_cb (LiProject *project,
                                    LiWindow  *self)
{
  li_replay_view_set_rule_diagnostics (self->replay_view, li_project_get_rule_diagnostics (project));
}

static void
_li_window_replay_finished_cb (LiProject    *project,
                               const GError *error,
                               LiWindow     *self)
{
  const LiRules *rules;
  LiReplayResult *result;

  if (g_error_matches (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID))
    {
      g_autofree char *first = _li_window_describe_first_error (self, error);

      /* the numbers on screen are of the last valid rules: say so */
      li_replay_view_set_stale (self->replay_view, TRUE);
      _li_window_show_error (self, _("The rules have problems and cannot be replayed"), first);
      return;
    }
  if (error != NULL)
    {
      _li_window_show_error (self, _("Replay failed"), error->message);
      return;
    }

  result = li_project_get_result (project, &rules);
  li_replay_view_set_result (self->replay_view, result, rules);
  self->result_stale = FALSE;
  _li_window_update_summary (self);
  _li_window_request_diagnostics_after_paint (self);
}

static void
_li_window_comparing_changed_cb (LiProject  *project,
                                 GParamSpec *pspec,
                                 LiWindow   *self)
{
  li_compare_view_set_busy (self->compare_view, li_project_get_comparing (project));
}

static void
_li_window_baseline_changed_cb (LiProject  *project,
                                GParamSpec *pspec,
                                LiWindow   *self)
{
  li_compare_view_set_baseline (self->compare_view, li_project_get_baseline (project));
  _li_window_show_page (self, "compare");
}

static void
_li_window_comparison_finished_cb (LiProject    *project,
                                   const GError *error,
                                   LiWindow     *self)
{
  if (error != NULL)
    {
      _li_window_show_error (self, _("Comparison failed"), error->message);
      return;
    }

  li_compare_view_set_comparison (self->compare_view, li_project_get_comparison (project),
                                  _li_window_get_store (self),
                                  li_version_get_name (li_project_get_baseline (project)),
                                  _("Draft"));
}

static void
_li_window_compare_with_finished_cb (LiProject    *project,
                                     const char   *path,
                                     const GError *error,
                                     LiWindow     *self)
{
  if (error != NULL)
    _li_window_show_error (self, _("Could not open the rules to compare with"), error->message);
}

/* A false positive or negative count of the stage table opens its leads. */
static void
_li_window_stage_cell_activated_cb (GtkWidget *stage_table,
                                    guint      stage,
                                    guint      column,
                                    LiWindow  *self)
{
  if (column != LI_STAGE_COLUMN_FALSE_POSITIVES && column != LI_STAGE_COLUMN_FALSE_NEGATIVES)
    return;
  li_leads_view_show_filter (self->leads_view, column == LI_STAGE_COLUMN_FALSE_POSITIVES
                             ? LI_LEAD_FILTER_FALSE_POSITIVES : LI_LEAD_FILTER_FALSE_NEGATIVES, stage);
  adw_view_stack_set_visible_child_name (self->view_stack, "leads");
}

static void
_li_window_bind_project (LiWindow *self)
{
  static const struct {
    const char *signal;
    GCallback   callback;
  } handlers[] = {
    { "rules-changed", G_CALLBACK (_li_window_project_rules_changed_cb) },
    { "notify::dirty", G_CALLBACK (_li_window_project_title_changed_cb) },
    { "notify::path", G_CALLBACK (_li_window_project_title_changed_cb) },
    { "open-finished", G_CALLBACK (_li_window_open_finished_cb) },
    { "notify::importing", G_CALLBACK (_li_window_importing_changed_cb) },
    { "import-progress", G_CALLBACK (_li_window_import_progress_cb) },
    { "import-finished", G_CALLBACK (_li_window_import_finished_cb) },
    { "notify::replaying", G_CALLBACK (_li_window_replaying_changed_cb) },
    { "replay-started", G_CALLBACK (_li_window_replay_started_cb) },
    { "replay-finished", G_CALLBACK (_li_window_replay_finished_cb) },
    { "diagnostics-finished", G_CALLBACK (_li_window_diagnostics_finished_cb) },
    { "notify::comparing", G_CALLBACK (_li_window_comparing_changed_cb) },
    { "notify::baseline", G_CALLBACK (_li_window_baseline_changed_cb) },
    { "comparison-finished", G_CALLBACK (_li_window_comparison_finished_cb) },
    { "compare-with-finished", G_CALLBACK (_li_window_compare_with_finished_cb) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_connect_object (self->project, handlers[i].signal, handlers[i].callback, self, 0);
  li_project_set_rule_diagnostics_on_request (self->project, TRUE);
  g_signal_connect_object (self->replay_view, "map", G_CALLBACK (_li_window_replay_view_mapped_cb), self, 0);
  li_leads_view_set_project (self->leads_view, self->project);
  li_drift_view_set_project (self->drift_view, self->project);
  g_signal_connect_object (li_replay_view_get_stage_table (self->replay_view), "cell-activated",
                           G_CALLBACK (_li_window_stage_cell_activated_cb), self, 0);
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

static GtkWidget *
_li_window_recent_row_new (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *home_dir = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;

  if (g_str_has_prefix (dir, g_get_home_dir ()))
    home_dir = g_strconcat ("~", dir + strlen (g_get_home_dir ()), NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), base);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), home_dir ? home_dir : dir);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  icon = gtk_image_new_from_icon_name (g_str_has_suffix (path, ".json")
                                       && !g_str_has_suffix (path, ".jsonl")
                                       ? "text-x-generic-symbolic"
                                       : "x-office-spreadsheet-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (path), g_free);

  return row;
}

static void
_li_window_recent_changed_cb (GSettings  *settings,
                              const char *key,
                              LiWindow   *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (settings, "recent-files");
  g_autoptr(GMenu) section = g_menu_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (base, NULL);

      gtk_list_box_append (self->recent_list, _li_window_recent_row_new (recent[i]));
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
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  GFile *rules = NULL;
  GSList *list;

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

/* Narrow windows: the leaflet shows the rules or the results */

static void
_li_window_fold_toggled_cb (LiWindow        *self,
                            GtkToggleButton *toggle)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;

  adw_leaflet_set_visible_child_name (self->leaflet,
                                      toggle == self->rules_toggle ? "rules" : "results");
}

static void
_li_window_leaflet_child_cb (AdwLeaflet *leaflet,
                             GParamSpec *pspec,
                             LiWindow   *self)
{
  const char *name = adw_leaflet_get_visible_child_name (leaflet);

  gtk_toggle_button_set_active (g_strcmp0 (name, "rules") == 0 ? self->rules_toggle
                                                               : self->results_toggle,
                                TRUE);
}

/* Rule editor, replay and compare views */

static void
_li_window_editor_changed_cb (LiRuleEditor  *editor,
                              const LiRules *rules,
                              LiWindow      *self)
{
  li_project_commit_rules (self->project, rules, NULL);
}

static void
_li_window_threshold_changed_cb (LiReplayView *view,
                                 guint         stage,
                                 double        min_score,
                                 LiWindow     *self)
{
  li_project_set_stage_threshold (self->project, stage, min_score);
}

static void
_li_window_compare_requested_cb (LiCompareView *view,
                                 LiVersion     *version,
                                 LiWindow      *self)
{
  li_project_set_baseline (self->project, version);
}

static void
_li_window_restore_requested_cb (LiCompareView *view,
                                 LiVersion     *version,
                                 LiWindow      *self)
{
  g_autofree char *title = NULL;

  /* An ordinary edit of the draft: undoable, replayed, compared. */
  li_project_commit_rules (self->project, li_version_get_rules (version), NULL);
  _li_window_show_page (self, "replay");
  /* TRANSLATORS: a toast, e.g. "Restored Snapshot 2" */
  title = g_strdup_printf (_("Restored %s"), li_version_get_name (version));
  _li_window_show_toast (self, title);
}

static void
_li_window_snapshot_requested_cb (LiCompareView *view,
                                  LiWindow      *self)
{
  li_project_take_snapshot (self->project);
}

static void
_li_window_compare_with_response_cb (GtkNativeDialog *dialog,
                                     int              response,
                                     LiWindow        *self)
{
  g_autoptr(GFile) file = _li_window_chooser_done (self, dialog, response);

  if (file != NULL)
    li_window_compare_with (self, file);
}

static void
_li_window_choose_version (LiWindow *self)
{
  _li_window_show_chooser (self, LI_CHOOSER_COMPARE_RULES,
                           G_CALLBACK (_li_window_compare_with_response_cb));
}

static void
_li_window_open_file_requested_cb (LiCompareView *view,
                                   LiWindow      *self)
{
  _li_window_choose_version (self);
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
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  LiFormat format = LI_FORMAT_AUTO;
  gboolean mapping = FALSE, skip = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      li_file_chooser_get_import_options (GTK_FILE_CHOOSER (dialog), &format, &mapping, &skip);
    }
  if (self->file_chooser == dialog)
    g_clear_object (&self->file_chooser);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (model, i);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          _li_window_show_import_error (self, _("Only local files can be opened"));
          return;
        }
      g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);

  if (paths[0] == NULL)
    return;
  if (mapping)
    _li_window_open_mapping (self, paths[0], (const char * const *) paths, NULL, skip);
  else
    _li_window_import_with (self, (const char * const *) paths, NULL, format, skip, NULL);
}

static void
_li_window_action_import_events (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  _li_window_show_chooser (LI_WINDOW (widget), LI_CHOOSER_IMPORT_EVENTS,
                           G_CALLBACK (_li_window_import_events_response_cb));
}

static void
_li_window_import_leads_response_cb (GtkNativeDialog *dialog,
                                     int              response,
                                     LiWindow        *self)
{
  g_autoptr(GFile) file = _li_window_chooser_done (self, dialog, response);

  if (file != NULL)
    li_window_import (self, NULL, 0, file);
}

static void
_li_window_action_import_leads (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  _li_window_show_chooser (LI_WINDOW (widget), LI_CHOOSER_IMPORT_LEADS,
                           G_CALLBACK (_li_window_import_leads_response_cb));
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
  li_project_undo (LI_WINDOW (widget)->project);
}

static void
_li_window_action_redo (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  li_project_redo (LI_WINDOW (widget)->project);
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
  li_project_cancel_import (LI_WINDOW (widget)->project);
}

static void
_li_window_action_show_skipped_rows (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);

  li_skipped_rows_dialog_present (GTK_WINDOW (self), self->import_report.n_skipped,
                                  (const char * const *) self->import_report.skipped_reasons,
                                  self->import_report.n_ignored);
}

static void
_li_window_action_dismiss_error (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  _li_window_hide_error (LI_WINDOW (widget));
}

static void
_li_window_sample_rules_response_cb (AdwMessageDialog *dialog,
                                     const char       *response,
                                     LiWindow         *self)
{
  const char *dir = g_object_get_data (G_OBJECT (dialog), "sample-dir");

  if (g_str_equal (response, "sample"))
    _li_window_open_sample_cont (self, (gpointer) dir);
  else if (g_str_equal (response, "keep"))
    {
      g_autofree char *events = g_build_filename (dir, "rees46-2019oct-head.csv.gz", NULL);
      const char *event_paths[] = { events, NULL };

      _li_window_import_paths (self, event_paths, NULL);
    }
}

static void
_li_window_action_open_sample (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  LiApplication *app = _li_window_get_app (self);
  const char *dir = app != NULL ? li_application_get_sample_dir (app) : NULL;
  gboolean dirty = li_project_get_dirty (self->project);
  AdwMessageDialog *dialog;

  if (dir == NULL)
    return;
  /* The untouched template is nobody's work: replace it without asking. */
  if (!dirty && li_project_get_path (self->project) == NULL)
    {
      _li_window_open_sample_cont (self, (gpointer) dir);
      return;
    }

  dialog = li_sample_rules_dialog_new (GTK_WINDOW (self), li_project_get_name (self->project), dirty);
  g_object_set_data_full (G_OBJECT (dialog), "sample-dir", g_strdup (dir), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (_li_window_sample_rules_response_cb),
                           self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
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
      _li_window_maybe_discard (self, _li_window_open_path_cont, g_strdup (path), g_free);
    }
  else
    {
      const char *paths[] = { path, NULL };

      _li_window_import_paths (self, paths, NULL);
    }
}

static void
_li_window_action_set_intent_points (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  const char *event;
  double points;

  g_variant_get (param, "(&sd)", &event, &points);
  li_project_set_intent_points (LI_WINDOW (widget)->project, event, points);
}

static void
_li_window_action_set_stage_threshold (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  LiProject *project = LI_WINDOW (widget)->project;
  guint stage;
  double min_score;

  g_variant_get (param, "(ud)", &stage, &min_score);
  if (stage + 1 >= li_project_get_rules (project)->n_stages)
    return;  /* out of range, or the catch-all stage */

  li_project_set_stage_threshold (project, stage, min_score);
}

static void
_li_window_action_take_snapshot (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  li_project_take_snapshot (LI_WINDOW (widget)->project);
}

static void
_li_window_action_compare_with_file (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  _li_window_choose_version (LI_WINDOW (widget));
}

static void
_li_window_action_export_sql (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  GtkWidget *dialog = li_sql_export_dialog_new (GTK_WINDOW (self),
                                                li_project_get_rules (self->project),
                                                li_project_get_path (self->project));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
_li_window_action_export_leads (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  LiDataset *dataset = li_project_get_dataset (self->project);
  const LiRules *rules = li_project_get_rules (self->project);

  if (dataset == NULL || li_dataset_get_store (dataset) == NULL)
    {
      _li_window_show_toast (self, _("Import events to export the leads they score"));
      return;
    }
  if (!li_rules_validate (rules, NULL))
    {
      _li_window_show_toast (self, _("Fix the problems of the rules before exporting leads"));
      return;
    }
  gtk_window_present (GTK_WINDOW (li_leads_export_dialog_new (GTK_WINDOW (self), rules, dataset)));
}

static void
_li_window_action_show_page (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  _li_window_show_page (LI_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Window */

static gboolean
li_window_close_request (GtkWindow *window)
{
  LiWindow *self = LI_WINDOW (window);

  if (li_project_get_unsaved_work (self->project) && !self->close_confirmed)
    {
      _li_window_maybe_discard (self, _li_window_close_cont, NULL, NULL);
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

  return GTK_WINDOW_CLASS (li_window_parent_class)->close_request (window);
}

/* GtkWindow:application is not a construct property: this runs once the
 * window knows its application. */
static void
_li_window_attach_settings (LiWindow *self)
{
  LiApplication *app = _li_window_get_app (self);

  if (app != NULL)
    self->settings = li_application_get_settings (app);

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

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }

  g_clear_handle_id (&self->fold_idle_id, g_source_remove);
  _li_window_forget_diagnostics_paint (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_WINDOW);
  /* The project's jobs end with it. */
  g_clear_object (&self->project);

  G_OBJECT_CLASS (li_window_parent_class)->dispose (object);
}

static void
li_window_finalize (GObject *object)
{
  LiWindow *self = LI_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->after_save, _li_continuation_free);
  g_clear_pointer (&self->import_paths, g_strfreev);
  g_clear_pointer (&self->import_leads, g_free);
  li_import_report_clear (&self->import_report);

  G_OBJECT_CLASS (li_window_parent_class)->finalize (object);
}

/* Remote: imports from URLs and publishing (gui/import, gui/publish). */

static void
_li_window_url_import_cb (LiUrlDialog *dialog,
                          const char  *url,
                          gboolean     leads,
                          LiWindow    *self)
{
  const char *sources[] = { url, NULL };

  _li_window_import_paths (self, leads ? NULL : sources, leads ? url : NULL);
}

static void
_li_window_action_import_url (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);
  LiUrlDialog *dialog = li_url_dialog_new (GTK_WINDOW (self), self->project);

  g_signal_connect_object (dialog, "import", G_CALLBACK (_li_window_url_import_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
_li_window_action_publish (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (li_publish_dialog_new (GTK_WINDOW (self), self->project)));
}

/* Tuning (gui/tune). */

static void
_li_window_action_sweep (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (li_sweep_dialog_new (GTK_WINDOW (self), self->project)));
}

static void
_li_window_action_suggest (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  LiWindow *self = LI_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (li_suggest_dialog_new (GTK_WINDOW (self), self->project)));
}

static void
_li_window_class_actions_init (GtkWidgetClass *widget_class)
{
  static const struct {
    const char                  *name;
    const char                  *parameter_type;
    GtkWidgetActionActivateFunc  activate;
  } actions[] = {
    { "win.new", NULL, _li_window_action_new },
    { "win.open-rules", NULL, _li_window_action_open_rules },
    { "win.import-events", NULL, _li_window_action_import_events },
    { "win.import-leads", NULL, _li_window_action_import_leads },
    { "win.save", NULL, _li_window_action_save },
    { "win.save-as", NULL, _li_window_action_save_as },
    { "win.undo", NULL, _li_window_action_undo },
    { "win.redo", NULL, _li_window_action_redo },
    { "win.close", NULL, _li_window_action_close },
    { "win.cancel-import", NULL, _li_window_action_cancel_import },
    { "win.show-skipped-rows", NULL, _li_window_action_show_skipped_rows },
    { "win.dismiss-error", NULL, _li_window_action_dismiss_error },
    { "win.open-sample", NULL, _li_window_action_open_sample },
    { "win.open-recent", "s", _li_window_action_open_recent },
    { "win.set-intent-points", "(sd)", _li_window_action_set_intent_points },
    { "win.set-stage-threshold", "(ud)", _li_window_action_set_stage_threshold },
    { "win.take-snapshot", NULL, _li_window_action_take_snapshot },
    { "win.compare-with-file", NULL, _li_window_action_compare_with_file },
    { "win.show-page", "s", _li_window_action_show_page },
    { "win.export-sql", NULL, _li_window_action_export_sql },
    { "win.export-leads", NULL, _li_window_action_export_leads },
    { "win.import-url", NULL, _li_window_action_import_url },
    { "win.publish", NULL, _li_window_action_publish },
    { "win.sweep", NULL, _li_window_action_sweep },
    { "win.suggest", NULL, _li_window_action_suggest },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i].name, actions[i].parameter_type,
                                     actions[i].activate);
}

static void
li_window_class_init (LiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = li_window_dispose;
  object_class->finalize = li_window_finalize;

  window_class->close_request = li_window_close_request;

  g_type_ensure (LI_TYPE_RANGE_BUTTON);
  g_type_ensure (LI_TYPE_RULE_EDITOR);
  g_type_ensure (LI_TYPE_REPLAY_VIEW);
  g_type_ensure (LI_TYPE_COMPARE_VIEW);
  g_type_ensure (LI_TYPE_LEADS_VIEW);
  g_type_ensure (LI_TYPE_DRIFT_VIEW);

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
  gtk_widget_class_bind_template_child (widget_class, LiWindow, range_button);
  gtk_widget_class_bind_template_callback (widget_class, range_changed_cb);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, sample_button);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, rule_editor);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, replay_view);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, rules_toggle);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, results_toggle);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, fold_switch);
  gtk_widget_class_bind_template_callback (widget_class, _li_window_fold_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, leads_view);
  gtk_widget_class_bind_template_child (widget_class, LiWindow, drift_view);
  gtk_widget_class_bind_template_child_full (widget_class, "recent_section", FALSE,
                                             G_STRUCT_OFFSET (LiWindow, recent_menu));

  _li_window_class_actions_init (widget_class);
  /* Escape cancels a running import; the action is disabled otherwise, and
   * then the key goes on to whoever else wants it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-import", NULL);
}

static void
li_window_init (LiWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->project = li_project_new ();
  _li_window_bind_project (self);
  li_rule_editor_set_rules (self->rule_editor, li_project_get_rules (self->project));
  li_compare_view_set_versions (self->compare_view, li_project_get_versions (self->project));

  g_signal_connect_object (self->rule_editor, "rules-changed",
                           G_CALLBACK (_li_window_editor_changed_cb), self, 0);
  g_signal_connect_object (self->replay_view, "threshold-changed",
                           G_CALLBACK (_li_window_threshold_changed_cb), self, 0);
  g_signal_connect_object (self->compare_view, "compare-requested",
                           G_CALLBACK (_li_window_compare_requested_cb), self, 0);
  g_signal_connect_object (self->compare_view, "restore-requested",
                           G_CALLBACK (_li_window_restore_requested_cb), self, 0);
  g_signal_connect_object (self->compare_view, "snapshot-requested",
                           G_CALLBACK (_li_window_snapshot_requested_cb), self, 0);
  g_signal_connect_object (self->compare_view, "open-file-requested",
                           G_CALLBACK (_li_window_open_file_requested_cb), self, 0);
  /* A narrow window opens on the results; the header switches to the rules. */
  adw_leaflet_set_visible_child_name (self->leaflet, "results");
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (_li_window_folded_cb), self, 0);
  g_signal_connect_object (self->leaflet, "notify::visible-child-name",
                           G_CALLBACK (_li_window_leaflet_child_cb), self, 0);
  _li_window_leaflet_child_cb (self->leaflet, NULL, self);
  g_signal_connect_object (self->recent_list, "row-activated",
                           G_CALLBACK (_li_window_recent_row_activated_cb), self, 0);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (_li_window_drop_cb), self, 0);
  gtk_widget_add_controller (self->drop_area, GTK_EVENT_CONTROLLER (drop));

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

LiProject *
li_window_get_project (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return self->project;
}

gboolean
li_window_open_rules (LiWindow *self,
                      GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      _li_window_show_error (self, _("Could not open the rules"), _("Only local files can be opened"));
      return FALSE;
    }

  li_project_open (self->project, path);
  return TRUE;
}

void
li_window_import (LiWindow      *self,
                  GFile * const *events,
                  guint          n_events,
                  GFile         *leads)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) event_paths = NULL;
  g_autofree char *leads_path = NULL;

  g_return_if_fail (LI_IS_WINDOW (self));
  g_return_if_fail (n_events > 0 || leads != NULL);

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *path = g_file_get_path (events[i]);

      if (path == NULL)
        {
          _li_window_show_import_error (self, _("Only local files can be opened"));
          return;
        }
      g_strv_builder_add (builder, path);
    }
  if (leads != NULL && (leads_path = g_file_get_path (leads)) == NULL)
    {
      _li_window_show_import_error (self, _("Only local files can be opened"));
      return;
    }

  event_paths = g_strv_builder_end (builder);
  _li_window_import_paths (self, (const char * const *) event_paths, leads_path);
}

gboolean
li_window_save_draft_to (LiWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!li_project_save_draft (self->project, path, error))
    return FALSE;

  _li_window_add_recent (self, path, TRUE);
  return TRUE;
}

gboolean
li_window_save_rules_to (LiWindow    *self,
                         const char  *path,
                         GError     **error)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!li_project_save (self->project, path, error))
    return FALSE;

  _li_window_add_recent (self, path, TRUE);
  return TRUE;
}

gboolean
li_window_compare_with (LiWindow *self,
                        GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((path = g_file_get_path (file)) == NULL)
    {
      _li_window_show_error (self, _("Could not open the rules to compare with"),
                             _("Only local files can be compared"));
      return FALSE;
    }

  li_project_compare_with (self->project, path);
  return TRUE;
}

const LiRules *
li_window_get_rules (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return li_project_get_rules (self->project);
}

const char *
li_window_get_rules_path (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return li_project_get_path (self->project);
}

gboolean
li_window_get_dirty (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);

  return li_project_get_dirty (self->project);
}

gboolean
li_window_get_busy (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), FALSE);

  return li_project_get_busy (self->project);
}

double
li_window_get_last_replay_ms (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), 0);

  return li_project_get_last_replay_ms (self->project);
}

LiReplayResult *
li_window_get_replay_result (LiWindow       *self,
                             const LiRules **rules)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return li_project_get_result (self->project, rules);
}

LiEventStore *
li_window_get_store (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return _li_window_get_store (self);
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

GListModel *
li_window_get_versions (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return li_project_get_versions (self->project);
}

GtkWidget *
li_window_get_compare_view (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->compare_view);
}

const char *
li_window_get_error_text (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

const char *
li_window_get_summary_text (LiWindow *self)
{
  g_return_val_if_fail (LI_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->summary_label);
}
