/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-json-event.c: what the JSON formats (ga4, segment) share: JSON values
 * as property text, an event's properties collected once per key, and the
 * loop over the lines of one file with format detection, bad rows and
 * progress. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "li-json-event.h"
#include "li-ga4-format.h"
#include "li-number.h"
#include "li-segment-format.h"

#include <string.h>

/* How often progress is reported, in bytes of input. */
#define PROGRESS_STEP (1024 * 1024)

/* Whether number @t (valid JSON) is in its shortest round-trip form once
 * trailing zeros of its fraction are cut, and that form is what
 * li_format_number () writes: no exponent, at most 15 digits, not below 0.1
 * unless integral, not zero.  Then *@out_len is the length of that form. */
static gboolean
_li_json_number_plain (const char *t,
                       gsize       n,
                       gsize      *out_len)
{
  gsize i = t[0] == '-' ? 1 : 0;
  gsize int_start = i, int_len, dot, end;

  while (i < n && g_ascii_isdigit (t[i]))
    i++;
  int_len = i - int_start;
  if (i == n)
    {
      /* -0 is written 0. */
      if (int_len > 15 || (t[int_start] == '0' && int_start > 0))
        return FALSE;
      *out_len = n;
      return TRUE;
    }
  if (t[i] != '.')
    return FALSE;
  dot = i++;
  while (i < n && g_ascii_isdigit (t[i]))
    i++;
  if (i != n)
    return FALSE;
  end = n;
  while (end > dot + 1 && t[end - 1] == '0')
    end--;
  if (t[int_start] == '0' && (end == dot + 1 || t[dot + 1] == '0'))
    return FALSE;
  if (end == dot + 1)
    end = dot;
  if (int_len + (end > dot ? end - dot - 1 : 0) > 15)
    return FALSE;
  *out_len = end;
  return TRUE;
}

gboolean
_li_json_event_text (LiJsonEvent  *ev,
                     int           node,
                     const char  **text,
                     gsize        *len)
{
  const LiJsonNode *n;

  if (node < 0)
    return FALSE;
  n = &li_json_lines_get_nodes (ev->reader)[node];
  switch (n->type)
    {
    case LI_JSON_STRING:
      *text = n->text;
      *len = n->len;
      return TRUE;
    case LI_JSON_TRUE:
      *text = "true";
      *len = 4;
      return TRUE;
    case LI_JSON_FALSE:
      *text = "false";
      *len = 5;
      return TRUE;
    case LI_JSON_NUMBER:
      {
        g_autofree char *copy = NULL;
        char *formatted;

        if (_li_json_number_plain (n->text, n->len, len))
          {
            *text = n->text;
            return TRUE;
          }
        copy = g_strndup (n->text, n->len);
        formatted = li_format_number (g_ascii_strtod (copy, NULL));
        g_ptr_array_add (ev->owned, formatted);
        *text = formatted;
        *len = strlen (formatted);
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static gboolean
_li_json_event_set (LiJsonEvent  *ev,
                    const char   *key,
                    gsize         key_len,
                    const char   *value,
                    gsize         len,
                    gboolean      replace,
                    GError      **error)
{
  LiJsonProp prop;

  if (key_len == 0 || len == 0)
    return TRUE;
  if (key_len <= sizeof ev->keys[0].key)
    {
      guint slot = ((guint) key_len * 31 + (guchar) key[0] + (guchar) key[key_len - 1] * 7) %
                   G_N_ELEMENTS (ev->keys);

      if (ev->keys[slot].len == key_len && memcmp (ev->keys[slot].key, key, key_len) == 0)
        prop.key = ev->keys[slot].id;
      else
        {
          if (!li_event_store_builder_intern_key (ev->sink->builder, key, key_len, &prop.key, error))
            return FALSE;
          ev->keys[slot].id = prop.key;
          ev->keys[slot].len = (guint8) key_len;
          memcpy (ev->keys[slot].key, key, key_len);
        }
    }
  else if (!li_event_store_builder_intern_key (ev->sink->builder, key, key_len, &prop.key, error))
    return FALSE;
  prop.value = value;
  prop.len = len;
  for (guint i = 0; i < ev->props->len; i++)
    {
      LiJsonProp *p = &g_array_index (ev->props, LiJsonProp, i);

      if (p->key == prop.key)
        {
          if (replace)
            *p = prop;
          return TRUE;
        }
    }
  g_array_append_val (ev->props, prop);
  return TRUE;
}

gboolean
_li_json_event_set_node (LiJsonEvent  *ev,
                         const char   *key,
                         gsize         key_len,
                         int           node,
                         gboolean      replace,
                         GError      **error)
{
  const char *text;
  gsize len;

  if (!_li_json_event_text (ev, node, &text, &len))
    return TRUE;
  return _li_json_event_set (ev, key, key_len, text, len, replace, error);
}

gboolean
_li_json_event_set_members (LiJsonEvent  *ev,
                            int           obj,
                            gboolean      replace,
                            GError      **error)
{
  const LiJsonNode *nodes = li_json_lines_get_nodes (ev->reader);

  if (obj < 0 || nodes[obj].type != LI_JSON_OBJECT)
    return TRUE;
  for (guint i = (guint) obj + 1; i < nodes[obj].end; i = nodes[i].end)
    if (!_li_json_event_set_node (ev, nodes[i].key, nodes[i].key_len, (int) i, replace, error))
      return FALSE;
  return TRUE;
}

gboolean
_li_json_event_add (LiJsonEvent  *ev,
                    const char   *lead,
                    gsize         lead_len,
                    gint64        time_ms,
                    const char   *name,
                    gsize         name_len,
                    GError      **error)
{
  LiEventStoreBuilder *builder = ev->sink->builder;

  if (!li_event_store_builder_add_event (builder, lead, lead_len, time_ms, name, name_len, error))
    return FALSE;
  for (guint i = 0; i < ev->props->len; i++)
    {
      LiJsonProp *p = &g_array_index (ev->props, LiJsonProp, i);

      if (!li_event_store_builder_add_prop_id (builder, p->key, p->value, p->len, error))
        return FALSE;
    }
  return TRUE;
}

char *
_li_json_event_shown (LiJsonEvent *ev,
                      int          node)
{
  GString *shown = g_string_new (NULL);
  const LiJsonNode *n = &li_json_lines_get_nodes (ev->reader)[node];

  if (n->type == LI_JSON_STRING || n->type == LI_JSON_NUMBER)
    _li_append_shown (shown, n->text, n->len, LI_IMPORT_MAX_SHOWN_VALUE,
                      n->type == LI_JSON_STRING);
  else
    g_string_append (shown, n->type == LI_JSON_OBJECT ? "{…}" :
                            n->type == LI_JSON_ARRAY ? "[…]" :
                            n->type == LI_JSON_NULL ? "null" :
                            n->type == LI_JSON_TRUE ? "true" : "false");
  return g_string_free (shown, FALSE);
}

static gboolean
_li_json_bad_line (LiImportSink  *sink,
                   LiJsonLines   *reader,
                   GError       **error)
{
  guint64 column;
  const char *bad = li_json_lines_get_bad (reader, &column);

  if (_li_import_sink_count_only (sink))
    return TRUE;
  if (column == 0)
    return _li_import_sink_bad_row (sink, li_json_lines_get_line (reader), error, "%s", _(bad));
  return _li_import_sink_bad_row (sink, li_json_lines_get_line (reader), error,
                                  N_("invalid JSON at column %" PRIu64 ": %s"), column, _(bad));
}

gboolean
_li_import_json_file (LiImportSink   *sink,
                      LiImportInput  *input,
                      LiFormat        format,
                      GError        **error)
{
  g_autoptr(LiJsonLines) reader = li_json_lines_new (input->stream);
  g_autoptr(GArray) props = g_array_new (FALSE, FALSE, sizeof (LiJsonProp));
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  LiJsonEvent ev = { sink, reader, props, owned, { { 0, 0, { 0, } }, } };
  GError *local_error = NULL;
  LiJsonLinesResult r;
  guint64 next_progress = PROGRESS_STEP;
  gboolean any = FALSE;

  if (format != LI_FORMAT_AUTO)
    g_ptr_array_add (sink->formats, g_strdup (li_format_to_string (format)));

  while ((r = li_json_lines_next (reader, sink->cancellable, &local_error)) != LI_JSON_LINES_END)
    {
      gboolean ok;

      if (r == LI_JSON_LINES_FAILED)
        {
          if (local_error->domain == LI_JSON_LINES_ERROR)
            {
              g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_LIMIT,
                           "%s:%" G_GUINT64_FORMAT ": %s", sink->file_name,
                           li_json_lines_get_line (reader), local_error->message);
              g_error_free (local_error);
              return FALSE;
            }
          return _li_import_input_read_error (input, li_json_lines_get_line (reader),
                                              local_error, error);
        }
      any = TRUE;
      if (r == LI_JSON_LINES_BAD)
        {
          if (!_li_json_bad_line (sink, reader, error))
            return FALSE;
          continue;
        }

      if (format == LI_FORMAT_AUTO)
        {
          if (_li_ga4_detect (reader))
            format = LI_FORMAT_GA4;
          else if (_li_segment_detect (reader))
            format = LI_FORMAT_SEGMENT;
          else
            {
              g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                           _("%s:%" PRIu64 ": unknown JSON format (neither ga4, with event_name "
                             "and event_timestamp, nor segment, with type)"),
                           sink->file_name, li_json_lines_get_line (reader));
              return FALSE;
            }
          g_ptr_array_add (sink->formats, g_strdup (li_format_to_string (format)));
        }

      g_array_set_size (props, 0);
      g_ptr_array_set_size (owned, 0);
      if (format == LI_FORMAT_GA4)
        ok = _li_ga4_add_row (&ev, &local_error);
      else
        ok = _li_segment_add_row (&ev, &local_error);
      if (!ok)
        {
          /* A limit of the store: where it was reached. */
          if (local_error != NULL && local_error->code == LI_IMPORT_ERROR_LIMIT)
            g_prefix_error (&local_error, "%s:%" G_GUINT64_FORMAT ": ",
                            sink->file_name, li_json_lines_get_line (reader));
          g_propagate_error (error, local_error);
          return FALSE;
        }

      if (G_UNLIKELY (li_json_lines_get_bytes_consumed (reader) >= next_progress))
        {
          _li_import_sink_progress (sink, sink->done_files +
                                          _li_import_input_position_at (input,
                                            li_json_lines_get_bytes_consumed (reader)));
          next_progress = li_json_lines_get_bytes_consumed (reader) + PROGRESS_STEP;
        }
    }

  if (!any)
    {
      g_set_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_FORMAT,
                   _("%s: empty file"), sink->file_name);
      return FALSE;
    }
  if (format == LI_FORMAT_AUTO)
    g_ptr_array_add (sink->formats, g_strdup ("json"));

  sink->done_files += _li_import_input_position_at (input,
                                                    li_json_lines_get_bytes_consumed (reader));
  return TRUE;
}
