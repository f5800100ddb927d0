/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules-json.c: JSON tree helpers of the rule file: deep copies, equality,
 * unknown keys and JSON paths. */

#include "config.h"

#include "li-rules-private.h"

#include "li-number.h"

#include <math.h>
#include <string.h>

gboolean
_li_key_in (const char        *key,
            const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (strcmp (key, keys[i]) == 0)
      return TRUE;
  return FALSE;
}

char *
_li_path_key (const char *parent,
              const char *key)
{
  if (parent == NULL || parent[0] == '\0')
    return g_strdup (key);
  return g_strconcat (parent, ".", key, NULL);
}

char *
_li_path_index (const char *parent,
                guint       i)
{
  return g_strdup_printf ("%s[%u]", parent, i);
}

JsonNode *
_li_node_new_number (double value)
{
  JsonNode *node = json_node_alloc ();

  if (li_number_is_integral (value) && fabs (value) < LI_NUMBER_MAX_EXACT_INT)
    return json_node_init_int (node, (gint64) value);
  return json_node_init_double (node, value);
}

JsonNode *
_li_node_new_string (const char *str)
{
  return json_node_init_string (json_node_alloc (), str);
}

/* json_node_copy () only takes a reference on objects and arrays: copy them. */
JsonObject *
_li_json_object_copy (JsonObject *object)
{
  JsonObject *copy;
  GList *members;

  if (object == NULL)
    return NULL;

  copy = json_object_new ();
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data,
                            _li_json_node_copy (json_object_get_member (object, l->data)));
  g_list_free (members);
  return copy;
}

JsonNode *
_li_json_node_copy (JsonNode *node)
{
  JsonNode *copy = json_node_alloc ();

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = _li_json_object_copy (json_node_get_object (node));

        json_node_init_object (copy, object);
        json_object_unref (object);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *src = json_node_get_array (node);
        guint n = json_array_get_length (src);
        JsonArray *dst = json_array_sized_new (n);

        for (guint i = 0; i < n; i++)
          json_array_add_element (dst, _li_json_node_copy (json_array_get_element (src, i)));
        json_node_init_array (copy, dst);
        json_array_unref (dst);
        return copy;
      }

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          return json_node_init_int (copy, json_node_get_int (node));
        case G_TYPE_DOUBLE:
          return json_node_init_double (copy, json_node_get_double (node));
        case G_TYPE_BOOLEAN:
          return json_node_init_boolean (copy, json_node_get_boolean (node));
        case G_TYPE_STRING:
          return json_node_init_string (copy, json_node_get_string (node));
        default:
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }

  return json_node_init_null (copy);
}

gboolean
_li_json_object_equal (JsonObject *a,
                       JsonObject *b)
{
  gboolean a_empty = a == NULL || json_object_get_size (a) == 0;
  gboolean b_empty = b == NULL || json_object_get_size (b) == 0;

  if (a_empty || b_empty)
    return a_empty == b_empty;
  return json_object_equal (a, b);
}

void
_li_extra_add (JsonObject **extra,
               const char  *key,
               JsonNode    *node)
{
  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, key, _li_json_node_copy (node));
}
