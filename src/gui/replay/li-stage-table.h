/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_TYPE_STAGE_TABLE (li_stage_table_get_type ())
G_DECLARE_FINAL_TYPE (LiStageTable, li_stage_table, LI, STAGE_TABLE, AdwBin)

typedef enum
{
  LI_STAGE_COLUMN_NAME,
  LI_STAGE_COLUMN_FLAGGED,
  LI_STAGE_COLUMN_TRUE_POSITIVES,
  LI_STAGE_COLUMN_FALSE_POSITIVES,
  LI_STAGE_COLUMN_FALSE_NEGATIVES,
  LI_STAGE_COLUMN_PRECISION,
  LI_STAGE_COLUMN_RECALL,
  LI_STAGE_COLUMN_LIFT,
  LI_STAGE_COLUMN_PEAK_COUNT,
  LI_STAGE_COLUMN_MEDIAN_HOURS,
  LI_N_STAGE_COLUMNS
} LiStageColumn;

/* The per-stage metrics of a replay (SPEC 5) in a GtkColumnView, one row per
 * stage, hottest first; columns sort on click.  Null metrics show "—".
 * The false positive and false negative cells are buttons: clicking one
 * emits ::cell-activated (guint stage, guint column: an LiStageColumn). */
GtkWidget *li_stage_table_new           (void);
/* Copies @stages.  @rules (may be NULL) only adds each stage's conditions
 * ("score ≥ 60") under its name. */
void       li_stage_table_set_stages    (LiStageTable         *self,
                                         const LiStageMetrics *stages,
                                         guint                 n_stages,
                                         const LiRules        *rules);
guint      li_stage_table_get_n_rows    (LiStageTable         *self);
/* The text shown in a cell, rows in stage order (not the sorted order). */
char      *li_stage_table_dup_cell_text (LiStageTable         *self,
                                         guint                 row,
                                         LiStageColumn         column);
GtkColumnView *li_stage_table_get_column_view (LiStageTable   *self);

/* The text of one cell for @stage (plain function, no widget needed). */
char      *li_stage_table_format_cell   (const LiStageMetrics *stage,
                                         LiStageColumn         column);
/* For the precision and recall columns, the share with its Wilson 95%
 * range, "28.3% (95% range 21–37%)"; else NULL (plain function). */
char      *li_stage_table_format_interval (const LiStageMetrics *stage,
                                           LiStageColumn         column);
/* The warnings of stage @stage (li_confidence_warnings: too few converters,
 * a follow-up slower than its buyers), one a line, or NULL (plain function). */
char      *li_stage_table_dup_warnings  (const LiStageMetrics *stages,
                                         guint                 n_stages,
                                         guint                 stage,
                                         const LiRules        *rules);
/* "score ≥ 60 · fit ≥ 0", or "all other leads" for the catch-all stage. */
char      *li_stage_table_format_conditions (const LiStage    *stage);

G_END_DECLS
