#!/bin/sh
# Installs the MIME package into a private MIME database next to the system's
# freedesktop.org.xml and checks what a file manager would see: a file named
# *.kontrakter is application/x-kontrakter even though it starts with SQLite's
# magic bytes, the type is a kind of SQLite database, and it has a Danish
# description.
#   check-mime.sh MIME_XML
set -eu

mime_xml=$1
system_xml=/usr/share/mime/packages/freedesktop.org.xml
type=application/x-kontrakter

fail () { echo "FAIL: $*" >&2; exit 1; }

[ -f "$system_xml" ] || fail "$system_xml is missing (package shared-mime-info)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share/mime/packages" "$tmp/home"
cp "$system_xml" "$tmp/share/mime/packages/"
cp "$mime_xml" "$tmp/share/mime/packages/dk.kontrakter.Kontrakter.xml"

# update-mime-database only warns about a broken package, so check its output.
XDG_DATA_DIRS="$tmp/share" XDG_DATA_HOME="$tmp/home/share" \
  update-mime-database "$tmp/share/mime" 2>"$tmp/update.log" || { cat "$tmp/update.log" >&2; fail "update-mime-database failed"; }
if [ -s "$tmp/update.log" ]; then
  cat "$tmp/update.log" >&2
  fail "update-mime-database complained about the package"
fi

[ -f "$tmp/share/mime/$type.xml" ] || fail "$type was not registered"
grep -qx "60:$type:\*.kontrakter" "$tmp/share/mime/globs2" || fail "no glob *.kontrakter with weight 60"
grep -qx "$type application/vnd.sqlite3" "$tmp/share/mime/subclasses" || fail "$type is not a subclass of application/vnd.sqlite3"
grep -q '<comment xml:lang="da">Kontrakter-portefølje</comment>' "$tmp/share/mime/$type.xml" || fail "no Danish comment"

content_type () {
  env XDG_DATA_DIRS="$tmp/share" XDG_DATA_HOME="$tmp/home/share" GIO_USE_VFS=local \
    gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}

# A real portfolio starts with the SQLite header, which the system database
# recognises as application/vnd.sqlite3 by its magic.
for name in portfolio.kontrakter other.sqlite; do
  { printf 'SQLite format 3\000'; head -c 84 /dev/zero; } >"$tmp/$name"
done

got=$(content_type "$tmp/other.sqlite")
[ "$got" = application/vnd.sqlite3 ] || fail "other.sqlite is '$got': the private MIME database is not in use"
got=$(content_type "$tmp/portfolio.kontrakter")
[ "$got" = "$type" ] || fail "portfolio.kontrakter is '$got', expected $type"

echo "ok: *.kontrakter is $type"
