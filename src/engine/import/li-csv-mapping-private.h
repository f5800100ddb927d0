/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-csv-mapping.h"
#include "li-import-input.h"
#include "li-import-sink.h"

G_BEGIN_DECLS

/* Reads one CSV file through @map into the sink (li-csv-map-reader.c). */
gboolean _li_import_mapped_csv_file (LiImportSink    *sink,
                                     LiImportInput   *input,
                                     const LiCsvMap  *map,
                                     GError         **error);

G_END_DECLS
