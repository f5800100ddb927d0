/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-import-input.h"
#include "li-import-sink.h"

G_BEGIN_DECLS

/* Reads one CSV file of @format (LI_FORMAT_AUTO: detected from the header)
 * into the sink. */
gboolean _li_import_csv_file (LiImportSink   *sink,
                              LiImportInput  *input,
                              LiFormat        format,
                              GError        **error);

G_END_DECLS
