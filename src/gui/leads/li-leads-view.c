/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-leads-view.c — the leads explorer
 *
 * LiLeadModel (lazy, over the engine's index array) → GtkSingleSelection →
 * GtkColumnView.  Sorting is the engine's (li_lead_list_sort): the columns
 * carry custom sorters only so that GTK draws the header's sort state and
 * cycles it on a click.  GTK 4.8 has no getter for the column view's
 * primary sort column, so when its sorter changes the view compares two
 * probe objects with it: the first column sorter asked records its column,
 * and the sign of the answer is the direction. */

#include "config.h"

#include "li-leads-view.h"

#include <glib/gi18n.h>

#include "li-format.h"
#include "li-plan.h"

#define LI_N_LEAD_COLUMNS (LI_LEAD_COLUMN_LAST_EVENT + 1)

static const struct
{
  const char *title;
  gboolean    numeric;
} columns[LI_N_LEAD_COLUMNS] = {
  [LI_LEAD_COLUMN_LEAD_ID] = { N_("Lead"), FALSE },
  [LI_LEAD_COLUMN_PEAK_SCORE] = { N_("Peak score"), TRUE },
  [LI_LEAD_COLUMN_PEAK_STAGE] = { N_("Peak stage"), FALSE },
  [LI_LEAD_COLUMN_CONVERTED] = { N_("Converted"), FALSE },
  [LI_LEAD_COLUMN_FLAG_TIME] = { N_("Flagged"), TRUE },
  [LI_LEAD_COLUMN_HOURS_TO_OUTCOME] = { N_("To purchase"), TRUE },
  [LI_LEAD_COLUMN_N_EVENTS] = { N_("Events"), TRUE },
  [LI_LEAD_COLUMN_LAST_EVENT] = { N_("Last event"), TRUE },
};

struct _LiLeadsView
{
  AdwBin               parent_instance;

  GtkSearchEntry      *search_entry;
  GtkDropDown         *filter_dropdown;
  GtkDropDown         *stage_dropdown;
  GtkLabel            *count_label;
  GtkColumnView       *column_view;
  LiLeadInspector     *inspector;

  GtkColumnViewColumn *columns[LI_N_LEAD_COLUMNS];
  LiLeadModel         *model;
  GtkSingleSelection  *selection;
  GtkStringList       *stage_names;
  LiPlan              *explained;   /* of the model's rules and data */

  LiProject           *project;     /* weak */
  gboolean             pending;     /* a replay to show once mapped */

  LiLeadFilter         filter;
  guint                stage;
  gboolean             syncing;     /* dropdowns set from code */
  gboolean             rebuilding;  /* the rows change under the selection */
  guint                selected_index;  /* per_lead index, or G_MAXUINT */

  GObject             *probe_a, *probe_b;
  int                  probe_column;
  char                *count_text;
};

G_DEFINE_FINAL_TYPE (LiLeadsView, li_leads_view, ADW_TYPE_BIN)

static void
_li_leads_view_update_count (LiLeadsView *self)
{
  LiReplayResult *result = li_lead_model_get_result (self->model);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *a = li_format_count (shown);
  g_autofree char *b = li_format_count (result != NULL ? result->leads : 0);

  g_free (self->count_text);
  /* Translators: leads listed of the leads in the replay, e.g. "12 of 3,456 leads" */
  self->count_text = g_strdup_printf (_("%s of %s leads"), a, b);
  gtk_label_set_text (self->count_label, self->count_text);
}

static void
_li_leads_view_update_flag_title (LiLeadsView *self)
{
  LiReplayResult *result = li_lead_model_get_result (self->model);
  g_autofree char *title = NULL;

  if (result != NULL && self->stage < result->n_stages)
    /* Translators: column title, the time a lead first reached a stage, e.g. "Flagged hot" */
    title = g_strdup_printf (_("Flagged %s"), result->stages[self->stage].name);
  else
    title = g_strdup (_("Flagged"));
  gtk_column_view_column_set_title (self->columns[LI_LEAD_COLUMN_FLAG_TIME], title);
}

/* Selects the lead selected before a change of the list, if it is still
 * listed. */
static void
_li_leads_view_reselect (LiLeadsView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected_index != G_MAXUINT)
    for (guint i = 0; i < n; i++)
      if (li_lead_model_get_index (self->model, i) == self->selected_index)
        {
          position = i;
          break;
        }
  gtk_single_selection_set_selected (self->selection, position);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      self->selected_index = G_MAXUINT;
      li_lead_inspector_clear (self->inspector);
    }
}

static void
_li_leads_view_apply_query (LiLeadsView *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->rebuilding = TRUE;
  li_lead_model_set_filter (self->model, self->filter, self->stage, search);
  self->rebuilding = FALSE;
  _li_leads_view_reselect (self);
  _li_leads_view_update_count (self);
  _li_leads_view_update_flag_title (self);
}

static void
_li_leads_view_sync_dropdowns (LiLeadsView *self)
{
  guint n_stages = g_list_model_get_n_items (G_LIST_MODEL (self->stage_names));

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->filter_dropdown, self->filter);
  if (self->stage < n_stages)
    gtk_drop_down_set_selected (self->stage_dropdown, self->stage);
  self->syncing = FALSE;
}

static void
_li_leads_view_set_stage_names (LiLeadsView          *self,
                                const LiReplayResult *result)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stage_names));
  gboolean same = result != NULL && n == result->n_stages;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->stage_names, i), result->stages[i].name) == 0;
  if (same)
    return;

  for (guint i = 0; result != NULL && i < result->n_stages; i++)
    g_ptr_array_add (names, result->stages[i].name);
  g_ptr_array_add (names, NULL);
  self->syncing = TRUE;
  gtk_string_list_splice (self->stage_names, 0, n, (const char * const *) names->pdata);
  self->syncing = FALSE;
}

/* Shows the project's newest replay, or notes it for when the view is
 * mapped. */
static void
_li_leads_view_follow_project (LiLeadsView *self)
{
  const LiRules *rules = NULL;
  LiReplayResult *result;

  if (self->project == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->pending = TRUE;
      return;
    }

  self->pending = FALSE;
  result = li_project_get_result (self->project, &rules);
  li_leads_view_set_result (self, result, rules, li_project_get_dataset (self->project));
}

/* Callbacks */

static void
_li_leads_view_replay_finished_cb (LiProject    *project,
                                   const GError *error,
                                   LiLeadsView  *self)
{
  if (error == NULL)
    _li_leads_view_follow_project (self);
}

static void
_li_leads_view_search_changed_cb (GtkSearchEntry *entry,
                                  LiLeadsView    *self)
{
  _li_leads_view_apply_query (self);
}

static void
_li_leads_view_filter_selected_cb (GtkDropDown *dropdown,
                                   GParamSpec  *pspec,
                                   LiLeadsView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->filter = (LiLeadFilter) selected;
  _li_leads_view_apply_query (self);
}

static void
_li_leads_view_stage_selected_cb (GtkDropDown *dropdown,
                                  GParamSpec  *pspec,
                                  LiLeadsView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->stage = selected;
  _li_leads_view_apply_query (self);
}

static void
_li_leads_view_selection_cb (GtkSingleSelection *selection,
                             GParamSpec         *pspec,
                             LiLeadsView        *self)
{
  LiLeadRow *row = gtk_single_selection_get_selected_item (selection);
  LiReplayResult *result = li_lead_model_get_result (self->model);
  guint index;

  if (row == NULL || result == NULL || self->explained == NULL)
    {
      /* Rows that change under the selection keep the inspector until
       * _li_leads_view_reselect decides. */
      if (!self->rebuilding)
        {
          self->selected_index = G_MAXUINT;
          li_lead_inspector_clear (self->inspector);
        }
      return;
    }

  index = li_lead_row_get_index (row);
  if (index == self->selected_index && li_lead_inspector_get_lead_id (self->inspector) != NULL)
    return;
  self->selected_index = index;
  /* The score the replay last judged: at the last journey event. */
  li_lead_inspector_show_lead (self->inspector, self->explained,
                               li_lead_model_get_lead_id (self->model, index),
                               result->facts[index].last_ms);
}

static void
_li_leads_view_sorter_changed_cb (GtkSorter       *sorter,
                                  GtkSorterChange  change,
                                  LiLeadsView     *self)
{
  GtkOrdering order;

  self->probe_column = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->probe_column < 0)
    return;  /* unsorted: the engine's order stays */

  self->rebuilding = TRUE;
  li_lead_model_set_sort (self->model, (LiLeadColumn) self->probe_column, order == GTK_ORDERING_LARGER);
  self->rebuilding = FALSE;
  _li_leads_view_reselect (self);
}

/* The column sorters only answer the probes (see the top of the file). */
static int
_li_leads_view_probe_cb (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  int *slot = g_object_get_data (G_OBJECT (a), "li-probe");

  if (slot != NULL && *slot < 0)
    *slot = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
_li_leads_view_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         LiLeadsView              *self)
{
  LiLeadColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "li-lead-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), columns[column].numeric ? 1.0f : 0.0f);
  /* Ids and times are read whole; the table scrolls sideways instead. */
  if (column != LI_LEAD_COLUMN_LEAD_ID && column != LI_LEAD_COLUMN_FLAG_TIME &&
      column != LI_LEAD_COLUMN_LAST_EVENT)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (columns[column].numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
_li_leads_view_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        LiLeadsView              *self)
{
  LiLeadColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "li-lead-column"));
  LiLeadRow *row = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  if (row == NULL)
    return;
  text = li_lead_model_dup_text (self->model, li_lead_row_get_index (row), column);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
_li_leads_view_map_cb (GtkWidget   *widget,
                       LiLeadsView *self)
{
  if (self->pending)
    _li_leads_view_follow_project (self);
}

/* vfuncs */

static void
li_leads_view_dispose (GObject *object)
{
  LiLeadsView *self = LI_LEADS_VIEW (object);

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_object_remove_weak_pointer (G_OBJECT (self->project), (gpointer *) &self->project);
      self->project = NULL;
    }
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_LEADS_VIEW);
  for (guint i = 0; i < LI_N_LEAD_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->stage_names);
  g_clear_pointer (&self->explained, li_plan_free);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_pointer (&self->count_text, g_free);

  G_OBJECT_CLASS (li_leads_view_parent_class)->dispose (object);
}

static void
li_leads_view_class_init (LiLeadsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_leads_view_dispose;

  g_type_ensure (LI_TYPE_LEAD_INSPECTOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/leads/li-leads-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LiLeadsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiLeadsView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiLeadsView, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiLeadsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, LiLeadsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LiLeadsView, inspector);

  gtk_widget_class_bind_template_callback (widget_class, _li_leads_view_search_changed_cb);
}

static void
li_leads_view_init (LiLeadsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_index = G_MAXUINT;
  self->model = li_lead_model_new ();
  self->stage_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (self->stage_names));

  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (self->probe_a, "li-probe", &self->probe_column);

  for (guint i = 0; i < LI_N_LEAD_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "li-lead-column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (_li_leads_view_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (_li_leads_view_bind_cb), self);

      sorter = GTK_SORTER (gtk_custom_sorter_new (_li_leads_view_probe_cb, GINT_TO_POINTER (i), NULL));
      self->columns[i] = gtk_column_view_column_new (g_dgettext (GETTEXT_PACKAGE, columns[i].title), factory);
      gtk_column_view_column_set_sorter (self->columns[i], sorter);
      gtk_column_view_column_set_resizable (self->columns[i], TRUE);
      gtk_column_view_column_set_expand (self->columns[i], i == LI_LEAD_COLUMN_LEAD_ID);
      gtk_column_view_append_column (self->column_view, self->columns[i]);
      g_object_unref (sorter);
    }

  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (_li_leads_view_selection_cb), self);
  g_signal_connect (self->filter_dropdown, "notify::selected", G_CALLBACK (_li_leads_view_filter_selected_cb), self);
  g_signal_connect (self->stage_dropdown, "notify::selected", G_CALLBACK (_li_leads_view_stage_selected_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (_li_leads_view_map_cb), self);

  gtk_column_view_sort_by_column (self->column_view, self->columns[LI_LEAD_COLUMN_PEAK_SCORE], GTK_SORT_DESCENDING);
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (_li_leads_view_sorter_changed_cb), self);
  _li_leads_view_update_count (self);
}

/* Public API */

GtkWidget *
li_leads_view_new (void)
{
  return g_object_new (LI_TYPE_LEADS_VIEW, NULL);
}

void
li_leads_view_set_project (LiLeadsView *self,
                           LiProject   *project)
{
  g_return_if_fail (LI_IS_LEADS_VIEW (self));
  g_return_if_fail (project == NULL || LI_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_object_remove_weak_pointer (G_OBJECT (self->project), (gpointer *) &self->project);
    }
  self->project = project;
  if (project != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &self->project);
      g_signal_connect (project, "replay-finished", G_CALLBACK (_li_leads_view_replay_finished_cb), self);
      _li_leads_view_follow_project (self);
    }
}

void
li_leads_view_set_result (LiLeadsView    *self,
                          LiReplayResult *result,
                          const LiRules  *rules,
                          LiDataset      *dataset)
{
  LiEventStore *store;
  LiPlan *plan;

  g_return_if_fail (LI_IS_LEADS_VIEW (self));

  store = dataset != NULL ? li_dataset_get_store (dataset) : NULL;
  if (result == NULL || rules == NULL || store == NULL || result->facts == NULL)
    {
      g_clear_pointer (&self->explained, li_plan_free);
      self->selected_index = G_MAXUINT;
      self->rebuilding = TRUE;
      li_lead_model_set_source (self->model, NULL, NULL, NULL);
      self->rebuilding = FALSE;
    }
  else
    {
      plan = li_plan_new (rules, store, li_dataset_get_leads (dataset));
      /* The draft moved on to other stages while this replay ran: the next
       * replay follows, keep what is shown until then. */
      if (li_plan_n_stages (plan) != result->n_stages)
        {
          li_plan_free (plan);
          return;
        }
      g_clear_pointer (&self->explained, li_plan_free);
      self->explained = li_plan_new_explained (rules, store, li_dataset_get_leads (dataset));
      if (self->stage >= result->n_stages)
        self->stage = 0;
      /* Keep the inspector on the selected lead if it is still there: the
       * index of a lead in per_lead follows the store, which is the same
       * for a new replay of the same data. */
      if (self->selected_index != G_MAXUINT &&
          (self->selected_index >= result->leads ||
           li_lead_model_get_result (self->model) == NULL ||
           self->selected_index >= li_lead_model_get_result (self->model)->leads ||
           result->per_lead[self->selected_index].lead !=
             li_lead_model_get_result (self->model)->per_lead[self->selected_index].lead))
        self->selected_index = G_MAXUINT;
      self->rebuilding = TRUE;
      li_lead_model_set_source (self->model, result, plan, dataset);
      self->rebuilding = FALSE;
    }

  _li_leads_view_set_stage_names (self, result);
  _li_leads_view_sync_dropdowns (self);
  _li_leads_view_apply_query (self);

  /* Refresh the inspector with the new rules. */
  if (self->selected_index != G_MAXUINT && self->explained != NULL)
    li_lead_inspector_show_lead (self->inspector, self->explained,
                                 li_lead_model_get_lead_id (self->model, self->selected_index),
                                 result->facts[self->selected_index].last_ms);
  else
    li_lead_inspector_clear (self->inspector);
}

void
li_leads_view_show_filter (LiLeadsView  *self,
                           LiLeadFilter  filter,
                           guint         stage)
{
  LiReplayResult *result;

  g_return_if_fail (LI_IS_LEADS_VIEW (self));
  g_return_if_fail (filter <= LI_LEAD_FILTER_PEAK_STAGE);

  self->filter = filter;
  self->stage = stage;
  if (self->pending && self->project != NULL)
    {
      /* Apply the newest replay first, or the stage might not exist yet. */
      const LiRules *rules = NULL;

      self->pending = FALSE;
      result = li_project_get_result (self->project, &rules);
      li_leads_view_set_result (self, result, rules, li_project_get_dataset (self->project));
      return;
    }
  result = li_lead_model_get_result (self->model);
  if (result != NULL && self->stage >= result->n_stages)
    self->stage = 0;
  _li_leads_view_sync_dropdowns (self);
  _li_leads_view_apply_query (self);
}

void
li_leads_view_set_search (LiLeadsView *self,
                          const char  *search)
{
  g_return_if_fail (LI_IS_LEADS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");
  /* search-changed is delayed; apply at once. */
  _li_leads_view_apply_query (self);
}

void
li_leads_view_select (LiLeadsView *self,
                      guint        position)
{
  g_return_if_fail (LI_IS_LEADS_VIEW (self));

  gtk_single_selection_set_selected (self->selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
}

LiLeadModel *
li_leads_view_get_model (LiLeadsView *self)
{
  g_return_val_if_fail (LI_IS_LEADS_VIEW (self), NULL);
  return self->model;
}

GtkColumnView *
li_leads_view_get_column_view (LiLeadsView *self)
{
  g_return_val_if_fail (LI_IS_LEADS_VIEW (self), NULL);
  return self->column_view;
}

LiLeadInspector *
li_leads_view_get_inspector (LiLeadsView *self)
{
  g_return_val_if_fail (LI_IS_LEADS_VIEW (self), NULL);
  return self->inspector;
}

GtkColumnViewColumn *
li_leads_view_get_column (LiLeadsView  *self,
                          LiLeadColumn  column)
{
  g_return_val_if_fail (LI_IS_LEADS_VIEW (self), NULL);
  g_return_val_if_fail (column < LI_N_LEAD_COLUMNS, NULL);
  return self->columns[column];
}

const char *
li_leads_view_get_count_text (LiLeadsView *self)
{
  g_return_val_if_fail (LI_IS_LEADS_VIEW (self), NULL);
  return self->count_text;
}
