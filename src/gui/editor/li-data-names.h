/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-event-store.h"

G_BEGIN_DECLS

/* The event names of the imported data, as the rule editor lists them: one
 * intent row each, and the entries of the event menus. */

/* An event name found in the data, with its number of events. */
typedef struct
{
  char    *name;
  guint64  count;
} LiDataName;

void       li_data_name_free        (LiDataName *name);
/* The store's event names, most frequent first (ties by name, byte order).
 * NULL store: an empty array.  Elements are LiDataName*. */
GPtrArray *li_data_names_from_store (const LiEventStore *store);
/* Sorts LiDataName* as above. */
void       li_data_names_sort       (GPtrArray *names);

G_END_DECLS
