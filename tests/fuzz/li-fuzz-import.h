/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checks shared by the targets that import events: the invariants of an
 * LiEventStore (li-event-store.h) and of an import's result (SPEC 2.3).
 *
 * Oracles:
 * - "store": the documented layout of the store holds (leads grouped, each
 *   with events, times in order within a lead, ids in range, no empty
 *   property value, counts and bounds that match the columns).
 * - "import-utf8": every imported string is valid UTF-8 (SPEC 2.3 makes
 *   invalid UTF-8 a bad row).
 * - "import-result": an import either gives a store or an error, with a
 *   report only on success; with --skip-bad-rows an import that worked
 *   without it gives the same events; a bad row's error names the file and
 *   line ("FILE:LINE: reason"). */
#pragma once

#include "li-fuzz.h"

#include "li-import.h"

/* Years 0001 to 9999, with a day of slack for offsets. */
#define LI_FUZZ_MIN_MS (G_GINT64_CONSTANT (-62135596800) * 1000 - 86400000)
#define LI_FUZZ_MAX_MS (G_GINT64_CONSTANT (253402300799) * 1000 + 999 + 86400000)

static inline void
li_fuzz_check_pool (LiStrPool  *pool,
                    const char *what,
                    gboolean    nonempty)
{
  for (guint32 id = 0; id < li_str_pool_size (pool); id++)
    {
      const char *s = li_str_pool_get (pool, id);
      gsize len = li_str_pool_len (pool, id);
      guint32 back = G_MAXUINT32;

      LI_FUZZ_CHECK ("store", s != NULL && strlen (s) == len,
                     "%s %u: length %" G_GSIZE_FORMAT " does not match its text", what, id, len);
      LI_FUZZ_CHECK ("store", !nonempty || len > 0, "%s %u is empty", what, id);
      LI_FUZZ_CHECK ("store", li_str_pool_lookup (pool, s, len, &back) && back == id,
                     "%s %u: lookup gives %u", what, id, back);
      LI_FUZZ_CHECK ("import-utf8", g_utf8_validate_len (s, len, NULL),
                     "%s %u is not valid UTF-8", what, id);
    }
}

static inline void
li_fuzz_check_store (LiEventStore *store)
{
  guint32 n_names = li_str_pool_size (store->names);
  guint32 n_keys = li_str_pool_size (store->keys);
  guint32 n_values = li_str_pool_size (store->values);
  g_autofree guint32 *count = g_new0 (guint32, MAX (n_names, 1));
  gint64 min = G_MAXINT64, max = G_MININT64;

  LI_FUZZ_CHECK ("store", store->n_leads == li_str_pool_size (store->leads),
                 "%u leads, %u lead ids", store->n_leads, li_str_pool_size (store->leads));
  LI_FUZZ_CHECK ("store", store->lead_start[0] == 0 &&
                          store->lead_start[store->n_leads] == store->n_events,
                 "lead_start does not span the %u events", store->n_events);
  LI_FUZZ_CHECK ("store", store->prop_start[0] == 0, "prop_start[0] is not 0");

  li_fuzz_check_pool (store->leads, "lead", TRUE);
  li_fuzz_check_pool (store->names, "event name", TRUE);
  li_fuzz_check_pool (store->keys, "property key", TRUE);
  li_fuzz_check_pool (store->values, "property value", TRUE);

  for (guint32 l = 0; l < store->n_leads; l++)
    {
      LI_FUZZ_CHECK ("store", store->lead_start[l] < store->lead_start[l + 1],
                     "lead %u has no events", l);
      for (guint32 i = store->lead_start[l] + 1; i < store->lead_start[l + 1]; i++)
        LI_FUZZ_CHECK ("store", store->time_ms[i - 1] <= store->time_ms[i],
                       "lead %u: event %u before event %u in time", l, i, i - 1);
    }

  for (guint32 i = 0; i < store->n_events; i++)
    {
      LI_FUZZ_CHECK ("store", store->name[i] < n_names, "event %u: name id %u", i,
                     store->name[i]);
      if (store->name[i] < n_names)
        count[store->name[i]]++;
      LI_FUZZ_CHECK ("store", store->time_ms[i] >= LI_FUZZ_MIN_MS &&
                              store->time_ms[i] <= LI_FUZZ_MAX_MS,
                     "event %u at %" G_GINT64_FORMAT " ms", i, store->time_ms[i]);
      min = MIN (min, store->time_ms[i]);
      max = MAX (max, store->time_ms[i]);

      LI_FUZZ_CHECK ("store", store->prop_start[i] <= store->prop_start[i + 1],
                     "event %u: prop_start goes back", i);
      for (guint32 j = store->prop_start[i]; j < store->prop_start[i + 1]; j++)
        {
          guint32 value = G_MAXUINT32;

          LI_FUZZ_CHECK ("store", store->prop_key[j] < n_keys && li_event_store_prop_value (store, j) < n_values,
                         "event %u: property %u has ids %u, %u", i, j, store->prop_key[j],
                         li_event_store_prop_value (store, j));
          LI_FUZZ_CHECK ("store", li_event_store_get_prop (store, i, store->prop_key[j], &value),
                         "event %u: its key %u is not found", i, store->prop_key[j]);
        }
    }

  for (guint32 k = 0; k < n_names; k++)
    LI_FUZZ_CHECK ("store", store->name_count[k] == count[k],
                   "event name %u: name_count %u, counted %u", k, store->name_count[k], count[k]);
  if (store->n_events > 0)
    LI_FUZZ_CHECK ("store", store->min_time_ms == min && store->max_time_ms == max,
                   "time bounds %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT ", events span %"
                   G_GINT64_FORMAT "..%" G_GINT64_FORMAT, store->min_time_ms,
                   store->max_time_ms, min, max);

  LI_FUZZ_CHECK ("store", li_event_store_bytes (store) > 0, "a store of 0 bytes");
}

/* Checks the outcome of one import and clears @report. */
static inline void
li_fuzz_check_import (LiEventStore   *store,
                      LiImportReport *report,
                      const GError   *error,
                      guint           n_files,
                      LiFormat        format,
                      gboolean        skip_bad_rows)
{
  LI_FUZZ_CHECK ("import-result", (store == NULL) == (error != NULL),
                 "store %p with error %s", (void *) store, error ? error->message : "NULL");
  if (error != NULL)
    {
      LI_FUZZ_CHECK_UTF8 (error->message);
      LI_FUZZ_CHECK ("import-result", report->formats == NULL && report->skipped_reasons == NULL,
                     "a report of a failed import");
      /* The files are all /proc/self/fd/N (li_fuzz_file). */
      if (g_error_matches (error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW))
        {
          const char *p = error->message;
          gboolean named = g_str_has_prefix (p, "/proc/self/fd/");

          p += named ? strlen ("/proc/self/fd/") : 0;
          while (g_ascii_isdigit (*p))
            p++;
          LI_FUZZ_CHECK ("import-result", named && p[0] == ':' && g_ascii_isdigit (p[1]),
                         "a bad row without FILE:LINE: %s", error->message);
        }
      return;
    }

  li_fuzz_check_store (store);
  LI_FUZZ_CHECK ("import-result", report->n_skipped == store->n_skipped,
                 "report: %u skipped, store: %u", report->n_skipped, store->n_skipped);
  LI_FUZZ_CHECK ("import-result", skip_bad_rows || report->n_skipped == 0,
                 "%u rows skipped without --skip-bad-rows", report->n_skipped);
  LI_FUZZ_CHECK ("import-result", report->skipped_reasons != NULL &&
                                  g_strv_length (report->skipped_reasons) ==
                                  MIN (report->n_skipped, LI_IMPORT_MAX_REASONS),
                 "%u skipped rows, %u reasons", report->n_skipped,
                 report->skipped_reasons ? g_strv_length (report->skipped_reasons) : 0);
  for (guint i = 0; report->skipped_reasons != NULL && report->skipped_reasons[i] != NULL; i++)
    LI_FUZZ_CHECK_UTF8 (report->skipped_reasons[i]);
  LI_FUZZ_CHECK ("import-result", report->formats != NULL &&
                                  g_strv_length (report->formats) == n_files,
                 "%u files, %u formats in the report", n_files,
                 report->formats ? g_strv_length (report->formats) : 0);
  for (guint i = 0; format != LI_FORMAT_AUTO && report->formats != NULL &&
                    report->formats[i] != NULL; i++)
    LI_FUZZ_CHECK ("import-result", strcmp (report->formats[i], li_format_to_string (format)) == 0,
                   "imported as %s, reported as %s", li_format_to_string (format),
                   report->formats[i]);
  li_import_report_clear (report);
}

/* Imports @files (GFiles of li_fuzz_file) as @format, without and with
 * skip_bad_rows; returns the lenient store (or NULL). */
static inline LiEventStore *
li_fuzz_import (GFile * const *files,
                guint          n_files,
                LiFormat       format)
{
  LiImportOptions strict = { format, FALSE };
  LiImportOptions lenient = { format, TRUE };
  LiImportReport report = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) lenient_error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  LiEventStore *lenient_store;

  store = li_import_events (files, n_files, &strict, &report, NULL, NULL, NULL, &error);
  li_fuzz_check_import (store, &report, error, n_files, format, FALSE);

  lenient_store = li_import_events (files, n_files, &lenient, &report, NULL, NULL, NULL,
                                    &lenient_error);
  li_fuzz_check_import (lenient_store, &report, lenient_error, n_files, format, TRUE);

  if (store != NULL)
    {
      LI_FUZZ_CHECK ("import-result", lenient_store != NULL &&
                                      lenient_store->n_events == store->n_events &&
                                      lenient_store->n_skipped == 0,
                     "an import that works fails or differs with --skip-bad-rows: %s",
                     lenient_error ? lenient_error->message : "other events");
    }
  return lenient_store;
}
