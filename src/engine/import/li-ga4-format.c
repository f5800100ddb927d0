/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-ga4-format.c: the GA4 BigQuery export (SPEC 2.1, ga4), one row per
 * line: the lead, the time in microseconds (a JSON string or number), the
 * event name mapped onto the canonical ones, the first item, geo and device,
 * and the typed values of event_params and user_properties. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-ga4-format.h"

#include <string.h>

typedef struct
{
  const char *from;
  const char *to;
} LiGa4Name;

static const LiGa4Name ga4_names[] = {
  { "view_item", "product_view" },
  { "view_item_list", "category_view" },
  { "view_cart", "cart_view" },
  { "begin_checkout", "checkout_start" },
  { "add_shipping_info", "shipping_info" },
  { "add_payment_info", "payment_info" },
  { "generate_lead", "lead_form" },
};

/* The range of li-time.c: the years 0001 to 9999 UTC, in milliseconds. */
#define MIN_TIME_MS (G_GINT64_CONSTANT (-62135596800) * 1000)
#define MAX_TIME_MS (G_GINT64_CONSTANT (253402300799) * 1000 + 999)

#define KEY(s) s, sizeof s - 1

gboolean
_li_ga4_detect (const LiJsonLines *reader)
{
  return li_json_lines_member (reader, 0, "event_name") >= 0 &&
         li_json_lines_member (reader, 0, "event_timestamp") >= 0;
}

/* Integer microseconds, as a string or a number, into milliseconds (floor). */
static gboolean
_li_ga4_time (const LiJsonNode *n,
              gint64           *time_ms)
{
  const char *p = n->text;
  const char *end = n->text + n->len;
  gboolean negative = FALSE;
  guint64 v = 0;
  gint64 us;

  if (n->type != LI_JSON_STRING && n->type != LI_JSON_NUMBER)
    return FALSE;
  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (p == end || end - p > 19)
    return FALSE;
  for (; p < end; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (guint64) (*p - '0');
    }
  if (v > (guint64) G_MAXINT64)
    return FALSE;
  us = negative ? -(gint64) v : (gint64) v;
  *time_ms = us >= 0 ? us / 1000 : -((-us + 999) / 1000);
  return *time_ms >= MIN_TIME_MS && *time_ms <= MAX_TIME_MS;
}

/* The typed value of a GA4 parameter {"key": …, "value": {"string_value":
 * …, "int_value": …, "double_value": …, "float_value": …}}: the first that
 * is not null, or -1. */
static int
_li_ga4_param_value (const LiJsonLines *reader,
                     int                value)
{
  static const char * const typed[] = {
    "string_value", "int_value", "double_value", "float_value",
  };
  const LiJsonNode *nodes = li_json_lines_get_nodes (reader);

  if (value < 0 || nodes[value].type != LI_JSON_OBJECT)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      int v = li_json_lines_member (reader, (guint) value, typed[i]);

      if (v >= 0 && nodes[v].type != LI_JSON_NULL)
        return v;
    }
  return -1;
}

/* Every parameter of array @params as a property named by its key, where
 * none of that name is set yet. */
static gboolean
_li_ga4_params (LiJsonEvent  *ev,
                int           params,
                GError      **error)
{
  const LiJsonLines *reader = ev->reader;
  const LiJsonNode *nodes = li_json_lines_get_nodes (reader);

  if (params < 0 || nodes[params].type != LI_JSON_ARRAY)
    return TRUE;
  for (guint i = (guint) params + 1; i < nodes[params].end; i = nodes[i].end)
    {
      int key, value;

      if (nodes[i].type != LI_JSON_OBJECT)
        continue;
      key = li_json_lines_member (reader, i, "key");
      if (key < 0 || nodes[key].type != LI_JSON_STRING)
        continue;
      value = _li_ga4_param_value (reader, li_json_lines_member (reader, i, "value"));
      if (value < 0)
        continue;
      if (!_li_json_event_set_node (ev, nodes[key].text, nodes[key].len, value, FALSE, error))
        return FALSE;
      /* The session of GA4 is the canonical session_id too. */
      if (nodes[key].len == strlen ("ga_session_id") &&
          memcmp (nodes[key].text, "ga_session_id", nodes[key].len) == 0 &&
          !_li_json_event_set_node (ev, KEY ("session_id"), value, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
_li_ga4_field (LiJsonEvent  *ev,
               int           obj,
               const char   *field,
               const char   *key,
               gsize         key_len,
               GError      **error)
{
  if (obj < 0 || li_json_lines_get_nodes (ev->reader)[obj].type != LI_JSON_OBJECT)
    return TRUE;
  return _li_json_event_set_node (ev, key, key_len,
                                  li_json_lines_member (ev->reader, (guint) obj, field),
                                  TRUE, error);
}

gboolean
_li_ga4_add_row (LiJsonEvent  *ev,
                 GError      **error)
{
  const LiJsonLines *reader = ev->reader;
  const LiJsonNode *nodes = li_json_lines_get_nodes (reader);
  guint64 line = li_json_lines_get_line (reader);
  int name = -1, stamp = -1, user = -1, pseudo = -1, items = -1, geo = -1, device = -1;
  int params = -1, user_props = -1, item = -1;
  const char *lead, *event;
  gsize lead_len, event_len;
  gint64 time_ms;

  /* One pass over the members; of duplicate keys the last counts. */
  for (guint i = 1; i < nodes[0].end; i = nodes[i].end)
    {
      const char *k = nodes[i].key;
      guint32 k_len = nodes[i].key_len;

#define IS(word) (k_len == sizeof word - 1 && memcmp (k, word, sizeof word - 1) == 0)
      if (IS ("event_name"))
        name = (int) i;
      else if (IS ("event_timestamp"))
        stamp = (int) i;
      else if (IS ("user_id"))
        user = (int) i;
      else if (IS ("user_pseudo_id"))
        pseudo = (int) i;
      else if (IS ("items"))
        items = (int) i;
      else if (IS ("geo"))
        geo = (int) i;
      else if (IS ("device"))
        device = (int) i;
      else if (IS ("event_params"))
        params = (int) i;
      else if (IS ("user_properties"))
        user_props = (int) i;
#undef IS
    }

  if (name < 0 || nodes[name].type != LI_JSON_STRING)
    return _li_import_sink_bad_row (ev->sink, line, error, N_("no event_name"));
  if (nodes[name].len == 0)
    return _li_import_sink_bad_row (ev->sink, line, error, N_("empty event_name"));

  if ((!_li_json_event_text (ev, user, &lead, &lead_len) ||
       lead_len == 0) &&
      (!_li_json_event_text (ev, pseudo,
                             &lead, &lead_len) ||
       lead_len == 0))
    return _li_import_sink_bad_row (ev->sink, line, error, N_("no user_id or user_pseudo_id"));

  if (stamp < 0 || nodes[stamp].type == LI_JSON_NULL)
    return _li_import_sink_bad_row (ev->sink, line, error, N_("no event_timestamp"));
  if (!_li_ga4_time (&nodes[stamp], &time_ms))
    {
      g_autofree char *shown = NULL;

      if (_li_import_sink_count_only (ev->sink))
        return TRUE;
      shown = _li_json_event_shown (ev, stamp);
      return _li_import_sink_bad_row (ev->sink, line, error, N_("bad event_timestamp %s"), shown);
    }

  event = nodes[name].text;
  event_len = nodes[name].len;
  for (guint i = 0; i < G_N_ELEMENTS (ga4_names); i++)
    if (strlen (ga4_names[i].from) == event_len &&
        memcmp (ga4_names[i].from, event, event_len) == 0)
      {
        event = ga4_names[i].to;
        event_len = strlen (event);
        break;
      }

  /* The mapped fields of SPEC 2.1 first: they win over parameters. */
  if (items >= 0 && nodes[items].type == LI_JSON_ARRAY && nodes[items].end > (guint) items + 1)
    item = items + 1;
  if (!_li_ga4_field (ev, item, "item_id", KEY ("product_id"), error) ||
      !_li_ga4_field (ev, item, "item_category", KEY ("category"), error) ||
      !_li_ga4_field (ev, item, "item_variant", KEY ("variant"), error) ||
      !_li_ga4_field (ev, item, "price", KEY ("price"), error) ||
      !_li_ga4_field (ev, geo, "country", KEY ("country"), error) ||
      !_li_ga4_field (ev, geo, "region", KEY ("region"), error) ||
      !_li_ga4_field (ev, device, "category", KEY ("device"), error) ||
      !_li_ga4_params (ev, params, error) ||
      !_li_ga4_params (ev, user_props, error))
    return FALSE;

  return _li_json_event_add (ev, lead, lead_len, time_ms, event, event_len, error);
}
