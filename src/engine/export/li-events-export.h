/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "li-event-store.h"

G_BEGIN_DECLS

/* `lead-intent-cli export-events` (SPEC 7): appends the events of @store to
 * @out as the CSV that loads into the events table of docs/sql-export.md,
 * seq,lead_id,ts,event,<properties…>.  Rows are in time order (ties keep
 * the stable order of the import); seq numbers them from 1; ts is RFC 3339
 * UTC with milliseconds; one column per property key, in the order the keys
 * first appeared, empty where an event lacks the property.  Fails (with
 * LI_SQL_EXPORT_ERROR) when a property that has values cannot be a column:
 * an empty name, or seq, lead_id, ts or event. */
gboolean li_events_export_csv (const LiEventStore  *store,
                               GString             *out,
                               GError             **error);

G_END_DECLS
