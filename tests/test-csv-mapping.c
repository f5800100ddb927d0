/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Column mappings (SPEC 2.1a): the mapping file, its strict reading, every
 * key, unit and error, the strftime patterns, the import and the preview. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "li-csv-mapping.h"
#include "li-import.h"
#include "li-time-pattern.h"
#include "li-import-test-util.h"

#define HEAD "{\"format\":\"lead-intent-mapping\",\"format_version\":1,"
#define BASE HEAD "\"lead_id\":\"u\",\"timestamp\":{\"column\":\"t\",\"unit\":\"s\"},\"event\":\"e\""

static LiCsvMap *
map_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  LiCsvMap *map = li_csv_map_from_data (json, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (map);
  return map;
}

/* Imports @csv (in the test's folder as map.csv) through @json; the store
 * as text (describe ()), with the report. */
static char *
import_mapped (const char     *json,
               const char     *csv,
               gboolean        skip,
               LiImportReport *report)
{
  g_autoptr(LiCsvMap) map = map_ok (json);
  g_autofree char *path = tmp_file ("map.csv", csv, -1);
  const char *paths[] = { path, NULL };
  LiImportOptions options = { .skip_bad_rows = skip, .map = map };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;

  store = li_import_event_paths (paths, &options, report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return describe (store);
}

/* The error of importing @csv through @json, with "%s" for the path. */
static void
assert_import_error (const char *json,
                     const char *csv,
                     int         code,
                     const char *message)
{
  g_autoptr(LiCsvMap) map = map_ok (json);
  g_autofree char *path = tmp_file ("map.csv", csv, -1);
  const char *paths[] = { path, NULL };
  LiImportOptions options = { .map = map };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_auto(GStrv) parts = g_strsplit (message, "%s", -1);
  g_autofree char *expected = g_strjoinv (path, parts);

  store = li_import_event_paths (paths, &options, NULL, NULL, NULL, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, LI_IMPORT_ERROR, code);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_parse_spec_example (void)
{
  const char *json =
    HEAD "\"lead_id\": \"user_id\","
    "\"timestamp\": { \"column\": \"ts\", \"unit\": \"s\" },"
    "\"event\": \"behavior_type\","
    "\"events\": { \"pv\": \"product_view\", \"cart\": \"add_to_cart\", \"buy\": \"purchase\", \"x\": null },"
    "\"properties\": { \"item_id\": \"product_id\", \"category_id\": \"category\" },"
    "\"keep_other_columns\": false, \"header\": true,"
    "\"columns\": [\"user_id\", \"item_id\", \"category_id\", \"behavior_type\", \"ts\"] }";
  g_autoptr(LiCsvMap) map = map_ok (json);
  g_autoptr(LiCsvMap) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  g_assert_cmpstr (map->lead_id, ==, "user_id");
  g_assert_cmpstr (map->time_column, ==, "ts");
  g_assert_cmpint (map->time_unit, ==, LI_TIME_UNIT_S);
  g_assert_null (map->time_pattern);
  g_assert_cmpstr (map->event, ==, "behavior_type");
  g_assert_cmpuint (map->event_from->len, ==, 4);
  g_assert_cmpstr (map->event_from->pdata[1], ==, "cart");
  g_assert_cmpstr (map->event_to->pdata[1], ==, "add_to_cart");
  g_assert_null (map->event_to->pdata[3]);
  g_assert_cmpstr (li_csv_map_get_property (map, "category_id"), ==, "category");
  g_assert_null (li_csv_map_get_property (map, "ts"));
  g_assert_false (map->keep_other_columns);
  g_assert_true (map->header);
  g_assert_cmpuint (g_strv_length (map->columns), ==, 5);

  /* Written and read back: the same mapping, the same text. */
  text = li_csv_map_to_data (map);
  again = map_ok (text);
  text2 = li_csv_map_to_data (again);
  g_assert_cmpstr (text, ==, text2);
  g_assert_nonnull (strstr (text, "\"x\": null"));
}

static void
test_parse_defaults (void)
{
  g_autoptr(LiCsvMap) map = map_ok (HEAD "\"lead_id\":\"u\",\"timestamp\":\"t\",\"event\":\"e\"}");
  g_autoptr(LiCsvMap) copy = NULL;

  g_assert_cmpstr (map->time_column, ==, "t");
  g_assert_cmpint (map->time_unit, ==, LI_TIME_UNIT_ISO);
  g_assert_true (map->keep_other_columns);
  g_assert_true (map->header);
  g_assert_null (map->columns);
  g_assert_cmpuint (map->event_from->len, ==, 0);

  copy = li_csv_map_copy (map);
  g_assert_cmpstr (copy->event, ==, "e");
  li_csv_map_set_event (copy, "a", "b");
  li_csv_map_set_event (copy, "a", NULL);
  g_assert_cmpuint (copy->event_from->len, ==, 1);
  g_assert_null (copy->event_to->pdata[0]);
  li_csv_map_set_property (copy, "x", "y");
  li_csv_map_set_property (copy, "x", "z");
  g_assert_cmpstr (li_csv_map_get_property (copy, "x"), ==, "z");
  li_csv_map_set_property (copy, "x", NULL);
  g_assert_null (li_csv_map_get_property (copy, "x"));
  g_assert_cmpuint (map->event_from->len, ==, 0);
}

static void
test_parse_units (void)
{
  static const struct { const char *unit; LiTimeUnit value; } units[] = {
    { "s", LI_TIME_UNIT_S }, { "ms", LI_TIME_UNIT_MS }, { "us", LI_TIME_UNIT_US },
    { "iso", LI_TIME_UNIT_ISO },
  };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *json = g_strdup_printf (HEAD "\"lead_id\":\"u\",\"event\":\"e\","
                                               "\"timestamp\":{\"column\":\"t\",\"unit\":\"%s\"}}",
                                               units[i].unit);
      g_autoptr(LiCsvMap) map = map_ok (json);

      g_assert_cmpint (map->time_unit, ==, units[i].value);
      g_assert_cmpstr (li_time_unit_to_string (map->time_unit), ==, units[i].unit);
    }

  {
    g_autoptr(LiCsvMap) map = map_ok (HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":"
                                      "{\"column\":\"t\",\"unit\":\"strftime\",\"pattern\":\"%d/%m/%Y %H:%M\"}}");

    g_assert_cmpint (map->time_unit, ==, LI_TIME_UNIT_STRFTIME);
    g_assert_cmpstr (map->time_pattern, ==, "%d/%m/%Y %H:%M");
  }
}

static void
test_parse_errors (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "", "line 1, column 1: unexpected end of data" },
    { "{\"format\": 'x'}", NULL },
    { BASE "} // comment", NULL },
    { BASE "}{}", NULL },
    { "[]", "expected a JSON object, not an array" },
    { "{\"format_version\":1}", "format: required (\"lead-intent-mapping\")" },
    { "{\"format\":\"lead-intent-rules\",\"format_version\":1}", "format: expected \"lead-intent-mapping\"" },
    { "{\"format\":\"lead-intent-mapping\"}", "format_version: required (1)" },
    { "{\"format\":\"lead-intent-mapping\",\"format_version\":\"1\"}",
      "format_version: expected an integer, not a string" },
    { "{\"format\":\"lead-intent-mapping\",\"format_version\":2}",
      "format_version: unsupported version 2 (this version reads 1)" },
    { BASE ",\"lead\":\"x\"}", "lead: unknown key" },
    { HEAD "\"timestamp\":\"t\",\"event\":\"e\"}", "lead_id: required" },
    { HEAD "\"lead_id\":7,\"timestamp\":\"t\",\"event\":\"e\"}", "lead_id: expected a string, not a number" },
    { HEAD "\"lead_id\":\"\",\"timestamp\":\"t\",\"event\":\"e\"}", "lead_id: empty name" },
    { HEAD "\"lead_id\":\"u\",\"event\":\"e\"}", "timestamp: required" },
    { HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":[]}",
      "timestamp: expected a column name or an object, not an array" },
    { HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":{\"unit\":\"s\"}}", "timestamp.column: required" },
    { HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":{\"column\":\"t\",\"unit\":\"min\"}}",
      "timestamp.unit: unknown unit \"min\" (s, ms, us, iso, strftime)" },
    { HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":{\"column\":\"t\",\"unit\":1}}",
      "timestamp.unit: expected a string, not a number" },
    { HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":{\"column\":\"t\",\"zone\":\"UTC\"}}",
      "timestamp.zone: unknown key" },
    { HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":{\"column\":\"t\",\"unit\":\"s\",\"pattern\":\"%Y\"}}",
      "timestamp.pattern: only with unit strftime" },
    { HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":{\"column\":\"t\",\"unit\":\"strftime\"}}",
      "timestamp.pattern: required with unit strftime" },
    { HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":{\"column\":\"t\",\"unit\":\"strftime\",\"pattern\":\"%Y-%m-%d %Q\"}}",
      "timestamp.pattern: unknown directive %Q" },
    { HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":{\"column\":\"t\",\"unit\":\"strftime\",\"pattern\":\"%H:%M\"}}",
      "timestamp.pattern: needs a year (%Y or %y)" },
    { HEAD "\"lead_id\":\"u\",\"timestamp\":\"t\"}", "event: required" },
    { BASE ",\"events\":[]}", "events: expected an object, not an array" },
    { BASE ",\"events\":{\"pv\":1}}", "events.pv: expected an event name or null, not a number" },
    { BASE ",\"events\":{\"pv\":\"\"}}", "events.pv: empty event name (null: no event)" },
    { BASE ",\"events\":{\"\":\"x\"}}", "events[\"\"]: an empty event value is a bad row, it cannot be renamed" },
    { BASE ",\"events\":{\"a b\":\"\"}}", "events[\"a b\"]: empty event name (null: no event)" },
    { BASE ",\"properties\":{\"a\":null}}", "properties.a: expected a string, not null" },
    { BASE ",\"properties\":{\"a\":\"\"}}", "properties.a: empty name" },
    { BASE ",\"properties\":{\"a\":\"p\",\"b\":\"p\"}}",
      "properties.b: property “p” is given to column “a” too" },
    { BASE ",\"keep_other_columns\":\"yes\"}", "keep_other_columns: expected true or false, not a string" },
    { BASE ",\"header\":0}", "header: expected true or false, not a number" },
    { BASE ",\"header\":false}", "columns: required when header is false" },
    { BASE ",\"columns\":\"u,t,e\"}", "columns: expected an array of column names, not a string" },
    { BASE ",\"columns\":[]}", "columns: empty list" },
    { BASE ",\"columns\":[\"u\",1]}", "columns[1]: expected a string, not a number" },
    { BASE ",\"columns\":[\"u\",\"\"]}", "columns[1]: empty name" },
    { BASE ",\"columns\":[\"u\",\"t\",\"e\",\"u\"]}", "columns[3]: “u” given twice" },
    { BASE ",\"columns\":[\"user\",\"t\",\"e\"]}", "lead_id: no column “u” in columns" },
    { BASE ",\"columns\":[\"u\",\"ts\",\"e\"]}", "timestamp.column: no column “t” in columns" },
    { BASE ",\"columns\":[\"u\",\"t\",\"ev\"]}", "event: no column “e” in columns" },
    { BASE ",\"columns\":[\"u\",\"t\",\"e\"],\"properties\":{\"x\":\"y\"}}",
      "properties.x: no column “x” in columns" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LiCsvMap) map = li_csv_map_from_data (cases[i].json, -1, &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (map);
      g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_MAPPING);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_parse_file (void)
{
  g_autofree char *good = tmp_file ("good.json", BASE "}", -1);
  g_autofree char *bad = tmp_file ("bad.json", BASE ",\"header\":false}", -1);
  g_autofree char *big_text = g_strnfill (LI_CSV_MAP_MAX_SIZE + 1, ' ');
  g_autofree char *big = tmp_file ("big.json", big_text, -1);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.json", NULL);
  g_autofree char *saved = g_build_filename (tmp_dir, "sub", "saved.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(LiCsvMap) map = NULL;
  g_autoptr(LiCsvMap) again = NULL;
  g_autoptr(GError) error = NULL;

  map = li_csv_map_from_file (good, &error);
  g_assert_no_error (error);
  g_assert_nonnull (map);

  g_assert_null (li_csv_map_from_file (bad, &error));
  expected = g_strdup_printf ("%s: columns: required when header is false", bad);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  g_assert_null (li_csv_map_from_file (big, &error));
  g_assert_true (g_str_has_suffix (error->message, ": larger than 1 MiB"));
  g_clear_error (&error);

  g_assert_null (li_csv_map_from_file (missing, &error));
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_IO);
  g_clear_error (&error);

  /* Saving makes the folder and writes what reads back the same. */
  g_assert_true (li_csv_map_save (map, saved, &error));
  g_assert_no_error (error);
  again = li_csv_map_from_file (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->lead_id, ==, "u");
  g_unlink (saved);
  {
    g_autofree char *sub = g_path_get_dirname (saved);

    g_rmdir (sub);
  }

  /* An invalid mapping is not saved. */
  g_free (map->event);
  map->event = NULL;
  g_assert_false (li_csv_map_save (map, saved, &error));
  g_assert_cmpstr (error->message, ==, "event: required");
  g_assert_false (g_file_test (saved, G_FILE_TEST_EXISTS));
}

static void
test_units (void)
{
  static const struct { const char *unit; const char *value; const char *time; } cases[] = {
    { "s", "1700000000", "2023-11-14T22:13:20Z" },
    { "s", " -1 ", "1969-12-31T23:59:59Z" },
    { "ms", "1700000000123", "2023-11-14T22:13:20.123Z" },
    { "us", "1700000000123999", "2023-11-14T22:13:20.123Z" },
    { "us", "-1", "1969-12-31T23:59:59.999Z" },
    { "iso", "2026-03-01T10:00:00+01:00", "2026-03-01T09:00:00Z" },
    { "iso", "2026-03-01 10:00:00 UTC", "2026-03-01T10:00:00Z" },
    { "iso", "1772359200", "2026-03-01T10:00:00Z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (HEAD "\"lead_id\":\"u\",\"event\":\"e\","
                                               "\"timestamp\":{\"column\":\"t\",\"unit\":\"%s\"}}",
                                               cases[i].unit);
      g_autofree char *csv = g_strdup_printf ("u,t,e\na,\"%s\",x\n", cases[i].value);
      g_autofree char *expected = g_strdup_printf ("a %s x\n", cases[i].time);
      g_autofree char *got = import_mapped (json, csv, FALSE, NULL);

      g_assert_cmpstr (got, ==, expected);
    }

  /* Integer units take integers only: an ISO time or a fraction is bad. */
  assert_import_error (BASE "}", "u,t,e\na,2026-03-01T10:00:00Z,x\n", LI_IMPORT_ERROR_BAD_ROW,
                       "%s:2: bad timestamp \"2026-03-01T10:00:00Z\"");
  assert_import_error (BASE "}", "u,t,e\na,1.5,x\n", LI_IMPORT_ERROR_BAD_ROW,
                       "%s:2: bad timestamp \"1.5\"");
  assert_import_error (BASE "}", "u,t,e\na,253402300800,x\n", LI_IMPORT_ERROR_BAD_ROW,
                       "%s:2: bad timestamp \"253402300800\"");
  assert_import_error (HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":{\"column\":\"t\",\"unit\":\"strftime\","
                       "\"pattern\":\"%d/%m/%Y %H:%M\"}}",
                       "u,t,e\na,03/13/2026 10:00,x\n", LI_IMPORT_ERROR_BAD_ROW,
                       "%s:2: bad timestamp \"03/13/2026 10:00\"");
  {
    g_autofree char *got = import_mapped (HEAD "\"lead_id\":\"u\",\"event\":\"e\",\"timestamp\":"
                                          "{\"column\":\"t\",\"unit\":\"strftime\",\"pattern\":\"%d/%m/%Y %H:%M\"}}",
                                          "u,t,e\na,13/03/2026 10:05,x\n", FALSE, NULL);

    g_assert_cmpstr (got, ==, "a 2026-03-13T10:05:00Z x\n");
  }
}

static gint64
pattern_time (const char *pattern,
              const char *value)
{
  g_autofree char *message = NULL;
  g_autoptr(LiTimePattern) p = li_time_pattern_new (pattern, &message);
  gint64 t = G_MININT64;

  g_assert_null (message);
  g_assert_nonnull (p);
  if (!li_time_pattern_parse (p, value, strlen (value), &t))
    return G_MININT64;
  return t;
}

static void
assert_pattern (const char *pattern,
                const char *value,
                const char *expected)
{
  gint64 t = pattern_time (pattern, value);
  g_autofree char *got = t != G_MININT64 ? li_time_format (t) : NULL;

  g_test_message ("%s ← %s", pattern, value);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_strftime (void)
{
  static const struct { const char *pattern; const char *message; } invalid[] = {
    { "%Y-%m-%d %Q", "unknown directive %Q" },
    { "%Y-%m-%d %", "ends with a lone %" },
    { "%Y-%m-%d %s", "unknown directive %s" },
    { "%Y-%m-%d %é", "unknown directive %é" },
    { "%Y-%m-%d %Y", "%Y given twice" },
    { "%Y-%m-%d %y", "%y given twice" },
    { "%Y-%b-%m-%d", "%m given twice" },
    { "%Y-%m-%d %T %H", "%H given twice" },
    { "%m-%d", "needs a year (%Y or %y)" },
    { "%Y-%m", "needs a month and a day (%m or %b, and %d) or a day of the year (%j)" },
    { "%Y-%j-%d", "%j cannot be used with a month or a day" },
    { "%Y-%m-%d %H %I %p", "%H and %I cannot be used together" },
    { "%Y-%m-%d %I", "%I and %p need each other" },
    { "%Y-%m-%d %p", "%I and %p need each other" },
    { "%Y-%m-%d %H:%M.%f", "%f needs %S" },
    { "%Y-%m-%d %M", "minutes and seconds need an hour (%H or %I)" },
    { "%Y-%m-%d %H:%S", "%S needs %M" },
  };

  assert_pattern ("%d/%m/%Y %H:%M", "01/03/2026 10:05", "2026-03-01T10:05:00Z");
  assert_pattern ("%d/%m/%Y %H:%M", "1/3/2026 9:05", "2026-03-01T09:05:00Z");
  assert_pattern ("%Y%m%d%H%M%S", "20260301100502", "2026-03-01T10:05:02Z");
  assert_pattern ("%Y-%m-%dT%T%z", "2026-03-01T10:05:02+0130", "2026-03-01T08:35:02Z");
  assert_pattern ("%Y-%m-%dT%T%z", "2026-03-01T10:05:02-05:00", "2026-03-01T15:05:02Z");
  assert_pattern ("%Y-%m-%dT%T%z", "2026-03-01T10:05:02Z", "2026-03-01T10:05:02Z");
  assert_pattern ("%Y-%m-%dT%T%z", "2026-03-01T10:05:02+01", "2026-03-01T09:05:02Z");
  assert_pattern ("%Y-%m-%d %H:%M:%S.%f", "2026-03-01 10:05:02.123456", "2026-03-01T10:05:02.123Z");
  assert_pattern ("%Y-%m-%d %H:%M:%S.%f", "2026-03-01 10:05:02.5", "2026-03-01T10:05:02.500Z");
  assert_pattern ("%d %b %Y", "07 mar 2026", "2026-03-07T00:00:00Z");
  assert_pattern ("%d %h %Y", "07 MAR 2026", "2026-03-07T00:00:00Z");
  assert_pattern ("%B %d, %Y", "September 7, 2026", "2026-09-07T00:00:00Z");
  assert_pattern ("%m/%d/%y %I:%M %p", "3/7/26 1:05 PM", "2026-03-07T13:05:00Z");
  assert_pattern ("%m/%d/%y %I:%M %p", "3/7/26 12:05 am", "2026-03-07T00:05:00Z");
  assert_pattern ("%m/%d/%y %I:%M %p", "3/7/26 12:05 pm", "2026-03-07T12:05:00Z");
  assert_pattern ("%m/%d/%y", "3/7/69", "1969-03-07T00:00:00Z");
  assert_pattern ("%m/%d/%y", "3/7/68", "2068-03-07T00:00:00Z");
  assert_pattern ("%Y.%j", "2024.366", "2024-12-31T00:00:00Z");
  assert_pattern ("%Y.%j", "2024.60", "2024-02-29T00:00:00Z");
  assert_pattern ("%a, %d %b %Y %T %z", "Sun, 01 Mar 2026 10:00:00 +0000", "2026-03-01T10:00:00Z");
  assert_pattern ("%A %d.%m.%Y", "sunday 1.3.2026", "2026-03-01T00:00:00Z");
  assert_pattern ("%Y-%m-%d 100%%", "2026-03-01 100%", "2026-03-01T00:00:00Z");
  assert_pattern ("%Y-%m-%d", "  2026-03-01 \t", "2026-03-01T00:00:00Z");

  /* Strict: every field in range, every literal exact, nothing left over. */
  assert_pattern ("%Y.%j", "2025.366", NULL);
  assert_pattern ("%Y.%j", "2025.0", NULL);
  assert_pattern ("%d/%m/%Y", "29/02/2025", NULL);
  assert_pattern ("%d/%m/%Y", "01/13/2026", NULL);
  assert_pattern ("%d/%m/%Y", "00/01/2026", NULL);
  assert_pattern ("%d/%m/%Y", "01/01/26", NULL);
  assert_pattern ("%d/%m/%Y", "01/01/0000", NULL);
  assert_pattern ("%d/%m/%Y", "01-01-2026", NULL);
  assert_pattern ("%d/%m/%Y", "01/01/2026x", NULL);
  assert_pattern ("%d/%m/%Y", "001/01/2026", NULL);
  assert_pattern ("%d/%m/%Y %H:%M", "01/01/2026 24:00", NULL);
  assert_pattern ("%d/%m/%Y %H:%M", "01/01/2026 10:60", NULL);
  assert_pattern ("%d/%m/%Y %H:%M", "01/01/2026  10:00", NULL);
  assert_pattern ("%d/%m/%Y %H:%M:%S", "01/01/2026 10:00:60", NULL);
  assert_pattern ("%m/%d/%y %I:%M %p", "3/7/26 13:05 PM", NULL);
  assert_pattern ("%m/%d/%y %I:%M %p", "3/7/26 0:05 PM", NULL);
  assert_pattern ("%m/%d/%y %I:%M %p", "3/7/26 1:05 XM", NULL);
  assert_pattern ("%d %b %Y", "07 Mrz 2026", NULL);
  assert_pattern ("%a %d.%m.%Y", "Mon 1.3.2026", NULL);
  assert_pattern ("%Y-%m-%dT%T%z", "2026-03-01T10:05:02+24:00", NULL);
  assert_pattern ("%Y-%m-%dT%T%z", "9999-12-31T23:59:59-01:00", NULL);
  assert_pattern ("%Y-%m-%d %H:%M:%S.%f", "2026-03-01 10:05:02.", NULL);
  assert_pattern ("%Y-%m-%d", "", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *message = NULL;
      g_autoptr(LiTimePattern) p = li_time_pattern_new (invalid[i].pattern, &message);

      g_assert_null (p);
      g_assert_cmpstr (message, ==, invalid[i].message);
    }
  {
    g_autofree char *long_pattern = g_strnfill (257, 'x');
    g_autofree char *message = NULL;

    g_assert_null (li_time_pattern_new (long_pattern, &message));
    g_assert_cmpstr (message, ==, "longer than 256 bytes");
  }
}

#define TAOBAO_MAP                                                                        \
  HEAD "\"lead_id\":\"user_id\",\"timestamp\":{\"column\":\"timestamp\",\"unit\":\"s\"}," \
  "\"event\":\"behavior_type\","                                                          \
  "\"events\":{\"pv\":\"product_view\",\"cart\":\"add_to_cart\",\"buy\":\"purchase\"},"   \
  "\"properties\":{\"item_id\":\"product_id\",\"category_id\":\"category\"}"

#define TAOBAO_ROWS                                                                       \
  "1,2268318,2520377,pv,1511544070\n"                                                     \
  "1,2333346,2520771,fav,1511561733\n"                                                    \
  "2,2576651,149192,cart,1511572885\n"                                                    \
  "1,2268318,2520377,buy,1511544071\n"

#define TAOBAO_EVENTS                                                                               \
  "1 2017-11-24T17:21:10Z product_view product_id=2268318;category=2520377\n"                        \
  "1 2017-11-24T17:21:11Z purchase product_id=2268318;category=2520377\n"                            \
  "1 2017-11-24T22:15:33Z fav product_id=2333346;category=2520771\n"                                 \
  "2 2017-11-25T01:21:25Z add_to_cart product_id=2576651;category=149192\n"

static void
test_import_taobao (void)
{
  LiImportReport report = { 0, };
  g_autofree char *headerless = import_mapped (TAOBAO_MAP ",\"header\":false,\"columns\":"
                                               "[\"user_id\",\"item_id\",\"category_id\",\"behavior_type\",\"timestamp\"]}",
                                               TAOBAO_ROWS, FALSE, &report);
  g_autofree char *with_header = import_mapped (TAOBAO_MAP "}",
                                                "user_id,item_id,category_id,behavior_type,timestamp\n"
                                                TAOBAO_ROWS, FALSE, NULL);
  /* "columns" renames a header's columns. */
  g_autofree char *renamed = import_mapped (TAOBAO_MAP ",\"columns\":"
                                            "[\"user_id\",\"item_id\",\"category_id\",\"behavior_type\",\"timestamp\"]}",
                                            "a,b,c,d,e\n" TAOBAO_ROWS, FALSE, NULL);

  g_assert_cmpstr (headerless, ==, TAOBAO_EVENTS);
  g_assert_cmpstr (with_header, ==, TAOBAO_EVENTS);
  g_assert_cmpstr (renamed, ==, TAOBAO_EVENTS);
  g_assert_cmpstr (report.formats[0], ==, "mapping");
  g_assert_cmpuint (report.n_ignored, ==, 0);
  li_import_report_clear (&report);
}

static void
test_import_columns (void)
{
  const char *csv = "u,t,e,a,b,c, \n1,0,x,A,B,C,D\n1,1,x,,B2,,\n";
  LiImportReport report = { 0, };
  g_autofree char *keep = import_mapped (BASE "}", csv, FALSE, NULL);
  g_autofree char *drop = import_mapped (BASE ",\"keep_other_columns\":false,\"properties\":{\"a\":\"x\"}}",
                                         csv, FALSE, NULL);
  /* A property named like another column: the mapped one wins; the lead
   * column may be a property too. */
  g_autofree char *clash = import_mapped (BASE ",\"properties\":{\"a\":\"b\",\"u\":\"user\"}}", csv, FALSE, NULL);
  /* Rows whose event maps to null are ignored and counted. */
  g_autofree char *ignored = import_mapped (BASE ",\"events\":{\"x\":null,\"y\":\"why\"}}",
                                            "u,t,e\n1,0,x\n,bad,x\n1,1,y\n", FALSE, &report);
  /* Duplicate header names: the last column counts. */
  g_autofree char *dup = import_mapped (BASE "}", "u,t,e,a,a\n1,0,x,first,last\n", FALSE, NULL);

  g_assert_cmpstr (keep, ==,
                   "1 1970-01-01T00:00:00Z x a=A;b=B;c=C\n"
                   "1 1970-01-01T00:00:01Z x b=B2\n");
  g_assert_cmpstr (drop, ==,
                   "1 1970-01-01T00:00:00Z x x=A\n"
                   "1 1970-01-01T00:00:01Z x\n");
  g_assert_cmpstr (clash, ==,
                   "1 1970-01-01T00:00:00Z x b=A;user=1;c=C\n"
                   "1 1970-01-01T00:00:01Z x user=1\n");
  g_assert_cmpstr (ignored, ==, "1 1970-01-01T00:00:01Z why\n");
  g_assert_cmpuint (report.n_ignored, ==, 2);
  g_assert_cmpuint (report.n_skipped, ==, 0);
  g_assert_cmpstr (dup, ==, "1 1970-01-01T00:00:00Z x a=last\n");
  li_import_report_clear (&report);
}

static void
test_import_missing_columns (void)
{
  assert_import_error (BASE "}", "user,t,e\n", LI_IMPORT_ERROR_MAPPING,
                       "%s:1: lead_id: no column “u” in the file");
  assert_import_error (BASE "}", "u,ts,e\n", LI_IMPORT_ERROR_MAPPING,
                       "%s:1: timestamp.column: no column “t” in the file");
  assert_import_error (BASE "}", "\n\nu,t,ev\n", LI_IMPORT_ERROR_MAPPING,
                       "%s:3: event: no column “e” in the file");
  assert_import_error (BASE ",\"properties\":{\"item\":\"product_id\"}}", "u,t,e\n", LI_IMPORT_ERROR_MAPPING,
                       "%s:1: properties.item: no column “item” in the file");
  assert_import_error (BASE ",\"columns\":[\"u\",\"t\",\"e\"]}", "a,b,c,d\n", LI_IMPORT_ERROR_MAPPING,
                       "%s:1: columns: 3 names for the 4 columns of the header");
  assert_import_error (BASE "}", "u,t,\xff\n", LI_IMPORT_ERROR_FORMAT,
                       "%s:1: invalid UTF-8 in the header");
  assert_import_error (BASE "}", "", LI_IMPORT_ERROR_FORMAT, "%s: empty file");
}

static void
test_import_bad_rows (void)
{
  static const struct { const char *csv; const char *message; } cases[] = {
    { "u,t,e\n1,0\n", "%s:2: expected 3 fields, found 2" },
    { "u,t,e\n1,0,x,y\n", "%s:2: expected 3 fields, found 4" },
    { "u,t,e\n,0,x\n", "%s:2: empty u" },
    { "u,t,e\n1,soon,x\n", "%s:2: bad timestamp \"soon\"" },
    { "u,t,e\n1,0,\n", "%s:2: empty e" },
    { "u,t,e\n1,0,\xc3\n", "%s:2: invalid UTF-8" },
    { "u,t,e\n1,0,\"x\n", "%s:2: unterminated quoted field" },
  };
  LiImportReport report = { 0, };
  g_autofree char *skipped = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LiCsvMap) map = map_ok (BASE "}");
      g_autofree char *path = tmp_file ("map.csv", cases[i].csv, -1);
      const char *paths[] = { path, NULL };
      LiImportOptions options = { .map = map };
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) parts = g_strsplit (cases[i].message, "%s", -1);
      g_autofree char *expected = g_strjoinv (path, parts);

      g_assert_null (li_import_event_paths (paths, &options, NULL, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, expected));
    }

  /* Headerless files count lines from the first record. */
  assert_import_error (BASE ",\"header\":false,\"columns\":[\"u\",\"t\",\"e\"]}", "1,0,x\n1,0\n",
                       LI_IMPORT_ERROR_BAD_ROW, "%s:2: expected 3 fields, found 2");

  skipped = import_mapped (BASE "}", "u,t,e\n1,0\n,0,x\n1,0,x\n1,x,x\n", TRUE, &report);
  g_assert_cmpstr (skipped, ==, "1 1970-01-01T00:00:00Z x\n");
  g_assert_cmpuint (report.n_skipped, ==, 3);
  g_assert_cmpuint (g_strv_length (report.skipped_reasons), ==, 3);
  g_assert_true (g_str_has_suffix (report.skipped_reasons[0], ":2: expected 3 fields, found 2"));
  g_assert_true (g_str_has_suffix (report.skipped_reasons[2], ":5: bad timestamp \"x\""));
  li_import_report_clear (&report);
}

static void
test_import_format_conflict (void)
{
  g_autoptr(LiCsvMap) map = map_ok (BASE "}");
  g_autofree char *path = tmp_file ("map.csv", "u,t,e\n1,0,x\n", -1);
  g_autofree char *path2 = tmp_file ("map2.csv", "u,t,e\n2,0,y\n", -1);
  const char *paths[] = { path, path2, NULL };
  LiImportOptions options = { .format = LI_FORMAT_GA4, .map = map };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  g_autofree char *text = NULL;

  g_assert_null (li_import_event_paths (paths, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_MAPPING);
  g_assert_cmpstr (error->message, ==, "a column mapping reads CSV files, not ga4");
  g_clear_error (&error);

  /* Several files go through one mapping, concatenated. */
  options.format = LI_FORMAT_CSV;
  store = li_import_event_paths (paths, &options, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  text = describe (store);
  g_assert_cmpstr (text, ==, "1 1970-01-01T00:00:00Z x\n2 1970-01-01T00:00:00Z y\n");
}

static void
test_unknown_format_code (void)
{
  g_autofree char *path = tmp_file ("unknown.csv", "user_id,item_id\n1,2\n", -1);
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_null (li_import_event_paths (paths, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_UNKNOWN_FORMAT);
}

static void
test_preview (void)
{
  g_autofree char *path = tmp_file ("preview.csv",
                                    "\xEF\xBB\xBFu,t,e,price\r\n1,0,pv,9.5\r\n,0,pv,1\r\n2,5,skip,\r\n3,7,pv,\r\n",
                                    -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LiCsvMap) map = map_ok (BASE ",\"events\":{\"pv\":\"product_view\",\"skip\":null}}");
  g_autoptr(LiCsvHead) head = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) columns = NULL;
  g_autofree char *key = NULL;
  g_autofree char *key2 = NULL;
  g_autofree char *key3 = NULL;
  const LiCsvPreviewRow *row;

  head = li_csv_head_read (file, "preview.csv", 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->records->len, ==, 3);
  g_assert_cmpstr (head->first_line, ==, "u,t,e,price");

  rows = li_csv_map_preview (map, head, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = rows->pdata[0];
  g_assert_cmpint (row->status, ==, LI_PREVIEW_EVENT);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->lead_id, ==, "1");
  g_assert_cmpint (row->time_ms, ==, 0);
  g_assert_cmpstr (row->event, ==, "product_view");
  g_assert_cmpstr (row->keys[0], ==, "price");
  g_assert_cmpstr (row->values[0], ==, "9.5");
  row = rows->pdata[1];
  g_assert_cmpint (row->status, ==, LI_PREVIEW_BAD);
  g_assert_cmpstr (row->reason, ==, "empty u");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&head, li_csv_head_free);

  head = li_csv_head_read (file, "preview.csv", 20, NULL, &error);
  g_assert_no_error (error);
  rows = li_csv_map_preview (map, head, &error);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpint (((LiCsvPreviewRow *) rows->pdata[2])->status, ==, LI_PREVIEW_IGNORED);
  g_assert_cmpuint (g_strv_length (((LiCsvPreviewRow *) rows->pdata[3])->keys), ==, 0);

  columns = li_csv_head_dup_columns (head, map);
  g_assert_cmpstr (columns[3], ==, "price");
  g_clear_pointer (&columns, g_strfreev);
  map->header = FALSE;
  columns = li_csv_head_dup_columns (head, map);
  g_assert_cmpstr (columns[0], ==, "column_1");
  g_assert_cmpuint (g_strv_length (columns), ==, 4);

  /* A mapping that does not fit says so as the import would. */
  map->header = TRUE;
  g_free (map->lead_id);
  map->lead_id = g_strdup ("user");
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_null (li_csv_map_preview (map, head, &error));
  g_assert_cmpstr (error->message, ==, "preview.csv:1: lead_id: no column “user” in the file");
  g_clear_error (&error);

  /* Keys: the header line, or the shape of a file without one. */
  key = li_csv_head_dup_key (head, TRUE);
  key2 = li_csv_head_dup_key (head, FALSE);
  key3 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "u,t,e,price", -1);
  g_assert_cmpstr (key, ==, key3);
  g_assert_cmpstr (key, !=, key2);
  g_assert_cmpuint (strlen (key2), ==, 64);
}

static void
test_preview_gzip_and_errors (void)
{
  static const guchar gz[] = {  /* "u,t,e\n1,0,x\n" */
    0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x2b, 0xd5, 0x29, 0xd1,
    0x49, 0xe5, 0x32, 0xd4, 0x31, 0xd0, 0xa9, 0xe0, 0x02, 0x00, 0x97, 0xc3, 0xfe, 0xe1,
    0x0c, 0x00, 0x00, 0x00
  };
  g_autofree char *path = tmp_file ("head.csv.gz", (const char *) gz, sizeof gz);
  g_autofree char *empty = tmp_file ("empty.csv", "", 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr(LiCsvHead) head = NULL;
  g_autoptr(GError) error = NULL;

  head = li_csv_head_read (file, NULL, 20, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (head->records->len, ==, 2);
  g_assert_cmpstr (((GStrv) head->records->pdata[1])[2], ==, "x");

  g_assert_null (li_csv_head_read (empty_file, "empty.csv", 20, NULL, &error));
  g_assert_cmpstr (error->message, ==, "empty.csv: empty file");
}

static void
assert_guess (const char *csv,
              gboolean    header,
              const char *lead,
              const char *time,
              LiTimeUnit  unit,
              const char *event)
{
  g_autofree char *path = tmp_file ("guess.csv", csv, -1);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiCsvHead) head = li_csv_head_read (file, NULL, 21, NULL, &error);
  g_autoptr(LiCsvMap) map = NULL;

  g_assert_no_error (error);
  map = li_csv_map_guess (head);
  g_assert_cmpint (map->header, ==, header);
  g_assert_cmpstr (map->lead_id, ==, lead);
  g_assert_cmpstr (map->time_column, ==, time);
  g_assert_cmpint (map->time_unit, ==, unit);
  g_assert_cmpstr (map->event, ==, event);
  g_assert_true (li_csv_map_check (map, NULL));
}

static void
test_guess (void)
{
  assert_guess (TAOBAO_ROWS, FALSE, "column_1", "column_5", LI_TIME_UNIT_S, "column_4");
  assert_guess ("user_id,item_id,category_id,behavior_type,timestamp\n" TAOBAO_ROWS, TRUE,
                "user_id", "timestamp", LI_TIME_UNIT_S, "behavior_type");
  assert_guess ("when,who,what\n2026-03-01T10:00:00Z,a@b.c,signup\n", TRUE,
                "who", "when", LI_TIME_UNIT_ISO, "what");
  assert_guess ("ts_ms,customer,action\n1700000000123,7,view\n", TRUE,
                "customer", "ts_ms", LI_TIME_UNIT_MS, "action");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("li-test-csv-mapping-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/engine/csv-mapping/parse/spec-example", test_parse_spec_example);
  g_test_add_func ("/engine/csv-mapping/parse/defaults", test_parse_defaults);
  g_test_add_func ("/engine/csv-mapping/parse/units", test_parse_units);
  g_test_add_func ("/engine/csv-mapping/parse/errors", test_parse_errors);
  g_test_add_func ("/engine/csv-mapping/parse/file", test_parse_file);
  g_test_add_func ("/engine/csv-mapping/units", test_units);
  g_test_add_func ("/engine/csv-mapping/strftime", test_strftime);
  g_test_add_func ("/engine/csv-mapping/import/taobao", test_import_taobao);
  g_test_add_func ("/engine/csv-mapping/import/columns", test_import_columns);
  g_test_add_func ("/engine/csv-mapping/import/missing-columns", test_import_missing_columns);
  g_test_add_func ("/engine/csv-mapping/import/bad-rows", test_import_bad_rows);
  g_test_add_func ("/engine/csv-mapping/import/format-conflict", test_import_format_conflict);
  g_test_add_func ("/engine/csv-mapping/import/unknown-format", test_unknown_format_code);
  g_test_add_func ("/engine/csv-mapping/preview", test_preview);
  g_test_add_func ("/engine/csv-mapping/guess", test_guess);
  g_test_add_func ("/engine/csv-mapping/preview/gzip-and-errors", test_preview_gzip_and_errors);

  ret = g_test_run ();
  remove_tmp_dir ();
  g_free (tmp_dir);
  return ret;
}
