/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-import.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* The dialogs of the window, built from plain arguments: they know nothing
 * of the window's state. */

typedef enum
{
  LI_CHOOSER_OPEN_RULES,
  LI_CHOOSER_SAVE_RULES,
  LI_CHOOSER_COMPARE_RULES,
  LI_CHOOSER_IMPORT_EVENTS,  /* several files at once */
  LI_CHOOSER_IMPORT_LEADS,
} LiChooserKind;

/* A modal file chooser with the title, button and filters of @kind. */
GtkFileChooserNative *li_file_chooser_new        (GtkWindow      *parent,
                                                  LiChooserKind   kind);
/* The choices of an events chooser: the format, whether a column mapping
 * (then @format is LI_FORMAT_AUTO), and whether to skip bad rows. */
void                  li_file_chooser_get_import_options (GtkFileChooser *chooser,
                                                          LiFormat       *format,
                                                          gboolean       *mapping,
                                                          gboolean       *skip_bad_rows);
/* The bad rows an import skipped: the count and the first reasons. */
void                  li_skipped_rows_dialog_present (GtkWindow          *parent,
                                                      guint64             n_skipped,
                                                      const char * const *reasons,
                                                      guint64             n_ignored);
/* The problems of a rule file, the first 12 of them, or else @error. */
void                  li_problems_dialog_present (GtkWindow      *parent,
                                                  const char     *heading,
                                                  GPtrArray      *problems,
                                                  const GError   *error);
/* "Save Changes?" about the rule set @name, with the responses "cancel",
 * "discard" and "save". */
AdwMessageDialog     *li_save_changes_dialog_new (GtkWindow      *parent,
                                                  const char     *name);

/* "Save a Draft With Problems?" about @problems (LiProblem*, errors and
 * warnings) of @rules, with the responses "cancel" and "draft". */
AdwMessageDialog     *li_save_draft_dialog_new   (GtkWindow      *parent,
                                                  GPtrArray      *problems,
                                                  const LiRules  *rules);

/* "Try the Sample Data" while rules of the user's are open (@name, with
 * unsaved changes when @dirty): responses "cancel", "keep" (the sample's
 * events with these rules) and "sample" (the sample's rules too). */
AdwMessageDialog     *li_sample_rules_dialog_new (GtkWindow      *parent,
                                                  const char     *name,
                                                  gboolean        dirty);

G_END_DECLS
