/* test-history-window.c — the history window on a real portfolio, and the
 * button that shows who else has it open
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "../store/store-test-util.h"
#include "kt-format.h"
#include "kt-history-window.h"
#include "kt-presence-button.h"
#include "kt-store-merge.h"
#include "kt-store-private.h"
#include "kt-resources.h"
#include "kt-time-stamp.h"

typedef struct {
  char       *dir;
  char       *path;
  KtStore    *store;
  gint64      contract_id;
  GtkWidget  *parent;
} Fixture;

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so, at most five seconds. */
static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer  data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, tick_cb, NULL);
  gboolean ok;

  while (!(ok = done (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return ok;
}

static gboolean
elapsed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 200 * 1000;

  wait_for (elapsed, &end);
}

static void
update_contract (KtStore    *store,
                 gint64      id,
                 gint64      annual_cost,
                 const char *notes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KtContract) contract = kt_store_get_contract (store, id, &error);

  g_assert_no_error (error);
  contract->annual_cost = annual_cost;
  if (notes != NULL)
    {
      g_free (contract->notes);
      contract->notes = g_strdup (notes);
    }
  kt_store_update_contract (store, contract, &error);
  g_assert_no_error (error);
}

/* Three saves by two people: Anna adds the contract, Bo sets the annual
 * cost, Anna raises it and writes a note. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KtSupplier) supplier = test_supplier_new ("Netcompany A/S", 3);
  g_autoptr(KtContract) contract = test_contract_new ("K-2023-014", "Økonomisystem");
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kt-history-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "Kontrakter.kontrakter", NULL);
  fixture->store = kt_store_open (fixture->path, KT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  kt_store_set_identity (fixture->store, "aje", "pc-123");
  kt_store_insert_supplier (fixture->store, supplier, &error);
  g_assert_no_error (error);
  contract->supplier_id = supplier->id;
  kt_store_insert_contract (fixture->store, contract, &error);
  g_assert_no_error (error);
  fixture->contract_id = contract->id;

  kt_store_set_identity (fixture->store, "bho", "pc-456");
  update_contract (fixture->store, contract->id, 10000000, NULL);
  kt_store_set_identity (fixture->store, "aje", "pc-123");
  update_contract (fixture->store, contract->id, 12000000, "Genforhandles i 2027");

  fixture->parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (fixture->parent));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *sessions = g_build_filename (fixture->dir, ".Kontrakter-sessioner", NULL);
  g_autoptr(GDir) dir = g_dir_open (sessions, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->parent));
  g_clear_object (&fixture->store);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (sessions, name, NULL);
      g_unlink (file);
    }
  g_rmdir (sessions);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* ---- looking at the window as a person does ---- */

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, gtk_label_get_label (GTK_LABEL (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
text_of (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

/* The rows a person sees: "= <save>" for a save's heading, else the
 * change's text. */
static char *
shown_rows (KtHistoryWindow *window)
{
  GtkWidget *list = find_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  GString *out = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *text = NULL;

      if (!GTK_IS_LIST_BOX_ROW (row) || !gtk_widget_get_child_visible (row))
        continue;

      /* Every row can be reached with the keyboard */
      g_assert_true (gtk_widget_get_focusable (row));

      text = text_of (row);
      g_string_append_printf (out, "%s%s\n", gtk_widget_has_css_class (row, "history-save") ? "= " : "",
                              text);
    }

  return g_string_free (out, FALSE);
}

static GtkWidget *
row_with_text (KtHistoryWindow *window,
               const char      *part)
{
  GtkWidget *list = find_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *text = text_of (row);

      if (strstr (text, part) != NULL)
        return row;
    }

  return NULL;
}

static const char *
visible_page (KtHistoryWindow *window)
{
  GtkWidget *stack = find_type (GTK_WIDGET (window), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
search (KtHistoryWindow *window,
        const char      *text)
{
  GtkWidget *entry = find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* GtkSearchEntry waits a moment before it says the text changed */
  g_signal_emit_by_name (entry, "search-changed");
}

static KtHistoryWindow *
window_new (Fixture *fixture)
{
  KtHistoryWindow *window = kt_history_window_new (GTK_WINDOW (fixture->parent), fixture->store,
                                                   "contract", fixture->contract_id,
                                                   "History of K-2023-014 Økonomisystem");

  gtk_window_present (GTK_WINDOW (window));
  settle ();
  return window;
}

static void
close_window (KtHistoryWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &widget);
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_null (widget);
}

/* ---- the tests ---- */

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  KtHistoryWindow *window = window_new (fixture);
  g_autoptr(GPtrArray) entries = kt_store_list_history (fixture->store, "contract",
                                                        fixture->contract_id, NULL);
  g_autofree char *rows = shown_rows (window);
  g_autofree char *folded = kt_fold_for_search (rows);
  g_auto(GStrv) lines = g_strsplit (rows, "\n", -1);
  const KtAuditEntry *raise = NULL;
  g_autofree char *when = NULL;
  g_autofree char *sentence = NULL;
  GtkWidget *row;

  g_test_message ("Shown:\n%s", rows);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "History of K-2023-014 Økonomisystem");
  g_assert_cmpstr (visible_page (window), ==, "list");

  /* Newest first, one heading per save: Anna, Bo, Anna */
  g_assert_true (g_str_has_prefix (lines[0], "= "));
  g_assert_true (g_str_has_suffix (lines[0], " — aje on pc-123"));
  g_assert_nonnull (strstr (rows, "= "));
  {
    guint saves = 0;
    const char *expected_who[] = { "aje on pc-123", "bho on pc-456", "aje on pc-123" };

    for (guint i = 0; lines[i] != NULL; i++)
      if (g_str_has_prefix (lines[i], "= "))
        {
          g_assert_cmpuint (saves, <, 3);
          g_assert_true (g_str_has_suffix (lines[i], expected_who[saves]));
          saves++;
        }
    g_assert_cmpuint (saves, ==, 3);
  }

  /* Fields and values as people read them */
  g_assert_nonnull (strstr (folded, "annual operating cost: 100.000,00 kr. → 120.000,00 kr."));
  g_assert_nonnull (strstr (folded, "annual operating cost: — → 100.000,00 kr."));
  g_assert_nonnull (strstr (rows, "→ Genforhandles i 2027"));
  g_assert_nonnull (strstr (rows, "\nAdded\n"));
  /* Bo's one change sits under Bo's heading */
  g_assert_true (strstr (rows, "bho on pc-456") < strstr (rows, "— → 100.000,00 kr."));
  g_assert_true (strstr (rows, "120.000,00 kr.") < strstr (rows, "bho on pc-456"));

  /* Each row reads as one sentence, with when and who */
  g_assert_nonnull (entries);
  for (guint i = 0; i < entries->len; i++)
    {
      const KtAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->new_value, "12000000") == 0)
        raise = entry;
    }
  g_assert_nonnull (raise);
  when = kt_time_stamp_format (raise->at);
  sentence = g_strdup_printf ("On %s, aje on pc-123 changed %s from “100.000,00 kr.” to “120.000,00 kr.”.",
                              when, raise->field_label);
  row = row_with_text (window, "120.000,00 kr.");
  g_assert_nonnull (row);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, sentence));

  row = row_with_text (window, "bho on pc-456");
  g_free (sentence);
  sentence = g_strdup_printf ("Saved on %s by bho on pc-456, 1 change.", when);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, sentence));

  close_window (window);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  KtHistoryWindow *window = window_new (fixture);
  g_autofree char *all = shown_rows (window);
  char *rows;

  /* A person: the whole of their saves */
  search (window, "BHO");
  rows = shown_rows (window);
  g_assert_true (g_str_has_prefix (rows, "= "));
  g_assert_nonnull (strstr (rows, "bho on pc-456"));
  g_assert_nonnull (strstr (rows, "— → 100.000,00 kr."));
  g_assert_null (strstr (rows, "120.000,00 kr."));
  g_assert_null (strstr (rows, "aje on pc-123"));
  g_free (rows);

  /* A value: that line, under its save */
  search (window, "genforhandles");
  rows = shown_rows (window);
  g_assert_nonnull (strstr (rows, "aje on pc-123"));
  g_assert_nonnull (strstr (rows, "Genforhandles i 2027"));
  g_assert_null (strstr (rows, "120.000,00 kr."));
  g_assert_null (strstr (rows, "bho"));
  g_assert_cmpstr (visible_page (window), ==, "list");
  g_free (rows);

  /* Nothing: said so */
  search (window, "ingen sådan tekst");
  rows = shown_rows (window);
  g_assert_cmpstr (rows, ==, "");
  g_assert_cmpstr (visible_page (window), ==, "no-match");
  g_free (rows);

  search (window, "");
  rows = shown_rows (window);
  g_assert_cmpstr (rows, ==, all);
  g_assert_cmpstr (visible_page (window), ==, "list");
  g_free (rows);

  close_window (window);
}

static void
test_reload_keeps_search (Fixture       *fixture,
                          gconstpointer  data)
{
  KtHistoryWindow *window = window_new (fixture);
  g_autoptr(KtStore) colleague = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  search (window, "operating");

  /* A colleague saves from another connection; the window reloads */
  colleague = kt_store_open (fixture->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (colleague, "cla", "pc-789");
  update_contract (colleague, fixture->contract_id, 13000000, NULL);

  kt_history_window_reload (window);
  settle ();
  rows = shown_rows (window);
  g_test_message ("Shown:\n%s", rows);
  g_assert_true (g_str_has_prefix (rows, "= "));
  g_assert_true (strstr (rows, "cla on pc-789") < strstr (rows, "130.000,00 kr."));
  g_assert_null (strstr (rows, "Genforhandles"));

  close_window (window);
}

/* Since schema 6 each save keeps its writer's real name: a colleague reads
 * as “Bente Holm (bho on pc-456)”; a save without one (older rows, or a
 * writer whose name is the login) as before, our own with our name. */
static void
test_real_names (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(KtStore) bente = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *when = NULL;
  g_autofree char *sentence = NULL;
  g_auto(GStrv) lines = NULL;
  KtHistoryWindow *window;
  GtkWidget *row;
  guint saves = 0;
  const char *expected_who[] = {
    " — cla on pc-789",
    " — Bente Holm (bho on pc-456)",
    " — Anna Jensen (aje on pc-123)",
    " — bho on pc-456",
    " — Anna Jensen (aje on pc-123)",
  };

  bente = kt_store_open (fixture->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (bente, "bho", "pc-456");
  kt_store_set_display_name (bente, "Bente Holm");
  update_contract (bente, fixture->contract_id, 13000000, NULL);

  /* A row as a file before schema 6 has it: no name */
  g_assert_cmpint (test_sql_exec (fixture->path, "INSERT INTO audit_log (at, user, host, entity, "
                                                 "entity_id, action, field, old_value, new_value) "
                                                 "SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), "
                                                 "'cla', 'pc-789', 'contract', id, 'update', 'notes', "
                                                 "NULL, 'Clas note' FROM contracts"),
                   ==, SQLITE_OK);

  /* We are Anna; the fixture's saves kept only the login as a name */
  kt_store_set_display_name (fixture->store, "Anna Jensen");

  window = window_new (fixture);
  rows = shown_rows (window);
  g_test_message ("Shown:\n%s", rows);
  lines = g_strsplit (rows, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "= "))
      {
        g_assert_cmpuint (saves, <, G_N_ELEMENTS (expected_who));
        g_assert_true (g_str_has_suffix (lines[i], expected_who[saves]));
        saves++;
      }
  g_assert_cmpuint (saves, ==, G_N_ELEMENTS (expected_who));
  g_assert_true (strstr (rows, "Bente Holm (bho on pc-456)") < strstr (rows, "130.000,00 kr."));

  /* The heading says it to a screen reader too */
  entries = kt_store_list_history (fixture->store, "contract", fixture->contract_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len && when == NULL; i++)
    {
      const KtAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->display_name, "Bente Holm") == 0)
        when = kt_time_stamp_format (entry->at);
    }
  g_assert_nonnull (when);
  row = row_with_text (window, "Bente Holm (bho on pc-456)");
  g_assert_nonnull (row);
  sentence = g_strdup_printf ("Saved on %s by Bente Holm (bho on pc-456), 1 change.", when);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, sentence));

  /* Her name finds her saves */
  search (window, "bente");
  g_free (rows);
  rows = shown_rows (window);
  g_assert_nonnull (strstr (rows, "Bente Holm (bho on pc-456)"));
  g_assert_nonnull (strstr (rows, "130.000,00 kr."));
  g_assert_null (strstr (rows, "aje on pc-123"));
  g_assert_null (strstr (rows, "— bho on pc-456"));

  close_window (window);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  KtHistoryWindow *window = kt_history_window_new (GTK_WINDOW (fixture->parent), fixture->store,
                                                   "contract", 424242, "History of nothing");
  g_autofree char *rows = NULL;

  gtk_window_present (GTK_WINDOW (window));
  settle ();
  rows = shown_rows (window);
  g_assert_cmpstr (rows, ==, "");
  g_assert_cmpstr (visible_page (window), ==, "empty");

  close_window (window);
}

static void
set_notes (KtContract *contract,
           const char *notes)
{
  g_free (contract->notes);
  contract->notes = g_strdup (notes);
}

/* An activity's changes under the contract, and a conflict decided field
 * by field, in words */
static void
test_activity_and_conflict (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(KtActivity) activity = kt_activity_new ();
  g_autoptr(KtStore) bo = NULL;
  g_autoptr(KtContract) base = NULL;
  g_autoptr(KtContract) mine = NULL;
  g_autoptr(KtContract) theirs = NULL;
  g_autoptr(KtStoreMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *subject_row = NULL;
  gpointer saved;
  KtHistoryWindow *window;
  GtkWidget *row;

  activity->contract_id = fixture->contract_id;
  activity->type = KT_ACTIVITY_PRICE_REGULATION;
  activity->description = g_strdup ("Prisregulering 2027");
  g_date_set_dmy (&activity->deadline, 1, G_DATE_JUNE, 2027);
  kt_store_insert_activity (fixture->store, activity, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&activity->deadline, 1, G_DATE_JULY, 2027);
  kt_store_update_activity (fixture->store, activity, &error);
  g_assert_no_error (error);

  /* Anna and Bo both change the notes; Anna keeps Bo's */
  base = kt_store_get_contract (fixture->store, fixture->contract_id, &error);
  g_assert_no_error (error);
  bo = kt_store_open (fixture->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (bo, "bho", "pc-456");
  theirs = kt_contract_copy (base);
  set_notes (theirs, "Bos note");
  kt_store_update_contract (bo, theirs, &error);
  g_assert_no_error (error);

  mine = kt_contract_copy (base);
  set_notes (mine, "Annas note");
  g_assert_false (kt_store_update_contract (fixture->store, mine, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  merge = kt_store_merge_contract_new (fixture->store, base, mine, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < kt_store_merge_get_n_fields (merge); i++)
    if (g_str_equal (kt_store_merge_get_field (merge, i)->field, "notes"))
      kt_store_merge_set_choice (merge, i, KT_MERGE_THEIRS);
  saved = kt_store_merge_save (fixture->store, merge, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  kt_contract_free (saved);

  window = window_new (fixture);
  rows = shown_rows (window);
  g_test_message ("Shown:\n%s", rows);

  g_assert_nonnull (strstr (rows, "Conflict with a colleague: kept theirs for Notes\n"));
  g_assert_nonnull (strstr (rows, "Notes: Genforhandles i 2027 → Bos note\n"));

  /* The activity's rows say what they belong to, above the change */
  row = row_with_text (window, "01.06.2027 → 01.07.2027");
  g_assert_nonnull (row);
  subject_row = text_of (row);
  g_assert_true (g_str_has_prefix (subject_row, "Activity: Prisregulering 2027\n"));
  g_assert_nonnull (strstr (rows, "Activity: Prisregulering 2027\nAdded\n"));

  /* A search for the activity finds its lines */
  search (window, "prisregulering");
  g_free (rows);
  rows = shown_rows (window);
  g_assert_nonnull (strstr (rows, "01.07.2027"));
  g_assert_null (strstr (rows, "Bos note"));

  close_window (window);
}

/* ---- the presence button ---- */

static void
write_session (const char *sessions,
               const char *user,
               const char *name,
               const char *host)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *since = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *file = g_strdup_printf ("%s@%s-1.session", user, host);
  g_autofree char *path = g_build_filename (sessions, file, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (sessions, 0755);
  g_key_file_set_string (keys, "Session", "User", user);
  g_key_file_set_string (keys, "Session", "Name", name);
  g_key_file_set_string (keys, "Session", "Host", host);
  g_key_file_set_int64 (keys, "Session", "Pid", 1);
  g_key_file_set_string (keys, "Session", "Since", since);
  g_key_file_save_to_file (keys, path, &error);
  g_assert_no_error (error);
}

typedef struct {
  GtkWidget *button;
  gboolean   visible;
  const char *tooltip;
} ButtonState;

static gboolean
button_is (gpointer data)
{
  ButtonState *state = data;
  GtkWidget *menu = find_type (state->button, GTK_TYPE_MENU_BUTTON);

  if (gtk_widget_get_visible (state->button) != state->visible)
    return FALSE;

  return state->tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (menu), state->tooltip) == 0;
}

static void
test_presence_button (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *sessions = g_build_filename (fixture->dir, ".Kontrakter-sessioner", NULL);
  g_autofree char *bo_record = g_build_filename (sessions, "bho@pc-456-1.session", NULL);
  g_autofree char *popover_text = NULL;
  g_autofree char *button_text = NULL;
  g_autoptr(KtPresence) presence = kt_presence_new (fixture->path);
  GtkWidget *button = kt_presence_button_new ();
  GtkWidget *menu;
  GtkWidget *popover;
  ButtonState state = { button, FALSE, NULL };

  g_object_ref_sink (button);
  gtk_window_set_child (GTK_WINDOW (fixture->parent), button);

  kt_presence_set_identity (presence, "aje", "Anna Jensen", "pc-123", getpid ());
  kt_presence_set_timing (presence, 200, 3000, 50);
  kt_presence_start (presence);
  kt_presence_button_set_presence (KT_PRESENCE_BUTTON (button), presence);

  /* Alone: nothing to show */
  settle ();
  g_assert_false (gtk_widget_get_visible (button));

  /* Bo comes in */
  write_session (sessions, "bho", "Bo Hansen", "pc-456");
  state.visible = TRUE;
  state.tooltip = "1 colleague has this portfolio open";
  g_assert_true (wait_for (button_is, &state));
  menu = find_type (button, GTK_TYPE_MENU_BUTTON);
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "1 colleague has this portfolio open"));

  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu)));
  popover_text = text_of (popover);
  g_test_message ("Popover:\n%s", popover_text);
  g_assert_nonnull (strstr (popover_text, "Bo Hansen\nbho on pc-456, since "));
  g_assert_null (strstr (popover_text, "Anna"));

  /* The count in the button, and a second colleague */
  write_session (sessions, "cla", "Carl Larsen", "pc-789");
  state.tooltip = "2 colleagues have this portfolio open";
  g_assert_true (wait_for (button_is, &state));
  /* (the popover's text follows) */
  button_text = text_of (menu);
  g_assert_true (g_str_has_prefix (button_text, "2\nAlso in This Portfolio\n"));
  g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                     "2 colleagues have this portfolio open"));

  /* Bo leaves; then the portfolio closes */
  g_assert_cmpint (g_unlink (bo_record), ==, 0);
  state.tooltip = "1 colleague has this portfolio open";
  g_assert_true (wait_for (button_is, &state));
  kt_presence_button_set_presence (KT_PRESENCE_BUTTON (button), NULL);
  g_assert_false (gtk_widget_get_visible (button));

  kt_presence_stop (presence);
  gtk_window_set_child (GTK_WINDOW (fixture->parent), NULL);
  g_assert_finalize_object (button);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kt_register_resource ();
  kt_format_set_style (KT_FORMAT_STYLE_DANISH);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/history-window/rows", test_rows);
  ADD ("/ui/history-window/search", test_search);
  ADD ("/ui/history-window/reload-keeps-search", test_reload_keeps_search);
  ADD ("/ui/history-window/real-names", test_real_names);
  ADD ("/ui/history-window/empty", test_empty);
  ADD ("/ui/history-window/activity-and-conflict", test_activity_and_conflict);
  ADD ("/ui/presence-button/colleagues", test_presence_button);
#undef ADD

  return g_test_run ();
}
