/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-json-lines.c: a strict, streaming reader of JSON lines (RFC 8259 per
 * line) into a flat node array reused from line to line.  json-glib builds a
 * tree of GObjects per object and reads about 60 000 GA4 objects a second;
 * this reader validates and indexes the same lines at over a million. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-json-lines.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE (1024 * 1024)

struct _LiJsonLines
{
  GInputStream *stream;
  char         *buf;
  gsize         cap;
  gsize         start;      /* of the unread data in buf */
  gsize         len;        /* bytes of buf in use */
  gboolean      eof;
  gboolean      failed;
  gboolean      first;      /* before the first line: a BOM is skipped */
  gsize         max_line;
  guint64       line;       /* of the current line */
  guint64       next_line;
  guint64       consumed;   /* stream bytes up to the end of the current line */

  LiJsonNode   *nodes;
  guint         n_nodes;
  guint         nodes_cap;
  char         *scratch;    /* decoded strings; at least as long as the line */
  gsize         scratch_cap;

  const char   *bad;        /* reason of a bad line */
  guint64       bad_column;
};

/* Parsing state of one line. */
typedef struct
{
  LiJsonLines *r;
  const char  *s;
  const char  *p;
  const char  *end;
  char        *out;         /* next free byte of scratch */
  const char  *bad;
  const char  *bad_at;
} LiJsonParse;

G_DEFINE_QUARK (li-json-lines-error-quark, li_json_lines_error)

static gboolean _li_json_value (LiJsonParse *j,
                                const char  *key,
                                guint32      key_len,
                                guint        depth);

static inline gboolean
_li_json_fail (LiJsonParse *j,
               const char  *at,
               const char  *reason)
{
  j->bad = reason;
  j->bad_at = at;
  return FALSE;
}

static inline void
_li_json_skip_blanks (LiJsonParse *j)
{
  while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
    j->p++;
}

static inline int
_li_json_hex (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
_li_json_hex4 (LiJsonParse *j,
               const char  *p,
               gunichar    *u)
{
  gunichar v = 0;

  if (j->end - p < 4)
    return _li_json_fail (j, p, N_("bad \\u escape"));
  for (guint i = 0; i < 4; i++)
    {
      int h = _li_json_hex (p[i]);

      if (h < 0)
        return _li_json_fail (j, p, N_("bad \\u escape"));
      v = v << 4 | (gunichar) h;
    }
  *u = v;
  return TRUE;
}

/* A string at j->p (the opening quote): its text, decoded into scratch when
 * it has escapes.  The line is valid UTF-8 already. */
static gboolean
_li_json_string (LiJsonParse  *j,
                 const char  **text,
                 guint32      *len)
{
  const char *start = ++j->p;
  const char *p = start;
  char *out;

  while (p < j->end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
    p++;
  if (G_LIKELY (p < j->end && *p == '"'))
    {
      *text = start;
      *len = (guint32) (p - start);
      j->p = p + 1;
      return TRUE;
    }

  out = j->out;
  memcpy (out, start, (gsize) (p - start));
  out += p - start;
  for (;;)
    {
      if (p >= j->end)
        return _li_json_fail (j, p, N_("unterminated string"));
      if (*p == '"')
        break;
      if ((guchar) *p < 0x20)
        return _li_json_fail (j, p, N_("control character in a string"));
      if (*p != '\\')
        {
          *out++ = *p++;
          continue;
        }
      if (p + 1 >= j->end)
        return _li_json_fail (j, p, N_("unterminated string"));
      switch (p[1])
        {
        case '"': *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '/': *out++ = '/'; break;
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'u':
          {
            gunichar u, lo;

            if (!_li_json_hex4 (j, p + 2, &u))
              return FALSE;
            if (u >= 0xdc00 && u <= 0xdfff)
              return _li_json_fail (j, p, N_("lone surrogate"));
            if (u >= 0xd800 && u <= 0xdbff)
              {
                if (j->end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
                    !_li_json_hex4 (j, p + 8, &lo) || lo < 0xdc00 || lo > 0xdfff)
                  return _li_json_fail (j, p, N_("lone surrogate"));
                u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                p += 6;
              }
            if (u == 0)
              return _li_json_fail (j, p, N_("\\u0000 in a string"));
            out += g_unichar_to_utf8 (u, out);
            p += 6;
            continue;
          }
        default:
          return _li_json_fail (j, p, N_("bad escape"));
        }
      p += 2;
    }
  *text = j->out;
  *len = (guint32) (out - j->out);
  j->out = out;
  j->p = p + 1;
  return TRUE;
}

static gboolean
_li_json_number (LiJsonParse *j)
{
  const char *start = j->p;
  const char *p = start;
  const char *digits;
  gboolean check = FALSE;

  if (p < j->end && *p == '-')
    p++;
  digits = p;
  if (p < j->end && *p == '0')
    p++;
  else if (p < j->end && *p >= '1' && *p <= '9')
    while (p < j->end && g_ascii_isdigit (*p))
      p++;
  else
    return _li_json_fail (j, start, N_("bad number"));
  if (p - digits > 308)
    check = TRUE;
  if (p < j->end && *p == '.')
    {
      p++;
      if (p >= j->end || !g_ascii_isdigit (*p))
        return _li_json_fail (j, start, N_("bad number"));
      while (p < j->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < j->end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < j->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= j->end || !g_ascii_isdigit (*p))
        return _li_json_fail (j, start, N_("bad number"));
      while (p < j->end && g_ascii_isdigit (*p))
        p++;
      check = TRUE;
    }
  if (check)
    {
      g_autofree char *copy = g_strndup (start, (gsize) (p - start));

      if (!isfinite (g_ascii_strtod (copy, NULL)))
        return _li_json_fail (j, start, N_("number out of range"));
    }
  j->p = p;
  return TRUE;
}

static LiJsonNode *
_li_json_node (LiJsonParse *j,
               LiJsonType   type,
               const char  *key,
               guint32      key_len,
               guint       *index)
{
  LiJsonLines *r = j->r;
  LiJsonNode *node;

  if (G_UNLIKELY (r->n_nodes >= r->nodes_cap))
    {
      if (r->nodes_cap >= LI_JSON_MAX_NODES)
        {
          _li_json_fail (j, j->p, N_("too many values in one line"));
          return NULL;
        }
      r->nodes_cap = MIN (MAX (r->nodes_cap * 2, 64), LI_JSON_MAX_NODES);
      r->nodes = g_renew (LiJsonNode, r->nodes, r->nodes_cap);
    }
  *index = r->n_nodes++;
  node = &r->nodes[*index];
  node->type = type;
  node->key = key;
  node->key_len = key_len;
  node->text = NULL;
  node->len = 0;
  return node;
}

static gboolean
_li_json_literal (LiJsonParse *j,
                  const char  *word,
                  gsize        len)
{
  if ((gsize) (j->end - j->p) < len || memcmp (j->p, word, len) != 0)
    return _li_json_fail (j, j->p, N_("unexpected character"));
  j->p += len;
  return TRUE;
}

static gboolean
_li_json_container (LiJsonParse *j,
                    gboolean     object,
                    guint        index,
                    guint        depth)
{
  char close = object ? '}' : ']';

  if (depth >= LI_JSON_MAX_DEPTH)
    return _li_json_fail (j, j->p, N_("nested too deeply"));
  j->p++;
  _li_json_skip_blanks (j);
  if (j->p < j->end && *j->p == close)
    {
      j->p++;
      j->r->nodes[index].end = j->r->n_nodes;
      return TRUE;
    }
  for (;;)
    {
      const char *key = NULL;
      guint32 key_len = 0;

      if (object)
        {
          if (j->p >= j->end || *j->p != '"')
            return _li_json_fail (j, j->p, N_("expected a key"));
          if (!_li_json_string (j, &key, &key_len))
            return FALSE;
          _li_json_skip_blanks (j);
          if (j->p >= j->end || *j->p != ':')
            return _li_json_fail (j, j->p, N_("expected ‘:’"));
          j->p++;
          _li_json_skip_blanks (j);
        }
      if (!_li_json_value (j, key, key_len, depth + 1))
        return FALSE;
      _li_json_skip_blanks (j);
      if (j->p < j->end && *j->p == ',')
        {
          j->p++;
          _li_json_skip_blanks (j);
          continue;
        }
      if (j->p < j->end && *j->p == close)
        {
          j->p++;
          break;
        }
      return _li_json_fail (j, j->p, object ? N_("expected ‘,’ or ‘}’")
                                            : N_("expected ‘,’ or ‘]’"));
    }
  j->r->nodes[index].end = j->r->n_nodes;
  return TRUE;
}

static gboolean
_li_json_value (LiJsonParse *j,
                const char  *key,
                guint32      key_len,
                guint        depth)
{
  LiJsonNode *node;
  const char *start = j->p;
  guint index;

  if (j->p >= j->end)
    return _li_json_fail (j, j->p, N_("unexpected end of line"));

  switch (*j->p)
    {
    case '{':
    case '[':
      if (_li_json_node (j, *j->p == '{' ? LI_JSON_OBJECT : LI_JSON_ARRAY,
                         key, key_len, &index) == NULL)
        return FALSE;
      return _li_json_container (j, *j->p == '{', index, depth);
    case '"':
      {
        const char *text;
        guint32 len;

        if (!_li_json_string (j, &text, &len))
          return FALSE;
        if ((node = _li_json_node (j, LI_JSON_STRING, key, key_len, &index)) == NULL)
          return FALSE;
        node->text = text;
        node->len = len;
        node->end = index + 1;
        return TRUE;
      }
    case 't':
      if (!_li_json_literal (j, "true", 4))
        return FALSE;
      node = _li_json_node (j, LI_JSON_TRUE, key, key_len, &index);
      break;
    case 'f':
      if (!_li_json_literal (j, "false", 5))
        return FALSE;
      node = _li_json_node (j, LI_JSON_FALSE, key, key_len, &index);
      break;
    case 'n':
      if (!_li_json_literal (j, "null", 4))
        return FALSE;
      node = _li_json_node (j, LI_JSON_NULL, key, key_len, &index);
      break;
    default:
      if (*j->p != '-' && !g_ascii_isdigit (*j->p))
        return _li_json_fail (j, j->p, N_("unexpected character"));
      if (!_li_json_number (j))
        return FALSE;
      node = _li_json_node (j, LI_JSON_NUMBER, key, key_len, &index);
      if (node != NULL)
        {
          node->text = start;
          node->len = (guint32) (j->p - start);
        }
      break;
    }
  if (node == NULL)
    return FALSE;
  node->end = index + 1;
  return TRUE;
}

/* Whether [s, s + len) is ASCII: then it is valid UTF-8 (a NUL byte is a
 * control character, which the parser refuses). */
static gboolean
_li_json_is_ascii (const char *s,
                   gsize       len)
{
  guint64 acc = 0;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, s + i, 8);
      acc |= w;
    }
  for (; i < len; i++)
    acc |= (guchar) s[i];
  return (acc & G_GUINT64_CONSTANT (0x8080808080808080)) == 0;
}

/* Parses the line [s, s + len): TRUE for an object, else r->bad is set. */
static gboolean
_li_json_lines_parse (LiJsonLines *r,
                      const char  *s,
                      gsize        len)
{
  LiJsonParse j = { r, s, s, s + len, NULL, NULL, NULL };

  r->n_nodes = 0;
  r->bad = NULL;
  r->bad_column = 0;

  if (!_li_json_is_ascii (s, len) && !g_utf8_validate_len (s, len, NULL))
    {
      r->bad = N_("invalid UTF-8");
      return FALSE;
    }
  if (r->scratch_cap < len + 4)
    {
      r->scratch_cap = MAX (len + 4, r->scratch_cap * 2);
      g_free (r->scratch);
      r->scratch = g_malloc (r->scratch_cap);
    }
  j.out = r->scratch;

  _li_json_skip_blanks (&j);
  if (j.p < j.end && *j.p != '{')
    _li_json_fail (&j, j.p, N_("not a JSON object"));
  else if (_li_json_value (&j, NULL, 0, 0))
    {
      _li_json_skip_blanks (&j);
      if (j.p >= j.end)
        return TRUE;
      _li_json_fail (&j, j.p, N_("text after the object"));
    }
  r->bad = j.bad;
  r->bad_column = (guint64) (j.bad_at - s) + 1;
  return FALSE;
}

/* Reads more data into buf; FALSE on error.  Sets eof at the end. */
static gboolean
_li_json_lines_fill (LiJsonLines   *r,
                     GCancellable  *cancellable,
                     GError       **error)
{
  gssize n;

  if (r->start > 0)
    {
      memmove (r->buf, r->buf + r->start, r->len - r->start);
      r->len -= r->start;
      r->start = 0;
    }
  if (r->cap - r->len < CHUNK_SIZE / 2)
    {
      r->cap = MAX (r->cap * 2, (gsize) CHUNK_SIZE);
      r->buf = g_realloc (r->buf, r->cap);
    }
  n = g_input_stream_read (r->stream, r->buf + r->len, r->cap - r->len, cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    r->eof = TRUE;
  r->len += (gsize) n;
  return TRUE;
}

LiJsonLines *
li_json_lines_new (GInputStream *stream)
{
  LiJsonLines *r = g_new0 (LiJsonLines, 1);

  r->stream = g_object_ref (stream);
  r->max_line = LI_JSON_LINES_DEFAULT_MAX_LINE;
  r->first = TRUE;
  r->next_line = 1;
  return r;
}

void
li_json_lines_free (LiJsonLines *reader)
{
  if (reader == NULL)
    return;
  g_object_unref (reader->stream);
  g_free (reader->buf);
  g_free (reader->nodes);
  g_free (reader->scratch);
  g_free (reader);
}

void
li_json_lines_set_max_line (LiJsonLines *reader,
                            gsize        max_line)
{
  reader->max_line = MAX (max_line, 1);
}

LiJsonLinesResult
li_json_lines_next (LiJsonLines   *r,
                    GCancellable  *cancellable,
                    GError       **error)
{
  if (r->failed)
    {
      g_set_error_literal (error, LI_JSON_LINES_ERROR, LI_JSON_LINES_ERROR_TOO_LONG,
                           _("the reader failed before"));
      return LI_JSON_LINES_FAILED;
    }

  for (;;)
    {
      const char *line, *nl;
      gsize avail, len, used;

      avail = r->len - r->start;
      line = r->buf != NULL ? r->buf + r->start : NULL;
      nl = avail > 0 ? memchr (line, '\n', MIN (avail, r->max_line + 1)) : NULL;
      if (nl == NULL && !r->eof)
        {
          if (avail > r->max_line)
            {
              r->line = r->next_line;
              r->failed = TRUE;
              g_set_error (error, LI_JSON_LINES_ERROR, LI_JSON_LINES_ERROR_TOO_LONG,
                           _("line longer than %lu bytes"), (unsigned long) r->max_line);
              return LI_JSON_LINES_FAILED;
            }
          if (!_li_json_lines_fill (r, cancellable, error))
            {
              r->line = r->next_line;
              r->failed = TRUE;
              return LI_JSON_LINES_FAILED;
            }
          continue;
        }
      if (nl == NULL && avail == 0)
        return LI_JSON_LINES_END;
      if (nl == NULL && avail > r->max_line)
        {
          r->line = r->next_line;
          r->failed = TRUE;
          g_set_error (error, LI_JSON_LINES_ERROR, LI_JSON_LINES_ERROR_TOO_LONG,
                       _("line longer than %lu bytes"), (unsigned long) r->max_line);
          return LI_JSON_LINES_FAILED;
        }

      len = nl != NULL ? (gsize) (nl - line) : avail;
      used = nl != NULL ? len + 1 : len;
      r->start += used;
      r->consumed += used;
      r->line = r->next_line++;

      if (r->first)
        {
          r->first = FALSE;
          if (len >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0)
            {
              line += 3;
              len -= 3;
            }
        }

      /* Blank lines are skipped. */
      {
        gsize i = 0;

        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
          i++;
        if (i == len)
          continue;
      }

      return _li_json_lines_parse (r, line, len) ? LI_JSON_LINES_OBJECT : LI_JSON_LINES_BAD;
    }
}

const LiJsonNode *
li_json_lines_get_nodes (const LiJsonLines *reader)
{
  return reader->nodes;
}

guint64
li_json_lines_get_line (const LiJsonLines *reader)
{
  return reader->line;
}

const char *
li_json_lines_get_bad (const LiJsonLines *reader,
                       guint64           *column)
{
  if (column != NULL)
    *column = reader->bad_column;
  return reader->bad;
}

guint64
li_json_lines_get_bytes_consumed (const LiJsonLines *reader)
{
  return reader->consumed;
}

int
li_json_lines_member (const LiJsonLines *reader,
                      guint              obj,
                      const char        *key)
{
  const LiJsonNode *nodes = reader->nodes;
  gsize key_len = strlen (key);
  int found = -1;

  if (nodes[obj].type != LI_JSON_OBJECT)
    return -1;
  for (guint i = obj + 1; i < nodes[obj].end; i = nodes[i].end)
    if (nodes[i].key_len == key_len && memcmp (nodes[i].key, key, key_len) == 0)
      found = (int) i;
  return found;
}
