/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the window tests. */
#pragma once

#include <gtk/gtk.h>

/* With LI_TEST_SCREENSHOT_DIR set, saves @widget as NAME.png there after a
 * second of drawing, to look at what a test showed. */
static inline void
li_gui_test_maybe_save_screenshot (GtkWidget  *widget,
                                   const char *name)
{
  const char *dir = g_getenv ("LI_TEST_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  if (dir == NULL)
    return;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot,
                          gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}
