/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rules.c: parsing, validation, saving of rule files (SPEC 3). */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "li-rules.h"
#include "li-rules-parse.h"
#include "li-rules-validate.h"
#include "li-rules-write.h"
#include "li-problem.h"
#include "li-number.h"
#include "li-json-writer.h"

#define HEAD "'format': 'lead-intent-rules', 'format_version': 1, "
#define COLD "'stages': [{'name': 'cold'}]"

static const char * const gen_fixtures[] = {
  "gen-1-a.json", "gen-1-b.json", "gen-2-a.json", "gen-2-b.json", "gen-3-a.json",
  "gen-3-b.json", "gen-4-a.json", "gen-4-b.json", "gen-5-a.json", "gen-5-b.json",
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "rules", name, NULL);
}

/* JSON written with single quotes, to keep the tables readable. */
static char *
json_doc (const char *text)
{
  char *doc = g_strdup (text);

  g_strdelimit (doc, "'", '"');
  return doc;
}

/* All problems as "path: message" lines ("warning: " in front of warnings). */
static char *
problems_to_string (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = li_problem_to_string (g_ptr_array_index (problems, i));

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
problems_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
}

static LiRules *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  LiRules *rules = li_rules_from_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

/* ------------------------------------------------------------------ validation table */

typedef struct
{
  const char *doc;       /* single-quoted JSON */
  const char *expected;  /* the problems, one a line */
} ValidationCase;

static const ValidationCase validation_cases[] = {
  /* header */
  { "{'format': 'other', 'format_version': 1, " COLD "}",
    "format: expected \"lead-intent-rules\"" },
  { "{'format': 7, 'format_version': 1, " COLD "}",
    "format: expected \"lead-intent-rules\"" },
  { "{" COLD "}",
    "warning: format: missing (expected \"lead-intent-rules\")\n"
    "warning: format_version: missing (assuming 1)" },
  { "{'format': 'lead-intent-rules', 'format_version': 2, " COLD "}",
    "format_version: unsupported format_version 2" },
  { "{'format': 'lead-intent-rules', 'format_version': 0, " COLD "}",
    "format_version: unsupported format_version 0" },
  { "{'format': 'lead-intent-rules', 'format_version': '1', " COLD "}",
    "format_version: expected an integer" },
  { "{'format': 'lead-intent-rules', 'format_version': 1.5, " COLD "}",
    "format_version: expected an integer" },
  { "{'format': 'lead-intent-rules', 'format_version': 1.0, " COLD "}", "" },
  { "[1, 2]", "expected a JSON object" },
  { "'text'", "expected a JSON object" },
  { "{" HEAD "'name': 5, 'description': ['x'], " COLD "}",
    "name: expected a string\n"
    "description: expected a string" },

  /* outcome */
  { "{" HEAD "'outcome': {'event': '', 'window_days': 0}, " COLD "}",
    "outcome.event: must not be empty\n"
    "outcome.window_days: must be > 0" },
  { "{" HEAD "'outcome': {'event': 3, 'window_days': 'x'}, " COLD "}",
    "outcome.event: expected a string\n"
    "outcome.window_days: expected a number" },
  { "{" HEAD "'outcome': {'window_days': -2.5}, " COLD "}",
    "outcome.window_days: must be > 0" },
  { "{" HEAD "'outcome': 3, " COLD "}", "outcome: expected an object" },

  /* decay */
  { "{" HEAD "'decay': {'model': 'foo'}, " COLD "}", "decay.model: unknown decay model \"foo\"" },
  { "{" HEAD "'decay': {'model': 1}, " COLD "}", "decay.model: expected a string" },
  { "{" HEAD "'decay': {}, " COLD "}", "decay.model: required" },
  { "{" HEAD "'decay': 'none', " COLD "}", "decay: expected an object" },
  { "{" HEAD "'decay': {'model': 'exponential'}, " COLD "}", "decay.half_life_days: required" },
  { "{" HEAD "'decay': {'model': 'exponential', 'half_life_days': 0}, " COLD "}",
    "decay.half_life_days: must be > 0" },
  { "{" HEAD "'decay': {'model': 'window', 'days': -1}, " COLD "}", "decay.days: must be > 0" },
  { "{" HEAD "'decay': {'model': 'linear', 'days': 'x'}, "
    COLD "}", "decay.days: expected a number" },
  { "{" HEAD "'decay': {'model': 'linear'}, " COLD "}", "decay.days: required" },
  { "{" HEAD "'decay': {'model': 'window', 'half_life_days': 3}, " COLD "}",
    "decay.days: required\n"
    "warning: decay.half_life_days: not used with model \"window\"" },
  { "{" HEAD "'decay': {'model': 'none', 'days': 3, 'note': 1}, " COLD "}",
    "warning: decay.days: not used with model \"none\"\n"
    "warning: decay.note: unknown key" },

  /* intent */
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1}, {'event': 'b', 'points': 2}, "
    "{'event': 'c', 'points': '5'}], " COLD "}",
    "intent[2].points: expected a number" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': true}, {'event': 'b', 'points': null}], "
    COLD "}",
    "intent[0].points: expected a number\n"
    "intent[1].points: expected a number" },
  { "{" HEAD "'intent': [{'points': 1}, {'event': 'a'}, {'event': '', 'points': 1}], " COLD "}",
    "intent[0].event: required\n"
    "intent[1].points: required\n"
    "intent[2].event: must not be empty" },
  { "{" HEAD "'intent': [{'event': 7, 'points': 1}], "
    COLD "}", "intent[0].event: expected a string" },
  { "{" HEAD "'intent': [{'event': 'purchase', 'points': 1}], " COLD "}",
    "intent[0].event: uses the outcome event \"purchase\" (it would leak the outcome into the "
    "score)" },
  { "{" HEAD "'outcome': {'event': 'order'}, 'intent': [{'event': 'purchase', 'points': 1}, "
    "{'event': 'order', 'points': 1}], " COLD "}",
    "intent[1].event: uses the outcome event \"order\" (it would leak the outcome into the "
    "score)" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1}, {'event': 'email_click', 'points': 1, "
    "'where': {'link': 5}}], " COLD "}",
    "intent[1].where.link: expected a string or an array of strings" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1, 'where': {'link': ['x', 2], 'channel': {}}}], "
    COLD "}",
    "intent[0].where.link: expected a string or an array of strings\n"
    "intent[0].where.channel: expected a string or an array of strings" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1, 'where': {'link': []}}], " COLD "}",
    "intent[0].where.link: must not be empty" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1, 'where': 'link'}], " COLD "}",
    "intent[0].where: expected an object" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1, 'where': {}}], " COLD "}", "" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1, 'max_points': 0}, "
    "{'event': 'b', 'points': 1, 'max_points': -3}, {'event': 'c', 'points': 1, 'max_points': "
    "'x'}], " COLD "}",
    "intent[0].max_points: must be > 0\n"
    "intent[1].max_points: must be > 0\n"
    "intent[2].max_points: expected a number" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': -2.5, 'max_points': 0.5}], " COLD "}", "" },
  { "{" HEAD "'intent': {}, " COLD "}", "intent: expected an array" },
  { "{" HEAD "'intent': [5, {'event': 'a', 'points': 1}], "
    COLD "}", "intent[0]: expected an object" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1, 'decay': {'model': 'linear'}}], " COLD "}",
    "intent[0].decay.days: required" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1, 'decay': {'model': 'exponential', "
    "'half_life_days': -1}}], " COLD "}",
    "intent[0].decay.half_life_days: must be > 0" },
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1, 'colour': 'red', 'decay': {'model': 'none', "
             "'x': 1}}], " COLD "}",
    "warning: intent[0].decay.x: unknown key\n"
    "warning: intent[0].colour: unknown key" },

  /* patterns */
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'repeat_product', 'min_count': 0, 'within_hours': "
             "0, "
    "'points': 1}], " COLD "}",
    "patterns[0].min_count: must be >= 1\n"
    "patterns[0].within_hours: must be > 0" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'repeat_product', 'min_count': 2.5, "
    "'within_hours': 'x', 'points': 1}], " COLD "}",
    "patterns[0].min_count: expected an integer\n"
    "patterns[0].within_hours: expected a number" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'repeat_product', 'min_count': -4, "
    "'within_hours': 1, 'points': 1}], " COLD "}",
    "patterns[0].min_count: must be >= 1" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'repeat_product', 'min_count': 3.0, "
    "'within_hours': 1, 'points': 1}], " COLD "}", "" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'repeat_product', 'points': 1}], " COLD "}",
    "patterns[0].min_count: required\n"
    "patterns[0].within_hours: required" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'category_focus', 'min_distinct': 0, "
    "'within_hours': 2, 'points': 1}], " COLD "}",
    "patterns[0].min_distinct: must be >= 1" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'return_days', 'min_days': 0, 'within_days': -1, "
    "'points': 1}], " COLD "}",
    "patterns[0].min_days: must be >= 1\n"
    "patterns[0].within_days: must be > 0" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'return_days', 'points': 1}], " COLD "}",
    "patterns[0].min_days: required\n"
    "patterns[0].within_days: required" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'sequence', 'events': ['a'], 'within_hours': 1, "
    "'points': 1}], " COLD "}",
    "patterns[0].events: needs at least two events" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'sequence', 'events': ['a', 'b'], 'within_hours': "
             "1, "
    "'points': 1}, {'name': 'q', 'kind': 'sequence', 'events': ['a', 3], 'within_hours': 1, "
    "'points': 1}], " COLD "}",
    "patterns[1].events[1]: expected a string" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'sequence', 'events': 'a', 'within_hours': 1, "
    "'points': 1}], " COLD "}",
    "patterns[0].events: expected an array of event names" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'sequence', 'events': ['a', ''], 'within_hours': "
             "1, "
    "'points': 1}], " COLD "}",
    "patterns[0].events[1]: must not be empty" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'sequence', 'within_hours': 1, 'points': 1}], "
    COLD "}",
    "patterns[0].events: required" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'sequence', 'events': ['add_to_cart', "
             "'purchase'], "
    "'within_hours': 1, 'points': 1}], " COLD "}",
    "patterns[0].events[1]: uses the outcome event \"purchase\" (it would leak the outcome into "
    "the score)" },
  { "{" HEAD "'outcome': {'event': 'product_view'}, 'patterns': ["
    "{'name': 'p', 'kind': 'repeat_product', 'min_count': 2, 'within_hours': 1, 'points': 1}, "
    "{'name': 'q', 'kind': 'category_focus', 'min_distinct': 2, 'within_hours': 1, 'points': 1}, "
    "{'name': 'r', 'kind': 'return_days', 'min_days': 2, 'within_days': 1, 'points': 1}], "
    COLD "}",
    "patterns[0].kind: uses the outcome event \"product_view\" (it would leak the outcome into the "
    "score)\n"
    "patterns[1].kind: uses the outcome event \"product_view\" (it would leak the outcome into the "
    "score)" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'foo', 'min_count': 2, 'points': 1}], " COLD "}",
    "patterns[0].kind: unknown pattern kind \"foo\"" },
  { "{" HEAD "'patterns': [{'min_count': 2, 'within_hours': 1}], " COLD "}",
    "patterns[0].name: required\n"
    "patterns[0].kind: required\n"
    "patterns[0].points: required" },
  { "{" HEAD "'patterns': [{'name': '', 'kind': 'return_days', 'min_days': 2, 'within_days': 1, "
    "'points': 1, 'enabled': 'no'}], " COLD "}",
    "patterns[0].enabled: expected true or false\n"
    "patterns[0].name: must not be empty" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'return_days', 'min_days': 2, 'within_days': 1, "
             "'points': 1}, "
    "{'name': 'p', 'kind': 'return_days', 'min_days': 3, 'within_days': 1, 'points': 1}], "
    COLD "}",
    "warning: patterns[1].name: duplicate pattern name \"p\"" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'repeat_product', 'min_count': 2, 'within_hours': "
             "1, "
    "'points': 1, 'events': ['a', 'b'], 'within_days': 2, 'shade': 1}], " COLD "}",
    "warning: patterns[0].events: not used with kind \"repeat_product\"\n"
    "warning: patterns[0].within_days: not used with kind \"repeat_product\"\n"
    "warning: patterns[0].shade: unknown key" },
  { "{" HEAD "'patterns': [{'name': 'p', 'kind': 'repeat_product', 'min_count': 2, 'within_hours': "
             "1, "
    "'points': 1, 'max_points': 0, 'decay': {'model': 'window'}}], " COLD "}",
    "patterns[0].max_points: must be > 0\n"
    "patterns[0].decay.days: required" },

  /* fit */
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'foo', 'value': 1, 'points': 1}], " COLD "}",
    "fit[0].op: unknown operator \"foo\"" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'points': 1}], " COLD "}", "fit[0].op: required" },
  { "{" HEAD "'fit': [{'op': 'exists'}], " COLD "}",
    "fit[0].attribute: required\n"
    "fit[0].points: required" },
  { "{" HEAD "'fit': [{'attribute': '', 'op': 'exists', 'points': 1}], " COLD "}",
    "fit[0].attribute: must not be empty" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'eq', 'points': 1}], "
    COLD "}", "fit[0].value: required" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'ne', 'value': true, 'points': 1}], " COLD "}",
    "fit[0].value: expected a string or a number" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'in', 'values': [], 'points': 1}], " COLD "}",
    "fit[0].values: must not be empty" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'not_in', 'values': 'US', 'points': 1}], " COLD "}",
    "fit[0].values: expected an array" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'in', 'values': ['US', {}], 'points': 1}], "
    COLD "}",
    "fit[0].values[1]: expected a string or a number" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'in', 'value': 'US', 'points': 1}], " COLD "}",
    "fit[0].values: required\n"
    "warning: fit[0].value: not used with op \"in\"" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'gt', 'value': '100', 'points': 1}], " COLD "}",
    "fit[0].value: expected a number" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'lte', 'points': 1}], "
    COLD "}", "fit[0].value: required" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'between', 'values': [1], 'points': 1}], " COLD "}",
    "fit[0].values: expected [low, high]" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'between', 'values': [5, 1], 'points': 1}], "
    COLD "}",
    "fit[0].values: low must be <= high" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'between', 'values': [1, 'x'], 'points': 1}], "
    COLD "}",
    "fit[0].values[1]: expected a number" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'between', 'values': [1, 1], 'points': 1}], "
    COLD "}", "" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'exists', 'value': 'x', 'points': 1}], " COLD "}",
    "warning: fit[0].value: not used with op \"exists\"" },
  { "{" HEAD "'fit': [{'attribute': 'a', 'op': 'missing', 'points': 'x'}, "
    "{'attribute': 'b', 'op': 'gte', 'value': 1, 'points': 1}, {'attribute': 'c', 'op': 'gte', "
    "'points': 1}, "
    "{'attribute': 'd', 'op': 'in', 'values': ['a', null], 'points': 1}], " COLD "}",
    "fit[0].points: expected a number\n"
    "fit[2].value: required\n"
    "fit[3].values[1]: expected a string or a number" },

  /* limits (docs/rules-format.md): nothing a sum can overflow on */
  { "{" HEAD "'intent': [{'event': 'a', 'points': 1e308}, {'event': 'b', 'points': -1000000001},"
    " {'event': 'c', 'points': 1000000000, 'max_points': 1e300}], " COLD "}",
    "intent[0].points: must be between -1000000000 and 1000000000\n"
    "intent[1].points: must be between -1000000000 and 1000000000\n"
    "intent[2].max_points: must be at most 1e+09" },
  { "{" HEAD "'outcome': {'window_days': 1e6}, 'decay': {'model': 'linear', 'days': 36501}, "
    "'patterns': [{'name': 'p', 'kind': 'repeat_product', 'min_count': 2000000, "
    "'within_hours': 1e9, 'points': 1}], "
    "'stages': [{'name': 'hot', 'min_score': 2e9, 'follow_up_minutes': 1e12}, {'name': 'cold'}]}",
    "outcome.window_days: must be at most 36500\n"
    "decay.days: must be at most 36500\n"
    "patterns[0].min_count: must be at most 1000000\n"
    "patterns[0].within_hours: must be at most 876000\n"
    "stages[0].min_score: must be between -1000000000 and 1000000000\n"
    "stages[0].follow_up_minutes: must be at most 5.256e+07" },
  { "{" HEAD "'patterns': [{'name': 's', 'kind': 'sequence', 'events': ['a', 'b', 'c', 'd', "
    "'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q'], 'within_hours': 1, "
    "'points': 1}], " COLD "}",
    "patterns[0].events: more than 16 events" },

  /* stages */
  { "{" HEAD "'name': 'x'}", "stages: required" },
  { "{" HEAD "'stages': []}", "stages: must have at least one stage" },
  { "{" HEAD "'stages': {}}", "stages: expected an array" },
  { "{" HEAD "'stages': [{'name': 'hot', 'min_score': 5}]}",
    "stages[0]: the last stage must have no condition" },
  { "{" HEAD "'stages': [{'name': 'hot', 'min_score': 5}, {'name': 'cold', 'min_fit': 0}]}",
    "stages[1]: the last stage must have no condition" },
  { "{" HEAD "'stages': [{'name': 'hot', 'min_score': 5}, {'name': 'hot'}]}",
    "stages[1].name: duplicate stage name \"hot\"" },
  { "{" HEAD "'stages': [{'name': 'hot', 'min_score': 60}, {'name': 'warm', 'min_score': 30}, "
    "{'name': 'hot', 'min_score': 10}, {'name': 'cold', 'min_intent': 1}]}",
    "stages[2].name: duplicate stage name \"hot\"\n"
    "stages[3]: the last stage must have no condition" },
  { "{" HEAD "'stages': [{'min_score': 5}, {'name': ''}]}",
    "stages[0].name: required\n"
    "stages[1].name: must not be empty" },
  { "{" HEAD "'stages': [{'name': 'hot', 'min_score': 'x', 'min_intent': null, 'min_fit': []}, "
             "{'name': 'cold'}]}",
    "stages[0].min_score: expected a number\n"
    "stages[0].min_intent: expected a number\n"
    "stages[0].min_fit: expected a number" },
  { "{" HEAD "'stages': [{'name': 'cold', 'min_score': 'x'}]}",
    "stages[0].min_score: expected a number\n"
    "stages[0]: the last stage must have no condition" },
  { "{" HEAD "'stages': [{'name': 'hot', 'min_score': 1, 'follow_up_minutes': -1, 'channel': 5}, "
    "{'name': 'cold', 'follow_up_minutes': 'soon'}]}",
    "stages[0].channel: expected a string\n"
    "stages[0].follow_up_minutes: must be >= 0\n"
    "stages[1].follow_up_minutes: expected a number" },
  { "{" HEAD "'stages': [{'name': 'hot', 'min_score': -5, 'follow_up_minutes': 0}, {'name': "
             "'cold'}]}", "" },
  { "{" HEAD "'stages': [{'name': 'a'}, {'name': 'b', 'min_score': 1}, {'name': 'c'}]}",
    "warning: stages[1]: stage is unreachable\n"
    "warning: stages[2]: stage is unreachable" },
  /* a colder stage whose conditions imply a hotter one's is never chosen */
  { "{" HEAD "'stages': [{'name': 'warm', 'min_score': 5}, {'name': 'hot', 'min_score': 10}, "
             "{'name': 'cold'}]}",
    "warning: stages[1]: stage is unreachable: stage \"warm\" above it catches every lead that "
    "meets its conditions" },
  { "{" HEAD "'stages': [{'name': 'a', 'min_score': 5}, {'name': 'b', 'min_score': 5}, "
             "{'name': 'c', 'min_score': -5}, {'name': 'd', 'min_score': -3}, {'name': 'e'}]}",
    "warning: stages[1]: stage is unreachable: stage \"a\" above it catches every lead that "
    "meets its conditions\n"
    "warning: stages[3]: stage is unreachable: stage \"c\" above it catches every lead that "
    "meets its conditions" },
  { "{" HEAD "'stages': [{'name': 'hot', 'min_score': 10}, {'name': 'warm', 'min_score': 5}, "
             "{'name': 'cold'}]}", "" },
  { "{" HEAD "'stages': [{'name': 'a', 'min_score': 5, 'min_fit': 0}, {'name': 'b', 'min_score': 10}, "
             "{'name': 'c', 'min_intent': 5}, {'name': 'd', 'min_fit': 2}, {'name': 'e'}]}", "" },
  { "{" HEAD "'stages': [{'name': 'a', 'min_intent': 5, 'min_fit': 1}, "
             "{'name': 'b', 'min_intent': 6, 'min_fit': 1, 'min_score': 100}, "
             "{'name': 'c', 'min_score': 1}, {'name': 'd'}]}",
    "warning: stages[1]: stage is unreachable: stage \"a\" above it catches every lead that "
    "meets its conditions" },
  { "{" HEAD "'stages': [{'name': 'a', 'min_score': 5}, {'name': 'b', 'min_score': 10}, "
             "{'name': 'c'}, {'name': 'd', 'min_score': 1}, {'name': 'e'}]}",
    "warning: stages[1]: stage is unreachable: stage \"a\" above it catches every lead that "
    "meets its conditions\n"
    "warning: stages[3]: stage is unreachable\n"
    "warning: stages[4]: stage is unreachable" },
  { "{" HEAD "'stages': [{'name': '', 'min_score': 5}, {'name': 'b', 'min_score': 10}, "
             "{'name': 'c'}]}",
    "stages[0].name: must not be empty\n"
    "warning: stages[1]: stage is unreachable: a stage above it catches every lead that meets "
    "its conditions" },
  { "{" HEAD "'stages': [{'name': 'a', 'min_score': 'x'}, {'name': 'b', 'min_score': 10}, "
             "{'name': 'c'}]}",
    "stages[0].min_score: expected a number" },
  { "{" HEAD "'stages': [5, {'name': 'cold'}]}", "stages[0]: expected an object" },
  { "{" HEAD "'stages': [{'name': 'hot', 'min_score': 1, 'colour': 'red'}, {'name': 'cold'}]}",
    "warning: stages[0].colour: unknown key" },

  /* unknown keys elsewhere, and every problem at once */
  { "{" HEAD "'owner': 'x', 'outcome': {'event': 'purchase', 'team': 1}, " COLD "}",
    "warning: owner: unknown key\n"
    "warning: outcome.team: unknown key" },
  { "{'format': 'other', 'format_version': 3, 'outcome': {'window_days': 0}, "
    "'decay': {'model': 'exponential', 'half_life_days': 0}, "
    "'intent': [{'event': 'purchase', 'points': 'x'}], "
    "'patterns': [{'name': 'p', 'kind': 'sequence', 'events': ['purchase'], 'within_hours': 0, "
    "'points': 1}], "
    "'fit': [{'attribute': 'a', 'op': 'between', 'values': [2, 1], 'points': 1}], "
    "'stages': [{'name': 'hot', 'min_score': 1}, {'name': 'hot', 'min_score': 1}]}",
    "format: expected \"lead-intent-rules\"\n"
    "format_version: unsupported format_version 3\n"
    "outcome.window_days: must be > 0\n"
    "decay.half_life_days: must be > 0\n"
    "intent[0].points: expected a number\n"
    "intent[0].event: uses the outcome event \"purchase\" (it would leak the outcome into the "
    "score)\n"
    "patterns[0].events[0]: uses the outcome event \"purchase\" (it would leak the outcome into "
    "the score)\n"
    "patterns[0].events: needs at least two events\n"
    "patterns[0].within_hours: must be > 0\n"
    "fit[0].values: low must be <= high\n"
    "stages[1].name: duplicate stage name \"hot\"\n"
    "stages[1]: the last stage must have no condition" },
};

/* Lists and names beyond their limits get one problem each, and the items
 * of an oversized list are not read (so its checks stay bounded). */
static void
test_rules_limits (void)
{
  g_autoptr(GString) doc = g_string_new ("{\"format\": \"lead-intent-rules\", "
                                         "\"format_version\": 1, \"stages\": [");
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) rules = NULL;
  g_autofree char *long_name = g_strnfill (257, 'x');
  g_autofree char *found = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (doc, "{\"name\": \"s%u\", \"min_score\": %u}, ", i, i);
  g_string_append (doc, "{\"name\": \"cold\"}]}");
  rules = li_rules_from_data (doc->str, -1, problems, &error);
  g_assert_null (rules);
  g_assert_cmpstr (error->message, ==, "stages: more than 32 items");
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_error (&error);
  g_ptr_array_set_size (problems, 0);

  g_string_printf (doc, "{\"format\": \"lead-intent-rules\", \"format_version\": 1, "
                   "\"intent\": [{\"event\": \"%s\", \"points\": 1, "
                   "\"where\": {\"link\": [\"a\", \"%s\"]}}], "
                   "\"stages\": [{\"name\": \"%s\"}]}",
                   long_name, long_name, long_name);
  rules = li_rules_from_data (doc->str, -1, problems, &error);
  g_assert_null (rules);
  found = problems_to_string (problems);
  g_assert_cmpstr (found, ==, "intent[0].event: longer than 256 bytes\n"
                              "intent[0].where.link[1]: longer than 256 bytes\n"
                              "stages[0].name: longer than 256 bytes");
}

/* The fast path of li_number_as_printed agrees with the formatter. */
static void
test_number_as_printed (void)
{
  static const double edges[] = {
    0, -0.0, 0.0000005, -0.0000005, 0.0000015, 0.0000025, 1e-7, 60, 59.9999995,
    0.1 + 0.2, 1e9, -1e9 + 0.0000005, 4.5e9, 123456789.1234565, 1e300, -1e-300,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < G_N_ELEMENTS (edges) + 200000; i++)
    {
      double x = i < G_N_ELEMENTS (edges) ? edges[i]
                 : g_rand_double_range (rand, -1, 1) * pow (10, g_rand_int_range (rand, -8, 11));
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      double expected = g_ascii_strtod (g_ascii_formatd (buf, sizeof buf, "%.6f", x), NULL) + 0.0;
      double got = li_number_as_printed (x);

      if (memcmp (&got, &expected, sizeof got) != 0)
        g_error ("%.17g: %.17g, expected %.17g", x, got, expected);
    }
}

static void
test_rules_validation (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (validation_cases); i++)
    {
      const ValidationCase *c = &validation_cases[i];
      g_autofree char *doc = json_doc (c->doc);
      g_autoptr(GPtrArray) problems = problems_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(LiRules) rules = NULL;
      g_autofree char *found = NULL;
      gboolean has_error = FALSE;

      rules = li_rules_from_data (doc, -1, problems, &error);
      found = problems_to_string (problems);
      if (g_strcmp0 (found, c->expected) != 0)
        g_test_message ("case %u: %s", i, doc);
      g_assert_cmpstr (found, ==, c->expected);

      for (guint k = 0; k < problems->len; k++)
        {
          const LiProblem *problem = g_ptr_array_index (problems, k);

          if (problem->level == LI_PROBLEM_ERROR)
            {
              g_autofree char *first = li_problem_to_string (problem);

              /* the GError is the first error */
              g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
              g_assert_cmpstr (error->message, ==, first);
              has_error = TRUE;
              break;
            }
        }

      if (has_error)
        g_assert_null (rules);
      else
        {
          g_assert_no_error (error);
          g_assert_nonnull (rules);
          /* what loads cleanly validates cleanly, with the same warnings */
          {
            g_autoptr(GPtrArray) again = problems_new ();
            g_autofree char *again_text = NULL;

            g_assert_true (li_rules_validate (rules, again));
            again_text = problems_to_string (again);
            if (strstr (c->expected, "missing (") == NULL)
              g_assert_cmpstr (again_text, ==, c->expected);
          }
        }
    }
}

static void
test_rules_problems_optional (void)
{
  g_autofree char *doc = json_doc ("{" HEAD "'intent': [{'event': 'a', 'points': 'x'}], " COLD "}");
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) rules = li_rules_from_data (doc, -1, NULL, &error);

  g_assert_null (rules);
  g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "intent[0].points: expected a number");

  /* warnings only: rules, no error */
  {
    g_autofree char *warn = json_doc ("{" COLD "}");
    g_autoptr(LiRules) ok = li_rules_from_data (warn, -1, NULL, NULL);

    g_assert_nonnull (ok);
  }
}

static void
test_rules_problem_strings (void)
{
  g_autoptr(LiProblem) error = li_problem_new (LI_PROBLEM_ERROR, "intent[2].points", "expected a "
                                                                                     "number");
  g_autoptr(LiProblem) warning = li_problem_new (LI_PROBLEM_WARNING, "x", "unknown key");
  g_autoptr(LiProblem) root = li_problem_new (LI_PROBLEM_ERROR, "", "expected a JSON object");
  g_autofree char *a = li_problem_to_string (error);
  g_autofree char *b = li_problem_to_string (warning);
  g_autofree char *c = li_problem_to_string (root);

  g_assert_cmpstr (a, ==, "intent[2].points: expected a number");
  g_assert_cmpstr (b, ==, "warning: x: unknown key");
  g_assert_cmpstr (c, ==, "expected a JSON object");
}

/* ------------------------------------------------------------------ syntax */

static void
assert_parse_error (const char *data,
                    gssize      len,
                    const char *prefix)
{
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) rules = li_rules_from_data (data, len, problems, &error);

  g_assert_null (rules);
  g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_PARSE);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected \"%s…\", got \"%s\"", prefix, error->message);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((LiProblem *) g_ptr_array_index (problems, 0))->message, ==, error->message);
  g_assert_cmpint (((LiProblem *) g_ptr_array_index (problems, 0))->level, ==, LI_PROBLEM_ERROR);
}

static void
test_rules_syntax (void)
{
  g_autofree char *deep = NULL;
  GString *nested = g_string_new ("{\n\"stages\": ");

  assert_parse_error ("{\n  \"format\": \"lead-intent-rules\",\n  \"stages\": [\n  ,]\n}", -1,
                      "line 4, column 3: ");
  assert_parse_error ("{\"a\" 1}", -1, "line 1, column ");
  assert_parse_error ("", -1, "no JSON data");
  assert_parse_error ("   \n ", -1, "no JSON data");
  assert_parse_error ("{\"name\": \"\xff\"}", -1, "line 1, column 11: invalid UTF-8");
  assert_parse_error ("{\"stages\": []} trailing", -1, "line 1, column ");

  /* json-glib recurses: absurd nesting is refused up front, not a crash */
  for (int i = 0; i < 200000; i++)
    g_string_append_c (nested, '[');
  deep = g_string_free (nested, FALSE);
  assert_parse_error (deep, -1, "line 2, column 138: nested deeper than 128 levels");

  /* what json-glib accepts beyond JSON cannot hide nesting from the check:
   * comments and single-quoted strings are refused as they are */
  {
    g_autofree char *brackets = g_strnfill (100000, '[');
    g_autofree char *comment = g_strdup_printf ("{\"stages\": /* \" */ %s", brackets);
    g_autofree char *quoted = g_strdup_printf ("{\"stages\": ['\"', %s", brackets);
    g_autofree char *line_comment = g_strdup_printf ("{\"stages\": // \"\n%s", brackets);

    assert_parse_error (comment, -1, "line 1, column 12: unexpected character");
    assert_parse_error (quoted, -1, "line 1, column 13: unexpected character");
    assert_parse_error (line_comment, -1, "line 1, column 12: unexpected character");
  }

  /* integers beyond 2^53 would be inexact, beyond 2^63 json-glib wraps them */
  assert_parse_error ("{\"intent\": [{\"event\": \"a\", \"points\": 18446744073709551615}]}",
                      -1, "line 1, column 38: integer out of range");
  assert_parse_error ("{\"stages\": [{\"name\": \"hot\", \"min_score\": -9007199254740993}]}",
                      -1, "line 1, column 42: integer out of range");
  assert_parse_error ("{\"a\": 0x10}", -1, "line 1, column 8: expected ',' or");
  assert_parse_error ("{\"a\": 01}", -1, "line 1, column 7: invalid number");

  /* json-glib would turn a lone surrogate into invalid UTF-8, or leak on it */
  assert_parse_error ("{\"name\": \"\\ud800x\"}", -1, "line 1, column 11: lone surrogate");
  assert_parse_error ("{\"name\": \"\\ud800\\u0041\"}", -1, "line 1, column 11: lone surrogate");
  assert_parse_error ("{\"name\": \"\\udc00\"}", -1, "line 1, column 11: lone surrogate");
  /* json-glib would cut the text at \u0000 */
  assert_parse_error ("{\"i\\u0000ntent\": []}", -1, "line 1, column 5: \\u0000 is not allowed");
  /* numbers beyond the doubles would be read as infinity */
  assert_parse_error ("{\"intent\": [{\"event\": \"a\", \"points\": 1e400}]}", -1,
                      "line 1, column 38: number out of range");
  /* and would take the first of several values */
  assert_parse_error ("{\"stages\": []}[]", -1, "line 1, column 15: unexpected data");

  /* brackets inside strings do not count */
  {
    g_autofree char *brackets = g_strnfill (1000, '[');
    g_autofree char *doc = g_strdup_printf ("{\"format\": \"lead-intent-rules\", "
                                            "\"format_version\": 1, "
                                            "\"name\": \"%s\\\"[\", \"stages\": [{\"name\": "
                                            "\"cold\"}]}",
                                            brackets);
    g_autoptr(GError) error = NULL;
    g_autoptr(LiRules) rules = li_rules_from_data (doc, -1, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_suffix (rules->name, "[\"["));
  }

  /* explicit length: only that much is read */
  {
    const char *doc = "{\"stages\": [{\"name\": \"cold\"}]}garbage";
    g_autoptr(GError) error = NULL;
    gssize len = strlen (doc) - strlen ("garbage");
    g_autoptr(LiRules) rules = li_rules_from_data (doc, len, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (rules);
  }
}

/* ------------------------------------------------------------------ defaults */

static const char new_rules_text[] =
  "{\n"
  "  \"format\": \"lead-intent-rules\",\n"
  "  \"format_version\": 1,\n"
  "  \"outcome\": {\n"
  "    \"event\": \"purchase\",\n"
  "    \"window_days\": 14\n"
  "  },\n"
  "  \"decay\": {\n"
  "    \"model\": \"none\"\n"
  "  },\n"
  "  \"intent\": [],\n"
  "  \"patterns\": [],\n"
  "  \"fit\": [],\n"
  "  \"stages\": [\n"
  "    {\n"
  "      \"name\": \"cold\"\n"
  "    }\n"
  "  ]\n"
  "}\n";

static void
test_rules_defaults (void)
{
  g_autoptr(LiRules) fresh = li_rules_new ();
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autofree char *doc = json_doc ("{" HEAD "'stages': [{'name': 'cold'}], "
                                   "'patterns': [{'name': 'p', 'kind': 'return_days', 'min_days': "
                                   "2, "
                                   "'within_days': 1, 'points': 1}]}");
  g_autoptr(LiRules) parsed = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  g_assert_cmpstr (fresh->outcome_event, ==, "purchase");
  g_assert_cmpfloat (fresh->window_days, ==, 14);
  g_assert_cmpint (fresh->decay.model, ==, LI_DECAY_NONE);
  g_assert_null (fresh->name);
  g_assert_null (fresh->description);
  g_assert_cmpuint (fresh->n_intent, ==, 0);
  g_assert_cmpuint (fresh->n_patterns, ==, 0);
  g_assert_cmpuint (fresh->n_fit, ==, 0);
  g_assert_cmpuint (fresh->n_stages, ==, 1);
  g_assert_cmpstr (fresh->stages[0].name, ==, "cold");
  g_assert_true (li_rules_validate (fresh, problems));
  g_assert_cmpuint (problems->len, ==, 0);

  text = li_rules_to_data (fresh, &len);
  g_assert_cmpstr (text, ==, new_rules_text);
  g_assert_cmpuint (len, ==, strlen (new_rules_text));

  parsed = li_rules_from_data (doc, -1, NULL, NULL);
  g_assert_nonnull (parsed);
  g_assert_cmpstr (parsed->outcome_event, ==, "purchase");
  g_assert_cmpfloat (parsed->window_days, ==, 14);
  g_assert_cmpint (parsed->decay.model, ==, LI_DECAY_NONE);
  g_assert_cmpuint (parsed->n_intent, ==, 0);
  g_assert_cmpuint (parsed->n_fit, ==, 0);
  g_assert_true (parsed->patterns[0].enabled);
  g_assert_false (parsed->patterns[0].has_decay);
  g_assert_cmpfloat (parsed->patterns[0].max_points, ==, 0);
  g_assert_null (parsed->extra);
  g_assert_null (parsed->stages[0].channel);
  g_assert_false (parsed->stages[0].has_follow_up);
}

static void
test_rules_parsed_values (void)
{
  g_autoptr(LiRules) rules = load_fixture ("example-input.leadrules.json");
  const LiIntentRule *email = &rules->intent[3];
  const LiPattern *focus = &rules->patterns[1];

  g_assert_cmpstr (rules->name, ==, "Spring launch");
  g_assert_cmpstr (rules->description, ==, "Spring — launch \"v2\"\nline two\ttab \\ backslash");
  g_assert_cmpfloat (rules->window_days, ==, 7);
  g_assert_cmpint (rules->decay.model, ==, LI_DECAY_EXPONENTIAL);
  g_assert_cmpfloat (rules->decay.days, ==, 7);

  g_assert_cmpuint (rules->n_intent, ==, 6);
  g_assert_cmpfloat (rules->intent[0].max_points, ==, 12);
  g_assert_true (rules->intent[2].has_decay);
  g_assert_cmpint (rules->intent[2].decay.model, ==, LI_DECAY_WINDOW);
  g_assert_cmpfloat (rules->intent[2].decay.days, ==, 3);
  g_assert_cmpuint (email->n_where, ==, 2);
  g_assert_cmpstr (email->where[0].key, ==, "link");
  g_assert_cmpuint (g_strv_length (email->where[0].values), ==, 2);
  g_assert_cmpstr (email->where[0].values[1], ==, "product");
  g_assert_cmpstr (email->where[1].key, ==, "channel");
  g_assert_cmpstr (email->where[1].values[0], ==, "email");
  g_assert_null (email->where[1].values[1]);
  g_assert_cmpfloat (email->points, ==, 8.25);
  g_assert_cmpfloat (rules->intent[4].points, ==, -5);

  g_assert_cmpint (rules->patterns[0].kind, ==, LI_PATTERN_REPEAT_PRODUCT);
  g_assert_cmpuint (rules->patterns[0].min_count, ==, 3);
  g_assert_cmpfloat (rules->patterns[0].within_hours, ==, 72);
  g_assert_false (focus->enabled);
  g_assert_cmpuint (focus->min_distinct, ==, 3);
  g_assert_cmpuint (focus->min_days, ==, 0);  /* not used by the kind: kept as an unknown key */
  g_assert_true (json_object_has_member (focus->extra, "min_days"));
  g_assert_true (rules->patterns[2].enabled);
  g_assert_cmpstrv (rules->patterns[2].events,
                    ((const char * const[]) {
                      "add_to_cart", "shipping_check", "checkout_start", NULL }));
  g_assert_cmpuint (rules->patterns[3].min_days, ==, 3);
  g_assert_cmpfloat (rules->patterns[3].within_days, ==, 7);
  g_assert_cmpfloat (rules->patterns[3].decay.days, ==, 0.5);

  g_assert_cmpint (rules->fit[0].op, ==, LI_FIT_IN);
  g_assert_cmpstrv (rules->fit[0].values,
                    ((const char * const[]) { "US", "CA", "49", "1.5", NULL }));
  g_assert_cmpfloat (rules->fit[1].number[0], ==, 100);
  g_assert_cmpstrv (rules->fit[2].values, ((const char * const[]) { "1.5", NULL }));
  g_assert_cmpfloat (rules->fit[5].number[0], ==, 40);
  g_assert_cmpfloat (rules->fit[5].number[1], ==, 90.5);
  g_assert_null (rules->fit[7].values);
  g_assert_cmpfloat (rules->fit[9].number[0], ==, 1000);
  g_assert_cmpfloat (rules->fit[10].points, ==, -0.001);

  g_assert_cmpuint (rules->n_stages, ==, 4);
  g_assert_true (rules->stages[0].has_min_fit);
  g_assert_cmpfloat (rules->stages[0].min_fit, ==, 0);
  g_assert_false (rules->stages[0].has_min_intent);
  g_assert_cmpstr (rules->stages[1].channel, ==, "email");
  g_assert_cmpfloat (rules->stages[1].min_intent, ==, 10.5);
  g_assert_cmpfloat (rules->stages[1].follow_up_minutes, ==, 480);
  g_assert_false (rules->stages[3].has_min_score);
}

/* ------------------------------------------------------------------ saving */

static void
test_rules_key_order (void)
{
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autofree char *input = fixture_path ("example-input.leadrules.json");
  g_autofree char *expected_path = fixture_path ("example-saved.leadrules.json");
  g_autofree char *expected = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) rules = li_rules_from_file (input, problems, &error);

  g_assert_no_error (error);
  found = problems_to_string (problems);
  g_assert_cmpstr (found, ==,
                   "warning: x_owner: unknown key\n"
                   "warning: outcome.note: unknown key\n"
                   "warning: decay.comment: unknown key\n"
                   "warning: decay.days: not used with model \"exponential\"\n"
                   "warning: intent[1].colour: unknown key\n"
                   "warning: intent[4].decay.x: unknown key\n"
                   "warning: patterns[1].min_days: not used with kind \"category_focus\"\n"
                   "warning: fit[8].why: unknown key\n"
                   "warning: stages[2].color: unknown key");

  g_file_get_contents (expected_path, &expected, NULL, &error);
  g_assert_no_error (error);
  saved = li_rules_to_data (rules, NULL);
  g_assert_cmpstr (saved, ==, expected);

  /* the saved file loads to the same rules and saves to the same bytes */
  {
    g_autoptr(LiRules) again = li_rules_from_data (saved, -1, NULL, &error);
    g_autofree char *twice = NULL;

    g_assert_no_error (error);
    g_assert_true (li_rules_equal (rules, again));
    twice = li_rules_to_data (again, NULL);
    g_assert_cmpstr (twice, ==, saved);
  }
}

static void
test_rules_round_trip (void)
{
  const char *extra_fixtures[] = {
    "example-input.leadrules.json", "diff-a.leadrules.json", "diff-b.leadrules.json",
  };

  for (guint i = 0; i < G_N_ELEMENTS (gen_fixtures) + G_N_ELEMENTS (extra_fixtures); i++)
    {
      const char *name = i < G_N_ELEMENTS (gen_fixtures)
                         ? gen_fixtures[i]
                         : extra_fixtures[i - G_N_ELEMENTS (gen_fixtures)];
      g_autoptr(LiRules) rules = load_fixture (name);
      g_autoptr(GError) error = NULL;
      g_autoptr(LiRules) again = NULL;
      g_autoptr(LiRules) copy = NULL;
      g_autofree char *data = NULL;
      g_autofree char *data_again = NULL;
      gsize len = 0;

      g_test_message ("%s", name);
      data = li_rules_to_data (rules, &len);
      g_assert_cmpuint (len, ==, strlen (data));
      g_assert_true (g_str_has_suffix (data, "}\n"));
      again = li_rules_from_data (data, len, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (li_rules_equal (rules, again));
      g_assert_true (li_rules_equal (again, rules));
      data_again = li_rules_to_data (again, NULL);
      g_assert_cmpstr (data_again, ==, data);

      copy = li_rules_copy (rules);
      g_assert_true (li_rules_equal (rules, copy));
    }
}

static void
test_rules_unknown_keys (void)
{
  g_autofree char *doc = json_doc ("{" HEAD "'x': {'deep': [1, {'y': 'z'}]}, "
                                   "'intent': [{'event': 'a', 'points': 1, 'colour': 'red'}], "
                                   "'stages': [{'name': 'cold', 'zz': null, 'aa': 2}]}");
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autoptr(LiRules) rules = li_rules_from_data (doc, -1, problems, NULL);
  g_autofree char *text = NULL;
  g_autofree char *found = problems_to_string (problems);

  g_assert_nonnull (rules);
  g_assert_cmpstr (found, ==,
                   "warning: x: unknown key\n"
                   "warning: intent[0].colour: unknown key\n"
                   "warning: stages[0].zz: unknown key\n"
                   "warning: stages[0].aa: unknown key");
  g_assert_cmpstr (json_object_get_string_member (rules->intent[0].extra, "colour"), ==, "red");

  text = li_rules_to_data (rules, NULL);
  g_assert_nonnull (strstr (text, "      \"points\": 1,\n      \"colour\": \"red\"\n"));
  g_assert_nonnull (strstr (text, "      \"name\": \"cold\",\n      \"zz\": null,\n      \"aa\": "
                                  "2\n"));
  g_assert_true (g_str_has_suffix (text,
                                   "  ],\n"
                                   "  \"x\": {\n"
                                   "    \"deep\": [\n"
                                   "      1,\n"
                                   "      {\n"
                                   "        \"y\": \"z\"\n"
                                   "      }\n"
                                   "    ]\n"
                                   "  }\n"
                                   "}\n"));

  /* an extra that differs makes the rules differ */
  {
    g_autoptr(LiRules) copy = li_rules_copy (rules);

    json_object_set_string_member (copy->intent[0].extra, "colour", "blue");
    g_assert_false (li_rules_equal (rules, copy));
    g_assert_cmpstr (json_object_get_string_member (rules->intent[0].extra, "colour"), ==, "red");
  }
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  return data;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* A draft with problems is saved as it is and reads back into the same
 * rules with the same problems; a file that does not parse stays refused. */
static void
test_rules_draft (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("li-rules-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(LiRules) rules = load_fixture ("example-input.leadrules.json");
  g_autoptr(LiRules) back = NULL;
  g_autoptr(GPtrArray) before = problems_new ();
  g_autoptr(GPtrArray) after = problems_new ();
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "draft.leadrules.json", NULL);

  /* an empty and a duplicate stage name, the outcome in a rule, a zero window */
  g_free (rules->stages[0].name);
  rules->stages[0].name = g_strdup ("");
  g_free (rules->stages[2].name);
  rules->stages[2].name = g_strdup (rules->stages[1].name);
  g_free (rules->intent[0].event);
  rules->intent[0].event = g_strdup (rules->outcome_event);
  rules->window_days = 0;
  g_assert_false (li_rules_validate (rules, before));
  before_text = problems_to_string (before);

  g_assert_false (li_rules_save (rules, path, &error));
  g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (li_rules_save_draft (rules, path, &error));
  g_assert_no_error (error);

  /* strict loading refuses it, draft loading takes it with its problems */
  g_assert_null (li_rules_from_file (path, NULL, &error));
  g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
  g_clear_error (&error);
  back = li_rules_draft_from_file (path, after, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (li_rules_equal (back, rules));
  after_text = problems_to_string (after);
  g_assert_cmpstr (after_text, ==, before_text);

  /* not well-formed: refused as a draft too */
  {
    g_autoptr(LiRules) bad = NULL;

    bad = li_rules_draft_from_data ("{\"stages\": [{\"name\": \"a\", \"min_score\": \"x\"}]}", -1,
                                    NULL, &error);
    g_assert_null (bad);
    g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
    g_clear_error (&error);
    bad = li_rules_draft_from_data ("{\"name\": \"no stages\"}", -1, NULL, &error);
    g_assert_null (bad);
    g_clear_error (&error);
    bad = li_rules_draft_from_data ("{", -1, NULL, &error);
    g_assert_null (bad);
    g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_PARSE);
    g_clear_error (&error);
  }

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_rules_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("li-rules-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *content = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(LiRules) rules = load_fixture ("example-input.leadrules.json");
  g_autoptr(LiRules) invalid = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "spring.leadrules.json", NULL);

  /* over an existing file, keeping its permissions */
  g_file_set_contents (path, "old contents", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (li_rules_save (rules, path, &error));
  g_assert_no_error (error);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  content = read_file (path);
  expected = li_rules_to_data (rules, NULL);
  g_assert_cmpstr (content, ==, expected);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* invalid rules: nothing is written, the old file stays */
  invalid = li_rules_copy (rules);
  invalid->stages[0].follow_up_minutes = -5;
  invalid->intent[1].points = NAN;
  g_assert_false (li_rules_save (invalid, path, &error));
  g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "intent[1].points: must be a finite number");
  g_clear_error (&error);
  g_clear_pointer (&content, g_free);
  content = read_file (path);
  g_assert_cmpstr (content, ==, expected);
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* a directory that does not exist */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "x.json", NULL);

    g_assert_false (li_rules_save (rules, bad, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
    g_clear_error (&error);
  }

  /* reading back */
  {
    g_autoptr(LiRules) back = li_rules_from_file (path, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (li_rules_equal (rules, back));
  }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_rules_from_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autofree char *dir = g_dir_make_tmp ("li-rules-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "none.json", NULL);
  g_autofree char *invalid = g_build_filename (dir, "invalid.json", NULL);
  g_autoptr(LiRules) rules = NULL;

  g_assert_no_error (error);
  rules = li_rules_from_file (missing, NULL, &error);
  g_assert_null (rules);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_file_set_contents (invalid, "{\"format\": \"lead-intent-rules\", \"format_version\": 1,\n"
                                " \"intent\": [{\"event\": \"a\", \"points\": \"x\"}],\n"
                                " \"stages\": [{\"name\": \"cold\", \"min_score\": "
                                "1}]}\n", -1, &error);
  g_assert_no_error (error);
  rules = li_rules_from_file (invalid, problems, &error);
  g_assert_null (rules);
  g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "intent[0].points: expected a number");
  g_assert_cmpuint (problems->len, ==, 2);
  g_clear_error (&error);

  g_file_set_contents (invalid, "{\n\"stages\": [\n", -1, &error);
  g_assert_no_error (error);
  rules = li_rules_from_file (invalid, NULL, &error);
  g_assert_null (rules);
  g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "line "));

  /* a device or a pipe has no size to check up front: reading is bounded */
  g_clear_error (&error);
  rules = li_rules_from_file ("/dev/zero", NULL, &error);
  g_assert_null (rules);
  g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "the file is larger than 4 MiB");

  g_remove (invalid);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ in memory */

static void
test_rules_validate_memory (void)
{
  g_autoptr(LiRules) rules = li_rules_new ();
  g_autoptr(GPtrArray) problems = problems_new ();
  g_autofree char *found = NULL;
  LiStage *stages;

  rules->decay.model = LI_DECAY_EXPONENTIAL;
  rules->decay.days = 0;
  rules->window_days = -1;

  rules->n_intent = 1;
  rules->intent = g_new0 (LiIntentRule, 1);
  rules->intent[0].event = g_strdup ("purchase");
  rules->intent[0].points = NAN;
  rules->intent[0].max_points = -1;
  rules->intent[0].n_where = 1;
  rules->intent[0].where = g_new0 (LiWhere, 1);
  rules->intent[0].where[0].key = g_strdup ("link");
  rules->intent[0].where[0].values = g_new0 (char *, 1);

  rules->n_patterns = 2;
  rules->patterns = g_new0 (LiPattern, 2);
  rules->patterns[0].name = g_strdup ("p");
  rules->patterns[0].kind = (LiPatternKind) 99;
  rules->patterns[0].enabled = TRUE;
  rules->patterns[1].name = g_strdup ("q");
  rules->patterns[1].kind = LI_PATTERN_SEQUENCE;
  rules->patterns[1].within_hours = 1;
  rules->patterns[1].has_decay = TRUE;
  rules->patterns[1].decay.model = LI_DECAY_LINEAR;

  rules->n_fit = 2;
  rules->fit = g_new0 (LiFitRule, 2);
  rules->fit[0].attribute = g_strdup ("a");
  rules->fit[0].op = LI_FIT_BETWEEN;
  rules->fit[0].number[0] = 3;
  rules->fit[0].number[1] = 2;
  rules->fit[1].attribute = g_strdup ("b");
  rules->fit[1].op = LI_FIT_EQ;

  stages = g_new0 (LiStage, 2);
  stages[0].name = g_strdup ("hot");
  stages[0].has_follow_up = TRUE;
  stages[0].follow_up_minutes = -5;
  stages[1].name = g_strdup ("cold");
  stages[1].has_min_score = TRUE;
  g_free (rules->stages[0].name);
  g_free (rules->stages);
  rules->stages = stages;
  rules->n_stages = 2;

  g_assert_false (li_rules_validate (rules, problems));
  found = problems_to_string (problems);
  g_assert_cmpstr (found, ==,
                   "outcome.window_days: must be > 0\n"
                   "decay.half_life_days: must be > 0\n"
                   "intent[0].event: uses the outcome event \"purchase\" (it would leak the "
                   "outcome into the score)\n"
                   "intent[0].where.link: must not be empty\n"
                   "intent[0].points: must be a finite number\n"
                   "intent[0].max_points: must be > 0\n"
                   "patterns[0].kind: invalid pattern kind\n"
                   "patterns[1].events: needs at least two events\n"
                   "patterns[1].decay.days: must be > 0\n"
                   "fit[0].values: low must be <= high\n"
                   "fit[1].value: required\n"
                   "stages[0].follow_up_minutes: must be >= 0\n"
                   "warning: stages[1]: stage is unreachable\n"
                   "stages[1]: the last stage must have no condition");

  /* problems may be NULL */
  g_assert_false (li_rules_validate (rules, NULL));

  /* saving refuses with the first error */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (li_rules_save (rules, "/nonexistent/never-written.json", &error));
    g_assert_error (error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "outcome.window_days: must be > 0");
  }
}

/* ------------------------------------------------------------------ value semantics */

static void
test_rules_copy_equal (void)
{
  g_autoptr(LiRules) rules = load_fixture ("example-input.leadrules.json");
  g_autoptr(LiRules) copy = li_rules_copy (rules);
  LiRules *boxed;

  g_assert_true (li_rules_equal (rules, copy));
  g_assert_true (li_rules_equal (rules, rules));
  g_assert_false (li_rules_equal (rules, NULL));
  g_assert_true (rules->intent != copy->intent);
  g_assert_true (rules->intent[3].where[0].values != copy->intent[3].where[0].values);
  g_assert_true (rules->extra != copy->extra);

  /* extras are deep copies: nested objects too */
  json_object_set_int_member (json_object_get_object_member (copy->extra, "x_owner"), "n", 1);
  g_assert_false (json_object_has_member (json_object_get_object_member (rules->extra, "x_owner"),
                                          "n"));
  g_assert_false (li_rules_equal (rules, copy));
  json_object_remove_member (json_object_get_object_member (copy->extra, "x_owner"), "n");
  g_assert_true (li_rules_equal (rules, copy));

#define CHECK_DIFFERS(stmt) \
  G_STMT_START { \
    g_autoptr(LiRules) changed = li_rules_copy (rules); \
    stmt; \
    g_assert_false (li_rules_equal (rules, changed)); \
  } G_STMT_END

  CHECK_DIFFERS (changed->intent[0].points += 1);
  CHECK_DIFFERS (changed->intent[0].max_points = 0);
  CHECK_DIFFERS (changed->intent[2].decay.days = 4);
  CHECK_DIFFERS (changed->intent[2].has_decay = FALSE);
  CHECK_DIFFERS (g_free (changed->intent[3].where[0].values[1]);
                 changed->intent[3].where[0].values[1] = g_strdup ("x"));
  CHECK_DIFFERS (changed->patterns[1].enabled = TRUE);
  CHECK_DIFFERS (changed->patterns[0].min_count = 9);
  CHECK_DIFFERS (changed->patterns[3].within_days = 9);
  CHECK_DIFFERS (changed->fit[1].number[0] = 7);
  CHECK_DIFFERS (changed->fit[5].number[1] = 91);
  CHECK_DIFFERS (changed->fit[1].op = LI_FIT_GT);
  CHECK_DIFFERS (changed->stages[1].has_min_intent = FALSE);
  CHECK_DIFFERS (changed->stages[0].follow_up_minutes = 16);
  CHECK_DIFFERS (g_clear_pointer (&changed->stages[0].channel, g_free));
  CHECK_DIFFERS (changed->window_days = 8);
  CHECK_DIFFERS (changed->decay.model = LI_DECAY_WINDOW);
  CHECK_DIFFERS (g_clear_pointer (&changed->description, g_free));
  CHECK_DIFFERS (g_clear_pointer (&changed->decay_extra, json_object_unref));
#undef CHECK_DIFFERS

  /* fields a kind or op does not use do not count (they are not saved) */
  copy->patterns[0].min_days = 42;
  copy->fit[0].number[0] = 42;
  copy->stages[3].min_score = 42;
  g_assert_true (li_rules_equal (rules, copy));

  boxed = g_boxed_copy (LI_TYPE_RULES, rules);
  g_assert_true (li_rules_equal (rules, boxed));
  g_boxed_free (LI_TYPE_RULES, boxed);
  g_assert_true (G_TYPE_IS_BOXED (LI_TYPE_RULES));
}

static void
test_rules_decay (void)
{
  const LiDecay none = { LI_DECAY_NONE, 0 };
  const LiDecay exponential = { LI_DECAY_EXPONENTIAL, 1 };
  const LiDecay window = { LI_DECAY_WINDOW, 3 };
  const LiDecay linear = { LI_DECAY_LINEAR, 2 };
  g_autoptr(LiRules) rules = load_fixture ("example-input.leadrules.json");

  g_assert_cmpfloat (li_decay_factor (&none, 0), ==, 1);
  g_assert_cmpfloat (li_decay_factor (&none, 1e9), ==, 1);

  g_assert_cmpfloat (li_decay_factor (&exponential, 0), ==, 1);
  g_assert_cmpfloat (li_decay_factor (&exponential, 86400), ==, 0.5);
  g_assert_cmpfloat (li_decay_factor (&exponential, 2 * 86400), ==, 0.25);
  g_assert_cmpfloat_with_epsilon (li_decay_factor (&exponential, 43200), M_SQRT1_2, 1e-15);

  g_assert_cmpfloat (li_decay_factor (&window, 0), ==, 1);
  g_assert_cmpfloat (li_decay_factor (&window, 3 * 86400 - 0.001), ==, 1);
  g_assert_cmpfloat (li_decay_factor (&window, 3 * 86400), ==, 0);

  g_assert_cmpfloat (li_decay_factor (&linear, 0), ==, 1);
  g_assert_cmpfloat (li_decay_factor (&linear, 86400), ==, 0.5);
  g_assert_cmpfloat (li_decay_factor (&linear, 2 * 86400), ==, 0);
  g_assert_cmpfloat (li_decay_factor (&linear, 5 * 86400), ==, 0);

  /* a rule's own decay replaces the global one */
  g_assert_true (li_rules_intent_decay (rules, 0) == &rules->decay);
  g_assert_true (li_rules_intent_decay (rules, 2) == &rules->intent[2].decay);
  g_assert_true (li_rules_pattern_decay (rules, 0) == &rules->decay);
  g_assert_true (li_rules_pattern_decay (rules, 3) == &rules->patterns[3].decay);
  g_assert_cmpint (li_rules_pattern_decay (rules, 2)->model, ==, LI_DECAY_NONE);
}

static void
test_rules_enum_strings (void)
{
  static const char * const decay[] = { "none", "exponential", "window", "linear" };
  static const char * const kinds[] = {
    "repeat_product", "category_focus", "sequence", "return_days",
  };
  static const char * const ops[] = {
    "eq", "ne", "in", "not_in", "gt", "gte", "lt", "lte", "between", "exists", "missing",
  };

  for (guint i = 0; i < G_N_ELEMENTS (decay); i++)
    {
      LiDecayModel model = 99;

      g_assert_cmpstr (li_decay_model_to_string (i), ==, decay[i]);
      g_assert_true (li_decay_model_from_string (decay[i], &model));
      g_assert_cmpint (model, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      LiPatternKind kind = 99;

      g_assert_cmpstr (li_pattern_kind_to_string (i), ==, kinds[i]);
      g_assert_true (li_pattern_kind_from_string (kinds[i], &kind));
      g_assert_cmpint (kind, ==, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      LiFitOp op = 99;

      g_assert_cmpstr (li_fit_op_to_string (i), ==, ops[i]);
      g_assert_true (li_fit_op_from_string (ops[i], &op));
      g_assert_cmpint (op, ==, i);
    }

  g_assert_false (li_decay_model_from_string ("Exponential", NULL));
  g_assert_false (li_pattern_kind_from_string ("", NULL));
  g_assert_false (li_fit_op_from_string (NULL, NULL));
  g_assert_null (li_decay_model_to_string (4));
  g_assert_null (li_pattern_kind_to_string (4));
  g_assert_null (li_fit_op_to_string (11));
}

/* ------------------------------------------------------------------ numbers */

static void
test_rules_parse_number (void)
{
  static const struct { const char *text; double value; } good[] = {
    { "0", 0 }, { "-12", -12 }, { "+3", 3 }, { "49.90", 49.9 }, { "1.", 1 }, { ".5", 0.5 },
    { "-.5", -0.5 }, { "1e3", 1000 }, { "1E-3", 0.001 }, { "-.5e+2", -50 }, { "00012", 12 },
    { "2.5e0", 2.5 }, { "1e-400", 0 }, { "123456789012345678901234567890", 1.2345678901234568e29 },
  };
  static const char * const bad[] = {
    "", " 1", "1 ", "inf", "-inf", "nan", "NaN", "infinity", "1e", "e3", ".", "+", "-", "1.2.3",
    "0x10", "1e400", "-1e400", "1,5", "1e+", "1e3.5", "--1", "+-1", "١٢", "1_000", "12a", ".e1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double value = -99;

      g_test_message ("%s", good[i].text);
      g_assert_true (li_parse_number (good[i].text, &value));
      g_assert_cmpfloat (value, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double value = -99;

      g_test_message ("%s", bad[i]);
      g_assert_false (li_parse_number (bad[i], &value));
      g_assert_cmpfloat (value, ==, -99);
    }
  g_assert_false (li_parse_number (NULL, NULL));
  g_assert_true (li_parse_number ("7", NULL));
}

static void
test_rules_format_number (void)
{
  static const struct { double value; const char *text; } cases[] = {
    { 49.9, "49.9" }, { 120, "120" }, { 0, "0" }, { -0.0, "0" }, { 0.1, "0.1" }, { 1.5, "1.5" },
    { -2.25, "-2.25" }, { 12.5, "12.5" }, { 1e-7, "1e-07" }, { 0.0001, "0.0001" },
    { 0.30000000000000004, "0.30000000000000004" }, { 1.0 / 3, "0.3333333333333333" },
    { 123456789012345, "123456789012345" }, { 9999999999999998, "9999999999999998" },
    { 1e16, "1e+16" }, { 1.5e17, "1.5e+17" }, { 1e300, "1e+300" }, { 5e-324, "5e-324" },
    { -1e-3, "-0.001" }, { 2251799813685248.5, "2251799813685248.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = li_format_number (cases[i].value);
      double back = 0;

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (li_parse_number (text, &back));
      g_assert_cmpfloat (back, ==, cases[i].value);
    }
}

static void
test_rules_json_to_string (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"a\": [1, 2.5, \"x\\u0001\\\"\"], \"b\": {}, "
                                               "\"c\": [], "
                                               "\"d\": 15.0, \"e\": -0.1, \"f\": true, \"g\": "
                                               "null}", NULL);
  g_autofree char *compact = li_json_to_string (node, FALSE);
  g_autofree char *pretty = li_json_to_string (node, TRUE);

  g_assert_cmpstr (compact, ==, "{\"a\": [1, 2.5, \"x\\u0001\\\"\"], \"b\": {}, \"c\": [], \"d\": "
                                "15, "
                                "\"e\": -0.1, \"f\": true, \"g\": null}");
  g_assert_cmpstr (pretty, ==,
                   "{\n"
                   "  \"a\": [\n"
                   "    1,\n"
                   "    2.5,\n"
                   "    \"x\\u0001\\\"\"\n"
                   "  ],\n"
                   "  \"b\": {},\n"
                   "  \"c\": [],\n"
                   "  \"d\": 15,\n"
                   "  \"e\": -0.1,\n"
                   "  \"f\": true,\n"
                   "  \"g\": null\n"
                   "}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/rules/validation", test_rules_validation);
  g_test_add_func ("/engine/rules/problems-optional", test_rules_problems_optional);
  g_test_add_func ("/engine/rules/problem-strings", test_rules_problem_strings);
  g_test_add_func ("/engine/rules/syntax", test_rules_syntax);
  g_test_add_func ("/engine/rules/limits", test_rules_limits);
  g_test_add_func ("/engine/number/as-printed", test_number_as_printed);
  g_test_add_func ("/engine/rules/defaults", test_rules_defaults);
  g_test_add_func ("/engine/rules/parsed-values", test_rules_parsed_values);
  g_test_add_func ("/engine/rules/key-order", test_rules_key_order);
  g_test_add_func ("/engine/rules/round-trip", test_rules_round_trip);
  g_test_add_func ("/engine/rules/unknown-keys", test_rules_unknown_keys);
  g_test_add_func ("/engine/rules/save", test_rules_save);
  g_test_add_func ("/engine/rules/draft", test_rules_draft);
  g_test_add_func ("/engine/rules/from-file-errors", test_rules_from_file_errors);
  g_test_add_func ("/engine/rules/validate-memory", test_rules_validate_memory);
  g_test_add_func ("/engine/rules/copy-equal", test_rules_copy_equal);
  g_test_add_func ("/engine/rules/decay", test_rules_decay);
  g_test_add_func ("/engine/rules/enum-strings", test_rules_enum_strings);
  g_test_add_func ("/engine/rules/parse-number", test_rules_parse_number);
  g_test_add_func ("/engine/rules/format-number", test_rules_format_number);
  g_test_add_func ("/engine/rules/json-to-string", test_rules_json_to_string);

  return g_test_run ();
}
