/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-compare.h"
#include "li-event-store.h"
#include "li-version.h"

G_BEGIN_DECLS

#define LI_TYPE_COMPARE_VIEW (li_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (LiCompareView, li_compare_view, LI, COMPARE_VIEW, AdwBin)

/* The "compare rule versions" page (SPEC 6).  A is the version compared
 * against (the baseline), B the current draft; every delta is B − A.
 *
 * It shows the summary metrics (leads, converters, base rate, AUC, and the
 * flagged leads, precision, recall and lift of the first stage) with
 * coloured deltas, the
 * two peak-score distributions overlaid, the stage metrics with deltas, the
 * migration matrix (a click on a cell lists its leads with their peak scores
 * under A and B) and the rule changes grouped by section.
 *
 * Versions: the view embeds the versions list (LiVersionsList) twice, both
 * bound to the model given to li_compare_view_set_versions(): on the empty
 * page, and in the "Baseline" popover of the header while a comparison is
 * shown.  Their signals are re-emitted by the view, so the window connects
 * to the view only:
 *
 *   ::compare-requested (LiVersion *version)  compare the draft with it
 *   ::restore-requested (LiVersion *version)  put its rules into the draft
 *   ::snapshot-requested ()                   snapshot the current rules
 *   ::open-file-requested ()                  pick a rule file to compare with
 *
 * The window owns the comparison jobs and calls set_comparison() with each
 * new result (the view copies what it keeps; cheap enough for every replay),
 * set_busy() while one runs, and set_baseline() to mark the version in use.
 */
GtkWidget *li_compare_view_new            (void);
/* @comparison NULL shows the empty state ("Pick a version to compare
 * against").  @store (may be NULL: lead indices are shown) gives the lead
 * ids of the migration lists; it is referenced.  @name_a, @name_b label A
 * and B (NULL: "A", "Draft"). */
void       li_compare_view_set_comparison (LiCompareView      *self,
                                           const LiComparison *comparison,
                                           LiEventStore       *store,
                                           const char         *name_a,
                                           const char         *name_b);
/* A spinner shows in the header; the old numbers stay. */
void       li_compare_view_set_busy       (LiCompareView      *self,
                                           gboolean            busy);
gboolean   li_compare_view_get_busy       (LiCompareView      *self);
/* A GListModel of LiVersion (may be NULL). */
void       li_compare_view_set_versions   (LiCompareView      *self,
                                           GListModel         *versions);
/* The version A comes from (may be NULL): marked in the versions lists. */
void       li_compare_view_set_baseline   (LiCompareView      *self,
                                           LiVersion          *version);

/* For tests (the functions above are the contract). */

typedef enum
{
  LI_COMPARE_METRIC_LEADS,
  LI_COMPARE_METRIC_CONVERTERS,
  LI_COMPARE_METRIC_BASE_RATE,
  LI_COMPARE_METRIC_AUC,
  LI_COMPARE_METRIC_FLAGGED,
  LI_COMPARE_METRIC_TRUE_POSITIVES,
  LI_COMPARE_METRIC_FALSE_POSITIVES,
  LI_COMPARE_METRIC_FALSE_NEGATIVES,
  LI_COMPARE_METRIC_PRECISION,
  LI_COMPARE_METRIC_RECALL,
  LI_COMPARE_METRIC_LIFT,
  LI_N_COMPARE_METRICS
} LiCompareMetric;

/* The summary cards, in order: leads, converters, base rate, AUC, and the
 * flagged leads, precision, recall and lift of the first stage. */
typedef enum
{
  LI_COMPARE_SUMMARY_LEADS,
  LI_COMPARE_SUMMARY_CONVERTERS,
  LI_COMPARE_SUMMARY_BASE_RATE,
  LI_COMPARE_SUMMARY_AUC,
  LI_COMPARE_SUMMARY_TOP_FLAGGED,
  LI_COMPARE_SUMMARY_TOP_PRECISION,
  LI_COMPARE_SUMMARY_TOP_RECALL,
  LI_COMPARE_SUMMARY_TOP_LIFT,
  LI_N_COMPARE_SUMMARIES
} LiCompareSummary;

/* How a delta is judged, and coloured. */
typedef enum
{
  LI_DELTA_NONE,     /* not comparable: a side is null — dim "—" */
  LI_DELTA_SAME,     /* equal at the precision shown — dim */
  LI_DELTA_BETTER,   /* .success */
  LI_DELTA_WORSE,    /* .error */
  LI_DELTA_NEUTRAL,  /* changed, but neither better nor worse — plain */
} LiDeltaKind;

/* Whether a higher value is better (1), worse (-1) or neither (0):
 * AUC, precision, recall, lift and true positives are better higher; false
 * positives and false negatives are better lower; leads, converters, base
 * rate and flagged describe the data or the stage size and are neutral. */
int          li_compare_metric_polarity (LiCompareMetric metric);
/* The value as the replay view shows it ("1,234", "12.3%", "0.734",
 * "2.35×", "—"). */
char        *li_compare_format_value    (LiCompareMetric metric,
                                         double          value);
/* B − A: "+12", "−3", "±0"; ratios in percentage points ("+1.2 pp");
 * "+0.012" for the AUC; "+0.35×" for the lift; "—" when not comparable. */
char        *li_compare_format_delta    (LiCompareMetric metric,
                                         double          a,
                                         double          b);
/* Judged at the precision shown, so a delta shown as "±0.0 pp" is SAME. */
LiDeltaKind  li_compare_delta_kind      (LiCompareMetric metric,
                                         double          a,
                                         double          b);
/* "success", "error", "dim-label" or NULL (neutral). */
const char  *li_compare_delta_css_class (LiDeltaKind     kind);

/* The line shown for a rule change, without the action and section words
 * that the grouping and the marker already say ("add_to_cart points: 15 →
 * 20"), and its marker: "+" added, "−" removed, "~" changed. */
char        *li_compare_format_change   (const LiRuleChange *change);
const char  *li_compare_change_marker   (LiChangeAction      action);
/* The heading of a section of rule changes ("Intent rules"). */
const char  *li_compare_section_title   (const char         *section);
/* The leads of a migration cell in the order listed: by |peak B − peak A|
 * descending, then by lead index.  Sorts @leads (LiMigratedLead) in place. */
void         li_compare_sort_migrated   (GArray             *leads);

/* State of the view as shown. */
gboolean     li_compare_view_get_empty  (LiCompareView    *self);
/* The B value, delta and A value texts of a summary card (borrowed). */
const char  *li_compare_view_get_summary_value (LiCompareView    *self,
                                                LiCompareSummary  which);
const char  *li_compare_view_get_summary_delta (LiCompareView    *self,
                                                LiCompareSummary  which);
LiDeltaKind  li_compare_view_get_summary_kind  (LiCompareView    *self,
                                                LiCompareSummary  which);
/* The stage table: rows (stage positions) and the "B" and "Δ" texts of a
 * cell; @metric is one of FLAGGED … LIFT. */
guint        li_compare_view_get_n_stage_rows  (LiCompareView    *self);
char        *li_compare_view_dup_stage_text    (LiCompareView    *self,
                                                guint             row,
                                                LiCompareMetric   metric,
                                                gboolean          delta);
/* Children, typed as GtkWidget so that this header needs no chart headers:
 * the LiOverlayHistogram and the LiMigrationGrid. */
GtkWidget   *li_compare_view_get_histogram      (LiCompareView    *self);
GtkWidget   *li_compare_view_get_migration_grid (LiCompareView    *self);
/* The leads list of the selected migration cell: shown rows (at most 200)
 * and the "… and N more" count; the lead id and texts of a row. */
guint        li_compare_view_get_n_listed_leads (LiCompareView    *self);
guint        li_compare_view_get_n_more_leads   (LiCompareView    *self);
char        *li_compare_view_dup_listed_lead    (LiCompareView    *self,
                                                 guint             position,
                                                 double           *peak_a,
                                                 double           *peak_b);
/* Opens the leads list of a cell as a click would. */
void         li_compare_view_select_cell        (LiCompareView    *self,
                                                 guint             row,
                                                 guint             column);
/* The rule-change lines shown, "marker text" each, in order. */
GStrv        li_compare_view_dup_change_lines   (LiCompareView    *self);

#define LI_COMPARE_MAX_LISTED_LEADS 200

G_END_DECLS
