/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-import-input.h"
#include "li-import-source.h"

G_BEGIN_DECLS

/* Opens @source (a path or a URL) as li_import_input_open does a file.
 * @size (may be NULL) gets the size a URL's server announced, 0 when it is
 * unknown or @source is a path. */
gboolean _li_import_input_open_source (LiImportInput  *input,
                                       const char     *source,
                                       const char     *name,
                                       GFile         **file,
                                       guint64        *size,
                                       GCancellable   *cancellable,
                                       GError        **error);

G_END_DECLS
