/* kt-contact-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-contact-row.h"
#include "kt-error-row.h"
#include "kt-validation.h"

typedef enum {
  FIELD_NAME,
  FIELD_TITLE,
  FIELD_EMAIL,
  FIELD_PHONE,
  N_FIELDS
} Field;

static const struct {
  const char *member;
  const char *title;
} fields[N_FIELDS] = {
  [FIELD_NAME]  = { "name",  N_("Name") },
  /* Translators: the contact person's job title at the supplier */
  [FIELD_TITLE] = { "title", N_("Title") },
  [FIELD_EMAIL] = { "email", N_("E-mail") },
  [FIELD_PHONE] = { "phone", N_("Phone") },
};

struct _KtContactRow
{
  AdwExpanderRow  parent_instance;

  gint64          id;
  GtkWidget      *entries[N_FIELDS];
  KtErrorRow     *errors[N_FIELDS];
  GtkWidget      *remove_button;
  gboolean        is_new;
  guint           touched;   /* bit mask of (1 << Field) edited by the user */
  gboolean        setting;
};

G_DEFINE_FINAL_TYPE (KtContactRow, kt_contact_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
entry_text (KtContactRow *self,
            Field         field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->entries[field]));
}

static char *
text_or_null (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

static void
update_heading (KtContactRow *self)
{
  g_autofree char *name = text_or_null (entry_text (self, FIELD_NAME));
  g_autofree char *title = text_or_null (entry_text (self, FIELD_TITLE));
  g_autofree char *email = text_or_null (entry_text (self, FIELD_EMAIL));
  g_autofree char *subtitle = NULL;

  if (title != NULL && email != NULL)
    subtitle = g_strdup_printf ("%s · %s", title, email);
  else
    subtitle = g_strdup (title != NULL ? title : email);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 name != NULL ? name : _("New Contact Person"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle != NULL ? subtitle : "");
}

static void
entry_changed_cb (GtkEditable  *entry,
                  KtContactRow *self)
{
  if (self->setting)
    return;

  self->touched |= 1u << GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "kt-field"));
  update_heading (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (KtContactRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
kt_contact_row_class_init (KtContactRowClass *klass)
{
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE_REQUESTED] =
    g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kt_contact_row_init (KtContactRow *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->entries[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entries[i]),
                                     _(fields[i].title));
      g_object_set_data (G_OBJECT (self->entries[i]), "kt-field", GUINT_TO_POINTER (i));
      g_signal_connect (self->entries[i], "changed", G_CALLBACK (entry_changed_cb), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->entries[i]);

      self->errors[i] = kt_error_row_new (self->entries[i]);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->errors[i]));
    }

  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->entries[FIELD_EMAIL]),
                                   GTK_INPUT_PURPOSE_EMAIL);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->entries[FIELD_PHONE]),
                                   GTK_INPUT_PURPOSE_PHONE);

  self->remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (self->remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->remove_button, "flat");
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove Contact Person"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Contact Person"),
                                  -1);
  g_signal_connect_swapped (self->remove_button, "clicked",
                            G_CALLBACK (remove_clicked_cb), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), self->remove_button);

  update_heading (self);
}

KtContactRow *
kt_contact_row_new (const KtContact *contact)
{
  KtContactRow *self = g_object_new (KT_TYPE_CONTACT_ROW, NULL);

  self->is_new = contact == NULL;
  if (contact != NULL)
    {
      const char *values[N_FIELDS] = {
        [FIELD_NAME] = contact->name,
        [FIELD_TITLE] = contact->title,
        [FIELD_EMAIL] = contact->email,
        [FIELD_PHONE] = contact->phone,
      };

      self->id = contact->id;
      self->setting = TRUE;
      for (guint i = 0; i < N_FIELDS; i++)
        gtk_editable_set_text (GTK_EDITABLE (self->entries[i]),
                               values[i] != NULL ? values[i] : "");
      self->setting = FALSE;
      update_heading (self);
    }

  return self;
}

KtContact *
kt_contact_row_get_contact (KtContactRow *self)
{
  KtContact *contact;

  g_return_val_if_fail (KT_IS_CONTACT_ROW (self), NULL);

  contact = kt_contact_new ();
  contact->id = self->id;
  contact->name = text_or_null (entry_text (self, FIELD_NAME));
  contact->title = text_or_null (entry_text (self, FIELD_TITLE));
  contact->email = text_or_null (entry_text (self, FIELD_EMAIL));
  contact->phone = text_or_null (entry_text (self, FIELD_PHONE));

  return contact;
}

void
kt_contact_row_set_problems (KtContactRow *self,
                             GPtrArray    *problems,
                             guint         index)
{
  g_return_if_fail (KT_IS_CONTACT_ROW (self));

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *field = g_strdup_printf ("contacts/%u/%s", index, fields[i].member);
      const char *message = problems != NULL ? kt_validation_find (problems, field) : NULL;

      /* A person just added starts empty: a hint until the user was there. */
      if (self->is_new && !(self->touched & (1u << i)))
        {
          kt_error_row_set_hint (self->errors[i], message);
          continue;
        }

      kt_error_row_set_message (self->errors[i], message);

      /* A problem must not hide in a collapsed row. */
      if (message != NULL)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
    }
}

void
kt_contact_row_set_editable (KtContactRow *self,
                             gboolean      editable)
{
  g_return_if_fail (KT_IS_CONTACT_ROW (self));

  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_editable (GTK_EDITABLE (self->entries[i]), editable);

  gtk_widget_set_visible (self->remove_button, editable);
}
