#!/bin/sh
# Fails when po/da.po misses a string of the sources (C, .ui, desktop,
# metainfo, schema) or has untranslated or fuzzy entries.
set -eu
srcdir=$1
lang=${2:-da}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$srcdir"
files=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/POTFILES.in)
[ -n "$files" ] || { echo "po/POTFILES.in lists no files"; exit 1; }
for f in $files; do
  [ -f "$f" ] || { echo "po/POTFILES.in names a missing file: $f"; exit 1; }
done

# A source file with translatable strings that POTFILES.in forgets would
# ship untranslated without any other test noticing.
for f in $(grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|ngettext|g_dngettext|g_dgettext)[[:space:]]*\(|translatable="yes"' src data 2>/dev/null | sort); do
  echo "$files" | grep -qx "$f" || { echo "po/POTFILES.in does not list $f, which has translatable strings"; status_missing=1; }
done
[ -z "${status_missing:-}" ] || exit 1

# The same keywords as meson's 'glib' preset.
xgettext --from-code=UTF-8 --add-comments=Translators --package-name=kontrakter \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=ngettext:1,2 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  -o "$tmp/kontrakter.pot" $files

status=0
if ! msgcmp --use-untranslated "po/$lang.po" "$tmp/kontrakter.pot" 2>"$tmp/cmp"; then
  echo "po/$lang.po lacks strings of the sources:"
  grep 'used but not defined' "$tmp/cmp" | head -n 40
  status=1
fi
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "po/$lang.po" 2>&1)
echo "po/$lang.po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*) status=1 ;;
esac
# Translations that do not keep the source's format directives break at run time.
msgfmt --check-format -o /dev/null "po/$lang.po" || status=1
exit $status
