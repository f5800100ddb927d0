/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-lead-model.c — the leads explorer's lazy list
 *
 * The engine filters and sorts positions in the replay's per_lead
 * (li-lead-list.h); this model only maps a row position to such an index.
 * Items are made when GTK asks for them (the visible rows, plus what the
 * list keeps around them) and a small direct-mapped cache keeps the last
 * ones, so scrolling 100 000 leads never holds 100 000 objects. */

#include "config.h"

#include "li-lead-model.h"

#include <math.h>

#include <glib/gi18n.h>

#include "li-format.h"
#include "li-plan.h"

/* Rows kept once made: a direct-mapped cache on the position. */
#define LI_LEAD_MODEL_CACHE 64

struct _LiLeadRow
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (LiLeadRow, li_lead_row, G_TYPE_OBJECT)

struct _LiLeadModel
{
  GObject         parent_instance;

  LiReplayResult *result;
  LiPlan         *plan;
  LiDataset      *dataset;

  LiLeadFilter    filter;
  guint           stage;
  char           *search;
  LiLeadColumn    sort_column;
  gboolean        descending;

  GArray         *list;   /* guint32 positions in result->per_lead */
  int             year;   /* of the newest journey event: times in it omit it */

  struct
  {
    guint      position;
    LiLeadRow *row;
  } cache[LI_LEAD_MODEL_CACHE];
  guint           n_made;
};

static void li_lead_model_list_model_init (GListModelInterface *iface);

static int
_li_lead_model_newest_year (const LiReplayResult *result)
{
  gint64 newest = G_MININT64;
  g_autoptr(GDateTime) time = NULL;

  for (guint k = 0; result != NULL && k < result->leads; k++)
    newest = MAX (newest, result->facts[k].last_ms);
  if (newest == G_MININT64 || (time = g_date_time_new_from_unix_utc (newest / 1000)) == NULL)
    return 0;
  return g_date_time_get_year (time);
}

G_DEFINE_FINAL_TYPE_WITH_CODE (LiLeadModel, li_lead_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, li_lead_model_list_model_init))

static void
li_lead_row_class_init (LiLeadRowClass *klass)
{
}

static void
li_lead_row_init (LiLeadRow *self)
{
}

guint
li_lead_row_get_index (LiLeadRow *self)
{
  g_return_val_if_fail (LI_IS_LEAD_ROW (self), G_MAXUINT);

  return self->index;
}

static void
_li_lead_model_clear_cache (LiLeadModel *self)
{
  for (guint i = 0; i < LI_LEAD_MODEL_CACHE; i++)
    g_clear_object (&self->cache[i].row);
}

static gboolean
_li_lead_model_has_source (LiLeadModel *self)
{
  return self->result != NULL && self->plan != NULL;
}

/* Filters and sorts again; the caller emits items-changed. */
static void
_li_lead_model_rebuild (LiLeadModel *self)
{
  g_clear_pointer (&self->list, g_array_unref);
  _li_lead_model_clear_cache (self);
  if (!_li_lead_model_has_source (self))
    return;

  if (self->stage >= self->result->n_stages)
    self->stage = self->result->n_stages > 0 ? self->result->n_stages - 1 : 0;
  if (self->result->n_stages == 0)
    return;

  self->list = li_lead_list_filter (self->result, self->plan, self->filter, self->stage, self->search);
  li_lead_list_sort (self->result, self->plan, self->list, self->sort_column, self->stage,
                     self->descending);
}

static GType
li_lead_model_get_item_type (GListModel *model)
{
  return LI_TYPE_LEAD_ROW;
}

static guint
li_lead_model_get_n_items (GListModel *model)
{
  LiLeadModel *self = LI_LEAD_MODEL (model);

  return self->list != NULL ? self->list->len : 0;
}

static gpointer
li_lead_model_get_item (GListModel *model,
                        guint       position)
{
  LiLeadModel *self = LI_LEAD_MODEL (model);
  guint slot = position % LI_LEAD_MODEL_CACHE;
  LiLeadRow *row;

  if (self->list == NULL || position >= self->list->len)
    return NULL;

  if (self->cache[slot].row != NULL && self->cache[slot].position == position)
    return g_object_ref (self->cache[slot].row);

  row = g_object_new (LI_TYPE_LEAD_ROW, NULL);
  row->index = g_array_index (self->list, guint32, position);
  self->n_made++;
  g_set_object (&self->cache[slot].row, row);
  self->cache[slot].position = position;

  return row;
}

static void
li_lead_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = li_lead_model_get_item_type;
  iface->get_n_items = li_lead_model_get_n_items;
  iface->get_item = li_lead_model_get_item;
}

static void
li_lead_model_finalize (GObject *object)
{
  LiLeadModel *self = LI_LEAD_MODEL (object);

  _li_lead_model_clear_cache (self);
  g_clear_pointer (&self->list, g_array_unref);
  g_clear_pointer (&self->result, li_replay_result_unref);
  g_clear_pointer (&self->plan, li_plan_free);
  g_clear_object (&self->dataset);
  g_free (self->search);

  G_OBJECT_CLASS (li_lead_model_parent_class)->finalize (object);
}

static void
li_lead_model_class_init (LiLeadModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = li_lead_model_finalize;
}

static void
li_lead_model_init (LiLeadModel *self)
{
  self->sort_column = LI_LEAD_COLUMN_PEAK_SCORE;
  self->descending = TRUE;
}

LiLeadModel *
li_lead_model_new (void)
{
  return g_object_new (LI_TYPE_LEAD_MODEL, NULL);
}

void
li_lead_model_set_source (LiLeadModel    *self,
                          LiReplayResult *result,
                          LiPlan         *plan,
                          LiDataset      *dataset)
{
  guint old_n;

  g_return_if_fail (LI_IS_LEAD_MODEL (self));
  g_return_if_fail (result == NULL || result->facts != NULL);
  g_return_if_fail (result == NULL || plan == NULL || li_plan_n_stages (plan) == result->n_stages);

  old_n = li_lead_model_get_n_items (G_LIST_MODEL (self));

  g_clear_pointer (&self->result, li_replay_result_unref);
  g_clear_pointer (&self->plan, li_plan_free);
  g_clear_object (&self->dataset);
  if (result != NULL)
    self->result = li_replay_result_ref (result);
  self->plan = plan;
  if (dataset != NULL)
    self->dataset = g_object_ref (dataset);
  self->year = _li_lead_model_newest_year (self->result);

  _li_lead_model_rebuild (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n,
                              li_lead_model_get_n_items (G_LIST_MODEL (self)));
}

void
li_lead_model_set_filter (LiLeadModel  *self,
                          LiLeadFilter  filter,
                          guint         stage,
                          const char   *search)
{
  guint old_n;

  g_return_if_fail (LI_IS_LEAD_MODEL (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;
  if (self->filter == filter && self->stage == stage && g_strcmp0 (self->search, search) == 0)
    return;

  old_n = li_lead_model_get_n_items (G_LIST_MODEL (self));
  self->filter = filter;
  self->stage = stage;
  g_free (self->search);
  self->search = g_strdup (search);

  _li_lead_model_rebuild (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n,
                              li_lead_model_get_n_items (G_LIST_MODEL (self)));
}

void
li_lead_model_set_sort (LiLeadModel  *self,
                        LiLeadColumn  column,
                        gboolean      descending)
{
  guint n;

  g_return_if_fail (LI_IS_LEAD_MODEL (self));

  descending = !!descending;
  if (self->sort_column == column && self->descending == descending)
    return;

  self->sort_column = column;
  self->descending = descending;
  if (self->list == NULL)
    return;

  _li_lead_model_clear_cache (self);
  li_lead_list_sort (self->result, self->plan, self->list, column, self->stage, descending);
  n = self->list->len;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, n);
}

LiReplayResult *
li_lead_model_get_result (LiLeadModel *self)
{
  g_return_val_if_fail (LI_IS_LEAD_MODEL (self), NULL);

  return self->result;
}

const LiPlan *
li_lead_model_get_plan (LiLeadModel *self)
{
  g_return_val_if_fail (LI_IS_LEAD_MODEL (self), NULL);

  return self->plan;
}

LiDataset *
li_lead_model_get_dataset (LiLeadModel *self)
{
  g_return_val_if_fail (LI_IS_LEAD_MODEL (self), NULL);

  return self->dataset;
}

LiLeadFilter
li_lead_model_get_filter (LiLeadModel *self)
{
  g_return_val_if_fail (LI_IS_LEAD_MODEL (self), LI_LEAD_FILTER_ALL);

  return self->filter;
}

guint
li_lead_model_get_stage (LiLeadModel *self)
{
  g_return_val_if_fail (LI_IS_LEAD_MODEL (self), 0);

  return self->stage;
}

guint
li_lead_model_get_index (LiLeadModel *self,
                         guint        position)
{
  g_return_val_if_fail (LI_IS_LEAD_MODEL (self), G_MAXUINT);

  if (self->list == NULL || position >= self->list->len)
    return G_MAXUINT;

  return g_array_index (self->list, guint32, position);
}

guint
li_lead_model_get_n_made (LiLeadModel *self)
{
  g_return_val_if_fail (LI_IS_LEAD_MODEL (self), 0);

  return self->n_made;
}

const char *
li_lead_model_get_lead_id (LiLeadModel *self,
                           guint        index)
{
  LiEventStore *store;

  g_return_val_if_fail (LI_IS_LEAD_MODEL (self), NULL);

  if (!_li_lead_model_has_source (self) || index >= self->result->leads)
    return NULL;

  store = li_plan_get_store (self->plan);
  return li_str_pool_get (store->leads, self->result->per_lead[index].lead);
}

/* "Oct 1 14:05" in the year of the data's newest journey event, else
 * "2019-10-01 14:05" (UTC, as every time of the app): short enough that
 * every column fits a 1280-pixel window. */
static char *
_li_format_time (gint64 time_ms,
                 int    year)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (time_ms / 1000);

  if (time == NULL)
    return g_strdup (LI_FORMAT_NULL);
  if (g_date_time_get_year (time) == year)
    /* Translators: a time of this year in the leads list, see strftime */
    return g_date_time_format (time, _("%b %-d %H:%M"));
  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

char *
li_lead_model_dup_text (LiLeadModel  *self,
                        guint         index,
                        LiLeadColumn  column)
{
  const LiLeadOutcome *outcome;
  const LiLeadFacts *facts;

  g_return_val_if_fail (LI_IS_LEAD_MODEL (self), NULL);

  if (!_li_lead_model_has_source (self) || index >= self->result->leads)
    return g_strdup ("");

  outcome = &self->result->per_lead[index];
  facts = &self->result->facts[index];

  switch (column)
    {
    case LI_LEAD_COLUMN_LEAD_ID:
      return g_strdup (li_lead_model_get_lead_id (self, index));
    case LI_LEAD_COLUMN_PEAK_SCORE:
      return li_format_score (outcome->peak_score);
    case LI_LEAD_COLUMN_PEAK_STAGE:
      if (outcome->peak_stage >= self->result->n_stages)
        return g_strdup (LI_FORMAT_NULL);
      return g_strdup (self->result->stages[outcome->peak_stage].name);
    case LI_LEAD_COLUMN_CONVERTED:
      return g_strdup (outcome->converted ? _("Yes") : _("No"));
    case LI_LEAD_COLUMN_FLAG_TIME:
      {
        gint64 flag = li_replay_result_flag_ms (self->result, index, self->stage);

        if (flag == LI_REPLAY_NOT_FLAGGED)
          return g_strdup (LI_FORMAT_NULL);
        return _li_format_time (flag, self->year);
      }
    case LI_LEAD_COLUMN_HOURS_TO_OUTCOME:
      {
        double hours = li_replay_result_hours_to_outcome (self->result, index, self->stage);

        if (isnan (hours))
          return g_strdup (LI_FORMAT_NULL);
        if (hours < 1.0)
          /* Translators: minutes from the flag to the purchase, e.g. "25 min" */
          return g_strdup_printf (_("%.0f min"), hours * 60.0);
        /* Translators: hours from the flag to the purchase, e.g. "12.5 h" */
        return g_strdup_printf (_("%.1f h"), hours);
      }
    case LI_LEAD_COLUMN_N_EVENTS:
      return li_format_count (facts->n_events);
    case LI_LEAD_COLUMN_LAST_EVENT:
      return _li_format_time (facts->last_ms, self->year);
    default:
      g_return_val_if_reached (NULL);
    }
}
