/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li_import_events through a column mapping (SPEC 2.1a).  The input is
 * `MAPPING`, `%%`, `FILE`[, `%%`, `FILE`…]: a mapping file and up to three
 * CSV files (gzip when they start with the gzip magic), imported without
 * and with skip_bad_rows; the store and result oracles of li-fuzz-import.h.
 * Inputs whose mapping is not accepted are left to fuzz-csv-map.
 *
 * Oracle "map-preview": the mapping dialog's preview (li_csv_map_preview on
 * li_csv_head_read) agrees with the import of a single file: when the
 * import works without --skip-bad-rows, the head reads, the preview binds
 * and none of its rows is bad; a head or preview that fails, or a bad row
 * in it, means the strict import fails too. */

#include "li-fuzz-import.h"

#include "li-csv-mapping.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  li_fuzz_init (argc, argv);
  return 0;
}

static void
_check_import (GFile * const *files,
               guint          n_files,
               const LiCsvMap *map,
               gboolean        skip,
               gboolean       *ok)
{
  LiImportOptions options = { .skip_bad_rows = skip, .map = map };
  LiImportReport report = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;

  store = li_import_events (files, n_files, &options, &report, NULL, NULL, NULL, &error);
  for (guint i = 0; store != NULL && report.formats[i] != NULL; i++)
    LI_FUZZ_CHECK ("import-result", strcmp (report.formats[i], "mapping") == 0,
                   "a mapped file reported as %s", report.formats[i]);
  *ok = store != NULL;
  li_fuzz_check_import (store, &report, error, n_files, LI_FORMAT_AUTO, skip);
}

static void
_check_preview (GFile          *file,
                const LiCsvMap *map,
                gboolean        imported)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiCsvHead) head = li_csv_head_read (file, NULL, 20, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  gboolean bad = FALSE;

  if (head == NULL)
    {
      LI_FUZZ_CHECK ("map-preview", !imported, "the file imports, its head does not read: %s",
                     error->message);
      return;
    }
  rows = li_csv_map_preview (map, head, &error);
  if (rows == NULL)
    {
      LI_FUZZ_CHECK_UTF8 (error->message);
      LI_FUZZ_CHECK ("map-preview", !imported, "the file imports, its preview fails: %s",
                     error->message);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const LiCsvPreviewRow *row = rows->pdata[i];

      if (row->status == LI_PREVIEW_BAD)
        {
          LI_FUZZ_CHECK_UTF8 (row->reason);
          bad = TRUE;
        }
      else
        {
          LI_FUZZ_CHECK_UTF8 (row->lead_id);
          LI_FUZZ_CHECK_UTF8 (row->event);
        }
    }
  LI_FUZZ_CHECK ("map-preview", !(imported && bad), "the file imports, its preview has a bad row");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *parts[4];
  gsize lens[4];
  guint n = li_fuzz_split (data, size, parts, lens, 4);
  g_autoptr(LiCsvMap) map = NULL;
  GFile *files[3];
  gboolean strict_ok = FALSE, lenient_ok = FALSE;

  if (n < 2 || li_fuzz_json_has_trailing_values (parts[0], lens[0]))
    return 0;
  if ((map = li_csv_map_from_data (parts[0], (gssize) lens[0], NULL)) == NULL)
    return 0;

  for (guint i = 1; i < n; i++)
    files[i - 1] = li_fuzz_file (i - 1, parts[i], lens[i]);

  _check_import (files, n - 1, map, FALSE, &strict_ok);
  _check_import (files, n - 1, map, TRUE, &lenient_ok);
  LI_FUZZ_CHECK ("import-result", !strict_ok || lenient_ok,
                 "an import that works fails with --skip-bad-rows");
  if (n == 2)
    _check_preview (files[0], map, strict_ok);
  return 0;
}
