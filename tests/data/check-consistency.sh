#!/bin/sh
# The data files name each other: the desktop file's icon, binary and MIME
# type must be the ones that are installed, and the metainfo must launch this
# desktop file. Validators check each file alone; this checks them together.
#   check-consistency.sh APP_ID DESKTOP METAINFO GSCHEMA MIME_XML ICON_DIR
set -eu

app_id=$1 desktop=$2 metainfo=$3 gschema=$4 mime_xml=$5 icons=$6

fail () { echo "FAIL: $*" >&2; exit 1; }
key () { sed -n "s/^$1=//p" "$desktop" | head -n 1; }

[ "$(basename "$desktop")" = "$app_id.desktop" ] || fail "desktop file is not named $app_id.desktop"
[ "$(key Icon)" = "$app_id" ] || fail "Icon= is not $app_id"
[ -f "$icons/hicolor/scalable/apps/$app_id.svg" ] || fail "no scalable icon $app_id.svg"
[ -f "$icons/hicolor/symbolic/apps/$app_id-symbolic.svg" ] || fail "no symbolic icon $app_id-symbolic.svg"
[ "$(key Exec)" = "kontrakter %F" ] || fail "Exec= is not 'kontrakter %F'"

mime_type=$(sed -n 's/.*<mime-type type="\([^"]*\)".*/\1/p' "$mime_xml")
[ -n "$mime_type" ] || fail "no MIME type in $mime_xml"
[ "$(key MimeType)" = "$mime_type;" ] || fail "MimeType= does not name $mime_type"

grep -q "<id>$app_id</id>" "$metainfo" || fail "metainfo id is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || fail "metainfo does not launch $app_id.desktop"
grep -q "<binary>kontrakter</binary>" "$metainfo" || fail "metainfo does not provide the binary kontrakter"
grep -q "<mediatype>$mime_type</mediatype>" "$metainfo" || fail "metainfo does not provide $mime_type"

grep -q "<schema id=\"$app_id\" path=\"/dk/kontrakter/Kontrakter/\">" "$gschema" || fail "schema id or path is wrong"

echo "ok: data files agree"
