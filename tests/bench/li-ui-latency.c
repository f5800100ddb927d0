/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-ui-latency: edit → redraw latency of the window on a large export.
 *
 *   xvfb-run -a li-ui-latency EVENTS.csv RULES.leadrules.json [EDITS [EVENT]]
 *
 * Opens the window on the export, then changes the points of EVENT
 * (default add_to_cart) EDITS times (default 10) through the window's
 * action, exactly as the editor does (or with EVENT "stage=N", the
 * min_score of stage N, a step of 1 up from where it is each time), and
 * measures from the edit to the first frame painted after the new result
 * arrived.  Each edit comes after the last result, a pause: it replays at
 * once (the 60 ms debounce only coalesces edits that keep coming).
 *
 * Under Xvfb there is no GPU: GTK's GL renderer is then llvmpipe, which
 * draws each frame in software on the two cores (60–80 ms a frame here);
 * GSK_RENDERER=cairo measures the software renderer meant for that case. */
#include "config.h"

#include <math.h>

#include "li-application.h"
#include "li-window.h"

static LiWindow *window;

static gboolean
_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
_wait_idle (void)
{
  /* Busy covers a scheduled (debounced) replay as well as a running one. */
  while (li_window_get_busy (window) || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
}

static void
_after_paint_cb (GdkFrameClock *clock,
                 gint64        *painted)
{
  *painted = g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LiApplication) app = NULL;
  g_autoptr(GFile) events = NULL;
  g_autoptr(GFile) rules = NULL;
  int edits = argc > 3 ? atoi (argv[3]) : 10;
  const char *event = argc > 4 ? argv[4] : "add_to_cart";
  double total = 0, worst = 0, worker = 0;
  gint64 start;

  if (argc < 3)
    {
      g_printerr ("usage: li-ui-latency EVENTS RULES [EDITS [EVENT]]\n");
      return 2;
    }
  adw_init ();
  app = li_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = li_window_new (app);
  rules = g_file_new_for_commandline_arg (argv[2]);
  events = g_file_new_for_commandline_arg (argv[1]);
  /* The rules are read in the background; the import is measured alone. */
  if (!li_window_open_rules (window, rules))
    return 1;
  while (li_window_get_busy (window))
    g_main_context_iteration (NULL, TRUE);
  if (li_window_get_rules_path (window) == NULL)
    return 1;  /* not a valid rule file: the dialog says why */
  start = g_get_monotonic_time ();
  li_window_import (window, &events, 1, NULL);
  gtk_window_present (GTK_WINDOW (window));
  _wait_idle ();
  if (li_window_get_error_text (window))
    {
      g_printerr ("%s\n", li_window_get_error_text (window));
      return 1;
    }
  g_print ("import and first replay: %.0f ms (%u events)\n",
           (g_get_monotonic_time () - start) / 1000.0, li_window_get_store (window)->n_events);

  for (int k = 0; k < edits; k++)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      gint64 painted = 0, edit;
      gulong id;

      /* Let the previous frame settle so each edit starts from idle. */
      {
        gboolean done = FALSE;
        g_timeout_add (100, _done_cb, &done);
        while (!done)
          g_main_context_iteration (NULL, TRUE);
      }
      edit = g_get_monotonic_time ();
      if (g_str_has_prefix (event, "stage="))
        {
          guint stage = atoi (event + strlen ("stage="));
          const LiRules *now = li_window_get_rules (window);

          if (stage + 1 >= now->n_stages || !now->stages[stage].has_min_score)
            {
              g_printerr ("stage %u has no min_score\n", stage);
              return 2;
            }
          gtk_widget_activate_action (GTK_WIDGET (window), "win.set-stage-threshold", "(ud)",
                                      stage, now->stages[stage].min_score + 1);
        }
      else
        gtk_widget_activate_action (GTK_WIDGET (window), "win.set-intent-points", "(sd)",
                                    event, 10.0 + k);
      _wait_idle ();
      id = g_signal_connect (clock, "after-paint", G_CALLBACK (_after_paint_cb), &painted);
      while (painted == 0)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, id);

      total += (painted - edit) / 1000.0;
      worst = MAX (worst, (painted - edit) / 1000.0);
      worker += li_window_get_last_replay_ms (window);
    }
  g_print ("edit → redraw over %d edits of %s: mean %.0f ms, worst %.0f ms "
           "(edit → result %.0f ms mean; no debounce after a pause; %s)\n",
           edits, event, total / edits, worst, worker / edits,
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
