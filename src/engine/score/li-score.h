/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "li-plan.h"

G_BEGIN_DECLS

/* One lead's score at a time (SPEC 4). */
typedef struct
{
  guint32 lead;
  guint16 stage;
  double  score;
  double  intent;
  double  fit;
} LiScoreRow;

/* Every lead with an event at or before @as_of_ms, sorted as SPEC 7 says
 * (score as printed with 6 decimals descending, then lead id bytes). */
GArray   *li_score_as_of   (const LiPlan  *plan,
                            gint64         as_of_ms,
                            GCancellable  *cancellable,
                            GError       **error);
/* The CSV of `lead-intent-cli score`. */
char     *li_score_rows_csv (const LiPlan *plan,
                             GArray       *rows);

G_END_DECLS
