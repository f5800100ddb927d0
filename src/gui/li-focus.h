/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void li_focus_tab_once (GtkWidget *list);

G_END_DECLS
