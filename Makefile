# runbook — see README.md. `make site` and `make test` work on a fresh Debian
# machine with the Swift toolchain: missing system packages are installed first.

SWIFT ?= swift
# Debian packages the build and the tests need.
# libcurl4-openssl-dev: the static Foundation links libcurl (for --index URLs).
# libjemalloc-dev: the allocator the binary links in place of glibc's (Package.swift).
# zlib1g-dev, libdeflate-dev: GitKit inflates the objects of pack files itself (PackReader):
# whole objects with libdeflate, the first bytes of one (a delta's sizes) with zlib.
# libssl-dev: OpenSSL's SHA-256 (on the processor's SHA instructions) for page keys.
PACKAGES := pkg-config git libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libcurl4-openssl-dev libjemalloc-dev zlib1g-dev libdeflate-dev libssl-dev
# What the test tooling needs: a headless browser and its driver for the site
# tests, Python's venv for Selenium and jsonschema from PyPI.
TEST_PACKAGES := chromium chromium-driver graphviz python3 python3-venv
BENCH_PACKAGES := hyperfine cmark-gfm time hugo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RUNBOOK := .build/release/runbook
# The Swift runtime and Foundation linked in: the binary then runs without the
# toolchain, and starts in 12 ms instead of 18 (it runs on every commit as a
# pre-commit hook, where start-up is a good part of the cost).
RELEASE_BUILD := $(SWIFT) build -c release --product runbook --static-swift-stdlib
# A virtual environment for the Python test tools, kept with the build products.
PYTHON_ENV := .build/python
PYTHON := $(PYTHON_ENV)/bin/python

.PHONY: all deps build site test test-deps lint bench clean

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
	$(RELEASE_BUILD)

# The README's main command: this repository's own runbooks, with their
# lineage from its Git history, as a site in _site/.
site: build
	$(RUNBOOK) build

# Marks a complete environment: a failed pip install is retried next time.
$(PYTHON_ENV)/installed:
	python3 -m venv $(PYTHON_ENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check selenium jsonschema
	touch $@

test-deps:
	$(MAKE) deps EXTRA_PACKAGES="$(TEST_PACKAGES)"
	$(MAKE) $(PYTHON_ENV)/installed

test: test-deps
	$(SWIFT) build --build-tests
	RUNBOOK_TEST_PYTHON=$(CURDIR)/$(PYTHON) $(SWIFT) test --skip-build
	$(PYTHON) Tests/browser/test_site.py .build/debug/runbook

lint: build
	$(RUNBOOK) lint

bench:
	$(MAKE) deps EXTRA_PACKAGES="$(BENCH_PACKAGES)"
	$(RELEASE_BUILD)
	bench/run
	bench/build
	bench/draft

clean:
	rm -rf .build _site
