/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-project.h"
#include "li-suggest.h"

G_BEGIN_DECLS

#define LI_TYPE_SUGGEST_DIALOG (li_suggest_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiSuggestDialog, li_suggest_dialog, LI, SUGGEST_DIALOG, AdwWindow)

/* "Suggest Point Values…": learns point values from the draft's data
 * (li_suggest_run in a worker thread on copies, cancelled when closed),
 * then adds the suggested rules as a version named "Suggested" to compare
 * with on the Compare page, and lists the one-line reasons; or says why
 * not (too few converters, the learned values not better on the holdout). */
LiSuggestDialog    *li_suggest_dialog_new        (GtkWindow       *parent,
                                                  LiProject       *project);
gboolean            li_suggest_dialog_is_running (LiSuggestDialog *self);
/* The newest suggestion (NULL until one, or after a refusal). */
const LiSuggestion *li_suggest_dialog_get_suggestion (LiSuggestDialog *self);
/* The heading and the text shown. */
const char         *li_suggest_dialog_get_message (LiSuggestDialog *self);

G_END_DECLS
