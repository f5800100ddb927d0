/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-plan.h"

G_BEGIN_DECLS

/* `lead-intent-cli export-leads`: the leads to follow up as of a time, with
 * their channel, deadline and what to personalise the message with
 * (columns in docs/decisions.md). */

#define LI_LEAD_EXPORT_NONE G_MAXUINT32

typedef struct
{
  guint32 lead;
  guint16 stage;           /* as of the time */
  double  score;
  /* The start of the lead's current run at its stage or hotter: the first
   * of the events, up to the time, after which the stage (evaluated at each
   * event) was never colder; the time itself when none was this hot. */
  gint64  reached_ms;
  guint32 product_event;   /* the latest event with a product_id, or NONE */
  guint32 category_event;  /* the latest event with a category, or NONE */
} LiLeadExportRow;

/* Every lead with an event at or before @as_of_ms whose stage then is
 * @coldest_stage or hotter, in the order of `score` (score as printed,
 * descending, then lead id). */
GArray *li_lead_export     (const LiPlan  *plan,
                            gint64         as_of_ms,
                            guint          coldest_stage,
                            GCancellable  *cancellable,
                            GError       **error);
/* lead_id,score,stage,channel,follow_up_deadline,product_id,variant,category */
char   *li_lead_export_csv (const LiPlan  *plan,
                            GArray        *rows);

G_END_DECLS
