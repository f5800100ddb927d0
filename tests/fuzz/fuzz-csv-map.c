/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li_csv_map_from_data on a column mapping file (SPEC 2.1a).
 *
 * Oracles:
 * - "map-result": a mapping or an error (LI_IMPORT_ERROR_MAPPING, one line
 *   of valid UTF-8), and an accepted mapping passes li_csv_map_check ();
 * - "map-roundtrip": an accepted mapping, written, reads back and writes
 *   the same text, and so does its copy;
 * - "json-trailing": a file with more than one top-level JSON value is not
 *   accepted. */

#include "li-fuzz.h"

#include "li-csv-mapping.h"
#include "li-import.h"
#include "li-time-pattern.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  li_fuzz_init (argc, argv);
  return 0;
}

/* The pattern of an accepted mapping compiles, and reading with it never
 * gives a time outside the years 0001 to 9999. */
static void
_check_pattern (const LiCsvMap *map)
{
  static const char * const samples[] = {
    "2026-03-01 10:00:00", "01/03/2026 10:05", "Sun, 01 Mar 2026 10:00:00 +0000",
    "3/7/26 1:05 PM", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+14:00",
  };
  g_autoptr(LiTimePattern) pattern = NULL;

  if (map->time_unit != LI_TIME_UNIT_STRFTIME)
    return;
  pattern = li_time_pattern_new (map->time_pattern, NULL);
  LI_FUZZ_CHECK ("map-result", pattern != NULL, "an accepted pattern does not compile");
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      gint64 t;

      if (li_time_pattern_parse (pattern, samples[i], strlen (samples[i]), &t))
        LI_FUZZ_CHECK ("map-result", t >= G_GINT64_CONSTANT (-62135596800000) &&
                                     t <= G_GINT64_CONSTANT (253402300799999),
                       "%s read as %" G_GINT64_FORMAT " ms", samples[i], t);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  gboolean trailing = li_fuzz_json_has_trailing_values (text, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autoptr(LiCsvMap) map = NULL;
  g_autoptr(LiCsvMap) again = NULL;
  g_autoptr(LiCsvMap) copy = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *copied = NULL;

  if (trailing && li_fuzz_ignored ("json-trailing"))
    __lsan_disable ();
  map = li_csv_map_from_data (text, (gssize) size, &error);
  if (trailing && li_fuzz_ignored ("json-trailing"))
    __lsan_enable ();

  LI_FUZZ_CHECK ("map-result", (map == NULL) == (error != NULL), "mapping %p with error %s",
                 (void *) map, error != NULL ? error->message : "NULL");
  if (map == NULL)
    {
      LI_FUZZ_CHECK_UTF8 (error->message);
      LI_FUZZ_CHECK ("map-result", g_error_matches (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_MAPPING),
                     "error %s:%d", g_quark_to_string (error->domain), error->code);
      LI_FUZZ_CHECK ("map-result", strchr (error->message, '\n') == NULL,
                     "a message of several lines: %s", error->message);
      return 0;
    }

  LI_FUZZ_CHECK ("json-trailing", !trailing,
                 "a mapping accepted from a file with more than one top-level JSON value");
  LI_FUZZ_CHECK ("map-result", li_csv_map_check (map, &check_error),
                 "an accepted mapping fails its check: %s", check_error->message);
  _check_pattern (map);

  written = li_csv_map_to_data (map);
  LI_FUZZ_CHECK_UTF8 (written);
  again = li_csv_map_from_data (written, -1, &error);
  LI_FUZZ_CHECK ("map-roundtrip", again != NULL, "the written mapping does not read back: %s\n%s",
                 error != NULL ? error->message : "", written);
  rewritten = li_csv_map_to_data (again);
  LI_FUZZ_CHECK ("map-roundtrip", strcmp (written, rewritten) == 0,
                 "written twice, two texts:\n%s\n%s", written, rewritten);
  copy = li_csv_map_copy (map);
  copied = li_csv_map_to_data (copy);
  LI_FUZZ_CHECK ("map-roundtrip", strcmp (written, copied) == 0, "the copy differs:\n%s", copied);
  return 0;
}
