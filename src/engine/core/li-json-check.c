/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-json-check.c: a strict, non-recursive JSON syntax check (RFC 8259).
 * A state machine with an explicit stack, so no input can exhaust the C
 * stack, and linear in the input. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "li-json-check.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,  /* just after '[' */
  EXPECT_KEY,
  EXPECT_KEY_OR_CLOSE,    /* just after '{' */
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,
} State;

typedef struct
{
  const char *p;
  const char *end;
  const char *line_start;
  guint       line;
  char       *message;
} Scan;

G_GNUC_PRINTF (2, 3)
static gboolean
_li_scan_fail (Scan       *scan,
               const char *format,
               ...)
{
  va_list args;

  va_start (args, format);
  scan->message = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

static void
_li_scan_blanks (Scan *scan)
{
  while (scan->p < scan->end)
    {
      char c = *scan->p;

      if (c == '\n')
        {
          scan->line++;
          scan->line_start = scan->p + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      scan->p++;
    }
}

/* Four hex digits after "\\u" at scan->p, as a number, or -1. */
static int
_li_scan_hex4 (const Scan *scan,
               const char *p)
{
  int value = 0;

  if (scan->end - p < 4)
    return -1;
  for (int k = 0; k < 4; k++)
    {
      if (!g_ascii_isxdigit (p[k]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[k]);
    }
  return value;
}

/* A \\u escape (scan->p at the 'u'): surrogates only as a high one followed
 * by a low one, since json-glib turns a lone one into invalid UTF-8. */
static gboolean
_li_scan_unicode_escape (Scan *scan)
{
  const char *backslash = scan->p - 1;
  int unit = _li_scan_hex4 (scan, scan->p + 1);

  if (unit < 0)
    return _li_scan_fail (scan, _("invalid \\u escape"));
  if (unit == 0)
    return _li_scan_fail (scan, _("\\u0000 is not allowed (the text would end there)"));
  scan->p += 5;
  if (unit >= 0xdc00 && unit <= 0xdfff)
    {
      scan->p = backslash;
      return _li_scan_fail (scan, _("lone surrogate in a \\u escape"));
    }
  if (unit >= 0xd800 && unit <= 0xdbff)
    {
      int low = scan->end - scan->p >= 2 && scan->p[0] == '\\' && scan->p[1] == 'u'
                  ? _li_scan_hex4 (scan, scan->p + 2) : -1;

      if (low < 0xdc00 || low > 0xdfff)
        {
          scan->p = backslash;
          return _li_scan_fail (scan, _("lone surrogate in a \\u escape"));
        }
      scan->p += 6;
    }
  return TRUE;
}

static gboolean
_li_scan_string (Scan *scan)
{
  scan->p++;  /* the opening quote */
  while (scan->p < scan->end)
    {
      guchar c = (guchar) *scan->p;

      if (c == '"')
        {
          scan->p++;
          return TRUE;
        }
      if (c < 0x20)
        return _li_scan_fail (scan, _("control character in a string"));
      if (c == '\\')
        {
          scan->p++;
          if (scan->p >= scan->end)
            break;
          if (*scan->p == 'u')
            {
              if (!_li_scan_unicode_escape (scan))
                return FALSE;
              continue;
            }
          else if (strchr ("\"\\/bfnrt", *scan->p) == NULL || *scan->p == '\0')
            return _li_scan_fail (scan, _("invalid escape"));
        }
      scan->p++;
    }
  return _li_scan_fail (scan, _("unterminated string"));
}

static gsize
_li_scan_digits (Scan *scan)
{
  const char *start = scan->p;

  while (scan->p < scan->end && g_ascii_isdigit (*scan->p))
    scan->p++;
  return (gsize) (scan->p - start);
}

static gboolean
_li_scan_number (Scan *scan)
{
  const char *start = scan->p;
  gboolean integral = TRUE;
  gsize n_int;

  if (*scan->p == '-')
    scan->p++;
  n_int = _li_scan_digits (scan);
  if (n_int == 0 || (n_int > 1 && scan->p[-(gssize) n_int] == '0'))
    {
      scan->p = start;
      return _li_scan_fail (scan, _("invalid number"));
    }
  if (scan->p < scan->end && *scan->p == '.')
    {
      scan->p++;
      integral = FALSE;
      if (_li_scan_digits (scan) == 0)
        return _li_scan_fail (scan, _("invalid number"));
    }
  if (scan->p < scan->end && (*scan->p == 'e' || *scan->p == 'E'))
    {
      scan->p++;
      integral = FALSE;
      if (scan->p < scan->end && (*scan->p == '+' || *scan->p == '-'))
        scan->p++;
      if (_li_scan_digits (scan) == 0)
        return _li_scan_fail (scan, _("invalid number"));
    }

  /* Integers are what json-glib wraps past 64 bits.  Compared as text: a
   * double would round 2^53 + 1 down to 2^53. */
  if (integral && (n_int > 16 || (n_int == 16 && memcmp (scan->p - 16, "9007199254740992", 16) > 0)))
    {
      scan->p = start;
      return _li_scan_fail (scan, _("integer out of range (beyond ±2^53)"));
    }
  /* Beyond the doubles json-glib reads infinity, which cannot be saved. */
  if (!integral)
    {
      g_autofree char *text = g_strndup (start, (gsize) (scan->p - start));

      if (isinf (g_ascii_strtod (text, NULL)))
        {
          scan->p = start;
          return _li_scan_fail (scan, _("number out of range"));
        }
    }
  return TRUE;
}

static gboolean
_li_scan_literal (Scan *scan)
{
  static const char * const words[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if ((gsize) (scan->end - scan->p) >= n && memcmp (scan->p, words[i], n) == 0)
        {
          scan->p += n;
          return TRUE;
        }
    }
  return _li_scan_fail (scan, _("unexpected character"));
}

/* A scalar, or the opening of a container (pushed on @stack). */
static gboolean
_li_scan_value (Scan  *scan,
                char  *stack,
                guint *depth,
                guint  max_depth,
                State *state)
{
  char c = *scan->p;

  if (c == '{' || c == '[')
    {
      if (*depth >= max_depth)
        return _li_scan_fail (scan, _("nested deeper than %u levels"), max_depth);
      stack[(*depth)++] = c;
      scan->p++;
      *state = c == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
      return TRUE;
    }
  if (c == '"')
    {
      if (!_li_scan_string (scan))
        return FALSE;
    }
  else if (c == '-' || g_ascii_isdigit (c))
    {
      if (!_li_scan_number (scan))
        return FALSE;
    }
  else if (!_li_scan_literal (scan))
    return FALSE;
  *state = *depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
  return TRUE;
}

static gboolean
_li_scan_close (Scan  *scan,
                char  *stack,
                guint *depth,
                State *state)
{
  char open = *scan->p == '}' ? '{' : '[';

  if (*depth == 0 || stack[*depth - 1] != open)
    return _li_scan_fail (scan, _("unexpected character"));
  (*depth)--;
  scan->p++;
  *state = *depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
  return TRUE;
}

static gboolean
_li_scan_step (Scan  *scan,
               char  *stack,
               guint *depth,
               guint  max_depth,
               State *state)
{
  char c = *scan->p;

  switch (*state)
    {
    case EXPECT_VALUE_OR_CLOSE:
      if (c == ']')
        return _li_scan_close (scan, stack, depth, state);
      G_GNUC_FALLTHROUGH;
    case EXPECT_VALUE:
      return _li_scan_value (scan, stack, depth, max_depth, state);

    case EXPECT_KEY_OR_CLOSE:
      if (c == '}')
        return _li_scan_close (scan, stack, depth, state);
      G_GNUC_FALLTHROUGH;
    case EXPECT_KEY:
      if (c != '"')
        return _li_scan_fail (scan, _("expected a string key"));
      *state = EXPECT_COLON;
      return _li_scan_string (scan);

    case EXPECT_COLON:
      if (c != ':')
        return _li_scan_fail (scan, _("expected ':'"));
      scan->p++;
      *state = EXPECT_VALUE;
      return TRUE;

    case EXPECT_COMMA_OR_CLOSE:
      if (c == '}' || c == ']')
        return _li_scan_close (scan, stack, depth, state);
      if (c != ',')
        return _li_scan_fail (scan, _("expected ',' or the end of the list"));
      scan->p++;
      *state = stack[*depth - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
      return TRUE;

    case EXPECT_END:
    default:
      return _li_scan_fail (scan, _("unexpected data after the JSON value"));
    }
}

gboolean
li_json_check (const char *data,
               gsize       len,
               guint       max_depth,
               guint      *line,
               guint      *column,
               char      **message)
{
  g_autofree char *stack = g_malloc (MAX (max_depth, 1));
  Scan scan = { data, data + len, data, 1, NULL };
  State state = EXPECT_VALUE;
  guint depth = 0;
  const char *bad;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (!g_utf8_validate_len (data, len, &bad))
    {
      for (const char *q = data; q < bad; q++)
        if (*q == '\n')
          {
            scan.line++;
            scan.line_start = q + 1;
          }
      scan.p = bad;
      ok = _li_scan_fail (&scan, _("invalid UTF-8"));
    }

  while (ok)
    {
      _li_scan_blanks (&scan);
      if (scan.p >= scan.end)
        {
          if (state != EXPECT_END)
            ok = _li_scan_fail (&scan, _("unexpected end of data"));
          break;
        }
      ok = _li_scan_step (&scan, stack, &depth, max_depth, &state);
    }

  if (ok)
    return TRUE;
  if (line != NULL)
    *line = scan.line;
  if (column != NULL)
    *column = (guint) g_utf8_strlen (scan.line_start, scan.p - scan.line_start) + 1;
  if (message != NULL)
    *message = g_steal_pointer (&scan.message);
  g_free (scan.message);
  return FALSE;
}
