/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-version.h"

G_BEGIN_DECLS

#define LI_TYPE_VERSIONS_LIST (li_versions_list_get_type ())
G_DECLARE_FINAL_TYPE (LiVersionsList, li_versions_list, LI, VERSIONS_LIST, AdwBin)

/* The rule versions of this window (a GListModel of LiVersion), one row
 * each: name, "14:05 · AUC 0.734 · hot precision 12.3%", and the buttons
 * Compare and Restore; above them the buttons Take Snapshot and Compare with
 * File….  Rows follow the model's order (the window inserts new versions at
 * position 0 to list the newest first) and update when a version's numbers
 * change.  The baseline (the version compared against) is marked and has no
 * Compare button.
 *
 * Signals: ::compare-requested (LiVersion *), ::restore-requested
 * (LiVersion *), ::snapshot-requested (), ::open-file-requested (). */

GtkWidget  *li_versions_list_new          (void);
void        li_versions_list_set_model    (LiVersionsList *self,
                                           GListModel     *versions);
GListModel *li_versions_list_get_model    (LiVersionsList *self);
void        li_versions_list_set_baseline (LiVersionsList *self,
                                           LiVersion      *version);
LiVersion  *li_versions_list_get_baseline (LiVersionsList *self);

/* For tests: the row of the version at @position and its buttons. */
GtkWidget  *li_versions_list_get_row            (LiVersionsList *self,
                                                 guint           position);
GtkWidget  *li_versions_list_get_compare_button (LiVersionsList *self,
                                                 guint           position);
GtkWidget  *li_versions_list_get_restore_button (LiVersionsList *self,
                                                 guint           position);
/* The entry of the row's Rename popover (Enter renames the version). */
GtkWidget  *li_versions_list_get_rename_entry   (LiVersionsList *self,
                                                 guint           position);
GtkWidget  *li_versions_list_get_snapshot_button (LiVersionsList *self);
GtkWidget  *li_versions_list_get_open_button     (LiVersionsList *self);

G_END_DECLS
