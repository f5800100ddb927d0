/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "li-replay.h"
#include "li-number.h"
#include "li-replay-metrics.h"
#include "li-rules-changes.h"
#include "li-scorer.h"

#define _LI_MS_PER_HOUR 3600000.0
#define _LI_PROGRESS_EVERY 8192
/* Chunks per thread of a replay on more than one. */
#define _LI_CHUNKS_PER_THREAD 8
/* How far below a changed threshold a lead's printed peak must be for a
 * rerun to keep it: far more than the peak's rounding and the tolerance. */
#define _LI_THRESHOLD_MARGIN 1e-3

G_DEFINE_BOXED_TYPE (LiReplayResult, li_replay_result, li_replay_result_ref, li_replay_result_unref)

LiReplayResult *
li_replay_result_ref (LiReplayResult *result)
{
  g_atomic_int_inc (&result->ref_count);
  return result;
}

void
li_replay_result_unref (LiReplayResult *result)
{
  if (result == NULL || !g_atomic_int_dec_and_test (&result->ref_count))
    return;
  for (guint s = 0; s < result->n_stages; s++)
    g_free (result->stages[s].name);
  g_free (result->stages);
  g_free (result->bins);
  g_free (result->per_lead);
  g_free (result->facts);
  g_free (result->flag_ms);
  li_rule_diagnostics_free (result->diagnostics);
  g_free (result);
}

gint64
li_replay_result_flag_ms (const LiReplayResult *result,
                          guint                 k,
                          guint                 stage)
{
  g_return_val_if_fail (result->flag_ms != NULL, LI_REPLAY_NOT_FLAGGED);
  g_return_val_if_fail (k < result->leads && stage < result->n_stages, LI_REPLAY_NOT_FLAGGED);
  return result->flag_ms[(gsize) k * result->n_stages + stage];
}

double
li_replay_result_hours_to_outcome (const LiReplayResult *result,
                                   guint                 k,
                                   guint                 stage)
{
  gint64 flag = li_replay_result_flag_ms (result, k, stage);

  if (flag == LI_REPLAY_NOT_FLAGGED || !result->per_lead[k].converted)
    return NAN;
  return (double) (result->facts[k].outcome_ms - flag) / _LI_MS_PER_HOUR;
}

/* First index in [lo, hi) whose time is > @t (or >= when @inclusive). */
static guint32
_li_bound (const gint64 *time_ms,
           guint32       lo,
           guint32       hi,
           gint64        t,
           gboolean      inclusive)
{
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      if (inclusive ? time_ms[mid] < t : time_ms[mid] <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
li_replay_lead_range (const LiEventStore    *store,
                      const LiReplayOptions *options,
                      guint32                lead,
                      guint32               *begin,
                      guint32               *end)
{
  *begin = store->lead_start[lead];
  *end = store->lead_start[lead + 1];
  if (options && options->has_from)
    *begin = _li_bound (store->time_ms, *begin, *end, options->from_ms, TRUE);
  if (options && options->has_to)
    *end = _li_bound (store->time_ms, *begin, *end, options->to_ms, FALSE);
}

/* A replay of a range of leads; chunks run in threads and are merged in
 * lead order, so the result does not depend on how leads were split. */
typedef struct
{
  const LiPlan          *plan;
  const LiReplayOptions *options;
  GCancellable          *cancellable;
  LiProgressFunc         progress;       /* set by the first thread on the chunks it runs */
  gpointer               progress_data;
  guint32                progress_base;  /* leads of the chunks finished before */
  guint32                first, last;
  /* Where the chunk writes its leads: the result's arrays from entry
   * @first on (moved down to follow the chunk before once all are done). */
  LiLeadOutcome         *per_lead;
  LiLeadFacts           *facts;    /* keep_lead_facts, else NULL */
  gint64                *flag_ms;
  guint                  leads, skipped, converters;
  guint64                n_events;
  guint                 *flagged, *true_positives, *peak_count;
  GArray               **hours;  /* per stage: hours to outcome of the true positives */
  gboolean               cancelled;
  /* A rerun: leads with no event whose name is marked @changed, a last
   * peak below @peak_floor and none of @patterns_changed fired keep their
   * outcome from @last_result (its per_lead[last_k] is the next to look at). */
  const LiReplayResult  *last_result;
  const guint8          *changed;
  double                 peak_floor;
  guint64                patterns_changed;
  guint                  last_k;
} __attribute__ ((aligned (64))) ReplayChunk;  /* each on cache lines of its own */

/* The explorer's facts of the lead the chunk added last.  @flag holds the
 * journey's flag times from its reached stage on (older values before). */
static void
_li_chunk_keep_facts (ReplayChunk     *c,
                      const gint64    *time_ms,
                      guint32          begin,
                      const LiJourney *journey,
                      const gint64    *flag,
                      guint            n_stages)
{
  guint k = c->leads - 1;
  gint64 *row = c->flag_ms + (gsize) k * n_stages;

  c->facts[k].last_ms = time_ms[begin + journey->n_scored - 1];
  c->facts[k].outcome_ms = journey->converted ? journey->t_outcome : 0;
  c->facts[k].n_events = journey->n_scored;
  c->facts[k].patterns_fired = journey->patterns_fired;
  for (guint s = 0; s < n_stages; s++)
    row[s] = s < journey->reached ? LI_REPLAY_NOT_FLAGGED : flag[s];
}

/* The stages a lead flagged from @reached on, at the times @flag[s], and
 * the true positives among them. */
static void
_li_chunk_count_stages (ReplayChunk  *c,
                        guint         reached,
                        guint         n_stages,
                        gboolean      converted,
                        gint64        t_outcome,
                        const gint64 *flag,
                        double        window_ms)
{
  c->converters += converted;
  c->peak_count[reached]++;
  for (guint s = reached; s < n_stages; s++)
    {
      c->flagged[s]++;
      if (converted && (double) (t_outcome - flag[s]) <= window_ms)
        {
          double h = (double) (t_outcome - flag[s]) / _LI_MS_PER_HOUR;
          c->true_positives[s]++;
          g_array_append_val (c->hours[s], h);
        }
    }
}

static gboolean
_li_lead_has_changed_name (const LiEventStore *store,
                           guint32             begin,
                           guint32             end,
                           const guint8       *changed)
{
  for (guint32 i = begin; i < end; i++)
    if (changed[store->name[i]])
      return TRUE;
  return FALSE;
}

/* Where lead @l is in the last result, or -1 when that replay skipped it
 * (no journey events: the rerun's edits leave the journey as it was). */
static gssize
_li_chunk_find_last (ReplayChunk *c,
                     guint32      l)
{
  const LiReplayResult *last = c->last_result;

  while (c->last_k < last->leads && last->per_lead[c->last_k].lead < l)
    c->last_k++;
  if (c->last_k == last->leads || last->per_lead[c->last_k].lead != l)
    return -1;
  return c->last_k++;
}

/* Entry @k of the last result as it was: the edit cannot change it. */
static void
_li_chunk_take_last (ReplayChunk *c,
                     guint        k,
                     guint        n_stages,
                     double       window_ms)
{
  const LiReplayResult *last = c->last_result;
  const gint64 *row = last->flag_ms + (gsize) k * n_stages;

  c->per_lead[c->leads] = last->per_lead[k];
  c->facts[c->leads] = last->facts[k];
  memcpy (c->flag_ms + (gsize) c->leads * n_stages, row, n_stages * sizeof *row);
  c->leads++;
  c->n_events += last->facts[k].n_events;
  _li_chunk_count_stages (c, last->per_lead[k].peak_stage, n_stages, last->per_lead[k].converted,
                          last->facts[k].outcome_ms, row, window_ms);
}

/* Chunk @c with @scorer and @flag (n_stages entries) of the thread that
 * took it; FALSE when cancelled. */
static gboolean
_li_replay_chunk (ReplayChunk *c,
                  LiScorer    *scorer,
                  gint64      *flag)
{
  const LiReplayOptions *options = c->options;
  const LiEventStore *store = li_plan_get_store (c->plan);
  guint n_stages = li_plan_n_stages (c->plan);
  double window_ms = li_plan_window_ms (c->plan);

  /* What the chunk counts, allocated by the thread that runs it (see
   * _li_replay_run). */
  c->flagged = g_new0 (guint, MAX (n_stages, 1));
  c->true_positives = g_new0 (guint, MAX (n_stages, 1));
  c->peak_count = g_new0 (guint, MAX (n_stages, 1));
  c->hours = g_new (GArray *, MAX (n_stages, 1));
  for (guint s = 0; s < n_stages; s++)
    c->hours[s] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint32 l = c->first; l < c->last; l++)
    {
      guint32 begin, end;
      LiJourney journey;
      LiLeadOutcome *o;

      if ((l - c->first) % _LI_PROGRESS_EVERY == 0)
        {
          if (g_cancellable_is_cancelled (c->cancellable))
            {
              c->cancelled = TRUE;
              return FALSE;
            }
          if (c->progress)
            c->progress (c->progress_base + l - c->first, store->n_leads, c->progress_data);
        }

      li_replay_lead_range (store, options, l, &begin, &end);
      if (begin == end)
        continue;  /* no events in the loaded range: not a lead of this replay */
      if (c->last_result != NULL)
        {
          gssize k = _li_chunk_find_last (c, l);

          if (k < 0)
            {
              c->skipped++;
              continue;
            }
          if (c->last_result->per_lead[k].peak_score < c->peak_floor &&
              (c->last_result->facts[k].patterns_fired & c->patterns_changed) == 0 &&
              !_li_lead_has_changed_name (store, begin, end, c->changed))
            {
              _li_chunk_take_last (c, k, n_stages, window_ms);
              continue;
            }
        }

      li_scorer_journey (scorer, l, begin, end, flag, &journey);
      c->n_events += journey.n_scored;
      if (journey.n_scored == 0)
        {
          c->skipped++;
          continue;
        }

      o = &c->per_lead[c->leads++];
      o->lead = l;
      o->peak_score = li_number_as_printed (journey.peak);  /* SPEC 5: ties as printed */
      o->peak_stage = journey.reached;
      o->converted = journey.converted;
      if (c->facts != NULL)
        _li_chunk_keep_facts (c, store->time_ms, begin, &journey, flag, n_stages);
      _li_chunk_count_stages (c, journey.reached, n_stages, journey.converted, journey.t_outcome,
                              flag, window_ms);
    }
  return TRUE;
}

/* A thread of the replay: chunks in turn, as they come, until none is
 * left; its own scorer for all of them. */
typedef struct
{
  ReplayChunk   *chunks;
  guint          n_chunks;
  gint          *next;
  gint          *leads_done;     /* of the chunks finished, for progress */
  LiProgressFunc progress;       /* the first thread's, else NULL */
  gpointer       progress_data;
} ReplayWorker;

static gpointer
_li_replay_worker (gpointer data)
{
  ReplayWorker *w = data;
  const LiPlan *plan = w->chunks[0].plan;
  g_autoptr(LiScorer) scorer = li_scorer_new (plan);
  g_autofree gint64 *flag = g_new (gint64, MAX (li_plan_n_stages (plan), 1));
  guint k;

  while ((k = (guint) g_atomic_int_add (w->next, 1)) < w->n_chunks)
    {
      ReplayChunk *c = &w->chunks[k];

      c->progress = w->progress;
      c->progress_data = w->progress_data;
      c->progress_base = (guint32) g_atomic_int_get (w->leads_done);
      if (!_li_replay_chunk (c, scorer, flag))
        {
          g_atomic_int_set (w->next, (gint) w->n_chunks);  /* cancelled: no more for anyone */
          break;
        }
      g_atomic_int_add (w->leads_done, (gint) (c->last - c->first));
    }
  return NULL;
}

static void
_li_replay_chunk_clear (ReplayChunk *c,
                        guint        n_stages)
{
  g_free (c->flagged);
  g_free (c->true_positives);
  g_free (c->peak_count);
  for (guint s = 0; c->hours != NULL && s < n_stages; s++)
    g_array_unref (c->hours[s]);
  g_free (c->hours);
}

guint
li_replay_n_threads (const LiEventStore    *store,
                     const LiReplayOptions *options)
{
  if (options && options->threads > 0)
    return MIN (options->threads, 64);
  /* Threads pay off only on large imports. */
  if (store->n_events < 200000)
    return 1;
  return CLAMP (g_get_num_processors (), 1, 8);
}

/* The first entry of @last's per_lead at or after lead @first. */
static guint
_li_last_start (const LiReplayResult *last,
                guint32               first)
{
  guint lo = 0, hi = last->leads;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (last->per_lead[mid].lead < first)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* What a rerun keeps: see ReplayChunk. */
typedef struct
{
  const LiReplayResult *last;
  const guint8         *changed;
  double                peak_floor;
  guint64               patterns_changed;
} RerunScope;

static LiReplayResult *
_li_replay_run (const LiPlan          *plan,
                const LiReplayOptions *options,
                const RerunScope      *rerun,
                LiProgressFunc         progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  const LiEventStore *store = li_plan_get_store (plan);
  guint n_stages = li_plan_n_stages (plan);
  guint n_threads = li_replay_n_threads (store, options);
  guint n_chunks = n_threads == 1 ? 1 : n_threads * _LI_CHUNKS_PER_THREAD;
  ReplayChunk *chunks = g_aligned_alloc0 (n_chunks, sizeof (ReplayChunk), 64);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  g_autofree ReplayWorker *workers = g_new0 (ReplayWorker, n_threads);
  gint next = 0, leads_done = 0;
  g_autoptr(LiReplayResult) result = g_new0 (LiReplayResult, 1);
  g_autoptr(GArray) hours = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean cancelled = FALSE;

  result->ref_count = 1;
  result->per_lead = g_new (LiLeadOutcome, MAX (store->n_leads, 1));
  if (options && options->keep_lead_facts)
    {
      result->facts = g_new (LiLeadFacts, MAX (store->n_leads, 1));
      result->flag_ms = g_new (gint64, (gsize) MAX (store->n_leads, 1) * n_stages);
    }

  /* Equal shares of events, cut at lead boundaries. */
  for (guint k = 0; k < n_chunks; k++)
    {
      ReplayChunk *c = &chunks[k];
      guint64 target = (guint64) store->n_events * (k + 1) / n_chunks;

      c->plan = plan;
      c->options = options;
      c->cancellable = cancellable;
      c->first = k == 0 ? 0 : chunks[k - 1].last;
      c->last = c->first;
      while (c->last < store->n_leads && (k == n_chunks - 1 || store->lead_start[c->last] < target))
        c->last++;
      c->per_lead = result->per_lead + c->first;
      if (result->facts != NULL)
        {
          c->facts = result->facts + c->first;
          c->flag_ms = result->flag_ms + (gsize) c->first * n_stages;
        }
      if (rerun != NULL)
        {
          c->last_result = rerun->last;
          c->changed = rerun->changed;
          c->peak_floor = rerun->peak_floor;
          c->patterns_changed = rerun->patterns_changed;
          c->last_k = _li_last_start (rerun->last, c->first);
        }
    }
  /* Every thread takes the next chunk when it is done with one: equal
   * shares of events are not equal shares of work (events after an
   * outcome cost nothing), and two halves ended up to 9 ms apart.  The
   * caller's thread waits rather than working: each thread allocates its
   * scorer in its own malloc arena.  The caller's scorer could land in
   * cache lines beside the plan, which the caller allocated too, and its
   * writes would then evict what the other threads read: the replay of the
   * benchmark export took 75 ms instead of 52 or 57, depending on what
   * the heap held before. */
  for (guint k = 0; k < n_threads; k++)
    {
      workers[k] = (ReplayWorker) { chunks, n_chunks, &next, &leads_done,
                                    k == 0 ? progress : NULL, progress_data };
      threads[k] = g_thread_new ("li-replay", _li_replay_worker, &workers[k]);
    }
  for (guint k = 0; k < n_threads; k++)
    g_thread_join (threads[k]);
  for (guint k = 0; k < n_chunks; k++)
    cancelled |= chunks[k].cancelled || chunks[k].flagged == NULL;  /* or never taken */
  if (cancelled)
    {
      for (guint k = 0; k < n_chunks; k++)
        _li_replay_chunk_clear (&chunks[k], n_stages);
      g_aligned_free (chunks);
      return (g_cancellable_set_error_if_cancelled (cancellable, error), NULL);
    }

  result->n_stages = n_stages;
  result->stages = g_new0 (LiStageMetrics, MAX (n_stages, 1));
  for (guint k = 0; k < n_chunks; k++)
    {
      const ReplayChunk *c = &chunks[k];

      if (result->leads != c->first)
        {
          memmove (result->per_lead + result->leads, c->per_lead, c->leads * sizeof *c->per_lead);
          if (result->facts != NULL)
            {
              memmove (result->facts + result->leads, c->facts, c->leads * sizeof *c->facts);
              memmove (result->flag_ms + (gsize) result->leads * n_stages, c->flag_ms,
                       (gsize) c->leads * n_stages * sizeof *c->flag_ms);
            }
        }
      result->leads += c->leads;
      result->skipped_leads += c->skipped;
      result->converters += c->converters;
      result->n_events += c->n_events;
    }

  for (guint s = 0; s < n_stages; s++)
    {
      LiStageMetrics *m = &result->stages[s];

      m->name = g_strdup (li_plan_stage_name (plan, s));
      g_array_set_size (hours, 0);
      for (guint k = 0; k < n_chunks; k++)
        {
          m->flagged += chunks[k].flagged[s];
          m->true_positives += chunks[k].true_positives[s];
          m->peak_count += chunks[k].peak_count[s];
          g_array_append_vals (hours, chunks[k].hours[s]->data, chunks[k].hours[s]->len);
        }
      m->median_hours_to_outcome = li_metric_median (hours);
    }
  for (guint k = 0; k < n_chunks; k++)
    _li_replay_chunk_clear (&chunks[k], n_stages);
  g_aligned_free (chunks);

  result->base_rate = li_metric_ratio (result->converters, result->leads);
  for (guint s = 0; s < n_stages; s++)
    {
      LiStageMetrics *m = &result->stages[s];
      m->false_positives = m->flagged - m->true_positives;
      m->false_negatives = result->converters - m->true_positives;
      m->precision = li_metric_ratio (m->true_positives, m->flagged);
      m->recall = li_metric_ratio (m->true_positives, result->converters);
      m->lift = isnan (m->precision) || isnan (result->base_rate) || result->base_rate == 0
                  ? NAN : m->precision / result->base_rate;
    }
  result->auc = li_metric_auc (result->per_lead, result->leads, result->converters);
  li_histogram_fill (result, options && options->bins > 0 ? options->bins : 40);
  if (options && options->rule_diagnostics)
    {
      result->diagnostics = li_rule_diagnostics_compute (plan, result, options, cancellable, error);
      if (result->diagnostics == NULL)
        return NULL;
    }
  if (progress)
    progress (store->n_leads, store->n_leads, progress_data);
  return g_steal_pointer (&result);
}

LiReplayResult *
li_replay_run (const LiPlan          *plan,
               const LiReplayOptions *options,
               LiProgressFunc         progress,
               gpointer               progress_data,
               GCancellable          *cancellable,
               GError               **error)
{
  return _li_replay_run (plan, options, NULL, progress, progress_data, cancellable, error);
}

LiReplayResult *
li_replay_rerun (const LiPlan          *plan,
                 const LiReplayOptions *options,
                 const LiRules         *last_rules,
                 const LiReplayResult  *last,
                 GCancellable          *cancellable,
                 GError               **error)
{
  const LiEventStore *store = li_plan_get_store (plan);
  const LiRules *rules = li_plan_get_rules (plan);
  g_auto(GStrv) changes = NULL;
  g_autofree guint8 *changed = g_new0 (guint8, MAX (li_str_pool_size (store->names), 1));
  RerunScope scope = { last, changed, INFINITY, 0 };
  double below;

  if (options == NULL || !options->keep_lead_facts || last == NULL || last->facts == NULL ||
      last->n_stages != li_plan_n_stages (plan))
    return _li_replay_run (plan, options, NULL, NULL, NULL, cancellable, error);

  if ((changes = li_rules_intent_changes (last_rules, rules)) != NULL)
    {
      for (guint i = 0; changes[i] != NULL; i++)
        {
          guint32 id;
          if (li_str_pool_lookup (store->names, changes[i], strlen (changes[i]), &id))
            changed[id] = 1;
        }
    }
  else if (li_rules_threshold_changes (last_rules, rules, &below))
    {
      /* Stage conditions are tested on each score (SPEC 4, less the
       * scorer's 1e-9); a peak as printed is within 5e-7 of the highest
       * score.  Leads whose peak stays clearly below the lowest changed
       * threshold reach the same stages as before. */
      scope.peak_floor = below - _LI_THRESHOLD_MARGIN;
    }
  else if (!li_rules_pattern_changes (last_rules, rules, &scope.patterns_changed))
    return _li_replay_run (plan, options, NULL, NULL, NULL, cancellable, error);

  return _li_replay_run (plan, options, &scope, NULL, NULL, cancellable, error);
}
