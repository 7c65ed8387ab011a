/* kt-document-library.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include <glib/gi18n.h>

#include "kt-document-files.h"
#include "kt-document-library.h"

struct _KtDocumentLibrary
{
  GObject  parent_instance;

  KtStore *store;
  char    *folder;
};

G_DEFINE_FINAL_TYPE (KtDocumentLibrary, kt_document_library, G_TYPE_OBJECT)

G_DEFINE_QUARK (kt-document-error-quark, kt_document_error)

/* Nothing is copied for a portfolio that cannot take the row. */
static gboolean
check_writable (KtDocumentLibrary  *self,
                GError            **error)
{
  const char *reason;

  if (!kt_store_is_read_only (self->store))
    return TRUE;

  reason = kt_store_get_read_only_reason (self->store);
  g_set_error_literal (error, KT_STORE_ERROR, KT_STORE_ERROR_READ_ONLY,
                       reason != NULL ? reason : _("The portfolio is open read-only."));
  return FALSE;
}

/* Copy, hash and probe: no store, so it may run in any thread. */
static KtDocument *
prepare (const char    *folder,
         gint64         contract_id,
         GFile         *source,
         int            kind,
         GCancellable  *cancellable,
         GError       **error)
{
  g_auto(KtIncoming) in = { 0 };
  KtDocument *document;

  if (!kt_document_files_copy_in (folder, source, &in, cancellable, error) ||
      !kt_document_files_commit (folder, &in, FALSE, error))
    return NULL;

  document = kt_document_new ();
  document->contract_id = contract_id;
  document->kind = kind >= 0 ? (KtDocumentKind) kind
                             : kt_document_guess_kind (in.display_name, in.media_type);
  document->sha256 = g_steal_pointer (&in.sha256);
  document->original_name = g_steal_pointer (&in.display_name);
  document->media_type = g_steal_pointer (&in.media_type);
  document->size = in.size;
  document->n_pages = in.n_pages;

  return document;
}

static void
kt_document_library_finalize (GObject *object)
{
  KtDocumentLibrary *self = (KtDocumentLibrary *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->folder, g_free);

  G_OBJECT_CLASS (kt_document_library_parent_class)->finalize (object);
}

static void
kt_document_library_class_init (KtDocumentLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_document_library_finalize;
}

static void
kt_document_library_init (KtDocumentLibrary *self)
{
}

KtDocumentLibrary *
kt_document_library_new (KtStore *store)
{
  KtDocumentLibrary *self;

  g_return_val_if_fail (KT_IS_STORE (store), NULL);

  self = g_object_new (KT_TYPE_DOCUMENT_LIBRARY, NULL);
  self->store = g_object_ref (store);
  self->folder = kt_document_library_folder_for (kt_store_get_path (store));

  return self;
}

KtStore *
kt_document_library_get_store (KtDocumentLibrary *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_LIBRARY (self), NULL);

  return self->store;
}

const char *
kt_document_library_get_folder (KtDocumentLibrary *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_LIBRARY (self), NULL);

  return self->folder;
}

char *
kt_document_library_folder_for (const char *portfolio_path)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *dot;

  g_return_val_if_fail (portfolio_path != NULL, NULL);

  dir = g_path_get_dirname (portfolio_path);
  base = g_path_get_basename (portfolio_path);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';

  /* Danish whatever the language of the app: colleagues with other
   * settings open the same portfolio and must find the same folder. */
  name = g_strconcat (base, "-dokumenter", NULL);

  return g_build_filename (dir, name, NULL);
}

char *
kt_document_library_get_path (KtDocumentLibrary  *self,
                              const KtDocument   *document,
                              GError            **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (KT_IS_DOCUMENT_LIBRARY (self), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  /* The hash becomes a file name: anything but 64 lowercase hex digits
   * (a path, "..", a name of another case) is refused before use. */
  if (!kt_document_sha256_is_valid (document->sha256))
    {
      g_set_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_UNSAFE_PATH,
                   /* Translators: %s is the document's name */
                   _("The stored name of “%s” is not valid, so its file is not opened."),
                   document->original_name != NULL ? document->original_name : "");
      return NULL;
    }

  name = g_strconcat (document->sha256, ".",
                      kt_document_files_extension (document->media_type), NULL);
  path = g_build_filename (self->folder, name, NULL);

  if (!kt_document_files_check_inside (self->folder, path, error))
    return NULL;

  return g_steal_pointer (&path);
}

char *
kt_document_library_get_existing_path (KtDocumentLibrary  *self,
                                       const KtDocument   *document,
                                       GError            **error)
{
  g_autofree char *path = kt_document_library_get_path (self, document, error);

  if (path == NULL)
    return NULL;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_MISSING,
                   /* Translators: the document's name, then the path where its
                    * file should have been */
                   _("The file of “%s” is missing. It was expected at “%s”."),
                   document->original_name != NULL ? document->original_name : "", display);
      return NULL;
    }

  return g_steal_pointer (&path);
}

KtDocument *
kt_document_library_attach (KtDocumentLibrary  *self,
                            gint64              contract_id,
                            GFile              *source,
                            int                 kind,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autoptr(KtDocument) document = NULL;

  g_return_val_if_fail (KT_IS_DOCUMENT_LIBRARY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_writable (self, error))
    return NULL;

  document = prepare (self->folder, contract_id, source, kind, cancellable, error);
  if (document == NULL || !kt_store_insert_document (self->store, document, error))
    return NULL;

  return g_steal_pointer (&document);
}

typedef struct {
  char   *folder;
  gint64  contract_id;
  GFile  *source;
  int     kind;
} AttachData;

static void
attach_data_free (AttachData *data)
{
  g_free (data->folder);
  g_object_unref (data->source);
  g_free (data);
}

static void
attach_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AttachData *data = task_data;
  GError *error = NULL;
  KtDocument *document;

  document = prepare (data->folder, data->contract_id, data->source, data->kind,
                      cancellable, &error);
  if (document != NULL)
    g_task_return_pointer (task, document, (GDestroyNotify) kt_document_free);
  else
    g_task_return_error (task, error);
}

/* Back in the caller's thread: the store is only ever used from there. */
static void
attach_prepared_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KtDocumentLibrary *self = g_task_get_source_object (task);
  g_autoptr(KtDocument) document = NULL;
  GError *error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The copy stays (found again by its hash); no row for a cancelled attach. */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!kt_store_insert_document (self->store, document, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&document), (GDestroyNotify) kt_document_free);
}

void
kt_document_library_attach_async (KtDocumentLibrary   *self,
                                  gint64               contract_id,
                                  GFile               *source,
                                  int                  kind,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  GTask *task;
  AttachData *data;

  g_return_if_fail (KT_IS_DOCUMENT_LIBRARY (self));
  g_return_if_fail (G_IS_FILE (source));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kt_document_library_attach_async);
  /* Once the row is written the attach has happened, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  if (!check_writable (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  data = g_new0 (AttachData, 1);
  data->folder = g_strdup (self->folder);
  data->contract_id = contract_id;
  data->source = g_object_ref (source);
  data->kind = kind;

  /* The thread's task holds no reference to the library: the library is
   * then never finalized in the worker (nor kept alive by it after the
   * caller got its answer). */
  worker = g_task_new (NULL, cancellable, attach_prepared_cb, task);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, data, (GDestroyNotify) attach_data_free);
  g_task_run_in_thread (worker, attach_thread);
}

KtDocument *
kt_document_library_attach_finish (KtDocumentLibrary  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
verify_path (const char       *path,
             const char       *sha256,
             KtDocumentState  *state,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *actual = NULL;

  actual = kt_document_library_hash_file (file, cancellable, &local_error);
  if (actual == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *state = KT_DOCUMENT_MISSING;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *state = strcmp (actual, sha256) == 0 ? KT_DOCUMENT_OK : KT_DOCUMENT_CHANGED;

  return TRUE;
}

gboolean
kt_document_library_verify (KtDocumentLibrary  *self,
                            const KtDocument   *document,
                            KtDocumentState    *state,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autofree char *path = NULL;
  KtDocumentState ignored;

  g_return_val_if_fail (KT_IS_DOCUMENT_LIBRARY (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  path = kt_document_library_get_path (self, document, error);
  if (path == NULL)
    return FALSE;

  return verify_path (path, document->sha256, state != NULL ? state : &ignored,
                      cancellable, error);
}

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  char **args = task_data;
  KtDocumentState state;
  GError *error = NULL;

  if (verify_path (args[0], args[1], &state, cancellable, &error))
    g_task_return_int (task, state);
  else
    g_task_return_error (task, error);
}

static void
verify_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gssize state;

  state = g_task_propagate_int (G_TASK (result), &error);
  if (state < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, state);
}

void
kt_document_library_verify_async (KtDocumentLibrary   *self,
                                  const KtDocument    *document,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  char **args;
  char *path;

  g_return_if_fail (KT_IS_DOCUMENT_LIBRARY (self));
  g_return_if_fail (document != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kt_document_library_verify_async);

  path = kt_document_library_get_path (self, document, &error);
  if (path == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  args = g_new0 (char *, 3);
  args[0] = path;
  args[1] = g_strdup (document->sha256);
  /* As for attach: the thread never holds the library. */
  worker = g_task_new (NULL, cancellable, verify_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, args, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (worker, verify_thread);
}

gboolean
kt_document_library_verify_finish (KtDocumentLibrary  *self,
                                   GAsyncResult       *result,
                                   KtDocumentState    *state,
                                   GError            **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return FALSE;

  if (state != NULL)
    *state = (KtDocumentState) value;

  return TRUE;
}

gboolean
kt_document_library_relocate (KtDocumentLibrary  *self,
                              KtDocument         *document,
                              GFile              *found,
                              gboolean            replace,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_auto(KtIncoming) in = { 0 };
  g_autoptr(KtDocument) updated = NULL;
  KtDocument swap;

  g_return_val_if_fail (KT_IS_DOCUMENT_LIBRARY (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (found), FALSE);

  /* One pass: copied in while hashed, then named or dropped. */
  if (!kt_document_files_copy_in (self->folder, found, &in, cancellable, error))
    return FALSE;

  /* The file under that name may be there but changed: the located copy
   * has the right content, so it wins. */
  if (g_strcmp0 (in.sha256, document->sha256) == 0)
    return kt_document_files_commit (self->folder, &in, TRUE, error);

  if (!replace)
    {
      g_set_error (error, KT_DOCUMENT_ERROR, KT_DOCUMENT_ERROR_DIFFERENT_FILE,
                   _("“%s” is not the file that was attached (its content differs)."),
                   in.display_name);
      return FALSE;
    }

  if (!check_writable (self, error) ||
      !kt_document_files_commit (self->folder, &in, FALSE, error))
    return FALSE;

  updated = kt_document_copy (document);
  g_free (updated->sha256);
  updated->sha256 = g_steal_pointer (&in.sha256);
  g_free (updated->media_type);
  updated->media_type = g_steal_pointer (&in.media_type);
  updated->size = in.size;
  updated->n_pages = in.n_pages;

  if (!kt_store_update_document (self->store, updated, error))
    return FALSE;

  /* The caller's record takes the new values and version. */
  swap = *document;
  *document = *updated;
  *updated = swap;

  return TRUE;
}
