/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-project.h"

G_BEGIN_DECLS

#define LI_TYPE_URL_DIALOG (li_url_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiUrlDialog, li_url_dialog, LI, URL_DIALOG, AdwWindow)

/* "Import from URL…": a URL entry (validated as it is typed), whether it
 * is a leads file, and the import's progress with Cancel (or Escape).
 * Import emits ::import (const char *url, gboolean leads), for the window
 * to start the project's import; the dialog then follows the project's
 * ::import-progress and ::import-finished, closes on success or when
 * cancelled, and shows the error otherwise. */
LiUrlDialog *li_url_dialog_new      (GtkWindow   *parent,
                                     LiProject   *project);

/* What Import does, with @url in the entry (tests). */
void         li_url_dialog_start    (LiUrlDialog *self,
                                     const char  *url,
                                     gboolean     leads);
/* The error shown, "" when none. */
const char  *li_url_dialog_get_message (LiUrlDialog *self);

/* NULL when @text is an http:// or https:// URL with a host; else why not
 * (plain function, tested without a display). */
char        *li_url_dialog_check    (const char  *text);

G_END_DECLS
