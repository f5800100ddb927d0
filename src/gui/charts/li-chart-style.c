/* SPDX-License-Identifier: GPL-3.0-or-later */
/* li-chart-style.c — what the chart widgets share: theme colours, small
 * text, and the plain shapes of their snapshots */

#define G_LOG_DOMAIN "LeadIntent"

#include "config.h"

#include "li-chart-style.h"

void
li_chart_measure (GtkOrientation  orientation,
                  int             min_width,
                  int             nat_width,
                  int             min_height,
                  int             nat_height,
                  int            *minimum,
                  int            *natural)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = min_width;
      *natural = nat_width;
    }
  else
    {
      *minimum = min_height;
      *natural = nat_height;
    }
}

void
li_chart_lookup_color (GtkStyleContext *context,
                       const char      *name,
                       const char      *fallback,
                       GdkRGBA         *color)
{
  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

GdkRGBA
li_chart_fade (const GdkRGBA *color,
               double         factor)
{
  GdkRGBA faded = *color;

  faded.alpha *= factor;
  return faded;
}

PangoLayout *
li_chart_small_layout (GtkWidget  *widget,
                       const char *text,
                       gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

void
li_chart_layout_size (PangoLayout *layout,
                      double      *width,
                      double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

void
li_chart_append_layout (GtkSnapshot            *snapshot,
                        PangoLayout            *layout,
                        const graphene_point_t *pos,
                        const GdkRGBA          *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, pos);
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

void
li_chart_append_rounded (GtkSnapshot           *snapshot,
                         const graphene_rect_t *rect,
                         double                 radius,
                         const GdkRGBA         *color)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

void
li_chart_append_ring (GtkSnapshot           *snapshot,
                      const graphene_rect_t *rect,
                      double                 radius,
                      float                  width,
                      const GdkRGBA         *color)
{
  GskRoundedRect rounded;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
}

void
li_chart_append_grid (GtkSnapshot           *snapshot,
                      const graphene_rect_t *plot,
                      const double          *ys,
                      guint                  n_ys,
                      const GdkRGBA         *color)
{
  for (guint i = 0; i < n_ys; i++)
    gtk_snapshot_append_color (snapshot, color,
                               &GRAPHENE_RECT_INIT (plot->origin.x, ys[i] - 0.5, plot->size.width, 1));
}

void
li_chart_append_x_axis (GtkSnapshot           *snapshot,
                        const graphene_rect_t *plot,
                        const GdkRGBA         *color)
{
  gtk_snapshot_append_color (snapshot, color,
                             &GRAPHENE_RECT_INIT (plot->origin.x, plot->origin.y + plot->size.height - 1,
                                                  plot->size.width, 1));
}
