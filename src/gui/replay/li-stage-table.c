/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-stage-table.c — per-stage replay metrics in a GtkColumnView
 *
 * A GListStore of LiStageTableRow (one per stage, in the order of the rule
 * file) → GtkSortListModel with the column view's sorter → GtkNoSelection.
 * Cells come from GtkSignalListItemFactory (GTK 4.8: no GtkColumnViewCell).
 * When a new replay has the same number of stages the rows are updated in
 * place and the bound cells refresh through the row's ::changed signal, so
 * the view keeps its scroll position and focus while results stream in. */

#include "config.h"

#include "li-stage-table.h"

#include <math.h>

#include <glib/gi18n.h>

#include "li-confidence.h"
#include "li-format.h"
#include "li-wilson.h"

/* ------------------------------------------------------------------------ */
/* Row object                                                                */
/* ------------------------------------------------------------------------ */

#define LI_TYPE_STAGE_TABLE_ROW (li_stage_table_row_get_type ())
G_DECLARE_FINAL_TYPE (LiStageTableRow, li_stage_table_row, LI, STAGE_TABLE_ROW, GObject)

struct _LiStageTableRow
{
  GObject         parent_instance;
  guint           index;
  LiStageMetrics  metrics;     /* name owned */
  char           *conditions;  /* NULL without rules */
  char           *warnings;    /* NULL without any */
};

enum
{
  ROW_CHANGED,
  N_ROW_SIGNALS
};

static guint row_signals[N_ROW_SIGNALS];

G_DEFINE_FINAL_TYPE (LiStageTableRow, li_stage_table_row, G_TYPE_OBJECT)

static void
li_stage_table_row_finalize (GObject *object)
{
  LiStageTableRow *self = LI_STAGE_TABLE_ROW (object);

  g_clear_pointer (&self->metrics.name, g_free);
  g_clear_pointer (&self->conditions, g_free);
  g_clear_pointer (&self->warnings, g_free);

  G_OBJECT_CLASS (li_stage_table_row_parent_class)->finalize (object);
}

static void
li_stage_table_row_class_init (LiStageTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = li_stage_table_row_finalize;

  row_signals[ROW_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
li_stage_table_row_init (LiStageTableRow *self)
{
}

static void
_li_stage_table_row_set (LiStageTableRow      *self,
                         guint                 index,
                         const LiStageMetrics *metrics,
                         const char           *conditions,
                         char                 *warnings)
{
  g_free (self->warnings);
  self->warnings = warnings;
  g_free (self->metrics.name);
  self->index = index;
  self->metrics = *metrics;
  self->metrics.name = g_strdup (metrics->name != NULL ? metrics->name : "");
  g_free (self->conditions);
  self->conditions = g_strdup (conditions);
}

/* ------------------------------------------------------------------------ */
/* Table                                                                     */
/* ------------------------------------------------------------------------ */

struct _LiStageTable
{
  AdwBin         parent_instance;

  GtkColumnView *column_view;

  GListStore    *store;  /* LiStageTableRow */
  GtkSorter     *sorters[LI_N_STAGE_COLUMNS];
};

enum
{
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LiStageTable, li_stage_table, ADW_TYPE_BIN)

static const struct
{
  const char *title;
  const char *short_title;
  const char *tooltip;
} columns[LI_N_STAGE_COLUMNS] = {
  /* Translators: the column titles of the stage table; a line break ("\n")
   * splits a long title in two lines. Each column's header shows the short
   * title (the table has ten columns) and says the full one in its tooltip
   * and to screen readers; the tooltips of the cells explain each column. */
  [LI_STAGE_COLUMN_NAME] = { N_("Stage"), N_("Stage"), NULL },
  [LI_STAGE_COLUMN_FLAGGED] = { N_("Flagged"), N_("Flagged"), N_("Leads that reached this stage or a hotter one") },
  /* Translators: short for "True Positives", a column header */
  [LI_STAGE_COLUMN_TRUE_POSITIVES] = { N_("True\nPositives"), N_("TP"), N_("Flagged leads that purchased within the outcome window") },
  /* Translators: short for "False Positives", a column header */
  [LI_STAGE_COLUMN_FALSE_POSITIVES] = { N_("False\nPositives"), N_("FP"), N_("Flagged leads that did not purchase within the outcome window") },
  /* Translators: short for "False Negatives", a column header */
  [LI_STAGE_COLUMN_FALSE_NEGATIVES] = { N_("False\nNegatives"), N_("FN"), N_("Converters this stage did not flag within the outcome window") },
  /* Translators: short for "Precision", a column header */
  [LI_STAGE_COLUMN_PRECISION] = { N_("Precision"), N_("Prec."), N_("Share of flagged leads that purchased in time") },
  [LI_STAGE_COLUMN_RECALL] = { N_("Recall"), N_("Recall"), N_("Share of converters that were flagged in time") },
  [LI_STAGE_COLUMN_LIFT] = { N_("Lift"), N_("Lift"), N_("Precision divided by the base rate") },
  /* Translators: short for "Peak Count", a column header */
  [LI_STAGE_COLUMN_PEAK_COUNT] = { N_("Peak\nCount"), N_("Peak"), N_("Leads whose hottest stage was this one") },
  /* Translators: short for "Median Hours to Purchase", a column header */
  [LI_STAGE_COLUMN_MEDIAN_HOURS] = { N_("Median Hours\nto Purchase"), N_("Median h"), N_("Median time in hours from being flagged to the purchase, over the true positives") },
};

/* "True Positives" */
static char *
_li_stage_table_full_title (LiStageColumn column)
{
  char *title = g_strdup (g_dgettext (GETTEXT_PACKAGE, columns[column].title));

  return g_strdelimit (title, "\n", ' ');
}

static void
_li_stage_table_collect_titles (GtkWidget *widget,
                                GPtrArray *titles)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColumnViewTitle"))
    {
      g_ptr_array_add (titles, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_LIST_VIEW (child))
      _li_stage_table_collect_titles (child, titles);
}

/* GTK 4.8 has no tooltip for a column header: the header widgets (one
 * GtkColumnViewTitle per column, in column order) get the full title as
 * tooltip and accessible name here. */
static void
_li_stage_table_label_headers (LiStageTable *self)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  _li_stage_table_collect_titles (GTK_WIDGET (self->column_view), titles);
  if (titles->len != LI_N_STAGE_COLUMNS)
    return;

  for (guint i = 0; i < titles->len; i++)
    {
      g_autofree char *full = _li_stage_table_full_title (i);
      g_autofree char *tooltip = NULL;

      if (columns[i].tooltip != NULL)
        /* Translators: a column header's tooltip: "True Positives: Flagged leads that…" */
        tooltip = g_strdup_printf (_("%s: %s"), full, g_dgettext (GETTEXT_PACKAGE, columns[i].tooltip));
      gtk_widget_set_tooltip_text (titles->pdata[i], tooltip != NULL ? tooltip : full);
      gtk_accessible_update_property (GTK_ACCESSIBLE (titles->pdata[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, full,
                                      -1);
    }
}

static int
_li_compare_uint (guint a,
                  guint b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* Nulls sort after every number. */
static int
_li_compare_double (double a,
                    double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
_li_stage_table_compare_cb (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  const LiStageTableRow *ra = a;
  const LiStageTableRow *rb = b;
  const LiStageMetrics *ma = &ra->metrics;
  const LiStageMetrics *mb = &rb->metrics;

  switch ((LiStageColumn) GPOINTER_TO_UINT (user_data))
    {
    case LI_STAGE_COLUMN_NAME:
      return _li_compare_uint (ra->index, rb->index);
    case LI_STAGE_COLUMN_FLAGGED:
      return _li_compare_uint (ma->flagged, mb->flagged);
    case LI_STAGE_COLUMN_TRUE_POSITIVES:
      return _li_compare_uint (ma->true_positives, mb->true_positives);
    case LI_STAGE_COLUMN_FALSE_POSITIVES:
      return _li_compare_uint (ma->false_positives, mb->false_positives);
    case LI_STAGE_COLUMN_FALSE_NEGATIVES:
      return _li_compare_uint (ma->false_negatives, mb->false_negatives);
    case LI_STAGE_COLUMN_PRECISION:
      return _li_compare_double (ma->precision, mb->precision);
    case LI_STAGE_COLUMN_RECALL:
      return _li_compare_double (ma->recall, mb->recall);
    case LI_STAGE_COLUMN_LIFT:
      return _li_compare_double (ma->lift, mb->lift);
    case LI_STAGE_COLUMN_PEAK_COUNT:
      return _li_compare_uint (ma->peak_count, mb->peak_count);
    case LI_STAGE_COLUMN_MEDIAN_HOURS:
      return _li_compare_double (ma->median_hours_to_outcome, mb->median_hours_to_outcome);
    case LI_N_STAGE_COLUMNS:
    default:
      break;
    }

  return 0;
}

static LiStageColumn
_li_column_of (gpointer object)
{
  return (LiStageColumn) GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (object), "li-stage-column"));
}

/* "hot, Flagged 1,234, True Positives 56, …": every column of a row, for
 * the row's accessible name (a row is a Tab stop). */
static char *
_li_stage_table_row_label (LiStageTableRow *row)
{
  GString *label = g_string_new (row->metrics.name);

  for (guint column = LI_STAGE_COLUMN_NAME + 1; column < LI_N_STAGE_COLUMNS; column++)
    {
      g_autofree char *title = _li_stage_table_full_title (column);
      g_autofree char *text = li_stage_table_format_cell (&row->metrics, column);
      g_autofree char *interval = li_stage_table_format_interval (&row->metrics, column);

      g_string_append_printf (label, ", %s %s", title, interval != NULL ? interval : text);
    }
  if (row->warnings != NULL)
    g_string_append_printf (label, ". %s", row->warnings);

  return g_string_free (label, FALSE);
}

static void
_li_stage_table_update_cell (GtkListItem *list_item)
{
  LiStageTableRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  LiStageColumn column = _li_column_of (list_item);

  if (row == NULL || child == NULL)
    return;

  if (column == LI_STAGE_COLUMN_NAME)
    {
      GtkWidget *line = gtk_widget_get_first_child (child);
      GtkWidget *name = gtk_widget_get_first_child (line);
      GtkWidget *warning = gtk_widget_get_next_sibling (name);
      GtkWidget *conditions = gtk_widget_get_next_sibling (line);

      gtk_label_set_text (GTK_LABEL (name), row->metrics.name);
      gtk_widget_set_visible (warning, row->warnings != NULL);
      gtk_widget_set_tooltip_text (warning, row->warnings);
      gtk_label_set_text (GTK_LABEL (conditions), row->conditions != NULL ? row->conditions : "");
      gtk_widget_set_visible (conditions, row->conditions != NULL);

      /* The row (cell → column view cell → row widget) is what Tab
       * focuses: it says the whole row. */
      {
        GtkWidget *cell = gtk_widget_get_parent (child);
        GtkWidget *row_widget = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

        if (row_widget != NULL)
          {
            g_autofree char *label = _li_stage_table_row_label (row);

            gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                            -1);
          }
      }
    }
  else
    {
      g_autofree char *text = li_stage_table_format_cell (&row->metrics, column);
      g_autofree char *interval = li_stage_table_format_interval (&row->metrics, column);

      if (GTK_IS_BUTTON (child))
        child = gtk_button_get_child (GTK_BUTTON (child));
      gtk_label_set_text (GTK_LABEL (child), text);
      if (interval != NULL)
        {
          /* Translators: a precision or recall cell's tooltip: the column's explanation, then the range */
          g_autofree char *tooltip = g_strdup_printf (_("%s\n%s"), g_dgettext (GETTEXT_PACKAGE, columns[column].tooltip),
                                                      interval);
          gtk_widget_set_tooltip_text (child, tooltip);
        }
    }
}

static void
_li_stage_table_row_changed_cb (LiStageTableRow *row,
                                GtkListItem     *list_item)
{
  _li_stage_table_update_cell (list_item);
}

static void
_li_stage_table_cell_clicked_cb (GtkButton   *button,
                                 GtkListItem *list_item)
{
  LiStageTableRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *table = gtk_widget_get_ancestor (GTK_WIDGET (button), LI_TYPE_STAGE_TABLE);

  if (row != NULL && table != NULL)
    g_signal_emit (table, signals[CELL_ACTIVATED], 0, row->index, (guint) _li_column_of (list_item));
}

static void
_li_stage_table_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          gpointer                  user_data)
{
  LiStageColumn column = _li_column_of (factory);

  g_object_set_data (G_OBJECT (list_item), "li-stage-column", GUINT_TO_POINTER (column));
  gtk_list_item_set_activatable (list_item, FALSE);

  if (column == LI_STAGE_COLUMN_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name = gtk_label_new (NULL);
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *conditions = gtk_label_new (NULL);

      /* The warnings (too few converters, too slow a follow-up) are in
       * the icon's tooltip and the row's accessible name. */
      gtk_widget_add_css_class (warning, "warning");
      gtk_widget_set_visible (warning, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (warning), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      gtk_box_append (GTK_BOX (line), name);
      gtk_box_append (GTK_BOX (line), warning);

      gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
      gtk_widget_add_css_class (name, "heading");
      gtk_label_set_xalign (GTK_LABEL (conditions), 0.0f);
      gtk_widget_add_css_class (conditions, "dim-label");
      gtk_widget_add_css_class (conditions, "caption");
      gtk_widget_add_css_class (conditions, "numeric");
      gtk_box_append (GTK_BOX (box), line);
      gtk_box_append (GTK_BOX (box), conditions);
      gtk_list_item_set_child (list_item, box);
    }
  else
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_tooltip_text (label, g_dgettext (GETTEXT_PACKAGE, columns[column].tooltip));
      if (column == LI_STAGE_COLUMN_FALSE_POSITIVES || column == LI_STAGE_COLUMN_FALSE_NEGATIVES)
        {
          /* These cells open the leads behind the number (::cell-activated). */
          GtkWidget *button = gtk_button_new ();

          gtk_button_set_child (GTK_BUTTON (button), label);
          gtk_widget_add_css_class (button, "flat");
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          column == LI_STAGE_COLUMN_FALSE_POSITIVES
                                          ? _("Show the false positives of this stage")
                                          : _("Show the false negatives of this stage"), -1);
          g_signal_connect (button, "clicked", G_CALLBACK (_li_stage_table_cell_clicked_cb), list_item);
          label = button;
        }
      gtk_list_item_set_child (list_item, label);
    }
}

static void
_li_stage_table_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         gpointer                  user_data)
{
  LiStageTableRow *row = gtk_list_item_get_item (list_item);

  g_signal_connect_object (row, "changed", G_CALLBACK (_li_stage_table_row_changed_cb), list_item, 0);
  _li_stage_table_update_cell (list_item);
}

static void
_li_stage_table_unbind_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           gpointer                  user_data)
{
  LiStageTableRow *row = gtk_list_item_get_item (list_item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, _li_stage_table_row_changed_cb, list_item);
}

static void
li_stage_table_dispose (GObject *object)
{
  LiStageTable *self = LI_STAGE_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_STAGE_TABLE);
  for (guint i = 0; i < LI_N_STAGE_COLUMNS; i++)
    g_clear_object (&self->sorters[i]);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (li_stage_table_parent_class)->dispose (object);
}

static void
li_stage_table_class_init (LiStageTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_stage_table_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/replay/li-stage-table.ui");
  gtk_widget_class_bind_template_child (widget_class, LiStageTable, column_view);

  g_type_ensure (LI_TYPE_STAGE_TABLE_ROW);

  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
li_stage_table_init (LiStageTable *self)
{
  GtkSortListModel *sorted;
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (LI_TYPE_STAGE_TABLE_ROW);

  for (guint i = 0; i < LI_N_STAGE_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "li-stage-column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (_li_stage_table_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (_li_stage_table_bind_cb), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (_li_stage_table_unbind_cb), NULL);

      self->sorters[i] = GTK_SORTER (gtk_custom_sorter_new (_li_stage_table_compare_cb, GUINT_TO_POINTER (i), NULL));

      column = gtk_column_view_column_new (g_dgettext (GETTEXT_PACKAGE, columns[i].short_title), factory);
      gtk_column_view_column_set_sorter (column, self->sorters[i]);
      gtk_column_view_column_set_expand (column, i == LI_STAGE_COLUMN_NAME);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_swapped (self->column_view, "map", G_CALLBACK (_li_stage_table_label_headers), self);
}

GtkWidget *
li_stage_table_new (void)
{
  return g_object_new (LI_TYPE_STAGE_TABLE, NULL);
}

void
li_stage_table_set_stages (LiStageTable         *self,
                           const LiStageMetrics *stages,
                           guint                 n_stages,
                           const LiRules        *rules)
{
  guint n_rows;

  g_return_if_fail (LI_IS_STAGE_TABLE (self));
  g_return_if_fail (stages != NULL || n_stages == 0);

  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (n_rows == n_stages)
    {
      for (guint i = 0; i < n_stages; i++)
        {
          g_autoptr(LiStageTableRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);
          g_autofree char *conditions = NULL;

          if (rules != NULL && i < rules->n_stages &&
              g_strcmp0 (rules->stages[i].name, stages[i].name) == 0)
            conditions = li_stage_table_format_conditions (&rules->stages[i]);

          _li_stage_table_row_set (row, i, &stages[i], conditions,
                                   li_stage_table_dup_warnings (stages, n_stages, i, rules));
          g_signal_emit (row, row_signals[ROW_CHANGED], 0);
        }

      /* Numbers changed under a possibly active sort order. */
      for (guint i = 0; i < LI_N_STAGE_COLUMNS; i++)
        gtk_sorter_changed (self->sorters[i], GTK_SORTER_CHANGE_DIFFERENT);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n_stages; i++)
        {
          LiStageTableRow *row = g_object_new (LI_TYPE_STAGE_TABLE_ROW, NULL);
          g_autofree char *conditions = NULL;

          if (rules != NULL && i < rules->n_stages &&
              g_strcmp0 (rules->stages[i].name, stages[i].name) == 0)
            conditions = li_stage_table_format_conditions (&rules->stages[i]);

          _li_stage_table_row_set (row, i, &stages[i], conditions,
                                   li_stage_table_dup_warnings (stages, n_stages, i, rules));
          g_ptr_array_add (rows, row);
        }

      g_list_store_splice (self->store, 0, n_rows, rows->pdata, rows->len);
    }
}

guint
li_stage_table_get_n_rows (LiStageTable *self)
{
  g_return_val_if_fail (LI_IS_STAGE_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

char *
li_stage_table_dup_cell_text (LiStageTable  *self,
                              guint          row,
                              LiStageColumn  column)
{
  g_autoptr(LiStageTableRow) item = NULL;

  g_return_val_if_fail (LI_IS_STAGE_TABLE (self), NULL);
  g_return_val_if_fail (column < LI_N_STAGE_COLUMNS, NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->store), row);
  if (item == NULL)
    return NULL;

  return li_stage_table_format_cell (&item->metrics, column);
}

GtkColumnView *
li_stage_table_get_column_view (LiStageTable *self)
{
  g_return_val_if_fail (LI_IS_STAGE_TABLE (self), NULL);

  return self->column_view;
}

/* Under an hour, minutes: a median of two minutes is "2.0 min", not
 * "0.0" (short exports have medians of minutes). */
static char *
_li_stage_table_format_hours (double hours)
{
  double minutes = hours * 60;
  g_autofree char *number = NULL;

  if (!isfinite (hours) || fabs (hours) >= 1)
    return li_format_fixed (hours, 1);
  number = li_format_fixed (minutes, fabs (minutes) < 10 ? 1 : 0);
  /* TRANSLATORS: a median time under an hour, e.g. "2.0 min" */
  return g_strdup_printf (_("%s min"), number);
}

char *
li_stage_table_format_cell (const LiStageMetrics *stage,
                            LiStageColumn         column)
{
  g_return_val_if_fail (stage != NULL, NULL);

  switch (column)
    {
    case LI_STAGE_COLUMN_NAME:
      return g_strdup (stage->name != NULL ? stage->name : "");
    case LI_STAGE_COLUMN_FLAGGED:
      return li_format_count (stage->flagged);
    case LI_STAGE_COLUMN_TRUE_POSITIVES:
      return li_format_count (stage->true_positives);
    case LI_STAGE_COLUMN_FALSE_POSITIVES:
      return li_format_count (stage->false_positives);
    case LI_STAGE_COLUMN_FALSE_NEGATIVES:
      return li_format_count (stage->false_negatives);
    case LI_STAGE_COLUMN_PRECISION:
      return li_format_percent (stage->precision);
    case LI_STAGE_COLUMN_RECALL:
      return li_format_percent (stage->recall);
    case LI_STAGE_COLUMN_LIFT:
      return li_format_lift (stage->lift);
    case LI_STAGE_COLUMN_PEAK_COUNT:
      return li_format_count (stage->peak_count);
    case LI_STAGE_COLUMN_MEDIAN_HOURS:
      return _li_stage_table_format_hours (stage->median_hours_to_outcome);
    case LI_N_STAGE_COLUMNS:
    default:
      break;
    }

  g_return_val_if_reached (NULL);
}

char *
li_stage_table_format_interval (const LiStageMetrics *stage,
                                LiStageColumn         column)
{
  g_autofree char *share = NULL;
  guint64 trials;
  double low, high;

  g_return_val_if_fail (stage != NULL, NULL);

  if (column != LI_STAGE_COLUMN_PRECISION && column != LI_STAGE_COLUMN_RECALL)
    return NULL;
  trials = column == LI_STAGE_COLUMN_PRECISION ? stage->flagged
                                               : (guint64) stage->true_positives + stage->false_negatives;
  if (!li_wilson_interval (stage->true_positives, trials, LI_WILSON_Z95, &low, &high))
    return NULL;
  share = li_format_percent (column == LI_STAGE_COLUMN_PRECISION ? stage->precision : stage->recall);
  /* Translators: a precision or recall with its Wilson 95% interval, "28.3% (95% range 21–37%)" */
  return g_strdup_printf (_("%s (95%% range %.0f–%.0f%%)"), share, 100 * low, 100 * high);
}

char *
li_stage_table_dup_warnings (const LiStageMetrics *stages,
                             guint                 n_stages,
                             guint                 stage,
                             const LiRules        *rules)
{
  /* li_confidence_* read only these fields of a result; a stage's
   * converters are its true positives and false negatives. */
  LiReplayResult result = { .stages = (LiStageMetrics *) stages, .n_stages = n_stages,
                            .converters = n_stages > 0 ? stages[0].true_positives + stages[0].false_negatives : 0 };
  g_autofree LiStageConfidence *c = NULL;
  g_auto(GStrv) warnings = NULL;

  g_return_val_if_fail (stage < n_stages, NULL);

  if (rules != NULL && (rules->n_stages != n_stages || g_strcmp0 (rules->stages[stage].name, stages[stage].name) != 0))
    rules = NULL;
  c = li_confidence_compute (&result, rules);
  warnings = li_confidence_warnings (&result, rules, stage, &c[stage]);
  return warnings[0] != NULL ? g_strjoinv ("\n", warnings) : NULL;
}

char *
li_stage_table_format_conditions (const LiStage *stage)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (stage != NULL, NULL);

  if (stage->has_min_score)
    {
      g_autofree char *value = li_format_score (stage->min_score);

      /* Translators: a stage condition, e.g. "score ≥ 60" */
      g_ptr_array_add (parts, g_strdup_printf (_("score ≥ %s"), value));
    }
  if (stage->has_min_intent)
    {
      g_autofree char *value = li_format_score (stage->min_intent);

      /* Translators: a stage condition, e.g. "intent ≥ 20" */
      g_ptr_array_add (parts, g_strdup_printf (_("intent ≥ %s"), value));
    }
  if (stage->has_min_fit)
    {
      g_autofree char *value = li_format_score (stage->min_fit);

      /* Translators: a stage condition, e.g. "fit ≥ 0" */
      g_ptr_array_add (parts, g_strdup_printf (_("fit ≥ %s"), value));
    }

  if (parts->len == 0)
    /* Translators: the condition of the catch-all (last) stage */
    return g_strdup (_("all other leads"));

  g_ptr_array_add (parts, NULL);
  /* Translators: separator between stage conditions */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}
