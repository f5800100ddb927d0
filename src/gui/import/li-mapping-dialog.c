/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-mapping-dialog.c: the column mapping of a CSV file, with a preview.
 *
 * The file's first rows are read once in a worker thread (with the
 * remembered mapping); after that every change of a widget rewrites the
 * mapping and asks the engine for the preview of those rows
 * (li_csv_map_preview: the import's own row function, on 20 rows in
 * memory). */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-mapping-dialog.h"

#include <glib/gi18n.h>

#include "li-mapping-memory.h"
#include "li-time.h"

#define PREVIEW_ROWS 20

struct _LiMappingDialog
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkSwitch            *header_switch;
  AdwComboRow          *lead_row;
  AdwComboRow          *time_row;
  AdwComboRow          *unit_row;
  AdwEntryRow          *pattern_row;
  AdwComboRow          *event_row;
  AdwPreferencesGroup  *preview_group;
  GtkGrid              *preview_grid;
  AdwPreferencesGroup  *events_group;
  AdwPreferencesGroup  *props_group;

  GFile                *file;
  GCancellable         *cancellable;
  LiCsvHead            *head;
  LiCsvMap             *map;
  GStrv                 columns;     /* the names of the columns under map */
  GPtrArray            *event_rows;  /* AdwEntryRow, title: the file's value */
  GPtrArray            *prop_rows;   /* AdwEntryRow, title: the column */
  GPtrArray            *preview;     /* LiCsvPreviewRow, or NULL */
  guint                 updating;    /* widgets are being set from the mapping */
};

G_DEFINE_FINAL_TYPE (LiMappingDialog, li_mapping_dialog, ADW_TYPE_WINDOW)

enum { IMPORT, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What the worker read. */
typedef struct
{
  LiCsvHead *head;
  LiCsvMap  *map;
} Loaded;

static void
_li_loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->head, li_csv_head_free);
  g_clear_pointer (&loaded->map, li_csv_map_free);
  g_free (loaded);
}

/* Helpers */

static int
_li_column_index (LiMappingDialog *self,
                  const char      *name)
{
  for (guint i = 0; name != NULL && self->columns[i] != NULL; i++)
    if (g_str_equal (self->columns[i], name))
      return (int) i;
  return -1;
}

static const char *
_li_selected_column (LiMappingDialog *self,
                     AdwComboRow     *row)
{
  guint i = adw_combo_row_get_selected (row);

  return i < g_strv_length (self->columns) ? self->columns[i] : NULL;
}

static void
_li_set_column (char       **field,
                const char  *name)
{
  g_free (*field);
  *field = g_strdup (name);
}

static void
_li_clear_group (AdwPreferencesGroup *group,
                 GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

/* The preview */

static GtkWidget *
_li_preview_label (const char *text,
                   gboolean     dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static char *
_li_row_properties (const LiCsvPreviewRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; row->keys != NULL && row->keys[i] != NULL; i++)
    g_string_append_printf (text, "%s%s=%s", i > 0 ? ", " : "", row->keys[i], row->values[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The cells of one preview row: line, lead, time, event, properties. */
static GStrv
_li_row_cells (const LiCsvPreviewRow *row)
{
  GStrv cells = g_new0 (char *, 6);

  cells[0] = g_strdup_printf ("%" G_GUINT64_FORMAT, row->line);
  if (row->status == LI_PREVIEW_BAD)
    {
      cells[1] = g_strdup (row->reason);
      return cells;
    }
  cells[1] = g_strdup (row->lead_id);
  cells[2] = row->status == LI_PREVIEW_EVENT ? li_time_format (row->time_ms) : g_strdup ("");
  cells[3] = row->status == LI_PREVIEW_EVENT
             ? g_strdup (row->event)
             /* TRANSLATORS: a preview row whose event value is mapped to no event */
             : g_strdup_printf (_("%s (ignored)"), row->event);
  cells[4] = _li_row_properties (row);
  return cells;
}

static void
_li_preview_clear (LiMappingDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
}

static void
_li_preview_show (LiMappingDialog *self)
{
  const char *titles[] = { _("Line"), _("Lead"), _("Time"), _("Event"), _("Properties") };

  _li_preview_clear (self);
  for (guint c = 0; c < G_N_ELEMENTS (titles); c++)
    {
      GtkWidget *label = _li_preview_label (titles[c], FALSE);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->preview_grid, label, (int) c, 0, 1, 1);
    }

  for (guint r = 0; self->preview != NULL && r < self->preview->len; r++)
    {
      const LiCsvPreviewRow *row = self->preview->pdata[r];
      g_auto(GStrv) cells = _li_row_cells (row);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          GtkWidget *label = _li_preview_label (cells[c], c == 0 || row->status == LI_PREVIEW_IGNORED);

          gtk_widget_set_hexpand (label, c == 4);

          if (row->status == LI_PREVIEW_BAD && c == 1)
            gtk_widget_add_css_class (label, "error");
          gtk_grid_attach (self->preview_grid, label, (int) c, (int) r + 1,
                           row->status == LI_PREVIEW_BAD && c == 1 ? 4 : 1, 1);
        }
    }
}

/* Asks the engine for the preview of the mapping; the Import button works
 * when the mapping is valid and fits the file. */
static void
_li_update_preview (LiMappingDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->preview, g_ptr_array_unref);
  if (li_csv_map_check (self->map, &error))
    self->preview = li_csv_map_preview (self->map, self->head, &error);

  adw_preferences_group_set_description (self->preview_group,
                                         error != NULL ? error->message
                                         : _("The first rows of the file as events"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.import", error == NULL);
  _li_preview_show (self);
}

/* From the widgets to the mapping */

static void
_li_read_events (LiMappingDialog *self)
{
  for (guint i = 0; i < self->event_rows->len; i++)
    {
      const char *from = adw_preferences_row_get_title (self->event_rows->pdata[i]);
      g_autofree char *to = g_strstrip (g_strdup (gtk_editable_get_text (self->event_rows->pdata[i])));

      if (to[0] != '\0')
        li_csv_map_set_event (self->map, from, to);
      else
        {
          /* Empty: the value stays as it is (a remembered "no event" stays). */
          for (guint j = 0; j < self->map->event_from->len; j++)
            if (g_str_equal (self->map->event_from->pdata[j], from) &&
                self->map->event_to->pdata[j] != NULL)
              {
                g_ptr_array_remove_index (self->map->event_from, j);
                g_ptr_array_remove_index (self->map->event_to, j);
                break;
              }
        }
    }
}

static void
_li_read_properties (LiMappingDialog *self)
{
  g_ptr_array_set_size (self->map->prop_columns, 0);
  g_ptr_array_set_size (self->map->prop_names, 0);
  /* The dialog lists every column: the checked ones are the properties. */
  self->map->keep_other_columns = FALSE;
  for (guint i = 0; i < self->prop_rows->len; i++)
    {
      AdwEntryRow *row = self->prop_rows->pdata[i];
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "li-check");
      const char *column = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

      if (gtk_check_button_get_active (check))
        li_csv_map_set_property (self->map, column, name[0] != '\0' ? name : column);
    }
}

static void
_li_read_widgets (LiMappingDialog *self)
{
  const char *pattern = gtk_editable_get_text (GTK_EDITABLE (self->pattern_row));

  _li_set_column (&self->map->lead_id, _li_selected_column (self, self->lead_row));
  _li_set_column (&self->map->time_column, _li_selected_column (self, self->time_row));
  _li_set_column (&self->map->event, _li_selected_column (self, self->event_row));
  self->map->time_unit = (LiTimeUnit) adw_combo_row_get_selected (self->unit_row);
  g_clear_pointer (&self->map->time_pattern, g_free);
  if (self->map->time_unit == LI_TIME_UNIT_STRFTIME)
    self->map->time_pattern = g_strdup (pattern);
  _li_read_events (self);
  _li_read_properties (self);
}

/* From the mapping to the widgets */

static void
_li_widgets_changed (LiMappingDialog *self)
{
  if (self->updating > 0 || self->map == NULL)
    return;
  _li_read_widgets (self);
  _li_update_preview (self);
}

static void
_li_entry_changed_cb (LiMappingDialog *self)
{
  _li_widgets_changed (self);
}

/* The file's event values in the preview rows, and those of the mapping. */
static GPtrArray *
_li_event_values (LiMappingDialog *self)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  int col = _li_column_index (self, self->map->event);

  for (guint i = self->map->header ? 1 : 0; col >= 0 && i < self->head->records->len; i++)
    {
      GStrv record = self->head->records->pdata[i];

      if ((guint) col < g_strv_length (record) && record[col][0] != '\0' &&
          !g_ptr_array_find_with_equal_func (values, record[col], g_str_equal, NULL))
        g_ptr_array_add (values, g_strdup (record[col]));
    }
  for (guint i = 0; i < self->map->event_from->len; i++)
    if (!g_ptr_array_find_with_equal_func (values, self->map->event_from->pdata[i], g_str_equal, NULL))
      g_ptr_array_add (values, g_strdup (self->map->event_from->pdata[i]));
  return values;
}

static GtkWidget *
_li_entry_row_new (const char *title,
                   const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

static void
_li_build_event_rows (LiMappingDialog *self)
{
  g_autoptr(GPtrArray) values = _li_event_values (self);

  _li_clear_group (self->events_group, self->event_rows);
  for (guint i = 0; i < values->len; i++)
    {
      int k = -1;
      GtkWidget *row;

      for (guint j = 0; j < self->map->event_from->len && k < 0; j++)
        if (g_str_equal (self->map->event_from->pdata[j], values->pdata[i]))
          k = (int) j;
      row = _li_entry_row_new (values->pdata[i], k >= 0 ? self->map->event_to->pdata[k] : NULL);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (_li_entry_changed_cb), self);
      adw_preferences_group_add (self->events_group, row);
      g_ptr_array_add (self->event_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->events_group), values->len > 0);
}

static gboolean
_li_is_event_part (LiMappingDialog *self,
                   const char      *column)
{
  return g_strcmp0 (column, self->map->lead_id) == 0 ||
         g_strcmp0 (column, self->map->time_column) == 0 ||
         g_strcmp0 (column, self->map->event) == 0;
}

static void
_li_build_prop_rows (LiMappingDialog *self)
{
  _li_clear_group (self->props_group, self->prop_rows);
  for (guint i = 0; self->columns[i] != NULL; i++)
    {
      const char *column = self->columns[i];
      const char *name = li_csv_map_get_property (self->map, column);
      gboolean is_prop = name != NULL ||
                         (self->map->keep_other_columns && !_li_is_event_part (self, column));
      GtkWidget *row = _li_entry_row_new (column, name != NULL ? name : column);
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_prop);
      gtk_widget_set_tooltip_text (check, _("Import this column as a property"));
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "li-check", check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (_li_entry_changed_cb), self);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (_li_entry_changed_cb), self);
      adw_preferences_group_add (self->props_group, row);
      g_ptr_array_add (self->prop_rows, row);
    }
}

static void
_li_select_column (LiMappingDialog *self,
                   AdwComboRow     *row,
                   const char      *name)
{
  int i = _li_column_index (self, name);

  adw_combo_row_set_selected (row, i >= 0 ? (guint) i : GTK_INVALID_LIST_POSITION);
}

/* Sets every widget from self->map. */
static void
_li_show_map (LiMappingDialog *self)
{
  g_autoptr(GtkStringList) model = NULL;

  self->updating++;
  g_strfreev (self->columns);
  self->columns = li_csv_head_dup_columns (self->head, self->map);
  model = gtk_string_list_new ((const char * const *) self->columns);
  adw_combo_row_set_model (self->lead_row, G_LIST_MODEL (model));
  adw_combo_row_set_model (self->time_row, G_LIST_MODEL (model));
  adw_combo_row_set_model (self->event_row, G_LIST_MODEL (model));

  gtk_switch_set_active (self->header_switch, self->map->header);
  _li_select_column (self, self->lead_row, self->map->lead_id);
  _li_select_column (self, self->time_row, self->map->time_column);
  _li_select_column (self, self->event_row, self->map->event);
  adw_combo_row_set_selected (self->unit_row, (guint) self->map->time_unit);
  gtk_editable_set_text (GTK_EDITABLE (self->pattern_row),
                         self->map->time_pattern != NULL ? self->map->time_pattern : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pattern_row),
                          self->map->time_unit == LI_TIME_UNIT_STRFTIME);
  _li_build_event_rows (self);
  _li_build_prop_rows (self);
  self->updating--;

  _li_read_widgets (self);
  _li_update_preview (self);
}

/* Callbacks */

static void
_li_header_changed_cb (LiMappingDialog *self)
{
  g_auto(GStrv) old = NULL;
  int lead, time, event;

  if (self->updating > 0 || self->map == NULL)
    return;

  /* The columns keep their positions under their new names. */
  lead = _li_column_index (self, self->map->lead_id);
  time = _li_column_index (self, self->map->time_column);
  event = _li_column_index (self, self->map->event);
  self->map->header = gtk_switch_get_active (self->header_switch);
  g_clear_pointer (&self->map->columns, g_strfreev);
  old = g_steal_pointer (&self->columns);
  self->columns = li_csv_head_dup_columns (self->head, self->map);
  if (!self->map->header)
    self->map->columns = g_strdupv (self->columns);
  _li_set_column (&self->map->lead_id, lead >= 0 ? self->columns[lead] : NULL);
  _li_set_column (&self->map->time_column, time >= 0 ? self->columns[time] : NULL);
  _li_set_column (&self->map->event, event >= 0 ? self->columns[event] : NULL);
  g_ptr_array_set_size (self->map->prop_columns, 0);
  g_ptr_array_set_size (self->map->prop_names, 0);
  self->map->keep_other_columns = TRUE;
  _li_show_map (self);
}

static void
_li_column_changed_cb (LiMappingDialog *self)
{
  if (self->updating > 0 || self->map == NULL)
    return;
  _li_read_widgets (self);
  /* The lead, time and event columns are no properties by default. */
  self->updating++;
  _li_build_prop_rows (self);
  self->updating--;
  _li_widgets_changed (self);
}

static void
_li_event_column_changed_cb (LiMappingDialog *self)
{
  if (self->updating > 0 || self->map == NULL)
    return;
  _li_read_widgets (self);
  self->updating++;
  _li_build_event_rows (self);
  _li_build_prop_rows (self);
  self->updating--;
  _li_widgets_changed (self);
}

static void
_li_unit_changed_cb (LiMappingDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->pattern_row),
                          adw_combo_row_get_selected (self->unit_row) == LI_TIME_UNIT_STRFTIME);
  _li_widgets_changed (self);
}

static void
_li_action_import (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  LiMappingDialog *self = LI_MAPPING_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (self->map == NULL || !li_csv_map_check (self->map, &error))
    return;
  if (!li_mapping_memory_save (self->head, self->map, &error))
    g_warning ("Could not remember the mapping: %s", error->message);
  g_signal_emit (self, signals[IMPORT], 0, self->map);
  gtk_window_close (GTK_WINDOW (self));
}

/* Loading */

static void
_li_load_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_new0 (Loaded, 1);

  loaded->head = li_csv_head_read (file, NULL, PREVIEW_ROWS + 1, cancellable, &error);
  if (loaded->head == NULL)
    {
      _li_loaded_free (loaded);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  loaded->map = li_mapping_memory_lookup (loaded->head);
  if (loaded->map == NULL)
    loaded->map = li_csv_map_guess (loaded->head);
  g_task_return_pointer (task, loaded, (GDestroyNotify) _li_loaded_free);
}

static void
_li_load_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LiMappingDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (loaded == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->head = g_steal_pointer (&loaded->head);
  self->map = g_steal_pointer (&loaded->map);
  _li_loaded_free (loaded);
  _li_show_map (self);
  gtk_stack_set_visible_child_name (self->stack, "main");
}

/* GObject */

static void
li_mapping_dialog_dispose (GObject *object)
{
  LiMappingDialog *self = LI_MAPPING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_MAPPING_DIALOG);

  G_OBJECT_CLASS (li_mapping_dialog_parent_class)->dispose (object);
}

static void
li_mapping_dialog_finalize (GObject *object)
{
  LiMappingDialog *self = LI_MAPPING_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->head, li_csv_head_free);
  g_clear_pointer (&self->map, li_csv_map_free);
  g_clear_pointer (&self->columns, g_strfreev);
  g_clear_pointer (&self->event_rows, g_ptr_array_unref);
  g_clear_pointer (&self->prop_rows, g_ptr_array_unref);
  g_clear_pointer (&self->preview, g_ptr_array_unref);

  G_OBJECT_CLASS (li_mapping_dialog_parent_class)->finalize (object);
}

static void
li_mapping_dialog_class_init (LiMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_mapping_dialog_dispose;
  object_class->finalize = li_mapping_dialog_finalize;

  /* The mapping is the dialog's: a handler that keeps it copies it. */
  signals[IMPORT] =
    g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/LeadIntent/import/li-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, event_row);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, events_group);
  gtk_widget_class_bind_template_child (widget_class, LiMappingDialog, props_group);
  gtk_widget_class_install_action (widget_class, "mapping.import", NULL, _li_action_import);
  gtk_widget_class_bind_template_callback_full (widget_class, "header_changed_cb",
                                                G_CALLBACK (_li_header_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "column_changed_cb",
                                                G_CALLBACK (_li_column_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "event_column_changed_cb",
                                                G_CALLBACK (_li_event_column_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "unit_changed_cb",
                                                G_CALLBACK (_li_unit_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "entry_changed_cb",
                                                G_CALLBACK (_li_entry_changed_cb));
}

static void
li_mapping_dialog_init (LiMappingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mapping.import", FALSE);
  self->cancellable = g_cancellable_new ();
  self->event_rows = g_ptr_array_new ();
  self->prop_rows = g_ptr_array_new ();
}

LiMappingDialog *
li_mapping_dialog_new (GtkWindow *parent,
                       GFile     *file)
{
  LiMappingDialog *self;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LI_TYPE_MAPPING_DIALOG, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);

  task = g_task_new (NULL, self->cancellable, _li_load_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, li_mapping_dialog_new);
  g_task_set_name (task, "[lead-intent] read the head of a file");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, _li_load_thread);
  return self;
}

void
li_mapping_dialog_set_map (LiMappingDialog *self,
                           const LiCsvMap  *map)
{
  g_return_if_fail (LI_IS_MAPPING_DIALOG (self));
  g_return_if_fail (map != NULL);
  g_return_if_fail (self->head != NULL);

  li_csv_map_free (self->map);
  self->map = li_csv_map_copy (map);
  _li_show_map (self);
}

const LiCsvMap *
li_mapping_dialog_get_map (LiMappingDialog *self)
{
  g_return_val_if_fail (LI_IS_MAPPING_DIALOG (self), NULL);

  return self->map;
}

GPtrArray *
li_mapping_dialog_get_preview (LiMappingDialog *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (LI_IS_MAPPING_DIALOG (self), lines);

  for (guint i = 0; self->preview != NULL && i < self->preview->len; i++)
    {
      g_auto(GStrv) cells = _li_row_cells (self->preview->pdata[i]);

      g_ptr_array_add (lines, g_strjoinv (" | ", cells));
    }
  return lines;
}
