/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-version.c — a rule version to compare with (a snapshot or a file)
 *
 * A value-like GObject: the rules are a private copy that never changes;
 * only the name, the source path and the headline numbers (AUC, precision
 * of the first stage) change, each with a notification so that the
 * versions list updates its row. */

#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-version.h"

#include <math.h>

#include <glib/gi18n.h>

#include "li-format.h"
#include "li-rules-parse.h"

struct _LiVersion
{
  GObject    parent_instance;

  char      *name;
  GDateTime *created;
  LiRules   *rules;
  char      *source_path;
  double     auc;
  double     top_precision;
  gboolean   has_result;
};

enum
{
  PROP_0,
  PROP_NAME,
  PROP_CREATED,
  PROP_RULES,
  PROP_AUC,
  PROP_TOP_PRECISION,
  PROP_SOURCE_PATH,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (LiVersion, li_version, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static gboolean
_li_same_double (double a,
                 double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static void
li_version_finalize (GObject *object)
{
  LiVersion *self = LI_VERSION (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->rules, li_rules_free);
  g_clear_pointer (&self->source_path, g_free);

  G_OBJECT_CLASS (li_version_parent_class)->finalize (object);
}

static void
li_version_constructed (GObject *object)
{
  LiVersion *self = LI_VERSION (object);

  G_OBJECT_CLASS (li_version_parent_class)->constructed (object);

  if (self->created == NULL)
    self->created = g_date_time_new_now_local ();
  if (self->rules == NULL)
    self->rules = li_rules_new ();
  if (self->name == NULL)
    self->name = g_strdup ("");
}

static void
li_version_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LiVersion *self = LI_VERSION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_RULES:
      g_value_set_boxed (value, self->rules);
      break;

    case PROP_AUC:
      g_value_set_double (value, self->auc);
      break;

    case PROP_TOP_PRECISION:
      g_value_set_double (value, self->top_precision);
      break;

    case PROP_SOURCE_PATH:
      g_value_set_string (value, self->source_path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_version_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LiVersion *self = LI_VERSION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      li_version_set_name (self, g_value_get_string (value));
      break;

    case PROP_CREATED:
      g_clear_pointer (&self->created, g_date_time_unref);
      self->created = g_value_dup_boxed (value);
      break;

    case PROP_RULES:
      g_clear_pointer (&self->rules, li_rules_free);
      self->rules = g_value_dup_boxed (value);
      break;

    case PROP_SOURCE_PATH:
      li_version_set_source_path (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
li_version_class_init (LiVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = li_version_finalize;
  object_class->constructed = li_version_constructed;
  object_class->get_property = li_version_get_property;
  object_class->set_property = li_version_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RULES] =
    g_param_spec_boxed ("rules", NULL, NULL,
                        LI_TYPE_RULES,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* NAN (null) until a result is set; a GParamSpecDouble cannot have NAN
   * as its default, hence the 0. */
  properties[PROP_AUC] =
    g_param_spec_double ("auc", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TOP_PRECISION] =
    g_param_spec_double ("top-precision", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SOURCE_PATH] =
    g_param_spec_string ("source-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
li_version_init (LiVersion *self)
{
  self->auc = NAN;
  self->top_precision = NAN;
}

LiVersion *
li_version_new (const char     *name,
                const LiRules  *rules,
                LiReplayResult *result)
{
  LiVersion *self;

  g_return_val_if_fail (rules != NULL, NULL);

  self = g_object_new (LI_TYPE_VERSION,
                       "name", name,
                       "rules", rules,
                       NULL);
  if (result != NULL)
    li_version_set_result (self, result);

  return self;
}

LiVersion *
li_version_new_from_file (const char  *path,
                          GError     **error)
{
  g_autoptr(LiRules) rules = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rules = li_rules_from_file (path, NULL, error);
  if (rules == NULL)
    return NULL;

  return li_version_new_for_file (path, rules);
}

LiVersion *
li_version_new_for_file (const char    *path,
                         const LiRules *rules)
{
  g_autofree char *basename = NULL;
  LiVersion *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  basename = g_path_get_basename (path);
  self = li_version_new (rules->name != NULL && rules->name[0] != '\0' ? rules->name : basename,
                         rules, NULL);
  li_version_set_source_path (self, path);

  return self;
}

const char *
li_version_get_name (LiVersion *self)
{
  g_return_val_if_fail (LI_IS_VERSION (self), NULL);

  return self->name;
}

void
li_version_set_name (LiVersion  *self,
                     const char *name)
{
  g_return_if_fail (LI_IS_VERSION (self));

  if (name == NULL)
    name = "";
  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

GDateTime *
li_version_get_created (LiVersion *self)
{
  g_return_val_if_fail (LI_IS_VERSION (self), NULL);

  return self->created;
}

const LiRules *
li_version_get_rules (LiVersion *self)
{
  g_return_val_if_fail (LI_IS_VERSION (self), NULL);

  return self->rules;
}

double
li_version_get_auc (LiVersion *self)
{
  g_return_val_if_fail (LI_IS_VERSION (self), NAN);

  return self->auc;
}

double
li_version_get_top_precision (LiVersion *self)
{
  g_return_val_if_fail (LI_IS_VERSION (self), NAN);

  return self->top_precision;
}

const char *
li_version_get_source_path (LiVersion *self)
{
  g_return_val_if_fail (LI_IS_VERSION (self), NULL);

  return self->source_path;
}

void
li_version_set_source_path (LiVersion  *self,
                            const char *source_path)
{
  g_return_if_fail (LI_IS_VERSION (self));

  if (g_strcmp0 (self->source_path, source_path) == 0)
    return;

  g_free (self->source_path);
  self->source_path = g_strdup (source_path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_PATH]);
}

void
li_version_set_result (LiVersion            *self,
                       const LiReplayResult *result)
{
  double auc = NAN;
  double top_precision = NAN;

  g_return_if_fail (LI_IS_VERSION (self));

  if (result != NULL)
    {
      auc = result->auc;
      if (result->n_stages > 0 && result->stages != NULL)
        top_precision = result->stages[0].precision;
    }

  self->has_result = result != NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (!_li_same_double (self->auc, auc))
    {
      self->auc = auc;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUC]);
    }
  if (!_li_same_double (self->top_precision, top_precision))
    {
      self->top_precision = top_precision;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOP_PRECISION]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
li_version_has_result (LiVersion *self)
{
  g_return_val_if_fail (LI_IS_VERSION (self), FALSE);

  return self->has_result;
}

const char *
li_version_get_top_stage (LiVersion *self)
{
  g_return_val_if_fail (LI_IS_VERSION (self), NULL);

  if (self->rules->n_stages == 0)
    return NULL;

  return self->rules->stages[0].name;
}

char *
li_version_format_time (GDateTime *time,
                        GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  int y1, m1, d1, y2, m2, d2;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  g_date_time_get_ymd (local, &y1, &m1, &d1);
  g_date_time_get_ymd (local_now, &y2, &m2, &d2);

  if (y1 == y2 && m1 == m2 && d1 == d2)
    /* Translators: the time a snapshot was taken today, see
     * g_date_time_format(); e.g. "14:05" */
    return g_date_time_format (local, _("%H:%M"));

  /* Translators: the day and time a snapshot was taken, not today, see
   * g_date_time_format(); e.g. "Mar 3, 14:05" */
  return g_date_time_format (local, _("%b %-d, %H:%M"));
}

char *
li_version_dup_summary (LiVersion *self,
                        GDateTime *now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *top_stage;

  g_return_val_if_fail (LI_IS_VERSION (self), NULL);

  if (self->source_path != NULL)
    g_ptr_array_add (parts, g_path_get_basename (self->source_path));

  g_ptr_array_add (parts, li_version_format_time (self->created, now));

  if (!self->has_result)
    {
      /* Translators: in the versions list, for a version whose rules have
       * not been replayed yet (no AUC to show) */
      g_ptr_array_add (parts, g_strdup (_("not replayed yet")));
    }
  else
    {
      g_autofree char *auc = li_format_fixed (self->auc, 3);
      g_autofree char *precision = li_format_percent (self->top_precision);

      /* Translators: in the versions list; %s is the AUC, e.g. "0.734" */
      g_ptr_array_add (parts, g_strdup_printf (_("AUC %s"), auc));

      top_stage = li_version_get_top_stage (self);
      if (top_stage != NULL)
        /* Translators: in the versions list; the first %s is the hottest
         * stage's name, the second its precision, e.g. "hot precision 12.3%" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s precision %s"), top_stage, precision));
    }

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" \302\267 ", (char **) parts->pdata);
}
