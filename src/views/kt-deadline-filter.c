/* kt-deadline-filter.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-deadline-filter.h"
#include "kt-org-unit.h"
#include "kt-person.h"

/* A loop of parents in a damaged file must not hang the list. */
#define MAX_UNIT_DEPTH 8

#define ANYONE (-1)
#define MINE   (-2)

struct _KtDeadlineFilter
{
  GObject       parent_instance;

  GtkDropDown  *responsible_dropdown;
  GtkDropDown  *type_dropdown;
  GtkDropDown  *org_unit_dropdown;

  GArray       *person_ids;   /* gint64 per position of the responsible drop-down */
  GArray       *unit_ids;     /* gint64 per position of the unit drop-down; 0 = all */
  GPtrArray    *units;        /* KtOrgUnit, the caller's */
  gint64        me;           /* the user's person, 0 when none is named as the user */

  gint64        responsible;  /* ANYONE, MINE or a person id */
  int           type;         /* -1 = all */
  gint64        unit;         /* 0 = all */
  GHashTable   *unit_set;     /* ids of the chosen unit and those under it */
  gboolean      updating;
};

G_DEFINE_FINAL_TYPE (KtDeadlineFilter, kt_deadline_filter, G_TYPE_OBJECT)

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  ellipsize)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *text = gtk_string_object_get_string (gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (label), text);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_widget_set_tooltip_text (label, text);
}

/* The button shortens a long name so that the bar fits a narrow window;
 * the open list shows it whole. */
static void
setup_dropdown (GtkDropDown *dropdown)
{
  for (int ellipsize = 0; ellipsize <= 1; ellipsize++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_cb), GINT_TO_POINTER (ellipsize));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_cb), GINT_TO_POINTER (ellipsize));
      if (ellipsize)
        gtk_drop_down_set_factory (dropdown, factory);
      else
        gtk_drop_down_set_list_factory (dropdown, factory);
    }
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (normal, -1);

  return g_strdup (g_strstrip (folded));
}

static gboolean
is_me (const KtPerson *person)
{
  const char *real = g_get_real_name ();
  const char *login = g_get_user_name ();

  if (real != NULL && g_strcmp0 (real, "Unknown") != 0 && person->name != NULL)
    {
      g_autofree char *a = fold (real);
      g_autofree char *b = fold (person->name);

      if (*a != '\0' && g_str_equal (a, b))
        return TRUE;
    }

  if (person->email != NULL && login != NULL && *login != '\0')
    {
      const char *at = strchr (person->email, '@');

      if (at != NULL && (gsize) (at - person->email) == strlen (login) &&
          g_ascii_strncasecmp (person->email, login, strlen (login)) == 0)
        return TRUE;
    }

  return FALSE;
}

static gint64
position_id (GtkDropDown *dropdown,
             GArray      *ids,
             gint64       fallback)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return fallback;
  return g_array_index (ids, gint64, position);
}

static void
select_id (GtkDropDown *dropdown,
           GArray      *ids,
           gint64       id)
{
  guint position = 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      position = i;
  gtk_drop_down_set_selected (dropdown, position);
}

static void
add_units_under (KtDeadlineFilter *self,
                 gint64            parent_id,
                 guint             depth)
{
  if (depth > MAX_UNIT_DEPTH || self->units == NULL)
    return;

  for (guint i = 0; i < self->units->len; i++)
    {
      const KtOrgUnit *unit = g_ptr_array_index (self->units, i);

      if (unit->parent_id == parent_id && unit->id != parent_id &&
          !g_hash_table_contains (self->unit_set, &unit->id))
        {
          g_hash_table_add (self->unit_set, g_memdup2 (&unit->id, sizeof unit->id));
          add_units_under (self, unit->id, depth + 1);
        }
    }
}

static void
append_units (KtDeadlineFilter *self,
              GtkStringList    *list,
              GPtrArray        *sorted,
              gint64            parent_id,
              guint             depth)
{
  if (depth > MAX_UNIT_DEPTH)
    return;

  for (guint i = 0; i < sorted->len; i++)
    {
      const KtOrgUnit *unit = g_ptr_array_index (sorted, i);

      if (unit->parent_id != parent_id || unit->id == parent_id)
        continue;
      gtk_string_list_append (list, unit->name);
      g_array_append_val (self->unit_ids, unit->id);
      append_units (self, list, sorted, unit->id, depth + 1);
    }
}

/* Records sorted by name in the user's language. The keys are made once:
 * g_utf8_collate () on every comparison is slow for thousands of people. */
typedef struct {
  char     *key;
  gpointer  record;
} Sorted;

static int
compare_sorted (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const Sorted *) a)->key, ((const Sorted *) b)->key);
}

static GPtrArray *
sort_by_name (GPtrArray *records,
              gsize      name_offset)
{
  GPtrArray *sorted = g_ptr_array_new ();
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Sorted));

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      gpointer record = g_ptr_array_index (records, i);
      const char *name = G_STRUCT_MEMBER (const char *, record, name_offset);
      Sorted entry = { g_utf8_collate_key (name != NULL ? name : "", -1), record };

      g_array_append_val (keys, entry);
    }
  g_array_sort (keys, compare_sorted);

  for (guint i = 0; i < keys->len; i++)
    {
      Sorted *entry = &g_array_index (keys, Sorted, i);

      g_ptr_array_add (sorted, entry->record);
      g_free (entry->key);
    }

  return sorted;
}

static void
kt_deadline_filter_dispose (GObject *object)
{
  KtDeadlineFilter *self = KT_DEADLINE_FILTER (object);

  g_clear_object (&self->responsible_dropdown);
  g_clear_object (&self->type_dropdown);
  g_clear_object (&self->org_unit_dropdown);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->unit_set, g_hash_table_unref);

  G_OBJECT_CLASS (kt_deadline_filter_parent_class)->dispose (object);
}

static void
kt_deadline_filter_finalize (GObject *object)
{
  KtDeadlineFilter *self = KT_DEADLINE_FILTER (object);

  g_array_unref (self->person_ids);
  g_array_unref (self->unit_ids);

  G_OBJECT_CLASS (kt_deadline_filter_parent_class)->finalize (object);
}

static void
kt_deadline_filter_class_init (KtDeadlineFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kt_deadline_filter_dispose;
  object_class->finalize = kt_deadline_filter_finalize;
}

static void
kt_deadline_filter_init (KtDeadlineFilter *self)
{
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->responsible = ANYONE;
  self->type = -1;
}

KtDeadlineFilter *
kt_deadline_filter_new (GtkDropDown *responsible,
                        GtkDropDown *type,
                        GtkDropDown *org_unit)
{
  KtDeadlineFilter *self;
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  g_return_val_if_fail (GTK_IS_DROP_DOWN (responsible), NULL);
  g_return_val_if_fail (GTK_IS_DROP_DOWN (type), NULL);
  g_return_val_if_fail (GTK_IS_DROP_DOWN (org_unit), NULL);

  self = g_object_new (KT_TYPE_DEADLINE_FILTER, NULL);
  self->responsible_dropdown = g_object_ref (responsible);
  self->type_dropdown = g_object_ref (type);
  self->org_unit_dropdown = g_object_ref (org_unit);

  self->updating = TRUE;
  setup_dropdown (responsible);
  setup_dropdown (type);
  setup_dropdown (org_unit);

  gtk_string_list_append (types, _("All Types"));
  for (guint i = 0; i < kt_enum_count (KT_ENUM_ACTIVITY_TYPE); i++)
    gtk_string_list_append (types, kt_enum_label (KT_ENUM_ACTIVITY_TYPE, i));
  gtk_drop_down_set_model (type, G_LIST_MODEL (types));
  self->updating = FALSE;

  kt_deadline_filter_set_records (self, NULL, NULL);

  return self;
}

void
kt_deadline_filter_set_records (KtDeadlineFilter *self,
                                GPtrArray        *people,
                                GPtrArray        *org_units)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) unit_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) sorted_people = sort_by_name (people, G_STRUCT_OFFSET (KtPerson, name));
  g_autoptr(GPtrArray) sorted_units = sort_by_name (org_units, G_STRUCT_OFFSET (KtOrgUnit, name));
  gint64 responsible, unit, id;

  g_return_if_fail (KT_IS_DEADLINE_FILTER (self));

  responsible = position_id (self->responsible_dropdown, self->person_ids, ANYONE);
  unit = position_id (self->org_unit_dropdown, self->unit_ids, 0);

  self->me = 0;
  g_array_set_size (self->person_ids, 0);
  gtk_string_list_append (names, _("Everyone"));
  id = ANYONE;
  g_array_append_val (self->person_ids, id);
  /* Translators: a choice of the Responsible filter: the deadlines of the
   * user (the person in the portfolio with the user's name) */
  gtk_string_list_append (names, _("Mine"));
  id = MINE;
  g_array_append_val (self->person_ids, id);

  for (guint i = 0; i < sorted_people->len; i++)
    {
      const KtPerson *person = g_ptr_array_index (sorted_people, i);

      gtk_string_list_append (names, person->name != NULL ? person->name : "");
      g_array_append_val (self->person_ids, person->id);
      if (self->me == 0 && is_me (person))
        self->me = person->id;
    }

  g_clear_pointer (&self->units, g_ptr_array_unref);
  self->units = org_units != NULL ? g_ptr_array_ref (org_units) : NULL;
  g_array_set_size (self->unit_ids, 0);
  gtk_string_list_append (unit_names, _("All Units"));
  id = 0;
  g_array_append_val (self->unit_ids, id);
  append_units (self, unit_names, sorted_units, 0, 0);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->responsible_dropdown, G_LIST_MODEL (names));
  select_id (self->responsible_dropdown, self->person_ids, responsible);
  gtk_drop_down_set_model (self->org_unit_dropdown, G_LIST_MODEL (unit_names));
  select_id (self->org_unit_dropdown, self->unit_ids, unit);
  self->updating = FALSE;

  /* The centres under a chosen department may have changed. */
  g_clear_pointer (&self->unit_set, g_hash_table_unref);
  kt_deadline_filter_read (self);
}

gboolean
kt_deadline_filter_read (KtDeadlineFilter *self)
{
  gint64 responsible, unit;
  guint type_position;
  int type;
  gboolean changed;

  g_return_val_if_fail (KT_IS_DEADLINE_FILTER (self), FALSE);

  if (self->updating)
    return FALSE;

  responsible = position_id (self->responsible_dropdown, self->person_ids, ANYONE);
  type_position = gtk_drop_down_get_selected (self->type_dropdown);
  type = type_position == GTK_INVALID_LIST_POSITION || type_position == 0 ? -1
         : (int) type_position - 1;
  unit = position_id (self->org_unit_dropdown, self->unit_ids, 0);

  changed = responsible != self->responsible || type != self->type || unit != self->unit ||
            self->unit_set == NULL;
  self->responsible = responsible;
  self->type = type;
  self->unit = unit;

  g_clear_pointer (&self->unit_set, g_hash_table_unref);
  self->unit_set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_add (self->unit_set, g_memdup2 (&unit, sizeof unit));
  if (unit != 0)
    add_units_under (self, unit, 0);

  return changed;
}

void
kt_deadline_filter_reset (KtDeadlineFilter *self)
{
  g_return_if_fail (KT_IS_DEADLINE_FILTER (self));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->responsible_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->org_unit_dropdown, 0);
  self->updating = FALSE;

  kt_deadline_filter_read (self);
}

gboolean
kt_deadline_filter_match (KtDeadlineFilter     *self,
                          const KtDeadlineItem *item)
{
  gint64 unit_id;

  g_return_val_if_fail (KT_IS_DEADLINE_FILTER (self), FALSE);

  if (self->responsible == MINE && (self->me == 0 || item->responsible_id != self->me))
    return FALSE;
  if (self->responsible >= 0 && item->responsible_id != self->responsible)
    return FALSE;
  if (self->type >= 0 && (int) item->type != self->type)
    return FALSE;

  unit_id = item->org_unit_id;
  if (self->unit != 0 && self->unit_set != NULL && !g_hash_table_contains (self->unit_set, &unit_id))
    return FALSE;

  return TRUE;
}

char *
kt_deadline_filter_describe_empty (KtDeadlineFilter *self)
{
  g_return_val_if_fail (KT_IS_DEADLINE_FILTER (self), NULL);

  if (self->responsible == MINE && self->me == 0)
    {
      const char *real = g_get_real_name ();

      /* Translators: %s is the user's name, as the system knows it */
      return g_strdup_printf (_("No person in this portfolio has your name, “%s”. Choose a "
                                "name under Responsible."),
                              real != NULL ? real : g_get_user_name ());
    }

  return g_strdup (_("No open deadline within a year matches the chosen responsible person, "
                     "type and unit."));
}
