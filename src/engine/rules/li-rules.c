/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules.c: the rule file (SPEC 3): parsing, validation, saving.
 *
 * Parsing and validation are two layers.  The parser turns the JSON tree
 * into a LiRules and reports what cannot be represented (wrong types,
 * missing required keys, unknown names).  The validator checks a LiRules
 * (ranges, the outcome leak, stages) and is the whole of li_rules_validate
 * for rules built in the editor.  While parsing, each section is validated
 * right after it is read; a validator problem is dropped when the parser
 * already reported an error at the same path, above it or below it, so a
 * problem is never reported twice. */

#include "config.h"

#include "li-rules.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#define LI_RULES_FORMAT    "lead-intent-rules"
#define LI_RULES_VERSION   1
#define LI_RULES_MAX_DEPTH 128                /* json-glib recurses: bound the nesting */
#define LI_RULES_MAX_SIZE  (64 * 1024 * 1024) /* a rule file is small */
#define LI_SECONDS_PER_DAY 86400.0
#define LI_MAX_EXACT_INT   1e16               /* integral doubles below this print as integers */
#define LI_INVALID_ENUM    0x7fffffff         /* unknown model / kind / op while parsing */

typedef struct
{
  GPtrArray  *problems;         /* LiProblem* */
  GHashTable *parse_errors;     /* paths with a parse error */
  GHashTable *parse_ancestors;  /* paths above a parse error */
  gboolean    validating;       /* problems come from the validator */
  guint       n_errors;
} LiCheck;

static const char * const decay_model_names[] = {
  "none", "exponential", "window", "linear",
};

static const char * const pattern_kind_names[] = {
  "repeat_product", "category_focus", "sequence", "return_days",
};

static const char * const fit_op_names[] = {
  "eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "between", "exists", "missing",
};

static const char * const top_keys[] = {
  "format", "format_version", "name", "description", "outcome", "decay",
  "intent", "patterns", "fit", "stages", NULL,
};
static const char * const decay_keys[] = { "model", "half_life_days", "days", NULL };
static const char * const pattern_keys[] = {
  "name", "kind", "enabled", "min_count", "min_distinct", "events", "min_days",
  "within_hours", "within_days", "points", "max_points", "decay", NULL,
};
static const char * const fit_keys[] = { "attribute", "op", "value", "values", "points", NULL };

G_DEFINE_QUARK (li-rules-error-quark, li_rules_error)
G_DEFINE_BOXED_TYPE (LiRules, li_rules, li_rules_copy, li_rules_free)

static void _li_check_add (LiCheck       *check,
                           gboolean       suppressible,
                           LiProblemLevel level,
                           const char    *path,
                           const char    *format,
                           ...) G_GNUC_PRINTF (5, 6);

/* ------------------------------------------------------------------ helpers */

static gboolean
_li_key_in (const char        *key,
            const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (strcmp (key, keys[i]) == 0)
      return TRUE;
  return FALSE;
}

static char *
_li_path_key (const char *parent,
              const char *key)
{
  if (parent == NULL || parent[0] == '\0')
    return g_strdup (key);
  return g_strconcat (parent, ".", key, NULL);
}

static char *
_li_path_index (const char *parent,
                guint       i)
{
  return g_strdup_printf ("%s[%u]", parent, i);
}

static gboolean
_li_is_integral (double value)
{
  return isfinite (value) && value == floor (value);
}

static JsonNode *
_li_node_new_number (double value)
{
  JsonNode *node = json_node_alloc ();

  if (_li_is_integral (value) && fabs (value) < LI_MAX_EXACT_INT)
    return json_node_init_int (node, (gint64) value);
  return json_node_init_double (node, value);
}

static JsonNode *
_li_node_new_string (const char *str)
{
  return json_node_init_string (json_node_alloc (), str);
}

static JsonNode *_li_json_node_copy (JsonNode *node);

/* json_node_copy () only takes a reference on objects and arrays: copy them. */
static JsonObject *
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

static JsonNode *
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

static gboolean
_li_json_object_equal (JsonObject *a,
                       JsonObject *b)
{
  gboolean a_empty = a == NULL || json_object_get_size (a) == 0;
  gboolean b_empty = b == NULL || json_object_get_size (b) == 0;

  if (a_empty || b_empty)
    return a_empty == b_empty;
  return json_object_equal (a, b);
}

static void
_li_extra_add (JsonObject **extra,
               const char  *key,
               JsonNode    *node)
{
  if (*extra == NULL)
    *extra = json_object_new ();
  json_object_set_member (*extra, key, _li_json_node_copy (node));
}

/* ------------------------------------------------------------------ problems */

LiProblem *
li_problem_new (LiProblemLevel level,
                const char    *path,
                const char    *message)
{
  LiProblem *problem = g_new0 (LiProblem, 1);

  problem->level = level;
  problem->path = g_strdup (path != NULL ? path : "");
  problem->message = g_strdup (message != NULL ? message : "");
  return problem;
}

void
li_problem_free (LiProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

char *
li_problem_to_string (const LiProblem *problem)
{
  const char *prefix;

  g_return_val_if_fail (problem != NULL, NULL);

  prefix = problem->level == LI_PROBLEM_WARNING ? "warning: " : "";
  if (problem->path == NULL || problem->path[0] == '\0')
    return g_strconcat (prefix, problem->message, NULL);
  return g_strconcat (prefix, problem->path, ": ", problem->message, NULL);
}

static void
_li_check_init (LiCheck   *check,
                GPtrArray *problems)
{
  memset (check, 0, sizeof *check);
  check->problems = problems;
  check->parse_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  check->parse_ancestors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
_li_check_clear (LiCheck *check)
{
  g_clear_pointer (&check->parse_errors, g_hash_table_unref);
  g_clear_pointer (&check->parse_ancestors, g_hash_table_unref);
}

/* Whether a proper ancestor of @path ("a[1].b" → "a[1]", "a") is in @set. */
static gboolean
_li_path_any_ancestor (const char *path,
                       GHashTable *set)
{
  for (gsize i = strlen (path); i > 0; i--)
    {
      if (path[i] == '.' || path[i] == '[')
        {
          g_autofree char *prefix = g_strndup (path, i);

          if (g_hash_table_contains (set, prefix))
            return TRUE;
        }
    }
  return FALSE;
}

static void
_li_path_add_ancestors (const char *path,
                        GHashTable *set)
{
  for (gsize i = strlen (path); i > 0; i--)
    if (path[i] == '.' || path[i] == '[')
      g_hash_table_add (set, g_strndup (path, i));
}

/* TRUE when the parser already reported an error at @path, above or below it. */
static gboolean
_li_check_suppressed (LiCheck    *check,
                      const char *path)
{
  return g_hash_table_contains (check->parse_errors, path)
         || g_hash_table_contains (check->parse_ancestors, path)
         || _li_path_any_ancestor (path, check->parse_errors);
}

static void
_li_check_add (LiCheck       *check,
               gboolean       suppressible,
               LiProblemLevel level,
               const char    *path,
               const char    *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (check->validating && suppressible && _li_check_suppressed (check, path))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (level == LI_PROBLEM_ERROR)
    {
      check->n_errors++;
      if (!check->validating)
        {
          g_hash_table_add (check->parse_errors, g_strdup (path));
          _li_path_add_ancestors (path, check->parse_ancestors);
        }
    }
  g_ptr_array_add (check->problems, li_problem_new (level, path, message));
}

#define _li_error(check, path, ...) \
  _li_check_add ((check), TRUE, LI_PROBLEM_ERROR, (path), __VA_ARGS__)
#define _li_warning(check, path, ...) \
  _li_check_add ((check), TRUE, LI_PROBLEM_WARNING, (path), __VA_ARGS__)

static const LiProblem *
_li_first_error (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const LiProblem *problem = g_ptr_array_index (problems, i);

      if (problem->level == LI_PROBLEM_ERROR)
        return problem;
    }
  return NULL;
}

static void
_li_move_problems (GPtrArray *from,
                   GPtrArray *to)
{
  for (guint i = 0; i < from->len; i++)
    {
      if (to != NULL)
        g_ptr_array_add (to, g_ptr_array_index (from, i));
      else
        li_problem_free (g_ptr_array_index (from, i));
    }
  g_ptr_array_set_size (from, 0);
}

/* ------------------------------------------------------------------ enums */

const char *
li_decay_model_to_string (LiDecayModel model)
{
  if ((guint) model >= G_N_ELEMENTS (decay_model_names))
    return NULL;
  return decay_model_names[model];
}

const char *
li_pattern_kind_to_string (LiPatternKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (pattern_kind_names))
    return NULL;
  return pattern_kind_names[kind];
}

const char *
li_fit_op_to_string (LiFitOp op)
{
  if ((guint) op >= G_N_ELEMENTS (fit_op_names))
    return NULL;
  return fit_op_names[op];
}

static gboolean
_li_enum_from_string (const char * const *names,
                      guint               n_names,
                      const char         *str,
                      int                *value)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    {
      if (strcmp (names[i], str) == 0)
        {
          *value = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
li_decay_model_from_string (const char   *str,
                            LiDecayModel *model)
{
  int value;

  if (!_li_enum_from_string (decay_model_names, G_N_ELEMENTS (decay_model_names), str, &value))
    return FALSE;
  if (model != NULL)
    *model = (LiDecayModel) value;
  return TRUE;
}

gboolean
li_pattern_kind_from_string (const char    *str,
                             LiPatternKind *kind)
{
  int value;

  if (!_li_enum_from_string (pattern_kind_names, G_N_ELEMENTS (pattern_kind_names), str, &value))
    return FALSE;
  if (kind != NULL)
    *kind = (LiPatternKind) value;
  return TRUE;
}

gboolean
li_fit_op_from_string (const char *str,
                       LiFitOp    *op)
{
  int value;

  if (!_li_enum_from_string (fit_op_names, G_N_ELEMENTS (fit_op_names), str, &value))
    return FALSE;
  if (op != NULL)
    *op = (LiFitOp) value;
  return TRUE;
}

static gboolean
_li_decay_model_valid (LiDecayModel model)
{
  return (guint) model < G_N_ELEMENTS (decay_model_names);
}

static gboolean
_li_pattern_kind_valid (LiPatternKind kind)
{
  return (guint) kind < G_N_ELEMENTS (pattern_kind_names);
}

static gboolean
_li_fit_op_valid (LiFitOp op)
{
  return (guint) op < G_N_ELEMENTS (fit_op_names);
}

/* Which keys of an object apply, given its model / kind / op. */

static gboolean
_li_decay_key_applies (LiDecayModel model,
                       const char  *key)
{
  if (strcmp (key, "half_life_days") == 0)
    return model == LI_DECAY_EXPONENTIAL;
  if (strcmp (key, "days") == 0)
    return model == LI_DECAY_WINDOW || model == LI_DECAY_LINEAR;
  return TRUE;
}

static gboolean
_li_pattern_key_applies (LiPatternKind kind,
                         const char   *key)
{
  if (strcmp (key, "min_count") == 0)
    return kind == LI_PATTERN_REPEAT_PRODUCT;
  if (strcmp (key, "min_distinct") == 0)
    return kind == LI_PATTERN_CATEGORY_FOCUS;
  if (strcmp (key, "events") == 0)
    return kind == LI_PATTERN_SEQUENCE;
  if (strcmp (key, "min_days") == 0 || strcmp (key, "within_days") == 0)
    return kind == LI_PATTERN_RETURN_DAYS;
  if (strcmp (key, "within_hours") == 0)
    return kind != LI_PATTERN_RETURN_DAYS;
  return TRUE;
}

static gboolean
_li_fit_op_has_value (LiFitOp op)
{
  switch (op)
    {
    case LI_FIT_EQ:
    case LI_FIT_NE:
    case LI_FIT_GT:
    case LI_FIT_GTE:
    case LI_FIT_LT:
    case LI_FIT_LTE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
_li_fit_op_has_values (LiFitOp op)
{
  return op == LI_FIT_IN || op == LI_FIT_NOT_IN || op == LI_FIT_BETWEEN;
}

static gboolean
_li_fit_op_numeric (LiFitOp op)
{
  return op == LI_FIT_GT || op == LI_FIT_GTE || op == LI_FIT_LT || op == LI_FIT_LTE;
}

static gboolean
_li_fit_key_applies (LiFitOp     op,
                     const char *key)
{
  if (strcmp (key, "value") == 0)
    return _li_fit_op_has_value (op);
  if (strcmp (key, "values") == 0)
    return _li_fit_op_has_values (op);
  return TRUE;
}

/* ------------------------------------------------------------------ numbers */

gboolean
li_parse_number (const char *str,
                 double     *value)
{
  const char *p = str;
  gsize int_digits = 0, frac_digits = 0;
  double result;

  if (str == NULL)
    return FALSE;

  /* [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)? as a full match */
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, int_digits++;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, frac_digits++;
    }
  if (int_digits == 0 && frac_digits == 0)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      gsize exp_digits = 0;

      p++;
      if (*p == '+' || *p == '-')
        p++;
      while (g_ascii_isdigit (*p))
        p++, exp_digits++;
      if (exp_digits == 0)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  result = g_ascii_strtod (str, NULL);
  if (!isfinite (result))
    return FALSE;
  if (value != NULL)
    *value = result;
  return TRUE;
}

char *
li_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("nan");
  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");
  if (value == 0)
    return g_strdup ("0");  /* also -0 */
  if (_li_is_integral (value) && fabs (value) < LI_MAX_EXACT_INT)
    return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.0f", value));

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

/* ------------------------------------------------------------------ JSON text */

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

/* ------------------------------------------------------------------ life cycle */

void
li_intent_rule_clear (LiIntentRule *rule)
{
  g_free (rule->event);
  for (guint w = 0; w < rule->n_where; w++)
    {
      g_free (rule->where[w].key);
      g_strfreev (rule->where[w].values);
    }
  g_free (rule->where);
  g_clear_pointer (&rule->extra, json_object_unref);
  g_clear_pointer (&rule->decay_extra, json_object_unref);
}

void
li_pattern_clear (LiPattern *pattern)
{
  g_free (pattern->name);
  g_strfreev (pattern->events);
  g_clear_pointer (&pattern->extra, json_object_unref);
  g_clear_pointer (&pattern->decay_extra, json_object_unref);
}

void
li_fit_rule_clear (LiFitRule *rule)
{
  g_free (rule->attribute);
  g_strfreev (rule->values);
  g_clear_pointer (&rule->extra, json_object_unref);
}

void
li_stage_clear (LiStage *stage)
{
  g_free (stage->name);
  g_free (stage->channel);
  g_clear_pointer (&stage->extra, json_object_unref);
}

void
li_intent_rule_copy_to (LiIntentRule *dst,
                        const LiIntentRule *src)
{
  *dst = *src;
  dst->event = g_strdup (src->event);
  dst->where = src->n_where > 0 ? g_new0 (LiWhere, src->n_where) : NULL;
  for (guint w = 0; w < src->n_where; w++)
    {
      dst->where[w].key = g_strdup (src->where[w].key);
      dst->where[w].values = g_strdupv (src->where[w].values);
    }
  dst->extra = _li_json_object_copy (src->extra);
  dst->decay_extra = _li_json_object_copy (src->decay_extra);
}

void
li_pattern_copy_to (LiPattern *dst,
                    const LiPattern *src)
{
  *dst = *src;
  dst->name = g_strdup (src->name);
  dst->events = g_strdupv (src->events);
  dst->extra = _li_json_object_copy (src->extra);
  dst->decay_extra = _li_json_object_copy (src->decay_extra);
}

void
li_fit_rule_copy_to (LiFitRule *dst,
                     const LiFitRule *src)
{
  *dst = *src;
  dst->attribute = g_strdup (src->attribute);
  dst->values = g_strdupv (src->values);
  dst->extra = _li_json_object_copy (src->extra);
}

void
li_stage_copy_to (LiStage *dst,
                  const LiStage *src)
{
  *dst = *src;
  dst->name = g_strdup (src->name);
  dst->channel = g_strdup (src->channel);
  dst->extra = _li_json_object_copy (src->extra);
}

void
li_rules_free (LiRules *rules)
{
  if (rules == NULL)
    return;

  g_free (rules->name);
  g_free (rules->description);
  g_free (rules->outcome_event);
  for (guint i = 0; i < rules->n_intent; i++)
    li_intent_rule_clear (&rules->intent[i]);
  g_free (rules->intent);
  for (guint i = 0; i < rules->n_patterns; i++)
    li_pattern_clear (&rules->patterns[i]);
  g_free (rules->patterns);
  for (guint i = 0; i < rules->n_fit; i++)
    li_fit_rule_clear (&rules->fit[i]);
  g_free (rules->fit);
  for (guint i = 0; i < rules->n_stages; i++)
    li_stage_clear (&rules->stages[i]);
  g_free (rules->stages);
  g_clear_pointer (&rules->extra, json_object_unref);
  g_clear_pointer (&rules->outcome_extra, json_object_unref);
  g_clear_pointer (&rules->decay_extra, json_object_unref);
  g_free (rules);
}

static LiRules *
_li_rules_new_defaults (void)
{
  LiRules *rules = g_new0 (LiRules, 1);

  rules->outcome_event = g_strdup ("purchase");
  rules->window_days = 14;
  rules->decay.model = LI_DECAY_NONE;
  rules->decay.days = 0;
  return rules;
}

LiRules *
li_rules_new (void)
{
  LiRules *rules = _li_rules_new_defaults ();

  rules->n_stages = 1;
  rules->stages = g_new0 (LiStage, 1);
  rules->stages[0].name = g_strdup ("cold");
  return rules;
}

LiRules *
li_rules_copy (const LiRules *rules)
{
  LiRules *copy;

  g_return_val_if_fail (rules != NULL, NULL);

  copy = g_new0 (LiRules, 1);
  *copy = *rules;
  copy->name = g_strdup (rules->name);
  copy->description = g_strdup (rules->description);
  copy->outcome_event = g_strdup (rules->outcome_event);
  copy->extra = _li_json_object_copy (rules->extra);
  copy->outcome_extra = _li_json_object_copy (rules->outcome_extra);
  copy->decay_extra = _li_json_object_copy (rules->decay_extra);

  copy->intent = rules->n_intent > 0 ? g_new0 (LiIntentRule, rules->n_intent) : NULL;
  for (guint i = 0; i < rules->n_intent; i++)
    li_intent_rule_copy_to (&copy->intent[i], &rules->intent[i]);

  copy->patterns = rules->n_patterns > 0 ? g_new0 (LiPattern, rules->n_patterns) : NULL;
  for (guint i = 0; i < rules->n_patterns; i++)
    li_pattern_copy_to (&copy->patterns[i], &rules->patterns[i]);

  copy->fit = rules->n_fit > 0 ? g_new0 (LiFitRule, rules->n_fit) : NULL;
  for (guint i = 0; i < rules->n_fit; i++)
    li_fit_rule_copy_to (&copy->fit[i], &rules->fit[i]);

  copy->stages = rules->n_stages > 0 ? g_new0 (LiStage, rules->n_stages) : NULL;
  for (guint i = 0; i < rules->n_stages; i++)
    li_stage_copy_to (&copy->stages[i], &rules->stages[i]);

  return copy;
}

/* ------------------------------------------------------------------ equality */

static gboolean
_li_strv_equal (const GStrv a,
                const GStrv b)
{
  guint na = a != NULL ? g_strv_length (a) : 0;
  guint nb = b != NULL ? g_strv_length (b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (strcmp (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
_li_decay_equal (const LiDecay *a,
                 const LiDecay *b)
{
  if (a->model != b->model)
    return FALSE;
  return a->model == LI_DECAY_NONE || a->days == b->days;
}

/* Optional decay of a rule or pattern; its unknown keys only count when it is set. */
static gboolean
_li_own_decay_equal (gboolean       a_has,
                     const LiDecay *a,
                     JsonObject    *a_extra,
                     gboolean       b_has,
                     const LiDecay *b,
                     JsonObject    *b_extra)
{
  if (a_has != b_has)
    return FALSE;
  if (!a_has)
    return TRUE;
  return _li_decay_equal (a, b) && _li_json_object_equal (a_extra, b_extra);
}

static gboolean
_li_intent_rule_equal (const LiIntentRule *a,
                       const LiIntentRule *b)
{
  if (g_strcmp0 (a->event, b->event) != 0
      || a->points != b->points
      || a->max_points != b->max_points
      || a->n_where != b->n_where
      || !_li_own_decay_equal (a->has_decay, &a->decay, a->decay_extra,
                               b->has_decay, &b->decay, b->decay_extra)
      || !_li_json_object_equal (a->extra, b->extra))
    return FALSE;
  for (guint w = 0; w < a->n_where; w++)
    if (g_strcmp0 (a->where[w].key, b->where[w].key) != 0
        || !_li_strv_equal (a->where[w].values, b->where[w].values))
      return FALSE;
  return TRUE;
}

static gboolean
_li_pattern_equal (const LiPattern *a,
                   const LiPattern *b)
{
  if (g_strcmp0 (a->name, b->name) != 0
      || a->kind != b->kind
      || !a->enabled != !b->enabled
      || a->points != b->points
      || a->max_points != b->max_points
      || !_li_own_decay_equal (a->has_decay, &a->decay, a->decay_extra,
                               b->has_decay, &b->decay, b->decay_extra)
      || !_li_json_object_equal (a->extra, b->extra))
    return FALSE;

  /* only the fields the kind uses: the others are not saved */
  switch (a->kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
      return a->min_count == b->min_count && a->within_hours == b->within_hours;
    case LI_PATTERN_CATEGORY_FOCUS:
      return a->min_distinct == b->min_distinct && a->within_hours == b->within_hours;
    case LI_PATTERN_SEQUENCE:
      return _li_strv_equal (a->events, b->events) && a->within_hours == b->within_hours;
    case LI_PATTERN_RETURN_DAYS:
      return a->min_days == b->min_days && a->within_days == b->within_days;
    default:
      return TRUE;
    }
}

static gboolean
_li_fit_rule_equal (const LiFitRule *a,
                    const LiFitRule *b)
{
  if (g_strcmp0 (a->attribute, b->attribute) != 0
      || a->op != b->op
      || a->points != b->points
      || !_li_json_object_equal (a->extra, b->extra))
    return FALSE;

  switch (a->op)
    {
    case LI_FIT_EQ:
    case LI_FIT_NE:
    case LI_FIT_IN:
    case LI_FIT_NOT_IN:
      return _li_strv_equal (a->values, b->values);
    case LI_FIT_GT:
    case LI_FIT_GTE:
    case LI_FIT_LT:
    case LI_FIT_LTE:
      return a->number[0] == b->number[0];
    case LI_FIT_BETWEEN:
      return a->number[0] == b->number[0] && a->number[1] == b->number[1];
    default:
      return TRUE;
    }
}

static gboolean
_li_stage_equal (const LiStage *a,
                 const LiStage *b)
{
  if (g_strcmp0 (a->name, b->name) != 0
      || g_strcmp0 (a->channel, b->channel) != 0
      || !a->has_min_score != !b->has_min_score
      || !a->has_min_intent != !b->has_min_intent
      || !a->has_min_fit != !b->has_min_fit
      || !a->has_follow_up != !b->has_follow_up
      || !_li_json_object_equal (a->extra, b->extra))
    return FALSE;
  return (!a->has_min_score || a->min_score == b->min_score)
         && (!a->has_min_intent || a->min_intent == b->min_intent)
         && (!a->has_min_fit || a->min_fit == b->min_fit)
         && (!a->has_follow_up || a->follow_up_minutes == b->follow_up_minutes);
}

gboolean
li_rules_equal (const LiRules *a,
                const LiRules *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  if (g_strcmp0 (a->name, b->name) != 0
      || g_strcmp0 (a->description, b->description) != 0
      || g_strcmp0 (a->outcome_event, b->outcome_event) != 0
      || a->window_days != b->window_days
      || !_li_decay_equal (&a->decay, &b->decay)
      || a->n_intent != b->n_intent
      || a->n_patterns != b->n_patterns
      || a->n_fit != b->n_fit
      || a->n_stages != b->n_stages
      || !_li_json_object_equal (a->extra, b->extra)
      || !_li_json_object_equal (a->outcome_extra, b->outcome_extra)
      || !_li_json_object_equal (a->decay_extra, b->decay_extra))
    return FALSE;

  for (guint i = 0; i < a->n_intent; i++)
    if (!_li_intent_rule_equal (&a->intent[i], &b->intent[i]))
      return FALSE;
  for (guint i = 0; i < a->n_patterns; i++)
    if (!_li_pattern_equal (&a->patterns[i], &b->patterns[i]))
      return FALSE;
  for (guint i = 0; i < a->n_fit; i++)
    if (!_li_fit_rule_equal (&a->fit[i], &b->fit[i]))
      return FALSE;
  for (guint i = 0; i < a->n_stages; i++)
    if (!_li_stage_equal (&a->stages[i], &b->stages[i]))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ decay */

const LiDecay *
li_rules_intent_decay (const LiRules *rules,
                       guint          i)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (i < rules->n_intent, NULL);

  return rules->intent[i].has_decay ? &rules->intent[i].decay : &rules->decay;
}

const LiDecay *
li_rules_pattern_decay (const LiRules *rules,
                        guint          i)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (i < rules->n_patterns, NULL);

  return rules->patterns[i].has_decay ? &rules->patterns[i].decay : &rules->decay;
}

double
li_decay_factor (const LiDecay *decay,
                 double         seconds)
{
  double span;

  g_return_val_if_fail (decay != NULL, 1.0);

  if (decay->model == LI_DECAY_NONE)
    return 1.0;

  span = decay->days * LI_SECONDS_PER_DAY;
  if (!(span > 0))
    return seconds <= 0 ? 1.0 : 0.0;  /* invalid rules: never NaN */

  switch (decay->model)
    {
    case LI_DECAY_EXPONENTIAL:
      return exp2 (-seconds / span);
    case LI_DECAY_WINDOW:
      return seconds < span ? 1.0 : 0.0;
    case LI_DECAY_LINEAR:
      return MAX (0.0, 1.0 - seconds / span);
    case LI_DECAY_NONE:
    default:
      return 1.0;
    }
}

/* ------------------------------------------------------------------ validation */

static void
_li_validate_extra (LiCheck            *check,
                    const char         *path,
                    JsonObject         *extra,
                    const char * const *known,
                    const char         *context)
{
  GList *members;

  if (extra == NULL)
    return;

  members = json_object_get_members (extra);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *child = _li_path_key (path, l->data);

      if (known != NULL && context != NULL && _li_key_in (l->data, known))
        _li_warning (check, child, "not used with %s", context);
      else
        _li_warning (check, child, "unknown key");
    }
  g_list_free (members);
}

static void
_li_validate_required_string (LiCheck    *check,
                              const char *path,
                              const char *value)
{
  if (value == NULL)
    _li_error (check, path, "required");
  else if (value[0] == '\0')
    _li_error (check, path, "must not be empty");
}

static void
_li_validate_finite (LiCheck    *check,
                     const char *parent,
                     const char *key,
                     double      value)
{
  if (!isfinite (value))
    {
      g_autofree char *path = _li_path_key (parent, key);

      _li_error (check, path, "must be a finite number");
    }
}

static void
_li_validate_positive (LiCheck    *check,
                       const char *parent,
                       const char *key,
                       double      value)
{
  if (!(value > 0) || !isfinite (value))
    {
      g_autofree char *path = _li_path_key (parent, key);

      _li_error (check, path, "must be > 0");
    }
}

static void
_li_validate_count (LiCheck    *check,
                    const char *parent,
                    const char *key,
                    guint       value)
{
  if (value < 1)
    {
      g_autofree char *path = _li_path_key (parent, key);

      _li_error (check, path, "must be >= 1");
    }
}

static void
_li_validate_max_points (LiCheck    *check,
                         const char *parent,
                         double      value)
{
  /* 0 means unset */
  if (value != 0 && (!(value > 0) || !isfinite (value)))
    {
      g_autofree char *path = _li_path_key (parent, "max_points");

      _li_error (check, path, "must be > 0");
    }
}

static void
_li_validate_decay (LiCheck       *check,
                    const char    *path,
                    const LiDecay *decay,
                    JsonObject    *extra)
{
  g_autofree char *context = NULL;

  if (!_li_decay_model_valid (decay->model))
    {
      g_autofree char *model_path = _li_path_key (path, "model");

      _li_error (check, model_path, "invalid decay model");
      return;
    }

  if (decay->model == LI_DECAY_EXPONENTIAL)
    _li_validate_positive (check, path, "half_life_days", decay->days);
  else if (decay->model != LI_DECAY_NONE)
    _li_validate_positive (check, path, "days", decay->days);

  context = g_strdup_printf ("model \"%s\"", li_decay_model_to_string (decay->model));
  _li_validate_extra (check, path, extra, decay_keys, context);
}

static void
_li_validate_top (LiCheck       *check,
                  const LiRules *rules)
{
  _li_validate_extra (check, "", rules->extra, NULL, NULL);
}

static void
_li_validate_outcome (LiCheck       *check,
                      const LiRules *rules)
{
  _li_validate_required_string (check, "outcome.event", rules->outcome_event);
  _li_validate_positive (check, "outcome", "window_days", rules->window_days);
  _li_validate_extra (check, "outcome", rules->outcome_extra, NULL, NULL);
}

static void
_li_validate_leak (LiCheck       *check,
                   const LiRules *rules,
                   const char    *path,
                   const char    *event)
{
  if (event != NULL && rules->outcome_event != NULL
      && strcmp (event, rules->outcome_event) == 0)
    _li_error (check, path,
               "uses the outcome event \"%s\" (it would leak the outcome into the score)",
               event);
}

static void
_li_validate_intent (LiCheck       *check,
                     const LiRules *rules,
                     guint          i)
{
  const LiIntentRule *rule = &rules->intent[i];
  g_autofree char *path = _li_path_index ("intent", i);
  g_autofree char *event_path = _li_path_key (path, "event");
  g_autofree char *where_path = _li_path_key (path, "where");

  _li_validate_required_string (check, event_path, rule->event);
  _li_validate_leak (check, rules, event_path, rule->event);

  for (guint w = 0; w < rule->n_where; w++)
    {
      const LiWhere *where = &rule->where[w];

      if (where->key == NULL || where->key[0] == '\0')
        _li_error (check, where_path, "empty property name");
      else if (where->values == NULL || where->values[0] == NULL)
        {
          g_autofree char *key_path = _li_path_key (where_path, where->key);

          _li_error (check, key_path, "must not be empty");
        }
    }

  _li_validate_finite (check, path, "points", rule->points);
  _li_validate_max_points (check, path, rule->max_points);
  if (rule->has_decay)
    {
      g_autofree char *decay_path = _li_path_key (path, "decay");

      _li_validate_decay (check, decay_path, &rule->decay, rule->decay_extra);
    }
  _li_validate_extra (check, path, rule->extra, NULL, NULL);
}

static void
_li_validate_pattern (LiCheck       *check,
                      const LiRules *rules,
                      guint          i)
{
  const LiPattern *pattern = &rules->patterns[i];
  g_autofree char *path = _li_path_index ("patterns", i);
  g_autofree char *name_path = _li_path_key (path, "name");
  g_autofree char *kind_path = _li_path_key (path, "kind");
  g_autofree char *context = NULL;

  _li_validate_required_string (check, name_path, pattern->name);
  if (pattern->name != NULL && pattern->name[0] != '\0')
    {
      for (guint j = 0; j < i; j++)
        {
          if (g_strcmp0 (rules->patterns[j].name, pattern->name) == 0)
            {
              _li_warning (check, name_path, "duplicate pattern name \"%s\"", pattern->name);
              break;
            }
        }
    }

  if (!_li_pattern_kind_valid (pattern->kind))
    _li_error (check, kind_path, "invalid pattern kind");

  switch (pattern->kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
    case LI_PATTERN_CATEGORY_FOCUS:
      if (pattern->kind == LI_PATTERN_REPEAT_PRODUCT)
        _li_validate_count (check, path, "min_count", pattern->min_count);
      else
        _li_validate_count (check, path, "min_distinct", pattern->min_distinct);
      _li_validate_positive (check, path, "within_hours", pattern->within_hours);
      if (g_strcmp0 (rules->outcome_event, "product_view") == 0)
        _li_validate_leak (check, rules, kind_path, "product_view");
      break;

    case LI_PATTERN_SEQUENCE:
      {
        g_autofree char *events_path = _li_path_key (path, "events");
        guint n = pattern->events != NULL ? g_strv_length (pattern->events) : 0;

        for (guint k = 0; k < n; k++)
          {
            g_autofree char *event_path = _li_path_index (events_path, k);

            if (pattern->events[k][0] == '\0')
              _li_error (check, event_path, "must not be empty");
            _li_validate_leak (check, rules, event_path, pattern->events[k]);
          }
        if (n < 2)
          _li_error (check, events_path, "needs at least two events");
        _li_validate_positive (check, path, "within_hours", pattern->within_hours);
        break;
      }

    case LI_PATTERN_RETURN_DAYS:
      _li_validate_count (check, path, "min_days", pattern->min_days);
      _li_validate_positive (check, path, "within_days", pattern->within_days);
      break;

    default:
      break;
    }

  _li_validate_finite (check, path, "points", pattern->points);
  _li_validate_max_points (check, path, pattern->max_points);
  if (pattern->has_decay)
    {
      g_autofree char *decay_path = _li_path_key (path, "decay");

      _li_validate_decay (check, decay_path, &pattern->decay, pattern->decay_extra);
    }

  if (_li_pattern_kind_valid (pattern->kind))
    context = g_strdup_printf ("kind \"%s\"", li_pattern_kind_to_string (pattern->kind));
  _li_validate_extra (check, path, pattern->extra, pattern_keys, context);
}

static void
_li_validate_fit (LiCheck       *check,
                  const LiRules *rules,
                  guint          i)
{
  const LiFitRule *rule = &rules->fit[i];
  g_autofree char *path = _li_path_index ("fit", i);
  g_autofree char *attribute_path = _li_path_key (path, "attribute");
  g_autofree char *value_path = _li_path_key (path, "value");
  g_autofree char *values_path = _li_path_key (path, "values");
  g_autofree char *context = NULL;
  guint n_values = rule->values != NULL ? g_strv_length (rule->values) : 0;

  _li_validate_required_string (check, attribute_path, rule->attribute);

  switch (rule->op)
    {
    case LI_FIT_EQ:
    case LI_FIT_NE:
      if (n_values == 0)
        _li_error (check, value_path, "required");
      else if (n_values > 1)
        _li_error (check, value_path, "expected a single value");
      break;

    case LI_FIT_IN:
    case LI_FIT_NOT_IN:
      if (n_values == 0)
        _li_error (check, values_path, "must not be empty");
      break;

    case LI_FIT_GT:
    case LI_FIT_GTE:
    case LI_FIT_LT:
    case LI_FIT_LTE:
      _li_validate_finite (check, path, "value", rule->number[0]);
      break;

    case LI_FIT_BETWEEN:
      if (!isfinite (rule->number[0]) || !isfinite (rule->number[1]))
        _li_error (check, values_path, "must be finite numbers");
      else if (rule->number[0] > rule->number[1])
        _li_error (check, values_path, "low must be <= high");
      break;

    case LI_FIT_EXISTS:
    case LI_FIT_MISSING:
      break;

    default:
      {
        g_autofree char *op_path = _li_path_key (path, "op");

        _li_error (check, op_path, "invalid operator");
        break;
      }
    }

  _li_validate_finite (check, path, "points", rule->points);

  if (_li_fit_op_valid (rule->op))
    context = g_strdup_printf ("op \"%s\"", li_fit_op_to_string (rule->op));
  _li_validate_extra (check, path, rule->extra, fit_keys, context);
}

static gboolean
_li_stage_has_condition (const LiStage *stage)
{
  return stage->has_min_score || stage->has_min_intent || stage->has_min_fit;
}

static void
_li_validate_stage (LiCheck       *check,
                    const LiRules *rules,
                    guint          i)
{
  const LiStage *stage = &rules->stages[i];
  g_autofree char *path = _li_path_index ("stages", i);
  g_autofree char *name_path = _li_path_key (path, "name");

  _li_validate_required_string (check, name_path, stage->name);
  if (stage->name != NULL && stage->name[0] != '\0')
    {
      for (guint j = 0; j < i; j++)
        {
          if (g_strcmp0 (rules->stages[j].name, stage->name) == 0)
            {
              _li_error (check, name_path, "duplicate stage name \"%s\"", stage->name);
              break;
            }
        }
    }

  if (stage->has_min_score)
    _li_validate_finite (check, path, "min_score", stage->min_score);
  if (stage->has_min_intent)
    _li_validate_finite (check, path, "min_intent", stage->min_intent);
  if (stage->has_min_fit)
    _li_validate_finite (check, path, "min_fit", stage->min_fit);
  if (stage->has_follow_up
      && (!(stage->follow_up_minutes >= 0) || !isfinite (stage->follow_up_minutes)))
    {
      g_autofree char *follow_path = _li_path_key (path, "follow_up_minutes");

      _li_error (check, follow_path, "must be >= 0");
    }
  _li_validate_extra (check, path, stage->extra, NULL, NULL);
}

/* The checks on the list as a whole, after every stage. */
static void
_li_validate_stage_list (LiCheck       *check,
                         const LiRules *rules)
{
  guint last;

  if (rules->n_stages == 0)
    {
      _li_error (check, "stages", "must have at least one stage");
      return;
    }

  last = rules->n_stages - 1;
  for (guint i = 0; i < last; i++)
    {
      g_autofree char *path = _li_path_index ("stages", i);

      if (_li_check_suppressed (check, path) || _li_stage_has_condition (&rules->stages[i]))
        continue;
      for (guint j = i + 1; j <= last; j++)
        {
          g_autofree char *later = _li_path_index ("stages", j);

          _li_warning (check, later, "stage is unreachable");
        }
      break;
    }

  if (_li_stage_has_condition (&rules->stages[last]))
    {
      g_autofree char *path = _li_path_index ("stages", last);

      /* not suppressible: the flags are right even when a value had the wrong type */
      _li_check_add (check, FALSE, LI_PROBLEM_ERROR, path, "the last stage must have no condition");
    }
}

static void
_li_validate_run (LiCheck       *check,
                  const LiRules *rules)
{
  _li_validate_top (check, rules);
  _li_validate_outcome (check, rules);
  _li_validate_decay (check, "decay", &rules->decay, rules->decay_extra);
  for (guint i = 0; i < rules->n_intent; i++)
    _li_validate_intent (check, rules, i);
  for (guint i = 0; i < rules->n_patterns; i++)
    _li_validate_pattern (check, rules, i);
  for (guint i = 0; i < rules->n_fit; i++)
    _li_validate_fit (check, rules, i);
  for (guint i = 0; i < rules->n_stages; i++)
    _li_validate_stage (check, rules, i);
  _li_validate_stage_list (check, rules);
}

gboolean
li_rules_validate (const LiRules *rules,
                   GPtrArray     *problems)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  LiCheck check;
  gboolean ok;

  g_return_val_if_fail (rules != NULL, FALSE);

  _li_check_init (&check, found);
  check.validating = TRUE;
  _li_validate_run (&check, rules);
  ok = check.n_errors == 0;
  _li_check_clear (&check);

  g_ptr_array_set_free_func (found, NULL);
  _li_move_problems (found, problems);
  return ok;
}

/* ------------------------------------------------------------------ parsing */

static gboolean
_li_node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
_li_node_is_string (JsonNode *node)
{
  return node != NULL
         && JSON_NODE_TYPE (node) == JSON_NODE_VALUE
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

static double
_li_node_number (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  return json_node_get_double (node);
}

static gboolean
_li_read_number (LiCheck    *check,
                 const char *path,
                 JsonNode   *node,
                 double     *out)
{
  double value;

  if (!_li_node_is_number (node))
    {
      _li_error (check, path, "expected a number");
      return FALSE;
    }
  value = _li_node_number (node);
  if (!isfinite (value))
    {
      _li_error (check, path, "out of range");
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* An integer count: values below 1 are stored as 0 for the validator. */
static gboolean
_li_read_count (LiCheck    *check,
                const char *path,
                JsonNode   *node,
                guint      *out)
{
  double value;

  if (!_li_node_is_number (node) || !_li_is_integral (_li_node_number (node)))
    {
      _li_error (check, path, "expected an integer");
      return FALSE;
    }
  value = _li_node_number (node);
  if (value > G_MAXUINT)
    {
      _li_error (check, path, "out of range");
      return FALSE;
    }
  *out = value < 1 ? 0 : (guint) value;
  return TRUE;
}

static gboolean
_li_read_string (LiCheck    *check,
                 const char *path,
                 JsonNode   *node,
                 char      **out)
{
  if (!_li_node_is_string (node))
    {
      _li_error (check, path, "expected a string");
      return FALSE;
    }
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static JsonObject *
_li_read_object (LiCheck    *check,
                 const char *path,
                 JsonNode   *node)
{
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
    {
      _li_error (check, path, "expected an object");
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
_li_read_array (LiCheck    *check,
                const char *path,
                JsonNode   *node)
{
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    {
      _li_error (check, path, "expected an array");
      return NULL;
    }
  return json_node_get_array (node);
}

static void
_li_require (LiCheck    *check,
             JsonObject *object,
             const char *path,
             const char *key)
{
  if (!json_object_has_member (object, key))
    {
      g_autofree char *child = _li_path_key (path, key);

      _li_error (check, child, "required");
    }
}

/* A string, or a number kept as text (eq, ne, in, not_in). */
static char *
_li_read_text (LiCheck    *check,
               const char *path,
               JsonNode   *node)
{
  if (_li_node_is_string (node))
    return g_strdup (json_node_get_string (node));
  if (_li_node_is_number (node))
    {
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (isfinite (json_node_get_double (node)))
        return li_format_number (json_node_get_double (node));
      _li_error (check, path, "out of range");
      return NULL;
    }
  _li_error (check, path, "expected a string or a number");
  return NULL;
}

static void
_li_parse_decay (LiCheck     *check,
                 const char  *path,
                 JsonNode    *node,
                 LiDecay     *decay,
                 JsonObject **extra)
{
  JsonObject *object;
  JsonNode *model_node;
  gboolean model_known = FALSE;
  GList *members;

  decay->model = (LiDecayModel) LI_INVALID_ENUM;
  decay->days = 0;

  if ((object = _li_read_object (check, path, node)) == NULL)
    return;

  model_node = json_object_get_member (object, "model");
  if (model_node == NULL)
    _li_require (check, object, path, "model");
  else
    {
      g_autofree char *model_path = _li_path_key (path, "model");

      if (!_li_node_is_string (model_node))
        _li_error (check, model_path, "expected a string");
      else if (li_decay_model_from_string (json_node_get_string (model_node), &decay->model))
        model_known = TRUE;
      else
        _li_error (check, model_path, "unknown decay model \"%s\"",
                   json_node_get_string (model_node));
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *child = _li_path_key (path, key);

      if (strcmp (key, "model") == 0)
        continue;
      if (!_li_key_in (key, decay_keys)
          || (model_known && !_li_decay_key_applies (decay->model, key)))
        _li_extra_add (extra, key, member);
      else
        _li_read_number (check, child, member, &decay->days);
    }
  g_list_free (members);

  if (model_known && decay->model == LI_DECAY_EXPONENTIAL)
    _li_require (check, object, path, "half_life_days");
  else if (model_known && decay->model != LI_DECAY_NONE)
    _li_require (check, object, path, "days");
}

static void
_li_parse_where (LiCheck      *check,
                 const char   *path,
                 JsonNode     *node,
                 LiIntentRule *rule)
{
  JsonObject *object;
  GList *members;
  guint n;

  if ((object = _li_read_object (check, path, node)) == NULL)
    return;

  members = json_object_get_members (object);
  n = g_list_length (members);
  rule->where = n > 0 ? g_new0 (LiWhere, n) : NULL;
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *child = _li_path_key (path, key);
      LiWhere *where = &rule->where[rule->n_where++];

      where->key = g_strdup (key);
      if (_li_node_is_string (member))
        {
          where->values = g_new0 (char *, 2);
          where->values[0] = g_strdup (json_node_get_string (member));
        }
      else if (JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);
          guint len = json_array_get_length (array);

          where->values = g_new0 (char *, len + 1);
          for (guint k = 0; k < len; k++)
            {
              JsonNode *element = json_array_get_element (array, k);

              if (!_li_node_is_string (element))
                {
                  _li_error (check, child, "expected a string or an array of strings");
                  break;
                }
              where->values[k] = g_strdup (json_node_get_string (element));
            }
        }
      else
        {
          _li_error (check, child, "expected a string or an array of strings");
          where->values = g_new0 (char *, 1);
        }
    }
  g_list_free (members);
}

static void
_li_parse_intent (LiCheck    *check,
                  const char *path,
                  JsonNode   *node,
                  gpointer    item)
{
  LiIntentRule *rule = item;
  JsonObject *object;
  GList *members;

  if ((object = _li_read_object (check, path, node)) == NULL)
    return;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *child = _li_path_key (path, key);

      if (strcmp (key, "event") == 0)
        _li_read_string (check, child, member, &rule->event);
      else if (strcmp (key, "where") == 0)
        _li_parse_where (check, child, member, rule);
      else if (strcmp (key, "points") == 0)
        _li_read_number (check, child, member, &rule->points);
      else if (strcmp (key, "max_points") == 0)
        {
          double value;

          if (_li_read_number (check, child, member, &value))
            {
              if (value > 0)
                rule->max_points = value;
              else
                _li_error (check, child, "must be > 0");
            }
        }
      else if (strcmp (key, "decay") == 0)
        {
          rule->has_decay = TRUE;
          _li_parse_decay (check, child, member, &rule->decay, &rule->decay_extra);
        }
      else
        _li_extra_add (&rule->extra, key, member);
    }
  g_list_free (members);

  _li_require (check, object, path, "event");
  _li_require (check, object, path, "points");
}

static void
_li_parse_events (LiCheck    *check,
                  const char *path,
                  JsonNode   *node,
                  LiPattern  *pattern)
{
  JsonArray *array;
  guint len;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    {
      _li_error (check, path, "expected an array of event names");
      return;
    }

  array = json_node_get_array (node);
  len = json_array_get_length (array);
  g_strfreev (pattern->events);
  pattern->events = g_new0 (char *, len + 1);
  for (guint k = 0; k < len; k++)
    {
      JsonNode *element = json_array_get_element (array, k);

      if (_li_node_is_string (element))
        pattern->events[k] = g_strdup (json_node_get_string (element));
      else
        {
          g_autofree char *child = _li_path_index (path, k);

          _li_error (check, child, "expected a string");
          pattern->events[k] = g_strdup ("");  /* keeps the indices of the others */
        }
    }
}

static void
_li_parse_pattern (LiCheck    *check,
                   const char *path,
                   JsonNode   *node,
                   gpointer    item)
{
  LiPattern *pattern = item;
  JsonObject *object;
  JsonNode *kind_node;
  gboolean kind_known = FALSE;
  GList *members;

  pattern->enabled = TRUE;
  pattern->kind = (LiPatternKind) LI_INVALID_ENUM;

  if ((object = _li_read_object (check, path, node)) == NULL)
    return;

  kind_node = json_object_get_member (object, "kind");
  if (kind_node != NULL)
    {
      g_autofree char *kind_path = _li_path_key (path, "kind");

      if (!_li_node_is_string (kind_node))
        _li_error (check, kind_path, "expected a string");
      else if (li_pattern_kind_from_string (json_node_get_string (kind_node), &pattern->kind))
        kind_known = TRUE;
      else
        _li_error (check, kind_path, "unknown pattern kind \"%s\"",
                   json_node_get_string (kind_node));
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *child = _li_path_key (path, key);

      if (strcmp (key, "kind") == 0)
        continue;
      if (!_li_key_in (key, pattern_keys)
          || (kind_known && !_li_pattern_key_applies (pattern->kind, key)))
        _li_extra_add (&pattern->extra, key, member);
      else if (strcmp (key, "name") == 0)
        _li_read_string (check, child, member, &pattern->name);
      else if (strcmp (key, "enabled") == 0)
        {
          if (member != NULL && JSON_NODE_TYPE (member) == JSON_NODE_VALUE
              && json_node_get_value_type (member) == G_TYPE_BOOLEAN)
            pattern->enabled = json_node_get_boolean (member);
          else
            _li_error (check, child, "expected true or false");
        }
      else if (strcmp (key, "min_count") == 0)
        _li_read_count (check, child, member, &pattern->min_count);
      else if (strcmp (key, "min_distinct") == 0)
        _li_read_count (check, child, member, &pattern->min_distinct);
      else if (strcmp (key, "min_days") == 0)
        _li_read_count (check, child, member, &pattern->min_days);
      else if (strcmp (key, "events") == 0)
        _li_parse_events (check, child, member, pattern);
      else if (strcmp (key, "within_hours") == 0)
        _li_read_number (check, child, member, &pattern->within_hours);
      else if (strcmp (key, "within_days") == 0)
        _li_read_number (check, child, member, &pattern->within_days);
      else if (strcmp (key, "points") == 0)
        _li_read_number (check, child, member, &pattern->points);
      else if (strcmp (key, "max_points") == 0)
        {
          double value;

          if (_li_read_number (check, child, member, &value))
            {
              if (value > 0)
                pattern->max_points = value;
              else
                _li_error (check, child, "must be > 0");
            }
        }
      else if (strcmp (key, "decay") == 0)
        {
          pattern->has_decay = TRUE;
          _li_parse_decay (check, child, member, &pattern->decay, &pattern->decay_extra);
        }
    }
  g_list_free (members);

  _li_require (check, object, path, "name");
  _li_require (check, object, path, "kind");
  if (kind_known)
    {
      switch (pattern->kind)
        {
        case LI_PATTERN_REPEAT_PRODUCT:
          _li_require (check, object, path, "min_count");
          _li_require (check, object, path, "within_hours");
          break;
        case LI_PATTERN_CATEGORY_FOCUS:
          _li_require (check, object, path, "min_distinct");
          _li_require (check, object, path, "within_hours");
          break;
        case LI_PATTERN_SEQUENCE:
          _li_require (check, object, path, "events");
          _li_require (check, object, path, "within_hours");
          break;
        case LI_PATTERN_RETURN_DAYS:
          _li_require (check, object, path, "min_days");
          _li_require (check, object, path, "within_days");
          break;
        default:
          break;
        }
    }
  _li_require (check, object, path, "points");
}

static void
_li_parse_fit_values (LiCheck    *check,
                      const char *path,
                      JsonNode   *node,
                      LiFitRule  *rule)
{
  JsonArray *array;
  guint len;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    {
      if (rule->op == LI_FIT_BETWEEN)
        _li_error (check, path, "expected [low, high]");
      else
        _li_error (check, path, "expected an array");
      return;
    }

  array = json_node_get_array (node);
  len = json_array_get_length (array);

  if (rule->op == LI_FIT_BETWEEN)
    {
      if (len != 2)
        {
          _li_error (check, path, "expected [low, high]");
          return;
        }
      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *child = _li_path_index (path, k);

          _li_read_number (check, child, json_array_get_element (array, k), &rule->number[k]);
        }
      return;
    }

  g_strfreev (rule->values);
  rule->values = g_new0 (char *, len + 1);
  for (guint k = 0, n = 0; k < len; k++)
    {
      g_autofree char *child = _li_path_index (path, k);
      char *text = _li_read_text (check, child, json_array_get_element (array, k));

      if (text != NULL)
        rule->values[n++] = text;
    }
}

static void
_li_parse_fit (LiCheck    *check,
               const char *path,
               JsonNode   *node,
               gpointer    item)
{
  LiFitRule *rule = item;
  JsonObject *object;
  JsonNode *op_node;
  gboolean op_known = FALSE;
  GList *members;

  rule->op = (LiFitOp) LI_INVALID_ENUM;

  if ((object = _li_read_object (check, path, node)) == NULL)
    return;

  op_node = json_object_get_member (object, "op");
  if (op_node != NULL)
    {
      g_autofree char *op_path = _li_path_key (path, "op");

      if (!_li_node_is_string (op_node))
        _li_error (check, op_path, "expected a string");
      else if (li_fit_op_from_string (json_node_get_string (op_node), &rule->op))
        op_known = TRUE;
      else
        _li_error (check, op_path, "unknown operator \"%s\"", json_node_get_string (op_node));
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *child = _li_path_key (path, key);

      if (strcmp (key, "op") == 0)
        continue;
      if (!_li_key_in (key, fit_keys) || (op_known && !_li_fit_key_applies (rule->op, key)))
        _li_extra_add (&rule->extra, key, member);
      else if (strcmp (key, "attribute") == 0)
        _li_read_string (check, child, member, &rule->attribute);
      else if (strcmp (key, "points") == 0)
        _li_read_number (check, child, member, &rule->points);
      else if (!op_known)
        continue;  /* cannot tell what value or values should be */
      else if (strcmp (key, "value") == 0 && _li_fit_op_numeric (rule->op))
        _li_read_number (check, child, member, &rule->number[0]);
      else if (strcmp (key, "value") == 0)
        {
          char *text = _li_read_text (check, child, member);

          if (text != NULL)
            {
              g_strfreev (rule->values);
              rule->values = g_new0 (char *, 2);
              rule->values[0] = text;
            }
        }
      else if (strcmp (key, "values") == 0)
        _li_parse_fit_values (check, child, member, rule);
    }
  g_list_free (members);

  _li_require (check, object, path, "attribute");
  _li_require (check, object, path, "op");
  if (op_known && _li_fit_op_has_value (rule->op))
    _li_require (check, object, path, "value");
  else if (op_known && _li_fit_op_has_values (rule->op))
    _li_require (check, object, path, "values");
  _li_require (check, object, path, "points");
}

static void
_li_parse_stage (LiCheck    *check,
                 const char *path,
                 JsonNode   *node,
                 gpointer    item)
{
  LiStage *stage = item;
  JsonObject *object;
  GList *members;

  if ((object = _li_read_object (check, path, node)) == NULL)
    return;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *child = _li_path_key (path, key);

      /* a condition counts as present even when its value is wrong */
      if (strcmp (key, "name") == 0)
        _li_read_string (check, child, member, &stage->name);
      else if (strcmp (key, "min_score") == 0)
        {
          stage->has_min_score = TRUE;
          _li_read_number (check, child, member, &stage->min_score);
        }
      else if (strcmp (key, "min_intent") == 0)
        {
          stage->has_min_intent = TRUE;
          _li_read_number (check, child, member, &stage->min_intent);
        }
      else if (strcmp (key, "min_fit") == 0)
        {
          stage->has_min_fit = TRUE;
          _li_read_number (check, child, member, &stage->min_fit);
        }
      else if (strcmp (key, "channel") == 0)
        _li_read_string (check, child, member, &stage->channel);
      else if (strcmp (key, "follow_up_minutes") == 0)
        {
          stage->has_follow_up = TRUE;
          _li_read_number (check, child, member, &stage->follow_up_minutes);
        }
      else
        _li_extra_add (&stage->extra, key, member);
    }
  g_list_free (members);

  _li_require (check, object, path, "name");
}

static void
_li_parse_header (LiCheck    *check,
                  JsonObject *object)
{
  JsonNode *node;

  node = json_object_get_member (object, "format");
  if (node == NULL)
    _li_warning (check, "format", "missing (expected \"%s\")", LI_RULES_FORMAT);
  else if (!_li_node_is_string (node) || strcmp (json_node_get_string (node), LI_RULES_FORMAT) != 0)
    _li_error (check, "format", "expected \"%s\"", LI_RULES_FORMAT);

  node = json_object_get_member (object, "format_version");
  if (node == NULL)
    _li_warning (check, "format_version", "missing (assuming %d)", LI_RULES_VERSION);
  else if (!_li_node_is_number (node) || !_li_is_integral (_li_node_number (node)))
    _li_error (check, "format_version", "expected an integer");
  else if (_li_node_number (node) != LI_RULES_VERSION)
    {
      g_autofree char *text = li_format_number (_li_node_number (node));

      _li_error (check, "format_version", "unsupported format_version %s", text);
    }
}

static void
_li_parse_outcome (LiCheck    *check,
                   JsonNode   *node,
                   LiRules    *rules)
{
  JsonObject *object;
  GList *members;

  if ((object = _li_read_object (check, "outcome", node)) == NULL)
    return;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *child = _li_path_key ("outcome", key);

      if (strcmp (key, "event") == 0)
        _li_read_string (check, child, member, &rules->outcome_event);
      else if (strcmp (key, "window_days") == 0)
        _li_read_number (check, child, member, &rules->window_days);
      else
        _li_extra_add (&rules->outcome_extra, key, member);
    }
  g_list_free (members);
}

/* The array under @key, or NULL (then an error unless it is missing). */
static JsonArray *
_li_section_array (LiCheck    *check,
                   JsonObject *object,
                   const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    return NULL;
  return _li_read_array (check, key, node);
}


typedef void (*LiParseItem)    (LiCheck       *check,
                                const char    *path,
                                JsonNode      *node,
                                gpointer       item);
typedef void (*LiValidateItem) (LiCheck       *check,
                                const LiRules *rules,
                                guint          i);

/* Parses one list (intent, patterns, fit, stages) into @items, validating
 * each item once it is read so that its problems follow its parse errors. */
static void
_li_parse_section (LiCheck        *check,
                   LiRules        *rules,
                   JsonArray      *array,
                   const char     *section,
                   gsize           item_size,
                   gpointer       *items,
                   guint          *n_items,
                   LiParseItem     parse,
                   LiValidateItem  validate)
{
  guint n;

  if (array == NULL)
    return;
  n = json_array_get_length (array);
  *items = n > 0 ? g_malloc0_n (n, item_size) : NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = _li_path_index (section, i);

      (*n_items)++;
      parse (check, path, json_array_get_element (array, i), (char *) *items + i * item_size);
      check->validating = TRUE;
      validate (check, rules, i);
      check->validating = FALSE;
    }
}

static LiRules *
_li_rules_parse (LiCheck  *check,
                 JsonNode *root)
{
  LiRules *rules = _li_rules_new_defaults ();
  JsonObject *object;
  JsonNode *node;
  GList *members;

  if (root == NULL || JSON_NODE_TYPE (root) != JSON_NODE_OBJECT)
    {
      _li_error (check, "", "expected a JSON object");
      return rules;
    }
  object = json_node_get_object (root);

  _li_parse_header (check, object);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!_li_key_in (l->data, top_keys))
      _li_extra_add (&rules->extra, l->data, json_object_get_member (object, l->data));
  g_list_free (members);

  if ((node = json_object_get_member (object, "name")) != NULL)
    _li_read_string (check, "name", node, &rules->name);
  if ((node = json_object_get_member (object, "description")) != NULL)
    _li_read_string (check, "description", node, &rules->description);

  check->validating = TRUE;
  _li_validate_top (check, rules);
  check->validating = FALSE;

  if ((node = json_object_get_member (object, "outcome")) != NULL)
    _li_parse_outcome (check, node, rules);
  if ((node = json_object_get_member (object, "decay")) != NULL)
    _li_parse_decay (check, "decay", node, &rules->decay, &rules->decay_extra);

  check->validating = TRUE;
  _li_validate_outcome (check, rules);
  _li_validate_decay (check, "decay", &rules->decay, rules->decay_extra);
  check->validating = FALSE;

  _li_parse_section (check, rules, _li_section_array (check, object, "intent"), "intent",
                     sizeof (LiIntentRule), (gpointer *) &rules->intent, &rules->n_intent,
                     _li_parse_intent, _li_validate_intent);
  _li_parse_section (check, rules, _li_section_array (check, object, "patterns"), "patterns",
                     sizeof (LiPattern), (gpointer *) &rules->patterns, &rules->n_patterns,
                     _li_parse_pattern, _li_validate_pattern);
  _li_parse_section (check, rules, _li_section_array (check, object, "fit"), "fit",
                     sizeof (LiFitRule), (gpointer *) &rules->fit, &rules->n_fit,
                     _li_parse_fit, _li_validate_fit);
  if (!json_object_has_member (object, "stages"))
    _li_error (check, "stages", "required");
  else
    _li_parse_section (check, rules, _li_section_array (check, object, "stages"), "stages",
                       sizeof (LiStage), (gpointer *) &rules->stages, &rules->n_stages,
                       _li_parse_stage, _li_validate_stage);

  check->validating = TRUE;
  _li_validate_stage_list (check, rules);
  check->validating = FALSE;

  return rules;
}

/* json-glib's parser recurses: refuse absurd nesting before it sees it. */
static gboolean
_li_nesting_ok (const char *data,
                gsize       len,
                guint      *line_out)
{
  guint depth = 0, line = 1;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\' && i + 1 < len && data[i + 1] != '\n')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > LI_RULES_MAX_DEPTH)
            {
              *line_out = line;
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* "<data>:2:7: Parse error: unexpected …" → "line 2, column 7: unexpected …" */
static char *
_li_parse_error_message (const char *message)
{
  const char *p = message;
  guint64 line, column;
  char *end;

  if (!g_str_has_prefix (p, "<data>:"))
    return g_strdup_printf ("invalid JSON: %s", message);
  p += strlen ("<data>:");
  line = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return g_strdup_printf ("invalid JSON: %s", message);
  p = end + 1;
  column = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return g_strdup_printf ("invalid JSON: %s", message);
  p = end + 1;
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "Parse error: "))
    p += strlen ("Parse error: ");
  return g_strdup_printf ("line %" G_GUINT64_FORMAT ", column %" G_GUINT64_FORMAT ": %s",
                          line, column, p);
}

static void
_li_parse_failed (const char *message,
                  GPtrArray  *problems,
                  GError    **error)
{
  if (problems != NULL)
    g_ptr_array_add (problems, li_problem_new (LI_PROBLEM_ERROR, "", message));
  g_set_error_literal (error, LI_RULES_ERROR, LI_RULES_ERROR_PARSE, message);
}

LiRules *
li_rules_from_data (const char *data,
                    gssize      len,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LiRules *rules;
  LiCheck check;
  const LiProblem *first;
  guint line;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (len < 0)
    len = strlen (data);

  if (!_li_nesting_ok (data, len, &line))
    {
      g_autofree char *message = g_strdup_printf ("line %u: nested deeper than %d levels",
                                                  line, LI_RULES_MAX_DEPTH);

      _li_parse_failed (message, problems, error);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_autofree char *message = _li_parse_error_message (local_error->message);

      _li_parse_failed (message, problems, error);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      _li_parse_failed ("no JSON data", problems, error);
      return NULL;
    }

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  _li_check_init (&check, found);
  rules = _li_rules_parse (&check, json_parser_get_root (parser));
  _li_check_clear (&check);

  if ((first = _li_first_error (found)) != NULL)
    {
      g_autofree char *message = li_problem_to_string (first);

      g_set_error_literal (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID, message);
      g_clear_pointer (&rules, li_rules_free);
    }

  g_ptr_array_set_free_func (found, NULL);
  _li_move_problems (found, problems);
  return rules;
}

LiRules *
li_rules_from_file (const char *path,
                    GPtrArray  *problems,
                    GError    **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > LI_RULES_MAX_SIZE)
    {
      g_autofree char *message = g_strdup_printf ("the file is larger than %d MiB",
                                                  LI_RULES_MAX_SIZE / (1024 * 1024));

      _li_parse_failed (message, problems, error);
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (len > G_MAXSSIZE)
    {
      _li_parse_failed ("the file is too large", problems, error);
      return NULL;
    }
  return li_rules_from_data (data, (gssize) len, problems, error);
}

/* ------------------------------------------------------------------ saving */

static void
_li_object_add_extra (JsonObject *object,
                      JsonObject *extra)
{
  GList *members;

  if (extra == NULL)
    return;

  members = json_object_get_members (extra);
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (object, l->data))
      json_object_set_member (object, l->data,
                              _li_json_node_copy (json_object_get_member (extra, l->data)));
  g_list_free (members);
}

static void
_li_object_set_string (JsonObject *object,
                       const char *key,
                       const char *value)
{
  if (value != NULL)
    json_object_set_member (object, key, _li_node_new_string (value));
}

static void
_li_object_set_number (JsonObject *object,
                       const char *key,
                       double      value)
{
  json_object_set_member (object, key, _li_node_new_number (value));
}

static JsonNode *
_li_node_new_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

static JsonNode *
_li_node_new_array (JsonArray *array)
{
  JsonNode *node = json_node_init_array (json_node_alloc (), array);

  json_array_unref (array);
  return node;
}

static JsonNode *
_li_strv_to_node (const GStrv values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_element (array, _li_node_new_string (values[i]));
  return _li_node_new_array (array);
}

static JsonNode *
_li_decay_to_node (const LiDecay *decay,
                   JsonObject    *extra)
{
  JsonObject *object = json_object_new ();

  _li_object_set_string (object, "model", li_decay_model_to_string (decay->model));
  if (decay->model == LI_DECAY_EXPONENTIAL)
    _li_object_set_number (object, "half_life_days", decay->days);
  else if (decay->model == LI_DECAY_WINDOW || decay->model == LI_DECAY_LINEAR)
    _li_object_set_number (object, "days", decay->days);
  _li_object_add_extra (object, extra);
  return _li_node_new_object (object);
}

static JsonNode *
_li_intent_to_node (const LiIntentRule *rule)
{
  JsonObject *object = json_object_new ();

  _li_object_set_string (object, "event", rule->event);
  if (rule->n_where > 0)
    {
      JsonObject *where = json_object_new ();

      for (guint w = 0; w < rule->n_where; w++)
        {
          const GStrv values = rule->where[w].values;

          if (rule->where[w].key == NULL)
            continue;
          if (values != NULL && values[0] != NULL && values[1] == NULL)
            json_object_set_member (where, rule->where[w].key, _li_node_new_string (values[0]));
          else
            json_object_set_member (where, rule->where[w].key, _li_strv_to_node (values));
        }
      json_object_set_member (object, "where", _li_node_new_object (where));
    }
  _li_object_set_number (object, "points", rule->points);
  if (rule->max_points != 0)
    _li_object_set_number (object, "max_points", rule->max_points);
  if (rule->has_decay)
    json_object_set_member (object, "decay", _li_decay_to_node (&rule->decay, rule->decay_extra));
  _li_object_add_extra (object, rule->extra);
  return _li_node_new_object (object);
}

static JsonNode *
_li_pattern_to_node (const LiPattern *pattern)
{
  JsonObject *object = json_object_new ();

  _li_object_set_string (object, "name", pattern->name);
  _li_object_set_string (object, "kind", li_pattern_kind_to_string (pattern->kind));
  if (!pattern->enabled)
    json_object_set_boolean_member (object, "enabled", FALSE);
  switch (pattern->kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
      _li_object_set_number (object, "min_count", pattern->min_count);
      _li_object_set_number (object, "within_hours", pattern->within_hours);
      break;
    case LI_PATTERN_CATEGORY_FOCUS:
      _li_object_set_number (object, "min_distinct", pattern->min_distinct);
      _li_object_set_number (object, "within_hours", pattern->within_hours);
      break;
    case LI_PATTERN_SEQUENCE:
      json_object_set_member (object, "events", _li_strv_to_node (pattern->events));
      _li_object_set_number (object, "within_hours", pattern->within_hours);
      break;
    case LI_PATTERN_RETURN_DAYS:
      _li_object_set_number (object, "min_days", pattern->min_days);
      _li_object_set_number (object, "within_days", pattern->within_days);
      break;
    default:
      break;
    }
  _li_object_set_number (object, "points", pattern->points);
  if (pattern->max_points != 0)
    _li_object_set_number (object, "max_points", pattern->max_points);
  if (pattern->has_decay)
    json_object_set_member (object, "decay",
                            _li_decay_to_node (&pattern->decay, pattern->decay_extra));
  _li_object_add_extra (object, pattern->extra);
  return _li_node_new_object (object);
}

static JsonNode *
_li_fit_to_node (const LiFitRule *rule)
{
  JsonObject *object = json_object_new ();

  _li_object_set_string (object, "attribute", rule->attribute);
  _li_object_set_string (object, "op", li_fit_op_to_string (rule->op));
  switch (rule->op)
    {
    case LI_FIT_EQ:
    case LI_FIT_NE:
      if (rule->values != NULL && rule->values[0] != NULL)
        _li_object_set_string (object, "value", rule->values[0]);
      break;
    case LI_FIT_IN:
    case LI_FIT_NOT_IN:
      json_object_set_member (object, "values", _li_strv_to_node (rule->values));
      break;
    case LI_FIT_GT:
    case LI_FIT_GTE:
    case LI_FIT_LT:
    case LI_FIT_LTE:
      _li_object_set_number (object, "value", rule->number[0]);
      break;
    case LI_FIT_BETWEEN:
      {
        JsonArray *array = json_array_new ();

        json_array_add_element (array, _li_node_new_number (rule->number[0]));
        json_array_add_element (array, _li_node_new_number (rule->number[1]));
        json_object_set_member (object, "values", _li_node_new_array (array));
        break;
      }
    default:
      break;
    }
  _li_object_set_number (object, "points", rule->points);
  _li_object_add_extra (object, rule->extra);
  return _li_node_new_object (object);
}

static JsonNode *
_li_stage_to_node (const LiStage *stage)
{
  JsonObject *object = json_object_new ();

  _li_object_set_string (object, "name", stage->name);
  if (stage->has_min_score)
    _li_object_set_number (object, "min_score", stage->min_score);
  if (stage->has_min_intent)
    _li_object_set_number (object, "min_intent", stage->min_intent);
  if (stage->has_min_fit)
    _li_object_set_number (object, "min_fit", stage->min_fit);
  _li_object_set_string (object, "channel", stage->channel);
  if (stage->has_follow_up)
    _li_object_set_number (object, "follow_up_minutes", stage->follow_up_minutes);
  _li_object_add_extra (object, stage->extra);
  return _li_node_new_object (object);
}

static JsonNode *
_li_rules_to_node (const LiRules *rules)
{
  JsonObject *object = json_object_new ();
  JsonObject *outcome = json_object_new ();
  JsonArray *array;

  _li_object_set_string (object, "format", LI_RULES_FORMAT);
  json_object_set_int_member (object, "format_version", LI_RULES_VERSION);
  _li_object_set_string (object, "name", rules->name);
  _li_object_set_string (object, "description", rules->description);

  _li_object_set_string (outcome, "event", rules->outcome_event);
  _li_object_set_number (outcome, "window_days", rules->window_days);
  _li_object_add_extra (outcome, rules->outcome_extra);
  json_object_set_member (object, "outcome", _li_node_new_object (outcome));

  json_object_set_member (object, "decay", _li_decay_to_node (&rules->decay, rules->decay_extra));

  array = json_array_new ();
  for (guint i = 0; i < rules->n_intent; i++)
    json_array_add_element (array, _li_intent_to_node (&rules->intent[i]));
  json_object_set_member (object, "intent", _li_node_new_array (array));

  array = json_array_new ();
  for (guint i = 0; i < rules->n_patterns; i++)
    json_array_add_element (array, _li_pattern_to_node (&rules->patterns[i]));
  json_object_set_member (object, "patterns", _li_node_new_array (array));

  array = json_array_new ();
  for (guint i = 0; i < rules->n_fit; i++)
    json_array_add_element (array, _li_fit_to_node (&rules->fit[i]));
  json_object_set_member (object, "fit", _li_node_new_array (array));

  array = json_array_new ();
  for (guint i = 0; i < rules->n_stages; i++)
    json_array_add_element (array, _li_stage_to_node (&rules->stages[i]));
  json_object_set_member (object, "stages", _li_node_new_array (array));

  _li_object_add_extra (object, rules->extra);
  return _li_node_new_object (object);
}

char *
li_rules_to_data (const LiRules *rules,
                  gsize         *len)
{
  g_autoptr(JsonNode) root = NULL;
  GString *out;

  g_return_val_if_fail (rules != NULL, NULL);

  root = _li_rules_to_node (rules);
  out = g_string_new (NULL);
  _li_json_write (out, root, TRUE, 0);
  g_string_append_c (out, '\n');
  if (len != NULL)
    *len = out->len;
  return g_string_free (out, FALSE);
}

gboolean
li_rules_save (const LiRules *rules,
               const char    *path,
               GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autofree char *data = NULL;
  gsize len = 0;
  GStatBuf st;
  int mode = 0666;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!li_rules_validate (rules, problems))
    {
      g_autofree char *message = li_problem_to_string (_li_first_error (problems));

      g_set_error_literal (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID, message);
      return FALSE;
    }

  /* the new file replaces the old one: keep its permissions */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    mode = st.st_mode & 0777;

  data = li_rules_to_data (rules, &len);
  /* a temporary file renamed over @path: readers see the old or the new file */
  return g_file_set_contents_full (path, data, (gssize) len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   mode, error);
}
