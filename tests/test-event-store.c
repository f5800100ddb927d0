/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store builder against a plain reference: events grouped by lead in
 * the pool's order, stable by time within a lead, each with its own
 * properties.  Large enough that every pass of li_event_store_builder_finish
 * runs on several threads. */
#include "config.h"

#include <string.h>

#include "li-event-store.h"
#include "li-parallel.h"

typedef struct
{
  guint32 lead;     /* pool id */
  guint32 input;    /* input order */
  gint64  time_ms;
  char    name[8];
  guint   n_props;
  char    keys[3][4];
  char    values[3][12];
} RefEvent;

static int
_ref_cmp (gconstpointer pa,
          gconstpointer pb)
{
  const RefEvent *a = pa, *b = pb;

  if (a->lead != b->lead)
    return a->lead < b->lead ? -1 : 1;
  if (a->time_ms != b->time_ms)
    return a->time_ms < b->time_ms ? -1 : 1;
  return a->input < b->input ? -1 : a->input > b->input;
}

static void
_check_event (const LiEventStore *store,
              guint32             i,
              const RefEvent     *ref)
{
  guint32 j = store->prop_start[i];

  g_assert_cmpint (store->time_ms[i], ==, ref->time_ms);
  g_assert_cmpstr (li_str_pool_get (store->names, store->name[i]), ==, ref->name);
  g_assert_cmpuint (store->prop_start[i + 1] - j, ==, ref->n_props);
  for (guint p = 0; p < ref->n_props; p++, j++)
    {
      g_assert_cmpstr (li_str_pool_get (store->keys, store->prop_key[j]), ==, ref->keys[p]);
      g_assert_cmpstr (li_str_pool_get (store->values, li_event_store_prop_value (store, j)), ==, ref->values[p]);
    }
}

/* What _check_builder_order builds. */
typedef struct
{
  guint  n;             /* events */
  guint  n_leads;       /* lead ids drawn from, more in the second part */
  guint  split;         /* events of the first part */
  guint  after;         /* of the last events, how many are added to the
                           first builder after the append */
  guint  n_values;      /* values drawn from */
  guint  values2_from;  /* the second part's values are drawn from */
  guint  n_values2;     /*   [values2_from, values2_from + n_values2), or
                             as the first's when 0 */
  guint  odd_event;     /* 1 + the index of the event of odd_time, or 0 */
  gint64 odd_time;      /* a time the narrow column of whole Unix seconds
                           may not hold */
} Case;

/* Random events into @ref, the first c->split into @b and the rest into a
 * second builder appended to it (as the two-part CSV import does), the
 * last c->after of them into @b after the append (as the next file of an
 * import is), then the store checked against @ref. */
static void
_check_builder_order (const Case *c)
{
  guint n = c->n, n_leads = c->n_leads, split = c->split;
  g_autofree RefEvent *ref = g_new0 (RefEvent, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GHashTable) lead_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  LiEventStoreBuilder *b = li_event_store_builder_new ();
  g_autoptr(LiEventStoreBuilder) second = li_event_store_builder_new ();
  g_autoptr(LiEventStore) store = NULL;
  guint32 l = 0;

  for (guint i = 0; i < n; i++)
    {
      RefEvent *e = &ref[i];
      LiEventStoreBuilder *to;

      if (i == n - c->after && second != NULL)
        {
          g_assert_true (li_event_store_builder_append (b, second));
          second = NULL;  /* b's now */
        }
      to = i < split || second == NULL ? b : second;
      char lead[16];
      gpointer id;

      g_snprintf (lead, sizeof lead, "lead-%u",
                  g_rand_int_range (rand, 0, i < split ? n_leads : n_leads + n_leads / 2));
      if (!g_hash_table_lookup_extended (lead_ids, lead, NULL, &id))
        {
          id = GUINT_TO_POINTER (g_hash_table_size (lead_ids));
          g_hash_table_insert (lead_ids, g_strdup (lead), id);
        }
      e->lead = GPOINTER_TO_UINT (id);
      e->input = i;
      /* Few distinct times: ties, which must keep input order. */
      e->time_ms = i + 1 == c->odd_event ? c->odd_time
                               : 1700000000000 + (gint64) g_rand_int_range (rand, 0, 50) * 1000;
      g_snprintf (e->name, sizeof e->name, "ev%d", g_rand_int_range (rand, 0, 7));
      g_assert_true (li_event_store_builder_add_event (to, lead, strlen (lead), e->time_ms,
                                                       e->name, strlen (e->name), NULL));
      e->n_props = g_rand_int_range (rand, 0, 4);
      for (guint p = 0; p < e->n_props; p++)
        {
          g_snprintf (e->keys[p], sizeof e->keys[p], "k%u", p);
          if (i < split || c->n_values2 == 0)
            g_snprintf (e->values[p], sizeof e->values[p], "v%d",
                        g_rand_int_range (rand, 0, (gint32) c->n_values));
          else
            g_snprintf (e->values[p], sizeof e->values[p], "v%d",
                        (gint32) c->values2_from + g_rand_int_range (rand, 0, (gint32) c->n_values2));
          g_assert_true (li_event_store_builder_add_prop (to, e->keys[p], 2, e->values[p],
                                                          strlen (e->values[p]), NULL));
        }
    }
  if (second != NULL)
    g_assert_true (li_event_store_builder_append (b, second));
  second = NULL;  /* b's now */
  g_assert_cmpuint (li_event_store_builder_n_events (b), ==, n);
  store = li_event_store_builder_finish (b);
  qsort (ref, n, sizeof *ref, _ref_cmp);

  g_assert_cmpuint (store->n_events, ==, n);
  g_assert_true ((store->prop_value16 != NULL) == (li_str_pool_size (store->values) <= 65536));
  g_assert_true ((store->prop_value16 != NULL) != (store->prop_value != NULL));
  g_assert_cmpuint (store->n_leads, ==, g_hash_table_size (lead_ids));
  for (guint32 i = 0; i < n; i++)
    {
      while (store->lead_start[l + 1] <= i)
        l++;
      g_assert_cmpuint (l, ==, ref[i].lead);
      _check_event (store, i, &ref[i]);
    }
  g_assert_cmpuint (store->lead_start[store->n_leads], ==, n);
  {
    gint64 min = G_MAXINT64, max = G_MININT64;

    for (guint32 i = 0; i < n; i++)
      min = MIN (min, ref[i].time_ms), max = MAX (max, ref[i].time_ms);
    g_assert_cmpint (store->min_time_ms, ==, n > 0 ? min : 0);
    g_assert_cmpint (store->max_time_ms, ==, n > 0 ? max : 0);
  }
}

#define CHECK(...) _check_builder_order (&(Case) { __VA_ARGS__ })

/* Values in 16 bits (no more than 65536) and in 32; times all in whole
 * seconds, and one that is not (a fraction, before 1970, after 2106). */
static void
test_builder_order (void)
{
  CHECK (.n = 300000, .n_leads = 20000, .split = 300000, .n_values = 100000);
  CHECK (.n = 300000, .n_leads = 20000, .split = 300000, .n_values = 1000);
  CHECK (.n = 300000, .n_leads = 20000, .split = 300000, .n_values = 1000, .odd_event = 150000, .odd_time = 1700000000001);
  CHECK (.n = 300000, .n_leads = 20000, .split = 300000, .n_values = 1000, .odd_event = 1, .odd_time = -1000);
  CHECK (.n = 300000, .n_leads = 20000, .split = 300000, .n_values = 1000, .odd_event = 300000,
         .odd_time = G_GINT64_CONSTANT (4294967296000));
  /* Leads of hundreds of events: the merge sort's merges. */
  CHECK (.n = 300000, .n_leads = 200, .split = 300000, .n_values = 1000);
  CHECK (.n = 300000, .n_leads = 200, .split = 300000, .n_values = 1000, .odd_event = 8, .odd_time = 1700000000001);
}

/* Lead ids, names and values the second part shares with the first and
 * ones it has alone, all in the first part's ids after the append; one
 * part's times in whole seconds, the other's not; one part's values in 16
 * bits, the other's in 32, or both in 16 and together too many. */
static void
test_builder_append (void)
{
  CHECK (.n = 300000, .n_leads = 20000, .split = 120000, .n_values = 100000);
  CHECK (.n = 300000, .n_leads = 20000, .split = 120000, .n_values = 1000, .odd_event = 200000,
         .odd_time = 1700000000999);
  CHECK (.n = 300000, .n_leads = 20000, .split = 120000, .n_values = 1000, .odd_event = 1000,
         .odd_time = 1700000000500);
  CHECK (.n = 300000, .n_leads = 20000, .split = 120000, .n_values = 1000, .values2_from = 500,
         .n_values2 = 100000);
  CHECK (.n = 300000, .n_leads = 20000, .split = 120000, .n_values = 100000, .values2_from = 500,
         .n_values2 = 1000);
  CHECK (.n = 300000, .n_leads = 20000, .split = 120000, .n_values = 40000, .values2_from = 30000,
         .n_values2 = 40000);
  CHECK (.n = 1000, .n_leads = 500, .split = 0, .n_values = 100);
  CHECK (.n = 1000, .n_leads = 500, .split = 1000, .n_values = 100, .odd_event = 6, .odd_time = -1);
  /* Events after the append: the appended part joins the columns first. */
  CHECK (.n = 300000, .n_leads = 20000, .split = 120000, .after = 50000, .n_values = 1000);
  CHECK (.n = 300000, .n_leads = 20000, .split = 120000, .after = 50000, .n_values = 1000,
         .values2_from = 500, .n_values2 = 100000, .odd_event = 280000, .odd_time = 1700000000001);
  CHECK (.n = 1000, .n_leads = 500, .split = 0, .after = 1000, .n_values = 100);
}

static void
_mark (guint    slice,
       gsize    begin,
       gsize    end,
       gpointer data)
{
  guint8 *seen = data;

  for (gsize k = begin; k < end; k++)
    seen[k]++;
}

/* Every index once, whatever the size and the smallest slice. */
static void
test_parallel_for (void)
{
  static const gsize sizes[] = { 0, 1, 7, 1000, 65537, 300001 };
  static const gsize slices[] = { 0, 1, 1000, 1 << 20 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint m = 0; m < G_N_ELEMENTS (slices); m++)
      {
        g_autofree guint8 *seen = g_new0 (guint8, sizes[s] + 1);

        li_parallel_for (sizes[s], slices[m], _mark, seen);
        for (gsize k = 0; k < sizes[s]; k++)
          g_assert_cmpuint (seen[k], ==, 1);
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/event-store/builder-order", test_builder_order);
  g_test_add_func ("/engine/event-store/builder-append", test_builder_append);
  g_test_add_func ("/engine/core/parallel-for", test_parallel_for);
  return g_test_run ();
}
