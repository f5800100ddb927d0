/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li_import_events on one file in the canonical CSV format (SPEC 2.1:
 * lead_id, timestamp, event and any other columns), forced with --format
 * csv.  The input is the file (gzip when it starts with the gzip magic),
 * imported without and with skip_bad_rows; oracles in li-fuzz-import.h.
 *
 * Also "crlf" and "lone-cr": a file with LF line ends that imports without
 * bad rows imports to as many events with CRLF and with lone CR line ends
 * (SPEC 2.1 allows all three). */

#include "li-fuzz-import.h"

static void
_check_line_ends (const uint8_t *data,
                  size_t         size,
                  const char    *line_end,
                  guint32        n_events,
                  const char    *oracle)
{
  LiImportOptions options = { LI_FORMAT_CSV, FALSE };
  g_autoptr(GString) text = g_string_sized_new (size * 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiEventStore) store = NULL;
  GFile *file;

  for (size_t i = 0; i < size; i++)
    if (data[i] == '\n')
      g_string_append (text, line_end);
    else
      g_string_append_c (text, (char) data[i]);

  file = li_fuzz_file (1, text->str, text->len);
  store = li_import_events (&file, 1, &options, NULL, NULL, NULL, NULL, &error);
  LI_FUZZ_CHECK (oracle, store != NULL && store->n_events == n_events,
                 "with %s line ends: %u events (%s), %u with LF",
                 line_end[1] == '\n' ? "CRLF" : "CR", store != NULL ? store->n_events : 0,
                 store != NULL ? "imported" : error->message, n_events);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  li_fuzz_init (argc, argv);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GFile *file = li_fuzz_file (0, data, size);
  LiEventStore *store = li_fuzz_import (&file, 1, LI_FORMAT_CSV);

  if (store == NULL)
    return 0;
  if (store->n_skipped == 0 && memchr (data, '\r', size) == NULL &&
      !(size >= 2 && data[0] == 0x1f && data[1] == 0x8b))
    {
      _check_line_ends (data, size, "\r\n", store->n_events, "crlf");
      _check_line_ends (data, size, "\r", store->n_events, "lone-cr");
    }
  li_event_store_unref (store);
  return 0;
}
