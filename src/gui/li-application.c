/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-application.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "li-window.h"

struct _LiApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;
  char          *sample_dir;
  gboolean       sample_dir_checked;
  gboolean       screenshot_mode;  /* leaves the user's settings alone */
  int            exit_status;
};

G_DEFINE_FINAL_TYPE (LiApplication, li_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "rules", 'r', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the rule file FILE"), N_("FILE") },
  { "leads", 'l', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the leads file FILE (lead attributes)"), N_("FILE") },
  { "compare-with", 'c', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Compare the rules with the rule file FILE"), N_("FILE") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Load the data, save a PNG of the window to FILE and quit"), N_("FILE") },
  { "dark", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Use the dark style"), NULL },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The window size for --screenshot (default 1280x800)"), N_("WIDTHxHEIGHT") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[EVENTS…]") },
  { NULL }
};

/* Helpers */

static gboolean
_li_path_is_rules (const char *path)
{
  return g_str_has_suffix (path, ".leadrules.json")
         || (g_str_has_suffix (path, ".json") && !g_str_has_suffix (path, ".jsonl"));
}

static GSettings *
_li_application_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

#ifdef LI_BUILD_DATADIR
  /* Running from the build tree without installing. */
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) build_source = NULL;

      build_source = g_settings_schema_source_new_from_directory (LI_BUILD_DATADIR, source,
                                                                  FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, FALSE);
    }
#endif

  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: settings are not kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static LiWindow *
_li_application_new_window (LiApplication *self,
                            GFile         *rules,
                            GFile         *leads,
                            GPtrArray     *events,
                            GFile         *compare_with)
{
  LiWindow *window = li_window_new (self);

  if (rules != NULL)
    li_window_open_rules (window, rules);
  if (compare_with != NULL)
    li_window_compare_with (window, compare_with);
  if ((events != NULL && events->len > 0) || leads != NULL)
    li_window_import (window,
                      events ? (GFile * const *) events->pdata : NULL,
                      events ? events->len : 0,
                      leads);

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
_li_application_screenshot_done_cb (GObject      *object,
                                    GAsyncResult *result,
                                    gpointer      user_data)
{
  LiWindow *window = LI_WINDOW (object);
  LiApplication *self = LI_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;
  const char *import_error = li_window_get_error_text (window);

  if (!li_window_save_screenshot_finish (window, result, &error))
    {
      g_printerr ("lead-intent: %s\n", error->message);
      self->exit_status = 1;
    }
  else if (import_error != NULL)
    {
      g_printerr ("lead-intent: %s\n", import_error);
      self->exit_status = 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (self));
}

/* A --screenshot run fails when a rule file it was given cannot be read. */
static void
_li_application_rules_opened_cb (LiProject     *project,
                                 const char    *path,
                                 GPtrArray     *problems,
                                 const GError  *error,
                                 LiApplication *self)
{
  if (error != NULL)
    self->exit_status = 1;
}

static void
_li_application_compared_with_cb (LiProject     *project,
                                  const char    *path,
                                  const GError  *error,
                                  LiApplication *self)
{
  if (error != NULL)
    self->exit_status = 1;
}

/* Actions */

static void
_li_application_quit_action (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
_li_application_about_action (GSimpleAction *action,
                              GVariant      *param,
                              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Lead Intent developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Lead Intent"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Lead Intent developers"),
                        "version", PACKAGE_VERSION,
                        /* no website or issue links: the project has no
                         * public home yet (example.com was a placeholder) */
                        "comments", _("Tune the rules that find leads ready to buy, and "
                                      "replay them on real event history."),
                        "developers", developers,
                        /* TRANSLATORS: your name, for the About window */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 The Lead Intent developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Sample Data"),
                                       (const char *[]) {
                                         "REES46 Marketing Platform https://rees46.com",
                                         NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", _li_application_quit_action },
  { "about", _li_application_about_action },
};

/* Vfuncs */

static int
li_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lead-intent %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* A screenshot run is its own process, never a remote call. */
  if (g_variant_dict_contains (options, "screenshot"))
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static int
li_application_command_line (GApplication            *application,
                             GApplicationCommandLine *cmdline)
{
  LiApplication *self = LI_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) rules = NULL;
  g_autoptr(GFile) leads = NULL;
  g_autoptr(GFile) compare_with = NULL;
  g_autofree const char **remaining = NULL;
  const char *path;
  LiWindow *window;

  if (g_variant_dict_lookup (options, "rules", "^&ay", &path))
    rules = g_application_command_line_create_file_for_arg (cmdline, path);
  if (g_variant_dict_lookup (options, "compare-with", "^&ay", &path))
    compare_with = g_application_command_line_create_file_for_arg (cmdline, path);
  if (g_variant_dict_lookup (options, "leads", "^&ay", &path))
    leads = g_application_command_line_create_file_for_arg (cmdline, path);
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining))
    for (guint i = 0; remaining[i] != NULL; i++)
      g_ptr_array_add (events, g_application_command_line_create_file_for_arg (cmdline, remaining[i]));

  if (g_variant_dict_contains (options, "dark"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  if (g_variant_dict_lookup (options, "screenshot", "^&ay", &path))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, path);
      const char *size = NULL;
      int width = 1280, height = 800;

      if (g_variant_dict_lookup (options, "size", "&s", &size)
          && (sscanf (size, "%dx%d", &width, &height) != 2 || width < 360 || height < 294))
        {
          /* TRANSLATORS: %s is what was given to --size */
          g_application_command_line_printerr (cmdline, _("Not a window size: %s (use e.g. 1024x700)\n"),
                                               size);
          return 2;
        }

      self->screenshot_mode = TRUE;
      window = li_window_new (self);
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);
      gtk_window_unmaximize (GTK_WINDOW (window));
      /* a screenshot shows what it is given: no kept snapshots or data */
      li_project_set_store_dir (li_window_get_project (window), NULL);
      g_signal_connect_object (li_window_get_project (window), "open-finished",
                               G_CALLBACK (_li_application_rules_opened_cb), self, 0);
      g_signal_connect_object (li_window_get_project (window), "compare-with-finished",
                               G_CALLBACK (_li_application_compared_with_cb), self, 0);
      if (rules != NULL && !li_window_open_rules (window, rules))
        self->exit_status = 1;
      if (compare_with != NULL && !li_window_compare_with (window, compare_with))
        self->exit_status = 1;
      if (events->len > 0 || leads != NULL)
        li_window_import (window, (GFile * const *) events->pdata, events->len, leads);
      gtk_window_present (GTK_WINDOW (window));

      g_application_hold (application);
      li_window_save_screenshot_async (window, file, NULL,
                                       _li_application_screenshot_done_cb, self);
      return 0;
    }

  if (rules == NULL && leads == NULL && events->len == 0 && compare_with == NULL)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (active != NULL)
        gtk_window_present (active);
      else
        _li_application_new_window (self, NULL, NULL, NULL, NULL);
      return 0;
    }

  _li_application_new_window (self, rules, leads, events, compare_with);
  return 0;
}

static void
li_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  LiApplication *self = LI_APPLICATION (application);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  GFile *rules = NULL;

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);

      if (name != NULL && _li_path_is_rules (name))
        rules = files[i];
      else
        g_ptr_array_add (events, g_object_ref (files[i]));
    }

  _li_application_new_window (self, rules, NULL, events, NULL);
}

static void
li_application_activate (GApplication *application)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (active != NULL)
    gtk_window_present (active);
  else
    _li_application_new_window (LI_APPLICATION (application), NULL, NULL, NULL, NULL);
}

static void
li_application_startup (GApplication *application)
{
  LiApplication *self = LI_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "win.new", { "<Primary>n", NULL } },
    { "win.open-rules", { "<Primary>o", NULL } },
    { "win.import-events", { "<Primary>i", NULL } },
    { "win.save", { "<Primary>s", NULL } },
    { "win.save-as", { "<Primary><Shift>s", NULL } },
    { "win.undo", { "<Primary>z", NULL } },
    { "win.redo", { "<Primary><Shift>z", "<Primary>y", NULL } },
    { "win.close", { "<Primary>w", NULL } },
    { "win.take-snapshot", { "<Primary>t", NULL } },
    { "win.show-page('replay')", { "<Alt>1", NULL } },
    { "win.show-page('compare')", { "<Alt>2", NULL } },
    { "win.show-page('leads')", { "<Alt>3", NULL } },
    { "win.show-page('over-time')", { "<Alt>4", NULL } },
    { "win.show-help-overlay", { "<Primary>question", NULL } },
    { "app.quit", { "<Primary>q", NULL } },
  };

  G_APPLICATION_CLASS (li_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  self->settings = _li_application_create_settings ();
}

static void
li_application_finalize (GObject *object)
{
  LiApplication *self = LI_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->sample_dir, g_free);

  G_OBJECT_CLASS (li_application_parent_class)->finalize (object);
}

static void
li_application_class_init (LiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = li_application_finalize;

  app_class->startup = li_application_startup;
  app_class->activate = li_application_activate;
  app_class->open = li_application_open;
  app_class->command_line = li_application_command_line;
  app_class->handle_local_options = li_application_handle_local_options;
}

static void
li_application_init (LiApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Tune lead scoring rules and replay them on event exports."));
}

/* Public API */

LiApplication *
li_application_new (void)
{
  return g_object_new (LI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/com/example/LeadIntent",
                       NULL);
}

GSettings *
li_application_get_settings (LiApplication *self)
{
  g_return_val_if_fail (LI_IS_APPLICATION (self), NULL);

  return self->settings;
}

void
li_application_add_recent (LiApplication *self,
                           const char    *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_return_if_fail (LI_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if (self->settings == NULL || self->screenshot_mode)
    return;

  old = g_settings_get_strv (self->settings, "recent-files");
  if (old[0] != NULL && g_str_equal (old[0], path))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < LI_RECENT_FILES_MAX; i++)
    {
      if (g_str_equal (old[i], path))
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

void
li_application_set_last_rules (LiApplication *self,
                               const char    *path)
{
  g_return_if_fail (LI_IS_APPLICATION (self));

  if (self->settings != NULL && !self->screenshot_mode)
    g_settings_set_string (self->settings, "last-rules-file", path ? path : "");
}

const char *
li_application_get_sample_dir (LiApplication *self)
{
  g_return_val_if_fail (!self || LI_IS_APPLICATION (self), NULL);

  if (self == NULL)
    return NULL;

  if (!self->sample_dir_checked)
    {
      const char *candidates[] = {
        g_getenv ("LI_SAMPLE_DIR"),
        PKGDATADIR "/sample",
#ifdef LI_SOURCE_SAMPLE_DIR
        LI_SOURCE_SAMPLE_DIR,
#endif
      };

      self->sample_dir_checked = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          g_autofree char *probe = NULL;

          if (candidates[i] == NULL)
            continue;
          probe = g_build_filename (candidates[i], "sample.leadrules.json", NULL);
          if (g_file_test (probe, G_FILE_TEST_IS_REGULAR))
            {
              self->sample_dir = g_strdup (candidates[i]);
              break;
            }
        }
    }

  return self->sample_dir;
}

int
li_application_get_exit_status (LiApplication *self)
{
  g_return_val_if_fail (LI_IS_APPLICATION (self), 1);

  return self->exit_status;
}
