/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-events-export.c: the imported events as the events table's CSV. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "li-csv-writer.h"
#include "li-events-export.h"
#include "li-sql-export.h"
#include "li-time.h"

#define LI_NO_COLUMN G_MAXUINT32

static int
_li_compare_times (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const gint64 *time_ms = user_data;
  gint64 x = time_ms[*(const guint32 *) a], y = time_ms[*(const guint32 *) b];

  return x < y ? -1 : x > y;
}

static gboolean
_li_is_own_column (const char *key)
{
  return g_str_equal (key, "seq") || g_str_equal (key, "lead_id") ||
         g_str_equal (key, "ts") || g_str_equal (key, "event");
}

/* The column of each property key, LI_NO_COLUMN for keys left out: a name
 * that cannot be a column is left out when no event has a value for it
 * (a blank header cell), and is an error otherwise. */
static guint32 *
_li_columns (const LiEventStore  *store,
             GString             *header,
             GError             **error)
{
  guint32 n_keys = li_str_pool_size (store->keys);
  g_autofree guint32 *uses = g_new0 (guint32, MAX (n_keys, 1));
  g_autofree guint32 *column = g_new (guint32, MAX (n_keys, 1));
  guint32 n_columns = 0;

  for (guint32 j = 0; j < store->prop_start[store->n_events]; j++)
    uses[store->prop_key[j]]++;
  for (guint32 k = 0; k < n_keys; k++)
    {
      const char *key = li_str_pool_get (store->keys, k);

      column[k] = LI_NO_COLUMN;
      if (key[0] == '\0' || _li_is_own_column (key))
        {
          if (uses[k] == 0)
            continue;
          if (key[0] == '\0')
            g_set_error_literal (error, LI_SQL_EXPORT_ERROR, LI_SQL_EXPORT_ERROR_UNSUPPORTED,
                                 _("a property without a name cannot have a column"));
          else
            g_set_error (error, LI_SQL_EXPORT_ERROR, LI_SQL_EXPORT_ERROR_UNSUPPORTED,
                         _("the property “%s” cannot have a column: the events table's own "
                           "columns are seq, lead_id, ts and event"), key);
          return NULL;
        }
      column[k] = n_columns++;
      g_string_append_c (header, ',');
      li_csv_append_field (header, key);
    }
  return g_steal_pointer (&column);
}

/* RFC 3339 with milliseconds always, so that every row reads alike. */
static void
_li_append_time (GString *out,
                 gint64   time_ms)
{
  g_autofree char *text = li_time_format (time_ms);
  gsize len = strlen (text);

  if (strchr (text, '.') != NULL)
    g_string_append (out, text);
  else
    {
      g_string_append_len (out, text, len - 1);
      g_string_append (out, ".000Z");
    }
}

gboolean
li_events_export_csv (const LiEventStore  *store,
                      GString             *out,
                      GError             **error)
{
  g_autofree guint32 *column = NULL;
  g_autofree guint32 *order = NULL;
  g_autofree guint32 *lead_of = NULL;
  g_autofree const char **row = NULL;
  guint32 n_columns = 0;

  g_string_append (out, "seq,lead_id,ts,event");
  if ((column = _li_columns (store, out, error)) == NULL)
    return FALSE;
  g_string_append_c (out, '\n');
  for (guint32 k = 0; k < li_str_pool_size (store->keys); k++)
    if (column[k] != LI_NO_COLUMN)
      n_columns = column[k] + 1;
  row = g_new0 (const char *, MAX (n_columns, 1));

  /* The store groups events by lead; a stable sort by time keeps each
   * lead's order for equal times. */
  order = g_new (guint32, MAX (store->n_events, 1));
  lead_of = g_new (guint32, MAX (store->n_events, 1));
  for (guint32 i = 0; i < store->n_events; i++)
    order[i] = i;
  for (guint32 l = 0; l < store->n_leads; l++)
    for (guint32 i = store->lead_start[l]; i < store->lead_start[l + 1]; i++)
      lead_of[i] = l;
  g_qsort_with_data (order, (gint) store->n_events, sizeof *order, _li_compare_times, store->time_ms);

  for (guint32 r = 0; r < store->n_events; r++)
    {
      guint32 i = order[r];

      for (guint32 j = store->prop_start[i]; j < store->prop_start[i + 1]; j++)
        if (column[store->prop_key[j]] != LI_NO_COLUMN)
          row[column[store->prop_key[j]]] = li_str_pool_get (store->values, li_event_store_prop_value (store, j));

      g_string_append_printf (out, "%" G_GUINT32_FORMAT ",", r + 1);
      li_csv_append_field (out, li_str_pool_get (store->leads, lead_of[i]));
      g_string_append_c (out, ',');
      _li_append_time (out, store->time_ms[i]);
      g_string_append_c (out, ',');
      li_csv_append_field (out, li_str_pool_get (store->names, store->name[i]));
      for (guint32 c = 0; c < n_columns; c++)
        {
          g_string_append_c (out, ',');
          if (row[c] != NULL)
            li_csv_append_field (out, row[c]);
          row[c] = NULL;
        }
      g_string_append_c (out, '\n');
    }
  return TRUE;
}
