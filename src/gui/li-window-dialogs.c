/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-window-dialogs.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "li-import.h"
#include "li-rules.h"
#include "li-problem.h"
#include "li-problem-describe.h"

#define MAX_PROBLEMS_SHOWN 12

typedef struct
{
  const char *name;
  const char *patterns[6];
} Filter;

static const Filter rules_filters[] = {
  { N_("Rule Files"), { "*.leadrules.json" } },
  { N_("JSON Files"), { "*.json" } },
  { NULL },
};

static const Filter events_filters[] = {
  { N_("Event Exports"), { "*.csv", "*.csv.gz", "*.jsonl", "*.jsonl.gz", "*.ndjson" } },
  { N_("CSV Files"), { "*.csv", "*.csv.gz" } },
  { N_("JSON Lines Files"), { "*.jsonl", "*.jsonl.gz", "*.ndjson" } },
  { N_("All Files"), { "*" } },
  { NULL },
};

static const Filter leads_filters[] = {
  { N_("CSV Files"), { "*.csv", "*.csv.gz" } },
  { N_("All Files"), { "*" } },
  { NULL },
};

static void
_li_add_filters (GtkFileChooser *chooser,
                 const Filter   *filters)
{
  for (const Filter *f = filters; f->name != NULL; f++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(f->name));
      for (guint i = 0; i < G_N_ELEMENTS (f->patterns) && f->patterns[i] != NULL; i++)
        gtk_file_filter_add_pattern (filter, f->patterns[i]);
      gtk_file_chooser_add_filter (chooser, filter);
    }
}

/* The import options, as choices of the file chooser (the portal's
 * dialog shows them too). */
static void
_li_add_import_choices (GtkFileChooser *chooser)
{
  static const char *ids[] = {
    "auto", "csv", "rees46", "retailrocket", "ga4", "segment", "mapping", NULL
  };
  const char *labels[] = {
    _("Detect the Format"), "CSV", "REES46", "RetailRocket", "GA4", "Segment",
    _("Column Mapping…"), NULL
  };

  gtk_file_chooser_add_choice (chooser, "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "format", "auto");
  gtk_file_chooser_add_choice (chooser, "skip", _("Skip bad rows"), NULL, NULL);
  gtk_file_chooser_set_choice (chooser, "skip", "false");
}

void
li_file_chooser_get_import_options (GtkFileChooser *chooser,
                                    LiFormat       *format,
                                    gboolean       *mapping,
                                    gboolean       *skip_bad_rows)
{
  const char *id = gtk_file_chooser_get_choice (chooser, "format");

  *mapping = g_strcmp0 (id, "mapping") == 0;
  if (*mapping || !li_format_from_string (id, format))
    *format = LI_FORMAT_AUTO;
  *skip_bad_rows = g_strcmp0 (gtk_file_chooser_get_choice (chooser, "skip"), "true") == 0;
}

void
li_skipped_rows_dialog_present (GtkWindow          *parent,
                                guint64             n_skipped,
                                const char * const *reasons,
                                guint64             n_ignored)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  guint n = reasons != NULL ? g_strv_length ((GStrv) reasons) : 0;

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRIu64 " Bad Row Skipped",
                                          "%" PRIu64 " Bad Rows Skipped",
                                          n_skipped), n_skipped);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (body, "%s\n", reasons[i]);
  if (n_skipped > n)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "… and %" PRIu64 " more\n",
                                               "… and %" PRIu64 " more\n", n_skipped - n),
                            n_skipped - n);
  if (n_ignored > 0)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                               "%" PRIu64 " row made no event on purpose.\n",
                                               "%" PRIu64 " rows made no event on purpose.\n",
                                               n_ignored), n_ignored);
  while (body->len > 0 && body->str[body->len - 1] == '\n')
    g_string_truncate (body, body->len - 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkFileChooserNative *
li_file_chooser_new (GtkWindow     *parent,
                     LiChooserKind  kind)
{
  GtkFileChooserAction action = GTK_FILE_CHOOSER_ACTION_OPEN;
  const Filter *filters = rules_filters;
  const char *title = NULL;
  const char *accept = _("_Import");
  GtkFileChooserNative *chooser;

  switch (kind)
    {
    case LI_CHOOSER_OPEN_RULES:
      title = _("Open Rules");
      accept = _("_Open");
      break;

    case LI_CHOOSER_SAVE_RULES:
      title = _("Save Rules");
      accept = _("_Save");
      action = GTK_FILE_CHOOSER_ACTION_SAVE;
      break;

    case LI_CHOOSER_COMPARE_RULES:
      title = _("Compare with Rules");
      accept = _("_Compare");
      break;

    case LI_CHOOSER_IMPORT_EVENTS:
      title = _("Import Event Exports");
      filters = events_filters;
      break;

    case LI_CHOOSER_IMPORT_LEADS:
      title = _("Import Leads File");
      filters = leads_filters;
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  chooser = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  if (kind == LI_CHOOSER_IMPORT_EVENTS)
    {
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
      _li_add_import_choices (GTK_FILE_CHOOSER (chooser));
    }
  _li_add_filters (GTK_FILE_CHOOSER (chooser), filters);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  return chooser;
}

/* "Stage 2 “hot”: name: must not be empty", warnings said so. */
static char *
_li_problem_line (const LiProblem *problem,
                  const LiRules   *rules)
{
  g_autofree char *text = li_problem_describe (problem, rules);

  if (problem->level == LI_PROBLEM_WARNING)
    /* Translators: a warning about a rule file */
    return g_strdup_printf (_("Warning: %s"), text);
  return g_steal_pointer (&text);
}

static void
_li_append_problems (GString       *body,
                     GPtrArray     *problems,
                     const LiRules *rules)
{
  guint shown = 0;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = _li_problem_line (g_ptr_array_index (problems, i), rules);

      if (shown++ == MAX_PROBLEMS_SHOWN)
        {
          g_string_append_printf (body,
                                  g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                               "… and %u more problems",
                                               problems->len - MAX_PROBLEMS_SHOWN),
                                  problems->len - MAX_PROBLEMS_SHOWN);
          g_string_append_c (body, '\n');
          break;
        }
      g_string_append (body, line);
      g_string_append_c (body, '\n');
    }
  while (body->len > 0 && body->str[body->len - 1] == '\n')
    g_string_truncate (body, body->len - 1);
}

AdwMessageDialog *
li_save_draft_dialog_new (GtkWindow     *parent,
                          GPtrArray     *problems,
                          const LiRules *rules)
{
  g_autoptr(GString) body = g_string_new (_("The rules can be saved as a draft and opened again "
                                            "with their problems. They cannot be exported or "
                                            "published until the problems are fixed.\n\n"));
  AdwMessageDialog *dialog;

  _li_append_problems (body, problems, rules);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Save a Draft With Problems?"),
                                                       body->str));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "draft", _("Save _Draft"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "draft", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "draft");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

void
li_problems_dialog_present (GtkWindow    *parent,
                            const char   *heading,
                            GPtrArray    *problems,
                            const GError *error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;
  guint shown = 0;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = _li_problem_line (g_ptr_array_index (problems, i), NULL);

      if (shown++ == MAX_PROBLEMS_SHOWN)
        {
          g_string_append_printf (body,
                                  g_dngettext (GETTEXT_PACKAGE, "… and %u more problem",
                                               "… and %u more problems",
                                               problems->len - MAX_PROBLEMS_SHOWN),
                                  problems->len - MAX_PROBLEMS_SHOWN);
          g_string_append_c (body, '\n');
          break;
        }
      g_string_append (body, line);
      g_string_append_c (body, '\n');
    }

  if (shown == 0 && error != NULL)
    g_string_append (body, error->message);

  while (body->len > 0 && body->str[body->len - 1] == '\n')
    g_string_truncate (body, body->len - 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

AdwMessageDialog *
li_save_changes_dialog_new (GtkWindow  *parent,
                            const char *name)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be "
                            "permanently lost."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

AdwMessageDialog *
li_sample_rules_dialog_new (GtkWindow  *parent,
                            const char *name,
                            gboolean    dirty)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (dirty)
    body = g_strdup_printf (_("The sample comes with rules of its own. Replay the sample's events "
                              "with “%s”, or open the sample's rules instead? Unsaved changes to "
                              "“%s” are lost then."), name, name);
  else
    body = g_strdup_printf (_("The sample comes with rules of its own. Replay the sample's events "
                              "with “%s”, or open the sample's rules instead?"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Use the Sample's Rules?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "sample", _("Use the _Sample's Rules"),
                                    "keep", _("_Keep My Rules"),
                                    NULL);
  if (dirty)
    adw_message_dialog_set_response_appearance (dialog, "sample", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "keep", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}
