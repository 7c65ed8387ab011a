/* kt-application.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>
#include <errno.h>

#include <glib/gstdio.h>

#include "kt-application.h"
#include "kt-calendar-export.h"
#include "kt-matrix-portfolio.h"
#include "kt-calendar-export-dialog.h"
#include "kt-example.h"
#include "kt-reminder-monitor.h"
#include "kt-search-cli.h"
#include "kt-resources.h"
#include "kt-window.h"

#define MAX_RECENT_FILES 10

struct _KtApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GMenu          *recent_menu;
  GFile          *start_file;    /* --portfolio */
  KtReminderMonitor *reminders;  /* NULL without the GSettings schema */
};

G_DEFINE_FINAL_TYPE (KtApplication, kt_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "create-example", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the example portfolio “Eksempel Kommune” to a new file and exit"), N_("FILE") },
  { "portfolio", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open this portfolio file"), N_("FILE") },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the deadlines of the portfolio given with --portfolio to an iCalendar file and exit"),
    N_("OUT") },
  { "export-matrix", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draw the supplier matrix of the portfolio given with --portfolio to a PNG, SVG or PDF file and exit"),
    N_("OUT") },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Search the contracts and the text of their documents in the portfolio given with --portfolio, print one hit per line and exit"),
    N_("TEXT") },
  { "person", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-ics: only the deadlines this person is responsible for"), N_("NAME") },
  { "new-instance", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Run in a new process instead of asking a running Kontrakter to open the portfolio"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

static KtWindow *
get_window (KtApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (KT_IS_WINDOW (window))
    return KT_WINDOW (window);

  window = GTK_WINDOW (kt_window_new (self));
  gtk_window_present (window);
  return KT_WINDOW (window);
}

/* Menu labels take "_" as a mnemonic; file names must show it as it is. */
static char *
escape_mnemonic (const char *text)
{
  GString *escaped = g_string_new (text);

  g_string_replace (escaped, "_", "__", 0);
  return g_string_free (escaped, FALSE);
}

static void
update_recent_menu (KtApplication *self)
{
  g_auto(GStrv) paths = NULL;
  guint n_shown = 0;

  g_menu_remove_all (self->recent_menu);
  if (self->settings != NULL)
    paths = g_settings_get_strv (self->settings, "recent-files");

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autofree char *name = g_filename_display_basename (paths[i]);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      gboolean ambiguous = FALSE;

      /* Two files of the same name are told apart by their folder */
      for (guint j = 0; paths[j] != NULL && !ambiguous; j++)
        {
          g_autofree char *other = g_filename_display_basename (paths[j]);
          ambiguous = j != i && g_strcmp0 (name, other) == 0;
        }
      if (ambiguous)
        {
          g_autofree char *dir = g_path_get_dirname (paths[i]);
          g_autofree char *dir_name = g_filename_display_basename (dir);
          /* Translators: a recent portfolio file and the folder it is in,
           * when two recent files have the same name */
          g_autofree char *text = g_strdup_printf (_("%s (in %s)"), name, dir_name);
          label = escape_mnemonic (text);
        }
      else
        label = escape_mnemonic (name);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (paths[i]));
      g_menu_append_item (self->recent_menu, item);
      n_shown++;
    }

  if (n_shown == 0)
    /* The action is always disabled: the item only tells that the list is empty */
    g_menu_append (self->recent_menu, _("No Recent Portfolios"), "app.no-recent-portfolios");
}

static void
open_start_portfolio (KtApplication *self,
                      KtWindow      *window)
{
  g_autofree char *last = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *dir = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-portfolio");
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    {
      kt_window_request_open (window, last, KT_STORE_OPEN_DEFAULT);
      return;
    }

  default_path = kt_application_get_default_path ();
  dir = g_path_get_dirname (default_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_warning ("Could not create %s: %s", dir, g_strerror (errno));
  kt_window_request_open (window, default_path, KT_STORE_OPEN_CREATE);
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  KtApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        kt_window_request_open (get_window (self), path, KT_STORE_OPEN_DEFAULT);
    }
  g_object_unref (chooser);
}

static GtkFileFilter *
portfolio_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Portfolios"));
  gtk_file_filter_add_pattern (filter, "*.kontrakter");
  gtk_file_filter_add_mime_type (filter, "application/x-kontrakter");
  return filter;
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KtApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = portfolio_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Portfolio"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
new_portfolio_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           KtApplication   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (chooser);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  chosen = g_file_get_path (file);
  if (chosen == NULL)
    return;

  if (g_str_has_suffix (chosen, ".kontrakter"))
    path = g_steal_pointer (&chosen);
  else
    path = g_strconcat (chosen, ".kontrakter", NULL);

  kt_window_request_create (get_window (self), path);
}

static void
new_portfolio_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  KtApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = portfolio_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("New Portfolio"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("C_reate"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the suggested file name of a new portfolio; keep ".kontrakter" */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Portfolio.kontrakter"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (new_portfolio_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  KtApplication *self = user_data;

  kt_window_request_open (get_window (self), g_variant_get_string (parameter, NULL),
                          KT_STORE_OPEN_DEFAULT);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KtApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing, not destroying: each window keeps its size and asks about
   * unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  KtApplication *self = user_data;
  static const char *developers[] = { "The Kontrakter authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Kontrakter"),
                        "developer-name", _("The Kontrakter authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The register of a municipality's IT contracts and suppliers, "
                                      "following the municipalities' playbook for supplier management."),
                        "copyright", "© 2026 The Kontrakter authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line, shown in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  KtApplication *self = user_data;

  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)),
                "help:kontrakter", GDK_CURRENT_TIME);
}

static void
export_calendar_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  KtApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (KT_IS_WINDOW (window))
    kt_calendar_export_dialog_run (KT_WINDOW (window));
}

/* The default action of the deadline reminder. */
static void
show_upcoming_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  KtApplication *self = user_data;
  GtkWindow *window;

  /* Presents the window, or makes one with the last portfolio when the
   * reminder outlived it. */
  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (KT_IS_WINDOW (window))
    kt_window_show_upcoming (KT_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "help", help_action },
  { "open", open_action },
  { "new-portfolio", new_portfolio_action },
  { "open-recent", open_recent_action, "s" },
  { "export-calendar", export_calendar_action },
  { "show-upcoming", show_upcoming_action },
  { "no-recent-portfolios", NULL },
};

/* `--portfolio FILE --export-ics OUT [--person NAME]`: no window, no
 * display, exit status 1 with the reason on stderr. */
static int
export_ics (const char *portfolio,
            const char *out,
            const char *person)
{
  KtCalendarExportOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  guint n_events = 0;

  if (portfolio == NULL)
    {
      g_printerr ("%s\n", _("--export-ics needs the portfolio to export: --portfolio FILE"));
      return 1;
    }

  kt_calendar_export_options_init (&options);
  options.person = person;
  if (!kt_calendar_export_file (portfolio, &options, out, &n_events, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  display = g_filename_display_name (out);
  g_print (ngettext ("Wrote %u deadline to “%s”.\n", "Wrote %u deadlines to “%s”.\n", n_events),
           n_events, display);
  return 0;
}

/* `--portfolio FILE --export-matrix OUT.{png,svg,pdf}`: like --export-ics. */
static int
export_matrix (const char *portfolio,
               const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  guint n_suppliers = 0;

  if (portfolio == NULL)
    {
      g_printerr ("%s\n", _("--export-matrix needs the portfolio to draw: --portfolio FILE"));
      return 1;
    }

  if (!kt_matrix_export_portfolio (portfolio, out, &n_suppliers, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  display = g_filename_display_name (out);
  g_print (ngettext ("Drew %u supplier in “%s”.\n", "Drew %u suppliers in “%s”.\n", n_suppliers),
           n_suppliers, display);
  return 0;
}

/* `--portfolio FILE --search TEXT`: like --export-ics; the hits on stdout,
 * nothing else, so that they can be piped. No hits is not an error. */
static int
search (const char *portfolio,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_hits = 0;

  if (portfolio == NULL)
    {
      g_printerr ("%s\n", _("--search needs the portfolio to search: --portfolio FILE"));
      return 1;
    }

  if (!kt_search_print (portfolio, text, out, &n_hits, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s", out->str);
  return 0;
}

static int
kt_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  KtApplication *self = KT_APPLICATION (app);
  g_autofree char *example = NULL;
  g_autofree char *portfolio = NULL;
  g_autofree char *export_out = NULL;
  g_autofree char *matrix_out = NULL;
  g_autofree char *person = NULL;
  g_autofree char *search_text = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "Kontrakter", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "create-example", "^ay", &example))
    {
      if (!kt_example_write (example, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      g_print (_("Created the example portfolio “%s”.\n"), example);
      return 0;
    }

  if (g_variant_dict_lookup (options, "export-matrix", "^ay", &matrix_out))
    {
      g_autofree char *source = NULL;

      g_variant_dict_lookup (options, "portfolio", "^ay", &source);
      return export_matrix (source, matrix_out);
    }

  if (g_variant_dict_lookup (options, "search", "s", &search_text))
    {
      g_autofree char *source = NULL;

      g_variant_dict_lookup (options, "portfolio", "^ay", &source);
      return search (source, search_text);
    }

  g_variant_dict_lookup (options, "person", "s", &person);
  if (g_variant_dict_lookup (options, "export-ics", "^ay", &export_out))
    {
      g_autofree char *source = NULL;

      g_variant_dict_lookup (options, "portfolio", "^ay", &source);
      return export_ics (source, export_out, person);
    }
  if (person != NULL)
    {
      g_printerr ("%s\n", _("--person can only be used with --export-ics"));
      return 1;
    }

  if (g_variant_dict_contains (options, "new-instance"))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  if (g_variant_dict_lookup (options, "portfolio", "^ay", &portfolio))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (portfolio);

      /* Registering here lets a running Kontrakter open the file; the first
       * instance opens it when activation creates the window. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_application_open (app, &file, 1, "");
          return 0;
        }
      g_clear_object (&self->start_file);
      self->start_file = g_steal_pointer (&file);
    }

  return G_APPLICATION_CLASS (kt_application_parent_class)->handle_local_options (app, options);
}

static void
kt_application_startup (GApplication *app)
{
  KtApplication *self = KT_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (kt_application_parent_class)->startup (app);

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
      self->reminders = kt_reminder_monitor_new (app, self->settings);
    }
  else
    g_warning ("The GSettings schema %s is not installed: recent files and the window size are not kept",
               APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "no-recent-portfolios")),
                               FALSE);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  update_recent_menu (self);
}

static void
kt_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  KtApplication *self = KT_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      KtWindow *window;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_warning ("Only local portfolio files can be opened, not %s", uri);
          continue;
        }

      /* The first file replaces the portfolio of the active window; more
       * files, each in a window of its own. */
      if (i == 0)
        window = get_window (self);
      else
        {
          window = kt_window_new (self);
          gtk_window_present (GTK_WINDOW (window));
        }
      kt_window_request_open (window, path, KT_STORE_OPEN_DEFAULT);
    }
}

static void
kt_application_activate (GApplication *app)
{
  KtApplication *self = KT_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (kt_window_new (self));
  gtk_window_present (window);

  if (self->start_file != NULL)
    {
      g_autoptr(GFile) file = g_steal_pointer (&self->start_file);

      kt_application_open (app, &file, 1, "");
    }
  else
    open_start_portfolio (self, KT_WINDOW (window));
}

static void
kt_application_dispose (GObject *object)
{
  KtApplication *self = KT_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->start_file);
  g_clear_object (&self->reminders);

  G_OBJECT_CLASS (kt_application_parent_class)->dispose (object);
}

static void
kt_application_class_init (KtApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kt_application_dispose;
  app_class->handle_local_options = kt_application_handle_local_options;
  app_class->startup = kt_application_startup;
  app_class->activate = kt_application_activate;
  app_class->open = kt_application_open;
}

static void
kt_application_init (KtApplication *self)
{
  self->recent_menu = g_menu_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep a municipality's IT contracts and suppliers in one register."));
}

KtApplication *
kt_application_new (void)
{
  /* The resource is built with --manual-register: a constructor in a static
   * library would be dropped by the linker. (kt_get_resource () alone
   * returns NULL until this has run.) */
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      kt_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  g_set_application_name ("Kontrakter");

  return g_object_new (KT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/dk/kontrakter/Kontrakter",
                       NULL);
}

GSettings *
kt_application_get_settings (KtApplication *self)
{
  g_return_val_if_fail (KT_IS_APPLICATION (self), NULL);

  return self->settings;
}

GMenuModel *
kt_application_get_recent_menu (KtApplication *self)
{
  g_return_val_if_fail (KT_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

void
kt_application_add_recent (KtApplication *self,
                           const char    *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  guint n = 1;

  g_return_if_fail (KT_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if (self->settings == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    {
      if (g_strcmp0 (old[i], path) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  paths = g_strv_builder_end (builder);

  g_settings_set_strv (self->settings, "recent-files", (const char * const *) paths);
  g_settings_set_string (self->settings, "last-portfolio", path);

  /* The window calls this once it has opened path: the reminder follows
   * the portfolio opened last. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      KtStore *store = KT_IS_WINDOW (l->data) ? kt_window_get_store (l->data) : NULL;

      if (store != NULL && g_strcmp0 (kt_store_get_path (store), path) == 0)
        {
          kt_application_portfolio_changed (self, store);
          break;
        }
    }
}

void
kt_application_portfolio_changed (KtApplication *self,
                                  KtStore       *store)
{
  g_return_if_fail (KT_IS_APPLICATION (self));
  g_return_if_fail (KT_IS_STORE (store));

  if (self->reminders == NULL)
    return;

  kt_reminder_monitor_set_store (self->reminders, store);
  kt_reminder_monitor_queue_check (self->reminders);
}

char *
kt_application_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kontrakter", "portefolje.kontrakter", NULL);
}
