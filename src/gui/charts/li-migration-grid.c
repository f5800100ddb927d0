/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-migration-grid.c — the migration matrix as a grid of buttons
 *
 * Children are laid out by a GtkGridLayout: the corner, B's stage names
 * along the top, A's down the side, a flat button per cell, the totals, and
 * a legend row.  The widget draws the cell tints itself under the children
 * (snapshot reads the counts and the colours looked up in css_changed), so
 * that no style sheet is needed and dark mode works.  When only the numbers
 * change the children are kept and relabelled. */

#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-migration-grid.h"

#include <math.h>

#include <glib/gi18n.h>

#include "li-chart-style.h"
#include "li-format.h"

#define SWATCH 10.0
#define CELL_INDEX "li-cell-index"
#define CELL_LABEL "li-cell-label"

struct _LiMigrationGrid
{
  GtkWidget   parent_instance;

  /* data */
  GStrv       rows;
  GStrv       columns;
  guint       n_rows;
  guint       n_columns;
  guint      *counts;
  guint       max_off_diagonal;
  int         selected_row;
  int         selected_column;

  /* children */
  GPtrArray  *children;     /* every child, unparented on rebuild */
  GPtrArray  *cells;        /* GtkButton, row-major */
  GPtrArray  *row_totals;   /* GtkLabel */
  GPtrArray  *col_totals;   /* GtkLabel */
  GtkWidget  *grand_total;
  GtkWidget  *legend[2];    /* labels: promoted, demoted */

  /* colours */
  GdkRGBA     promoted;
  GdkRGBA     demoted;
  GdkRGBA     same;
  GdkRGBA     accent;
};

enum
{
  CELL_ACTIVATED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (LiMigrationGrid, li_migration_grid, GTK_TYPE_WIDGET)

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Plain functions                                                           */
/* ------------------------------------------------------------------------ */

LiMigrationKind
li_migration_grid_cell_kind (guint row,
                             guint column)
{
  /* stages are listed hottest first: a smaller column is a hotter stage */
  if (column == row)
    return LI_MIGRATION_SAME;

  return column < row ? LI_MIGRATION_PROMOTED : LI_MIGRATION_DEMOTED;
}

char *
li_migration_grid_cell_label (guint       count,
                              const char *row_name,
                              const char *column_name)
{
  g_autofree char *leads = li_format_count (count);

  /* Translators: accessible label and tooltip of a cell of the migration
   * matrix: "42 leads: hot under A, warm under B"; A is the version compared
   * against, B the draft */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s lead: %s under A, %s under B",
                                       "%s leads: %s under A, %s under B",
                                       count),
                          leads, row_name, column_name);
}

double
li_migration_grid_tint_alpha (guint count,
                              guint max_count)
{
  if (count == 0 || max_count == 0)
    return 0.0;

  return 0.12 + 0.38 * sqrt (MIN ((double) count / max_count, 1.0));
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */
/* ------------------------------------------------------------------------ */

static GtkWidget *
_li_migration_grid_attach (LiMigrationGrid *self,
                           GtkWidget       *child,
                           guint            row,
                           guint            column,
                           guint            column_span)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkGridLayoutChild *layout_child;

  gtk_widget_set_parent (child, GTK_WIDGET (self));
  layout_child = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));
  gtk_grid_layout_child_set_row (layout_child, row);
  gtk_grid_layout_child_set_column (layout_child, column);
  gtk_grid_layout_child_set_column_span (layout_child, column_span);
  g_ptr_array_add (self->children, child);

  return child;
}

static GtkWidget *
_li_migration_grid_label (const char *text,
                          float       xalign,
                          const char *css_class,
                          const char *css_class2)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (css_class2 != NULL)
    gtk_widget_add_css_class (label, css_class2);

  return label;
}

static void
_li_set_label (GtkWidget  *label,
               const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

static gboolean
_li_migration_grid_cell_query_tooltip_cb (GtkWidget  *button,
                                          int         x,
                                          int         y,
                                          gboolean    keyboard_mode,
                                          GtkTooltip *tooltip,
                                          gpointer    user_data)
{
  const char *label = g_object_get_data (G_OBJECT (button), CELL_LABEL);

  if (label == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, label);
  return TRUE;
}

static void
_li_migration_grid_cell_clicked_cb (GtkButton       *button,
                                    LiMigrationGrid *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), CELL_INDEX));

  if (self->n_columns == 0)
    return;

  g_signal_emit (self, signals[CELL_ACTIVATED], 0, index / self->n_columns, index % self->n_columns);
}

static void
_li_migration_grid_clear_children (LiMigrationGrid *self)
{
  for (guint i = 0; i < self->children->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->children, i));
  g_ptr_array_set_size (self->children, 0);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->row_totals, 0);
  g_ptr_array_set_size (self->col_totals, 0);
  self->grand_total = NULL;
  self->legend[0] = self->legend[1] = NULL;
}

static void
_li_migration_grid_rebuild (LiMigrationGrid *self)
{
  guint total_row = self->n_rows + 1;
  guint total_column = self->n_columns + 1;
  GtkWidget *child;

  _li_migration_grid_clear_children (self);

  if (self->n_rows == 0 || self->n_columns == 0)
    return;

  /* Translators: the corner of the migration matrix: rows are stages under
   * A, columns stages under B */
  child = _li_migration_grid_label (C_("migration matrix corner", "A ╲ B"), 0.0, "dim-label", "caption");
  gtk_widget_set_tooltip_text (child, _("Rows: peak stage under A. Columns: peak stage under B."));
  _li_migration_grid_attach (self, child, 0, 0, 1);

  for (guint c = 0; c < self->n_columns; c++)
    {
      child = _li_migration_grid_label (self->columns[c], 0.5, "heading", NULL);
      gtk_widget_set_tooltip_text (child, self->columns[c]);
      _li_migration_grid_attach (self, child, 0, c + 1, 1);
    }
  child = _li_migration_grid_label (_("Total"), 1.0, "dim-label", NULL);
  gtk_widget_set_margin_start (child, 6);
  _li_migration_grid_attach (self, child, 0, total_column, 1);

  for (guint r = 0; r < self->n_rows; r++)
    {
      child = _li_migration_grid_label (self->rows[r], 0.0, "heading", NULL);
      gtk_widget_set_tooltip_text (child, self->rows[r]);
      gtk_widget_set_margin_end (child, 6);
      _li_migration_grid_attach (self, child, r + 1, 0, 1);

      for (guint c = 0; c < self->n_columns; c++)
        {
          GtkWidget *button = gtk_button_new ();
          GtkWidget *label = gtk_label_new (NULL);

          gtk_widget_add_css_class (label, "numeric");
          gtk_button_set_child (GTK_BUTTON (button), label);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_size_request (button, -1, 40);
          g_object_set_data (G_OBJECT (button), CELL_INDEX, GUINT_TO_POINTER (r * self->n_columns + c));
          g_signal_connect_object (button, "clicked", G_CALLBACK (_li_migration_grid_cell_clicked_cb),
                                   self, G_CONNECT_DEFAULT);
          gtk_widget_set_has_tooltip (button, TRUE);
          g_signal_connect (button, "query-tooltip", G_CALLBACK (_li_migration_grid_cell_query_tooltip_cb), NULL);
          _li_migration_grid_attach (self, button, r + 1, c + 1, 1);
          g_ptr_array_add (self->cells, button);
        }

      child = _li_migration_grid_label (NULL, 1.0, "dim-label", "numeric");
      gtk_widget_set_margin_start (child, 6);
      _li_migration_grid_attach (self, child, r + 1, total_column, 1);
      g_ptr_array_add (self->row_totals, child);
    }

  child = _li_migration_grid_label (_("Total"), 0.0, "dim-label", NULL);
  _li_migration_grid_attach (self, child, total_row, 0, 1);
  for (guint c = 0; c < self->n_columns; c++)
    {
      child = _li_migration_grid_label (NULL, 0.5, "dim-label", "numeric");
      _li_migration_grid_attach (self, child, total_row, c + 1, 1);
      g_ptr_array_add (self->col_totals, child);
    }
  self->grand_total = _li_migration_grid_label (NULL, 1.0, "dim-label", "numeric");
  _li_migration_grid_attach (self, self->grand_total, total_row, total_column, 1);

  /* legend: swatches drawn left of these labels */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);

    gtk_widget_set_margin_top (box, 6);
    self->legend[0] = _li_migration_grid_label (_("Hotter under B"), 0.0, "dim-label", "caption");
    self->legend[1] = _li_migration_grid_label (_("Cooler under B"), 0.0, "dim-label", "caption");
    for (guint i = 0; i < 2; i++)
      {
        gtk_widget_set_margin_start (self->legend[i], (int) SWATCH + 6);
        gtk_box_append (GTK_BOX (box), self->legend[i]);
      }
    _li_migration_grid_attach (self, box, total_row + 1, 0, total_column + 1);
  }
}

static void
_li_migration_grid_update_labels (LiMigrationGrid *self)
{
  g_autofree guint *col_sums = g_new0 (guint, MAX (self->n_columns, 1));
  guint64 grand = 0;

  self->max_off_diagonal = 0;
  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      if (r != c)
        self->max_off_diagonal = MAX (self->max_off_diagonal, self->counts[r * self->n_columns + c]);

  for (guint r = 0; r < self->n_rows && self->cells->len > 0; r++)
    {
      guint64 row_sum = 0;
      g_autofree char *row_text = NULL;

      for (guint c = 0; c < self->n_columns; c++)
        {
          guint count = self->counts[r * self->n_columns + c];
          GtkWidget *button = g_ptr_array_index (self->cells, r * self->n_columns + c);
          g_autofree char *text = li_format_count (count);
          g_autofree char *label = li_migration_grid_cell_label (count, self->rows[r], self->columns[c]);

          _li_set_label (gtk_button_get_child (GTK_BUTTON (button)), text);
          /* the tooltip answers ::query-tooltip from this: setting a
           * tooltip on every update would ask the display for the pointer */
          if (g_strcmp0 (g_object_get_data (G_OBJECT (button), CELL_LABEL), label) != 0)
            {
              gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                              -1);
              g_object_set_data_full (G_OBJECT (button), CELL_LABEL, g_steal_pointer (&label), g_free);
            }
          gtk_widget_set_sensitive (button, count > 0);
          row_sum += count;
          col_sums[c] += count;
        }

      row_text = li_format_count (row_sum);
      _li_set_label (g_ptr_array_index (self->row_totals, r), row_text);
      grand += row_sum;
    }

  for (guint c = 0; c < self->col_totals->len; c++)
    {
      g_autofree char *text = li_format_count (col_sums[c]);

      _li_set_label (g_ptr_array_index (self->col_totals, c), text);
    }

  if (self->grand_total != NULL)
    {
      g_autofree char *text = li_format_count (grand);

      _li_set_label (self->grand_total, text);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
_li_strv_equal (const char * const *a,
                const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

/* ------------------------------------------------------------------------ */
/* Vfuncs                                                                    */
/* ------------------------------------------------------------------------ */

static void
li_migration_grid_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LiMigrationGrid *self = LI_MIGRATION_GRID (widget);
  graphene_rect_t bounds;

  for (guint r = 0; r < self->n_rows && self->cells->len > 0; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        GtkWidget *button = g_ptr_array_index (self->cells, r * self->n_columns + c);
        guint count = self->counts[r * self->n_columns + c];
        LiMigrationKind kind = li_migration_grid_cell_kind (r, c);
        GdkRGBA color;

        if (!gtk_widget_compute_bounds (button, widget, &bounds))
          continue;

        if (kind == LI_MIGRATION_SAME)
          {
            color = self->same;
          }
        else
          {
            color = kind == LI_MIGRATION_PROMOTED ? self->promoted : self->demoted;
            color.alpha *= li_migration_grid_tint_alpha (count, self->max_off_diagonal);
            if (color.alpha <= 0.0)
              continue;
          }

        li_chart_append_rounded (snapshot, &bounds, 6, &color);
      }

  /* legend swatches */
  for (guint i = 0; i < 2; i++)
    {
      GdkRGBA color = i == 0 ? self->promoted : self->demoted;

      if (self->legend[i] == NULL || !gtk_widget_compute_bounds (self->legend[i], widget, &bounds))
        continue;
      color.alpha *= 0.4;
      li_chart_append_rounded (snapshot,
                          &GRAPHENE_RECT_INIT (bounds.origin.x - SWATCH - 6,
                                               bounds.origin.y + (bounds.size.height - SWATCH) / 2,
                                               SWATCH, SWATCH),
                          2, &color);
    }

  GTK_WIDGET_CLASS (li_migration_grid_parent_class)->snapshot (widget, snapshot);

  /* the selected cell, over its button */
  if (self->selected_row >= 0 && self->selected_column >= 0 &&
      (guint) self->selected_row < self->n_rows && (guint) self->selected_column < self->n_columns &&
      self->cells->len > 0)
    {
      GtkWidget *button = g_ptr_array_index (self->cells,
                                             self->selected_row * self->n_columns + self->selected_column);

      if (gtk_widget_compute_bounds (button, widget, &bounds))
        li_chart_append_ring (snapshot, &bounds, 6, 2, &self->accent);
    }
}

static void
li_migration_grid_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  LiMigrationGrid *self = LI_MIGRATION_GRID (widget);
  GtkStyleContext *context;
  GdkRGBA fg;

  GTK_WIDGET_CLASS (li_migration_grid_parent_class)->css_changed (widget, change);

  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  li_chart_lookup_color (context, "warning_bg_color", "#e5a50a", &self->promoted);
  li_chart_lookup_color (context, "accent_bg_color", "#3584e4", &self->demoted);
  li_chart_lookup_color (context, "accent_color", "#1c71d8", &self->accent);
  self->same = li_chart_fade (&fg, 0.06);

  gtk_widget_queue_draw (widget);
}

static void
li_migration_grid_dispose (GObject *object)
{
  LiMigrationGrid *self = LI_MIGRATION_GRID (object);

  if (self->children != NULL)
    _li_migration_grid_clear_children (self);

  G_OBJECT_CLASS (li_migration_grid_parent_class)->dispose (object);
}

static void
li_migration_grid_finalize (GObject *object)
{
  LiMigrationGrid *self = LI_MIGRATION_GRID (object);

  g_clear_pointer (&self->rows, g_strfreev);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->row_totals, g_ptr_array_unref);
  g_clear_pointer (&self->col_totals, g_ptr_array_unref);

  G_OBJECT_CLASS (li_migration_grid_parent_class)->finalize (object);
}

static void
li_migration_grid_class_init (LiMigrationGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_migration_grid_dispose;
  object_class->finalize = li_migration_grid_finalize;

  widget_class->snapshot = li_migration_grid_snapshot;
  widget_class->css_changed = li_migration_grid_css_changed;

  /**
   * LiMigrationGrid::cell-activated:
   * @self: the grid
   * @row: the stage index under A
   * @column: the stage index under B
   *
   * The user clicked a cell.
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "migration-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
li_migration_grid_init (LiMigrationGrid *self)
{
  GtkGridLayout *layout = GTK_GRID_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  self->children = g_ptr_array_new ();
  self->cells = g_ptr_array_new ();
  self->row_totals = g_ptr_array_new ();
  self->col_totals = g_ptr_array_new ();
  self->selected_row = -1;
  self->selected_column = -1;

  gtk_grid_layout_set_row_spacing (layout, 4);
  gtk_grid_layout_set_column_spacing (layout, 4);
  gtk_grid_layout_set_column_homogeneous (layout, TRUE);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Migration of peak stages from A to B"),
                                  -1);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */
/* ------------------------------------------------------------------------ */

GtkWidget *
li_migration_grid_new (void)
{
  return g_object_new (LI_TYPE_MIGRATION_GRID, NULL);
}

void
li_migration_grid_set_data (LiMigrationGrid    *self,
                            const char * const *rows,
                            const char * const *columns,
                            const guint        *counts)
{
  guint n_rows, n_columns;
  gboolean same_shape;

  g_return_if_fail (LI_IS_MIGRATION_GRID (self));

  n_rows = rows != NULL ? g_strv_length ((char **) rows) : 0;
  n_columns = columns != NULL ? g_strv_length ((char **) columns) : 0;
  g_return_if_fail (counts != NULL || n_rows * n_columns == 0);

  same_shape = _li_strv_equal (rows, (const char * const *) self->rows) &&
               _li_strv_equal (columns, (const char * const *) self->columns);

  if (!same_shape)
    {
      /* the selection stays on a cell whose two stages keep their names */
      if (self->selected_row >= 0 &&
          ((guint) self->selected_row >= n_rows || (guint) self->selected_column >= n_columns ||
           g_strcmp0 (rows[self->selected_row], self->rows[self->selected_row]) != 0 ||
           g_strcmp0 (columns[self->selected_column], self->columns[self->selected_column]) != 0))
        self->selected_row = self->selected_column = -1;

      g_strfreev (self->rows);
      g_strfreev (self->columns);
      self->rows = g_strdupv ((char **) rows);
      self->columns = g_strdupv ((char **) columns);
      self->n_rows = n_rows;
      self->n_columns = n_columns;
    }

  g_free (self->counts);
  self->counts = n_rows * n_columns > 0 ? g_memdup2 (counts, sizeof (guint) * n_rows * n_columns) : NULL;

  if (!same_shape || self->cells->len != n_rows * n_columns)
    _li_migration_grid_rebuild (self);
  _li_migration_grid_update_labels (self);
}

guint
li_migration_grid_get_n_rows (LiMigrationGrid *self)
{
  g_return_val_if_fail (LI_IS_MIGRATION_GRID (self), 0);

  return self->n_rows;
}

guint
li_migration_grid_get_n_columns (LiMigrationGrid *self)
{
  g_return_val_if_fail (LI_IS_MIGRATION_GRID (self), 0);

  return self->n_columns;
}

guint
li_migration_grid_get_count (LiMigrationGrid *self,
                             guint            row,
                             guint            column)
{
  g_return_val_if_fail (LI_IS_MIGRATION_GRID (self), 0);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, 0);

  return self->counts[row * self->n_columns + column];
}

void
li_migration_grid_set_selected (LiMigrationGrid *self,
                                int              row,
                                int              column)
{
  g_return_if_fail (LI_IS_MIGRATION_GRID (self));

  if (row < 0 || column < 0 || (guint) row >= self->n_rows || (guint) column >= self->n_columns)
    row = column = -1;

  if (self->selected_row == row && self->selected_column == column)
    return;

  self->selected_row = row;
  self->selected_column = column;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
li_migration_grid_get_selected (LiMigrationGrid *self,
                                guint           *row,
                                guint           *column)
{
  g_return_val_if_fail (LI_IS_MIGRATION_GRID (self), FALSE);

  if (self->selected_row < 0)
    return FALSE;

  if (row != NULL)
    *row = self->selected_row;
  if (column != NULL)
    *column = self->selected_column;
  return TRUE;
}

GtkWidget *
li_migration_grid_get_cell (LiMigrationGrid *self,
                            guint            row,
                            guint            column)
{
  g_return_val_if_fail (LI_IS_MIGRATION_GRID (self), NULL);

  if (row >= self->n_rows || column >= self->n_columns || self->cells->len == 0)
    return NULL;

  return g_ptr_array_index (self->cells, row * self->n_columns + column);
}

const char *
li_migration_grid_get_cell_label (LiMigrationGrid *self,
                                  guint            row,
                                  guint            column)
{
  GtkWidget *cell = li_migration_grid_get_cell (self, row, column);

  return cell != NULL ? g_object_get_data (G_OBJECT (cell), CELL_LABEL) : NULL;
}
