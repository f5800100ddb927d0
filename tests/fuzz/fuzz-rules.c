/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rule-file parser and validator (li_rules_from_data) on any bytes.
 *
 * Oracles:
 * - "rules-result": a result or an error, never both; an error-level
 *   problem exactly when there is no result; messages in UTF-8.
 * - "rules-roundtrip": accepted rules validate again, save (li_rules_to_data)
 *   to a file that parses back to equal rules with no differences
 *   (li_rules_diff), and saves to the same text again; copies are equal.
 *   Inputs with a number literal beyond the doubles (1e400) report it as
 *   "rules-roundtrip-inf".
 * - "rules-number": when the input is strict JSON (RFC 8259: no comments,
 *   no single quotes, no hex), every number literal means its value in the
 *   accepted rules' JSON tree: an integer that does not fit in 64 bits must
 *   not come back as a different number (json-glib wraps it).
 * - "rules-utf8": every text of accepted or rejected rules (problems, saved
 *   file, differences) is valid UTF-8.
 * - "decay-range": decay factors lie in [0, 1].
 * - "json-trailing", "json-surrogate": see li-fuzz.h. */

#define LI_FUZZ_UTF8_ORACLE "rules-utf8"

#include "li-fuzz.h"

#include "li-rules.h"
#include "li-rules-diff.h"
#include "li-rules-parse.h"
#include "li-rules-validate.h"
#include "li-rules-write.h"
#include "li-problem.h"
#include "li-json-writer.h"

/* A strict JSON reader walking alongside json-glib's tree. */
typedef struct
{
  const char *p;
  const char *end;
  guint       depth;
  guint       skip;  /* inside values whose key json-glib names otherwise */
  gboolean    mismatch;
  char       *what;  /* the first mismatch */
} Strict;

static void
_ws (Strict *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

/* A string; *plain is FALSE when it holds escapes (then @out is not set). */
static gboolean
_strict_string (Strict  *s,
                GString *out,
                gboolean *plain)
{
  const char *start;

  *plain = TRUE;
  if (s->p == s->end || *s->p != '"')
    return FALSE;
  start = ++s->p;
  while (s->p < s->end && *s->p != '"')
    {
      guchar c = (guchar) *s->p;

      if (c < 0x20)
        return FALSE;
      if (c == '\\')
        {
          *plain = FALSE;
          if (++s->p == s->end)
            return FALSE;
          if (*s->p == 'u')
            {
              if (s->end - s->p < 5 || !g_ascii_isxdigit (s->p[1]) || !g_ascii_isxdigit (s->p[2]) ||
                  !g_ascii_isxdigit (s->p[3]) || !g_ascii_isxdigit (s->p[4]))
                return FALSE;
              s->p += 4;
            }
          else if (strchr ("\"\\/bfnrt", *s->p) == NULL || *s->p == '\0')
            return FALSE;
        }
      s->p++;
    }
  if (s->p == s->end)
    return FALSE;
  if (out != NULL && *plain)
    g_string_append_len (out, start, s->p - start);
  s->p++;
  return g_utf8_validate_len (start, (gsize) (s->p - 1 - start), NULL);
}

static void
_strict_mismatch (Strict     *s,
                  const char *literal,
                  gsize       len,
                  JsonNode   *node)
{
  g_autofree char *got = node != NULL ? json_to_string (node, FALSE) : g_strdup ("nothing");

  if (!s->mismatch)
    s->what = g_strdup_printf ("the literal %.*s became %s", (int) len, literal, got);
  s->mismatch = TRUE;
}

static gboolean
_strict_number (Strict   *s,
                JsonNode *node)
{
  const char *start = s->p;
  gboolean integer = TRUE;
  g_autofree char *literal = NULL;
  double want, got;

  if (s->p < s->end && *s->p == '-')
    s->p++;
  if (s->p == s->end || !g_ascii_isdigit (*s->p))
    return FALSE;
  if (*s->p == '0')
    s->p++;
  else
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      s->p++;
  if (s->p < s->end && *s->p == '.')
    {
      integer = FALSE;
      if (++s->p == s->end || !g_ascii_isdigit (*s->p))
        return FALSE;
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      integer = FALSE;
      if (++s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p == s->end || !g_ascii_isdigit (*s->p))
        return FALSE;
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  literal = g_strndup (start, (gsize) (s->p - start));
  if (s->skip > 0)
    return TRUE;
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    {
      _strict_mismatch (s, start, (gsize) (s->p - start), node);
      return TRUE;
    }

  want = g_ascii_strtod (literal, NULL);
  if (integer && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 exact;
      char *end;

      errno = 0;
      exact = g_ascii_strtoll (literal, &end, 10);
      if (errno == 0 && *end == '\0')
        {
          if (json_node_get_int (node) != exact)
            _strict_mismatch (s, start, (gsize) (s->p - start), node);
          return TRUE;
        }
      got = (double) json_node_get_int (node);
    }
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    got = (double) json_node_get_int (node);
  else
    got = json_node_get_double (node);

  /* Beyond 64 bits (or with a fraction or exponent): the double it is. */
  if (!(got == want || (isfinite (want) && fabs (got - want) <= 1e-12 * fabs (want))))
    _strict_mismatch (s, start, (gsize) (s->p - start), node);
  return TRUE;
}

/* Reads one value, comparing it with @node (NULL: none in the tree).
 * FALSE when the text is not strict JSON (or nests too deep to care). */
static gboolean
_strict_value (Strict   *s,
               JsonNode *node)
{
  gboolean plain;

  _ws (s);
  if (s->p == s->end)
    return FALSE;

  switch (*s->p)
    {
    case '{':
      {
        JsonObject *object = node != NULL && JSON_NODE_TYPE (node) == JSON_NODE_OBJECT
                             ? json_node_get_object (node) : NULL;
        guint n = 0;

        if (++s->depth > 256)
          return FALSE;
        s->p++;
        _ws (s);
        if (s->p < s->end && *s->p == '}')
          {
            s->p++;
            s->depth--;
            return TRUE;
          }
        for (;;)
          {
            g_autoptr(GString) key = g_string_new (NULL);

            _ws (s);
            if (!_strict_string (s, key, &plain))
              return FALSE;
            _ws (s);
            if (s->p == s->end || *s->p != ':')
              return FALSE;
            s->p++;
            n++;
            /* Keys with escapes or NULs: json-glib's names are C strings,
             * so such a member's value is walked without comparing it. */
            if (!plain || memchr (key->str, '\0', key->len) != NULL)
              {
                gboolean ok;

                s->skip++;
                ok = _strict_value (s, NULL);
                s->skip--;
                if (!ok)
                  return FALSE;
              }
            else if (!_strict_value (s, object != NULL ? json_object_get_member (object, key->str)
                                                       : NULL))
              return FALSE;
            _ws (s);
            if (s->p < s->end && *s->p == ',')
              {
                s->p++;
                continue;
              }
            if (s->p < s->end && *s->p == '}')
              break;
            return FALSE;
          }
        s->p++;
        s->depth--;
        /* A duplicate key: json-glib keeps the last, the walk compared
         * the earlier ones too.  Not strict enough to judge. */
        if (object != NULL && json_object_get_size (object) != n)
          return FALSE;
        return TRUE;
      }

    case '[':
      {
        JsonArray *array = node != NULL && JSON_NODE_TYPE (node) == JSON_NODE_ARRAY
                           ? json_node_get_array (node) : NULL;
        guint i = 0;

        if (++s->depth > 256)
          return FALSE;
        s->p++;
        _ws (s);
        if (s->p < s->end && *s->p == ']')
          {
            s->p++;
            s->depth--;
            return TRUE;
          }
        for (;;)
          {
            JsonNode *element = array != NULL && i < json_array_get_length (array)
                                ? json_array_get_element (array, i) : NULL;

            if (!_strict_value (s, element))
              return FALSE;
            i++;
            _ws (s);
            if (s->p < s->end && *s->p == ',')
              {
                s->p++;
                continue;
              }
            if (s->p < s->end && *s->p == ']')
              break;
            return FALSE;
          }
        s->p++;
        s->depth--;
        return TRUE;
      }

    case '"':
      return _strict_string (s, NULL, &plain);

    case 't':
    case 'f':
    case 'n':
      {
        static const char * const words[] = { "true", "false", "null" };

        for (guint w = 0; w < G_N_ELEMENTS (words); w++)
          {
            gsize len = strlen (words[w]);

            if ((gsize) (s->end - s->p) >= len && memcmp (s->p, words[w], len) == 0)
              {
                s->p += len;
                return TRUE;
              }
          }
        return FALSE;
      }

    default:
      return _strict_number (s, node);
    }
}

static void
_check_numbers (const char *data,
                gsize       size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  Strict s = { data, data + size, 0, 0, FALSE, NULL };

  /* Not strict JSON, and json-glib would leak (li_fuzz_rules_from_data). */
  if (li_fuzz_json_has_trailing_values (data, size) ||
      li_fuzz_json_has_surrogate_escape (data, size))
    return;
  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL) ||
      json_parser_get_root (parser) == NULL)
    return;
  if (_strict_value (&s, json_parser_get_root (parser)))
    {
      _ws (&s);
      if (s.p == s.end)
        LI_FUZZ_CHECK ("rules-number", !s.mismatch,
                       "accepted rules, but %s", s.what);
    }
  g_free (s.what);
}

static void
_check_problems (GPtrArray *problems,
                 gboolean   want_error)
{
  gboolean has_error = FALSE;

  for (guint i = 0; i < problems->len; i++)
    {
      const LiProblem *problem = problems->pdata[i];
      g_autofree char *text = li_problem_to_string (problem);

      LI_FUZZ_CHECK_UTF8 (problem->path);
      LI_FUZZ_CHECK_UTF8 (problem->message);
      LI_FUZZ_CHECK_UTF8 (text);
      if (problem->level == LI_PROBLEM_ERROR)
        has_error = TRUE;
    }
  LI_FUZZ_CHECK ("rules-result", has_error == want_error,
                 "%s error-level problem", has_error ? "an unexpected" : "no");
}

static void
_check_decay (const LiDecay *decay)
{
  static const double seconds[] = { 0, 1, 3600, 86400, 30 * 86400.0, 1e12 };

  for (guint i = 0; i < G_N_ELEMENTS (seconds); i++)
    {
      double f = li_decay_factor (decay, seconds[i]);

      LI_FUZZ_CHECK ("decay-range", f >= 0 && f <= 1,
                     "decay %s (days %g) after %g s: %g",
                     li_decay_model_to_string (decay->model), decay->days, seconds[i], f);
    }
}

/* Whether a number literal in @d overflows to infinity (1e400): an unknown
 * key holding one is saved as null (oracle "rules-roundtrip-inf", kept
 * apart from the other round-trip failures). */
static gboolean
_has_infinite_literal (const char *d,
                       gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      char buf[512];
      gsize len = 0;

      if (!g_ascii_isdigit (d[i]) || (i > 0 && (g_ascii_isalnum (d[i - 1]) || d[i - 1] == '.')))
        continue;
      while (i + len < n && len + 1 < sizeof buf &&
             (g_ascii_isdigit (d[i + len]) || strchr (".eE+-", d[i + len]) != NULL) &&
             d[i + len] != '\0')
        {
          buf[len] = d[i + len];
          len++;
        }
      buf[len] = '\0';
      if (isinf (g_ascii_strtod (buf, NULL)))
        return TRUE;
      i += len;
    }
  return FALSE;
}

static void
_check_rules (const LiRules *rules,
              const char    *data,
              gsize          size)
{
  const char *roundtrip = _has_infinite_literal (data, size) ? "rules-roundtrip-inf"
                                                            : "rules-roundtrip";
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) back = NULL;
  g_autoptr(LiRules) copy = NULL;
  g_autoptr(LiRules) defaults = li_rules_new ();
  g_autoptr(GPtrArray) diff = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  gsize len = 0, again_len = 0;

  LI_FUZZ_CHECK ("rules-roundtrip", li_rules_validate (rules, problems),
                 "accepted rules do not validate");
  _check_problems (problems, FALSE);

  text = li_rules_to_data (rules, &len);
  LI_FUZZ_CHECK ("rules-roundtrip", text != NULL && strlen (text) == len && len > 0 &&
                                    text[len - 1] == '\n',
                 "li_rules_to_data: no text with a final newline");
  if (text == NULL || !g_utf8_validate (text, (gssize) len, NULL))
    {
      /* Not a file json-glib reads back: no round trip to check. */
      LI_FUZZ_CHECK_UTF8 (text);
      return;
    }

  back = li_rules_from_data (text, (gssize) len, NULL, &error);
  LI_FUZZ_CHECK (roundtrip, back != NULL,
                 "saved rules do not load: %s\n%s", error ? error->message : "", text);
  if (back == NULL)
    return;
  LI_FUZZ_CHECK (roundtrip, li_rules_equal (rules, back),
                 "saved rules load as different rules:\n%s", text);
  again = li_rules_to_data (back, &again_len);
  LI_FUZZ_CHECK (roundtrip, again_len == len && memcmp (text, again, len) == 0,
                 "saved twice, the text differs:\n%s\n---\n%s", text, again);

  diff = li_rules_diff (rules, back);
  LI_FUZZ_CHECK (roundtrip, diff->len == 0,
                 "%u differences between the rules and their saved copy", diff->len);
  g_clear_pointer (&diff, g_ptr_array_unref);

  copy = li_rules_copy (rules);
  LI_FUZZ_CHECK (roundtrip, li_rules_equal (rules, copy), "a copy is not equal");

  /* The diff against the defaults, with its texts. */
  diff = li_rules_diff (defaults, rules);
  for (guint i = 0; i < diff->len; i++)
    {
      g_autofree char *change = li_rule_change_to_string (diff->pdata[i]);

      LI_FUZZ_CHECK_UTF8 (change);
    }
  {
    JsonNode *json = li_rule_changes_to_json (diff);
    g_autofree char *json_text = li_json_to_string (json, TRUE);

    LI_FUZZ_CHECK_UTF8 (json_text);
    json_node_unref (json);
  }

  _check_decay (&rules->decay);
  for (guint i = 0; i < rules->n_intent; i++)
    _check_decay (li_rules_intent_decay (rules, i));
  for (guint i = 0; i < rules->n_patterns; i++)
    _check_decay (li_rules_pattern_decay (rules, i));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  li_fuzz_init (argc, argv);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) rules = NULL;

  rules = li_fuzz_rules_from_data ((const char *) data, size, problems, &error);
  LI_FUZZ_CHECK ("rules-result", (rules == NULL) == (error != NULL),
                 "rules %p with error %s", (void *) rules, error ? error->message : "NULL");
  if (error != NULL)
    LI_FUZZ_CHECK_UTF8 (error->message);
  _check_problems (problems, rules == NULL);

  if (rules != NULL)
    {
      _check_numbers ((const char *) data, size);
      _check_rules (rules, (const char *) data, size);
    }
  return 0;
}
