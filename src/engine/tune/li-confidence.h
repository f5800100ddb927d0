/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "li-replay.h"
#include "li-rules.h"

G_BEGIN_DECLS

/* Below this many converters a stage's precision and recall are too
 * uncertain to judge a rule change by. */
#define LI_CONFIDENCE_MIN_CONVERTERS 30

typedef struct
{
  double precision_low, precision_high;  /* Wilson 95 %, NaN when null */
  double recall_low, recall_high;
  gboolean few_converters;  /* true positives < LI_CONFIDENCE_MIN_CONVERTERS */
  gboolean too_late;        /* median hours to outcome < follow-up minutes */
} LiStageConfidence;

/* One entry per stage of @result.  @rules (may be NULL) gives the stages'
 * follow-up minutes. */
LiStageConfidence *li_confidence_compute (const LiReplayResult *result,
                                          const LiRules        *rules);
/* The warnings of one stage as sentences (NULL-terminated). */
GStrv              li_confidence_warnings (const LiReplayResult    *result,
                                           const LiRules           *rules,
                                           guint                    stage,
                                           const LiStageConfidence *c);
/* {"stages": [{"name", "precision_interval": [lo, hi], "recall_interval",
 * "warnings": […]}]} (docs/tuning.md). */
JsonNode          *li_confidence_to_json  (const LiReplayResult *result,
                                           const LiRules        *rules);
/* The same as lines of text (empty when no stage warns). */
char              *li_confidence_to_text  (const LiReplayResult *result,
                                           const LiRules        *rules);

G_END_DECLS
