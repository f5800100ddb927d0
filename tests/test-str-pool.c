/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "li-str-pool.h"

static void
test_intern_and_lookup (void)
{
  g_autoptr(LiStrPool) pool = li_str_pool_new ();
  guint32 id;

  g_assert_cmpuint (li_str_pool_intern (pool, "view", 4), ==, 0);
  g_assert_cmpuint (li_str_pool_intern (pool, "cart", 4), ==, 1);
  g_assert_cmpuint (li_str_pool_intern (pool, "view", 4), ==, 0);
  /* A prefix and the empty string are strings of their own. */
  g_assert_cmpuint (li_str_pool_intern (pool, "viewer", 4), ==, 0);
  g_assert_cmpuint (li_str_pool_intern (pool, "vie", 3), ==, 2);
  g_assert_cmpuint (li_str_pool_intern (pool, "", 0), ==, 3);
  g_assert_cmpstr (li_str_pool_get (pool, 2), ==, "vie");
  g_assert_cmpuint (li_str_pool_len (pool, 3), ==, 0);
  g_assert_true (li_str_pool_lookup (pool, "cart", 4, &id));
  g_assert_cmpuint (id, ==, 1);
  g_assert_false (li_str_pool_lookup (pool, "carts", 5, &id));
  g_assert_cmpuint (li_str_pool_size (pool), ==, 4);
}

/* "lead-0" … "lead-(n-1)", every @step-th, have the ids 0 … n-1. */
static void
_check_leads (LiStrPool *pool,
              guint32    n,
              guint32    step)
{
  for (guint32 i = 0; i < n; i += step)
    {
      char key[32];
      guint32 id;
      int len = g_snprintf (key, sizeof key, "lead-%u", i);
      g_assert_true (li_str_pool_lookup (pool, key, len, &id));
      g_assert_cmpuint (id, ==, i);
      g_assert_cmpstr (li_str_pool_get (pool, i), ==, key);
    }
}

static void
test_growth_keeps_ids (void)
{
  g_autoptr(LiStrPool) pool = li_str_pool_new ();

  /* Far past the first table and buffer sizes. */
  for (guint i = 0; i < 100000; i++)
    {
      char key[32];
      int len = g_snprintf (key, sizeof key, "lead-%u", i);
      g_assert_cmpuint (li_str_pool_intern (pool, key, len), ==, i);
    }
  _check_leads (pool, 100000, 997);
  g_assert_cmpuint (li_str_pool_size (pool), ==, 100000);
  g_assert_cmpuint (li_str_pool_bytes (pool), >, 100000 * 8);
}

/* Room reserved after some strings, too little and then too much: the
 * same ids, every string found again, and a reserve below what the pool
 * holds changes nothing. */
static void
test_reserve (void)
{
  g_autoptr(LiStrPool) pool = li_str_pool_new ();
  guint32 n = 0;

  for (guint round = 0; round < 4; round++)
    {
      li_str_pool_reserve (pool, round == 0 ? 10 : round == 1 ? 50000 : 5, round * 300000);
      for (guint i = 0; i < 30000; i++, n++)
        {
          char key[32];
          int len = g_snprintf (key, sizeof key, "lead-%u", n);
          g_assert_cmpuint (li_str_pool_intern (pool, key, len), ==, n);
        }
    }
  _check_leads (pool, n, 1);
}

/* Every length the hash reads differently (short, word-sized, longer than a
 * block), each byte changed in turn, NUL included: all distinct, ids in
 * order.  Each string is its own allocation of exactly its length, so a read
 * past its end is caught under AddressSanitizer. */
static void
test_all_lengths (void)
{
  g_autoptr(LiStrPool) pool = li_str_pool_new ();
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) lens = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (gsize len = 0; len <= 40; len++)
    for (gsize i = 0; i <= len; i++)
      for (guint v = 0; v < 2; v++)
        {
          char *s;

          /* The unchanged string once per length. */
          if (i == len && v == 1)
            continue;
          s = g_malloc (MAX (len, 1));
          memset (s, 'a', len);
          if (i < len)
            s[i] = v == 0 ? '\0' : 'b';
          g_ptr_array_add (strings, s);
          g_array_append_val (lens, len);
        }

  for (guint k = 0; k < strings->len; k++)
    g_assert_cmpuint (li_str_pool_intern (pool, strings->pdata[k],
                                          g_array_index (lens, gsize, k)), ==, k);
  for (guint k = 0; k < strings->len; k++)
    {
      gsize len = g_array_index (lens, gsize, k);
      guint32 id;

      g_assert_cmpuint (li_str_pool_intern (pool, strings->pdata[k], len), ==, k);
      g_assert_true (li_str_pool_lookup (pool, strings->pdata[k], len, &id));
      g_assert_cmpuint (id, ==, k);
      g_assert_cmpmem (li_str_pool_get (pool, k), li_str_pool_len (pool, k),
                       strings->pdata[k], len);
    }
  g_assert_cmpuint (li_str_pool_size (pool), ==, strings->len);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/str-pool/intern-and-lookup", test_intern_and_lookup);
  g_test_add_func ("/engine/str-pool/growth", test_growth_keeps_ids);
  g_test_add_func ("/engine/str-pool/reserve", test_reserve);
  g_test_add_func ("/engine/str-pool/all-lengths", test_all_lengths);
  return g_test_run ();
}
