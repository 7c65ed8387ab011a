/* kt-supplier-editor.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-contact-row.h"
#include "kt-contract.h"
#include "kt-cvr.h"
#include "kt-error-row.h"
#include "kt-supplier-editor.h"
#include "kt-validation.h"

struct _KtSupplierEditor
{
  AdwPreferencesPage  parent_instance;

  GtkWidget  *supplier_group;
  GtkWidget  *name_row;
  GtkWidget  *cvr_row;
  GtkWidget  *address_row;
  GtkWidget  *postal_code_row;
  GtkWidget  *city_row;
  GtkWidget  *contacts_group;
  GtkWidget  *add_contact_button;
  GtkWidget  *no_contacts_row;
  GtkWidget  *notes_group;
  GtkWidget  *notes_view;
  GtkWidget  *contracts_group;
  GtkWidget  *contracts_list;

  GPtrArray  *contact_rows;   /* KtContactRow, in order */
  GHashTable *error_rows;     /* field code → KtErrorRow */
  GHashTable *touched;        /* codes of the fields the user edited */
  gboolean    is_new;
  gboolean    editable;
  gboolean    setting;
};

G_DEFINE_FINAL_TYPE (KtSupplierEditor, kt_supplier_editor, ADW_TYPE_PREFERENCES_PAGE)

enum {
  CHANGED,
  CONTRACT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
text_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static char *
row_text (GtkWidget *row)
{
  return text_or_null (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
set_row_text (GtkWidget  *row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
changed_cb (KtSupplierEditor *self)
{
  if (!self->setting)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* A field of error_rows was edited: its problems are errors from now on. */
static void
field_changed_cb (GtkEditable      *row,
                  KtSupplierEditor *self)
{
  if (!self->setting)
    g_hash_table_add (self->touched, g_object_get_data (G_OBJECT (row), "kt-field"));
}

static void
update_no_contacts (KtSupplierEditor *self)
{
  gtk_widget_set_visible (self->no_contacts_row, self->contact_rows->len == 0);
}

static void remove_contact_cb (KtSupplierEditor *self,
                               KtContactRow     *row);

static KtContactRow *
add_contact_row (KtSupplierEditor *self,
                 const KtContact  *contact)
{
  KtContactRow *row = kt_contact_row_new (contact);

  kt_contact_row_set_editable (row, self->editable);
  g_signal_connect_object (row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (remove_contact_cb),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->contacts_group), GTK_WIDGET (row));
  g_ptr_array_add (self->contact_rows, row);
  update_no_contacts (self);

  return row;
}

static void
remove_contact_cb (KtSupplierEditor *self,
                   KtContactRow     *row)
{
  g_ptr_array_remove (self->contact_rows, row);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->contacts_group), GTK_WIDGET (row));
  update_no_contacts (self);
  gtk_widget_grab_focus (self->add_contact_button);
  changed_cb (self);
}

static void
clear_contacts (KtSupplierEditor *self)
{
  for (guint i = 0; i < self->contact_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->contacts_group),
                                  g_ptr_array_index (self->contact_rows, i));
  g_ptr_array_set_size (self->contact_rows, 0);
  update_no_contacts (self);
}

static void
add_contact_clicked_cb (KtSupplierEditor *self)
{
  KtContactRow *row = add_contact_row (self, NULL);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  changed_cb (self);
}

static void
contract_activated_cb (KtSupplierEditor *self,
                       GtkListBoxRow    *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "contract-id");

  if (id != NULL)
    g_signal_emit (self, signals[CONTRACT_ACTIVATED], 0, *id);
}

static void
attach_error_row (KtSupplierEditor *self,
                  const char       *code,
                  GtkWidget        *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  KtErrorRow *error_row = kt_error_row_new (row);

  gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (error_row),
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  g_hash_table_insert (self->error_rows, (gpointer) code, error_row);

  /* Before the "changed" of the editor, so the state shown is current. */
  g_object_set_data (G_OBJECT (row), "kt-field", (gpointer) code);
  g_signal_connect (row, "changed", G_CALLBACK (field_changed_cb), self);
}

static void
kt_supplier_editor_dispose (GObject *object)
{
  KtSupplierEditor *self = KT_SUPPLIER_EDITOR (object);

  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);
  g_clear_pointer (&self->error_rows, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_SUPPLIER_EDITOR);

  G_OBJECT_CLASS (kt_supplier_editor_parent_class)->dispose (object);
}

static void
kt_supplier_editor_class_init (KtSupplierEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_supplier_editor_dispose;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CONTRACT_ACTIVATED] =
    g_signal_new ("contract-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/dk/kontrakter/Kontrakter/views/kt-supplier-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, supplier_group);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, cvr_row);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, postal_code_row);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, add_contact_button);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, no_contacts_row);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, notes_group);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, contracts_group);
  gtk_widget_class_bind_template_child (widget_class, KtSupplierEditor, contracts_list);
}

static void
kt_supplier_editor_init (KtSupplierEditor *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;
  self->contact_rows = g_ptr_array_new ();
  self->error_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->touched = g_hash_table_new (g_str_hash, g_str_equal);

  attach_error_row (self, "name", self->name_row);
  attach_error_row (self, "cvr", self->cvr_row);

  {
    GtkWidget *fields[] = {
      self->name_row, self->cvr_row, self->address_row, self->postal_code_row, self->city_row,
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      g_signal_connect_swapped (fields[i], "changed", G_CALLBACK (changed_cb), self);
  }

  g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)),
                            "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->add_contact_button, "clicked",
                            G_CALLBACK (add_contact_clicked_cb), self);
  g_signal_connect_swapped (self->contracts_list, "row-activated",
                            G_CALLBACK (contract_activated_cb), self);

  placeholder = gtk_label_new (_("No contracts refer to this supplier"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->contracts_list), placeholder);
}

GtkWidget *
kt_supplier_editor_new (void)
{
  return g_object_new (KT_TYPE_SUPPLIER_EDITOR, NULL);
}

static void
show_contracts (KtSupplierEditor *self,
                GPtrArray        *contracts)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->contracts_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->contracts_list), child);

  gtk_widget_set_visible (self->contracts_group, contracts != NULL);

  for (guint i = 0; contracts != NULL && i < contracts->len; i++)
    {
      const KtContract *c = g_ptr_array_index (contracts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      gint64 *id = g_new (gint64, 1);

      /* Translators: a contract in a list: its number and its name */
      title = g_strdup_printf (_("%s – %s"), c->number, c->name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   kt_enum_label (KT_ENUM_STATUS, c->status));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

      *id = c->id;
      g_object_set_data_full (G_OBJECT (row), "contract-id", id, g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->contracts_list), row);
    }
}

void
kt_supplier_editor_set_supplier (KtSupplierEditor *self,
                                 const KtSupplier *supplier,
                                 GPtrArray        *contracts)
{
  g_return_if_fail (KT_IS_SUPPLIER_EDITOR (self));
  g_return_if_fail (supplier != NULL);

  self->setting = TRUE;

  set_row_text (self->name_row, supplier->name);
  set_row_text (self->cvr_row, supplier->cvr);
  set_row_text (self->address_row, supplier->address);
  set_row_text (self->postal_code_row, supplier->postal_code);
  set_row_text (self->city_row, supplier->city);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view)),
                            supplier->notes != NULL ? supplier->notes : "", -1);

  clear_contacts (self);
  for (guint i = 0; supplier->contacts != NULL && i < supplier->contacts->len; i++)
    add_contact_row (self, g_ptr_array_index (supplier->contacts, i));

  show_contracts (self, contracts);
  self->is_new = supplier->id == 0;
  g_hash_table_remove_all (self->touched);
  kt_supplier_editor_show_problems (self, NULL);

  self->setting = FALSE;
}

KtSupplier *
kt_supplier_editor_get_supplier (KtSupplierEditor *self,
                                 const KtSupplier *base)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *notes = NULL;
  g_autofree char *normalised = NULL;
  KtSupplier *s;

  g_return_val_if_fail (KT_IS_SUPPLIER_EDITOR (self), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  s = kt_supplier_copy (base);

  g_free (s->name);
  s->name = row_text (self->name_row);
  g_free (s->cvr);
  s->cvr = row_text (self->cvr_row);
  if (s->cvr != NULL && kt_cvr_validate (s->cvr, &normalised, NULL))
    {
      g_free (s->cvr);
      s->cvr = g_steal_pointer (&normalised);
    }
  g_free (s->address);
  s->address = row_text (self->address_row);
  g_free (s->postal_code);
  s->postal_code = row_text (self->postal_code_row);
  g_free (s->city);
  s->city = row_text (self->city_row);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->notes_view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_free (s->notes);
  s->notes = text_or_null (notes);

  g_clear_pointer (&s->contacts, g_ptr_array_unref);
  s->contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_contact_free);
  for (guint i = 0; i < self->contact_rows->len; i++)
    g_ptr_array_add (s->contacts,
                     kt_contact_row_get_contact (g_ptr_array_index (self->contact_rows, i)));

  return s;
}

void
kt_supplier_editor_show_problems (KtSupplierEditor *self,
                                  GPtrArray        *problems)
{
  GHashTableIter iter;
  gpointer code, row;

  g_return_if_fail (KT_IS_SUPPLIER_EDITOR (self));

  g_hash_table_iter_init (&iter, self->error_rows);
  while (g_hash_table_iter_next (&iter, &code, &row))
    {
      const char *message = problems != NULL ? kt_validation_find (problems, code) : NULL;

      /* A new supplier starts empty: a hint until the user was there. */
      if (self->is_new && !g_hash_table_contains (self->touched, code))
        kt_error_row_set_hint (KT_ERROR_ROW (row), message);
      else
        kt_error_row_set_message (KT_ERROR_ROW (row), message);
    }

  for (guint i = 0; i < self->contact_rows->len; i++)
    kt_contact_row_set_problems (g_ptr_array_index (self->contact_rows, i), problems, i);
}

void
kt_supplier_editor_set_editable (KtSupplierEditor *self,
                                 gboolean          editable)
{
  g_return_if_fail (KT_IS_SUPPLIER_EDITOR (self));

  /* Groups rather than the page, so that it still scrolls; the contracts
   * stay usable to open them. */
  self->editable = editable;
  gtk_widget_set_sensitive (self->supplier_group, editable);
  gtk_widget_set_sensitive (self->notes_group, editable);
  gtk_widget_set_visible (self->add_contact_button, editable);
  for (guint i = 0; i < self->contact_rows->len; i++)
    kt_contact_row_set_editable (g_ptr_array_index (self->contact_rows, i), editable);
}

void
kt_supplier_editor_focus_name (KtSupplierEditor *self)
{
  g_return_if_fail (KT_IS_SUPPLIER_EDITOR (self));

  gtk_widget_grab_focus (self->name_row);
}
