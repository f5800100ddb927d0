/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li_window_save_screenshot_async: a PNG of the window once its project is
 * idle and the transitions have ended.  Public API of the window only. */
#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-window.h"

#include <glib/gi18n.h>

typedef struct
{
  GFile     *file;
  LiProject *project;       /* whose "busy" is watched */
  gboolean   settled;
  gulong     busy_handler;
  gulong     paint_handler;
  guint      settle_id;
  guint      timeout_id;
} ScreenshotState;

/* Time for transitions (stack crossfades, revealers) to end once the data is
 * in: libadwaita's and GTK's run for 200–300 ms. */
#define SCREENSHOT_SETTLE_MS 700

static void
_li_screenshot_state_free (ScreenshotState *state)
{
  g_clear_object (&state->file);
  g_clear_object (&state->project);
  g_free (state);
}

static void
_li_window_screenshot_disconnect (GTask *task)
{
  LiWindow *self = g_task_get_source_object (task);
  ScreenshotState *state = g_task_get_task_data (task);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_clear_signal_handler (&state->busy_handler, state->project);
  if (clock != NULL)
    g_clear_signal_handler (&state->paint_handler, clock);
  g_clear_handle_id (&state->settle_id, g_source_remove);
  g_clear_handle_id (&state->timeout_id, g_source_remove);
}

static void
_li_window_screenshot_save (GTask *task)
{
  LiWindow *self = g_task_get_source_object (task);
  ScreenshotState *state = g_task_get_task_data (task);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_file_get_path (state->file);
  GskRenderer *renderer;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  _li_window_screenshot_disconnect (task);

  paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (self));

  if (node == NULL || renderer == NULL || path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("Nothing to save"));
      return;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not write %s"), path);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
_li_window_screenshot_settled_cb (gpointer user_data)
{
  GTask *task = user_data;
  ScreenshotState *state = g_task_get_task_data (task);

  state->settle_id = 0;
  state->settled = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (g_task_get_source_object (task)));

  return G_SOURCE_REMOVE;
}

static void
_li_window_screenshot_after_paint_cb (GdkFrameClock *clock,
                                      GTask         *task)
{
  ScreenshotState *state = g_task_get_task_data (task);
  LiWindow *self = g_task_get_source_object (task);

  if (li_window_get_busy (self))
    return;

  if (!state->settled)
    {
      if (state->settle_id == 0)
        state->settle_id = g_timeout_add (SCREENSHOT_SETTLE_MS, _li_window_screenshot_settled_cb,
                                          task);
      return;
    }

  /* A frame painted after the transitions ended. */
  _li_window_screenshot_save (task);
  g_object_unref (task);
}

static void
_li_window_screenshot_busy_cb (LiProject  *project,
                               GParamSpec *pspec,
                               GTask      *task)
{
  ScreenshotState *state = g_task_get_task_data (task);

  state->settled = FALSE;
  g_clear_handle_id (&state->settle_id, g_source_remove);
  gtk_widget_queue_draw (GTK_WIDGET (g_task_get_source_object (task)));
}

static void _li_window_screenshot_map_cb (LiWindow *self,
                                          GTask    *task);

static gboolean
_li_window_screenshot_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  ScreenshotState *state = g_task_get_task_data (task);

  state->timeout_id = 0;
  _li_window_screenshot_disconnect (task);
  g_signal_handlers_disconnect_by_func (g_task_get_source_object (task),
                                        _li_window_screenshot_map_cb, task);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           _("The window did not finish loading in time"));
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
_li_window_screenshot_map_cb (LiWindow *self,
                              GTask    *task)
{
  ScreenshotState *state = g_task_get_task_data (task);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, _li_window_screenshot_map_cb, task);
  state->paint_handler = g_signal_connect (clock, "after-paint",
                                           G_CALLBACK (_li_window_screenshot_after_paint_cb), task);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
li_window_save_screenshot_async (LiWindow           *self,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  GTask *task;
  ScreenshotState *state;

  g_return_if_fail (LI_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  state = g_new0 (ScreenshotState, 1);
  state->file = g_object_ref (file);
  state->project = g_object_ref (li_window_get_project (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, li_window_save_screenshot_async);
  g_task_set_task_data (task, state, (GDestroyNotify) _li_screenshot_state_free);

  state->busy_handler = g_signal_connect (state->project, "notify::busy",
                                          G_CALLBACK (_li_window_screenshot_busy_cb), task);
  state->timeout_id = g_timeout_add_seconds (120, _li_window_screenshot_timeout_cb, task);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _li_window_screenshot_map_cb (self, task);
  else
    g_signal_connect (self, "map", G_CALLBACK (_li_window_screenshot_map_cb), task);
}

gboolean
li_window_save_screenshot_finish (LiWindow     *self,
                                  GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
