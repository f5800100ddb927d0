/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "li-time.h"

/* 2026-03-01T10:00:00Z */
#define T0 G_GINT64_CONSTANT (1772359200000)

static gint64
parse_ok (const char *str)
{
  gint64 t = G_MININT64;

  if (!li_time_parse (str, strlen (str), &t))
    g_error ("could not parse \"%s\"", str);
  return t;
}

static void
test_rfc3339 (void)
{
  g_assert_cmpint (parse_ok ("1970-01-01T00:00:00Z"), ==, 0);
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00Z"), ==, T0);
  g_assert_cmpint (parse_ok ("2026-03-01t10:00:00z"), ==, T0);
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00"), ==, T0);
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00+00:00"), ==, T0);
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00-00:00"), ==, T0);
  g_assert_cmpint (parse_ok ("2026-03-01T12:00:00+02:00"), ==, T0);
  g_assert_cmpint (parse_ok ("2026-03-01T04:30:00-0530"), ==, T0);
  g_assert_cmpint (parse_ok ("2026-03-01T11:00:00+01"), ==, T0);
  /* An offset that crosses midnight and a month end. */
  g_assert_cmpint (parse_ok ("2026-02-28T23:00:00-11:00"), ==, T0);
  g_assert_cmpint (parse_ok ("2020-02-29T00:00:00Z"), ==, G_GINT64_CONSTANT (1582934400000));
  g_assert_cmpint (parse_ok ("2000-02-29T12:34:56Z"), ==, G_GINT64_CONSTANT (951827696000));
  g_assert_cmpint (parse_ok ("1900-03-01T00:00:00Z"), ==, G_GINT64_CONSTANT (-2203891200000));
  g_assert_cmpint (parse_ok ("0001-01-01T00:00:00Z"), ==, G_GINT64_CONSTANT (-62135596800000));
  g_assert_cmpint (parse_ok ("9999-12-31T23:59:59Z"), ==, G_GINT64_CONSTANT (253402300799000));
}

static void
test_fraction (void)
{
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00.123Z"), ==, T0 + 123);
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00.1Z"), ==, T0 + 100);
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00.12"), ==, T0 + 120);
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00.000Z"), ==, T0);
  /* More digits than milliseconds: truncated, i.e. towards the past. */
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00.123456789Z"), ==, T0 + 123);
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00.9999+00:00"), ==, T0 + 999);
  g_assert_cmpint (parse_ok ("2026-03-01T12:00:00.5+02:00"), ==, T0 + 500);
  g_assert_cmpint (parse_ok ("1969-12-31T23:59:59.5Z"), ==, -500);
  g_assert_cmpint (parse_ok ("1969-12-31T23:59:59.9999Z"), ==, -1);
  g_assert_cmpint (parse_ok ("2026-03-01 10:00:00.250 UTC"), ==, T0 + 250);
}

static void
test_space_form (void)
{
  g_assert_cmpint (parse_ok ("2026-03-01 10:00:00"), ==, T0);
  g_assert_cmpint (parse_ok ("2026-03-01 10:00:00 UTC"), ==, T0);
  g_assert_cmpint (parse_ok ("2026-03-01T10:00:00 UTC"), ==, T0);
  g_assert_cmpint (parse_ok ("2026-03-01 12:00:00+02:00"), ==, T0);
  g_assert_cmpint (parse_ok ("2019-10-01 00:00:00 UTC"), ==, G_GINT64_CONSTANT (1569888000000));
  g_assert_cmpint (parse_ok ("  2026-03-01 10:00:00 UTC \t"), ==, T0);
  g_assert_cmpint (parse_ok ("\t2026-03-01T10:00:00Z\r\n"), ==, T0);
}

static void
test_unix_seconds (void)
{
  gint64 t = 0;

  g_assert_cmpint (parse_ok ("0"), ==, 0);
  g_assert_cmpint (parse_ok ("1772359200"), ==, T0);
  g_assert_cmpint (parse_ok (" 1772359200 "), ==, T0);
  g_assert_cmpint (parse_ok ("-1"), ==, -1000);
  g_assert_cmpint (parse_ok ("0001772359200"), ==, T0);
  g_assert_cmpint (parse_ok ("253402300799"), ==, G_GINT64_CONSTANT (253402300799000));
  g_assert_cmpint (parse_ok ("-62135596800"), ==, G_GINT64_CONSTANT (-62135596800000));

  /* Beyond 9999-12-31 / before 0001-01-01: most likely milliseconds. */
  g_assert_false (li_time_parse ("253402300800", 12, &t));
  g_assert_false (li_time_parse ("-62135596801", 12, &t));
  g_assert_false (li_time_parse ("1772359200000", 13, &t));
  g_assert_false (li_time_parse ("99999999999999999999999999", 26, &t));

  /* Only the given length counts. */
  g_assert_true (li_time_parse ("17723592009", 10, &t));
  g_assert_cmpint (t, ==, T0);
}

static void
test_unix_ms (void)
{
  gint64 t = 0;

  g_assert_true (li_time_parse_unix_ms ("1433221332117", 13, &t));
  g_assert_cmpint (t, ==, G_GINT64_CONSTANT (1433221332117));
  g_assert_true (li_time_parse_unix_ms (" 42\t", 4, &t));
  g_assert_cmpint (t, ==, 42);
  g_assert_true (li_time_parse_unix_ms ("-5", 2, &t));
  g_assert_cmpint (t, ==, -5);
  g_assert_true (li_time_parse_unix_ms ("0", 1, &t));
  g_assert_cmpint (t, ==, 0);

  g_assert_false (li_time_parse_unix_ms ("", 0, &t));
  g_assert_false (li_time_parse_unix_ms ("  ", 2, &t));
  g_assert_false (li_time_parse_unix_ms ("-", 1, &t));
  g_assert_false (li_time_parse_unix_ms ("1.5", 3, &t));
  g_assert_false (li_time_parse_unix_ms ("+5", 2, &t));
  g_assert_false (li_time_parse_unix_ms ("12a", 3, &t));
  g_assert_false (li_time_parse_unix_ms ("2026-03-01T10:00:00Z", 20, &t));
  g_assert_false (li_time_parse_unix_ms ("9223372036854775807", 19, &t));
  g_assert_false (li_time_parse_unix_ms ("99999999999999999999999", 23, &t));
}

static void
test_rejects (void)
{
  static const char * const bad[] = {
    "",
    "   ",
    "garbage",
    "-",
    "--5",
    "+5",
    "1e9",
    "12a",
    "1.5",
    "2019-02-29T00:00:00Z",   /* not a leap year */
    "1900-02-29T00:00:00Z",   /* not a leap year either */
    "2019-02-29",
    "2019-13-01 00:00:00",
    "2019-00-10 00:00:00",
    "2019-04-31 00:00:00",
    "2019-01-00 00:00:00",
    "2019-01-01 24:00:00",
    "2019-01-01 23:60:00",
    "2019-01-01 23:59:60",
    "0000-01-01T00:00:00Z",
    "2019-01-01",
    "2019-01-01T10:00Z",
    "2019-01-01T10:00:00.Z",
    "2019-01-01T10:00:00.",
    "2019-01-01T10:00:00+2:00",
    "2019-01-01T10:00:00+24:00",
    "2019-01-01T10:00:00+01:60",
    "2019-01-01T10:00:00+01:0",
    "2019-01-01T10:00:00+0100:",
    "2019-01-01T10:00:00ZZ",
    "2019-01-01T10:00:00 utc",
    "2019-01-01T10:00:00Z UTC",
    "2019-01-01T10:00:00 UTC ",   /* trimmed: fine */
    "2019-01-01_10:00:00",
    "2019/01/01 10:00:00",
    "19-01-01 10:00:00",
    "2019-1-01 10:00:00",
    "2019-01-01  10:00:00",
    "2019-01-01 10:00:00junk",
    "2019-01-01 1a:00:00",
    "２０１９-01-01 10:00:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 t = 12345;
      gboolean ok = li_time_parse (bad[i], strlen (bad[i]), &t);

      if (g_str_equal (bad[i], "2019-01-01T10:00:00 UTC "))
        {
          g_assert_true (ok);
          continue;
        }
      if (ok)
        g_error ("\"%s\" was accepted as %" G_GINT64_FORMAT, bad[i], t);
      g_assert_cmpint (t, ==, 12345);
    }
}

/* The range is the years 0001 to 9999 UTC, after the offset: an offset
 * cannot move a time out of it, and nothing overflows on the way (the
 * sanitizer build checks the random inputs). */
static void
test_range (void)
{
  static const char * const outside[] = {
    "9999-12-31T23:59:59-00:01",
    "9999-12-31T23:59:59.999-23:59",
    "9999-12-31 23:30:00-01",
    "0001-01-01T00:00:00+00:01",
    "0001-01-01T00:59:59.999+01:00",
    "10000-01-01T00:00:00Z",
    "99999-12-31T23:59:59Z",
    "-0001-01-01T00:00:00Z",
    "253402300800",
    "-62135596801",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551616",
  };
  static const char alphabet[] = "0123456789-:T.+Z UTC";
  GRand *rand = g_rand_new_with_seed (11);
  gint64 t = 0;

  for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
    if (li_time_parse (outside[i], strlen (outside[i]), &t))
      g_error ("\"%s\" was accepted as %" G_GINT64_FORMAT, outside[i], t);

  /* The ends themselves, reached through offsets. */
  g_assert_cmpint (parse_ok ("9999-12-31T23:59:59.999+00:01"), ==,
                   G_GINT64_CONSTANT (253402300739999));
  g_assert_cmpint (parse_ok ("9999-12-31T23:59:59-00:00"), ==, G_GINT64_CONSTANT (253402300799000));
  g_assert_cmpint (parse_ok ("0001-01-01T23:59:00+23:59"), ==, G_GINT64_CONSTANT (-62135596800000));
  g_assert_cmpint (parse_ok ("0001-01-01T00:00:00-23:59"), ==, G_GINT64_CONSTANT (-62135510460000));

  /* Random near-timestamps: whatever is accepted is in range and reads back. */
  for (guint i = 0; i < 200000; i++)
    {
      char s[32];
      gsize len = 19 + (gsize) g_rand_int_range (rand, 0, 10);
      g_autofree char *back = NULL;

      memcpy (s, g_rand_boolean (rand) ? "9999-12-31T23:59:59" : "0001-01-01T00:00:00", 19);
      for (gsize j = 19; j < len; j++)
        s[j] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      for (guint k = 0; k < 2; k++)
        s[g_rand_int_range (rand, 0, (gint32) len)] =
          alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      if (!li_time_parse (s, len, &t))
        continue;
      g_assert_cmpint (t, >=, G_GINT64_CONSTANT (-62135596800000));
      g_assert_cmpint (t, <=, G_GINT64_CONSTANT (253402300799999));
      back = li_time_format (t);
      g_assert_cmpuint (strlen (back), <=, 24);
    }
  g_rand_free (rand);
}

static void
test_format (void)
{
  static const struct { gint64 t; const char *s; } cases[] = {
    { 0, "1970-01-01T00:00:00Z" },
    { T0, "2026-03-01T10:00:00Z" },
    { T0 + 123, "2026-03-01T10:00:00.123Z" },
    { T0 + 5, "2026-03-01T10:00:00.005Z" },
    { -1, "1969-12-31T23:59:59.999Z" },
    { -86400000, "1969-12-31T00:00:00Z" },
    { G_GINT64_CONSTANT (951827696000), "2000-02-29T12:34:56Z" },
    { G_GINT64_CONSTANT (1582934400000) - 1, "2020-02-28T23:59:59.999Z" },
    { G_GINT64_CONSTANT (253402300799000), "9999-12-31T23:59:59Z" },
    { G_GINT64_CONSTANT (-62135596800000), "0001-01-01T00:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = li_time_format (cases[i].t);

      g_assert_cmpstr (s, ==, cases[i].s);
    }

  /* Does not crash at the ends of the range. */
  g_free (li_time_format (G_MININT64));
  g_free (li_time_format (G_MAXINT64));
}

static void
test_round_trip (void)
{
  GRand *rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < 100000; i++)
    {
      gint64 t = (gint64) g_rand_double_range (rand, -62135596800000.0, 253402300799999.0);
      g_autofree char *s = li_time_format (t);
      gint64 back = 0;

      g_assert_true (li_time_parse (s, strlen (s), &back));
      g_assert_cmpint (back, ==, t);
    }
  g_rand_free (rand);
}

static void
test_day (void)
{
  g_assert_cmpint (li_time_day (0), ==, 0);
  g_assert_cmpint (li_time_day (86399999), ==, 0);
  g_assert_cmpint (li_time_day (86400000), ==, 1);
  g_assert_cmpint (li_time_day (-1), ==, -1);
  g_assert_cmpint (li_time_day (-86400000), ==, -1);
  g_assert_cmpint (li_time_day (-86400001), ==, -2);
  g_assert_cmpint (li_time_day (T0), ==, 20513);
  g_assert_cmpint (li_time_day (G_MININT64), <, 0);
  g_assert_cmpint (li_time_day (G_MAXINT64), >, 0);
}

/* Range bounds as typed in the window: dates and minutes stand for their
 * first or last millisecond. */
static void
test_parse_bound (void)
{
  gint64 t, start;

  g_assert_true (li_time_parse ("2019-10-01T00:00:00Z", 20, &start));
  g_assert_true (li_time_parse_bound ("2019-10-01", FALSE, &t));
  g_assert_cmpint (t, ==, start);
  g_assert_true (li_time_parse_bound (" 2019-10-01 ", TRUE, &t));
  g_assert_cmpint (t, ==, start + 86400000 - 1);
  g_assert_true (li_time_parse_bound ("2019-10-01 01:30", FALSE, &t));
  g_assert_cmpint (t, ==, start + 90 * 60000);
  g_assert_true (li_time_parse_bound ("2019-10-01T01:30", TRUE, &t));
  g_assert_cmpint (t, ==, start + 91 * 60000 - 1);
  /* full times are exact, also as "to" */
  g_assert_true (li_time_parse_bound ("2019-10-01 00:10:00 UTC", TRUE, &t));
  g_assert_cmpint (t, ==, start + 10 * 60000);
  g_assert_false (li_time_parse_bound ("2019-13-01", FALSE, &t));
  g_assert_false (li_time_parse_bound ("yesterday", FALSE, &t));
  g_assert_false (li_time_parse_bound ("", FALSE, &t));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/time/rfc3339", test_rfc3339);
  g_test_add_func ("/engine/time/fraction", test_fraction);
  g_test_add_func ("/engine/time/space-form", test_space_form);
  g_test_add_func ("/engine/time/unix-seconds", test_unix_seconds);
  g_test_add_func ("/engine/time/unix-ms", test_unix_ms);
  g_test_add_func ("/engine/time/rejects", test_rejects);
  g_test_add_func ("/engine/time/range", test_range);
  g_test_add_func ("/engine/time/format", test_format);
  g_test_add_func ("/engine/time/round-trip", test_round_trip);
  g_test_add_func ("/engine/time/day", test_day);
  g_test_add_func ("/engine/time/parse-bound", test_parse_bound);

  return g_test_run ();
}
