/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules-parse.c: turns a rule file's JSON tree into a LiRules and reports
 * what cannot be represented (wrong types, missing required keys, unknown
 * names); each section is validated right after it is read. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <inttypes.h>

#include "li-rules-parse.h"
#include "li-rules-private.h"
#include "li-rules-validate.h"

#include "li-json-check.h"
#include "li-number.h"
#include "li-problem.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <unistd.h>
#include <math.h>
#include <string.h>

#define LI_RULES_MAX_DEPTH 128                /* json-glib recurses: bound the nesting */
#define LI_RULES_MAX_SIZE  (4 * 1024 * 1024)  /* a rule file is small */
#define LI_INVALID_ENUM    0x7fffffff         /* unknown model / kind / op while parsing */

static const char * const top_keys[] = {
  "format", "format_version", "name", "description", "outcome", "decay",
  "intent", "patterns", "fit", "stages", NULL,
};

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
      _li_error (check, path, _("expected a number"));
      return FALSE;
    }
  value = _li_node_number (node);
  if (!isfinite (value))
    {
      _li_error (check, path, _("out of range"));
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

  if (!_li_node_is_number (node) || !li_number_is_integral (_li_node_number (node)))
    {
      _li_error (check, path, _("expected an integer"));
      return FALSE;
    }
  value = _li_node_number (node);
  if (value > G_MAXUINT)
    {
      _li_error (check, path, _("out of range"));
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
      _li_error (check, path, _("expected a string"));
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
      _li_error (check, path, _("expected an object"));
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
      _li_error (check, path, _("expected an array"));
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

      _li_error (check, child, _("required"));
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
      _li_error (check, path, _("out of range"));
      return NULL;
    }
  _li_error (check, path, _("expected a string or a number"));
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
        _li_error (check, model_path, _("expected a string"));
      else if (li_decay_model_from_string (json_node_get_string (model_node), &decay->model))
        model_known = TRUE;
      else
        _li_error (check, model_path, _("unknown decay model \"%s\""),
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
      if (!_li_key_in (key, _li_decay_keys)
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
                  _li_error (check, child, _("expected a string or an array of strings"));
                  break;
                }
              where->values[k] = g_strdup (json_node_get_string (element));
            }
        }
      else
        {
          _li_error (check, child, _("expected a string or an array of strings"));
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
                _li_error (check, child, _("must be > 0"));
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
      _li_error (check, path, _("expected an array of event names"));
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

          _li_error (check, child, _("expected a string"));
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
        _li_error (check, kind_path, _("expected a string"));
      else if (li_pattern_kind_from_string (json_node_get_string (kind_node), &pattern->kind))
        kind_known = TRUE;
      else
        _li_error (check, kind_path, _("unknown pattern kind \"%s\""),
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
      if (!_li_key_in (key, _li_pattern_keys)
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
            _li_error (check, child, _("expected true or false"));
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
                _li_error (check, child, _("must be > 0"));
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
        _li_error (check, path, _("expected [low, high]"));
      else
        _li_error (check, path, _("expected an array"));
      return;
    }

  array = json_node_get_array (node);
  len = json_array_get_length (array);

  if (rule->op == LI_FIT_BETWEEN)
    {
      if (len != 2)
        {
          _li_error (check, path, _("expected [low, high]"));
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
        _li_error (check, op_path, _("expected a string"));
      else if (li_fit_op_from_string (json_node_get_string (op_node), &rule->op))
        op_known = TRUE;
      else
        _li_error (check, op_path, _("unknown operator \"%s\""), json_node_get_string (op_node));
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *child = _li_path_key (path, key);

      if (strcmp (key, "op") == 0)
        continue;
      if (!_li_key_in (key, _li_fit_keys) || (op_known && !_li_fit_key_applies (rule->op, key)))
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
    _li_warning (check, "format", _("missing (expected \"%s\")"), LI_RULES_FORMAT);
  else if (!_li_node_is_string (node) || strcmp (json_node_get_string (node), LI_RULES_FORMAT) != 0)
    _li_error (check, "format", _("expected \"%s\""), LI_RULES_FORMAT);

  node = json_object_get_member (object, "format_version");
  if (node == NULL)
    _li_warning (check, "format_version", _("missing (assuming %d)"), LI_RULES_VERSION);
  else if (!_li_node_is_number (node) || !li_number_is_integral (_li_node_number (node)))
    _li_error (check, "format_version", _("expected an integer"));
  else if (_li_node_number (node) != LI_RULES_VERSION)
    {
      g_autofree char *text = li_format_number (_li_node_number (node));

      _li_error (check, "format_version", _("unsupported format_version %s"), text);
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
  if (!_li_validate_list_length (check, section, n))
    n = 0;  /* nothing of an oversized list is read */
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
    _li_error (check, "stages", _("required"));
  else
    _li_parse_section (check, rules, _li_section_array (check, object, "stages"), "stages",
                       sizeof (LiStage), (gpointer *) &rules->stages, &rules->n_stages,
                       _li_parse_stage, _li_validate_stage);

  check->validating = TRUE;
  _li_validate_stage_list (check, rules);
  check->validating = FALSE;

  return rules;
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

static gboolean
_li_is_blank (const char *data,
              gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
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

static LiRules *
_li_rules_from_data_full (const char *data,
                          gssize      len,
                          gboolean    draft,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  LiRules *rules;
  LiCheck check;
  const LiProblem *first;
  g_autofree char *reason = NULL;
  gboolean well_formed;
  guint line, column;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (len < 0)
    len = strlen (data);

  if (_li_is_blank (data, len))
    {
      _li_parse_failed (_("no JSON data"), problems, error);
      return NULL;
    }
  if (!li_json_check (data, len, LI_RULES_MAX_DEPTH, &line, &column, &reason))
    {
      g_autofree char *message = g_strdup_printf (_("line %u, column %u: %s"),
                                                  line, column, reason);

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

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  _li_check_init (&check, found);
  rules = _li_rules_parse (&check, json_parser_get_root (parser));
  /* a draft may fail validation, not parsing */
  well_formed = g_hash_table_size (check.parse_errors) == 0;
  _li_check_clear (&check);

  if ((first = _li_first_error (found)) != NULL && !(draft && well_formed))
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
li_rules_from_data (const char *data,
                    gssize      len,
                    GPtrArray  *problems,
                    GError    **error)
{
  return _li_rules_from_data_full (data, len, FALSE, problems, error);
}

LiRules *
li_rules_draft_from_data (const char *data,
                          gssize      len,
                          GPtrArray  *problems,
                          GError    **error)
{
  return _li_rules_from_data_full (data, len, TRUE, problems, error);
}

static gboolean
_li_file_error (const char  *path,
                int          errsv,
                GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errsv),
               _("Failed to read “%s”: %s"), name, g_strerror (errsv));
  return FALSE;
}

/* Reads at most LI_RULES_MAX_SIZE bytes, from a file, a pipe or a device
 * alike, so that /dev/zero cannot exhaust memory. */
static char *
_li_read_bounded (const char  *path,
                  gsize       *len,
                  GPtrArray   *problems,
                  GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 chunk[64 * 1024];
  gssize n;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return (_li_file_error (path, errno, error), NULL);
  while ((n = read (fd, chunk, sizeof chunk)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int errsv = errno;

          g_close (fd, NULL);
          return (_li_file_error (path, errsv, error), NULL);
        }
      if (bytes->len + (gsize) n > LI_RULES_MAX_SIZE)
        {
          g_autofree char *message = g_strdup_printf (_("the file is larger than %d MiB"),
                                                      LI_RULES_MAX_SIZE / (1024 * 1024));

          g_close (fd, NULL);
          _li_parse_failed (message, problems, error);
          return NULL;
        }
      g_byte_array_append (bytes, chunk, (guint) n);
    }
  g_close (fd, NULL);
  *len = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

static LiRules *
_li_rules_from_file_full (const char *path,
                          gboolean    draft,
                          GPtrArray  *problems,
                          GError    **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((data = _li_read_bounded (path, &len, problems, error)) == NULL)
    return NULL;
  return _li_rules_from_data_full (data, (gssize) len, draft, problems, error);
}

LiRules *
li_rules_from_file (const char *path,
                    GPtrArray  *problems,
                    GError    **error)
{
  return _li_rules_from_file_full (path, FALSE, problems, error);
}

LiRules *
li_rules_draft_from_file (const char *path,
                          GPtrArray  *problems,
                          GError    **error)
{
  return _li_rules_from_file_full (path, TRUE, problems, error);
}
