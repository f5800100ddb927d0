/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-json-event.h"

G_BEGIN_DECLS

/* Whether the current object looks like a Segment/RudderStack call. */
gboolean _li_segment_detect  (const LiJsonLines *reader);
/* The current object as an event (SPEC 2.1, segment); calls of other types
 * than track, page, screen and identify are counted in sink->n_ignored.
 * FALSE when the import stops. */
gboolean _li_segment_add_row (LiJsonEvent       *ev,
                              GError           **error);

G_END_DECLS
