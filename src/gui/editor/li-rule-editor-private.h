/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "li-rule-editor.h"

G_BEGIN_DECLS

/* The parts of a rule set the rows edit. */
typedef enum
{
  LI_FIELD_POINTS,
  LI_FIELD_CAP,
  LI_FIELD_DECAY,
  LI_FIELD_WHERE,
  LI_FIELD_NAME,
  LI_FIELD_KIND,
  LI_FIELD_ENABLED,
  LI_FIELD_COUNT,     /* min_count / min_distinct / min_days */
  LI_FIELD_WITHIN,    /* within_hours / within_days */
  LI_FIELD_EVENTS,
  LI_FIELD_ATTRIBUTE,
  LI_FIELD_OP,
  LI_FIELD_VALUE,
  LI_FIELD_MIN_SCORE,
  LI_FIELD_MIN_INTENT,
  LI_FIELD_MIN_FIT,
  LI_FIELD_CHANNEL,
  LI_FIELD_FOLLOW_UP,
} LiField;

G_END_DECLS
