/* kt-document-row.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-document-row.h"
#include "kt-format.h"

struct _KtDocumentRow
{
  AdwActionRow  parent_instance;

  KtDocument   *document;
  int           kind;      /* what the Kind menu shows */
  gboolean      missing;
};

G_DEFINE_FINAL_TYPE (KtDocumentRow, kt_document_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN,
  LOCATE,
  SHOW_IN_FOLDER,
  REMOVE,
  KIND_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "26.11.2026" in local time for the store's UTC time stamp. */
static char *
format_day (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) stamp = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate day;

  stamp = g_date_time_new_from_iso8601 (iso, utc);
  if (stamp == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (stamp);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  return kt_format_date (&day);
}

char *
kt_document_row_describe (const KtDocument *document)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (document != NULL, NULL);

  g_ptr_array_add (parts, g_strdup (kt_enum_label (KT_ENUM_DOCUMENT_KIND, document->kind)));
  if (document->n_pages > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u page", "%u pages", document->n_pages),
                                             document->n_pages));
  if (document->size > 0)
    g_ptr_array_add (parts, kt_document_format_size (document->size));
  if (document->index_state == KT_INDEX_STATE_ENCRYPTED)
    g_ptr_array_add (parts, g_strdup (_("password protected")));
  else if (document->index_state == KT_INDEX_STATE_UNREADABLE)
    g_ptr_array_add (parts, g_strdup (_("text not searchable")));

  if (document->added_by != NULL && document->added_at != NULL)
    {
      g_autofree char *day = format_day (document->added_at);

      /* Translators: "attached by Jens Hansen on 26.11.2026" */
      g_ptr_array_add (parts, g_strdup_printf (_("attached by %s on %s"), document->added_by, day));
    }
  else if (document->added_at != NULL)
    {
      g_autofree char *day = format_day (document->added_at);

      /* Translators: "attached on 26.11.2026" */
      g_ptr_array_add (parts, g_strdup_printf (_("attached on %s"), day));
    }
  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the details of a document */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static GIcon *
document_icon (const KtDocument *document)
{
  g_autofree char *type = NULL;

  if (document->media_type == NULL)
    return g_themed_icon_new ("text-x-generic-symbolic");
  type = g_content_type_from_mime_type (document->media_type);
  return g_content_type_get_symbolic_icon (type != NULL ? type : document->media_type);
}

static GMenuModel *
build_menu (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) first = g_menu_new ();
  g_autoptr(GMenu) kinds = g_menu_new ();
  g_autoptr(GMenu) last = g_menu_new ();

  g_menu_append (first, _("_Open"), "row.open");
  g_menu_append (first, _("Show in _Folder"), "row.show-in-folder");
  for (guint i = 0; i < kt_enum_count (KT_ENUM_DOCUMENT_KIND); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (kt_enum_label (KT_ENUM_DOCUMENT_KIND, i), NULL);

      g_menu_item_set_action_and_target_value (item, "row.kind", g_variant_new_int32 (i));
      g_menu_append_item (kinds, item);
    }
  g_menu_append_submenu (first, _("_Kind"), G_MENU_MODEL (kinds));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));
  g_menu_append (last, _("_Remove"), "row.remove");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (last));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
row_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  if (g_str_equal (action_name, "row.open"))
    g_signal_emit (widget, signals[OPEN], 0);
  else if (g_str_equal (action_name, "row.locate"))
    g_signal_emit (widget, signals[LOCATE], 0);
  else if (g_str_equal (action_name, "row.show-in-folder"))
    g_signal_emit (widget, signals[SHOW_IN_FOLDER], 0);
  else if (g_str_equal (action_name, "row.remove"))
    g_signal_emit (widget, signals[REMOVE], 0);
}

static void
activated_cb (KtDocumentRow *self)
{
  g_signal_emit (self, signals[OPEN], 0);
}

static void
kt_document_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KtDocumentRow *self = KT_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_document_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KtDocumentRow *self = KT_DOCUMENT_ROW (object);
  int kind;

  switch (prop_id)
    {
    case PROP_KIND:
      /* Only the Kind menu sets it: a choice of the user */
      kind = g_value_get_int (value);
      if (kind == self->kind)
        return;
      self->kind = kind;
      g_object_notify_by_pspec (object, pspec);
      g_signal_emit (self, signals[KIND_CHANGED], 0, kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kt_document_row_finalize (GObject *object)
{
  KtDocumentRow *self = KT_DOCUMENT_ROW (object);

  g_clear_pointer (&self->document, kt_document_free);

  G_OBJECT_CLASS (kt_document_row_parent_class)->finalize (object);
}

static void
kt_document_row_class_init (KtDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kt_document_row_get_property;
  object_class->set_property = kt_document_row_set_property;
  object_class->finalize = kt_document_row_finalize;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, G_MAXINT, KT_DOCUMENT_KIND_OTHER,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOCATE] = g_signal_new ("locate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_IN_FOLDER] = g_signal_new ("show-in-folder", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[KIND_CHANGED] = g_signal_new ("kind-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "row.open", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.locate", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.show-in-folder", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, row_action_cb);
  gtk_widget_class_install_property_action (widget_class, "row.kind", "kind");
}

static void
kt_document_row_init (KtDocumentRow *self)
{
  self->kind = KT_DOCUMENT_KIND_OTHER;
  g_signal_connect (self, "activated", G_CALLBACK (activated_cb), NULL);
}

static GtkWidget *
suffix_button (GtkWidget *button)
{
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

GtkWidget *
kt_document_row_new (const KtDocument *document,
                     const char       *missing_path,
                     const char       *problem,
                     const char       *read_only_reason)
{
  KtDocumentRow *self;
  g_autoptr(GMenuModel) menu = build_menu ();
  g_autoptr(GIcon) icon = NULL;
  g_autofree char *details = NULL;
  g_autofree char *menu_label = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *image;
  GtkWidget *more;
  gboolean writable = read_only_reason == NULL;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (KT_TYPE_DOCUMENT_ROW, "activatable", TRUE, "use-markup", FALSE, NULL);
  self->document = kt_document_copy (document);
  self->kind = document->kind;
  self->missing = missing_path != NULL || problem != NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), document->original_name);
  details = kt_document_row_describe (document);
  if (problem != NULL)
    subtitle = g_strdup (problem);
  else if (missing_path != NULL)
    /* Translators: shown for an attached file that is not in the
     * documents folder; %s is the full path where it should be */
    subtitle = g_strdup_printf (_("Missing: expected at %s"), missing_path);
  else
    subtitle = g_steal_pointer (&details);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);

  if (self->missing)
    {
      image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (image, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("File missing"), -1);
    }
  else
    {
      icon = document_icon (document);
      image = gtk_image_new_from_gicon (icon);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kt_enum_label (KT_ENUM_DOCUMENT_KIND, document->kind), -1);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), image);

  if (missing_path != NULL && problem == NULL)
    {
      GtkWidget *locate = suffix_button (gtk_button_new_with_mnemonic (_("_Locate…")));
      g_autofree char *locate_label = g_strdup_printf (_("Locate “%s”"), document->original_name);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (locate), "row.locate");
      gtk_accessible_update_property (GTK_ACCESSIBLE (locate), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      locate_label, -1);
      gtk_widget_set_tooltip_text (locate, writable ? _("Find the file and put it back in the documents folder")
                                                    : read_only_reason);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), locate);
    }

  more = suffix_button (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), menu);
  menu_label = g_strdup_printf (_("Actions for “%s”"), document->original_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  menu_label, -1);
  gtk_widget_set_tooltip_text (more, writable ? _("More Actions") : read_only_reason);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), more);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.kind", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.remove", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.locate", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.show-in-folder", !self->missing);

  return GTK_WIDGET (self);
}

const KtDocument *
kt_document_row_get_document (KtDocumentRow *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_ROW (self), NULL);

  return self->document;
}

gboolean
kt_document_row_is_missing (KtDocumentRow *self)
{
  g_return_val_if_fail (KT_IS_DOCUMENT_ROW (self), FALSE);

  return self->missing;
}

GtkWidget *
kt_document_row_new_pending (const char *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Attaching…"));
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), spinner);

  return row;
}
