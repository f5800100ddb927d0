/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-event-store.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* How many events of @store the intent rule @rule matches: its event name
 * and every `where` clause (SPEC 3: the event has the property with one of
 * the listed values).  What the editor shows under a rule with a filter. */
guint64 li_intent_rule_count_events (const LiIntentRule *rule,
                                     const LiEventStore *store);

G_END_DECLS
