# SPDX-License-Identifier: GPL-2.0-only
CC ?= cc
PKGS := libdw libelf jansson
CFLAGS ?= -O2 -g
CFLAGS += -std=gnu11 -Wall -Wextra -Werror -pthread
CFLAGS += $(shell pkg-config --cflags $(PKGS))
LDLIBS += $(shell pkg-config --libs $(PKGS)) -pthread
ifeq ($(SANITIZE),1)
CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

COMMON := common/util.o common/records.o
DWARF := dwarf/input.o dwarf/walk.o dwarf/image.o dwarf/scan.o
ANALYZER := analyzer/strpool.o analyzer/join.o analyzer/symbols.o \
	analyzer/analyze.o analyzer/describe.o
REPORT := report/common.o report/json.o report/text.o
CLI := cli/main.o cli/inputs.o
OBJS := $(COMMON) $(DWARF) $(ANALYZER) $(REPORT) $(CLI)

PREFIX ?= /usr/local

all: inlscan

inlscan: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

%.o: %.c $(wildcard */*.h)
	$(CC) $(CFLAGS) -c -o $@ $<

tests/unit/test_analyzer: tests/unit/test_analyzer.o $(COMMON) $(ANALYZER)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

check test: inlscan tests/unit/test_analyzer
	tests/run.sh

deps:
	tests/install-deps.sh

install: inlscan
	install -D -m 755 inlscan $(DESTDIR)$(PREFIX)/bin/inlscan

clean:
	rm -f inlscan $(OBJS) tests/unit/*.o tests/unit/test_analyzer
	rm -rf tests/build

.PHONY: all check test deps install clean
