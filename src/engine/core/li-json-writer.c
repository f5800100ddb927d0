/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-json-writer.c: JSON text as rule files and reports are written. */

#include "config.h"

#include "li-json-writer.h"
#include "li-number.h"

#include <math.h>
#include <string.h>

static void
_li_json_write_string (GString    *out,
                       const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
_li_json_write_newline (GString *out,
                        gboolean pretty,
                        guint    depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
_li_json_write (GString  *out,
                JsonNode *node,
                gboolean  pretty,
                guint     depth)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        GList *members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            _li_json_write_newline (out, pretty, depth + 1);
            _li_json_write_string (out, l->data);
            g_string_append (out, ": ");
            _li_json_write (out, json_object_get_member (object, l->data), pretty, depth + 1);
            if (l->next != NULL)
              g_string_append (out, pretty ? "," : ", ");
          }
        _li_json_write_newline (out, pretty, depth);
        g_string_append_c (out, '}');
        g_list_free (members);
        break;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            _li_json_write_newline (out, pretty, depth + 1);
            _li_json_write (out, json_array_get_element (array, i), pretty, depth + 1);
            if (i + 1 < n)
              g_string_append (out, pretty ? "," : ", ");
          }
        _li_json_write_newline (out, pretty, depth);
        g_string_append_c (out, ']');
        break;
      }

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          {
            double value = json_node_get_double (node);

            if (isfinite (value))
              {
                g_autofree char *text = li_format_number (value);

                g_string_append (out, text);
              }
            else
              g_string_append (out, "null");  /* JSON has no inf or nan */
            break;
          }
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          _li_json_write_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
li_json_to_string (JsonNode *node,
                   gboolean  pretty)
{
  GString *out = g_string_new (NULL);

  if (node != NULL)
    _li_json_write (out, node, pretty, 0);
  else
    g_string_append (out, "null");
  return g_string_free (out, FALSE);
}
