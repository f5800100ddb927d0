/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The running state of a LiScorer, shared by li-scorer.c, li-patterns.c,
 * li-fit.c and li-explain.c; not for use outside src/engine/score/. */

#include "li-explain.h"
#include "li-id-map.h"
#include "li-plan-private.h"
#include "li-scorer.h"

G_BEGIN_DECLS

/* A lead's journey in blocks (li-scorer-flat.c) goes this many events at
 * a time: the decay steps, the fit and the patterns of a block are worked
 * out before its events are scored. */
#define _LI_BLOCK 1024

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
  guint8  *sees;      /* sequence, fed in blocks: per event name, whether it is one of its names */
} PatternState;

typedef struct
{
  double  sum;     /* none, exponential, window: the raw sum; linear: Σ points */
  double  sum_t;   /* linear: Σ points · (t_e − anchor) */
  gint64  anchor;  /* linear: a time near the live items, for precision */
  gint64 *q_t;     /* window, linear: live items */
  double *q_p;
  guint   head, tail, cap;
} Acc;

/* The journey state of li-scorer-flat.c (plans not explained), per
 * active slot k in the order the accumulators were
 * first fed: sum, cap (+∞ for none), index into a step (n_exp: none). */
typedef struct
{
  double  *sum;
  double  *cap;
  guint   *group;
  guint   *acc_of;        /* slot → accumulator */
  int     *slot;          /* accumulator → slot, -1 when not fed yet */
  guint    n_active;
  guint    n_decaying;
  guint    width;         /* slots the sums run over: n_accs, or 0 for n_active */
  guint   *queued;        /* the slots of window and linear sums, n_queued */
  guint    n_queued;
  Acc     *accs;          /* the scorer's: the window and linear sums */
  gboolean fed;           /* _li_scorer_flat_add was called */
  /* Per event name: the accumulator of its one rule without conditions
   * (n_accs, the sink, for none) and its points, or whether the name's
   * rules are to be looped over. */
  guint   *name_acc;
  double  *name_points;
  gboolean *name_loop;
  guint64 *fired;         /* per event of the block: the patterns that fire (NULL: fed per event) */
  double  *step;          /* per event of the block: the decay into it */
  guint    stride;        /* n_exp + 1 */
  /* Fit, per attribute: its rules' bits for each value of the store and of
   * the leads file (allocated when first read) and for no value, the bits
   * now; per fit rule: its attribute, its bit there and its points. */
  guint8 **event_bits;
  guint8 **lead_bits;
  guint8  *missing_bits;
  guint8  *bits;
  guint   *fit_attr;
  guint8  *fit_mask;
  double  *fit_points;
  /* A block's fit timeline (_li_flat_fit_timeline): per property, how
   * many events start there; per property a fit rule reads, where it is,
   * its event and the fit after it; per event, its last such property and
   * its fit. */
  guint32  prop_room;     /* entries of the four arrays that follow */
  guint32 *prop_event;
  guint32 *fit_prop;
  guint32 *fit_event;
  double  *fit_value;
  guint32 *last_fit;
  double  *fit_at;
} FlatState;

struct _LiScorer
{
  const LiPlan *plan;
  Acc          *accs;
  double       *exp_factor;
  PatternState *patterns;
  guint8       *view_names;       /* _li_patterns_block: per event name, whether product views, */
  guint32      *block_views;      /* a block's product views, */
  guint32      *block_categories; /* their categories, */
  guint32      *block_events;     /* and the events a sequence sees */
  gint64        last_t;
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
  guint         n_decaying;  /* of those, the ones whose value moves with time */
  gboolean      changed;     /* an accumulator's value moved since the journey last looked */
  guint64       patterns_fired; /* since li_scorer_begin_lead: rules' patterns 0–63 */
  gboolean     *is_active;
  double       *number;      /* value id → number (NAN: not one), when parsed */
  guint8       *number_known;
  /* Fit (li-fit.c): per fit rule, whether it holds for an event value
   * (value id → 0 not known yet, 1 no, 2 yes; allocated when first read),
   * for a leads-file value (same), for no value (same), and now; the rules
   * of each attribute; whether every rule is to be tested again (a new
   * lead). */
  guint8      **fit_cache;
  guint8      **fit_lead_cache;
  guint8       *fit_missing;
  gboolean     *fit_holds;
  guint        *attr_fit_start;  /* n_attrs + 1 */
  guint        *attr_fits;
  gboolean      fit_all_dirty;
  /* Explaining (_li_scorer_record_adds), else NULL: the accumulators the
   * events fed since the caller last set n_added to 0 added points to. */
  guint        *added;
  guint         n_added;
  FlatState    *flat;        /* li-scorer-flat.c's journey applies, else NULL */
  gboolean      in_flat_journey;  /* in it: _li_scorer_add adds to its slots */
};

/* Whether accumulator @spec keeps its items (window, linear decay). */
static inline gboolean
_li_acc_is_queued (const AccSpec *spec)
{
  return spec->model == LI_DECAY_WINDOW || spec->model == LI_DECAY_LINEAR;
}

/* An accumulator with nothing in it. */
static inline void
_li_acc_clear (Acc *acc)
{
  acc->sum = acc->sum_t = 0;
  acc->head = acc->tail = 0;
}

/* Whether event @i's property of key where->key is one of its values. */
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

/* The decayed sum of an accumulator at @t (after it was advanced to @t),
 * before its cap. */
static inline double
_li_acc_value (const AccSpec *spec,
               const Acc     *acc,
               gint64         t)
{
  if (spec->model == LI_DECAY_LINEAR && acc->head < acc->tail)
    return acc->sum - (acc->sum * (double) (t - acc->anchor) - acc->sum_t) / spec->param_ms;
  return acc->sum;
}

/* li-scorer.c, for a window or linear accumulator: drops the items @t is
 * past the window of (and takes the sums again from the live ones when
 * they drifted far from the anchor); queues an item of @points at @t
 * whose points were just added to acc->sum. */
void   _li_acc_expire     (const AccSpec *spec,
                           Acc           *acc,
                           gint64         t);
void   _li_acc_push       (Acc    *acc,
                           gint64  t,
                           double  points);

/* li-scorer.c: adds @points at @t to accumulator @a. */
void   _li_scorer_add     (LiScorer *s,
                           guint     a,
                           gint64    t,
                           double    points);

/* li-scorer.c, for li-explain.c (explained plans only): from now on, list
 * in s->added each accumulator that an event adds points to.  The caller
 * empties the list (n_added = 0) before each li_scorer_feed; with one
 * accumulator per rule and pattern an event adds to each at most once, so
 * n_accs entries are enough. */
void   _li_scorer_record_adds (LiScorer *s);
/* li-scorer.c: the raw (uncapped) value of accumulator @a at @t, the time
 * of the last li_scorer_eval. */
double _li_scorer_acc_raw (LiScorer *s,
                           guint     a,
                           gint64    t);

/* li-patterns.c: the per-lead state of each pattern, and event @i (at @t,
 * not an outcome) fed to every pattern. */
void   _li_patterns_init  (LiScorer *s);
void   _li_patterns_free  (LiScorer *s);
void   _li_patterns_reset (LiScorer *s,
                           guint32   seg_begin);
void   _li_patterns_feed  (LiScorer *s,
                           guint32   i,
                           gint64    t);
/* li-patterns.c, for a journey in blocks of _LI_BLOCK events with no
 * outcome among them: whether the plan's patterns (at most 64) can be fed
 * a block at a time; events [@from, @to) of the lead fed to every pattern,
 * bit p of @fired[i - @from] set when pattern p fires at event i; the
 * points of the patterns @fired at @t, in pattern order. */
gboolean _li_patterns_in_blocks (const LiPlan *plan);
void   _li_patterns_block (LiScorer *s,
                           guint32   from,
                           guint32   to,
                           guint64  *fired);
void   _li_patterns_fire  (LiScorer *s,
                           gint64    t,
                           guint64   fired);

/* li-fit.c: the fit state of a scorer; a new lead; attribute @a took a
 * new value (sets s->fit_dirty when a rule's outcome changed); the current
 * lead's fit points. */
void   _li_fit_init       (LiScorer *s);
void   _li_fit_free       (LiScorer *s);
void   _li_fit_begin_lead (LiScorer *s);
void   _li_fit_attr_changed (LiScorer *s,
                             guint     a);
double _li_fit_eval       (LiScorer *s);
/* li-fit.c: whether @rule holds for @value (NULL: missing), @number being
 * the value as a number (NAN when it is not one). */
gboolean _li_fit_matches  (const LiFitRule *rule,
                           const char      *value,
                           double           number);
/* li-fit.c: whether fit rule @f holds for the current lead, with the
 * value it reads (NULL when missing) and where that value comes from. */
gboolean _li_fit_explain  (LiScorer     *s,
                           guint         f,
                           const char  **value,
                           LiFitSource  *source);

/* li-scorer-flat.c: whether its journey applies to @plan; its state (with
 * the scorer's accumulators); @points at @t to accumulator @a in that
 * journey; the journey (as li_scorer_journey). */
gboolean   _li_scorer_flat_applies (const LiPlan *plan);
FlatState *_li_scorer_flat_new     (const LiPlan *plan,
                                    Acc          *accs);
void       _li_scorer_flat_free    (FlatState    *x,
                                    guint         n_attrs);
void       _li_scorer_flat_add     (const LiPlan *plan,
                                    FlatState    *x,
                                    guint         a,
                                    gint64        t,
                                    double        points);
void       _li_scorer_journey_flat (LiScorer     *s,
                                    guint32       lead,
                                    guint32       begin,
                                    guint32       end,
                                    gint64       *flag_ms,
                                    LiJourney    *out);

G_END_DECLS
