# The two commands of the README: `make run` and `make check`.
BUILDDIR ?= _build
EXAMPLE  ?= $(BUILDDIR)/eksempel-kommune.kontrakter

.PHONY: all deps setup build run check bench clean

all: build

deps:
	@build-aux/install-deps.sh

setup: deps
	@test -f $(BUILDDIR)/build.ninja || meson setup $(BUILDDIR)

build: setup
	meson compile -C $(BUILDDIR)

$(EXAMPLE): build
	@test -f "$@" || $(BUILDDIR)/src/kontrakter --create-example "$@"

run: build $(EXAMPLE)
	GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data $(BUILDDIR)/src/kontrakter --portfolio "$(EXAMPLE)"

check: build
	meson test -C $(BUILDDIR) --print-errorlogs

bench: build
	meson test -C $(BUILDDIR) --benchmark --verbose

clean:
	rm -rf $(BUILDDIR)
