/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-csv-mapping.h"

G_BEGIN_DECLS

#define LI_TYPE_MAPPING_DIALOG (li_mapping_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LiMappingDialog, li_mapping_dialog, LI, MAPPING_DIALOG, AdwWindow)

/* The column mapping of a CSV file (SPEC 2.1a), edited with a live preview
 * of the file's first rows as the import makes events of them.  It opens
 * with the mapping remembered for the file's header, else a guess; its
 * action "mapping.import" (the Import button, enabled while the mapping is
 * valid and fits the file) remembers the mapping (li-mapping-memory.h),
 * emits ::import (const LiCsvMap *map) and closes. */
LiMappingDialog *li_mapping_dialog_new     (GtkWindow        *parent,
                                            GFile            *file);
/* Shows a copy of @map (once the file is read: get_map is not NULL). */
void             li_mapping_dialog_set_map (LiMappingDialog  *self,
                                            const LiCsvMap   *map);
/* The mapping as edited (NULL until the file is read). */
const LiCsvMap  *li_mapping_dialog_get_map (LiMappingDialog  *self);
/* The preview's rows as the dialog shows them, one line each (for tests). */
GPtrArray       *li_mapping_dialog_get_preview (LiMappingDialog *self);

G_END_DECLS
