# SPDX-License-Identifier: GPL-2.0-only
# make            build ./inlscan
# make demo       install dependencies, build, scan a bundled example
# make check      install dependencies, build with ASan/UBSan, run all tests
CC ?= cc
PKGS := libdw libelf jansson
CFLAGS ?= -O2 -g
CFLAGS += -std=gnu11 -Wall -Wextra -Werror -pthread -MMD -MP
CFLAGS += $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS += $(shell pkg-config --libs $(PKGS) 2>/dev/null || \
	echo -ldw -lelf -ljansson) -pthread
BUILD ?= build/release
ifeq ($(SANITIZE),1)
BUILD := build/san
CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
# libFuzzer needs clang; the sanitizers catch what the fuzzer provokes
ifeq ($(FUZZ),1)
BUILD := build/fuzz
CC := clang-19
CFLAGS += -fsanitize=fuzzer-no-link,address,undefined \
	-fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=fuzzer,address,undefined
endif
FUZZ_SECONDS ?= 60

COMMON := common/util.c common/records.c common/arena.c common/strpool.c
DWARF := dwarf/input.c dwarf/walk.c dwarf/image.c dwarf/tables.c dwarf/locate.c \
	dwarf/tracefs.c dwarf/code.c \
	dwarf/datarefs.c dwarf/lines.c dwarf/dies.c dwarf/scan.c \
	dwarf/relocate.c
ANALYZER := analyzer/join.c analyzer/symbols.c \
	analyzer/summary.c analyzer/runtime.c analyzer/classify.c \
	analyzer/partition.c analyzer/functions.c analyzer/copies.c \
	analyzer/analyze.c analyzer/describe.c \
	analyzer/tracer.c \
	analyzer/compare.c analyzer/renames.c analyzer/correlate.c \
	analyzer/livepatch.c \
	analyzer/whatif.c
REPORT := report/common.c report/escape.c report/json.c report/json_functions.c \
	report/json_writer.c report/ordered.c report/text.c report/load.c \
	report/json_span.c \
	report/tracer.c report/compare.c report/livepatch.c report/whatif.c \
	report/inputs_table.c report/show.c \
	report/html.c
CLI := cli/main.c cli/option_table.c cli/options.c cli/session.c cli/scan.c cli/denylist.c \
	cli/probes.c cli/suffixes.c cli/whatif.c cli/diff.c cli/report.c cli/show.c \
	cli/inputs.c cli/output.c cli/partial.c cli/bpftrace.c
obj = $(patsubst %.c,$(BUILD)/%.o,$(1))

PREFIX ?= /usr/local

all: inlscan

inlscan: $(BUILD)/inlscan
	ln -sf $< $@

$(BUILD)/inlscan: $(call obj,$(COMMON) $(DWARF) $(ANALYZER) $(REPORT) $(CLI))
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_analyzer: $(call obj,tests/unit/test_analyzer.c $(COMMON) \
	$(ANALYZER))
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_classify: $(call obj,tests/unit/test_classify.c \
	analyzer/classify.c)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_arena: $(call obj,tests/unit/test_arena.c $(COMMON))
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_util: $(call obj,tests/unit/test_util.c common/util.c)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_relocate: $(call obj,tests/unit/test_relocate.c \
	common/util.c dwarf/input.c dwarf/relocate.c)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_dies: $(call obj,tests/unit/test_dies.c common/util.c \
	dwarf/input.c dwarf/relocate.c dwarf/dies.c dwarf/lines.c)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/test_json_writer: $(call obj,tests/unit/test_json_writer.c \
	common/util.c report/json_writer.c report/json_functions.c \
	report/ordered.c report/common.c report/escape.c \
	analyzer/summary.c)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/fuzz_scan: $(call obj,tests/fuzz/fuzz_scan.c $(COMMON) $(DWARF) \
	$(ANALYZER) $(REPORT))
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

-include $(shell find build -name '*.d' 2>/dev/null)

deps:
	tests/install-deps.sh

demo: deps
	$(MAKE) inlscan
	tests/demo.sh

check: deps
	$(MAKE) SANITIZE=1 build/san/inlscan build/san/test_analyzer \
		build/san/test_classify \
		build/san/test_json_writer build/san/test_arena \
		build/san/test_relocate build/san/test_util \
		build/san/test_dies
	$(MAKE) FUZZ=1 build/fuzz/fuzz_scan
	INLSCAN=build/san/inlscan TEST_DIES=build/san/test_dies \
		UNIT_TESTS="build/san/test_analyzer build/san/test_classify \
			build/san/test_json_writer \
			build/san/test_arena build/san/test_relocate \
			build/san/test_util" \
		FUZZ_SCAN=build/fuzz/fuzz_scan FUZZ_SECONDS=$(FUZZ_SECONDS) \
		tests/run.sh

# one benchmark run on Debian's kernel: docs/performance.md
bench: deps
	$(MAKE) inlscan
	bench/run.sh

# fuzz for FUZZ_SECONDS (default 60) on a corpus kept in build/fuzz/corpus
fuzz: deps
	$(MAKE) FUZZ=1 build/fuzz/fuzz_scan
	$(MAKE) inlscan
	tests/fuzz/run.sh build/fuzz/fuzz_scan $(FUZZ_SECONDS)

install: $(BUILD)/inlscan
	install -D -m 755 $< $(DESTDIR)$(PREFIX)/bin/inlscan
	install -D -m 644 docs/inlscan.1 \
		$(DESTDIR)$(PREFIX)/share/man/man1/inlscan.1
	install -D -m 644 completion/inlscan.bash \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/inlscan

clean:
	rm -rf build inlscan

.PHONY: all deps demo check bench fuzz install clean
