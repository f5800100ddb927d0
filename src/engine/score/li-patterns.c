/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-patterns.c: the four behaviour patterns of SPEC 4 as sliding windows
 * per key, each with the cooldown of "at most once per key per window". */

#include "config.h"

#include "li-scorer-private.h"
#include "li-time.h"

#include <string.h>

/* For _li_patterns_block: room for a block's product views, and which
 * names are product views and which each sequence sees. */
static void
_li_patterns_init_blocks (LiScorer *s)
{
  const LiPlan *plan = s->plan;
  guint n_names = li_str_pool_size (plan->store->names);

  s->view_names = g_new0 (guint8, MAX (n_names, 1));
  if (plan->has_product_view)
    s->view_names[plan->product_view] = 1;
  s->block_views = g_new (guint32, _LI_BLOCK);
  s->block_categories = g_new (guint32, _LI_BLOCK);
  s->block_events = g_new (guint32, _LI_BLOCK);
  for (guint p = 0; p < plan->n_patterns; p++)
    if (plan->patterns[p].kind == LI_PATTERN_SEQUENCE)
      s->patterns[p].sees = g_new0 (guint8, MAX (n_names, 1));
  for (guint name = 0; name < n_names; name++)
    for (guint k = plan->name_pattern_start[name]; k < plan->name_pattern_start[name + 1]; k++)
      if (s->patterns[plan->name_patterns[k]].sees != NULL)
        s->patterns[plan->name_patterns[k]].sees[name] = 1;
}

void
_li_patterns_init (LiScorer *s)
{
  const LiPlan *plan = s->plan;
  gsize len = MAX (plan->max_lead_len, 1);

  s->patterns = g_new0 (PatternState, MAX (plan->n_patterns, 1));
  for (guint p = 0; p < plan->n_patterns; p++)
    {
      PatternState *st = &s->patterns[p];
      LiPatternKind kind = plan->patterns[p].kind;

      /* Only what the kind uses: an unused map stays empty (clearing and
       * freeing it do nothing). */
      if (kind == LI_PATTERN_REPEAT_PRODUCT || kind == LI_PATTERN_CATEGORY_FOCUS)
        {
          _li_id_map_init (&st->map);
          st->next = g_new (guint32, len);
        }
      if (kind == LI_PATTERN_CATEGORY_FOCUS)
        _li_id_map_init (&st->pairs);
      if (kind == LI_PATTERN_SEQUENCE)
        st->best = g_new (gint64, plan->patterns[p].n_seq);
    }
  if (_li_patterns_in_blocks (plan))
    _li_patterns_init_blocks (s);
}

void
_li_patterns_free (LiScorer *s)
{
  for (guint p = 0; p < s->plan->n_patterns; p++)
    {
      _li_id_map_destroy (&s->patterns[p].map);
      _li_id_map_destroy (&s->patterns[p].pairs);
      g_free (s->patterns[p].slots);
      g_free (s->patterns[p].next);
      g_free (s->patterns[p].best);
      g_free (s->patterns[p].sees);
    }
  g_free (s->patterns);
  g_free (s->view_names);
  g_free (s->block_views);
  g_free (s->block_categories);
  g_free (s->block_events);
}

/* Forgets every window: a new lead, or an outcome event. */
void
_li_patterns_reset (LiScorer *s,
                    guint32   seg_begin)
{
  const LiPlan *plan = s->plan;

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

static inline G_ALWAYS_INLINE gboolean
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

static inline G_ALWAYS_INLINE gboolean
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

static inline G_ALWAYS_INLINE gboolean
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

static inline G_ALWAYS_INLINE gboolean
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

/* Pattern @spec fired at @t: its points, and the rule noted. */
static inline void
_li_pattern_fires (LiScorer          *s,
                   const PatternSpec *spec,
                   gint64             t)
{
  _li_scorer_add (s, spec->acc, t, spec->points);
  if (spec->rule < 64)
    s->patterns_fired |= G_GUINT64_CONSTANT (1) << spec->rule;
}

/* Product view @i's product (kept for the views' chains) and category,
 * _LI_NONE for one it does not have. */
static inline void
_li_patterns_view (LiScorer *s,
                   guint32   i,
                   guint32  *category)
{
  const LiPlan *plan = s->plan;
  guint32 product = _LI_NONE;

  *category = _LI_NONE;
  if (plan->product_key >= 0)
    li_event_store_get_prop (plan->store, i, plan->product_key, &product);
  if (plan->category_key >= 0)
    li_event_store_get_prop (plan->store, i, plan->category_key, category);
  s->product[i - s->lead_begin] = product;
}

void
_li_patterns_feed (LiScorer *s,
                   guint32   i,
                   gint64    t)
{
  const LiPlan *plan = s->plan;
  const LiEventStore *store = plan->store;
  guint32 local = i - s->lead_begin;
  guint16 name = store->name[i];
  guint32 product = _LI_NONE, category = _LI_NONE;

  if (plan->has_return_days)
    s->day[local] = li_time_day (t);
  if (plan->has_product_view && name == plan->product_view)
    {
      _li_patterns_view (s, i, &category);
      product = s->product[local];
    }

  for (guint k = plan->name_pattern_start[name]; k < plan->name_pattern_start[name + 1]; k++)
    {
      guint p = plan->name_patterns[k];
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
          fires = _li_detect_sequence (spec, st, name, t);
          break;
        case LI_PATTERN_RETURN_DAYS:
          fires = _li_detect_return_days (s, spec, st, i, t);
          break;
        default:
          g_assert_not_reached ();
        }
      if (fires)
        _li_pattern_fires (s, spec, t);
    }
}

gboolean
_li_patterns_in_blocks (const LiPlan *plan)
{
  return plan->n_patterns > 0 && plan->n_patterns <= 64;
}

/* The events of [@from, @to) that @sees (indexed by name) marks, into
 * @list without a branch on each; their number. */
static guint
_li_patterns_select (const LiEventStore *store,
                     const guint8       *sees,
                     guint32             from,
                     guint32             to,
                     guint32            *list)
{
  guint n = 0;

  for (guint32 i = from; i < to; i++)
    {
      list[n] = i;
      n += sees[store->name[i]];
    }
  return n;
}

/* The product views of [@from, @to), with their categories. */
static guint
_li_patterns_block_views (LiScorer *s,
                          guint32   from,
                          guint32   to)
{
  guint n;

  if (!s->plan->has_product_view)
    return 0;
  n = _li_patterns_select (s->plan->store, s->view_names, from, to, s->block_views);
  for (guint v = 0; v < n; v++)
    _li_patterns_view (s, s->block_views[v], &s->block_categories[v]);
  return n;
}

/* Each pattern fed the events of [@from, @to) it sees, one pattern at a
 * time; the state is the same as after feeding them event by event, for
 * no pattern reads another's. */
void
_li_patterns_block (LiScorer *s,
                    guint32   from,
                    guint32   to,
                    guint64  *fired)
{
  const LiPlan *plan = s->plan;
  const gint64 *time_ms = plan->store->time_ms;
  guint n_views = _li_patterns_block_views (s, from, to);

  memset (fired, 0, (to - from) * sizeof *fired);
  if (plan->has_return_days)
    for (guint32 i = from; i < to; i++)
      s->day[i - s->lead_begin] = li_time_day (time_ms[i]);

  for (guint p = 0; p < plan->n_patterns; p++)
    {
      const PatternSpec *spec = &plan->patterns[p];
      PatternState *st = &s->patterns[p];
      guint64 bit = G_GUINT64_CONSTANT (1) << p;

      switch (spec->kind)
        {
        case LI_PATTERN_REPEAT_PRODUCT:
          for (guint v = 0; v < n_views; v++)
            {
              guint32 i = s->block_views[v], local = i - s->lead_begin;

              if (s->product[local] != _LI_NONE && _li_detect_repeat (s, spec, st, local, time_ms[i]))
                fired[i - from] |= bit;
            }
          break;
        case LI_PATTERN_CATEGORY_FOCUS:
          for (guint v = 0; v < n_views; v++)
            {
              guint32 i = s->block_views[v], category = s->block_categories[v];

              if (category != _LI_NONE &&
                  _li_detect_focus (s, spec, st, i - s->lead_begin, category, time_ms[i]))
                fired[i - from] |= bit;
            }
          break;
        case LI_PATTERN_SEQUENCE:
          {
            guint n = _li_patterns_select (plan->store, st->sees, from, to, s->block_events);

            for (guint e = 0; e < n; e++)
              {
                guint32 i = s->block_events[e];

                if (_li_detect_sequence (spec, st, plan->store->name[i], time_ms[i]))
                  fired[i - from] |= bit;
              }
          }
          break;
        case LI_PATTERN_RETURN_DAYS:
          for (guint32 i = from; i < to; i++)
            if (_li_detect_return_days (s, spec, st, i, time_ms[i]))
              fired[i - from] |= bit;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

void
_li_patterns_fire (LiScorer *s,
                   gint64    t,
                   guint64   fired)
{
  for (; fired != 0; fired &= fired - 1)
    _li_pattern_fires (s, &s->plan->patterns[__builtin_ctzll (fired)], t);
}
