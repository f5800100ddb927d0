/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-import-input.h"
#include "li-import-sink.h"
#include "li-json-lines.h"

G_BEGIN_DECLS

typedef struct
{
  guint16     key;
  const char *value;
  gsize       len;
} LiJsonProp;

/* The event a JSON format builds from the current line: its properties are
 * collected first (each key once), then added with the event. */
typedef struct
{
  LiImportSink *sink;
  LiJsonLines  *reader;
  GArray       *props;  /* LiJsonProp */
  GPtrArray    *owned;  /* texts made for this event (formatted numbers) */
  struct
  {
    guint16 id;
    guint8  len;        /* 0: empty slot */
    char    key[31];
  }             keys[64];  /* recently interned keys */
} LiJsonEvent;

/* SPEC 2.1: a JSON value as property text: strings as they are, numbers in
 * their shortest round-trip form, true/false.  FALSE for null, objects and
 * arrays, which are not properties. */
gboolean _li_json_event_text     (LiJsonEvent  *ev,
                                  int           node,
                                  const char  **text,
                                  gsize        *len);
/* Sets property @key to the text of @node (when it has one); when the key is
 * set already, the new value wins only with @replace. */
gboolean _li_json_event_set_node (LiJsonEvent  *ev,
                                  const char   *key,
                                  gsize         key_len,
                                  int           node,
                                  gboolean      replace,
                                  GError      **error);
/* Every scalar member of object @obj as a property of its own name. */
gboolean _li_json_event_set_members (LiJsonEvent  *ev,
                                     int           obj,
                                     gboolean      replace,
                                     GError      **error);
/* Adds the event with the collected properties. */
gboolean _li_json_event_add      (LiJsonEvent  *ev,
                                  const char   *lead,
                                  gsize         lead_len,
                                  gint64        time_ms,
                                  const char   *name,
                                  gsize         name_len,
                                  GError      **error);
/* The value of @node as a bad row's reason shows it. */
char    *_li_json_event_shown    (LiJsonEvent  *ev,
                                  int           node);

/* Reads one JSON-lines file of @format (LI_FORMAT_AUTO: detected from the
 * first object) into the sink. */
gboolean _li_import_json_file    (LiImportSink   *sink,
                                  LiImportInput  *input,
                                  LiFormat        format,
                                  GError        **error);

G_END_DECLS
