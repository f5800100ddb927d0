/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-versions-list.c — the rule versions to compare with, one row each
 *
 * A GtkListBox bound to the window's GListModel of LiVersion
 * (gtk_list_box_bind_model): the rows are AdwActionRows made here, each
 * following its version's notifications.  The list only asks: the window
 * takes snapshots, opens files, compares and restores. */

#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-versions-list.h"

#include <glib/gi18n.h>

struct _LiVersionsList
{
  AdwBin      parent_instance;

  /* template */
  GtkListBox *list;
  GtkWidget  *snapshot_button;
  GtkWidget  *open_button;

  GListModel *model;
  LiVersion  *baseline;
};

enum
{
  PROP_0,
  PROP_MODEL,
  PROP_BASELINE,
  N_PROPS
};

enum
{
  COMPARE_REQUESTED,
  RESTORE_REQUESTED,
  SNAPSHOT_REQUESTED,
  OPEN_FILE_REQUESTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (LiVersionsList, li_versions_list, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define ROW_VERSION  "li-version"
#define ROW_LIST     "li-versions-list"
#define ROW_COMPARE  "li-compare-button"
#define ROW_RESTORE  "li-restore-button"
#define ROW_RENAME   "li-rename-button"
#define ROW_BASELINE "li-baseline-label"
#define ROW_ICON     "li-icon"

static void
_li_versions_list_update_row (LiVersionsList *self,
                              GtkWidget      *row)
{
  LiVersion *version = g_object_get_data (G_OBJECT (row), ROW_VERSION);
  GtkWidget *compare = g_object_get_data (G_OBJECT (row), ROW_COMPARE);
  GtkWidget *restore = g_object_get_data (G_OBJECT (row), ROW_RESTORE);
  GtkWidget *baseline = g_object_get_data (G_OBJECT (row), ROW_BASELINE);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), ROW_ICON);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *summary = NULL;
  g_autofree char *compare_label = NULL;
  g_autofree char *restore_label = NULL;
  const char *name;
  gboolean is_baseline;

  if (version == NULL)
    return;

  name = li_version_get_name (version);
  summary = li_version_dup_summary (version, now);
  is_baseline = version == self->baseline;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_widget_set_tooltip_text (row, summary);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon),
                                li_version_get_source_path (version) != NULL
                                  ? "document-open-symbolic" : "camera-photo-symbolic");
  gtk_widget_set_tooltip_text (icon,
                               li_version_get_source_path (version) != NULL
                                 ? li_version_get_source_path (version) : _("Snapshot"));

  gtk_widget_set_visible (compare, !is_baseline);
  gtk_widget_set_visible (baseline, is_baseline);

  /* Translators: accessible label of the Compare button of a version;
   * %s is the version's name */
  compare_label = g_strdup_printf (_("Compare the draft with “%s”"), name);
  /* Translators: accessible label of the Restore button of a version;
   * %s is the version's name */
  restore_label = g_strdup_printf (_("Restore the rules of “%s” into the draft"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (compare),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, compare_label,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (restore),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, restore_label,
                                  -1);
}

static void
_li_versions_list_version_notify_cb (LiVersion  *version,
                                     GParamSpec *pspec,
                                     GtkWidget  *row)
{
  LiVersionsList *self = g_object_get_data (G_OBJECT (row), ROW_LIST);

  if (self != NULL)
    _li_versions_list_update_row (self, row);
}

static void
_li_versions_list_compare_clicked_cb (GtkButton *button,
                                      GtkWidget *row)
{
  LiVersionsList *self = g_object_get_data (G_OBJECT (row), ROW_LIST);
  LiVersion *version = g_object_get_data (G_OBJECT (row), ROW_VERSION);

  if (self != NULL && version != NULL)
    g_signal_emit (self, signals[COMPARE_REQUESTED], 0, version);
}

static void
_li_versions_list_restore_clicked_cb (GtkButton *button,
                                      GtkWidget *row)
{
  LiVersionsList *self = g_object_get_data (G_OBJECT (row), ROW_LIST);
  LiVersion *version = g_object_get_data (G_OBJECT (row), ROW_VERSION);

  if (self != NULL && version != NULL)
    g_signal_emit (self, signals[RESTORE_REQUESTED], 0, version);
}

static void
_li_versions_list_rename_activate_cb (GtkEntry  *entry,
                                      GtkWidget *row)
{
  LiVersion *version = g_object_get_data (G_OBJECT (row), ROW_VERSION);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);

  /* the project keeps the new name with the rule file's snapshots */
  if (version != NULL && name[0] != '\0')
    li_version_set_name (version, name);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
_li_versions_list_rename_show_cb (GtkPopover *popover,
                                  GtkWidget  *row)
{
  LiVersion *version = g_object_get_data (G_OBJECT (row), ROW_VERSION);
  GtkWidget *entry = gtk_popover_get_child (popover);

  gtk_editable_set_text (GTK_EDITABLE (entry), version != NULL ? li_version_get_name (version) : "");
  gtk_widget_grab_focus (entry);
}

/* A flat button with a popover entry that names the version. */
static GtkWidget *
_li_versions_list_rename_button_new (GtkWidget *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *entry = gtk_entry_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_widget_set_tooltip_text (button, _("Rename this version"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Version name"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), entry);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (entry, "activate", G_CALLBACK (_li_versions_list_rename_activate_cb), row);
  g_signal_connect (popover, "show", G_CALLBACK (_li_versions_list_rename_show_cb), row);
  return button;
}

static GtkWidget *
_li_versions_list_create_row_cb (gpointer item,
                                 gpointer user_data)
{
  LiVersionsList *self = user_data;
  LiVersion *version = LI_VERSION (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *baseline = gtk_label_new (_("Baseline"));
  GtkWidget *compare = gtk_button_new_with_mnemonic (_("_Compare"));
  GtkWidget *restore = gtk_button_new_from_icon_name ("document-revert-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* one line each: a wrapped line upsets the height of the scrolled list */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_set_valign (baseline, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (baseline, _("The draft is compared with this version"));
  gtk_widget_add_css_class (baseline, "caption-heading");
  gtk_widget_add_css_class (baseline, "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), baseline);

  gtk_widget_set_valign (compare, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (compare, _("Compare the draft with this version"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), compare);

  {
    GtkWidget *rename = _li_versions_list_rename_button_new (row);

    adw_action_row_add_suffix (ADW_ACTION_ROW (row), rename);
    g_object_set_data (G_OBJECT (row), ROW_RENAME, rename);
  }

  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (restore, _("Restore these rules into the draft"));
  gtk_widget_add_css_class (restore, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);

  g_object_set_data_full (G_OBJECT (row), ROW_VERSION, g_object_ref (version), g_object_unref);
  g_object_set_data (G_OBJECT (row), ROW_LIST, self);
  g_object_set_data (G_OBJECT (row), ROW_COMPARE, compare);
  g_object_set_data (G_OBJECT (row), ROW_RESTORE, restore);
  g_object_set_data (G_OBJECT (row), ROW_BASELINE, baseline);
  g_object_set_data (G_OBJECT (row), ROW_ICON, icon);

  g_signal_connect (compare, "clicked", G_CALLBACK (_li_versions_list_compare_clicked_cb), row);
  g_signal_connect (restore, "clicked", G_CALLBACK (_li_versions_list_restore_clicked_cb), row);
  g_signal_connect_object (version, "notify", G_CALLBACK (_li_versions_list_version_notify_cb),
                           row, G_CONNECT_DEFAULT);

  _li_versions_list_update_row (self, row);

  return row;
}

static void
_li_versions_list_update_rows (LiVersionsList *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    _li_versions_list_update_row (self, GTK_WIDGET (row));
}

static void
_li_versions_list_snapshot_clicked_cb (LiVersionsList *self,
                                       GtkButton      *button)
{
  g_signal_emit (self, signals[SNAPSHOT_REQUESTED], 0);
}

static void
_li_versions_list_open_clicked_cb (LiVersionsList *self,
                                   GtkButton      *button)
{
  g_signal_emit (self, signals[OPEN_FILE_REQUESTED], 0);
}

static void
li_versions_list_dispose (GObject *object)
{
  LiVersionsList *self = LI_VERSIONS_LIST (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LI_TYPE_VERSIONS_LIST);
  g_clear_object (&self->model);
  g_clear_object (&self->baseline);

  G_OBJECT_CLASS (li_versions_list_parent_class)->dispose (object);
}

static void
li_versions_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiVersionsList *self = LI_VERSIONS_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_BASELINE:
      g_value_set_object (value, self->baseline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_versions_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LiVersionsList *self = LI_VERSIONS_LIST (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      li_versions_list_set_model (self, g_value_get_object (value));
      break;

    case PROP_BASELINE:
      li_versions_list_set_baseline (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_versions_list_class_init (LiVersionsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = li_versions_list_dispose;
  object_class->get_property = li_versions_list_get_property;
  object_class->set_property = li_versions_list_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BASELINE] =
    g_param_spec_object ("baseline", NULL, NULL,
                         LI_TYPE_VERSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiVersionsList::compare-requested:
   * @self: the list
   * @version: the LiVersion to compare the draft with
   */
  signals[COMPARE_REQUESTED] =
    g_signal_new ("compare-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LI_TYPE_VERSION);

  /**
   * LiVersionsList::restore-requested:
   * @self: the list
   * @version: the LiVersion whose rules should become the draft
   */
  signals[RESTORE_REQUESTED] =
    g_signal_new ("restore-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LI_TYPE_VERSION);

  /**
   * LiVersionsList::snapshot-requested:
   * @self: the list
   *
   * The user wants a snapshot of the current rules.
   */
  signals[SNAPSHOT_REQUESTED] =
    g_signal_new ("snapshot-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LiVersionsList::open-file-requested:
   * @self: the list
   *
   * The user wants to pick a rule file to compare with.
   */
  signals[OPEN_FILE_REQUESTED] =
    g_signal_new ("open-file-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/LeadIntent/compare/li-versions-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LiVersionsList, list);
  gtk_widget_class_bind_template_child (widget_class, LiVersionsList, snapshot_button);
  gtk_widget_class_bind_template_child (widget_class, LiVersionsList, open_button);
  gtk_widget_class_bind_template_callback (widget_class, _li_versions_list_snapshot_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, _li_versions_list_open_clicked_cb);
}

static void
li_versions_list_init (LiVersionsList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
li_versions_list_new (void)
{
  return g_object_new (LI_TYPE_VERSIONS_LIST, NULL);
}

void
li_versions_list_set_model (LiVersionsList *self,
                            GListModel     *versions)
{
  g_return_if_fail (LI_IS_VERSIONS_LIST (self));
  g_return_if_fail (versions == NULL || G_IS_LIST_MODEL (versions));

  if (!g_set_object (&self->model, versions))
    return;

  gtk_list_box_bind_model (self->list, versions, _li_versions_list_create_row_cb, self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GListModel *
li_versions_list_get_model (LiVersionsList *self)
{
  g_return_val_if_fail (LI_IS_VERSIONS_LIST (self), NULL);

  return self->model;
}

void
li_versions_list_set_baseline (LiVersionsList *self,
                               LiVersion      *version)
{
  g_return_if_fail (LI_IS_VERSIONS_LIST (self));
  g_return_if_fail (version == NULL || LI_IS_VERSION (version));

  if (!g_set_object (&self->baseline, version))
    return;

  _li_versions_list_update_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASELINE]);
}

LiVersion *
li_versions_list_get_baseline (LiVersionsList *self)
{
  g_return_val_if_fail (LI_IS_VERSIONS_LIST (self), NULL);

  return self->baseline;
}

GtkWidget *
li_versions_list_get_row (LiVersionsList *self,
                          guint           position)
{
  g_return_val_if_fail (LI_IS_VERSIONS_LIST (self), NULL);

  return (GtkWidget *) gtk_list_box_get_row_at_index (self->list, (int) position);
}

GtkWidget *
li_versions_list_get_compare_button (LiVersionsList *self,
                                     guint           position)
{
  GtkWidget *row = li_versions_list_get_row (self, position);

  return row != NULL ? g_object_get_data (G_OBJECT (row), ROW_COMPARE) : NULL;
}

GtkWidget *
li_versions_list_get_restore_button (LiVersionsList *self,
                                     guint           position)
{
  GtkWidget *row = li_versions_list_get_row (self, position);

  return row != NULL ? g_object_get_data (G_OBJECT (row), ROW_RESTORE) : NULL;
}

GtkWidget *
li_versions_list_get_snapshot_button (LiVersionsList *self)
{
  g_return_val_if_fail (LI_IS_VERSIONS_LIST (self), NULL);

  return self->snapshot_button;
}

GtkWidget *
li_versions_list_get_open_button (LiVersionsList *self)
{
  g_return_val_if_fail (LI_IS_VERSIONS_LIST (self), NULL);

  return self->open_button;
}

GtkWidget *
li_versions_list_get_rename_entry (LiVersionsList *self,
                                   guint           position)
{
  GtkWidget *row = li_versions_list_get_row (self, position);
  GtkWidget *rename = row != NULL ? g_object_get_data (G_OBJECT (row), ROW_RENAME) : NULL;
  GtkPopover *popover;

  if (rename == NULL)
    return NULL;
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (rename));
  return gtk_popover_get_child (popover);
}
