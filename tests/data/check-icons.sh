#!/bin/sh
# Renders the app icons the way GTK does (librsvg) and checks the symbolic
# icon's rules: 16×16 and one colour only, so that GTK can recolour it.
#   check-icons.sh SCALABLE_SVG SYMBOLIC_SVG
set -eu

scalable=$1
symbolic=$2

fail () { echo "FAIL: $*" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

xmllint --noout "$scalable" "$symbolic"

grep -q 'viewBox="0 0 128 128"' "$scalable" || fail "the app icon must have a 128×128 viewBox"
grep -q 'viewBox="0 0 16 16"' "$symbolic" || fail "the symbolic icon must have a 16×16 viewBox"

rsvg-convert -w 128 -h 128 -o "$tmp/app.png" "$scalable" || fail "librsvg cannot render $scalable"
rsvg-convert -w 16 -h 16 -o "$tmp/symbolic.png" "$symbolic" || fail "librsvg cannot render $symbolic"

# An empty or fully transparent 128×128 PNG compresses to a few hundred bytes;
# a drawn icon does not.
size=$(wc -c <"$tmp/app.png")
[ "$size" -gt 2000 ] || fail "the app icon renders (almost) empty: $size bytes"

colours=$(grep -o '#[0-9a-fA-F]\{3,8\}' "$symbolic" | tr 'A-F' 'a-f' | sort -u)
[ "$colours" = "#2e3436" ] || fail "the symbolic icon may only use #2e3436, found: $colours"
if grep -q -e 'Gradient' -e 'opacity' -e 'stroke=' "$symbolic"; then
  fail "the symbolic icon must be plain filled paths (no gradients, opacity or strokes)"
fi

echo "ok: icons render"
