/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* JSON text as rule files are written: 2-space indent when @pretty (no final
 * newline), else one line; numbers via li_format_number (15, not 15.0). */
char *li_json_to_string (JsonNode *node,
                         gboolean  pretty);

G_END_DECLS
