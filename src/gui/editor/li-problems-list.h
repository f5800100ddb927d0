/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_PROBLEMS_LIST (li_problems_list_get_type ())
G_DECLARE_FINAL_TYPE (LiProblemsList, li_problems_list, LI, PROBLEMS_LIST, AdwPreferencesGroup)

/* The problems of the rules being edited, one activatable row each, named
 * as the editor names the rows ("Stage 2 “Hot”: name: must not be empty").
 * Hidden when there are none.  Emits ::problem-activated (the problem's
 * JSON path) when a row is activated. */
GtkWidget  *li_problems_list_new          (void);
/* @problems: LiProblem* (copied); @rules name the rows. */
void        li_problems_list_set_problems (LiProblemsList *self,
                                           GPtrArray      *problems,
                                           const LiRules  *rules);
guint       li_problems_list_get_n_problems (LiProblemsList *self);
/* The text of row @i as shown, or NULL. */
const char *li_problems_list_get_text     (LiProblemsList *self,
                                           guint           i);
/* Activates row @i as a click or Enter would. */
void        li_problems_list_activate     (LiProblemsList *self,
                                           guint           i);

G_END_DECLS
