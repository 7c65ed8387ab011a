/* pdf-test-util.c
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>
#include <sys/stat.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "pdf-test-util.h"

#define MARGIN 72.0

void
kt_pdf_test_write (const char        *path,
                   const char        *title,
                   const char *const *pages,
                   guint              n_pages)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *font;

  g_assert_cmpuint (n_pages, >, 0);

  surface = cairo_pdf_surface_create (path, KT_PDF_TEST_PAGE_WIDTH, KT_PDF_TEST_PAGE_HEIGHT);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("DejaVu Sans 12");
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((KT_PDF_TEST_PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, MARGIN, MARGIN);
      pango_layout_set_text (layout, pages[i], -1);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
kt_pdf_test_write_numbered (const char *path,
                            guint       n_pages)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_pages; i++)
    g_ptr_array_add (pages, g_strdup_printf ("Side %u\nLeverandøren leverer ydelserne "
                                             "som beskrevet i bilag %u.", i + 1, i + 1));

  kt_pdf_test_write (path, NULL, (const char *const *) pages->pdata, n_pages);
}

void
kt_pdf_test_write_bytes (const char *path,
                         const void *contents,
                         gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

void
kt_pdf_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) entries = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (dir, &st) != 0)
    return;
  if (!S_ISDIR (st.st_mode))
    {
      g_unlink (dir);
      return;
    }

  entries = g_dir_open (dir, 0, NULL);
  while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      kt_pdf_test_remove_tree (path);
    }
  g_rmdir (dir);
}

/* ---- A hand-made encrypted PDF (PDF 1.7 reference, 3.5.2, algorithms
 * 3.1–3.4, revision 2) ---- */

static const guint8 password_padding[32] = {
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
};

#define KEY_LENGTH 5  /* 40 bit */
#define PERMISSIONS (-4)

static void
rc4 (const guint8 *key,
     gsize         key_length,
     guint8       *data,
     gsize         length)
{
  guint8 s[256];
  guint8 i = 0, j = 0;

  for (guint n = 0; n < 256; n++)
    s[n] = n;
  for (guint n = 0; n < 256; n++)
    {
      guint8 t = s[n];

      j = j + t + key[n % key_length];
      s[n] = s[j];
      s[j] = t;
    }

  j = 0;
  for (gsize n = 0; n < length; n++)
    {
      guint8 t;

      i++;
      j += s[i];
      t = s[i];
      s[i] = s[j];
      s[j] = t;
      data[n] ^= s[(guint8) (s[i] + s[j])];
    }
}

static void
md5 (const guint8 *data,
     gsize         length,
     const guint8 *more,
     gsize         more_length,
     guint8        digest[16])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_MD5);
  gsize digest_length = 16;

  g_checksum_update (sum, data, length);
  if (more != NULL)
    g_checksum_update (sum, more, more_length);
  g_checksum_get_digest (sum, digest, &digest_length);
}

static void
pad_password (const char *password,
              guint8      padded[32])
{
  gsize length = MIN (strlen (password), 32);

  memcpy (padded, password, length);
  memcpy (padded + length, password_padding, 32 - length);
}

static void
append_hex (GString      *out,
            const guint8 *data,
            gsize         length)
{
  g_string_append_c (out, '<');
  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, "%02x", data[i]);
  g_string_append_c (out, '>');
}

static char *
page_content (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new ("BT /F1 14 Tf 18 TL 72 760 Td\n");

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append_c (out, '(');
      for (const char *p = lines[i]; *p != '\0'; p++)
        {
          g_assert_true ((guchar) *p < 0x80);
          if (*p == '(' || *p == ')' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append (out, ") Tj T*\n");
    }
  g_string_append (out, "ET\n");

  return g_string_free (out, FALSE);
}

void
kt_pdf_test_write_encrypted (const char        *path,
                             const char        *user_password,
                             const char *const *pages,
                             guint              n_pages)
{
  static const guint8 file_id[16] = "kontrakter-test!";
  const guint encrypt_object = 4 + 2 * n_pages;
  const guint n_objects = encrypt_object + 1;   /* with the free object 0 */
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  g_autofree goffset *offsets = g_new0 (goffset, n_objects);
  guint8 padded_user[32], padded_owner[32], digest[16];
  guint8 owner_entry[32], user_entry[32], key[KEY_LENGTH];
  guint8 p_bytes[4] = { PERMISSIONS & 0xff, (PERMISSIONS >> 8) & 0xff,
                        (PERMISSIONS >> 16) & 0xff, (PERMISSIONS >> 24) & 0xff };
  g_autoptr(GChecksum) key_sum = g_checksum_new (G_CHECKSUM_MD5);
  gsize digest_length = sizeof digest;
  gsize xref;

  /* Algorithm 3.3: /O is the padded user password under a key from the
   * (here fixed) owner password. */
  pad_password ("ejer", padded_owner);
  md5 (padded_owner, 32, NULL, 0, digest);
  pad_password (user_password, padded_user);
  memcpy (owner_entry, padded_user, 32);
  rc4 (digest, KEY_LENGTH, owner_entry, 32);

  /* Algorithm 3.2: the file key. */
  g_checksum_update (key_sum, padded_user, 32);
  g_checksum_update (key_sum, owner_entry, 32);
  g_checksum_update (key_sum, p_bytes, 4);
  g_checksum_update (key_sum, file_id, 16);
  g_checksum_get_digest (key_sum, digest, &digest_length);
  memcpy (key, digest, KEY_LENGTH);

  /* Algorithm 3.4: /U is the padding under the file key. */
  memcpy (user_entry, password_padding, 32);
  rc4 (key, KEY_LENGTH, user_entry, 32);

  offsets[1] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [");
  for (guint i = 0; i < n_pages; i++)
    g_string_append_printf (pdf, " %u 0 R", 4 + 2 * i);
  g_string_append_printf (pdf, " ] /Count %u >>\nendobj\n", n_pages);
  offsets[3] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                        "/Encoding /WinAnsiEncoding >>\nendobj\n");

  for (guint i = 0; i < n_pages; i++)
    {
      guint page_object = 4 + 2 * i;
      guint content_object = page_object + 1;
      g_autofree char *content = page_content (pages[i]);
      gsize length = strlen (content);
      guint8 object_key_input[KEY_LENGTH + 5];

      offsets[page_object] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n<< /Type /Page /Parent 2 0 R "
                                   "/MediaBox [0 0 595 842] "
                                   "/Resources << /Font << /F1 3 0 R >> >> "
                                   "/Contents %u 0 R >>\nendobj\n",
                              page_object, content_object);

      /* Algorithm 3.1: each object has its own key. */
      memcpy (object_key_input, key, KEY_LENGTH);
      object_key_input[KEY_LENGTH + 0] = content_object & 0xff;
      object_key_input[KEY_LENGTH + 1] = (content_object >> 8) & 0xff;
      object_key_input[KEY_LENGTH + 2] = (content_object >> 16) & 0xff;
      object_key_input[KEY_LENGTH + 3] = 0;
      object_key_input[KEY_LENGTH + 4] = 0;
      md5 (object_key_input, sizeof object_key_input, NULL, 0, digest);
      rc4 (digest, MIN (KEY_LENGTH + 5, 16), (guint8 *) content, length);

      offsets[content_object] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n<< /Length %" G_GSIZE_FORMAT " >>\nstream\n",
                              content_object, length);
      g_string_append_len (pdf, content, length);
      g_string_append (pdf, "\nendstream\nendobj\n");
    }

  offsets[encrypt_object] = pdf->len;
  g_string_append_printf (pdf, "%u 0 obj\n<< /Filter /Standard /V 1 /R 2 /O ", encrypt_object);
  append_hex (pdf, owner_entry, 32);
  g_string_append (pdf, " /U ");
  append_hex (pdf, user_entry, 32);
  g_string_append_printf (pdf, " /P %d >>\nendobj\n", PERMISSIONS);

  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n_objects);
  for (guint i = 1; i < n_objects; i++)
    g_string_append_printf (pdf, "%010" G_GINT64_MODIFIER "d 00000 n \n", (gint64) offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R /Encrypt %u 0 R /ID [",
                          n_objects, encrypt_object);
  append_hex (pdf, file_id, 16);
  append_hex (pdf, file_id, 16);
  g_string_append_printf (pdf, "] >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);

  kt_pdf_test_write_bytes (path, pdf->str, pdf->len);
}
