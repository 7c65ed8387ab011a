/* test-editors.c — the contract page and the suppliers view, driven in
 * process on a real example portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "../io/cli-test-util.h"
#include "kt-contract-page.h"
#include "kt-error-row.h"
#include "kt-example.h"
#include "kt-resources.h"
#include "kt-history-window.h"
#include "kt-merge-dialog.h"
#include "kt-supplier-item.h"
#include "kt-suppliers-view.h"

typedef struct {
  char      *dir;
  char      *path;
  KtStore   *store;
  GtkWidget *window;
} Fixture;

/* Widgets are found the way a person finds them: by their titles. */

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_title (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
is_switch (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_SWITCH (widget);
}

static gboolean
is_list_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget);
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget);
}

/* The note above a form, about colleagues' changes */
static gboolean
is_banner (GtkWidget     *widget,
           gconstpointer  data)
{
  GtkWidget *child = GTK_IS_REVEALER (widget) ? gtk_revealer_get_child (GTK_REVEALER (widget))
                                              : NULL;

  return child != NULL && gtk_widget_has_css_class (child, "kt-banner");
}

static gboolean
is_search_entry (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SEARCH_ENTRY (widget);
}

static GtkWidget *
row (GtkWidget  *root,
     const char *title)
{
  GtkWidget *found = find_widget (root, has_title, title);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
button (GtkWidget  *root,
        const char *action)
{
  GtkWidget *found = find_widget (root, has_action, action);

  g_assert_nonnull (found);
  return found;
}

static void
set_text (GtkWidget  *root,
          const char *title,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (root, title)), text);
}

static void
collect_errors (GtkWidget *widget,
                GPtrArray *messages)
{
  if (KT_IS_ERROR_ROW (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (messages, (gpointer) kt_error_row_get_message (KT_ERROR_ROW (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_errors (child, messages);
}

/* Whether a visible message under a field starts with prefix. */
static gboolean
shows_error (GtkWidget  *root,
             const char *prefix)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();

  collect_errors (root, messages);
  for (guint i = 0; i < messages->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (messages, i), prefix))
      return TRUE;

  return FALSE;
}

static guint
n_errors (GtkWidget *root)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new ();

  collect_errors (root, messages);
  return messages->len;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
answer_dialog (const char *response)
{
  AdwMessageDialog *dialog = find_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-editors-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "eksempel.kontrakter", NULL);
  kt_example_write (f->path, &error);
  g_assert_no_error (error);
  f->store = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = gtk_window_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  kt_cli_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
first_contract_id (KtStore *store)
{
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (store, NULL);
  const KtContract *c;

  g_assert_nonnull (contracts);
  g_assert_cmpuint (contracts->len, >, 0);

  /* A fixed-term contract with a start date, for the date rules. */
  for (guint i = 0; i < contracts->len; i++)
    {
      c = g_ptr_array_index (contracts, i);
      if (!c->running && g_date_valid (&c->start_date) && c->status == KT_STATUS_ACTIVE)
        return c->id;
    }

  g_assert_not_reached ();
}

static KtContractPage *
page_on (Fixture *f)
{
  KtContractPage *page = kt_contract_page_new ();

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (page));
  kt_contract_page_set_store (page, f->store);

  return page;
}

static void
count_cb (gpointer  instance,
          gint64    id,
          gint64   *out)
{
  *out = id;
}

static void
test_contract_edit_and_save (Fixture       *f,
                             gconstpointer  data)
{
  KtContractPage *page = page_on (f);
  GtkWidget *root = GTK_WIDGET (page);
  gint64 id = first_contract_id (f->store);
  gint64 saved_id = 0;
  g_autoptr(KtContract) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *save;

  g_signal_connect (page, "saved", G_CALLBACK (count_cb), &saved_id);
  g_assert_true (kt_contract_page_load (page, id, &error));
  g_assert_no_error (error);

  save = button (root, "contract.save");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (kt_contract_page_has_unsaved_changes (page));
  g_assert_cmpuint (n_errors (root), ==, 0);

  set_text (root, "Name", "Nyt ESDH-system");
  set_text (root, "Annual Operating Cost", "1,234,567.50");
  g_assert_true (kt_contract_page_has_unsaved_changes (page));
  g_assert_true (gtk_widget_get_sensitive (save));

  /* A required field emptied: its message, and no saving */
  set_text (root, "Contract Number", "");
  g_assert_true (shows_error (root, "Enter the contract number"));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (row (root, "Contract Number"), "error"));

  stored = kt_store_get_contract (f->store, id, NULL);
  set_text (root, "Contract Number", stored->number);
  g_assert_false (shows_error (root, "Enter the contract number"));
  g_assert_false (gtk_widget_has_css_class (row (root, "Contract Number"), "error"));
  g_assert_true (gtk_widget_get_sensitive (save));

  gtk_widget_activate_action (root, "contract.save", NULL);
  g_assert_cmpint (saved_id, ==, id);
  g_clear_pointer (&stored, kt_contract_free);
  stored = kt_store_get_contract (f->store, id, NULL);
  g_assert_cmpstr (stored->name, ==, "Nyt ESDH-system");
  g_assert_cmpint (stored->annual_cost, ==, 123456750);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_false (kt_contract_page_has_unsaved_changes (page));
  /* Tidied to how amounts read everywhere */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (root, "Annual Operating Cost"))),
                   ==, "1,234,567.50");
}

static void
test_contract_cross_field_rules (Fixture       *f,
                                 gconstpointer  data)
{
  KtContractPage *page = page_on (f);
  GtkWidget *root = GTK_WIDGET (page);
  GtkWidget *save = button (root, "contract.save");
  GtkWidget *end = row (root, "End Date");
  g_autoptr(KtContract) before = NULL;
  gint64 id = first_contract_id (f->store);

  g_assert_true (kt_contract_page_load (page, id, NULL));
  before = kt_store_get_contract (f->store, id, NULL);

  /* The end date before the start date */
  set_text (root, "End Date", "1990-01-31");
  g_assert_true (shows_error (root, "The end date is before the start date"));
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Text that is not a date */
  set_text (root, "End Date", "31.02.2025");
  g_assert_cmpuint (n_errors (root), >=, 1);
  g_assert_true (gtk_widget_has_css_class (end, "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (kt_contract_page_has_unsaved_changes (page));

  /* Running: the end date is hidden and does not count */
  gtk_switch_set_active (GTK_SWITCH (find_widget (row (root, "Running"), is_switch, NULL)), TRUE);
  g_assert_false (gtk_widget_get_visible (end));
  g_assert_false (shows_error (root, "The end date"));
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Amounts that are not amounts */
  set_text (root, "Contract Sum", "a lot");
  g_assert_cmpuint (n_errors (root), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (save));

  /* Revert brings back what is stored */
  gtk_widget_activate_action (root, "contract.revert", NULL);
  g_assert_cmpuint (n_errors (root), ==, 0);
  g_assert_true (gtk_widget_get_visible (end));
  g_assert_false (kt_contract_page_has_unsaved_changes (page));
}

static void
test_contract_new_and_delete (Fixture       *f,
                              gconstpointer  data)
{
  KtContractPage *page = page_on (f);
  GtkWidget *root = GTK_WIDGET (page);
  gint64 saved_id = 0, deleted_id = 0;
  g_autoptr(KtContract) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (page, "saved", G_CALLBACK (count_cb), &saved_id);
  g_signal_connect (page, "deleted", G_CALLBACK (count_cb), &deleted_id);

  kt_contract_page_new_contract (page);
  g_assert_false (kt_contract_page_has_unsaved_changes (page));
  g_assert_false (gtk_widget_get_sensitive (button (root, "contract.save")));

  /* What is missing is a quiet hint until the user has been to the field */
  g_assert_true (shows_error (root, "Enter the contract number"));
  g_assert_false (gtk_widget_has_css_class (row (root, "Contract Number"), "error"));
  set_text (root, "Contract Number", "T");
  set_text (root, "Contract Number", "");
  g_assert_true (gtk_widget_has_css_class (row (root, "Contract Number"), "error"));

  set_text (root, "Contract Number", "TEST-0001");
  set_text (root, "Name", "Testkontrakt");
  set_text (root, "End Date", "2030-12-31");
  g_assert_true (kt_contract_page_has_unsaved_changes (page));
  gtk_widget_activate_action (root, "contract.save", NULL);
  g_assert_cmpint (saved_id, >, 0);

  stored = kt_store_get_contract (f->store, saved_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->number, ==, "TEST-0001");
  g_assert_cmpint (g_date_get_year (&stored->end_date), ==, 2030);

  gtk_widget_activate_action (root, "contract.delete", NULL);
  g_assert_cmpint (deleted_id, ==, saved_id);
  g_clear_pointer (&stored, kt_contract_free);
  stored = kt_store_get_contract (f->store, saved_id, NULL);
  g_assert_null (stored);
}

static void
test_contract_read_only (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(KtStore) reader = kt_store_open (f->path, KT_STORE_OPEN_READ_ONLY, NULL);
  KtContractPage *page = kt_contract_page_new ();
  GtkWidget *root = GTK_WIDGET (page);

  gtk_window_set_child (GTK_WINDOW (f->window), root);
  kt_contract_page_set_store (page, reader);
  g_assert_true (kt_contract_page_load (page, first_contract_id (reader), NULL));

  g_assert_false (gtk_widget_get_visible (button (root, "contract.save")));
  g_assert_false (gtk_widget_is_sensitive (row (root, "Name")));
  set_text (root, "Name", "Ændret");
  g_assert_false (kt_contract_page_has_unsaved_changes (page));
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static void
test_contract_notice_and_dpa (Fixture       *f,
                              gconstpointer  data)
{
  KtContractPage *page = page_on (f);
  GtkWidget *root = GTK_WIDGET (page);
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (f->store, NULL);
  GtkWidget *warning, *notice;
  gint64 id = 0;

  /* A contract that processes personal data without an agreement */
  for (guint i = 0; i < contracts->len && id == 0; i++)
    {
      const KtContract *c = g_ptr_array_index (contracts, i);

      if (c->personal_data && c->type != KT_CONTRACT_TYPE_DATA_PROCESSING &&
          c->status == KT_STATUS_ACTIVE && !kt_store_contract_has_dpa (f->store, c->id, NULL))
        id = c->id;
    }
  g_assert_cmpint (id, >, 0);
  g_assert_true (kt_contract_page_load (page, id, NULL));

  warning = row (root, "A data processing agreement is required");
  g_assert_true (gtk_widget_get_visible (warning));
  gtk_switch_set_active (GTK_SWITCH (find_widget (row (root, "Processes Personal Data"),
                                                  is_switch, NULL)), FALSE);
  g_assert_false (gtk_widget_get_visible (warning));
  /* A warning, not an error: saving is allowed with it shown */
  gtk_switch_set_active (GTK_SWITCH (find_widget (row (root, "Processes Personal Data"),
                                                  is_switch, NULL)), TRUE);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_cmpuint (n_errors (root), ==, 0);

  /* The last day to give notice follows the form as it is typed */
  gtk_switch_set_active (GTK_SWITCH (find_widget (row (root, "Running"), is_switch, NULL)), FALSE);
  set_text (root, "Start Date", "2020-01-01");
  set_text (root, "Irrevocable Until", "");
  set_text (root, "Signed", "");
  set_text (root, "End Date", "2030-06-30");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (root, "Notice Takes Effect At")),
                              KT_NOTICE_RULE_YEAR_END);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (row (root, "Notice Period in Months"),
                                                    is_spin_button, NULL)), "3");
  notice = row (root, "Last Day to Give Notice");
  g_assert_nonnull (find_widget (notice, has_label, "2030-09-30"));
  g_assert_true (gtk_widget_get_sensitive (button (root, "contract.save")));
}

static gint64
supplier_version (KtStore *store,
                  gint64   id)
{
  g_autoptr(KtSupplier) supplier = kt_store_get_supplier (store, id, NULL);

  return supplier != NULL ? supplier->version : -1;
}

static void
test_supplier_invalid_cvr (Fixture       *f,
                           gconstpointer  data)
{
  KtSuppliersView *view = kt_suppliers_view_new ();
  GtkWidget *root = GTK_WIDGET (view);
  g_autoptr(GPtrArray) suppliers = kt_store_list_suppliers (f->store, NULL);
  const KtSupplier *first = g_ptr_array_index (suppliers, 0);
  gint64 version = supplier_version (f->store, first->id);
  GtkWidget *save;

  gtk_window_set_child (GTK_WINDOW (f->window), root);
  kt_suppliers_view_set_store (view, f->store);
  save = button (root, "suppliers.save");

  /* The first supplier is shown */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (root, "Name"))), ==, first->name);
  g_assert_false (gtk_widget_get_sensitive (save));

  set_text (root, "CVR Number", "12345678");
  g_assert_true (kt_suppliers_view_has_unsaved_changes (view));
  g_assert_true (shows_error (root, "This is not a valid CVR number"));
  g_assert_true (gtk_widget_has_css_class (row (root, "CVR Number"), "error"));
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_widget_activate_action (root, "suppliers.save", NULL);
  g_assert_cmpint (supplier_version (f->store, first->id), ==, version);

  /* Typed the way people do, it is valid and saved in its bare form */
  {
    g_autofree char *spaced = g_strdup_printf ("DK %.2s %.2s %.2s %.2s", first->cvr,
                                               first->cvr + 2, first->cvr + 4, first->cvr + 6);
    set_text (root, "CVR Number", spaced);
  }
  g_assert_cmpuint (n_errors (root), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (save));   /* the same number as stored */

  set_text (root, "City", "Ny By");
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_widget_activate_action (root, "suppliers.save", NULL);
  {
    g_autoptr(KtSupplier) stored = kt_store_get_supplier (f->store, first->id, NULL);

    g_assert_cmpstr (stored->city, ==, "Ny By");
    g_assert_cmpstr (stored->cvr, ==, first->cvr);
  }

  /* A contact person with a broken e-mail address blocks saving too */
  {
    g_autoptr(KtSupplier) stored = NULL;
    guint n_contacts = first->contacts != NULL ? first->contacts->len : 0;
    GtkWidget *contact;

    g_signal_emit_by_name (find_widget (root, has_tooltip, "Add a Contact Person"), "clicked");
    contact = row (root, "New Contact Person");
    set_text (contact, "Name", "Ny Kontakt");
    set_text (contact, "E-mail", "ny.kontakt@");
    g_assert_true (shows_error (root, "This does not look like an e-mail address"));
    g_assert_false (gtk_widget_get_sensitive (save));

    set_text (contact, "E-mail", "ny.kontakt@example.dk");
    g_assert_true (gtk_widget_get_sensitive (save));
    gtk_widget_activate_action (root, "suppliers.save", NULL);
    stored = kt_store_get_supplier (f->store, first->id, NULL);
    g_assert_cmpuint (stored->contacts->len, ==, n_contacts + 1);
    g_assert_cmpstr (((KtContact *) g_ptr_array_index (stored->contacts, n_contacts))->email,
                     ==, "ny.kontakt@example.dk");
  }
}

static void
test_supplier_add_and_delete (Fixture       *f,
                              gconstpointer  data)
{
  KtSuppliersView *view = kt_suppliers_view_new ();
  GtkWidget *root = GTK_WIDGET (view);
  g_autoptr(GPtrArray) before = kt_store_list_suppliers (f->store, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) contracts = kt_store_list_contracts (f->store, NULL);
  const KtSupplier *first = g_ptr_array_index (before, 0);
  gboolean first_has_contracts = FALSE;
  gint64 new_id = 0;

  for (guint i = 0; i < contracts->len; i++)
    if (((KtContract *) g_ptr_array_index (contracts, i))->supplier_id == first->id)
      first_has_contracts = TRUE;
  g_assert_true (first_has_contracts);

  gtk_window_set_child (GTK_WINDOW (f->window), root);
  kt_suppliers_view_set_store (view, f->store);

  /* The first supplier, shown at once, has contracts: deleting is refused
   * with the store's message and nothing changes */
  gtk_widget_activate_action (root, "suppliers.delete", NULL);
  answer_dialog ("delete");
  g_assert_nonnull (find_dialog ());
  answer_dialog ("close");
  g_assert_cmpint (supplier_version (f->store, first->id), ==, first->version);

  gtk_widget_activate_action (root, "suppliers.add", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (root, "Name"))), ==, "");
  g_assert_false (gtk_widget_get_sensitive (button (root, "suppliers.save")));
  set_text (root, "Name", "Testleverandør ApS");
  set_text (root, "CVR Number", "10150817");
  gtk_widget_activate_action (root, "suppliers.save", NULL);
  g_assert_null (find_dialog ());

  after = kt_store_list_suppliers (f->store, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  for (guint i = 0; i < after->len; i++)
    {
      const KtSupplier *s = g_ptr_array_index (after, i);

      if (g_strcmp0 (s->name, "Testleverandør ApS") == 0)
        new_id = s->id;
    }
  g_assert_cmpint (new_id, >, 0);

  /* The saved supplier stays in the editor; deleting asks first */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (root, "Name"))), ==,
                   "Testleverandør ApS");
  gtk_widget_activate_action (root, "suppliers.delete", NULL);
  answer_dialog ("delete");
  g_assert_null (find_dialog ());
  g_assert_cmpint (supplier_version (f->store, new_id), ==, -1);
}

static KtMergeDialog *
find_merge_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KT_IS_MERGE_DIALOG (window))
        return KT_MERGE_DIALOG (window);
    }

  return NULL;
}

static void
colleague_changes_supplier (KtStore    *colleague,
                            gint64      id,
                            const char *city,
                            const char *notes)
{
  g_autoptr(KtSupplier) theirs = kt_store_get_supplier (colleague, id, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (theirs);
  if (city != NULL)
    {
      g_free (theirs->city);
      theirs->city = g_strdup (city);
    }
  if (notes != NULL)
    {
      g_free (theirs->notes);
      theirs->notes = g_strdup (notes);
    }
  g_assert_true (kt_store_update_supplier (colleague, theirs, &error));
  g_assert_no_error (error);
}

static void
test_supplier_conflict_merges (Fixture       *f,
                               gconstpointer  data)
{
  KtSuppliersView *view = kt_suppliers_view_new ();
  GtkWidget *root = GTK_WIDGET (view);
  g_autoptr(GPtrArray) suppliers = kt_store_list_suppliers (f->store, NULL);
  const KtSupplier *first = g_ptr_array_index (suppliers, 0);
  g_autoptr(KtStore) colleague = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(KtSupplier) stored = NULL;
  KtMergeDialog *dialog;

  gtk_window_set_child (GTK_WINDOW (f->window), root);
  kt_suppliers_view_set_store (view, f->store);
  set_text (root, "Name", "Mit leverandørnavn");

  kt_store_set_identity (colleague, "kollega", "pc-2");
  colleague_changes_supplier (colleague, first->id, "Kollegaby", NULL);

  /* Save finds their change: theirs and mine, field by field, nothing written */
  gtk_widget_activate_action (root, "suppliers.save", NULL);
  dialog = find_merge_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==,
                   "Someone Else Changed This Supplier");
  g_assert_null (find_dialog ());
  stored = kt_store_get_supplier (f->store, first->id, NULL);
  g_assert_cmpstr (stored->name, ==, first->name);
  g_assert_cmpstr (stored->city, ==, "Kollegaby");

  /* Cancel keeps the edit, unsaved */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.cancel", NULL);
  g_assert_null (find_merge_dialog ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (root, "Name"))), ==,
                   "Mit leverandørnavn");
  g_assert_true (kt_suppliers_view_has_unsaved_changes (view));

  /* Saving again asks again; the merge keeps my name and their city */
  gtk_widget_activate_action (root, "suppliers.save", NULL);
  dialog = find_merge_dialog ();
  g_assert_nonnull (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.save", NULL);
  g_assert_null (find_merge_dialog ());
  g_clear_pointer (&stored, kt_supplier_free);
  stored = kt_store_get_supplier (f->store, first->id, NULL);
  g_assert_cmpstr (stored->name, ==, "Mit leverandørnavn");
  g_assert_cmpstr (stored->city, ==, "Kollegaby");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (root, "City"))), ==, "Kollegaby");
  g_assert_false (kt_suppliers_view_has_unsaved_changes (view));

  /* Who changed what: the supplier's history */
  gtk_widget_activate_action (root, "suppliers.history", NULL);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    GtkWindow *history = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (KT_IS_HISTORY_WINDOW (window))
          history = GTK_WINDOW (window);
      }
    g_assert_nonnull (history);
    g_assert_cmpstr (gtk_window_get_title (history), ==, "History of Mit leverandørnavn");
    gtk_window_destroy (history);
  }
}

static gint64
selected_supplier (GtkWidget *root)
{
  GtkWidget *list_view = find_widget (root, is_list_view, NULL);
  GtkSelectionModel *model;
  KtSupplierItem *item;

  g_assert_nonnull (list_view);
  model = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));

  return item != NULL ? kt_supplier_item_get_id (item) : 0;
}

static gboolean
lists_supplier (GtkWidget  *root,
                const char *name)
{
  GtkWidget *list_view = find_widget (root, is_list_view, NULL);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KtSupplierItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (kt_supplier_item_get_name (item), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_supplier_refresh (Fixture       *f,
                       gconstpointer  data)
{
  KtSuppliersView *view = kt_suppliers_view_new ();
  GtkWidget *root = GTK_WIDGET (view);
  g_autoptr(GPtrArray) suppliers = kt_store_list_suppliers (f->store, NULL);
  const KtSupplier *shown = g_ptr_array_index (suppliers, 2);
  const KtSupplier *other = g_ptr_array_index (suppliers, 4);
  g_autoptr(KtStore) colleague = kt_store_open (f->path, KT_STORE_OPEN_DEFAULT, NULL);
  GtkWidget *search = NULL;
  GtkRevealer *note;

  gtk_window_set_child (GTK_WINDOW (f->window), root);
  kt_suppliers_view_set_store (view, f->store);
  g_assert_true (kt_suppliers_view_show_supplier (view, shown->id));
  g_assert_cmpint (selected_supplier (root), ==, shown->id);
  note = GTK_REVEALER (find_widget (root, is_banner, NULL));
  g_assert_nonnull (note);
  g_assert_false (gtk_revealer_get_reveal_child (note));

  /* A colleague renames another supplier and changes the one shown */
  kt_store_set_identity (colleague, "Anna Jensen", "pc-2");
  {
    g_autoptr(KtSupplier) renamed = kt_store_get_supplier (colleague, other->id, NULL);

    g_free (renamed->name);
    renamed->name = g_strdup ("Omdøbt af kollega A/S");
    g_assert_true (kt_store_update_supplier (colleague, renamed, NULL));
  }
  colleague_changes_supplier (colleague, shown->id, "Nyby", NULL);

  /* Nothing edited here: the newer version, the same supplier selected */
  kt_suppliers_view_refresh (view);
  g_assert_cmpint (selected_supplier (root), ==, shown->id);
  g_assert_true (lists_supplier (root, "Omdøbt af kollega A/S"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (root, "City"))), ==, "Nyby");
  g_assert_false (kt_suppliers_view_has_unsaved_changes (view));
  g_assert_false (gtk_revealer_get_reveal_child (note));

  /* Edited here: the edit stays, a note says who changed it */
  set_text (root, "Address", "Min vej 1");
  colleague_changes_supplier (colleague, shown->id, NULL, "Kollegaens noter");
  kt_suppliers_view_refresh (view);
  g_assert_cmpint (selected_supplier (root), ==, shown->id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (root, "Address"))), ==,
                   "Min vej 1");
  g_assert_true (gtk_revealer_get_reveal_child (note));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (find_widget (GTK_WIDGET (note),
                                                                               is_label, NULL))),
                                   "Anna Jensen changed this supplier at "));

  /* The search text stays, and so does the selection it shows */
  search = find_widget (root, is_search_entry, NULL);
  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), shown->name);
  kt_suppliers_view_refresh (view);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, shown->name);
  g_assert_cmpint (selected_supplier (root), ==, shown->id);

  /* Saving now merges: my address and their notes */
  gtk_widget_activate_action (root, "suppliers.save", NULL);
  g_assert_nonnull (find_merge_dialog ());
  gtk_widget_activate_action (GTK_WIDGET (find_merge_dialog ()), "merge.save", NULL);
  {
    g_autoptr(KtSupplier) stored = kt_store_get_supplier (f->store, shown->id, NULL);

    g_assert_cmpstr (stored->address, ==, "Min vej 1");
    g_assert_cmpstr (stored->notes, ==, "Kollegaens noter");
    g_assert_cmpstr (stored->city, ==, "Nyby");
  }
  g_assert_false (gtk_revealer_get_reveal_child (note));
}

static void
test_finalize (Fixture       *f,
               gconstpointer  data)
{
  KtContractPage *page = g_object_ref_sink (kt_contract_page_new ());
  KtSuppliersView *view = g_object_ref_sink (kt_suppliers_view_new ());

  kt_contract_page_set_store (page, f->store);
  g_assert_true (kt_contract_page_load (page, first_contract_id (f->store), NULL));
  set_text (GTK_WIDGET (page), "Name", "Ikke gemt");
  kt_suppliers_view_set_store (view, f->store);
  set_text (GTK_WIDGET (view), "CVR Number", "1");

  /* Nothing keeps the editors alive, nor the store */
  g_assert_finalize_object (page);
  g_assert_finalize_object (view);
  g_assert_finalize_object (g_steal_pointer (&f->store));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kt_register_resource ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/contract-page/edit-and-save", test_contract_edit_and_save);
  ADD ("/ui/contract-page/cross-field-rules", test_contract_cross_field_rules);
  ADD ("/ui/contract-page/new-and-delete", test_contract_new_and_delete);
  ADD ("/ui/contract-page/read-only", test_contract_read_only);
  ADD ("/ui/contract-page/notice-and-dpa", test_contract_notice_and_dpa);
  ADD ("/ui/suppliers-view/invalid-cvr", test_supplier_invalid_cvr);
  ADD ("/ui/suppliers-view/add-and-delete", test_supplier_add_and_delete);
  ADD ("/ui/suppliers-view/conflict-merges", test_supplier_conflict_merges);
  ADD ("/ui/suppliers-view/refresh", test_supplier_refresh);
  ADD ("/ui/editors/finalize", test_finalize);
#undef ADD

  return g_test_run ();
}
