/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-segment-format.c: Segment and RudderStack calls (SPEC 2.1, segment),
 * one per line: track calls with the ecommerce spec's names mapped, page and
 * screen calls as page_view, identify calls as an event `identify` whose
 * properties are the traits.  Other calls (group, alias, …) are skipped and
 * counted. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-segment-format.h"
#include "li-time.h"

#include <string.h>

typedef struct
{
  const char *from;
  const char *to;
} LiSegmentName;

static const LiSegmentName segment_names[] = {
  { "Product Viewed", "product_view" },
  { "Product Added", "add_to_cart" },
  { "Product Removed", "remove_from_cart" },
  { "Cart Viewed", "cart_view" },
  { "Checkout Started", "checkout_start" },
  { "Payment Info Entered", "payment_info" },
  { "Order Completed", "purchase" },
  { "Products Searched", "search" },
  { "Product List Viewed", "category_view" },
  { "Email Link Clicked", "email_click" },
  { "Email Opened", "email_open" },
};

typedef enum
{
  CALL_TRACK,
  CALL_PAGE,
  CALL_IDENTIFY,
  CALL_OTHER,
} LiSegmentCall;

gboolean
_li_segment_detect (const LiJsonLines *reader)
{
  return li_json_lines_member (reader, 0, "type") >= 0;
}

static gboolean
_li_segment_is (const LiJsonNode *n,
                const char       *word)
{
  return n->len == strlen (word) && memcmp (n->text, word, n->len) == 0;
}

gboolean
_li_segment_add_row (LiJsonEvent  *ev,
                     GError      **error)
{
  const LiJsonLines *reader = ev->reader;
  const LiJsonNode *nodes = li_json_lines_get_nodes (reader);
  guint64 line = li_json_lines_get_line (reader);
  int type = li_json_lines_member (reader, 0, "type");
  int stamp, props;
  LiSegmentCall call;
  const char *lead, *event = NULL;
  gsize lead_len, event_len = 0;
  gint64 time_ms;

  if (type < 0 || nodes[type].type != LI_JSON_STRING)
    return _li_import_sink_bad_row (ev->sink, line, error, N_("no type"));
  if (_li_segment_is (&nodes[type], "track"))
    call = CALL_TRACK;
  else if (_li_segment_is (&nodes[type], "page") || _li_segment_is (&nodes[type], "screen"))
    call = CALL_PAGE;
  else if (_li_segment_is (&nodes[type], "identify"))
    call = CALL_IDENTIFY;
  else
    call = CALL_OTHER;

  if (call == CALL_OTHER)
    {
      ev->sink->n_ignored++;
      return TRUE;
    }

  if ((!_li_json_event_text (ev, li_json_lines_member (reader, 0, "userId"), &lead, &lead_len) ||
       lead_len == 0) &&
      (!_li_json_event_text (ev, li_json_lines_member (reader, 0, "anonymousId"),
                             &lead, &lead_len) ||
       lead_len == 0))
    return _li_import_sink_bad_row (ev->sink, line, error, N_("no userId or anonymousId"));

  /* timestamp, or when an export lacks it, the client's originalTimestamp. */
  stamp = li_json_lines_member (reader, 0, "timestamp");
  if (stamp < 0 || nodes[stamp].type == LI_JSON_NULL)
    stamp = li_json_lines_member (reader, 0, "originalTimestamp");
  if (stamp < 0 || nodes[stamp].type == LI_JSON_NULL)
    return _li_import_sink_bad_row (ev->sink, line, error, N_("no timestamp"));
  if (nodes[stamp].type != LI_JSON_STRING ||
      !li_time_parse (nodes[stamp].text, nodes[stamp].len, &time_ms))
    {
      g_autofree char *shown = NULL;

      if (_li_import_sink_count_only (ev->sink))
        return TRUE;
      shown = _li_json_event_shown (ev, stamp);
      return _li_import_sink_bad_row (ev->sink, line, error, N_("bad timestamp %s"), shown);
    }

  switch (call)
    {
    case CALL_TRACK:
      {
        int name = li_json_lines_member (reader, 0, "event");

        if (name < 0 || nodes[name].type != LI_JSON_STRING || nodes[name].len == 0)
          return _li_import_sink_bad_row (ev->sink, line, error, N_("no event in a track call"));
        event = nodes[name].text;
        event_len = nodes[name].len;
        for (guint i = 0; i < G_N_ELEMENTS (segment_names); i++)
          if (_li_segment_is (&nodes[name], segment_names[i].from))
            {
              event = segment_names[i].to;
              event_len = strlen (event);
              break;
            }
        props = li_json_lines_member (reader, 0, "properties");
        break;
      }
    case CALL_PAGE:
      event = "page_view";
      event_len = strlen (event);
      props = li_json_lines_member (reader, 0, "properties");
      break;
    case CALL_IDENTIFY:
    default:
      event = "identify";
      event_len = strlen (event);
      props = li_json_lines_member (reader, 0, "traits");
      if (props < 0 || nodes[props].type != LI_JSON_OBJECT)
        {
          int context = li_json_lines_member (reader, 0, "context");

          /* Some libraries send the traits in the context. */
          props = context >= 0 ? li_json_lines_member (reader, (guint) context, "traits") : -1;
        }
      break;
    }

  if (!_li_json_event_set_members (ev, props, TRUE, error))
    return FALSE;
  return _li_json_event_add (ev, lead, lead_len, time_ms, event, event_len, error);
}
