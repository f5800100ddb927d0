/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-drift.h"
#include "li-project.h"

G_BEGIN_DECLS

#define LI_TYPE_DRIFT_VIEW (li_drift_view_get_type ())
G_DECLARE_FINAL_TYPE (LiDriftView, li_drift_view, LI, DRIFT_VIEW, AdwBin)

/* The "Over Time" page: the draft replayed per period (week, month, day or
 * hour; li_drift_run) as line charts of AUC, precision and recall per stage,
 * the firing rates of the rules that moved most, and the PSI of the peak
 * scores against the first period.  It follows the project's replays (an
 * edit, new data, the replayed period) after a short debounce, only while
 * shown, in a worker thread on copies; a new run cancels the old one.
 * Until the user picks a period, it picks one by the data's span. */
GtkWidget      *li_drift_view_new          (void);
void            li_drift_view_set_project  (LiDriftView       *self,
                                            LiProject         *project);
void            li_drift_view_set_period   (LiDriftView       *self,
                                            LiDriftPeriodKind  kind);
LiDriftPeriodKind li_drift_view_get_period (LiDriftView       *self);
/* Runs now (tests; the view otherwise waits for the debounce). */
void            li_drift_view_refresh      (LiDriftView       *self);
gboolean        li_drift_view_is_running   (LiDriftView       *self);
/* The newest finished drift, or NULL. */
const LiDrift  *li_drift_view_get_drift    (LiDriftView       *self);
const char     *li_drift_view_get_status   (LiDriftView       *self);

/* The period to start with for events from @min_ms to @max_ms: hours up to
 * two days, days up to eight weeks, weeks up to a year, else months. */
LiDriftPeriodKind li_drift_view_auto_period (gint64            min_ms,
                                             gint64            max_ms);

G_END_DECLS
