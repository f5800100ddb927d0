/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-csv-mapping.h"

G_BEGIN_DECLS

/* Mappings remembered per header: g_get_user_data_dir ()/lead-intent/
 * mappings/<li_csv_head_dup_key>.json, in the mapping format, so that such
 * a file also works with lead-intent-cli --map.  Both run in any thread. */

/* The mapping filed under @head's header line, else, when its first line
 * looks like data (li_csv_map_guess), the one filed under its number of
 * fields without a header; NULL when there is none or it cannot be read. */
LiCsvMap *li_mapping_memory_lookup (const LiCsvHead  *head);
/* Files @map under @head (atomically). */
gboolean  li_mapping_memory_save   (const LiCsvHead  *head,
                                    const LiCsvMap   *map,
                                    GError          **error);

G_END_DECLS
