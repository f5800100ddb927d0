/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window logic that needs no display: the undo stack, the title, the
 * bundled template and sample rules. */
#include "config.h"

#include <glib/gstdio.h>

#include "li-project.h"
#include "li-undo-stack.h"
#include "li-rules-parse.h"
#include "li-rules-validate.h"
#include "li-problem.h"

static LiRules *
rules_with_points (double points)
{
  LiRules *rules = li_rules_new ();

  rules->intent = g_new0 (LiIntentRule, 1);
  rules->intent[0].event = g_strdup ("add_to_cart");
  rules->intent[0].points = points;
  rules->n_intent = 1;

  return rules;
}

static double
points_of (const LiRules *rules)
{
  g_assert_nonnull (rules);
  g_assert_cmpuint (rules->n_intent, ==, 1);
  return rules->intent[0].points;
}

static void
test_undo_basic (void)
{
  g_autoptr(LiRules) r1 = rules_with_points (1);
  g_autoptr(LiRules) r2 = rules_with_points (2);
  g_autoptr(LiRules) r3 = rules_with_points (3);
  g_autoptr(LiUndoStack) stack = li_undo_stack_new (r1, 10);

  g_assert_false (li_undo_stack_can_undo (stack));
  g_assert_false (li_undo_stack_can_redo (stack));
  g_assert_null (li_undo_stack_undo (stack));
  g_assert_null (li_undo_stack_redo (stack));

  li_undo_stack_push (stack, r2, NULL, 0);
  li_undo_stack_push (stack, r3, NULL, 0);
  g_assert_cmpuint (li_undo_stack_get_depth (stack), ==, 3);
  g_assert_cmpfloat (points_of (li_undo_stack_get_current (stack)), ==, 3);

  g_assert_cmpfloat (points_of (li_undo_stack_undo (stack)), ==, 2);
  g_assert_cmpfloat (points_of (li_undo_stack_undo (stack)), ==, 1);
  g_assert_null (li_undo_stack_undo (stack));
  g_assert_true (li_undo_stack_can_redo (stack));
  g_assert_cmpfloat (points_of (li_undo_stack_redo (stack)), ==, 2);

  /* A new edit drops the redo states. */
  li_undo_stack_push (stack, r1, NULL, 0);
  g_assert_false (li_undo_stack_can_redo (stack));
  g_assert_cmpuint (li_undo_stack_get_depth (stack), ==, 3);
  g_assert_cmpfloat (points_of (li_undo_stack_undo (stack)), ==, 2);

  /* Copies: the caller's rules may change afterwards. */
  r2->intent[0].points = 99;
  g_assert_cmpfloat (points_of (li_undo_stack_get_current (stack)), ==, 2);

  li_undo_stack_reset (stack, r3);
  g_assert_false (li_undo_stack_can_undo (stack));
  g_assert_false (li_undo_stack_can_redo (stack));
  g_assert_cmpfloat (points_of (li_undo_stack_get_current (stack)), ==, 3);
}

static void
test_undo_merge (void)
{
  g_autoptr(LiRules) r0 = rules_with_points (0);
  g_autoptr(LiUndoStack) stack = li_undo_stack_new (r0, 10);
  gint64 t = 1000000;

  /* A drag: many pushes with one key become one undo step. */
  for (int i = 1; i <= 5; i++)
    {
      g_autoptr(LiRules) r = rules_with_points (i);

      li_undo_stack_push (stack, r, "threshold-0", t + i * 100000);
    }
  g_assert_cmpuint (li_undo_stack_get_depth (stack), ==, 2);
  g_assert_cmpfloat (points_of (li_undo_stack_get_current (stack)), ==, 5);

  /* After a pause, or with another key, a new step. */
  {
    g_autoptr(LiRules) r6 = rules_with_points (6);
    g_autoptr(LiRules) r7 = rules_with_points (7);

    li_undo_stack_push (stack, r6, "threshold-0", t + 10 * G_USEC_PER_SEC);
    li_undo_stack_push (stack, r7, "threshold-1", t + 10 * G_USEC_PER_SEC + 1);
  }
  g_assert_cmpuint (li_undo_stack_get_depth (stack), ==, 4);

  /* An undo ends a merge run. */
  g_assert_cmpfloat (points_of (li_undo_stack_undo (stack)), ==, 6);
  {
    g_autoptr(LiRules) r8 = rules_with_points (8);

    li_undo_stack_push (stack, r8, "threshold-0", t + 10 * G_USEC_PER_SEC + 2);
  }
  g_assert_cmpuint (li_undo_stack_get_depth (stack), ==, 4);
  g_assert_cmpfloat (points_of (li_undo_stack_undo (stack)), ==, 6);
  g_assert_cmpfloat (points_of (li_undo_stack_undo (stack)), ==, 5);
  g_assert_cmpfloat (points_of (li_undo_stack_undo (stack)), ==, 0);
}

static void
test_undo_depth (void)
{
  g_autoptr(LiRules) r0 = rules_with_points (0);
  g_autoptr(LiUndoStack) stack = li_undo_stack_new (r0, 5);
  guint undos = 0;

  for (int i = 1; i <= 20; i++)
    {
      g_autoptr(LiRules) r = rules_with_points (i);

      li_undo_stack_push (stack, r, NULL, i);
    }
  g_assert_cmpuint (li_undo_stack_get_depth (stack), ==, 5);
  while (li_undo_stack_undo (stack) != NULL)
    undos++;
  g_assert_cmpuint (undos, ==, 4);
  g_assert_cmpfloat (points_of (li_undo_stack_get_current (stack)), ==, 16);
}

static void
test_title (void)
{
  g_autoptr(LiProject) project = li_project_new ();
  g_autoptr(LiRules) rules = li_rules_copy (li_project_get_rules (project));
  g_autofree char *dir = g_dir_make_tmp ("li-test-title-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "spring.leadrules.json", NULL);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title2 = NULL;
  g_autofree char *subtitle2 = NULL;
  g_autofree char *title3 = NULL;

  g_free (rules->name);
  rules->name = g_strdup ("Spring launch");
  li_project_commit_rules (project, rules, NULL);
  title2 = li_project_dup_title (project);
  subtitle2 = li_project_dup_subtitle (project);
  g_assert_cmpstr (title2, ==, "• Spring launch");
  g_assert_cmpstr (subtitle2, ==, "Not saved");

  g_assert_true (li_project_save (project, path, NULL));
  title = li_project_dup_title (project);
  subtitle = li_project_dup_subtitle (project);
  g_assert_cmpstr (title, ==, "Spring launch");
  g_assert_cmpstr (subtitle, ==, "spring.leadrules.json");

  g_clear_pointer (&rules->name, g_free);
  li_project_commit_rules (project, rules, NULL);
  title3 = li_project_dup_title (project);
  g_assert_cmpstr (title3, ==, "• Untitled Rules");

  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_valid_rules (const LiRules *rules)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);

  g_assert_nonnull (rules);
  g_assert_true (li_rules_validate (rules, problems));
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = li_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_template (void)
{
  g_autoptr(LiProject) project = li_project_new ();
  const LiRules *rules = li_project_get_rules (project);

  /* A new document is the bundled template. */
  assert_valid_rules (rules);
  g_assert_cmpuint (rules->n_patterns, ==, 4);
  g_assert_cmpuint (rules->n_stages, ==, 4);
  g_assert_cmpstr (rules->stages[0].name, ==, "hot");
  g_assert_cmpfloat (rules->stages[0].min_score, ==, 60);
  g_assert_cmpstr (rules->stages[0].channel, ==, "phone");
  g_assert_cmpfloat (rules->stages[0].follow_up_minutes, ==, 15);
  g_assert_cmpint (rules->decay.model, ==, LI_DECAY_EXPONENTIAL);
  g_assert_cmpfloat (rules->decay.days, ==, 7);
}

static void
test_sample_rules (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "sample",
                                                 "sample.leadrules.json", NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) li_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiRules) rules = li_rules_from_file (path, problems, &error);

  g_assert_no_error (error);
  assert_valid_rules (rules);
  g_assert_cmpuint (problems->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/undo/basic", test_undo_basic);
  g_test_add_func ("/window/undo/merge", test_undo_merge);
  g_test_add_func ("/window/undo/depth", test_undo_depth);
  g_test_add_func ("/window/title", test_title);
  g_test_add_func ("/window/template", test_template);
  g_test_add_func ("/window/sample-rules", test_sample_rules);

  return g_test_run ();
}
