/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_SQL_EXPORT_DIALOG (li_sql_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiSqlExportDialog, li_sql_export_dialog, LI, SQL_EXPORT_DIALOG, AdwWindow)

/* "Export SQL": the query of `lead-intent-cli export-sql` for a copy of
 * @rules, with the dialect and the table names to choose, a preview that
 * follows every choice, and Copy and Save….  Rules with problems, or that
 * the dialect cannot express exactly, show why instead of a query. */
GtkWidget  *li_sql_export_dialog_new          (GtkWindow     *parent,
                                               const LiRules *rules,
                                               const char    *rules_path);

/* For tests: the query shown, or NULL while it cannot be exported. */
const char *li_sql_export_dialog_get_sql      (LiSqlExportDialog *self);
void        li_sql_export_dialog_set_dialect  (LiSqlExportDialog *self,
                                               guint              dialect);

G_END_DECLS
