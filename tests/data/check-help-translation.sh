#!/bin/sh
# The Danish help must be complete for the English pages as they are now: an
# English paragraph changed without updating da.po becomes fuzzy here and fails.
#   check-help-translation.sh PO PAGE...
set -eu

po=$1
shift

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

itstool -o "$tmp/help.pot" "$@"
msgmerge --quiet -o "$tmp/merged.po" "$po" "$tmp/help.pot"
stats=$(msgfmt --check --statistics -o "$tmp/help.mo" "$tmp/merged.po" 2>&1)
echo "$stats"
case "$stats" in
  *fuzzy*|*untranslated*) echo "FAIL: the Danish help is not complete" >&2; exit 1 ;;
esac
# Strings that are only in da.po were removed from the pages.
obsolete=$(grep -c '^#~ msgid' "$tmp/merged.po" || true)
[ "$obsolete" -eq 0 ] || { echo "FAIL: $obsolete obsolete strings in $po" >&2; exit 1; }
