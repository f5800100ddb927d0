/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "li-plan-private.h"
#include "li-time.h"
#include "li-number.h"

#define _LI_NONE       G_MAXUINT32
#define _LI_EPSILON    1e-9
#define _LI_MS_PER_DAY 86400000.0
#define _LI_MS_PER_HOUR 3600000.0

/* A decayed sum fed by (time, points) items: one per capped rule or pattern,
 * one per decay for the uncapped rules that share it (their sum is linear). */
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
};

/* ------------------------------------------------------------ compiling */

static guint
_li_plan_add_acc (LiPlan        *plan,
                  GArray        *accs,
                  const LiDecay *decay,
                  double         cap)
{
  AccSpec spec = { decay->model, decay->days * _LI_MS_PER_DAY, cap, 0 };

  /* Uncapped sums with the same decay add up: share one accumulator. */
  if (cap <= 0)
    for (guint a = 0; a < accs->len; a++)
      {
        AccSpec *o = &g_array_index (accs, AccSpec, a);
        if (o->cap <= 0 && o->model == spec.model &&
            (spec.model == LI_DECAY_NONE || o->param_ms == spec.param_ms))
          return a;
      }
  if (spec.model == LI_DECAY_EXPONENTIAL)
    {
      guint g;
      for (g = 0; g < plan->n_exp; g++)
        if (plan->exp_half_ms[g] == spec.param_ms)
          break;
      if (g == plan->n_exp)
        {
          plan->exp_half_ms = g_renew (double, plan->exp_half_ms, plan->n_exp + 1);
          plan->exp_half_ms[plan->n_exp++] = spec.param_ms;
        }
      spec.exp_group = g;
    }
  g_array_append_val (accs, spec);
  return accs->len - 1;
}

static gboolean
_li_lookup (LiStrPool  *pool,
            const char *str,
            guint32    *id)
{
  return str != NULL && li_str_pool_lookup (pool, str, strlen (str), id);
}

static void
_li_plan_compile_intent (LiPlan *plan,
                         GArray *accs)
{
  guint n_names = li_str_pool_size (plan->store->names);
  g_autoptr(GArray) matchers = g_array_new (FALSE, FALSE, sizeof (Matcher));
  g_autoptr(GArray) wheres = g_array_new (FALSE, FALSE, sizeof (WhereSpec));
  g_autofree guint *rule_name = g_new (guint, MAX (plan->rules->n_intent, 1));

  for (guint r = 0; r < plan->rules->n_intent; r++)
    {
      guint32 id;
      rule_name[r] = _LI_NONE;
      if (_li_lookup (plan->store->names, plan->rules->intent[r].event, &id))
        rule_name[r] = id;
    }

  /* Matchers grouped by event name, rules in file order within a name. */
  plan->name_match_start = g_new0 (guint, (gsize) n_names + 1);
  for (guint name = 0; name < n_names; name++)
    {
      plan->name_match_start[name] = matchers->len;
      for (guint r = 0; r < plan->rules->n_intent; r++)
        {
          const LiIntentRule *rule = &plan->rules->intent[r];
          Matcher m = { 0, rule->points, wheres->len, 0 };
          gboolean possible = TRUE;

          if (rule_name[r] != name)
            continue;
          for (guint w = 0; w < rule->n_where && possible; w++)
            {
              guint32 key;
              WhereSpec spec = { 0, NULL, 0 };

              possible = _li_lookup (plan->store->keys, rule->where[w].key, &key);
              if (!possible)
                break;
              spec.key = (guint16) key;
              spec.values = g_new (guint32, g_strv_length (rule->where[w].values) + 1);
              for (guint v = 0; rule->where[w].values[v] != NULL; v++)
                if (_li_lookup (plan->store->values, rule->where[w].values[v], &spec.values[spec.n_values]))
                  spec.n_values++;
              possible = spec.n_values > 0;
              g_array_append_val (wheres, spec);
              m.n_where++;
            }
          if (!possible)
            {
              /* A where that names nothing in the data never matches. */
              for (guint w = m.where_start; w < wheres->len; w++)
                g_free (g_array_index (wheres, WhereSpec, w).values);
              g_array_set_size (wheres, m.where_start);
              continue;
            }
          m.acc = _li_plan_add_acc (plan, accs, li_rules_intent_decay (plan->rules, r), rule->max_points);
          g_array_append_val (matchers, m);
        }
    }
  plan->name_match_start[n_names] = matchers->len;
  plan->n_wheres = wheres->len;
  plan->matchers = (Matcher *) g_array_free (g_steal_pointer (&matchers), FALSE);
  plan->wheres = (WhereSpec *) g_array_free (g_steal_pointer (&wheres), FALSE);
}

static void
_li_plan_compile_patterns (LiPlan *plan,
                           GArray *accs)
{
  guint32 id;

  plan->has_product_view = _li_lookup (plan->store->names, "product_view", &id);
  plan->product_view = (guint16) id;
  plan->product_key = _li_lookup (plan->store->keys, "product_id", &id) ? (int) id : -1;
  plan->category_key = _li_lookup (plan->store->keys, "category", &id) ? (int) id : -1;

  plan->patterns = g_new0 (PatternSpec, MAX (plan->rules->n_patterns, 1));
  for (guint p = 0; p < plan->rules->n_patterns; p++)
    {
      const LiPattern *pat = &plan->rules->patterns[p];
      PatternSpec *spec = &plan->patterns[plan->n_patterns];

      if (!pat->enabled)
        continue;
      spec->kind = pat->kind;
      spec->points = pat->points;
      spec->window_ms = pat->within_hours * _LI_MS_PER_HOUR;
      switch (pat->kind)
        {
        case LI_PATTERN_REPEAT_PRODUCT:
          spec->min = pat->min_count;
          break;
        case LI_PATTERN_CATEGORY_FOCUS:
          spec->min = pat->min_distinct;
          break;
        case LI_PATTERN_RETURN_DAYS:
          spec->min = pat->min_days;
          spec->window_ms = pat->within_days * _LI_MS_PER_DAY;
          break;
        case LI_PATTERN_SEQUENCE:
          {
            guint n = pat->events ? g_strv_length (pat->events) : 0;
            gboolean possible = n > 0;

            spec->seq = g_new (guint16, MAX (n, 1));
            for (guint k = 0; k < n && possible; k++)
              {
                possible = _li_lookup (plan->store->names, pat->events[k], &id);
                spec->seq[k] = (guint16) id;
              }
            if (!possible)
              {
                /* It can never fire: an event it needs is not in the data. */
                g_clear_pointer (&spec->seq, g_free);
                continue;
              }
            spec->n_seq = n;
          }
          break;
        default:
          g_assert_not_reached ();
        }
      spec->acc = _li_plan_add_acc (plan, accs, li_rules_pattern_decay (plan->rules, p), pat->max_points);
      plan->n_patterns++;
    }
}

static void
_li_plan_compile_fit (LiPlan *plan)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_keys = li_str_pool_size (plan->store->keys);

  plan->fits = g_new0 (FitSpec, MAX (plan->rules->n_fit, 1));
  for (guint f = 0; f < plan->rules->n_fit; f++)
    {
      const LiFitRule *rule = &plan->rules->fit[f];
      guint a;

      for (a = 0; a < names->len; a++)
        if (g_strcmp0 (names->pdata[a], rule->attribute) == 0)
          break;
      if (a == names->len)
        g_ptr_array_add (names, rule->attribute);
      plan->fits[plan->n_fits++] = (FitSpec) { a, rule };
    }

  plan->n_attrs = names->len;
  plan->attrs = g_new0 (FitAttr, MAX (names->len, 1));
  plan->key_attr = g_new (int, MAX (n_keys, 1));
  for (guint k = 0; k < n_keys; k++)
    plan->key_attr[k] = -1;
  for (guint a = 0; a < names->len; a++)
    {
      guint32 key;
      plan->attrs[a].key = _li_lookup (plan->store->keys, names->pdata[a], &key) ? (int) key : -1;
      plan->attrs[a].lead_col = plan->leads ? li_lead_table_find_attribute (plan->leads, names->pdata[a]) : -1;
      if (plan->attrs[a].key >= 0)
        plan->key_attr[key] = (int) a;
    }

  plan->lead_row = g_new (guint32, MAX (plan->store->n_leads, 1));
  for (guint32 l = 0; l < plan->store->n_leads; l++)
    {
      guint32 row = _LI_NONE;
      if (plan->leads != NULL && plan->n_attrs > 0)
        li_str_pool_lookup (plan->leads->leads, li_str_pool_get (plan->store->leads, l),
                            li_str_pool_len (plan->store->leads, l), &row);
      plan->lead_row[l] = row;
    }
}

LiPlan *
li_plan_new (const LiRules *rules,
             LiEventStore  *store,
             LiLeadTable   *leads)
{
  LiPlan *plan = g_new0 (LiPlan, 1);
  g_autoptr(GArray) accs = g_array_new (FALSE, FALSE, sizeof (AccSpec));
  guint32 id;

  plan->rules = li_rules_copy (rules);
  plan->store = li_event_store_ref (store);
  plan->leads = leads ? li_lead_table_ref (leads) : NULL;

  plan->has_outcome = _li_lookup (store->names, rules->outcome_event, &id);
  plan->outcome = (guint16) id;

  _li_plan_compile_intent (plan, accs);
  _li_plan_compile_patterns (plan, accs);
  _li_plan_compile_fit (plan);
  plan->n_accs = accs->len;
  plan->accs = (AccSpec *) g_array_free (g_steal_pointer (&accs), FALSE);

  plan->n_stages = rules->n_stages;
  plan->min_score = g_new (double, MAX (rules->n_stages, 1));
  plan->min_intent = g_new (double, MAX (rules->n_stages, 1));
  plan->min_fit = g_new (double, MAX (rules->n_stages, 1));
  for (guint s = 0; s < rules->n_stages; s++)
    {
      const LiStage *st = &rules->stages[s];
      plan->min_score[s] = st->has_min_score ? st->min_score - _LI_EPSILON : NAN;
      plan->min_intent[s] = st->has_min_intent ? st->min_intent - _LI_EPSILON : NAN;
      plan->min_fit[s] = st->has_min_fit ? st->min_fit - _LI_EPSILON : NAN;
    }

  for (guint32 l = 0; l < store->n_leads; l++)
    plan->max_lead_len = MAX (plan->max_lead_len, store->lead_start[l + 1] - store->lead_start[l]);
  return plan;
}

void
li_plan_free (LiPlan *plan)
{
  if (plan == NULL)
    return;
  for (guint w = 0; w < plan->n_wheres; w++)
    g_free (plan->wheres[w].values);
  for (guint p = 0; p < plan->n_patterns; p++)
    g_free (plan->patterns[p].seq);
  g_free (plan->patterns);
  g_free (plan->matchers);
  g_free (plan->wheres);
  g_free (plan->name_match_start);
  g_free (plan->accs);
  g_free (plan->exp_half_ms);
  g_free (plan->attrs);
  g_free (plan->key_attr);
  g_free (plan->fits);
  g_free (plan->lead_row);
  g_free (plan->min_score);
  g_free (plan->min_intent);
  g_free (plan->min_fit);
  li_rules_free (plan->rules);
  li_event_store_unref (plan->store);
  g_clear_pointer (&plan->leads, li_lead_table_unref);
  g_free (plan);
}

const LiRules *
li_plan_get_rules (const LiPlan *plan)
{
  return plan->rules;
}

LiEventStore *
li_plan_get_store (const LiPlan *plan)
{
  return plan->store;
}

guint
li_plan_n_stages (const LiPlan *plan)
{
  return plan->n_stages;
}

const char *
li_plan_stage_name (const LiPlan *plan,
                    guint         stage)
{
  return plan->rules->stages[stage].name;
}

double
li_plan_window_ms (const LiPlan *plan)
{
  return plan->rules->window_days * _LI_MS_PER_DAY;
}

/* ------------------------------------------------------------ scoring */

typedef struct
{
  double  sum;     /* none, exponential, window: the raw sum; linear: Σ points */
  double  sum_t;   /* linear: Σ points · (t_e − anchor) */
  gint64 *q_t;     /* window, linear: live items */
  double *q_p;
  guint   head, tail, cap;
} Acc;

/* Open addressing map from 64-bit keys to slot numbers, cleared per lead by
 * walking the positions it used (a lead touches few keys). */
typedef struct
{
  guint64 *keys;   /* key + 1; 0 = empty */
  guint32 *vals;
  guint32 *used;
  guint32  n_used;
  guint32  mask;
} IdMap;

typedef struct
{
  gint64   last_fire;
  gboolean fired;
  guint32  head, tail;  /* lead-local indices of the window's events, linked by next */
  guint32  count;       /* views (repeat_product) or distinct products (category_focus) */
} Slot;

typedef struct
{
  IdMap    map;       /* product or category → slot */
  IdMap    pairs;     /* category_focus: (category, product) → views in window */
  Slot    *slots;
  guint32  n_slots, cap_slots;
  guint32 *next;      /* lead-local index → next event of the same key */
  gint64  *best;      /* sequence: latest start of a match of names[0..k] */
  gint64   last_fire; /* lead-keyed patterns */
  gboolean fired;
  guint32  head;      /* return_days: first event of the window (global) */
  guint32  distinct;  /* return_days: distinct days in the window */
} PatternState;

struct _LiScorer
{
  const LiPlan *plan;
  Acc          *accs;
  double       *exp_factor;
  PatternState *patterns;
  gint64        last_t;
  gint64        anchor;
  gboolean      started;
  guint32       lead;
  guint32       lead_begin;
  guint32       seg_begin;   /* first event after the last outcome */
  gint64       *day;         /* lead-local: UTC day of each event */
  guint32      *product;     /* lead-local: product of a product view */
  guint32      *attr_value;  /* current event value per fit attribute */
  gboolean      fit_dirty;
  double        fit;
  guint        *active;      /* accumulators fed since the last reset */
  guint         n_active;
  gboolean     *is_active;
  double       *number;      /* value id → number (NAN: not one), when parsed */
  guint8       *number_known;
};

#define _LI_NO_TIME G_MININT64

static void
_li_id_map_init (IdMap *map)
{
  map->mask = 63;
  map->keys = g_new0 (guint64, map->mask + 1);
  map->vals = g_new (guint32, map->mask + 1);
  map->used = g_new (guint32, map->mask + 1);
  map->n_used = 0;
}

static void
_li_id_map_clear (IdMap *map)
{
  for (guint32 u = 0; u < map->n_used; u++)
    map->keys[map->used[u]] = 0;
  map->n_used = 0;
}

static void
_li_id_map_destroy (IdMap *map)
{
  g_free (map->keys);
  g_free (map->vals);
  g_free (map->used);
}

static inline guint32
_li_id_map_pos (const IdMap *map,
                guint64      key)
{
  guint64 h = (key + 1) * 0x9E3779B97F4A7C15ull;
  guint32 pos = (guint32) (h >> 40) & map->mask;

  while (map->keys[pos] != 0 && map->keys[pos] != key + 1)
    pos = (pos + 1) & map->mask;
  return pos;
}

static void
_li_id_map_grow (IdMap *map)
{
  IdMap bigger;
  bigger.mask = map->mask * 2 + 1;
  bigger.keys = g_new0 (guint64, (gsize) bigger.mask + 1);
  bigger.vals = g_new (guint32, (gsize) bigger.mask + 1);
  bigger.used = g_new (guint32, (gsize) bigger.mask + 1);
  bigger.n_used = 0;
  for (guint32 u = 0; u < map->n_used; u++)
    {
      guint32 old = map->used[u];
      guint32 pos = _li_id_map_pos (&bigger, map->keys[old] - 1);
      bigger.keys[pos] = map->keys[old];
      bigger.vals[pos] = map->vals[old];
      bigger.used[bigger.n_used++] = pos;
    }
  _li_id_map_destroy (map);
  *map = bigger;
}

/* Returns the value slot of @key, inserting @init when absent. */
static inline guint32 *
_li_id_map_get (IdMap  *map,
                guint64 key,
                guint32 init)
{
  guint32 pos = _li_id_map_pos (map, key);

  if (map->keys[pos] == 0)
    {
      if ((map->n_used + 1) * 2 > map->mask)
        {
          _li_id_map_grow (map);
          pos = _li_id_map_pos (map, key);
        }
      map->keys[pos] = key + 1;
      map->vals[pos] = init;
      map->used[map->n_used++] = pos;
    }
  return &map->vals[pos];
}

LiScorer *
li_scorer_new (const LiPlan *plan)
{
  LiScorer *s = g_new0 (LiScorer, 1);
  gsize len = MAX (plan->max_lead_len, 1);

  s->plan = plan;
  s->accs = g_new0 (Acc, MAX (plan->n_accs, 1));
  s->exp_factor = g_new0 (double, MAX (plan->n_exp, 1));
  s->patterns = g_new0 (PatternState, MAX (plan->n_patterns, 1));
  for (guint p = 0; p < plan->n_patterns; p++)
    {
      PatternState *st = &s->patterns[p];
      _li_id_map_init (&st->map);
      _li_id_map_init (&st->pairs);
      if (plan->patterns[p].kind == LI_PATTERN_REPEAT_PRODUCT ||
          plan->patterns[p].kind == LI_PATTERN_CATEGORY_FOCUS)
        st->next = g_new (guint32, len);
      if (plan->patterns[p].kind == LI_PATTERN_SEQUENCE)
        st->best = g_new (gint64, plan->patterns[p].n_seq);
    }
  s->day = g_new (gint64, len);
  s->product = g_new (guint32, len);
  s->attr_value = g_new (guint32, MAX (plan->n_attrs, 1));
  s->active = g_new (guint, MAX (plan->n_accs, 1));
  s->is_active = g_new0 (gboolean, MAX (plan->n_accs, 1));
  if (plan->n_fits > 0)
    {
      gsize n_values = MAX (li_str_pool_size (plan->store->values), 1);
      s->number = g_new (double, n_values);
      s->number_known = g_new0 (guint8, n_values);
    }
  return s;
}

void
li_scorer_free (LiScorer *s)
{
  if (s == NULL)
    return;
  for (guint a = 0; a < s->plan->n_accs; a++)
    {
      g_free (s->accs[a].q_t);
      g_free (s->accs[a].q_p);
    }
  for (guint p = 0; p < s->plan->n_patterns; p++)
    {
      _li_id_map_destroy (&s->patterns[p].map);
      _li_id_map_destroy (&s->patterns[p].pairs);
      g_free (s->patterns[p].slots);
      g_free (s->patterns[p].next);
      g_free (s->patterns[p].best);
    }
  g_free (s->accs);
  g_free (s->exp_factor);
  g_free (s->patterns);
  g_free (s->day);
  g_free (s->product);
  g_free (s->attr_value);
  g_free (s->active);
  g_free (s->is_active);
  g_free (s->number);
  g_free (s->number_known);
  g_free (s);
}

/* Forgets intent and patterns: a new lead, or an outcome event. */
static void
_li_scorer_reset_intent (LiScorer *s,
                         guint32   seg_begin)
{
  const LiPlan *plan = s->plan;

  for (guint k = 0; k < s->n_active; k++)
    {
      Acc *acc = &s->accs[s->active[k]];
      acc->sum = acc->sum_t = 0;
      acc->head = acc->tail = 0;
      s->is_active[s->active[k]] = FALSE;
    }
  s->n_active = 0;
  for (guint p = 0; p < plan->n_patterns; p++)
    {
      PatternState *st = &s->patterns[p];
      _li_id_map_clear (&st->map);
      _li_id_map_clear (&st->pairs);
      st->n_slots = 0;
      st->fired = FALSE;
      st->head = seg_begin;
      st->distinct = 0;
      for (guint k = 0; k < plan->patterns[p].n_seq; k++)
        st->best[k] = _LI_NO_TIME;
    }
  s->seg_begin = seg_begin;
}

void
li_scorer_begin_lead (LiScorer *s,
                      guint32   lead)
{
  const LiPlan *plan = s->plan;

  s->lead = lead;
  s->lead_begin = plan->store->lead_start[lead];
  s->started = FALSE;
  _li_scorer_reset_intent (s, s->lead_begin);
  for (guint a = 0; a < plan->n_attrs; a++)
    s->attr_value[a] = _LI_NONE;
  s->fit_dirty = TRUE;
}

static void
_li_scorer_advance (LiScorer *s,
                    gint64    t)
{
  const LiPlan *plan = s->plan;
  gint64 dt;

  if (!s->started)
    {
      s->started = TRUE;
      s->last_t = s->anchor = t;
      return;
    }
  dt = t - s->last_t;
  if (dt <= 0)
    return;
  s->last_t = t;
  if (s->n_active == 0)
    return;

  for (guint g = 0; g < plan->n_exp; g++)
    s->exp_factor[g] = exp2 (-(double) dt / plan->exp_half_ms[g]);

  for (guint k = 0; k < s->n_active; k++)
    {
      guint a = s->active[k];
      const AccSpec *spec = &plan->accs[a];
      Acc *acc = &s->accs[a];

      switch (spec->model)
        {
        case LI_DECAY_NONE:
          break;
        case LI_DECAY_EXPONENTIAL:
          acc->sum *= s->exp_factor[spec->exp_group];
          break;
        case LI_DECAY_WINDOW:
        case LI_DECAY_LINEAR:
          /* An item is worth 0 once t − t_e ≥ the window. */
          while (acc->head < acc->tail && (double) (t - acc->q_t[acc->head]) >= spec->param_ms)
            {
              acc->sum -= acc->q_p[acc->head];
              acc->sum_t -= acc->q_p[acc->head] * (double) (acc->q_t[acc->head] - s->anchor);
              acc->head++;
            }
          if (acc->head == acc->tail)
            acc->head = acc->tail = 0, acc->sum = acc->sum_t = 0;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
_li_scorer_add (LiScorer *s,
                guint     a,
                gint64    t,
                double    points)
{
  Acc *acc = &s->accs[a];

  if (!s->is_active[a])
    {
      s->is_active[a] = TRUE;
      s->active[s->n_active++] = a;
    }
  acc->sum += points;
  if (s->plan->accs[a].model != LI_DECAY_WINDOW && s->plan->accs[a].model != LI_DECAY_LINEAR)
    return;

  acc->sum_t += points * (double) (t - s->anchor);
  if (acc->tail == acc->cap)
    {
      if (acc->head > acc->cap / 2)
        {
          memmove (acc->q_t, acc->q_t + acc->head, (acc->tail - acc->head) * sizeof *acc->q_t);
          memmove (acc->q_p, acc->q_p + acc->head, (acc->tail - acc->head) * sizeof *acc->q_p);
          acc->tail -= acc->head;
          acc->head = 0;
        }
      else
        {
          acc->cap = MAX (16, acc->cap * 2);
          acc->q_t = g_renew (gint64, acc->q_t, acc->cap);
          acc->q_p = g_renew (double, acc->q_p, acc->cap);
        }
    }
  acc->q_t[acc->tail] = t;
  acc->q_p[acc->tail] = points;
  acc->tail++;
}

static inline gboolean
_li_where_matches (const LiEventStore *store,
                   const WhereSpec    *where,
                   guint32             i)
{
  guint32 value;

  if (!li_event_store_get_prop (store, i, where->key, &value))
    return FALSE;
  for (guint v = 0; v < where->n_values; v++)
    if (where->values[v] == value)
      return TRUE;
  return FALSE;
}

static inline Slot *
_li_pattern_slot (PatternState *st,
                  guint64       key)
{
  guint32 *slot = _li_id_map_get (&st->map, key, st->n_slots);

  if (*slot == st->n_slots)
    {
      if (st->n_slots == st->cap_slots)
        {
          st->cap_slots = MAX (16, st->cap_slots * 2);
          st->slots = g_renew (Slot, st->slots, st->cap_slots);
        }
      st->slots[st->n_slots++] = (Slot) { 0, FALSE, _LI_NONE, _LI_NONE, 0 };
    }
  return &st->slots[*slot];
}

/* Fires when the condition holds, but at most once per key per window (the
 * cooldown of SPEC 4). */
static inline gboolean
_li_try_fire (gboolean  holds,
              gboolean *fired,
              gint64   *last_fire,
              gint64    t,
              double    window_ms)
{
  if (!holds || (*fired && (double) (t - *last_fire) < window_ms))
    return FALSE;
  *fired = TRUE;
  *last_fire = t;
  return TRUE;
}

static inline void
_li_slot_append (PatternState *st,
                 Slot         *slot,
                 guint32       local)
{
  st->next[local] = _LI_NONE;
  if (slot->tail != _LI_NONE)
    st->next[slot->tail] = local;
  else
    slot->head = local;
  slot->tail = local;
}

static gboolean
_li_detect_repeat (LiScorer          *s,
                   const PatternSpec *spec,
                   PatternState      *st,
                   guint32            local,
                   gint64             t)
{
  const gint64 *time_ms = s->plan->store->time_ms + s->lead_begin;
  Slot *slot = _li_pattern_slot (st, s->product[local]);

  _li_slot_append (st, slot, local);
  slot->count++;
  while ((double) (t - time_ms[slot->head]) >= spec->window_ms)
    {
      slot->head = st->next[slot->head];
      slot->count--;
    }
  return _li_try_fire (slot->count >= spec->min, &slot->fired, &slot->last_fire, t, spec->window_ms);
}

static gboolean
_li_detect_focus (LiScorer          *s,
                  const PatternSpec *spec,
                  PatternState      *st,
                  guint32            local,
                  guint32            category,
                  gint64             t)
{
  const gint64 *time_ms = s->plan->store->time_ms + s->lead_begin;
  Slot *slot = _li_pattern_slot (st, category);
  guint32 product = s->product[local];

  if (product != _LI_NONE)
    {
      guint32 *views = _li_id_map_get (&st->pairs, ((guint64) category << 32) | product, 0);
      if ((*views)++ == 0)
        slot->count++;
      _li_slot_append (st, slot, local);
    }
  while (slot->head != _LI_NONE && (double) (t - time_ms[slot->head]) >= spec->window_ms)
    {
      guint64 pair = ((guint64) category << 32) | s->product[slot->head];
      if (--*_li_id_map_get (&st->pairs, pair, 1) == 0)
        slot->count--;
      slot->head = st->next[slot->head];
      if (slot->head == _LI_NONE)
        slot->tail = _LI_NONE;
    }
  return _li_try_fire (slot->count >= spec->min, &slot->fired, &slot->last_fire, t, spec->window_ms);
}

static gboolean
_li_detect_sequence (const PatternSpec *spec,
                     PatternState      *st,
                     guint16            name,
                     gint64             t)
{
  gboolean fires = FALSE;
  guint n = spec->n_seq;

  /* Fires when some match of names[0..n-2] before this event starts inside
   * the window: best[] keeps the latest possible start of each prefix. */
  if (name == spec->seq[n - 1])
    {
      gint64 start = n >= 2 ? st->best[n - 2] : t;
      fires = _li_try_fire (start != _LI_NO_TIME && (double) (t - start) < spec->window_ms,
                            &st->fired, &st->last_fire, t, spec->window_ms);
    }
  for (guint k = n - 1; k-- > 0;)
    {
      if (spec->seq[k] != name)
        continue;
      if (k == 0)
        st->best[0] = t;
      else if (st->best[k - 1] != _LI_NO_TIME)
        st->best[k] = MAX (st->best[k], st->best[k - 1]);
    }
  return fires;
}

static gboolean
_li_detect_return_days (LiScorer          *s,
                        const PatternSpec *spec,
                        PatternState      *st,
                        guint32            i,
                        gint64             t)
{
  const gint64 *time_ms = s->plan->store->time_ms;
  const gint64 *day = s->day - s->lead_begin;  /* indexed by global i */

  if (st->head == i)
    st->distinct = 1;
  else if (day[i] != day[i - 1])
    st->distinct++;
  while ((double) (t - time_ms[st->head]) >= spec->window_ms)
    {
      if (day[st->head] != day[st->head + 1])
        st->distinct--;
      st->head++;
    }
  return _li_try_fire (st->distinct >= spec->min, &st->fired, &st->last_fire, t, spec->window_ms);
}

static void
_li_scorer_patterns (LiScorer *s,
                     guint32   i,
                     gint64    t)
{
  const LiPlan *plan = s->plan;
  const LiEventStore *store = plan->store;
  guint32 local = i - s->lead_begin;
  gboolean is_view = plan->has_product_view && store->name[i] == plan->product_view;
  guint32 product = _LI_NONE, category = _LI_NONE;

  s->day[local] = li_time_day (t);
  if (is_view)
    {
      if (plan->product_key >= 0)
        li_event_store_get_prop (store, i, plan->product_key, &product);
      if (plan->category_key >= 0)
        li_event_store_get_prop (store, i, plan->category_key, &category);
    }
  s->product[local] = product;

  for (guint p = 0; p < plan->n_patterns; p++)
    {
      const PatternSpec *spec = &plan->patterns[p];
      PatternState *st = &s->patterns[p];
      gboolean fires = FALSE;

      switch (spec->kind)
        {
        case LI_PATTERN_REPEAT_PRODUCT:
          fires = product != _LI_NONE && _li_detect_repeat (s, spec, st, local, t);
          break;
        case LI_PATTERN_CATEGORY_FOCUS:
          fires = category != _LI_NONE && _li_detect_focus (s, spec, st, local, category, t);
          break;
        case LI_PATTERN_SEQUENCE:
          fires = _li_detect_sequence (spec, st, store->name[i], t);
          break;
        case LI_PATTERN_RETURN_DAYS:
          fires = _li_detect_return_days (s, spec, st, i, t);
          break;
        default:
          g_assert_not_reached ();
        }
      if (fires)
        _li_scorer_add (s, spec->acc, t, spec->points);
    }
}

static inline void
_li_scorer_feed (LiScorer *s,
                 guint32   i)
{
  const LiPlan *plan = s->plan;
  const LiEventStore *store = plan->store;
  gint64 t = store->time_ms[i];
  guint16 name = store->name[i];

  /* Fit sees every event, outcomes included. */
  if (plan->n_attrs > 0)
    for (guint32 j = store->prop_start[i]; j < store->prop_start[i + 1]; j++)
      {
        int a = plan->key_attr[store->prop_key[j]];
        if (a >= 0 && s->attr_value[a] != store->prop_value[j])
          {
            s->attr_value[a] = store->prop_value[j];
            s->fit_dirty = TRUE;
          }
      }

  if (!s->started)
    for (guint p = 0; p < plan->n_patterns; p++)
      s->patterns[p].head = i;  /* the replay may start after the lead's first event */
  _li_scorer_advance (s, t);
  if (plan->has_outcome && name == plan->outcome)
    {
      _li_scorer_reset_intent (s, i + 1);
      return;
    }

  for (guint m = plan->name_match_start[name]; m < plan->name_match_start[name + 1]; m++)
    {
      const Matcher *match = &plan->matchers[m];
      gboolean ok = TRUE;

      for (guint w = 0; w < match->n_where && ok; w++)
        ok = _li_where_matches (store, &plan->wheres[match->where_start + w], i);
      if (ok)
        _li_scorer_add (s, match->acc, t, match->points);
    }

  if (plan->n_patterns > 0)
    _li_scorer_patterns (s, i, t);
}

/* @number: the value as a number (NAN when it is not one). */
static gboolean
_li_fit_matches (const LiFitRule *rule,
                 const char      *value,
                 double           x)
{
  switch (rule->op)
    {
    case LI_FIT_EXISTS:
      return value != NULL;
    case LI_FIT_MISSING:
      return value == NULL;
    default:
      break;
    }
  if (value == NULL)
    return FALSE;
  switch (rule->op)
    {
    case LI_FIT_EQ:
      return g_strcmp0 (value, rule->values[0]) == 0;
    case LI_FIT_NE:
      return g_strcmp0 (value, rule->values[0]) != 0;
    case LI_FIT_IN:
    case LI_FIT_NOT_IN:
      return g_strv_contains ((const char * const *) rule->values, value) == (rule->op == LI_FIT_IN);
    default:
      break;
    }
  if (isnan (x))
    return FALSE;
  switch (rule->op)
    {
    case LI_FIT_GT:
      return x > rule->number[0];
    case LI_FIT_GTE:
      return x >= rule->number[0];
    case LI_FIT_LT:
      return x < rule->number[0];
    case LI_FIT_LTE:
      return x <= rule->number[0];
    case LI_FIT_BETWEEN:
      return rule->number[0] <= x && x <= rule->number[1];
    default:
      g_assert_not_reached ();
    }
}

static double
_li_scorer_fit (LiScorer *s)
{
  const LiPlan *plan = s->plan;
  guint32 row = plan->lead_row[s->lead];
  double fit = 0;

  for (guint f = 0; f < plan->n_fits; f++)
    {
      const FitAttr *attr = &plan->attrs[plan->fits[f].attr];
      guint32 v = s->attr_value[plan->fits[f].attr];
      const char *value = NULL;
      double number = NAN;

      /* The latest value seen in events, else the leads file.  Numbers of
       * event values are parsed once per value. */
      if (v != _LI_NONE)
        {
          value = li_str_pool_get (plan->store->values, v);
          if (!s->number_known[v])
            {
              if (!li_parse_number (value, &s->number[v]))
                s->number[v] = NAN;
              s->number_known[v] = TRUE;
            }
          number = s->number[v];
        }
      else if (row != _LI_NONE && attr->lead_col >= 0)
        {
          guint32 lv = plan->leads->value[(gsize) row * plan->leads->n_attributes + attr->lead_col];
          if (lv != LI_LEAD_TABLE_MISSING)
            {
              value = li_str_pool_get (plan->leads->values, lv);
              if (!li_parse_number (value, &number))
                number = NAN;
            }
        }
      if (_li_fit_matches (plan->fits[f].rule, value, number))
        fit += plan->fits[f].rule->points;
    }
  return fit;
}

static inline void
_li_scorer_eval (LiScorer *s,
                 gint64    t,
                 LiScore  *out)
{
  const LiPlan *plan = s->plan;
  double intent = 0;
  guint16 stage;

  _li_scorer_advance (s, t);
  for (guint k = 0; k < s->n_active; k++)
    {
      guint a = s->active[k];
      const AccSpec *spec = &plan->accs[a];
      const Acc *acc = &s->accs[a];
      double v = acc->sum;

      if (spec->model == LI_DECAY_LINEAR && acc->head < acc->tail)
        v = acc->sum - (acc->sum * (double) (t - s->anchor) - acc->sum_t) / spec->param_ms;
      if (spec->cap > 0)
        v = CLAMP (v, -spec->cap, spec->cap);
      intent += v;
    }
  if (s->fit_dirty)
    {
      s->fit = _li_scorer_fit (s);
      s->fit_dirty = FALSE;
    }

  out->intent = intent;
  out->fit = s->fit;
  out->score = intent + s->fit;
  for (stage = 0; (guint) stage + 1 < plan->n_stages; stage++)
    if (!(out->score < plan->min_score[stage]) && !(intent < plan->min_intent[stage]) &&
        !(s->fit < plan->min_fit[stage]))
      break;
  out->stage = stage;
}

void
li_scorer_feed (LiScorer *s,
                guint32   i)
{
  _li_scorer_feed (s, i);
}

void
li_scorer_eval (LiScorer *s,
                gint64    t,
                LiScore  *out)
{
  _li_scorer_eval (s, t, out);
}

void
li_scorer_journey (LiScorer  *s,
                   guint32    lead,
                   guint32    begin,
                   guint32    end,
                   gint64    *flag_ms,
                   LiJourney *out)
{
  const LiPlan *plan = s->plan;
  const gint64 *time_ms = plan->store->time_ms;
  guint reached = plan->n_stages;
  double peak = -G_MAXDOUBLE;
  guint32 i;

  out->converted = FALSE;
  out->t_outcome = 0;
  li_scorer_begin_lead (s, lead);
  for (i = begin; i < end; i++)
    {
      LiScore sc;

      if (plan->has_outcome && plan->store->name[i] == plan->outcome)
        {
          out->converted = TRUE;
          out->t_outcome = time_ms[i];
          break;
        }
      _li_scorer_feed (s, i);
      _li_scorer_eval (s, time_ms[i], &sc);
      peak = MAX (peak, sc.score);
      for (; reached > sc.stage; reached--)
        flag_ms[reached - 1] = time_ms[i];
    }
  out->peak = peak;
  out->reached = reached;
  out->n_scored = i - begin;
}
