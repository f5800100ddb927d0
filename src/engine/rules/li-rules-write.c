/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-rules-write.c: rule files as pretty-printed JSON in the documented key
 * order, saved atomically. */

#include "config.h"

#include "li-rules-write.h"
#include "li-rules-private.h"
#include "li-rules-validate.h"

#include "li-json-writer.h"
#include "li-problem.h"

#include <glib/gstdio.h>
#include <string.h>

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
  g_autofree char *text = NULL;
  char *data;

  g_return_val_if_fail (rules != NULL, NULL);

  root = _li_rules_to_node (rules);
  text = li_json_to_string (root, TRUE);
  data = g_strconcat (text, "\n", NULL);
  if (len != NULL)
    *len = strlen (data);
  return data;
}

gboolean
li_rules_save (const LiRules *rules,
               const char    *path,
               GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!li_rules_validate (rules, problems))
    {
      g_autofree char *message = li_problem_to_string (_li_first_error (problems));

      g_set_error_literal (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID, message);
      return FALSE;
    }
  return li_rules_save_draft (rules, path, error);
}

gboolean
li_rules_save_draft (const LiRules *rules,
                     const char    *path,
                     GError       **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  GStatBuf st;
  int mode = 0666;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* the new file replaces the old one: keep its permissions */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    mode = st.st_mode & 0777;

  data = li_rules_to_data (rules, &len);
  /* a temporary file renamed over @path: readers see the old or the new file */
  return g_file_set_contents_full (path, data, (gssize) len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   mode, error);
}
