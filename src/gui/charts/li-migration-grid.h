/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LI_TYPE_MIGRATION_GRID (li_migration_grid_get_type ())
G_DECLARE_FINAL_TYPE (LiMigrationGrid, li_migration_grid, LI, MIGRATION_GRID, GtkWidget)

/* The migration matrix of a comparison (SPEC 6) as a grid of buttons: rows
 * are A's stages, columns B's stages (both hottest first), each cell the
 * number of leads whose peak stage is the row under A and the column under
 * B, with the row and column totals at the ends.  Cells on the diagonal are
 * neutral; a cell left of it (hotter under B: promoted) is tinted with the
 * theme's warning colour, a cell right of it (cooler under B: demoted) with
 * the accent colour, stronger for more leads.  Each cell is a GtkButton with
 * an accessible label like "42 leads: hot under A, warm under B"; a click
 * emits ::cell-activated (guint row, guint column).  Empty cells are
 * insensitive. */

typedef enum
{
  LI_MIGRATION_SAME,      /* the same stage position under A and B */
  LI_MIGRATION_PROMOTED,  /* hotter under B */
  LI_MIGRATION_DEMOTED,   /* cooler under B */
} LiMigrationKind;

GtkWidget  *li_migration_grid_new          (void);
/* Copies @rows (A's stage names), @columns (B's) and @counts (rows ×
 * columns, row-major).  The buttons are kept when the shape and names
 * stay, so focus survives live updates; the selection stays while its row
 * and column keep their names. */
void        li_migration_grid_set_data     (LiMigrationGrid    *self,
                                            const char * const *rows,
                                            const char * const *columns,
                                            const guint        *counts);
guint       li_migration_grid_get_n_rows    (LiMigrationGrid   *self);
guint       li_migration_grid_get_n_columns (LiMigrationGrid   *self);
guint       li_migration_grid_get_count     (LiMigrationGrid   *self,
                                             guint              row,
                                             guint              column);
/* The selected cell is outlined (-1, -1: none). */
void        li_migration_grid_set_selected  (LiMigrationGrid   *self,
                                             int                row,
                                             int                column);
gboolean    li_migration_grid_get_selected  (LiMigrationGrid   *self,
                                             guint             *row,
                                             guint             *column);
GtkWidget  *li_migration_grid_get_cell      (LiMigrationGrid   *self,
                                             guint              row,
                                             guint              column);
/* The accessible label (and tooltip) of a cell. */
const char *li_migration_grid_get_cell_label (LiMigrationGrid  *self,
                                              guint             row,
                                              guint             column);

/* Plain functions (tested without a display). */
LiMigrationKind li_migration_grid_cell_kind   (guint        row,
                                               guint        column);
/* "42 leads: hot under A, warm under B". */
char           *li_migration_grid_cell_label  (guint        count,
                                               const char  *row_name,
                                               const char  *column_name);
/* The tint's opacity for @count among off-diagonal cells whose largest is
 * @max_count: 0 for none, then from 0.12 up to 0.5 on a square-root scale. */
double          li_migration_grid_tint_alpha  (guint        count,
                                               guint        max_count);

G_END_DECLS
