/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks that @data is one strict JSON text (RFC 8259) before json-glib
 * sees it.  json-glib recurses per nesting level and accepts more than JSON
 * (comments, single quotes, hex numbers), and it wraps integers beyond 64
 * bits silently; this check refuses all of that, nesting deeper than
 * @max_depth, integer literals beyond ±2^53 (which a double cannot hold
 * exactly), numbers beyond the range of a double, and lone surrogates in
 * \u escapes (json-glib would make them invalid UTF-8).  On failure returns FALSE with @line and @column (1-based) and a
 * translated reason in @message (free it). */
gboolean li_json_check (const char *data,
                        gsize       len,
                        guint       max_depth,
                        guint      *line,
                        guint      *column,
                        char      **message);

G_END_DECLS
