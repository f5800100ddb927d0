/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A small open-addressing map from 64-bit keys to slot numbers for the
 * scorer's per-lead state, inline because it is on the hot path. */

#include <glib.h>

G_BEGIN_DECLS

/* Open addressing map from 64-bit keys to slot numbers, cleared per lead by
 * walking the positions it used (a lead touches few keys). */
typedef struct
{
  guint64 *keys;   /* key + 1; 0 = empty */
  guint32 *vals;
  guint32 *used;
  guint32  n_used;
  guint32  mask;
} IdMap;

static inline void
_li_id_map_init (IdMap *map)
{
  map->mask = 63;
  map->keys = g_new0 (guint64, map->mask + 1);
  map->vals = g_new (guint32, map->mask + 1);
  map->used = g_new (guint32, map->mask + 1);
  map->n_used = 0;
}

static inline void
_li_id_map_clear (IdMap *map)
{
  for (guint32 u = 0; u < map->n_used; u++)
    map->keys[map->used[u]] = 0;
  map->n_used = 0;
}

static inline void
_li_id_map_destroy (IdMap *map)
{
  g_free (map->keys);
  g_free (map->vals);
  g_free (map->used);
}

static inline guint32
_li_id_map_pos (const IdMap *map,
                guint64      key)
{
  guint64 h = (key + 1) * 0x9E3779B97F4A7C15ull;
  guint32 pos = (guint32) (h >> 40) & map->mask;

  while (map->keys[pos] != 0 && map->keys[pos] != key + 1)
    pos = (pos + 1) & map->mask;
  return pos;
}

static inline void
_li_id_map_grow (IdMap *map)
{
  IdMap bigger;
  bigger.mask = map->mask * 2 + 1;
  bigger.keys = g_new0 (guint64, (gsize) bigger.mask + 1);
  bigger.vals = g_new (guint32, (gsize) bigger.mask + 1);
  bigger.used = g_new (guint32, (gsize) bigger.mask + 1);
  bigger.n_used = 0;
  for (guint32 u = 0; u < map->n_used; u++)
    {
      guint32 old = map->used[u];
      guint32 pos = _li_id_map_pos (&bigger, map->keys[old] - 1);
      bigger.keys[pos] = map->keys[old];
      bigger.vals[pos] = map->vals[old];
      bigger.used[bigger.n_used++] = pos;
    }
  _li_id_map_destroy (map);
  *map = bigger;
}

/* Returns the value slot of @key, inserting @init when absent. */
static inline guint32 *
_li_id_map_get (IdMap  *map,
                guint64 key,
                guint32 init)
{
  guint32 pos = _li_id_map_pos (map, key);

  if (map->keys[pos] == 0)
    {
      if ((map->n_used + 1) * 2 > map->mask)
        {
          _li_id_map_grow (map);
          pos = _li_id_map_pos (map, key);
        }
      map->keys[pos] = key + 1;
      map->vals[pos] = init;
      map->used[map->n_used++] = pos;
    }
  return &map->vals[pos];
}

G_END_DECLS
