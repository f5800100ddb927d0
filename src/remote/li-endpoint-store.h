/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The endpoint URL the window publishes a rule file to, remembered per
 * rule file (its absolute path) in
 * $XDG_DATA_HOME/lead-intent/endpoints.json, written atomically.  Only
 * URLs that li_endpoint_check_url accepts are kept (no credentials). */

char     *li_endpoint_store_lookup (const char  *rules_path);
gboolean  li_endpoint_store_set    (const char  *rules_path,
                                    const char  *url,
                                    GError     **error);
char     *li_endpoint_store_path   (void);

G_END_DECLS
