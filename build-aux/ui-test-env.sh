#!/bin/sh
# ui-test-env.sh — runs a command the way Kontrakter's UI tests need it: a
# private D-Bus session, an Xvfb display, the accessibility bus, and the build
# tree's settings schema and translations. Nothing of the user's session or
# settings is used or changed.
#
#   build-aux/ui-test-env.sh BUILD_DIR COMMAND [ARG...]
#
# Exits 77 (meson: skipped) when Xvfb, D-Bus or AT-SPI is missing.
#
# Copyright 2026 The Kontrakter authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

if [ "${1:-}" = "--inside" ]; then
  # Second stage, inside dbus-run-session and xvfb-run.
  shift
  "$KT_ATSPI_LAUNCHER" --launch-immediately >/dev/null 2>&1 &
  launcher_pid=$!
  # dogtail reads this key (through dconf on the private bus) before it
  # talks to the accessibility bus.
  gsettings set org.gnome.desktop.interface toolkit-accessibility true
  i=0
  while [ $i -lt 50 ]; do
    if dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
         org.a11y.Bus.GetAddress >/dev/null 2>&1; then
      break
    fi
    sleep 0.1
    i=$((i + 1))
  done
  "$@"
  rc=$?
  kill "$launcher_pid" 2>/dev/null
  exit $rc
fi

if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_DIR COMMAND [ARG...]" >&2
  exit 2
fi
build=$(cd "$1" && pwd) || exit 2
shift

for tool in xvfb-run Xvfb dbus-run-session dbus-send gsettings; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done
KT_ATSPI_LAUNCHER=""
for launcher in /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher; do
  if [ -x "$launcher" ]; then
    KT_ATSPI_LAUNCHER=$launcher
    break
  fi
done
if [ -z "$KT_ATSPI_LAUNCHER" ]; then
  echo "SKIP: at-spi-bus-launcher is not installed"
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kontrakter-ui-XXXXXX") || exit 1
cleanup () {
  # GTK asks for the desktop portal, which starts the document portal; its
  # FUSE mount in the runtime folder may outlive the bus by a moment.
  if [ -d "$tmp/runtime/doc" ]; then
    fusermount3 -u -z "$tmp/runtime/doc" 2>/dev/null ||
      fusermount -u -z "$tmp/runtime/doc" 2>/dev/null ||
      umount -l "$tmp/runtime/doc" 2>/dev/null
  fi
  rm -rf "$tmp" 2>/dev/null || { sleep 1; rm -rf "$tmp"; }
}
trap cleanup EXIT
trap 'exit 143' HUP INT TERM
mkdir -m 700 "$tmp/runtime"

export KT_ATSPI_LAUNCHER
export KT_BUILD_DIR="$build"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_DATA_HOME="$tmp/data"
export XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime"
export GSETTINGS_SCHEMA_DIR="$build/data"
export KONTRAKTER_LOCALEDIR="$build/po"
export GSK_RENDERER=cairo
export GDK_BACKEND=x11
export GTK_A11Y=atspi
# libadwaita need not ask the desktop portal for the colour scheme: there is
# no desktop behind it here
export ADW_DISABLE_PORTAL=1
unset NO_AT_BRIDGE GSETTINGS_BACKEND G_DEBUG

# D-Bus inside Xvfb, so that services it starts see the display
xvfb-run -a -s '-screen 0 1280x800x24' dbus-run-session -- "$0" --inside "$@"
