# runbook — see README.md. `make site` and `make test` work on a fresh Debian
# machine with the Swift toolchain: missing system packages are installed first.

SWIFT ?= swift
# Debian packages the build and the tests need.
PACKAGES := pkg-config git libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
BENCH_PACKAGES := hyperfine cmark-gfm time
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RUNBOOK := .build/release/runbook

.PHONY: all deps build site test lint bench clean

all: build

# Installs whichever of $(PACKAGES) are missing.
deps:
	@missing=$$(for p in $(PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product runbook

# The site generator (`runbook build`) is not written yet; until then this
# builds the tool and checks this repository's runbooks.
site: build
	$(RUNBOOK) lint

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

lint: build
	$(RUNBOOK) lint

bench:
	$(MAKE) deps EXTRA_PACKAGES="$(BENCH_PACKAGES)"
	$(SWIFT) build -c release --product runbook
	bench/run

clean:
	rm -rf .build _site
