/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-dataset.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_LEADS_EXPORT_DIALOG (li_leads_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiLeadsExportDialog, li_leads_export_dialog, LI, LEADS_EXPORT_DIALOG, AdwWindow)

/* "Export Leads": the list of `lead-intent-cli export-leads` for sales —
 * every lead at a chosen stage or hotter as of the last event, with its
 * channel, follow-up deadline and what to personalise the message with —
 * saved as CSV.  Scores a copy of @rules on @dataset in a worker thread. */
GtkWidget  *li_leads_export_dialog_new        (GtkWindow     *parent,
                                               const LiRules *rules,
                                               LiDataset     *dataset);

/* For tests: the coldest stage exported, and the CSV that Save… writes
 * (NULL while scoring). */
void        li_leads_export_dialog_set_stage  (LiLeadsExportDialog *self,
                                               guint                stage);
char       *li_leads_export_dialog_dup_csv    (LiLeadsExportDialog *self);
gboolean    li_leads_export_dialog_is_ready   (LiLeadsExportDialog *self);

G_END_DECLS
