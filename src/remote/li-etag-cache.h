/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The ETag this machine last saw for each endpoint (fetched or published),
 * for publish without --if-match.  ETags are not secret; the file is
 * $XDG_STATE_HOME/lead-intent/etags.json (~/.local/state), written
 * atomically, keyed by a SHA-256 of the URL so that no credential of a URL
 * lands in it.  A missing or unreadable file is an empty cache. */

char     *li_etag_cache_lookup (const char  *url);
/* @etag NULL forgets it. */
gboolean  li_etag_cache_store  (const char  *url,
                                const char  *etag,
                                GError     **error);
/* The file (for tests). */
char     *li_etag_cache_path   (void);

G_END_DECLS
