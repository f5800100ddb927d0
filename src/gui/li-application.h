/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LI_TYPE_APPLICATION (li_application_get_type ())
G_DECLARE_FINAL_TYPE (LiApplication, li_application, LI, APPLICATION, AdwApplication)

#define LI_RECENT_FILES_MAX 10

LiApplication *li_application_new             (void);
/* NULL when the settings schema is neither installed nor in the build tree. */
GSettings     *li_application_get_settings    (LiApplication *self);
/* Puts @path first in the recent files (at most LI_RECENT_FILES_MAX). */
void           li_application_add_recent      (LiApplication *self,
                                               const char    *path);
void           li_application_set_last_rules  (LiApplication *self,
                                               const char    *path);
/* The folder with the bundled sample (installed or in the source tree), or
 * NULL. */
const char    *li_application_get_sample_dir  (LiApplication *self);
/* The exit status of a --screenshot run (0 otherwise). */
int            li_application_get_exit_status (LiApplication *self);

G_END_DECLS
