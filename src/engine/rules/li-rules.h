/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A rule file (SPEC 3) as plain data.  LiRules is a value: the window keeps
 * copies for undo, snapshots and background replays, so every field is owned
 * and li_rules_copy is deep.  Unknown keys of every object are kept in its
 * `extra` object (NULL when there are none) and written back on save. */

typedef enum
{
  LI_DECAY_NONE,
  LI_DECAY_EXPONENTIAL,  /* days = half-life in days */
  LI_DECAY_WINDOW,       /* days = window length */
  LI_DECAY_LINEAR,       /* days = time to reach zero */
} LiDecayModel;

typedef struct
{
  LiDecayModel model;
  double       days;
} LiDecay;

typedef struct
{
  char *key;
  GStrv values;  /* one or more accepted values */
} LiWhere;

typedef struct
{
  char       *event;
  double      points;
  double      max_points;  /* > 0 when set, else 0 */
  gboolean    has_decay;
  LiDecay     decay;
  LiWhere    *where;       /* n_where entries */
  guint       n_where;
  JsonObject *extra;
  JsonObject *decay_extra; /* unknown keys in its "decay" */
} LiIntentRule;

typedef enum
{
  LI_PATTERN_REPEAT_PRODUCT,
  LI_PATTERN_CATEGORY_FOCUS,
  LI_PATTERN_SEQUENCE,
  LI_PATTERN_RETURN_DAYS,
} LiPatternKind;

typedef struct
{
  char         *name;
  LiPatternKind kind;
  gboolean      enabled;       /* "enabled": false turns a pattern off (an extension, see docs) */
  guint         min_count;     /* repeat_product */
  guint         min_distinct;  /* category_focus */
  guint         min_days;      /* return_days */
  GStrv         events;        /* sequence, at least two names */
  double        within_hours;  /* all but return_days */
  double        within_days;   /* return_days */
  double        points;
  double        max_points;
  gboolean      has_decay;
  LiDecay       decay;
  JsonObject   *extra;
  JsonObject   *decay_extra;   /* unknown keys in its "decay" */
} LiPattern;

typedef enum
{
  LI_FIT_EQ,
  LI_FIT_NE,
  LI_FIT_IN,
  LI_FIT_NOT_IN,
  LI_FIT_GT,
  LI_FIT_GTE,
  LI_FIT_LT,
  LI_FIT_LTE,
  LI_FIT_BETWEEN,
  LI_FIT_EXISTS,
  LI_FIT_MISSING,
} LiFitOp;

typedef struct
{
  char       *attribute;
  LiFitOp     op;
  GStrv       values;  /* eq, ne: one string; in, not_in: the list (numbers as text) */
  double      number[2];  /* gt … lte: number[0]; between: [lo, hi] */
  double      points;
  JsonObject *extra;
} LiFitRule;

typedef struct
{
  char       *name;
  gboolean    has_min_score, has_min_intent, has_min_fit;
  double      min_score, min_intent, min_fit;
  char       *channel;            /* NULL when unset */
  gboolean    has_follow_up;
  double      follow_up_minutes;
  JsonObject *extra;
} LiStage;

typedef struct _LiRules
{
  char         *name;          /* NULL when unset */
  char         *description;   /* NULL when unset */
  char         *outcome_event; /* "purchase" */
  double        window_days;   /* 14 */
  LiDecay       decay;         /* global decay, none by default */
  LiIntentRule *intent;
  guint         n_intent;
  LiPattern    *patterns;
  guint         n_patterns;
  LiFitRule    *fit;
  guint         n_fit;
  LiStage      *stages;
  guint         n_stages;
  JsonObject   *extra;          /* unknown top-level keys */
  JsonObject   *outcome_extra;  /* unknown keys in "outcome" */
  JsonObject   *decay_extra;    /* unknown keys in "decay" */
} LiRules;

#define LI_RULES_ERROR (li_rules_error_quark ())
typedef enum
{
  LI_RULES_ERROR_INVALID,
  LI_RULES_ERROR_PARSE,
} LiRulesError;

GQuark      li_rules_error_quark (void);
GType       li_rules_get_type    (void) G_GNUC_CONST;
#define LI_TYPE_RULES (li_rules_get_type ())

/* Defaults of SPEC 3 with one catch-all stage "cold". */
LiRules    *li_rules_new         (void);
LiRules    *li_rules_copy        (const LiRules *rules);
void        li_rules_free        (LiRules       *rules);
gboolean    li_rules_equal       (const LiRules *a,
                                  const LiRules *b);

/* Deep copies and clears of one list item (the editor inserts, removes and
 * moves items; a cleared item owns nothing). */
void li_intent_rule_copy_to (LiIntentRule       *dst,
                             const LiIntentRule *src);
void li_pattern_copy_to     (LiPattern          *dst,
                             const LiPattern    *src);
void li_fit_rule_copy_to    (LiFitRule          *dst,
                             const LiFitRule    *src);
void li_stage_copy_to       (LiStage            *dst,
                             const LiStage      *src);
void li_intent_rule_clear   (LiIntentRule       *rule);
void li_pattern_clear       (LiPattern          *pattern);
void li_fit_rule_clear      (LiFitRule          *rule);
void li_stage_clear         (LiStage            *stage);

/* The decay in force for a rule or pattern. */
const LiDecay *li_rules_intent_decay  (const LiRules *rules,
                                       guint          i);
const LiDecay *li_rules_pattern_decay (const LiRules *rules,
                                       guint          i);
/* Decay factor after @seconds (SPEC 4). */
double      li_decay_factor      (const LiDecay *decay,
                                  double         seconds);

const char *li_decay_model_to_string   (LiDecayModel  model);
const char *li_pattern_kind_to_string  (LiPatternKind kind);
const char *li_fit_op_to_string        (LiFitOp       op);
gboolean    li_decay_model_from_string (const char   *str,
                                        LiDecayModel *model);
gboolean    li_pattern_kind_from_string (const char    *str,
                                         LiPatternKind *kind);
gboolean    li_fit_op_from_string      (const char   *str,
                                        LiFitOp      *op);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiRules, li_rules_free)

G_END_DECLS
