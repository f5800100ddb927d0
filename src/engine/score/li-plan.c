/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-plan.c: rules compiled against one store: names and values resolved to
 * ids, rules grouped into decay accumulators (li-plan-private.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "li-plan.h"
#include "li-parallel.h"
#include "li-plan-private.h"

static guint
_li_plan_add_acc (LiPlan        *plan,
                  GArray        *accs,
                  const LiDecay *decay,
                  double         cap)
{
  AccSpec spec = { decay->model, decay->days * _LI_MS_PER_DAY, cap, 0 };

  /* Uncapped sums with the same decay add up: share one accumulator,
   * unless each rule's part must stay apart. */
  if (cap <= 0 && plan->intent_acc == NULL)
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
  g_autofree guint *bucket = NULL, *order = NULL, *fill = NULL;

  for (guint r = 0; r < plan->rules->n_intent; r++)
    {
      guint32 id;
      rule_name[r] = _LI_NONE;
      if (_li_lookup (plan->store->names, plan->rules->intent[r].event, &id))
        rule_name[r] = id;
    }

  /* Matchers grouped by event name, rules in file order within a name: a
   * counting sort of the rules by name, linear in names plus rules. */
  bucket = g_new0 (guint, (gsize) n_names + 1);
  for (guint r = 0; r < plan->rules->n_intent; r++)
    if (rule_name[r] != _LI_NONE)
      bucket[rule_name[r] + 1]++;
  for (guint name = 0; name < n_names; name++)
    bucket[name + 1] += bucket[name];
  order = g_new (guint, MAX (plan->rules->n_intent, 1));
  fill = g_memdup2 (bucket, ((gsize) n_names + 1) * sizeof *bucket);
  for (guint r = 0; r < plan->rules->n_intent; r++)
    if (rule_name[r] != _LI_NONE)
      order[fill[rule_name[r]]++] = r;

  plan->name_match_start = g_new0 (guint, (gsize) n_names + 1);
  for (guint name = 0; name < n_names; name++)
    {
      plan->name_match_start[name] = matchers->len;
      for (guint k = bucket[name]; k < bucket[name + 1]; k++)
        {
          guint r = order[k];
          const LiIntentRule *rule = &plan->rules->intent[r];
          Matcher m = { 0, rule->points, wheres->len, 0 };
          gboolean possible = TRUE;

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
          if (plan->intent_acc != NULL)
            plan->intent_acc[r] = m.acc;
          g_array_append_val (matchers, m);
        }
    }
  plan->name_match_start[n_names] = matchers->len;
  plan->n_wheres = wheres->len;
  plan->matchers = (Matcher *) g_array_free (g_steal_pointer (&matchers), FALSE);
  plan->wheres = (WhereSpec *) g_array_free (g_steal_pointer (&wheres), FALSE);
}

/* Whether an event named @name can change pattern @spec: a sequence
 * only sees its own names, product patterns only product views. */
static gboolean
_li_pattern_sees (const LiPlan      *plan,
                  const PatternSpec *spec,
                  guint16            name)
{
  switch (spec->kind)
    {
    case LI_PATTERN_REPEAT_PRODUCT:
    case LI_PATTERN_CATEGORY_FOCUS:
      return plan->has_product_view && name == plan->product_view;
    case LI_PATTERN_SEQUENCE:
      for (guint k = 0; k < spec->n_seq; k++)
        if (spec->seq[k] == name)
          return TRUE;
      return FALSE;
    case LI_PATTERN_RETURN_DAYS:
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* Per event name, the patterns its events are fed to: most events concern
 * one pattern or none, and the feed skips the rest. */
static void
_li_plan_index_patterns (LiPlan *plan)
{
  guint n_names = li_str_pool_size (plan->store->names);
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (guint));

  plan->name_pattern_start = g_new (guint, (gsize) n_names + 1);
  for (guint name = 0; name < n_names; name++)
    {
      plan->name_pattern_start[name] = list->len;
      for (guint p = 0; p < plan->n_patterns; p++)
        if (_li_pattern_sees (plan, &plan->patterns[p], (guint16) name))
          g_array_append_val (list, p);
    }
  plan->name_pattern_start[n_names] = list->len;
  plan->name_patterns = (guint *) g_array_free (g_steal_pointer (&list), FALSE);
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
      spec->rule = p;
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
          plan->has_return_days = TRUE;
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
      if (plan->pattern_acc != NULL)
        plan->pattern_acc[p] = spec->acc;
      plan->n_patterns++;
    }
  _li_plan_index_patterns (plan);
}

/* The leads-file row of each store lead: a lookup that misses the cache
 * for every lead, on every core. */
static void
_li_plan_lead_rows (guint    slice,
                    gsize    begin,
                    gsize    end,
                    gpointer data)
{
  LiPlan *plan = data;

  for (gsize l = begin; l < end; l++)
    {
      guint32 row = _LI_NONE;

      li_str_pool_lookup (plan->leads->leads, li_str_pool_get (plan->store->leads, (guint32) l),
                          li_str_pool_len (plan->store->leads, (guint32) l), &row);
      plan->lead_row[l] = row;
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
  if (plan->leads != NULL && plan->n_attrs > 0)
    li_parallel_for (plan->store->n_leads, 16384, _li_plan_lead_rows, plan);
  else
    for (guint32 l = 0; l < plan->store->n_leads; l++)
      plan->lead_row[l] = _LI_NONE;
}

/* A map from the rules' intent rules or patterns to accumulators, none yet. */
static guint *
_li_plan_acc_map (guint n)
{
  guint *map = g_new (guint, MAX (n, 1));

  for (guint k = 0; k < n; k++)
    map[k] = _LI_NONE;
  return map;
}

static LiPlan *
_li_plan_new (const LiRules *rules,
              LiEventStore  *store,
              LiLeadTable   *leads,
              gboolean       explained)
{
  LiPlan *plan = g_new0 (LiPlan, 1);
  g_autoptr(GArray) accs = g_array_new (FALSE, FALSE, sizeof (AccSpec));
  guint32 id;

  plan->rules = li_rules_copy (rules);
  plan->store = li_event_store_ref (store);
  plan->leads = leads ? li_lead_table_ref (leads) : NULL;
  if (explained)
    {
      plan->intent_acc = _li_plan_acc_map (rules->n_intent);
      plan->pattern_acc = _li_plan_acc_map (rules->n_patterns);
    }

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

LiPlan *
li_plan_new (const LiRules *rules,
             LiEventStore  *store,
             LiLeadTable   *leads)
{
  return _li_plan_new (rules, store, leads, FALSE);
}

LiPlan *
li_plan_new_explained (const LiRules *rules,
                       LiEventStore  *store,
                       LiLeadTable   *leads)
{
  return _li_plan_new (rules, store, leads, TRUE);
}

gboolean
li_plan_is_explained (const LiPlan *plan)
{
  return plan->intent_acc != NULL;
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
  g_free (plan->name_pattern_start);
  g_free (plan->name_patterns);
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
  g_free (plan->intent_acc);
  g_free (plan->pattern_acc);
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

LiLeadTable *
li_plan_get_leads (const LiPlan *plan)
{
  return plan->leads;
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

