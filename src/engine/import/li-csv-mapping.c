/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-csv-mapping.c: the column mapping of SPEC 2.1a as a value: its rules,
 * reading a mapping file strictly and writing one.  How a mapping reads a
 * CSV file is li-csv-map-reader.c. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "li-csv-mapping.h"
#include "li-import.h"
#include "li-import-sink.h"
#include "li-json-check.h"
#include "li-json-writer.h"
#include "li-time-pattern.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define LI_CSV_MAP_FORMAT    "lead-intent-mapping"
#define LI_CSV_MAP_VERSION   1
#define LI_CSV_MAP_MAX_DEPTH 16

static const char * const unit_names[] = {
  [LI_TIME_UNIT_ISO] = "iso",
  [LI_TIME_UNIT_S] = "s",
  [LI_TIME_UNIT_MS] = "ms",
  [LI_TIME_UNIT_US] = "us",
  [LI_TIME_UNIT_STRFTIME] = "strftime",
};

static const char * const top_keys[] = {
  "format", "format_version", "lead_id", "timestamp", "event", "events",
  "properties", "keep_other_columns", "header", "columns", NULL,
};

static const char * const timestamp_keys[] = { "column", "unit", "pattern", NULL };

/* The model */

LiCsvMap *
li_csv_map_new (void)
{
  LiCsvMap *map = g_new0 (LiCsvMap, 1);

  map->time_unit = LI_TIME_UNIT_ISO;
  map->event_from = g_ptr_array_new_with_free_func (g_free);
  map->event_to = g_ptr_array_new_with_free_func (g_free);
  map->prop_columns = g_ptr_array_new_with_free_func (g_free);
  map->prop_names = g_ptr_array_new_with_free_func (g_free);
  map->keep_other_columns = TRUE;
  map->header = TRUE;
  return map;
}

static void
_li_strv_array_copy (GPtrArray       *dst,
                     const GPtrArray *src)
{
  for (guint i = 0; i < src->len; i++)
    g_ptr_array_add (dst, g_strdup (src->pdata[i]));
}

LiCsvMap *
li_csv_map_copy (const LiCsvMap *map)
{
  LiCsvMap *copy;

  g_return_val_if_fail (map != NULL, NULL);

  copy = li_csv_map_new ();
  copy->lead_id = g_strdup (map->lead_id);
  copy->time_column = g_strdup (map->time_column);
  copy->time_unit = map->time_unit;
  copy->time_pattern = g_strdup (map->time_pattern);
  copy->event = g_strdup (map->event);
  _li_strv_array_copy (copy->event_from, map->event_from);
  _li_strv_array_copy (copy->event_to, map->event_to);
  _li_strv_array_copy (copy->prop_columns, map->prop_columns);
  _li_strv_array_copy (copy->prop_names, map->prop_names);
  copy->keep_other_columns = map->keep_other_columns;
  copy->header = map->header;
  copy->columns = g_strdupv (map->columns);
  return copy;
}

void
li_csv_map_free (LiCsvMap *map)
{
  if (map == NULL)
    return;
  g_free (map->lead_id);
  g_free (map->time_column);
  g_free (map->time_pattern);
  g_free (map->event);
  g_ptr_array_unref (map->event_from);
  g_ptr_array_unref (map->event_to);
  g_ptr_array_unref (map->prop_columns);
  g_ptr_array_unref (map->prop_names);
  g_strfreev (map->columns);
  g_free (map);
}

static int
_li_find (const GPtrArray *array,
          const char      *str)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (array->pdata[i], str) == 0)
      return (int) i;
  return -1;
}

void
li_csv_map_set_event (LiCsvMap   *map,
                      const char *from,
                      const char *to)
{
  int i;

  g_return_if_fail (map != NULL && from != NULL);

  if ((i = _li_find (map->event_from, from)) >= 0)
    {
      g_free (map->event_to->pdata[i]);
      map->event_to->pdata[i] = g_strdup (to);
      return;
    }
  g_ptr_array_add (map->event_from, g_strdup (from));
  g_ptr_array_add (map->event_to, g_strdup (to));
}

void
li_csv_map_set_property (LiCsvMap   *map,
                         const char *column,
                         const char *name)
{
  int i;

  g_return_if_fail (map != NULL && column != NULL);

  if ((i = _li_find (map->prop_columns, column)) >= 0)
    {
      if (name == NULL)
        {
          g_ptr_array_remove_index (map->prop_columns, (guint) i);
          g_ptr_array_remove_index (map->prop_names, (guint) i);
          return;
        }
      g_free (map->prop_names->pdata[i]);
      map->prop_names->pdata[i] = g_strdup (name);
      return;
    }
  if (name == NULL)
    return;
  g_ptr_array_add (map->prop_columns, g_strdup (column));
  g_ptr_array_add (map->prop_names, g_strdup (name));
}

const char *
li_csv_map_get_property (const LiCsvMap *map,
                         const char     *column)
{
  int i;

  g_return_val_if_fail (map != NULL && column != NULL, NULL);

  i = _li_find (map->prop_columns, column);
  return i >= 0 ? map->prop_names->pdata[i] : NULL;
}

const char *
li_time_unit_to_string (LiTimeUnit unit)
{
  if ((guint) unit < G_N_ELEMENTS (unit_names))
    return unit_names[unit];
  return NULL;
}

gboolean
li_time_unit_from_string (const char *str,
                          LiTimeUnit *unit)
{
  g_return_val_if_fail (unit != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (unit_names); i++)
    if (strcmp (str, unit_names[i]) == 0)
      {
        *unit = (LiTimeUnit) i;
        return TRUE;
      }
  return FALSE;
}

/* Checking */

/* `events.pv`, or `events["a b"]` for a key that is not a plain word (in
 * JSON quotes, so that no character of a key breaks the message's line);
 * @parent NULL: a top-level key. */
static char *
_li_key_path (const char *parent,
              const char *key)
{
  gboolean plain = key[0] != '\0';

  for (const char *p = key; *p != '\0' && plain; p++)
    plain = g_ascii_isalnum (*p) || *p == '_' || *p == '-';
  if (plain)
    return parent != NULL ? g_strdup_printf ("%s.%s", parent, key) : g_strdup (key);
  else
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), key);
      g_autofree char *quoted = json_to_string (node, FALSE);

      return g_strdup_printf ("%s[%s]", parent != NULL ? parent : "", quoted);
    }
}

/* A name of the file as a message shows it: one line, cut when long. */
static char *
_li_shown (const char *name)
{
  GString *out = g_string_new (NULL);

  _li_append_shown (out, name, strlen (name), LI_IMPORT_MAX_SHOWN_VALUE, FALSE);
  return g_string_free (out, FALSE);
}

G_GNUC_PRINTF (3, 4)
static gboolean
_li_map_fail (GError    **error,
              const char *path,
              const char *format,
              ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL && path[0] != '\0')
    g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_MAPPING, "%s: %s", path, reason);
  else
    g_set_error_literal (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_MAPPING, reason);
  return FALSE;
}

static gboolean
_li_check_name (const char  *path,
                const char  *name,
                GError     **error)
{
  if (name == NULL)
    return _li_map_fail (error, path, _("required"));
  if (name[0] == '\0')
    return _li_map_fail (error, path, _("empty name"));
  return TRUE;
}

/* A column the mapping names must be one of `columns`, when it has them. */
static gboolean
_li_check_in_columns (const LiCsvMap  *map,
                      const char      *path,
                      const char      *name,
                      GError         **error)
{
  g_autofree char *shown = NULL;

  if (map->columns == NULL || g_strv_contains ((const char * const *) map->columns, name))
    return TRUE;
  shown = _li_shown (name);
  return _li_map_fail (error, path, _("no column “%s” in columns"), shown);
}

static gboolean
_li_check_columns (const LiCsvMap  *map,
                   GError         **error)
{
  if (map->columns == NULL)
    return map->header || _li_map_fail (error, "columns", _("required when header is false"));
  if (map->columns[0] == NULL)
    return _li_map_fail (error, "columns", _("empty list"));

  for (guint i = 0; map->columns[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("columns[%u]", i);

      if (!_li_check_name (path, map->columns[i], error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (strcmp (map->columns[i], map->columns[j]) == 0)
          {
            g_autofree char *shown = _li_shown (map->columns[i]);

            return _li_map_fail (error, path, _("“%s” given twice"), shown);
          }
    }
  return TRUE;
}

static gboolean
_li_check_timestamp (const LiCsvMap  *map,
                     GError         **error)
{
  g_autoptr(LiTimePattern) pattern = NULL;
  g_autofree char *reason = NULL;

  if (!_li_check_name ("timestamp.column", map->time_column, error) ||
      !_li_check_in_columns (map, "timestamp.column", map->time_column, error))
    return FALSE;
  if ((guint) map->time_unit >= G_N_ELEMENTS (unit_names))
    return _li_map_fail (error, "timestamp.unit", _("unknown unit"));
  if (map->time_unit != LI_TIME_UNIT_STRFTIME)
    return map->time_pattern == NULL ||
           _li_map_fail (error, "timestamp.pattern", _("only with unit strftime"));
  if (map->time_pattern == NULL)
    return _li_map_fail (error, "timestamp.pattern", _("required with unit strftime"));
  if ((pattern = li_time_pattern_new (map->time_pattern, &reason)) == NULL)
    return _li_map_fail (error, "timestamp.pattern", "%s", reason);
  return TRUE;
}

static gboolean
_li_check_events (const LiCsvMap  *map,
                  GError         **error)
{
  for (guint i = 0; i < map->event_from->len; i++)
    {
      const char *from = map->event_from->pdata[i];
      const char *to = map->event_to->pdata[i];
      g_autofree char *path = _li_key_path ("events", from);

      if (from[0] == '\0')
        return _li_map_fail (error, path, _("an empty event value is a bad row, it cannot be renamed"));
      if (to != NULL && to[0] == '\0')
        return _li_map_fail (error, path, _("empty event name (null: no event)"));
    }
  return TRUE;
}

static gboolean
_li_check_properties (const LiCsvMap  *map,
                      GError         **error)
{
  for (guint i = 0; i < map->prop_columns->len; i++)
    {
      const char *column = map->prop_columns->pdata[i];
      const char *name = map->prop_names->pdata[i];
      g_autofree char *path = _li_key_path ("properties", column);

      if (!_li_check_in_columns (map, path, column, error) ||
          !_li_check_name (path, name, error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (strcmp (name, map->prop_names->pdata[j]) == 0)
          {
            g_autofree char *shown = _li_shown (name);
            g_autofree char *other = _li_shown (map->prop_columns->pdata[j]);

            return _li_map_fail (error, path, _("property “%s” is given to column “%s” too"),
                                 shown, other);
          }
    }
  return TRUE;
}

gboolean
li_csv_map_check (const LiCsvMap  *map,
                  GError         **error)
{
  g_return_val_if_fail (map != NULL, FALSE);

  return _li_check_columns (map, error) &&
         _li_check_name ("lead_id", map->lead_id, error) &&
         _li_check_in_columns (map, "lead_id", map->lead_id, error) &&
         _li_check_timestamp (map, error) &&
         _li_check_name ("event", map->event, error) &&
         _li_check_in_columns (map, "event", map->event, error) &&
         _li_check_events (map, error) &&
         _li_check_properties (map, error);
}

/* Reading */

static const char *
_li_node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("an array");
    case JSON_NODE_NULL: return "null";
    default:
      break;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return _("a string");
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return _("a boolean");
  return _("a number");
}

static gboolean
_li_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
_li_read_string (JsonNode    *node,
                 const char  *path,
                 char       **out,
                 GError     **error)
{
  if (!_li_is_string (node))
    return _li_map_fail (error, path, _("expected a string, not %s"), _li_node_kind (node));
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
_li_read_bool (JsonNode    *node,
               const char  *path,
               gboolean    *out,
               GError     **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return _li_map_fail (error, path, _("expected true or false, not %s"), _li_node_kind (node));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonObject *
_li_read_object (JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return (_li_map_fail (error, path, _("expected an object, not %s"), _li_node_kind (node)), NULL);
  return json_node_get_object (node);
}

static gboolean
_li_check_keys (JsonObject         *object,
                const char         *parent,
                const char * const *known,
                GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        g_autofree char *path = _li_key_path (parent, l->data);

        return _li_map_fail (error, path, _("unknown key"));
      }
  return TRUE;
}

static gboolean
_li_read_unit (JsonNode    *node,
               LiCsvMap    *map,
               GError     **error)
{
  g_autofree char *unit = NULL;

  if (!_li_read_string (node, "timestamp.unit", &unit, error))
    return FALSE;
  if (!li_time_unit_from_string (unit, &map->time_unit))
    {
      g_autofree char *shown = _li_shown (unit);

      return _li_map_fail (error, "timestamp.unit",
                           _("unknown unit \"%s\" (s, ms, us, iso, strftime)"), shown);
    }
  return TRUE;
}

static gboolean
_li_read_timestamp (JsonNode    *node,
                    LiCsvMap    *map,
                    GError     **error)
{
  JsonObject *object;
  JsonNode *member;

  /* "timestamp": "ts" is short for { "column": "ts" } (unit iso). */
  if (_li_is_string (node))
    return _li_read_string (node, "timestamp", &map->time_column, error);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _li_map_fail (error, "timestamp", _("expected a column name or an object, not %s"),
                         _li_node_kind (node));

  object = json_node_get_object (node);
  if (!_li_check_keys (object, "timestamp", timestamp_keys, error))
    return FALSE;
  if ((member = json_object_get_member (object, "column")) == NULL)
    return _li_map_fail (error, "timestamp.column", _("required"));
  if (!_li_read_string (member, "timestamp.column", &map->time_column, error))
    return FALSE;
  if ((member = json_object_get_member (object, "unit")) != NULL &&
      !_li_read_unit (member, map, error))
    return FALSE;
  if ((member = json_object_get_member (object, "pattern")) != NULL &&
      !_li_read_string (member, "timestamp.pattern", &map->time_pattern, error))
    return FALSE;
  return TRUE;
}

static gboolean
_li_read_events (JsonNode    *node,
                 LiCsvMap    *map,
                 GError     **error)
{
  JsonObject *object = _li_read_object (node, "events", error);
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      g_autofree char *path = _li_key_path ("events", l->data);

      if (JSON_NODE_HOLDS_NULL (value))
        li_csv_map_set_event (map, l->data, NULL);
      else if (_li_is_string (value))
        li_csv_map_set_event (map, l->data, json_node_get_string (value));
      else
        return _li_map_fail (error, path, _("expected an event name or null, not %s"),
                             _li_node_kind (value));
    }
  return TRUE;
}

static gboolean
_li_read_properties (JsonNode    *node,
                     LiCsvMap    *map,
                     GError     **error)
{
  JsonObject *object = _li_read_object (node, "properties", error);
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return FALSE;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (object, l->data);
      g_autofree char *path = _li_key_path ("properties", l->data);
      g_autofree char *name = NULL;

      if (!_li_read_string (value, path, &name, error))
        return FALSE;
      g_ptr_array_add (map->prop_columns, g_strdup (l->data));
      g_ptr_array_add (map->prop_names, g_steal_pointer (&name));
    }
  return TRUE;
}

static gboolean
_li_read_columns (JsonNode    *node,
                  LiCsvMap    *map,
                  GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _li_map_fail (error, "columns", _("expected an array of column names, not %s"),
                         _li_node_kind (node));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("columns[%u]", i);
      g_autofree char *name = NULL;

      if (!_li_read_string (json_array_get_element (array, i), path, &name, error))
        return FALSE;
      g_strv_builder_add (builder, name);
    }
  map->columns = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
_li_read_format (JsonObject  *root,
                 GError     **error)
{
  JsonNode *node;

  if ((node = json_object_get_member (root, "format")) == NULL)
    return _li_map_fail (error, "format", _("required (\"%s\")"), LI_CSV_MAP_FORMAT);
  if (!_li_is_string (node) || strcmp (json_node_get_string (node), LI_CSV_MAP_FORMAT) != 0)
    return _li_map_fail (error, "format", _("expected \"%s\""), LI_CSV_MAP_FORMAT);
  if ((node = json_object_get_member (root, "format_version")) == NULL)
    return _li_map_fail (error, "format_version", _("required (%d)"), LI_CSV_MAP_VERSION);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return _li_map_fail (error, "format_version", _("expected an integer, not %s"),
                         _li_node_kind (node));
  if (json_node_get_int (node) != LI_CSV_MAP_VERSION)
    return _li_map_fail (error, "format_version",
                         _("unsupported version %" PRId64 " (this version reads %d)"),
                         json_node_get_int (node), LI_CSV_MAP_VERSION);
  return TRUE;
}

static gboolean
_li_read_map (JsonNode    *root_node,
              LiCsvMap    *map,
              GError     **error)
{
  JsonObject *root;
  JsonNode *node;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return _li_map_fail (error, NULL, _("expected a JSON object, not %s"), _li_node_kind (root_node));
  root = json_node_get_object (root_node);

  if (!_li_check_keys (root, NULL, top_keys, error) || !_li_read_format (root, error))
    return FALSE;

  if ((node = json_object_get_member (root, "lead_id")) != NULL &&
      !_li_read_string (node, "lead_id", &map->lead_id, error))
    return FALSE;
  if ((node = json_object_get_member (root, "timestamp")) != NULL &&
      !_li_read_timestamp (node, map, error))
    return FALSE;
  if (map->time_column == NULL && node == NULL)
    return _li_map_fail (error, "timestamp", _("required"));
  if ((node = json_object_get_member (root, "event")) != NULL &&
      !_li_read_string (node, "event", &map->event, error))
    return FALSE;
  if ((node = json_object_get_member (root, "events")) != NULL &&
      !_li_read_events (node, map, error))
    return FALSE;
  if ((node = json_object_get_member (root, "properties")) != NULL &&
      !_li_read_properties (node, map, error))
    return FALSE;
  if ((node = json_object_get_member (root, "keep_other_columns")) != NULL &&
      !_li_read_bool (node, "keep_other_columns", &map->keep_other_columns, error))
    return FALSE;
  if ((node = json_object_get_member (root, "header")) != NULL &&
      !_li_read_bool (node, "header", &map->header, error))
    return FALSE;
  if ((node = json_object_get_member (root, "columns")) != NULL &&
      !_li_read_columns (node, map, error))
    return FALSE;

  return li_csv_map_check (map, error);
}

LiCsvMap *
li_csv_map_from_data (const char  *data,
                      gssize       len,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LiCsvMap) map = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = NULL;
  guint line, column;

  g_return_val_if_fail (data != NULL || len <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (len < 0)
    len = (gssize) strlen (data);
  if ((gsize) len > LI_CSV_MAP_MAX_SIZE)
    return (_li_map_fail (error, NULL, _("larger than %d MiB"), LI_CSV_MAP_MAX_SIZE >> 20), NULL);

  if (!li_json_check (data, (gsize) len, LI_CSV_MAP_MAX_DEPTH, &line, &column, &reason))
    return (_li_map_fail (error, NULL, _("line %u, column %u: %s"), line, column, reason), NULL);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    return (_li_map_fail (error, NULL, "%s", local_error->message), NULL);

  map = li_csv_map_new ();
  if (!_li_read_map (json_parser_get_root (parser), map, error))
    return NULL;
  return g_steal_pointer (&map);
}

/* At most LI_CSV_MAP_MAX_SIZE + 1 bytes, so /dev/zero cannot exhaust memory. */
static char *
_li_read_bounded (const char  *path,
                  gsize       *len,
                  GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 chunk[16 * 1024];
  gssize n;
  int fd, errsv;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    goto fail;
  while (bytes->len <= LI_CSV_MAP_MAX_SIZE && (n = read (fd, chunk, sizeof chunk)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          errsv = errno;
          g_close (fd, NULL);
          errno = errsv;
          goto fail;
        }
      g_byte_array_append (bytes, chunk, (guint) n);
    }
  g_close (fd, NULL);
  *len = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);

fail:
  errsv = errno;
  g_set_error_literal (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO, g_strerror (errsv));
  return NULL;
}

LiCsvMap *
li_csv_map_from_file (const char  *path,
                      GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  LiCsvMap *map;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = _li_read_bounded (path, &len, error);
  map = data != NULL ? li_csv_map_from_data (data, (gssize) len, error) : NULL;
  if (map == NULL)
    {
      name = g_filename_display_name (path);
      g_prefix_error (error, "%s: ", name);
    }
  return map;
}

/* Writing */

static void
_li_add_string (JsonBuilder *b,
                const char  *key,
                const char  *value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

static void
_li_add_pairs (JsonBuilder     *b,
               const char      *key,
               const GPtrArray *from,
               const GPtrArray *to)
{
  json_builder_set_member_name (b, key);
  json_builder_begin_object (b);
  for (guint i = 0; i < from->len; i++)
    {
      json_builder_set_member_name (b, from->pdata[i]);
      if (to->pdata[i] != NULL)
        json_builder_add_string_value (b, to->pdata[i]);
      else
        json_builder_add_null_value (b);
    }
  json_builder_end_object (b);
}

static void
_li_add_timestamp (JsonBuilder    *b,
                   const LiCsvMap *map)
{
  json_builder_set_member_name (b, "timestamp");
  json_builder_begin_object (b);
  _li_add_string (b, "column", map->time_column != NULL ? map->time_column : "");
  _li_add_string (b, "unit", li_time_unit_to_string (map->time_unit));
  if (map->time_pattern != NULL)
    _li_add_string (b, "pattern", map->time_pattern);
  json_builder_end_object (b);
}

char *
li_csv_map_to_data (const LiCsvMap *map)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (map != NULL, NULL);

  json_builder_begin_object (b);
  _li_add_string (b, "format", LI_CSV_MAP_FORMAT);
  json_builder_set_member_name (b, "format_version");
  json_builder_add_int_value (b, LI_CSV_MAP_VERSION);
  _li_add_string (b, "lead_id", map->lead_id != NULL ? map->lead_id : "");
  _li_add_timestamp (b, map);
  _li_add_string (b, "event", map->event != NULL ? map->event : "");
  _li_add_pairs (b, "events", map->event_from, map->event_to);
  _li_add_pairs (b, "properties", map->prop_columns, map->prop_names);
  json_builder_set_member_name (b, "keep_other_columns");
  json_builder_add_boolean_value (b, map->keep_other_columns);
  json_builder_set_member_name (b, "header");
  json_builder_add_boolean_value (b, map->header);
  if (map->columns != NULL)
    {
      json_builder_set_member_name (b, "columns");
      json_builder_begin_array (b);
      for (guint i = 0; map->columns[i] != NULL; i++)
        json_builder_add_string_value (b, map->columns[i]);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  text = li_json_to_string (root, TRUE);
  return g_strconcat (text, "\n", NULL);
}

gboolean
li_csv_map_save (const LiCsvMap  *map,
                 const char      *path,
                 GError         **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (map != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!li_csv_map_check (map, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv), "%s: %s",
                   dir, g_strerror (errsv));
      return FALSE;
    }
  data = li_csv_map_to_data (map);
  /* a temporary file renamed over @path: readers see the old or the new file */
  return g_file_set_contents_full (path, data, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}
