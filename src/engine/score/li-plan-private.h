/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The compiled form of a plan, read by the scorer (li-scorer.c,
 * li-patterns.c, li-fit.c); not for use outside src/engine/score/. */

#include "li-plan.h"

G_BEGIN_DECLS

#define _LI_NONE       G_MAXUINT32
#define _LI_EPSILON    1e-9
#define _LI_MS_PER_DAY 86400000.0
#define _LI_MS_PER_HOUR 3600000.0
#define _LI_NO_TIME    G_MININT64

/* A decayed sum fed by (time, points) items: one per capped rule or pattern,
 * one per decay for the uncapped rules that share it (their sum is linear);
 * in an explained plan, one per rule and pattern. */
typedef struct
{
  LiDecayModel model;
  double       param_ms;  /* half-life or window */
  double       cap;       /* 0: none */
  guint        exp_group; /* exponential: index of its half-life */
} AccSpec;

typedef struct
{
  guint16  key;
  guint32 *values;
  guint    n_values;
} WhereSpec;

typedef struct
{
  guint  acc;
  double points;
  guint  where_start;
  guint  n_where;
} Matcher;

typedef struct
{
  LiPatternKind kind;
  guint         acc;
  double        points;
  double        window_ms;
  guint         min;       /* min_count, min_distinct or min_days */
  guint16      *seq;       /* sequence names */
  guint         n_seq;
  guint         rule;      /* its index in the rules' patterns */
} PatternSpec;

typedef struct
{
  int key;      /* property key in the store, or -1 */
  int lead_col; /* column of the leads file, or -1 */
} FitAttr;

typedef struct
{
  guint        attr;
  const LiFitRule *rule;
} FitSpec;

struct _LiPlan
{
  LiRules      *rules;
  LiEventStore *store;
  LiLeadTable  *leads;

  gboolean      has_outcome;
  guint16       outcome;

  AccSpec      *accs;
  guint         n_accs;
  double       *exp_half_ms;
  guint         n_exp;

  guint        *name_match_start;  /* n_names + 1 */
  Matcher      *matchers;
  WhereSpec    *wheres;
  guint         n_wheres;

  PatternSpec  *patterns;
  guint         n_patterns;
  guint        *name_pattern_start;  /* n_names + 1 */
  guint        *name_patterns;       /* the patterns an event of the name can change, in order */
  gboolean      has_return_days;
  gboolean      has_product_view;
  guint16       product_view;
  int           product_key, category_key;

  FitAttr      *attrs;
  guint         n_attrs;
  int          *key_attr;          /* store key → attribute, -1 */
  FitSpec      *fits;
  guint         n_fits;
  guint32      *lead_row;          /* store lead → leads file row */

  guint         n_stages;
  double       *min_score, *min_intent, *min_fit;  /* NAN: no condition */

  guint32       max_lead_len;

  /* Explained plans (li_plan_new_explained), else NULL: the accumulator of
   * each intent rule and pattern of the rules, _LI_NONE for one that can
   * never add points (disabled, or naming what the data lacks). */
  guint        *intent_acc;        /* rules->n_intent */
  guint        *pattern_acc;       /* rules->n_patterns */
};

G_END_DECLS
