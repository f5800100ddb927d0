/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LiProject without a display: the document and its undo history, rule
 * files read in the background, real imports of the test data and the
 * bundled sample, real replays and comparisons, and superseded, cancelled
 * and failed jobs. */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "li-project.h"
#include "li-plan.h"

#define TIMEOUT_USEC (60 * G_USEC_PER_SEC)

static char *sample_events;
static char *sample_rules;
static char *tmp_dir;

/* What a project said, signal by signal. */
typedef struct
{
  LiProject *project;
  guint      rules_changed;
  guint      opened;
  guint      imported;
  guint      progress;
  guint      replays_started;
  guint      replays;
  guint      comparisons;
  guint      compared_with;
  guint      busy_changes;
  GError    *error;      /* of the newest signal with one */
  GPtrArray *problems;   /* of the newest ::open-finished */
  LiDataset *loaded;     /* of the newest ::import-finished */
} Recorder;

static void
_record_error (Recorder     *rec,
               const GError *error)
{
  g_clear_error (&rec->error);
  if (error != NULL)
    rec->error = g_error_copy (error);
}

static void
_rules_changed_cb (LiProject *project,
                   Recorder  *rec)
{
  rec->rules_changed++;
}

static void
_open_finished_cb (LiProject    *project,
                   const char   *path,
                   GPtrArray    *problems,
                   const GError *error,
                   Recorder     *rec)
{
  g_assert_nonnull (path);
  g_assert_nonnull (problems);
  rec->opened++;
  g_clear_pointer (&rec->problems, g_ptr_array_unref);
  rec->problems = g_ptr_array_ref (problems);
  _record_error (rec, error);
}

static void
_import_progress_cb (LiProject *project,
                     guint64    done,
                     guint64    total,
                     Recorder  *rec)
{
  g_assert_true (li_project_get_importing (project));
  rec->progress++;
}

static void
_import_finished_cb (LiProject    *project,
                     LiDataset    *loaded,
                     const GError *error,
                     Recorder     *rec)
{
  g_assert_true ((loaded == NULL) != (error == NULL));
  rec->imported++;
  g_set_object (&rec->loaded, loaded);
  _record_error (rec, error);
}

static void
_replay_started_cb (LiProject *project,
                    Recorder  *rec)
{
  rec->replays_started++;
}

static void
_replay_finished_cb (LiProject    *project,
                     const GError *error,
                     Recorder     *rec)
{
  rec->replays++;
  _record_error (rec, error);
}

static void
_comparison_finished_cb (LiProject    *project,
                         const GError *error,
                         Recorder     *rec)
{
  rec->comparisons++;
  _record_error (rec, error);
}

static void
_compare_with_finished_cb (LiProject    *project,
                           const char   *path,
                           const GError *error,
                           Recorder     *rec)
{
  rec->compared_with++;
  _record_error (rec, error);
}

static void
_busy_changed_cb (LiProject  *project,
                  GParamSpec *pspec,
                  Recorder   *rec)
{
  rec->busy_changes++;
}

static void
recorder_init (Recorder  *rec,
               LiProject *project)
{
  *rec = (Recorder) { .project = project };
  g_signal_connect (project, "rules-changed", G_CALLBACK (_rules_changed_cb), rec);
  g_signal_connect (project, "open-finished", G_CALLBACK (_open_finished_cb), rec);
  g_signal_connect (project, "import-progress", G_CALLBACK (_import_progress_cb), rec);
  g_signal_connect (project, "import-finished", G_CALLBACK (_import_finished_cb), rec);
  g_signal_connect (project, "replay-started", G_CALLBACK (_replay_started_cb), rec);
  g_signal_connect (project, "replay-finished", G_CALLBACK (_replay_finished_cb), rec);
  g_signal_connect (project, "comparison-finished", G_CALLBACK (_comparison_finished_cb), rec);
  g_signal_connect (project, "compare-with-finished", G_CALLBACK (_compare_with_finished_cb), rec);
  g_signal_connect (project, "notify::busy", G_CALLBACK (_busy_changed_cb), rec);
}

static void
recorder_clear (Recorder *rec)
{
  g_signal_handlers_disconnect_by_data (rec->project, rec);
  g_clear_error (&rec->error);
  g_clear_pointer (&rec->problems, g_ptr_array_unref);
  g_clear_object (&rec->loaded);
}

/* Runs the main loop until the project has nothing left to do. */
static void
wait_idle (LiProject *project)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;

  while (li_project_get_busy (project))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static char *
fixture (const char *dir,
         const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", dir, name, NULL);
}

/* The sample's rules and events, replayed. */
static LiProject *
sample_project (Recorder *rec)
{
  LiProject *project = li_project_new ();
  const char *events[] = { sample_events, NULL };

  recorder_init (rec, project);
  li_project_open (project, sample_rules);
  li_project_import (project, events, NULL);
  wait_idle (project);
  g_assert_no_error (rec->error);
  g_assert_nonnull (li_project_get_result (project, NULL));

  return project;
}

static double
intent_points (LiProject  *project,
               const char *event)
{
  const LiRules *rules = li_project_get_rules (project);

  for (guint i = 0; i < rules->n_intent; i++)
    if (rules->intent[i].n_where == 0 && g_strcmp0 (rules->intent[i].event, event) == 0)
      return rules->intent[i].points;

  g_assert_not_reached ();
}

/* The project's result is what the engine computes for its rules. */
static void
assert_replayed (LiProject *project)
{
  LiDataset *dataset = li_project_get_dataset (project);
  const LiRules *shown = NULL;
  LiReplayResult *result = li_project_get_result (project, &shown);
  g_autoptr(LiPlan) plan = li_plan_new (li_project_get_rules (project),
                                        li_dataset_get_store (dataset),
                                        li_dataset_get_leads (dataset));
  g_autoptr(LiReplayResult) expected = li_replay_run (plan, NULL, NULL, NULL, NULL, NULL);

  g_assert_nonnull (result);
  g_assert_true (li_rules_equal (shown, li_project_get_rules (project)));
  g_assert_cmpuint (result->leads, ==, expected->leads);
  g_assert_cmpuint (result->converters, ==, expected->converters);
  g_assert_cmpuint (result->n_stages, ==, expected->n_stages);
  for (guint i = 0; i < result->n_stages; i++)
    g_assert_cmpuint (result->stages[i].flagged, ==, expected->stages[i].flagged);
  if (!isnan (expected->auc))
    g_assert_cmpfloat (result->auc, ==, expected->auc);
  else
    g_assert_true (isnan (result->auc));
}

/* Tests */

static void
wait_diagnostics (LiProject *project)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;

  while (li_project_get_rule_diagnostics (project) == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

/* The rule diagnostics come a step after each replay, of its rules. */
static void
test_rule_diagnostics (void)
{
  Recorder rec;
  g_autoptr(LiProject) project = sample_project (&rec);
  const LiRules *rules = li_project_get_rules (project);
  LiReplayResult *result;
  const LiRuleDiagnostics *d;

  wait_diagnostics (project);
  result = li_project_get_result (project, NULL);
  d = li_project_get_rule_diagnostics (project);
  g_assert_null (result->diagnostics);
  g_assert_cmpuint (d->n_rules, ==, rules->n_intent + rules->n_patterns);
  g_assert_cmpuint (d->converters, ==, result->converters);
  g_assert_cmpuint (d->others, ==, result->leads - result->converters);
  g_assert_cmpuint (d->flagged, ==, result->stages[result->n_stages - 2].flagged);
  recorder_clear (&rec);
}

static void
test_document (void)
{
  g_autoptr(LiProject) project = li_project_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "document.leadrules.json", NULL);
  g_autoptr(GError) error = NULL;
  Recorder rec;

  recorder_init (&rec, project);

  /* A new project: the bundled template, untitled, nothing to undo. */
  g_assert_cmpstr (li_project_get_rules (project)->name, ==, "Ecommerce starter");
  g_assert_null (li_project_get_path (project));
  g_assert_false (li_project_get_dirty (project));
  g_assert_false (li_project_can_undo (project));
  g_assert_false (li_project_get_busy (project));

  /* Without data an edit schedules nothing. */
  li_project_set_intent_points (project, "add_to_cart", 42);
  g_assert_cmpuint (rec.rules_changed, ==, 1);
  g_assert_true (li_project_get_dirty (project));
  g_assert_true (li_project_can_undo (project));
  g_assert_false (li_project_get_busy (project));
  g_assert_cmpuint (rec.busy_changes, ==, 0);

  /* The same rules again are no edit. */
  li_project_commit_rules (project, li_project_get_rules (project), NULL);
  g_assert_cmpuint (rec.rules_changed, ==, 1);

  /* A threshold drag is one undo step; out of range is ignored. */
  for (int i = 0; i < 5; i++)
    li_project_set_stage_threshold (project, 0, 50.0 + i);
  li_project_set_stage_threshold (project, 99, 1);
  g_assert_cmpfloat (li_project_get_rules (project)->stages[0].min_score, ==, 54);
  li_project_undo (project);
  g_assert_cmpfloat (intent_points (project, "add_to_cart"), ==, 42);
  li_project_undo (project);
  g_assert_false (li_project_get_dirty (project));
  g_assert_false (li_project_can_undo (project));
  li_project_redo (project);
  g_assert_true (li_project_get_dirty (project));
  g_assert_cmpfloat (intent_points (project, "add_to_cart"), ==, 42);
  g_assert_cmpuint (rec.rules_changed, ==, 9);

  g_assert_true (li_project_save (project, path, &error));
  g_assert_no_error (error);
  g_assert_false (li_project_get_dirty (project));
  g_assert_cmpstr (li_project_get_path (project), ==, path);

  li_project_reset (project);
  g_assert_null (li_project_get_path (project));
  g_assert_false (li_project_get_dirty (project));
  g_assert_false (li_project_can_undo (project));
  g_assert_cmpfloat (intent_points (project, "add_to_cart"), !=, 42);

  g_unlink (path);
  recorder_clear (&rec);
}

static void
test_open (void)
{
  g_autoptr(LiProject) project = li_project_new ();
  g_autofree char *bad = fixture ("cli", "bad.leadrules.json");
  g_autofree char *other = fixture ("cli", "rees46.leadrules.json");
  Recorder rec;

  recorder_init (&rec, project);

  /* Read in the background: the document changes once it is in. */
  li_project_open (project, sample_rules);
  g_assert_true (li_project_get_busy (project));
  g_assert_cmpstr (li_project_get_rules (project)->name, ==, "Ecommerce starter");
  wait_idle (project);
  g_assert_cmpuint (rec.opened, ==, 1);
  g_assert_no_error (rec.error);
  g_assert_cmpuint (rec.problems->len, ==, 0);
  g_assert_cmpstr (li_project_get_rules (project)->name, ==, "REES46 sample");
  g_assert_cmpstr (li_project_get_path (project), ==, sample_rules);
  g_assert_false (li_project_get_dirty (project));
  g_assert_false (li_project_can_undo (project));

  /* An invalid file: its problems, and the document stays. */
  li_project_open (project, bad);
  wait_idle (project);
  g_assert_cmpuint (rec.opened, ==, 2);
  g_assert_error (rec.error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
  g_assert_cmpuint (rec.problems->len, >, 0);
  g_assert_cmpstr (li_project_get_path (project), ==, sample_rules);

  /* A newer open supersedes one under way, which ends silently. */
  li_project_open (project, bad);
  li_project_open (project, other);
  wait_idle (project);
  g_assert_cmpuint (rec.opened, ==, 3);
  g_assert_no_error (rec.error);
  g_assert_cmpstr (li_project_get_path (project), ==, other);

  recorder_clear (&rec);
}

static void
test_import_and_replay (void)
{
  g_autoptr(LiProject) project = li_project_new ();
  const char *events[] = { sample_events, NULL };
  LiReplayResult *first;
  Recorder rec;

  recorder_init (&rec, project);

  li_project_open (project, sample_rules);
  li_project_import (project, events, NULL);
  g_assert_true (li_project_get_importing (project));
  g_assert_true (li_project_get_busy (project));
  wait_idle (project);

  g_assert_cmpuint (rec.imported, ==, 1);
  g_assert_no_error (rec.error);
  g_assert_cmpstrv (li_dataset_get_event_paths (rec.loaded), events);
  g_assert_cmpuint (rec.progress, >=, 1);
  g_assert_false (li_project_get_importing (project));
  g_assert_cmpuint (li_dataset_get_store (li_project_get_dataset (project))->n_events, ==, 17434);
  g_assert_cmpuint (rec.replays, >=, 1);
  g_assert_cmpuint (rec.replays_started, ==, rec.replays);
  assert_replayed (project);
  g_assert_cmpuint (li_project_get_result (project, NULL)->leads, ==, 4503);

  /* An edit after a pause replays at once (in a worker: the result comes
   * later). */
  first = li_project_get_result (project, NULL);
  li_project_set_intent_points (project, "add_to_cart", 60);
  g_assert_true (li_project_get_replaying (project));
  g_assert_true (li_project_get_busy (project));
  g_assert_true (li_project_get_result (project, NULL) == first);
  wait_idle (project);
  g_assert_false (li_project_get_replaying (project));
  g_assert_true (li_project_get_result (project, NULL) != first);
  g_assert_cmpfloat (li_project_get_last_replay_ms (project), >, 0);
  assert_replayed (project);

  /* Edits in quick succession: the first replays at once when it comes
   * after a pause, the others are coalesced into one replay of the newest
   * rules (the first one's result comes in too unless that one superseded
   * it). */
  rec.replays = 0;
  rec.replays_started = 0;
  for (int i = 0; i < 5; i++)
    li_project_set_intent_points (project, "product_view", 1 + i);
  wait_idle (project);
  g_assert_cmpuint (rec.replays_started, >=, 1);
  g_assert_cmpuint (rec.replays_started, <=, 2);
  g_assert_cmpuint (rec.replays, >=, 1);
  g_assert_cmpuint (rec.replays, <=, rec.replays_started);
  assert_replayed (project);

  recorder_clear (&rec);
}

static void
test_leads (void)
{
  g_autoptr(LiProject) project = li_project_new ();
  g_autofree char *events_path = fixture ("import", "events.csv");
  g_autofree char *leads_path = fixture ("import", "leads.csv");
  const char *events[] = { events_path, NULL };
  LiEventStore *store;
  Recorder rec;

  recorder_init (&rec, project);

  /* A leads file alone: nothing to replay yet. */
  li_project_import (project, NULL, leads_path);
  wait_idle (project);
  g_assert_no_error (rec.error);
  g_assert_null (li_dataset_get_store (li_project_get_dataset (project)));
  g_assert_nonnull (li_dataset_get_leads (li_project_get_dataset (project)));
  g_assert_cmpuint (rec.replays, ==, 0);

  /* Events keep the leads, and are replayed with them. */
  li_project_import (project, events, NULL);
  wait_idle (project);
  store = li_dataset_get_store (li_project_get_dataset (project));
  g_assert_cmpuint (store->n_events, ==, 5);
  g_assert_cmpstr (li_dataset_get_leads_path (li_project_get_dataset (project)), ==, leads_path);
  g_assert_null (li_dataset_get_leads_path (rec.loaded));
  assert_replayed (project);

  /* And a new leads file keeps the events. */
  li_project_import (project, NULL, leads_path);
  wait_idle (project);
  g_assert_true (li_dataset_get_store (li_project_get_dataset (project)) == store);
  assert_replayed (project);

  recorder_clear (&rec);
}

static void
test_failed_import (void)
{
  g_autofree char *bad = fixture ("cli", "bad-timestamp.csv");
  const char *paths[] = { bad, NULL };
  Recorder rec;
  g_autoptr(LiProject) project = sample_project (&rec);
  LiDataset *dataset = li_project_get_dataset (project);
  LiReplayResult *result = li_project_get_result (project, NULL);
  guint replays = rec.replays;

  li_project_import (project, paths, NULL);
  wait_idle (project);
  g_assert_error (rec.error, LI_IMPORT_ERROR, LI_IMPORT_ERROR_BAD_ROW);
  g_assert_null (rec.loaded);
  g_assert_true (li_project_get_dataset (project) == dataset);
  g_assert_true (li_project_get_result (project, NULL) == result);
  g_assert_cmpuint (rec.replays, ==, replays);

  recorder_clear (&rec);
}

static void
test_cancelled_import (void)
{
  const char *events[] = { sample_events, NULL };
  Recorder rec;
  g_autoptr(LiProject) project = sample_project (&rec);
  LiDataset *dataset = li_project_get_dataset (project);
  guint imported = rec.imported;

  li_project_import (project, events, NULL);
  li_project_cancel_import (project);
  wait_idle (project);
  g_assert_cmpuint (rec.imported, ==, imported + 1);
  g_assert_error (rec.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (li_project_get_dataset (project) == dataset);

  /* A newer import supersedes one under way, which ends silently. */
  li_project_import (project, events, NULL);
  li_project_import (project, events, NULL);
  wait_idle (project);
  g_assert_cmpuint (rec.imported, ==, imported + 2);
  g_assert_no_error (rec.error);
  g_assert_true (li_project_get_dataset (project) != dataset);

  recorder_clear (&rec);
}

static void
test_invalid_rules (void)
{
  Recorder rec;
  g_autoptr(LiProject) project = sample_project (&rec);
  g_autoptr(LiRules) rules = li_rules_copy (li_project_get_rules (project));
  LiReplayResult *result = li_project_get_result (project, NULL);
  guint started = rec.replays_started;

  /* The catch-all stage may have no condition. */
  rules->stages[rules->n_stages - 1].has_min_score = TRUE;
  rules->stages[rules->n_stages - 1].min_score = 1;
  li_project_commit_rules (project, rules, NULL);
  wait_idle (project);
  g_assert_error (rec.error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
  g_assert_nonnull (strstr (rec.error->message, "the last stage must have no condition"));
  g_assert_cmpuint (rec.replays_started, ==, started);
  g_assert_true (li_project_get_result (project, NULL) == result);

  li_project_undo (project);
  wait_idle (project);
  g_assert_no_error (rec.error);
  g_assert_cmpuint (rec.replays_started, ==, started + 1);
  assert_replayed (project);

  recorder_clear (&rec);
}

static void
test_compare (void)
{
  g_autofree char *bad = fixture ("cli", "bad.leadrules.json");
  Recorder rec;
  g_autoptr(LiProject) project = sample_project (&rec);
  GListModel *versions = li_project_get_versions (project);
  g_autoptr(LiReplayResult) result = li_replay_result_ref (li_project_get_result (project, NULL));
  g_autoptr(LiVersion) snapshot = NULL;
  LiComparison *comparison;
  double min_score;

  /* A snapshot of the replayed draft: its replay is reused. */
  li_project_take_snapshot (project);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
  snapshot = g_list_model_get_item (versions, 0);
  g_assert_true (li_project_get_baseline (project) == snapshot);
  g_assert_cmpstr (li_version_get_name (snapshot), ==, "Snapshot 1");
  g_assert_true (li_version_has_result (snapshot));
  g_assert_true (li_project_get_comparing (project));
  wait_idle (project);
  g_assert_cmpuint (rec.comparisons, ==, 1);
  g_assert_no_error (rec.error);
  comparison = li_project_get_comparison (project);
  g_assert_true (comparison->a == result);
  g_assert_true (comparison->b == result);
  g_assert_cmpuint (comparison->changes->len, ==, 0);

  /* An edit: replayed, then compared with the snapshot again. */
  min_score = li_project_get_rules (project)->stages[0].min_score - 10;
  li_project_set_stage_threshold (project, 0, min_score);
  wait_idle (project);
  g_assert_cmpuint (rec.comparisons, ==, 2);
  comparison = li_project_get_comparison (project);
  g_assert_true (comparison->a == result);
  g_assert_true (comparison->b == li_project_get_result (project, NULL));
  g_assert_cmpuint (comparison->changes->len, ==, 1);
  g_assert_cmpuint (comparison->b->stages[0].flagged, >, comparison->a->stages[0].flagged);

  /* A rule file to compare with: read, replayed once, the baseline. */
  li_project_compare_with (project, sample_rules);
  g_assert_true (li_project_get_busy (project));
  wait_idle (project);
  g_assert_cmpuint (rec.compared_with, ==, 1);
  g_assert_no_error (rec.error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  g_assert_cmpstr (li_version_get_source_path (li_project_get_baseline (project)), ==, sample_rules);
  g_assert_true (li_version_has_result (li_project_get_baseline (project)));
  g_assert_cmpuint (li_project_get_comparison (project)->changes->len, ==, 1);

  li_project_compare_with (project, bad);
  wait_idle (project);
  g_assert_cmpuint (rec.compared_with, ==, 2);
  g_assert_error (rec.error, LI_RULES_ERROR, LI_RULES_ERROR_INVALID);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);

  /* Back to the snapshot, replayed again as a baseline. */
  li_project_set_baseline (project, snapshot);
  wait_idle (project);
  g_assert_cmpuint (rec.comparisons, ==, 4);
  comparison = li_project_get_comparison (project);
  g_assert_cmpuint (comparison->a->stages[0].flagged, ==, result->stages[0].flagged);
  g_assert_cmpfloat (comparison->a->auc, ==, result->auc);

  recorder_clear (&rec);
}

static void
test_dispose_cancels (void)
{
  LiProject *project = li_project_new ();
  g_autofree char *events_path = fixture ("import", "events.csv");
  const char *events[] = { events_path, NULL };
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  li_project_open (project, sample_rules);
  li_project_import (project, events, NULL);
  li_project_compare_with (project, sample_rules);
  g_assert_true (li_project_get_busy (project));

  /* The jobs do not keep the project alive; their ends find it gone. */
  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &project);
  g_object_unref (project);
  g_assert_null (project);
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *sample_dir = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* a fresh folder for the kept snapshots: none from earlier runs (set
   * before anything asks GLib for the user data dir, which it caches) */
  data_home = g_dir_make_tmp ("li-test-project-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  dir = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "sample", NULL);
  sample_dir = g_canonicalize_filename (dir, NULL);
  sample_events = g_build_filename (sample_dir, "rees46-2019oct-head.csv.gz", NULL);
  sample_rules = g_build_filename (sample_dir, "sample.leadrules.json", NULL);
  tmp_dir = g_dir_make_tmp ("li-test-project-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/project/document", test_document);
  g_test_add_func ("/project/open", test_open);
  g_test_add_func ("/project/import-and-replay", test_import_and_replay);
  g_test_add_func ("/project/leads", test_leads);
  g_test_add_func ("/project/rule-diagnostics", test_rule_diagnostics);
  g_test_add_func ("/project/failed-import", test_failed_import);
  g_test_add_func ("/project/cancelled-import", test_cancelled_import);
  g_test_add_func ("/project/invalid-rules", test_invalid_rules);
  g_test_add_func ("/project/compare", test_compare);
  g_test_add_func ("/project/dispose-cancels", test_dispose_cancels);

  status = g_test_run ();

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  g_free (sample_events);
  g_free (sample_rules);

  return status;
}
