/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journey of li-scorer-flat.c
 * against the general scorer fed and evaluated event by event, on random
 * stores, leads files and rules: every peak must be the same bits, and
 * the stages, flag times and outcomes the same. */

#include "li-test-util.h"
#include "li-scorer-private.h"

static const char *names[] = { "view", "cart", "mail", "product_view", "search", "purchase", "idle" };
static const char *links[] = { "a", "b", "c" };
static const char *prices[] = { "10", "199.5", "200", "250", "1e3", "-4", "abc", "0.0001" };
static const char *zones[] = { "domestic", "eu", "world" };

static char *
_random_props (GRand *r)
{
  GString *props = g_string_new (NULL);

  if (g_rand_int_range (r, 0, 3) == 0)
    g_string_append_printf (props, "link=%s;", links[g_rand_int_range (r, 0, 3)]);
  if (g_rand_int_range (r, 0, 2) == 0)
    g_string_append_printf (props, "price=%s;", prices[g_rand_int_range (r, 0, 8)]);
  if (g_rand_int_range (r, 0, 5) == 0)
    g_string_append_printf (props, "zone=%s;", zones[g_rand_int_range (r, 0, 3)]);
  if (g_rand_int_range (r, 0, 4) == 0)
    g_string_append (props, "other=x;");
  if (g_rand_int_range (r, 0, 3) != 0)
    g_string_append_printf (props, "product_id=p%d;", g_rand_int_range (r, 0, 5));
  if (g_rand_int_range (r, 0, 3) != 0)
    g_string_append_printf (props, "category=c%d;", g_rand_int_range (r, 0, 3));
  if (props->len == 0)
    return g_string_free (props, TRUE);
  g_string_truncate (props, props->len - 1);
  return g_string_free (props, FALSE);
}

static LiEventStore *
_random_store (GRand *r,
               guint  n_leads)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (TestEvent));
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (guint l = 0; l < n_leads; l++)
    {
      gint64 t = 1700000000000 + g_rand_int_range (r, 0, 1000000);
      /* Now and then a lead longer than the journey's blocks of 1024. */
      gboolean long_lead = g_rand_int_range (r, 0, 30) == 0;
      guint n = long_lead ? g_rand_int_range (r, 1000, 3100) : g_rand_int_range (r, 0, 40);
      char *lead = g_strdup_printf ("L%u", l);

      g_ptr_array_add (strings, lead);
      for (guint k = 0; k < n; k++)
        {
          /* A long lead buys only at its end, if at all. */
          guint name = g_rand_int_range (r, 0, G_N_ELEMENTS (names));
          TestEvent e = { lead, t, NULL, NULL };

          if (long_lead && g_str_equal (names[name], "purchase") && k + 1 < n)
            name++;
          e.event = names[name];

          /* Ties, seconds, days, and now and then weeks. */
          switch (g_rand_int_range (r, 0, 4))
            {
            case 0: break;
            case 1: t += g_rand_int_range (r, 1, 60000); break;
            case 2: t += g_rand_int_range (r, 1, 5) * D + g_rand_int_range (r, 0, 1000); break;
            default: t += g_rand_int_range (r, 1, 400) * H; break;
            }
          if (g_rand_int_range (r, 0, 20) == 0)
            t += 30 * D;
          e.props = _random_props (r);
          if (e.props != NULL)
            g_ptr_array_add (strings, (char *) e.props);
          g_array_append_val (events, e);
        }
    }
  return test_store ((TestEvent *) events->data, events->len);
}

static LiLeadTable *
_random_leads (GRand      *r,
               guint       n_leads,
               const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "leads.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("lead_id,budget,zone\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LiLeadTable *leads;

  for (guint l = 0; l < n_leads; l++)
    if (g_rand_int_range (r, 0, 4) != 0)
      g_string_append_printf (csv, "L%u,%s,%s\n", l,
                              g_rand_int_range (r, 0, 3) ? prices[g_rand_int_range (r, 0, 8)] : "",
                              g_rand_int_range (r, 0, 3) ? zones[g_rand_int_range (r, 0, 3)] : "");
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  leads = li_import_leads (file, NULL, &error);
  g_assert_no_error (error);
  return leads;
}

static void
_append_decay (GString *json,
               GRand   *r)
{
  switch (g_rand_int_range (r, 0, 6))
    {
    case 0:
      g_string_append (json, "{\"model\": \"none\"}");
      break;
    case 1:
      g_string_append_printf (json, "{\"model\": \"window\", \"days\": %g}",
                              (double) g_rand_int_range (r, 1, 40) / 8);
      break;
    case 2:
      g_string_append_printf (json, "{\"model\": \"linear\", \"days\": %g}",
                              (double) g_rand_int_range (r, 1, 40) / 8);
      break;
    default:
      g_string_append_printf (json, "{\"model\": \"exponential\", \"half_life_days\": %g}",
                              (double) g_rand_int_range (r, 1, 40) / 8);
      break;
    }
}

static const char *
_random_fit (GRand *r)
{
  static const char *fits[] = {
    "{\"attribute\": \"price\", \"op\": \"gt\", \"value\": 200, \"points\": 4}",
    "{\"attribute\": \"price\", \"op\": \"between\", \"values\": [0, 199.5], \"points\": -2.5}",
    "{\"attribute\": \"price\", \"op\": \"missing\", \"points\": 1}",
    "{\"attribute\": \"price\", \"op\": \"eq\", \"value\": \"abc\", \"points\": 7}",
    "{\"attribute\": \"zone\", \"op\": \"ne\", \"value\": \"domestic\", \"points\": -5}",
    "{\"attribute\": \"zone\", \"op\": \"in\", \"values\": [\"eu\", \"world\"], \"points\": 3}",
    "{\"attribute\": \"zone\", \"op\": \"exists\", \"points\": 0.1}",
    "{\"attribute\": \"budget\", \"op\": \"between\", \"values\": [40, 250], \"points\": 3}",
    "{\"attribute\": \"budget\", \"op\": \"lte\", \"value\": 10, \"points\": -1}",
    "{\"attribute\": \"size\", \"op\": \"exists\", \"points\": 2}",
  };
  return fits[g_rand_int_range (r, 0, G_N_ELEMENTS (fits))];
}

static void
_append_pattern (GString *json,
                 GRand   *r,
                 guint    k)
{
  static const char *patterns[] = {
    "\"kind\": \"repeat_product\", \"min_count\": 2, \"within_hours\": 72, \"points\": 10, \"max_points\": 20",
    "\"kind\": \"category_focus\", \"min_distinct\": 2, \"within_hours\": 24, \"points\": 8",
    "\"kind\": \"sequence\", \"events\": [\"view\", \"cart\", \"mail\"], \"within_hours\": 48, \"points\": 20",
    "\"kind\": \"return_days\", \"min_days\": 2, \"within_days\": 7, \"points\": -6",
  };

  g_string_append_printf (json, "{\"name\": \"p%u\", %s", k,
                          patterns[g_rand_int_range (r, 0, G_N_ELEMENTS (patterns))]);
  if (g_rand_int_range (r, 0, 3) == 0)
    {
      g_string_append (json, ", \"decay\": ");
      _append_decay (json, r);
    }
  g_string_append (json, "}");
}

static LiRules *
_random_rules (GRand *r)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"lead-intent-rules\", \"format_version\": 1, "
                                          "\"name\": \"random\", \"decay\": ");
  guint n_intent = g_rand_int_range (r, 0, 9), n_fit = g_rand_int_range (r, 0, 6), n_patterns;

  _append_decay (json, r);
  g_string_append (json, ", \"intent\": [");
  for (guint k = 0; k < n_intent; k++)
    {
      guint name = g_rand_int_range (r, 0, G_N_ELEMENTS (names) - 1);

      name += g_str_equal (names[name], "purchase");  /* the outcome gives no points */
      g_string_append_printf (json, "%s{\"event\": \"%s\", \"points\": %g", k ? ", " : "",
                              names[name],
                              (double) g_rand_int_range (r, -40, 60) / 4);
      if (g_rand_int_range (r, 0, 3) == 0)
        g_string_append_printf (json, ", \"max_points\": %d", g_rand_int_range (r, 1, 40));
      if (g_rand_int_range (r, 0, 4) == 0)
        g_string_append_printf (json, ", \"where\": {\"link\": [\"%s\", \"%s\"]}",
                                links[g_rand_int_range (r, 0, 3)], links[g_rand_int_range (r, 0, 3)]);
      if (g_rand_int_range (r, 0, 4) == 0)
        {
          g_string_append (json, ", \"decay\": ");
          _append_decay (json, r);
        }
      g_string_append (json, "}");
    }
  g_string_append (json, "], \"patterns\": [");
  /* Now and then more patterns than a journey in blocks takes (64). */
  n_patterns = g_rand_int_range (r, 0, 25) == 0 ? 65 : g_rand_int_range (r, 0, 4);
  for (guint k = 0; k < n_patterns; k++)
    {
      g_string_append (json, k ? ", " : "");
      _append_pattern (json, r, k);
    }
  g_string_append (json, "], \"fit\": [");
  for (guint f = 0; f < n_fit; f++)
    g_string_append_printf (json, "%s%s", f ? ", " : "", _random_fit (r));
  g_string_append_printf (json, "], \"stages\": ["
                          "{\"name\": \"hot\", \"min_score\": %d, \"min_fit\": %d}, "
                          "{\"name\": \"warm\", \"min_score\": %d, \"min_intent\": %d}, "
                          "{\"name\": \"engaged\", \"min_score\": %d}, {\"name\": \"cold\"}]}",
                          g_rand_int_range (r, 20, 60), g_rand_int_range (r, -3, 4),
                          g_rand_int_range (r, 5, 20), g_rand_int_range (r, 0, 15),
                          g_rand_int_range (r, -5, 5));
  return test_rules (json->str);
}

/* The journey as the general scorer gives it, event by event. */
static void
_reference_journey (LiScorer     *s,
                    const LiPlan *plan,
                    guint32       lead,
                    guint32       begin,
                    guint32       end,
                    gint64       *flag_ms,
                    LiJourney    *out)
{
  const LiEventStore *store = li_plan_get_store (plan);
  guint32 outcome;
  gboolean has_outcome = li_str_pool_lookup (store->names, "purchase", strlen ("purchase"), &outcome);
  guint32 i;

  *out = (LiJourney) { -G_MAXDOUBLE, li_plan_n_stages (plan), 0, FALSE, 0, 0 };
  li_scorer_begin_lead (s, lead);
  for (i = begin; i < end; i++)
    {
      LiScore sc;

      if (has_outcome && store->name[i] == outcome)
        {
          out->converted = TRUE;
          out->t_outcome = store->time_ms[i];
          break;
        }
      li_scorer_feed (s, i);
      li_scorer_eval (s, store->time_ms[i], &sc);
      out->peak = MAX (out->peak, sc.score);
      for (; out->reached > sc.stage; out->reached--)
        flag_ms[out->reached - 1] = store->time_ms[i];
    }
  out->n_scored = i - begin;
  out->patterns_fired = s->patterns_fired;
}

static void
_check_case (guint32     seed,
             const char *dir)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (seed);
  guint n_leads = g_rand_int_range (r, 1, 40);
  g_autoptr(LiEventStore) store = _random_store (r, n_leads);
  g_autoptr(LiLeadTable) leads = g_rand_int_range (r, 0, 3) ? _random_leads (r, n_leads, dir) : NULL;
  g_autoptr(LiRules) rules = _random_rules (r);
  g_autoptr(LiPlan) plan = li_plan_new (rules, store, leads);
  g_autoptr(LiScorer) fast = li_scorer_new (plan);
  g_autoptr(LiScorer) general = li_scorer_new (plan);
  guint n_stages = li_plan_n_stages (plan);

  g_assert_nonnull (fast->flat);  /* the path under test */
  for (guint32 l = 0; l < store->n_leads; l++)
    {
      guint32 first = store->lead_start[l], last = store->lead_start[l + 1];
      /* The whole journey, and a range as --from/--to give. */
      guint32 begin = g_rand_int_range (r, 0, 3) ? first : (guint32) g_rand_int_range (r, first, last + 1);
      guint32 end = g_rand_int_range (r, 0, 3) ? last : (guint32) g_rand_int_range (r, begin, last + 1);
      gint64 want_flag[4], got_flag[4];
      LiJourney want, got;

      _reference_journey (general, plan, l, begin, end, want_flag, &want);
      li_scorer_journey (fast, l, begin, end, got_flag, &got);
      if (memcmp (&want.peak, &got.peak, sizeof want.peak) != 0)
        g_error ("seed %u lead %u: peak %.17g, want %.17g", seed, l, got.peak, want.peak);
      g_assert_cmpuint (got.reached, ==, want.reached);
      g_assert_cmpuint (got.n_scored, ==, want.n_scored);
      g_assert_cmpint (got.converted, ==, want.converted);
      g_assert_cmpint (got.t_outcome, ==, want.t_outcome);
      g_assert_cmpuint (got.patterns_fired, ==, want.patterns_fired);
      for (guint s = want.reached; s < n_stages; s++)
        g_assert_cmpint (got_flag[s], ==, want_flag[s]);
    }
}

static void
test_flat_journey_is_the_general_one (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("li-test-paths-XXXXXX", &error);
  g_autofree char *leads = NULL;

  g_assert_no_error (error);
  for (guint32 seed = 1; seed <= 400; seed++)
    _check_case (seed, dir);
  leads = g_build_filename (dir, "leads.csv", NULL);
  g_remove (leads);
  g_rmdir (dir);
}

/* Plans with window decay and with patterns take li-scorer-flat.c's
 * journey, an explained one the general path. */
static void
test_flat_journey_applies (void)
{
  TestEvent events[] = { { "L1", 0, "view", NULL } };
  g_autoptr(LiEventStore) store = test_store (events, G_N_ELEMENTS (events));
  g_autoptr(LiRules) window = test_rules ("{\"format\": \"lead-intent-rules\", \"format_version\": 1, "
                                          "\"intent\": [{\"event\": \"view\", \"points\": 1, "
                                          "\"decay\": {\"model\": \"window\", \"days\": 2}}], " STAGES_1 "}");
  g_autoptr(LiRules) pattern = test_rules ("{\"format\": \"lead-intent-rules\", \"format_version\": 1, "
                                           "\"patterns\": [{\"name\": \"d\", \"kind\": \"return_days\", "
                                           "\"min_days\": 2, \"within_days\": 7, \"points\": 5}], " STAGES_1 "}");
  g_autoptr(LiPlan) a = li_plan_new (window, store, NULL);
  g_autoptr(LiPlan) b = li_plan_new (pattern, store, NULL);
  g_autoptr(LiPlan) c = li_plan_new_explained (window, store, NULL);

  g_assert_true (_li_scorer_flat_applies (a));
  g_assert_true (_li_scorer_flat_applies (b));
  g_assert_false (_li_scorer_flat_applies (c));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scorer/flat-journey/same-bits", test_flat_journey_is_the_general_one);
  g_test_add_func ("/scorer/flat-journey/applies", test_flat_journey_applies);
  return g_test_run ();
}
