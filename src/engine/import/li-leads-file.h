/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-lead-table.h"

G_BEGIN_DECLS

/* Reads a leads file (gzip or not).  On error nothing is returned.  The
 * table holds at most li_import_default_max_events () ×
 * LI_MAX_PROPS_PER_EVENT values (leads × attributes): a small gzip file of
 * many columns would otherwise expand to more than the memory. */
LiLeadTable *li_import_leads         (GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);
/* The same for a path or a URL (li-import-source.h); messages name a URL
 * without credentials. */
LiLeadTable *li_import_leads_source  (const char    *source,
                                      GCancellable  *cancellable,
                                      GError       **error);
/* The same with another limit on values, for tests. */
LiLeadTable *_li_import_leads_limited (GFile         *file,
                                       guint64        max_values,
                                       GCancellable  *cancellable,
                                       GError       **error);

G_END_DECLS
