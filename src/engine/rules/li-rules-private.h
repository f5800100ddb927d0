/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of src/engine/rules/ that read, check and write rule
 * files; not for use outside them. */

#include "li-problem.h"
#include "li-rules.h"

G_BEGIN_DECLS

#define LI_RULES_FORMAT    "lead-intent-rules"
#define LI_RULES_VERSION   1

/* The problems of one parse or validation (li-rules-check.c). */
typedef struct
{
  GPtrArray  *problems;         /* LiProblem* */
  GHashTable *parse_errors;     /* paths with a parse error */
  GHashTable *parse_ancestors;  /* paths above a parse error */
  gboolean    validating;       /* problems come from the validator */
  guint       n_errors;
} LiCheck;

void _li_check_add (LiCheck       *check,
                    gboolean       suppressible,
                    LiProblemLevel level,
                    const char    *path,
                    const char    *format,
                    ...) G_GNUC_PRINTF (5, 6);
void _li_check_clear (LiCheck *check);
void _li_check_init (LiCheck   *check,
                     GPtrArray *problems);
gboolean _li_check_suppressed (LiCheck    *check,
                               const char *path);
const LiProblem *_li_first_error (GPtrArray *problems);
void _li_move_problems (GPtrArray *from,
                        GPtrArray *to);

#define _li_error(check, path, ...) \
  _li_check_add ((check), TRUE, LI_PROBLEM_ERROR, (path), __VA_ARGS__)
#define _li_warning(check, path, ...) \
  _li_check_add ((check), TRUE, LI_PROBLEM_WARNING, (path), __VA_ARGS__)

/* Which keys each object of the format knows (li-rules.c). */
extern const char * const _li_decay_keys[];
extern const char * const _li_pattern_keys[];
extern const char * const _li_fit_keys[];

gboolean _li_decay_key_applies (LiDecayModel model,
                                const char  *key);
gboolean _li_decay_model_valid (LiDecayModel model);
gboolean _li_fit_key_applies (LiFitOp     op,
                              const char *key);
gboolean _li_fit_op_has_value (LiFitOp op);
gboolean _li_fit_op_has_values (LiFitOp op);
gboolean _li_fit_op_numeric (LiFitOp op);
gboolean _li_fit_op_valid (LiFitOp op);
gboolean _li_pattern_key_applies (LiPatternKind kind,
                                  const char   *key);
gboolean _li_pattern_kind_valid (LiPatternKind kind);
LiRules *_li_rules_new_defaults (void);

/* JSON trees and paths (li-rules-json.c). */
void _li_extra_add (JsonObject **extra,
                    const char  *key,
                    JsonNode    *node);
JsonNode *_li_json_node_copy (JsonNode *node);
JsonObject *_li_json_object_copy (JsonObject *object);
gboolean _li_json_object_equal (JsonObject *a,
                                JsonObject *b);
void _li_json_write (GString  *out,
                     JsonNode *node,
                     gboolean  pretty,
                     guint     depth);
gboolean _li_key_in (const char        *key,
                     const char * const *keys);
JsonNode *_li_node_new_number (double value);
JsonNode *_li_node_new_string (const char *str);
char *_li_path_index (const char *parent,
                      guint       i);
char *_li_path_key (const char *parent,
                    const char *key);

/* The longest list @section ("intent", "patterns", "fit", "stages") may
 * be, and its check: FALSE (with a problem) when it is longer. */
guint    _li_rules_list_limit     (const char *section);
gboolean _li_validate_list_length (LiCheck    *check,
                                   const char *section,
                                   guint       n);

/* One section each, run by the parser right after reading it
 * (li-rules-validate.c). */
void _li_validate_decay (LiCheck       *check,
                         const char    *path,
                         const LiDecay *decay,
                         JsonObject    *extra);
void _li_validate_fit (LiCheck       *check,
                       const LiRules *rules,
                       guint          i);
void _li_validate_intent (LiCheck       *check,
                          const LiRules *rules,
                          guint          i);
void _li_validate_outcome (LiCheck       *check,
                           const LiRules *rules);
void _li_validate_pattern (LiCheck       *check,
                           const LiRules *rules,
                           guint          i);
void _li_validate_stage (LiCheck       *check,
                         const LiRules *rules,
                         guint          i);
void _li_validate_stage_list (LiCheck       *check,
                              const LiRules *rules);
void _li_validate_top (LiCheck       *check,
                       const LiRules *rules);

/* li-rules.c: equality of one item, as li_rules_equal compares them. */
gboolean _li_intent_rule_equal (const LiIntentRule *a,
                                const LiIntentRule *b);
gboolean _li_pattern_equal     (const LiPattern    *a,
                                const LiPattern    *b);
gboolean _li_stage_equal       (const LiStage      *a,
                                const LiStage      *b);

G_END_DECLS
