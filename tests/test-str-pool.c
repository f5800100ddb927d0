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
  for (guint i = 0; i < 100000; i += 997)
    {
      char key[32];
      guint32 id;
      int len = g_snprintf (key, sizeof key, "lead-%u", i);
      g_assert_true (li_str_pool_lookup (pool, key, len, &id));
      g_assert_cmpuint (id, ==, i);
      g_assert_cmpstr (li_str_pool_get (pool, i), ==, key);
    }
  g_assert_cmpuint (li_str_pool_size (pool), ==, 100000);
  g_assert_cmpuint (li_str_pool_bytes (pool), >, 100000 * 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/engine/str-pool/intern-and-lookup", test_intern_and_lookup);
  g_test_add_func ("/engine/str-pool/growth", test_growth_keeps_ids);
  return g_test_run ();
}
