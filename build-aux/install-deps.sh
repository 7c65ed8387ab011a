#!/bin/sh
# Installs whatever build-aux/packages.txt lists and this machine lacks, with
# apt (through sudo when not root), and makes sure the Danish locale exists so
# that the Danish translation and formatting can be tested.
set -eu

here=$(dirname "$0")
list="$here/packages.txt"

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi

wanted=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list")
missing=""
for pkg in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $pkg" ;;
  esac
done

if [ -n "$missing" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: these packages are missing and there is no apt-get:$missing" >&2
    exit 1
  fi
  echo "install-deps: installing$missing"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing; then
    # A package missing from this release (e.g. dogtail on a newer Ubuntu) must
    # not stop the rest: install one by one and report what is left.
    for pkg in $missing; do
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$pkg" \
        || echo "install-deps: could not install $pkg; tests that need it will be skipped" >&2
    done
  fi
fi

if ! locale -a 2>/dev/null | grep -qi '^da_DK\.utf-\?8$'; then
  echo "install-deps: generating the da_DK.UTF-8 locale"
  $sudo localedef -i da_DK -f UTF-8 da_DK.UTF-8 || echo "install-deps: could not generate da_DK.UTF-8" >&2
fi
