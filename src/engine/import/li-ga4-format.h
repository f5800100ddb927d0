/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-json-event.h"

G_BEGIN_DECLS

/* Whether the current object looks like a GA4 BigQuery export row. */
gboolean _li_ga4_detect  (const LiJsonLines *reader);
/* The current object as an event (SPEC 2.1, ga4); FALSE when the import stops. */
gboolean _li_ga4_add_row (LiJsonEvent       *ev,
                          GError           **error);

G_END_DECLS
