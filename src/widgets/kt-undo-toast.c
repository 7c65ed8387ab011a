/* kt-undo-toast.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <glib/gi18n.h>

#include "kt-undo-toast.h"

#define PENDING_KEY "kt-undo-pending"

/* libadwaita 1.2 crashes when a toast is dismissed while it still slides
 * in; an undo that quick is dismissed once the animation is over. */
#define SHOW_ANIMATION_US (400 * G_TIME_SPAN_MILLISECOND)

typedef struct {
  AdwToast       *toast;
  gint64          shown_at;   /* monotonic time the toast was added */
  KtUndoFunc      undo;
  gpointer        data;
  GDestroyNotify  destroy;
} Pending;

static void
pending_free (Pending *pending)
{
  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_clear_object (&pending->toast);
  g_free (pending);
}

/* Takes the pending undo off the overlay without running it. */
static Pending *
steal_pending (AdwToastOverlay *overlay)
{
  return g_object_steal_data (G_OBJECT (overlay), PENDING_KEY);
}

static void
toast_dismissed_cb (AdwToast        *toast,
                    AdwToastOverlay *overlay)
{
  Pending *pending = g_object_get_data (G_OBJECT (overlay), PENDING_KEY);

  if (pending != NULL && pending->toast == toast)
    g_object_set_data (G_OBJECT (overlay), PENDING_KEY, NULL);
}

static void
toast_button_clicked_cb (AdwToast        *toast,
                         AdwToastOverlay *overlay)
{
  Pending *pending = g_object_get_data (G_OBJECT (overlay), PENDING_KEY);

  if (pending != NULL && pending->toast == toast)
    kt_undo_toast_run (overlay);
}

void
kt_undo_toast_show (GtkWidget      *widget,
                    const char     *message,
                    KtUndoFunc      undo,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  GtkWidget *overlay;
  Pending *pending;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);
  g_return_if_fail (undo != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      if (destroy != NULL)
        destroy (data);
      return;
    }

  /* A toast still on screen takes the new message and undo. Dismissing it
   * and adding another at once makes libadwaita 1.2's overlay hide it twice
   * and free it twice. */
  pending = g_object_get_data (G_OBJECT (overlay), PENDING_KEY);
  if (pending != NULL && pending->toast != NULL)
    {
      if (pending->destroy != NULL)
        pending->destroy (pending->data);
      pending->undo = undo;
      pending->data = data;
      pending->destroy = destroy;
      adw_toast_set_title (pending->toast, message);
      return;
    }

  pending = g_new0 (Pending, 1);
  pending->toast = adw_toast_new (message);
  pending->undo = undo;
  pending->data = data;
  pending->destroy = destroy;

  adw_toast_set_button_label (pending->toast, _("_Undo"));
  adw_toast_set_timeout (pending->toast, 10);
  g_signal_connect_object (pending->toast, "button-clicked",
                           G_CALLBACK (toast_button_clicked_cb), overlay, 0);
  g_signal_connect_object (pending->toast, "dismissed",
                           G_CALLBACK (toast_dismissed_cb), overlay, 0);
  g_object_set_data_full (G_OBJECT (overlay), PENDING_KEY, pending,
                          (GDestroyNotify) pending_free);

  pending->shown_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_object_ref (pending->toast));
}

typedef struct {
  GWeakRef  overlay;
  AdwToast *toast;
} LateDismiss;

static void
late_dismiss_free (LateDismiss *late)
{
  g_weak_ref_clear (&late->overlay);
  g_object_unref (late->toast);
  g_free (late);
}

static gboolean
late_dismiss_cb (gpointer data)
{
  LateDismiss *late = data;
  g_autoptr(GObject) overlay = g_weak_ref_get (&late->overlay);

  /* A newer toast has pushed this one out meanwhile: dismissing it too
   * would hide it twice. */
  if (overlay != NULL && g_object_get_data (overlay, PENDING_KEY) == NULL)
    adw_toast_dismiss (late->toast);

  return G_SOURCE_REMOVE;
}

static void
dismiss_when_shown (AdwToastOverlay *overlay,
                    AdwToast        *toast,
                    gint64           shown_at)
{
  gint64 left = shown_at + SHOW_ANIMATION_US - g_get_monotonic_time ();
  LateDismiss *late;

  if (left <= 0)
    {
      adw_toast_dismiss (toast);
      return;
    }

  late = g_new0 (LateDismiss, 1);
  g_weak_ref_init (&late->overlay, overlay);
  late->toast = g_object_ref (toast);
  g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (left / G_TIME_SPAN_MILLISECOND) + 1,
                      late_dismiss_cb, late, (GDestroyNotify) late_dismiss_free);
}

gboolean
kt_undo_toast_run (AdwToastOverlay *overlay)
{
  Pending *pending;
  g_autoptr(AdwToast) toast = NULL;
  gint64 shown_at;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), FALSE);

  pending = steal_pending (overlay);
  if (pending == NULL)
    return FALSE;

  /* The undo may show a toast of its own, which replaces this one. Only
   * otherwise is this one dismissed: libadwaita 1.2 hides a toast twice when
   * it is dismissed and then pushed out by a new one at once, and frees it
   * twice. */
  toast = g_steal_pointer (&pending->toast);
  shown_at = pending->shown_at;
  pending->undo (pending->data);
  pending_free (pending);
  if (g_object_get_data (G_OBJECT (overlay), PENDING_KEY) == NULL)
    dismiss_when_shown (overlay, toast, shown_at);

  return TRUE;
}

void
kt_undo_toast_dismiss (AdwToastOverlay *overlay)
{
  Pending *pending;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  pending = steal_pending (overlay);
  if (pending == NULL)
    return;

  if (pending->toast != NULL)
    adw_toast_dismiss (pending->toast);
  pending_free (pending);
}
