/* test-store-merge.c — two colleagues save the same record: merge, not overwrite
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-format.h"
#include "kt-store-merge.h"
#include "kt-store-private.h"
#include "store-test-util.h"

#define ADD(path, func) \
  g_test_add (path, StoreFixture, NULL, store_fixture_setup, func, store_fixture_teardown)

/* Two connections on one file, as two people on two machines. */
typedef struct {
  char    *path;
  KtStore *anna;
  KtStore *bent;
} Office;

static void
office_init (Office       *office,
             StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  office->path = store_fixture_path (fixture, "shared.kontrakter");
  office->anna = test_store_new (office->path);
  kt_store_set_identity (office->anna, "Anna Jensen", "pc-anna");

  office->bent = kt_store_open (office->path, KT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kt_store_set_identity (office->bent, "Bent Hansen", "pc-bent");
}

static void
office_clear (Office *office)
{
  g_clear_object (&office->anna);
  g_clear_object (&office->bent);
  g_clear_pointer (&office->path, g_free);
}

static void
set_text (char       **member,
          const char  *text)
{
  g_free (*member);
  *member = g_strdup (text);
}

/* The index of @field in the merge; fails the test when it is not listed. */
static guint
field_index (KtStoreMerge *merge,
             const char   *field)
{
  for (guint i = 0; i < kt_store_merge_get_n_fields (merge); i++)
    if (g_str_equal (kt_store_merge_get_field (merge, i)->field, field))
      return i;

  g_error ("field %s is not in the merge", field);
}

static gboolean
has_field (KtStoreMerge *merge,
           const char   *field)
{
  for (guint i = 0; i < kt_store_merge_get_n_fields (merge); i++)
    if (g_str_equal (kt_store_merge_get_field (merge, i)->field, field))
      return TRUE;

  return FALSE;
}

static void
assert_field (KtStoreMerge  *merge,
              const char    *field,
              gboolean       by_me,
              gboolean       by_them,
              KtMergeChoice  choice)
{
  const KtMergeField *f = kt_store_merge_get_field (merge, field_index (merge, field));

  g_assert_cmpint (f->changed_by_me, ==, by_me);
  g_assert_cmpint (f->changed_by_them, ==, by_them);
  g_assert_cmpint (f->choice, ==, choice);
  g_assert_nonnull (f->label);
  g_assert_cmpstr (f->label, !=, field);
}

/* The resolve rows of a record as "field=detail", oldest first. */
static char *
resolutions (const char *path,
             const char *entity,
             gint64      id)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT coalesce (group_concat (field || '=' || detail, ' '), '') FROM "
                     "(SELECT field, detail FROM audit_log WHERE action = 'resolve' AND "
                     "entity = '%s' AND entity_id = %" G_GINT64_FORMAT " ORDER BY id)",
                     entity, id);

  return test_sql_text (path, sql);
}

/* ---- contracts ---- */

static void
test_contract_merge (StoreFixture  *fixture,
                     gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-100", "ESDH");
  g_autoptr(KtContract) base = NULL;
  g_autoptr(KtContract) annas = NULL;
  g_autoptr(KtContract) bents = NULL;
  g_autoptr(KtContract) again = NULL;
  g_autoptr(KtContract) saved = NULL;
  g_autoptr(KtContract) stored = NULL;
  g_autoptr(KtStoreMerge) merge = NULL;
  g_autoptr(KtStoreMerge) rebuilt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = NULL;
  const KtMergeField *f;
  gint64 audit_rows;

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  office_init (&o, fixture);
  kt_store_insert_contract (o.anna, contract, &error);
  g_assert_no_error (error);

  annas = kt_store_get_contract (o.anna, contract->id, &error);
  g_assert_no_error (error);
  base = kt_store_get_contract (o.bent, contract->id, &error);
  g_assert_no_error (error);
  bents = kt_contract_copy (base);

  /* Anna saves first: the annual cost and a note. */
  annas->annual_cost = 12000000;
  set_text (&annas->notes, "Annas note");
  kt_store_update_contract (o.anna, annas, &error);
  g_assert_no_error (error);

  /* Bent's save of his own note and a new name is refused... */
  set_text (&bents->notes, "Bents note");
  set_text (&bents->name, "ESDH og arkiv");
  g_assert_false (kt_store_update_contract (o.bent, bents, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* ... and merged: exactly the three fields someone changed. */
  merge = kt_store_merge_contract_new (o.bent, base, bents, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kt_store_merge_get_entity (merge), ==, "contract");
  g_assert_cmpstr (kt_store_merge_get_their_author (merge), ==, "Anna Jensen");
  g_assert_nonnull (kt_store_merge_get_their_time (merge));
  g_assert_cmpuint (kt_store_merge_get_n_fields (merge), ==, 3);
  assert_field (merge, "notes", TRUE, TRUE, KT_MERGE_MINE);
  assert_field (merge, "annual_cost", FALSE, TRUE, KT_MERGE_THEIRS);
  assert_field (merge, "name", TRUE, FALSE, KT_MERGE_MINE);

  f = kt_store_merge_get_field (merge, field_index (merge, "annual_cost"));
  g_assert_cmpstr (f->label, ==, "Annual Operating Cost");
  g_assert_cmpstr (f->base_text, ==, "");
  g_assert_cmpstr (f->mine_text, ==, "");
  g_assert_cmpstr (f->theirs_text, ==, "120.000,00 kr.");
  f = kt_store_merge_get_field (merge, field_index (merge, "notes"));
  g_assert_cmpstr (f->mine_text, ==, "Bents note");
  g_assert_cmpstr (f->theirs_text, ==, "Annas note");

  kt_store_merge_set_choice (merge, field_index (merge, "notes"), KT_MERGE_THEIRS);

  /* Anna saves again before Bent does: his save is refused, nothing written. */
  again = kt_store_get_contract (o.anna, contract->id, &error);
  g_assert_no_error (error);
  again->contract_sum = 99900;
  kt_store_update_contract (o.anna, again, &error);
  g_assert_no_error (error);
  audit_rows = test_sql_int (o.path, "SELECT count(*) FROM audit_log");

  g_assert_null (kt_store_merge_save (o.bent, merge, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM audit_log"), ==, audit_rows);
  g_assert_cmpint (test_sql_int (o.path, "SELECT version FROM contracts"), ==, 3);

  /* The new merge keeps Bent's choice and adds Anna's second change. */
  rebuilt = kt_store_merge_rebuild (o.bent, merge, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kt_store_merge_get_n_fields (rebuilt), ==, 4);
  assert_field (rebuilt, "notes", TRUE, TRUE, KT_MERGE_THEIRS);
  assert_field (rebuilt, "annual_cost", FALSE, TRUE, KT_MERGE_THEIRS);
  assert_field (rebuilt, "name", TRUE, FALSE, KT_MERGE_MINE);
  assert_field (rebuilt, "contract_sum", FALSE, TRUE, KT_MERGE_THEIRS);

  saved = kt_store_merge_save (o.bent, rebuilt, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->version, ==, 4);

  stored = kt_store_get_contract (o.anna, contract->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->version, ==, 4);
  g_assert_cmpint (stored->annual_cost, ==, 12000000);
  g_assert_cmpint (stored->contract_sum, ==, 99900);
  g_assert_cmpstr (stored->notes, ==, "Annas note");
  g_assert_cmpstr (stored->name, ==, "ESDH og arkiv");
  g_assert_cmpstr (stored->changed_by, ==, "Bent Hansen");
  g_assert_true (kt_contract_equal_fields (stored, saved));

  /* The regular update row of what changed, and the choice per field. */
  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                         "AND user = 'Bent Hansen'"), ==, 1);
  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                         "AND user = 'Bent Hansen' AND field = 'name' "
                                         "AND old_value = 'ESDH' AND new_value = 'ESDH og arkiv'"),
                   ==, 1);
  resolved = resolutions (o.path, "contract", contract->id);
  g_assert_cmpstr (resolved, ==, "name=mine contract_sum=theirs annual_cost=theirs notes=theirs");
  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM audit_log WHERE action = 'resolve' "
                                         "AND field = 'notes' AND old_value = 'Annas note' "
                                         "AND new_value = 'Bents note'"), ==, 1);

  office_clear (&o);
}

/* Keeping theirs everywhere changes nothing in the row, but the decision
 * (and so what was dropped) is in the trail. */
static void
test_contract_all_theirs (StoreFixture  *fixture,
                          gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-100", "ESDH");
  g_autoptr(KtContract) base = NULL;
  g_autoptr(KtContract) annas = NULL;
  g_autoptr(KtContract) bents = NULL;
  g_autoptr(KtContract) saved = NULL;
  g_autoptr(KtStoreMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = NULL;

  office_init (&o, fixture);
  kt_store_insert_contract (o.anna, contract, &error);
  g_assert_no_error (error);

  base = kt_store_get_contract (o.bent, contract->id, &error);
  g_assert_no_error (error);
  bents = kt_contract_copy (base);
  annas = kt_contract_copy (base);

  set_text (&annas->notes, "Annas note");
  kt_store_update_contract (o.anna, annas, &error);
  g_assert_no_error (error);
  set_text (&bents->notes, "Bents note");

  merge = kt_store_merge_contract_new (o.bent, base, bents, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kt_store_merge_get_n_fields (merge), ==, 1);
  kt_store_merge_set_choice (merge, 0, KT_MERGE_THEIRS);

  saved = kt_store_merge_save (o.bent, merge, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->version, ==, 2);
  g_assert_cmpstr (saved->notes, ==, "Annas note");
  g_assert_cmpint (test_sql_int (o.path, "SELECT version FROM contracts"), ==, 2);
  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM audit_log WHERE "
                                         "user = 'Bent Hansen' AND action <> 'resolve'"), ==, 0);
  resolved = resolutions (o.path, "contract", contract->id);
  g_assert_cmpstr (resolved, ==, "notes=theirs");

  office_clear (&o);
}

/* The update and its resolve rows are one transaction: when the resolve
 * rows cannot be written, the update is undone too. */
static void
test_contract_merge_atomic (StoreFixture  *fixture,
                            gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-100", "ESDH");
  g_autoptr(KtContract) base = NULL;
  g_autoptr(KtContract) annas = NULL;
  g_autoptr(KtContract) bents = NULL;
  g_autoptr(KtContract) saved = NULL;
  g_autoptr(KtStoreMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  office_init (&o, fixture);
  kt_store_insert_contract (o.anna, contract, &error);
  g_assert_no_error (error);

  base = kt_store_get_contract (o.bent, contract->id, &error);
  g_assert_no_error (error);
  bents = kt_contract_copy (base);
  annas = kt_contract_copy (base);
  set_text (&annas->notes, "Annas note");
  kt_store_update_contract (o.anna, annas, &error);
  g_assert_no_error (error);
  set_text (&bents->name, "ESDH og arkiv");

  merge = kt_store_merge_contract_new (o.bent, base, bents, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kt_store_merge_get_n_fields (merge), ==, 2);

  g_assert_cmpint (test_sql_exec (o.path,
                                  "CREATE TRIGGER no_resolve BEFORE INSERT ON audit_log "
                                  "WHEN new.action = 'resolve' "
                                  "BEGIN SELECT RAISE (ABORT, 'no'); END;"), ==, SQLITE_OK);
  g_assert_null (kt_store_merge_save (o.bent, merge, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (test_sql_int (o.path, "SELECT version FROM contracts"), ==, 2);
  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM contracts WHERE name = 'ESDH'"),
                   ==, 1);
  g_assert_false (kt_store_in_batch (o.bent));

  /* Inside a caller's batch the merge is undone with it. */
  g_assert_cmpint (test_sql_exec (o.path, "DROP TRIGGER no_resolve"), ==, SQLITE_OK);
  kt_store_begin_batch (o.bent, &error);
  g_assert_no_error (error);
  saved = kt_store_merge_save (o.bent, merge, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->version, ==, 3);
  g_assert_true (kt_store_in_batch (o.bent));
  kt_store_rollback_batch (o.bent);
  g_assert_cmpint (test_sql_int (o.path, "SELECT version FROM contracts"), ==, 2);
  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM audit_log WHERE action = 'resolve'"),
                   ==, 0);

  /* And kept with it. */
  g_clear_pointer (&saved, kt_contract_free);
  kt_store_begin_batch (o.bent, &error);
  g_assert_no_error (error);
  saved = kt_store_merge_save (o.bent, merge, &error);
  g_assert_no_error (error);
  kt_store_commit_batch (o.bent, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (o.path, "SELECT version FROM contracts"), ==, 3);
  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM audit_log WHERE action = 'resolve'"),
                   ==, 2);

  office_clear (&o);
}

static void
test_contract_deleted (StoreFixture  *fixture,
                       gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-100", "ESDH");
  g_autoptr(KtContract) bents = NULL;
  g_autoptr(KtStoreMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  office_init (&o, fixture);
  kt_store_insert_contract (o.anna, contract, &error);
  g_assert_no_error (error);
  bents = kt_contract_copy (contract);
  set_text (&bents->notes, "Bents note");

  kt_store_delete_contract (o.anna, contract->id, contract->version, &error);
  g_assert_no_error (error);

  merge = kt_store_merge_contract_new (o.bent, contract, bents, &error);
  g_assert_null (merge);
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Anna Jensen"));

  office_clear (&o);
}

/* ---- suppliers, with their contacts as one field ---- */

static void
add_contact (KtSupplier *supplier,
             const char *name,
             const char *email)
{
  KtContact *contact = kt_contact_new ();

  contact->name = g_strdup (name);
  contact->email = g_strdup (email);
  g_ptr_array_add (supplier->contacts, contact);
}

static void
test_supplier_merge (StoreFixture  *fixture,
                     gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtSupplier) supplier = test_supplier_new ("Netcompany A/S", 1);
  g_autoptr(KtSupplier) base = NULL;
  g_autoptr(KtSupplier) annas = NULL;
  g_autoptr(KtSupplier) bents = NULL;
  g_autoptr(KtSupplier) again = NULL;
  g_autoptr(KtSupplier) saved = NULL;
  g_autoptr(KtSupplier) stored = NULL;
  g_autoptr(KtStoreMerge) merge = NULL;
  g_autoptr(KtStoreMerge) rebuilt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = NULL;
  const KtMergeField *f;

  office_init (&o, fixture);
  add_contact (supplier, "Bo Berg", "bo@netcompany.dk");
  kt_store_insert_supplier (o.anna, supplier, &error);
  g_assert_no_error (error);

  annas = kt_store_get_supplier (o.anna, supplier->id, &error);
  g_assert_no_error (error);
  base = kt_store_get_supplier (o.bent, supplier->id, &error);
  g_assert_no_error (error);
  bents = kt_supplier_copy (base);

  set_text (&annas->city, "Aarhus N");
  add_contact (annas, "Ida Holm", "ida@netcompany.dk");
  kt_store_update_supplier (o.anna, annas, &error);
  g_assert_no_error (error);

  set_text (&bents->notes, "Strategisk leverandør");
  add_contact (bents, "Kim Lund", "kim@netcompany.dk");
  g_assert_false (kt_store_update_supplier (o.bent, bents, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  merge = kt_store_merge_supplier_new (o.bent, base, bents, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kt_store_merge_get_entity (merge), ==, "supplier");
  g_assert_cmpuint (kt_store_merge_get_n_fields (merge), ==, 3);
  assert_field (merge, "contacts", TRUE, TRUE, KT_MERGE_MINE);
  assert_field (merge, "city", FALSE, TRUE, KT_MERGE_THEIRS);
  assert_field (merge, "notes", TRUE, FALSE, KT_MERGE_MINE);
  f = kt_store_merge_get_field (merge, field_index (merge, "contacts"));
  g_assert_cmpstr (f->label, ==, "Contact Persons");
  g_assert_cmpstr (f->theirs_text, ==, "Bo Berg, bo@netcompany.dk\nIda Holm, ida@netcompany.dk");
  g_assert_cmpstr (f->mine_text, ==, "Bo Berg, bo@netcompany.dk\nKim Lund, kim@netcompany.dk");

  kt_store_merge_set_choice (merge, field_index (merge, "contacts"), KT_MERGE_THEIRS);

  /* A second change by Anna meanwhile. */
  again = kt_store_get_supplier (o.anna, supplier->id, &error);
  g_assert_no_error (error);
  set_text (&again->address, "Søndergade 2");
  kt_store_update_supplier (o.anna, again, &error);
  g_assert_no_error (error);

  g_assert_null (kt_store_merge_save (o.bent, merge, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  rebuilt = kt_store_merge_rebuild (o.bent, merge, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kt_store_merge_get_n_fields (rebuilt), ==, 4);
  assert_field (rebuilt, "contacts", TRUE, TRUE, KT_MERGE_THEIRS);
  assert_field (rebuilt, "address", FALSE, TRUE, KT_MERGE_THEIRS);

  saved = kt_store_merge_save (o.bent, rebuilt, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->version, ==, 4);

  stored = kt_store_get_supplier (o.anna, supplier->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->version, ==, 4);
  g_assert_cmpstr (stored->city, ==, "Aarhus N");
  g_assert_cmpstr (stored->address, ==, "Søndergade 2");
  g_assert_cmpstr (stored->notes, ==, "Strategisk leverandør");
  g_assert_cmpuint (stored->contacts->len, ==, 2);
  g_assert_cmpstr (((KtContact *) stored->contacts->pdata[1])->name, ==, "Ida Holm");
  g_assert_cmpuint (saved->contacts->len, ==, 2);

  resolved = resolutions (o.path, "supplier", supplier->id);
  g_assert_cmpstr (resolved, ==, "address=theirs city=theirs notes=mine contacts=theirs");
  g_assert_cmpint (test_sql_int (o.path, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                         "AND user = 'Bent Hansen'"), ==, 1);

  office_clear (&o);
}

/* ---- activities ---- */

static void
test_activity_merge (StoreFixture  *fixture,
                     gconstpointer  data)
{
  Office o = { 0 };
  g_autoptr(KtContract) contract = test_contract_new ("K-100", "ESDH");
  g_autoptr(KtActivity) activity = kt_activity_new ();
  g_autoptr(KtActivity) base = NULL;
  g_autoptr(KtActivity) annas = NULL;
  g_autoptr(KtActivity) bents = NULL;
  g_autoptr(KtActivity) again = NULL;
  g_autoptr(KtActivity) saved = NULL;
  g_autoptr(KtActivity) stored = NULL;
  g_autoptr(KtStoreMerge) merge = NULL;
  g_autoptr(KtStoreMerge) rebuilt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = NULL;
  const KtMergeField *f;

  kt_format_set_style (KT_FORMAT_STYLE_DANISH);
  office_init (&o, fixture);
  kt_store_insert_contract (o.anna, contract, &error);
  g_assert_no_error (error);

  activity->contract_id = contract->id;
  activity->type = KT_ACTIVITY_PRICE_REGULATION;
  activity->description = g_strdup ("Prisregulering 2027");
  g_date_set_dmy (&activity->deadline, 1, G_DATE_JUNE, 2027);
  kt_store_insert_activity (o.anna, activity, &error);
  g_assert_no_error (error);

  annas = kt_store_get_activity (o.anna, activity->id, &error);
  g_assert_no_error (error);
  base = kt_store_get_activity (o.bent, activity->id, &error);
  g_assert_no_error (error);
  bents = kt_activity_copy (base);

  g_date_set_dmy (&annas->deadline, 15, G_DATE_JUNE, 2027);
  set_text (&annas->notes, "Tjek pkt. 8");
  kt_store_update_activity (o.anna, annas, &error);
  g_assert_no_error (error);

  set_text (&bents->notes, "Indeks fra DST");
  set_text (&bents->description, "Prisregulering juni 2027");
  g_assert_false (kt_store_update_activity (o.bent, bents, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  merge = kt_store_merge_activity_new (o.bent, base, bents, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kt_store_merge_get_entity (merge), ==, "activity");
  g_assert_cmpuint (kt_store_merge_get_n_fields (merge), ==, 3);
  assert_field (merge, "notes", TRUE, TRUE, KT_MERGE_MINE);
  assert_field (merge, "deadline", FALSE, TRUE, KT_MERGE_THEIRS);
  assert_field (merge, "description", TRUE, FALSE, KT_MERGE_MINE);
  f = kt_store_merge_get_field (merge, field_index (merge, "deadline"));
  g_assert_cmpstr (f->label, ==, "Deadline");
  g_assert_cmpstr (f->base_text, ==, "01.06.2027");
  g_assert_cmpstr (f->theirs_text, ==, "15.06.2027");

  kt_store_merge_set_choice (merge, field_index (merge, "notes"), KT_MERGE_THEIRS);

  again = kt_store_get_activity (o.anna, activity->id, &error);
  g_assert_no_error (error);
  set_text (&again->clause_ref, "pkt. 8.2");
  kt_store_update_activity (o.anna, again, &error);
  g_assert_no_error (error);

  g_assert_null (kt_store_merge_save (o.bent, merge, &error));
  g_assert_error (error, KT_STORE_ERROR, KT_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  rebuilt = kt_store_merge_rebuild (o.bent, merge, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kt_store_merge_get_n_fields (rebuilt), ==, 4);
  assert_field (rebuilt, "notes", TRUE, TRUE, KT_MERGE_THEIRS);
  assert_field (rebuilt, "clause_ref", FALSE, TRUE, KT_MERGE_THEIRS);
  g_assert_false (has_field (rebuilt, "type"));

  saved = kt_store_merge_save (o.bent, rebuilt, &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->version, ==, 4);
  g_assert_cmpstr (saved->contract_number, ==, "K-100");

  stored = kt_store_get_activity (o.anna, activity->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->version, ==, 4);
  g_assert_cmpint (g_date_get_day (&stored->deadline), ==, 15);
  g_assert_cmpstr (stored->notes, ==, "Tjek pkt. 8");
  g_assert_cmpstr (stored->clause_ref, ==, "pkt. 8.2");
  g_assert_cmpstr (stored->description, ==, "Prisregulering juni 2027");

  resolved = resolutions (o.path, "activity", activity->id);
  g_assert_cmpstr (resolved, ==, "deadline=theirs description=mine clause_ref=theirs notes=theirs");

  office_clear (&o);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/merge/contract", test_contract_merge);
  ADD ("/store/merge/contract-all-theirs", test_contract_all_theirs);
  ADD ("/store/merge/contract-atomic", test_contract_merge_atomic);
  ADD ("/store/merge/contract-deleted", test_contract_deleted);
  ADD ("/store/merge/supplier", test_supplier_merge);
  ADD ("/store/merge/activity", test_activity_merge);

  return g_test_run ();
}
