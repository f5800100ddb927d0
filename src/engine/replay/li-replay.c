/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "li-replay.h"
#include "li-csv-writer.h"
#include "li-scorer.h"

#define _LI_MS_PER_HOUR 3600000.0
#define _LI_PROGRESS_EVERY 8192

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
  g_free (result);
}

static double
_li_ratio (double num,
           double den)
{
  return den == 0 ? NAN : num / den;
}

static int
_li_compare_doubles (const void *a,
                     const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
_li_median (GArray *values)
{
  double *v = (double *) values->data;
  guint n = values->len;

  if (n == 0)
    return NAN;
  qsort (v, n, sizeof *v, _li_compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/* LSD radix sort of doubles (as order-preserving 64-bit keys): the AUC sorts
 * every lead's peak score on each replay, and qsort showed in profiles. */
static void
_li_sort_doubles (double *v,
                  gsize   n)
{
  g_autofree guint64 *keys = g_new (guint64, MAX (n, 1));
  g_autofree guint64 *tmp = g_new (guint64, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    {
      guint64 k;
      memcpy (&k, &v[i], sizeof k);
      keys[i] = k & (G_GUINT64_CONSTANT (1) << 63) ? ~k : k | (G_GUINT64_CONSTANT (1) << 63);
    }
  for (guint shift = 0; shift < 64; shift += 8)
    {
      gsize count[257] = { 0 };
      guint64 *swap;

      for (gsize i = 0; i < n; i++)
        count[((keys[i] >> shift) & 0xff) + 1]++;
      if (count[((keys[0] >> shift) & 0xff) + 1] == n)
        continue;  /* every key has the same byte here */
      for (guint b = 0; b < 256; b++)
        count[b + 1] += count[b];
      for (gsize i = 0; i < n; i++)
        tmp[count[(keys[i] >> shift) & 0xff]++] = keys[i];
      swap = keys, keys = tmp, tmp = swap;
    }
  for (gsize i = 0; i < n; i++)
    {
      guint64 k = keys[i] & (G_GUINT64_CONSTANT (1) << 63) ? keys[i] & ~(G_GUINT64_CONSTANT (1) << 63) : ~keys[i];
      memcpy (&v[i], &k, sizeof k);
    }
}

/* ROC AUC (Mann-Whitney): the share of (converter, non-converter) pairs in
 * which the converter's peak is higher, ties counted one half. */
static double
_li_auc (const LiLeadOutcome *per_lead,
         guint                n,
         guint                positives)
{
  guint negatives = n - positives;
  g_autofree double *pos = g_new (double, MAX (positives, 1));
  g_autofree double *neg = g_new (double, MAX (negatives, 1));
  guint np = 0, nn = 0, below = 0, upto = 0;
  double wins = 0;

  if (positives == 0 || negatives == 0)
    return NAN;
  for (guint i = 0; i < n; i++)
    {
      if (per_lead[i].converted)
        pos[np++] = per_lead[i].peak_score;
      else
        neg[nn++] = per_lead[i].peak_score;
    }
  _li_sort_doubles (pos, np);
  _li_sort_doubles (neg, nn);
  for (guint i = 0; i < np; i++)
    {
      while (below < nn && neg[below] < pos[i])
        below++;
      upto = MAX (upto, below);
      while (upto < nn && neg[upto] <= pos[i])
        upto++;
      wins += below + (upto - below) / 2.0;
    }
  return wins / ((double) positives * negatives);
}

static void
_li_histogram (LiReplayResult *result,
               guint           bins)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  if (result->leads == 0)
    return;
  for (guint i = 0; i < result->leads; i++)
    {
      lo = MIN (lo, result->per_lead[i].peak_score);
      hi = MAX (hi, result->per_lead[i].peak_score);
    }
  result->min_peak = lo;
  result->max_peak = hi;
  result->n_bins = hi > lo ? bins : 1;
  result->bin_width = hi > lo ? (hi - lo) / bins : 1.0;
  result->bins = g_new0 (LiHistogramBin, result->n_bins);
  for (guint b = 0; b < result->n_bins; b++)
    {
      result->bins[b].from = lo + b * result->bin_width;
      result->bins[b].to = lo + (b + 1) * result->bin_width;
    }
  for (guint i = 0; i < result->leads; i++)
    {
      const LiLeadOutcome *o = &result->per_lead[i];
      guint b = 0;
      if (hi > lo)
        b = MIN (result->n_bins - 1, (guint) ((o->peak_score - lo) / result->bin_width));
      if (o->converted)
        result->bins[b].converted++;
      else
        result->bins[b].not_converted++;
    }
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

/* A replay of a range of leads; chunks run in threads and are merged in
 * lead order, so the result does not depend on how leads were split. */
typedef struct
{
  const LiPlan          *plan;
  const LiReplayOptions *options;
  GCancellable          *cancellable;
  LiProgressFunc         progress;
  gpointer               progress_data;
  guint32                first, last;
  LiLeadOutcome         *per_lead;
  guint                  leads, skipped, converters;
  guint64                n_events;
  guint                 *flagged, *true_positives, *peak_count;
  GArray               **hours;  /* per stage: hours to outcome of the true positives */
  gboolean               cancelled;
} ReplayChunk;

static gpointer
_li_replay_chunk (gpointer data)
{
  ReplayChunk *c = data;
  const LiReplayOptions *options = c->options;
  const LiEventStore *store = li_plan_get_store (c->plan);
  guint n_stages = li_plan_n_stages (c->plan);
  double window_ms = li_plan_window_ms (c->plan);
  g_autoptr(LiScorer) scorer = li_scorer_new (c->plan);
  g_autofree gint64 *flag = g_new (gint64, MAX (n_stages, 1));

  for (guint32 l = c->first; l < c->last; l++)
    {
      guint32 begin = store->lead_start[l], end = store->lead_start[l + 1];
      LiJourney journey;
      LiLeadOutcome *o;

      if ((l - c->first) % _LI_PROGRESS_EVERY == 0)
        {
          if (g_cancellable_is_cancelled (c->cancellable))
            {
              c->cancelled = TRUE;
              return NULL;
            }
          if (c->progress)
            c->progress (l - c->first, c->last - c->first, c->progress_data);
        }

      if (options && options->has_from)
        begin = _li_bound (store->time_ms, begin, end, options->from_ms, TRUE);
      if (options && options->has_to)
        end = _li_bound (store->time_ms, begin, end, options->to_ms, FALSE);
      if (begin == end)
        continue;  /* no events in the loaded range: not a lead of this replay */

      li_scorer_journey (scorer, l, begin, end, flag, &journey);
      c->n_events += journey.n_scored;
      if (journey.n_scored == 0)
        {
          c->skipped++;
          continue;
        }

      o = &c->per_lead[c->leads++];
      o->lead = l;
      o->peak_score = journey.peak;
      o->peak_stage = journey.reached;
      o->converted = journey.converted;
      c->converters += journey.converted;
      c->peak_count[journey.reached]++;
      for (guint s = journey.reached; s < n_stages; s++)
        {
          c->flagged[s]++;
          if (journey.converted && (double) (journey.t_outcome - flag[s]) <= window_ms)
            {
              double h = (double) (journey.t_outcome - flag[s]) / _LI_MS_PER_HOUR;
              c->true_positives[s]++;
              g_array_append_val (c->hours[s], h);
            }
        }
    }
  return NULL;
}

static void
_li_replay_chunk_clear (ReplayChunk *c,
                        guint        n_stages)
{
  g_free (c->per_lead);
  g_free (c->flagged);
  g_free (c->true_positives);
  g_free (c->peak_count);
  for (guint s = 0; s < n_stages; s++)
    g_array_unref (c->hours[s]);
  g_free (c->hours);
}

static guint
_li_replay_threads (const LiEventStore    *store,
                    const LiReplayOptions *options)
{
  if (options && options->threads > 0)
    return MIN (options->threads, 64);
  /* Threads pay off only on large imports. */
  if (store->n_events < 200000)
    return 1;
  return CLAMP (g_get_num_processors (), 1, 8);
}

LiReplayResult *
li_replay_run (const LiPlan          *plan,
               const LiReplayOptions *options,
               LiProgressFunc         progress,
               gpointer               progress_data,
               GCancellable          *cancellable,
               GError               **error)
{
  const LiEventStore *store = li_plan_get_store (plan);
  guint n_stages = li_plan_n_stages (plan);
  guint n_chunks = _li_replay_threads (store, options);
  g_autofree ReplayChunk *chunks = g_new0 (ReplayChunk, n_chunks);
  g_autofree GThread **threads = g_new0 (GThread *, n_chunks);
  g_autoptr(LiReplayResult) result = g_new0 (LiReplayResult, 1);
  g_autoptr(GArray) hours = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean cancelled = FALSE;

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
      c->per_lead = g_new (LiLeadOutcome, MAX (c->last - c->first, 1));
      c->flagged = g_new0 (guint, MAX (n_stages, 1));
      c->true_positives = g_new0 (guint, MAX (n_stages, 1));
      c->peak_count = g_new0 (guint, MAX (n_stages, 1));
      c->hours = g_new (GArray *, MAX (n_stages, 1));
      for (guint s = 0; s < n_stages; s++)
        c->hours[s] = g_array_new (FALSE, FALSE, sizeof (double));
      if (k == 0)
        {
          /* The first chunk speaks for all: chunks are of equal size. */
          c->progress = progress;
          c->progress_data = progress_data;
        }
    }
  for (guint k = 1; k < n_chunks; k++)
    threads[k] = g_thread_new ("li-replay", _li_replay_chunk, &chunks[k]);
  _li_replay_chunk (&chunks[0]);
  for (guint k = 1; k < n_chunks; k++)
    g_thread_join (threads[k]);

  result->ref_count = 1;
  result->n_stages = n_stages;
  result->stages = g_new0 (LiStageMetrics, MAX (n_stages, 1));
  result->per_lead = g_new (LiLeadOutcome, MAX (store->n_leads, 1));
  for (guint k = 0; k < n_chunks; k++)
    {
      const ReplayChunk *c = &chunks[k];

      cancelled |= c->cancelled;
      memcpy (result->per_lead + result->leads, c->per_lead, c->leads * sizeof *c->per_lead);
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
      m->median_hours_to_outcome = _li_median (hours);
    }
  for (guint k = 0; k < n_chunks; k++)
    _li_replay_chunk_clear (&chunks[k], n_stages);
  if (cancelled)
    return (g_cancellable_set_error_if_cancelled (cancellable, error), NULL);

  result->base_rate = _li_ratio (result->converters, result->leads);
  for (guint s = 0; s < n_stages; s++)
    {
      LiStageMetrics *m = &result->stages[s];
      m->false_positives = m->flagged - m->true_positives;
      m->false_negatives = result->converters - m->true_positives;
      m->precision = _li_ratio (m->true_positives, m->flagged);
      m->recall = _li_ratio (m->true_positives, result->converters);
      m->lift = isnan (m->precision) || isnan (result->base_rate) || result->base_rate == 0
                  ? NAN : m->precision / result->base_rate;
    }
  result->auc = _li_auc (result->per_lead, result->leads, result->converters);
  _li_histogram (result, options && options->bins > 0 ? options->bins : 40);
  if (progress)
    progress (store->n_leads, store->n_leads, progress_data);
  return g_steal_pointer (&result);
}

/* ------------------------------------------------------------ output */

static void
_li_add_ratio (JsonBuilder *b,
               const char  *key,
               double       value)
{
  json_builder_set_member_name (b, key);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

static void
_li_add_int (JsonBuilder *b,
             const char  *key,
             gint64       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

JsonNode *
li_replay_result_to_json (const LiReplayResult *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  _li_add_int (b, "leads", r->leads);
  _li_add_int (b, "skipped_leads", r->skipped_leads);
  _li_add_int (b, "converters", r->converters);
  _li_add_ratio (b, "base_rate", r->base_rate);
  _li_add_ratio (b, "auc", r->auc);
  json_builder_set_member_name (b, "stages");
  json_builder_begin_array (b);
  for (guint s = 0; s < r->n_stages; s++)
    {
      const LiStageMetrics *m = &r->stages[s];
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, m->name);
      _li_add_int (b, "flagged", m->flagged);
      _li_add_int (b, "true_positives", m->true_positives);
      _li_add_int (b, "false_positives", m->false_positives);
      _li_add_int (b, "false_negatives", m->false_negatives);
      _li_add_ratio (b, "precision", m->precision);
      _li_add_ratio (b, "recall", m->recall);
      _li_add_ratio (b, "lift", m->lift);
      _li_add_int (b, "peak_count", m->peak_count);
      _li_add_ratio (b, "median_hours_to_outcome", m->median_hours_to_outcome);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "histogram");
  if (r->bins == NULL)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      _li_add_ratio (b, "bin_width", r->bin_width);
      json_builder_set_member_name (b, "bins");
      json_builder_begin_array (b);
      for (guint i = 0; i < r->n_bins; i++)
        {
          json_builder_begin_object (b);
          _li_add_ratio (b, "from", r->bins[i].from);
          _li_add_ratio (b, "to", r->bins[i].to);
          _li_add_int (b, "converted", r->bins[i].converted);
          _li_add_int (b, "not_converted", r->bins[i].not_converted);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static char *
_li_fmt_ratio (double      value,
               int         decimals,
               const char *suffix)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.*f%s", decimals, value, suffix);
}

char *
li_replay_result_to_text (const LiReplayResult *r)
{
  GString *out = g_string_new (NULL);
  g_autofree char *base = _li_fmt_ratio (r->base_rate * 100, 2, " %");
  g_autofree char *auc = _li_fmt_ratio (r->auc, 4, "");
  guint name_w = 5;

  g_string_append_printf (out, "Leads          %u\n", r->leads);
  g_string_append_printf (out, "Skipped leads  %u (no events before their first outcome)\n",
                          r->skipped_leads);
  g_string_append_printf (out, "Converters     %u\n", r->converters);
  g_string_append_printf (out, "Base rate      %s\n", base);
  g_string_append_printf (out, "AUC            %s\n\n", auc);

  for (guint s = 0; s < r->n_stages; s++)
    name_w = MAX (name_w, g_utf8_strlen (r->stages[s].name, -1));
  g_string_append_printf (out, "%-*s %8s %8s %8s %8s %9s %7s %6s %6s %13s\n", name_w, "Stage",
                          "Flagged", "TP", "FP", "FN", "Precision", "Recall", "Lift", "Peak",
                          "Median hours");
  for (guint s = 0; s < r->n_stages; s++)
    {
      const LiStageMetrics *m = &r->stages[s];
      g_autofree char *p = _li_fmt_ratio (m->precision * 100, 1, "%");
      g_autofree char *rc = _li_fmt_ratio (m->recall * 100, 1, "%");
      g_autofree char *lift = _li_fmt_ratio (m->lift, 2, "");
      g_autofree char *med = _li_fmt_ratio (m->median_hours_to_outcome, 2, "");
      int pad = name_w - (int) g_utf8_strlen (m->name, -1);

      g_string_append_printf (out, "%s%*s %8u %8u %8u %8u %9s %7s %6s %6u %13s\n", m->name, pad, "",
                              m->flagged, m->true_positives, m->false_positives,
                              m->false_negatives, p, rc, lift, m->peak_count, med);
    }

  if (r->bins != NULL)
    {
      guint max = 1;
      g_string_append_printf (out, "\nPeak scores (%u bins of %.3g points; # not converted, * converted)\n",
                              r->n_bins, r->bin_width);
      for (guint i = 0; i < r->n_bins; i++)
        max = MAX (max, r->bins[i].converted + r->bins[i].not_converted);
      for (guint i = 0; i < r->n_bins; i++)
        {
          const LiHistogramBin *bin = &r->bins[i];
          guint bar = (guint) ceil (40.0 * (bin->converted + bin->not_converted) / max);
          guint stars = bin->converted ? MAX (1, (guint) (40.0 * bin->converted / max)) : 0;

          stars = MIN (stars, bar);
          g_string_append_printf (out, "%10.2f – %-10.2f %7u %5u  ", bin->from, bin->to,
                                  bin->not_converted, bin->converted);
          for (guint k = 0; k < bar; k++)
            g_string_append_c (out, k < stars ? '*' : '#');
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static int
_li_compare_lead_ids (gconstpointer a,
                      gconstpointer b,
                      gpointer      store)
{
  const LiLeadOutcome *x = a, *y = b;
  return strcmp (li_str_pool_get (((LiEventStore *) store)->leads, x->lead),
                 li_str_pool_get (((LiEventStore *) store)->leads, y->lead));
}

char *
li_replay_result_leads_csv (const LiReplayResult *r,
                            const LiPlan         *plan)
{
  LiEventStore *store = li_plan_get_store (plan);
  g_autofree LiLeadOutcome *sorted = g_memdup2 (r->per_lead, sizeof *sorted * MAX (r->leads, 1));
  GString *out = g_string_new ("lead_id,peak_score,peak_stage,converted\n");

  g_qsort_with_data (sorted, r->leads, sizeof *sorted, _li_compare_lead_ids, store);
  for (guint i = 0; i < r->leads; i++)
    {
      li_csv_append_field (out, li_str_pool_get (store->leads, sorted[i].lead));
      g_string_append_printf (out, ",%.6f,", sorted[i].peak_score);
      li_csv_append_field (out, li_plan_stage_name (plan, sorted[i].peak_stage));
      g_string_append (out, sorted[i].converted ? ",true\n" : ",false\n");
    }
  return g_string_free (out, FALSE);
}
