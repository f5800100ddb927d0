/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @field to @out, quoted the way RFC 4180 writers do (only when it
 * holds a comma, a quote or a line break). */
void      li_csv_append_field (GString    *out,
                               const char *field);

G_END_DECLS
