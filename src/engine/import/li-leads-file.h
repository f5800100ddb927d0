/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-lead-table.h"

G_BEGIN_DECLS

/* Reads a leads file (gzip or not).  On error nothing is returned. */
LiLeadTable *li_import_leads (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
