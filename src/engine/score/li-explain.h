/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "li-plan.h"
#include "li-scorer.h"

G_BEGIN_DECLS

/* Why one lead has its score at a time (SPEC 4, `lead-intent-cli explain`):
 * the part of every intent rule, pattern and fit rule, and the points each
 * of the lead's events added. */

typedef enum
{
  LI_EXPLAIN_INTENT,
  LI_EXPLAIN_PATTERNS,
  LI_EXPLAIN_FIT,
} LiExplainSection;

/* Where a fit rule's value comes from (SPEC 4). */
typedef enum
{
  LI_FIT_SOURCE_EVENT,
  LI_FIT_SOURCE_LEADS,
  LI_FIT_SOURCE_MISSING,
} LiFitSource;

/* One intent rule, pattern or fit rule, in rule-file order. */
typedef struct
{
  LiExplainSection section;
  guint            index;         /* in its section of the rule file */
  char            *name;          /* event, pattern name or attribute */
  double           contribution;  /* after the cap */
  double           raw;           /* before it */
  guint            count;         /* matching events, firings, or 1/0 for fit */
  char            *value;         /* fit: the value used, NULL when missing */
  LiFitSource      source;        /* fit */
} LiRulePart;

/* The points one intent rule or pattern firing added at an event, before
 * decay. */
typedef struct
{
  LiExplainSection section;  /* intent or patterns */
  guint            index;
  double           points;
} LiEventPoints;

typedef struct
{
  guint32  event;       /* index in the store */
  gboolean outcome;     /* an outcome event: intent and patterns start again */
  guint    first;       /* its points: points[first, first + n_points) */
  guint    n_points;
} LiEventPart;

typedef struct
{
  LiEventStore  *store;     /* holds the events' names and properties */
  char          *lead_id;
  gint64         as_of_ms;
  LiScore        score;
  char          *stage;
  LiRulePart    *rules;     /* intent rules, patterns, fit rules */
  guint          n_rules;
  LiEventPart   *events;    /* the lead's events up to as_of_ms */
  guint          n_events;
  LiEventPoints *points;
  guint          n_points;
} LiExplanation;

#define LI_EXPLAIN_ERROR (li_explain_error_quark ())
typedef enum
{
  LI_EXPLAIN_ERROR_UNKNOWN_LEAD,
  LI_EXPLAIN_ERROR_NO_EVENTS,  /* none at or before the time */
} LiExplainError;

GQuark         li_explain_error_quark (void);

/* @plan from li_plan_new_explained.  Events after the lead's last outcome
 * at or before @as_of_ms add the points (SPEC 4: an outcome resets intent
 * and patterns); the events before it are listed without points. */
LiExplanation *li_explain_lead        (const LiPlan        *plan,
                                       const char          *lead_id,
                                       gint64               as_of_ms,
                                       GError             **error);
void           li_explanation_free    (LiExplanation       *explanation);

/* SPEC 7's object; the shape of `points` is in docs/decisions.md. */
JsonNode      *li_explanation_to_json (const LiExplanation *explanation);
/* The readable report of `lead-intent-cli explain`. */
char          *li_explanation_to_text (const LiExplanation *explanation);

const char    *li_explain_section_to_string (LiExplainSection section);
const char    *li_fit_source_to_string      (LiFitSource      source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiExplanation, li_explanation_free)

G_END_DECLS
