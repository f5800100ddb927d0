/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A strict, streaming reader of JSON lines: one JSON object per line, blank
 * lines skipped, an optional UTF-8 byte order mark.  Each line is validated
 * completely (RFC 8259 grammar, UTF-8, no lone surrogates, no U+0000, numbers
 * within the doubles, nesting at most LI_JSON_MAX_DEPTH) and parsed into a
 * flat array of nodes in document order that is reused from line to line, so
 * that a line costs no allocation.  A line that is not valid is a bad line:
 * the reader says why and at which column, and goes on with the next one.
 *
 * Of duplicate keys in one object the last one counts
 * (li_json_lines_member ()). */

#define LI_JSON_LINES_ERROR (li_json_lines_error_quark ())

typedef enum
{
  LI_JSON_LINES_ERROR_TOO_LONG,  /* a line over max_line bytes */
} LiJsonLinesError;

typedef enum
{
  LI_JSON_LINES_OBJECT,  /* an object is available */
  LI_JSON_LINES_BAD,     /* the line is not a valid JSON object */
  LI_JSON_LINES_END,
  LI_JSON_LINES_FAILED,   /* see the GError; li_json_lines_get_line () says where */
} LiJsonLinesResult;

#define LI_JSON_MAX_DEPTH             64
#define LI_JSON_MAX_NODES             (256 * 1024)
#define LI_JSON_LINES_DEFAULT_MAX_LINE (16 * 1024 * 1024)

typedef enum
{
  LI_JSON_NULL,
  LI_JSON_FALSE,
  LI_JSON_TRUE,
  LI_JSON_NUMBER,
  LI_JSON_STRING,
  LI_JSON_OBJECT,
  LI_JSON_ARRAY,
} LiJsonType;

/* One value.  Its children (of an object or array) follow it; @end is the
 * index past its subtree, so the next sibling of node i is node end.  A
 * member of an object has its key; text is a string's decoded value or a
 * number's text as written; neither is NUL-terminated. */
typedef struct
{
  guint32     type;
  guint32     end;
  const char *key;
  const char *text;
  guint32     key_len;
  guint32     len;
} LiJsonNode;

typedef struct _LiJsonLines LiJsonLines;

GQuark             li_json_lines_error_quark (void);

LiJsonLines       *li_json_lines_new          (GInputStream  *stream);
void               li_json_lines_free         (LiJsonLines   *reader);
void               li_json_lines_set_max_line (LiJsonLines   *reader,
                                               gsize          max_line);
LiJsonLinesResult  li_json_lines_next         (LiJsonLines   *reader,
                                               GCancellable  *cancellable,
                                               GError       **error);
/* The nodes of the current object; node 0 is the object. */
const LiJsonNode  *li_json_lines_get_nodes    (const LiJsonLines *reader);
/* The 1-based line of the current (or failing) line. */
guint64            li_json_lines_get_line     (const LiJsonLines *reader);
/* For a bad line: the reason (untranslated, N_()) and the 1-based byte
 * column where it was found, 0 for the whole line (invalid UTF-8). */
const char        *li_json_lines_get_bad      (const LiJsonLines *reader,
                                               guint64           *column);
guint64            li_json_lines_get_bytes_consumed (const LiJsonLines *reader);

/* The member @key of object node @obj (the last one of that key), or -1. */
int                li_json_lines_member       (const LiJsonLines *reader,
                                               guint              obj,
                                               const char        *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiJsonLines, li_json_lines_free)

G_END_DECLS
