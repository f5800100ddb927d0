/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers the chart widgets share: theme colours (css_changed), small
 * tabular-figure text (size_allocate) and the shapes and text they append
 * in snapshot.  Not a class: plain functions over GTK objects. */

/* The size request of a chart that does not depend on @for_size. */
void         li_chart_measure        (GtkOrientation          orientation,
                                      int                     min_width,
                                      int                     nat_width,
                                      int                     min_height,
                                      int                     nat_height,
                                      int                    *minimum,
                                      int                    *natural);

/* The named colour of the theme, or @fallback (a gdk_rgba_parse() string). */
void         li_chart_lookup_color   (GtkStyleContext        *context,
                                      const char             *name,
                                      const char             *fallback,
                                      GdkRGBA                *color);

/* @color with its alpha multiplied by @factor. */
GdkRGBA      li_chart_fade           (const GdkRGBA          *color,
                                      double                  factor);

/* A layout of @text in @widget's font, small and with tabular figures. */
PangoLayout *li_chart_small_layout   (GtkWidget              *widget,
                                      const char             *text,
                                      gboolean                bold);
/* The pixel size of @layout; either out argument may be NULL. */
void         li_chart_layout_size    (PangoLayout            *layout,
                                      double                 *width,
                                      double                 *height);

/* @layout with its top left corner at @pos. */
void         li_chart_append_layout  (GtkSnapshot            *snapshot,
                                      PangoLayout            *layout,
                                      const graphene_point_t *pos,
                                      const GdkRGBA          *color);
/* @rect filled, with rounded corners. */
void         li_chart_append_rounded (GtkSnapshot            *snapshot,
                                      const graphene_rect_t  *rect,
                                      double                  radius,
                                      const GdkRGBA          *color);
/* A border of @width inside @rect, with rounded corners. */
void         li_chart_append_ring    (GtkSnapshot            *snapshot,
                                      const graphene_rect_t  *rect,
                                      double                  radius,
                                      float                   width,
                                      const GdkRGBA          *color);
/* A one-pixel horizontal line across @plot, centred on each y of @ys. */
void         li_chart_append_grid    (GtkSnapshot            *snapshot,
                                      const graphene_rect_t  *plot,
                                      const double           *ys,
                                      guint                   n_ys,
                                      const GdkRGBA          *color);
/* The x axis: a one-pixel line along the bottom of @plot. */
void         li_chart_append_x_axis  (GtkSnapshot            *snapshot,
                                      const graphene_rect_t  *plot,
                                      const GdkRGBA          *color);

G_END_DECLS
