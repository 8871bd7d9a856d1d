#!/usr/bin/env bash
# run.sh FUZZER SECONDS: seed a corpus from the examples, replay the kept
# regressions, then fuzz for SECONDS. Crashes land in build/fuzz/crash-*;
# fix them and copy the input to tests/fuzz/regressions/.
set -eu
cd "$(dirname "$0")/../.."
fuzzer=$1
seconds=$2
seeds=build/fuzz/seeds
corpus=build/fuzz/corpus
mkdir -p "$seeds" "$corpus"
for f in examples/inline-cases/lib.c examples/inline-cases/main.c \
	examples/tracing/tracing.c examples/clones/clones.c \
	examples/livepatch/md.c; do
	b=$(basename "$f" .c)
	gcc -O2 -g -c -o "$seeds/$b-gcc.o" "$f"
	gcc -O2 -gdwarf-4 -c -o "$seeds/$b-gcc4.o" "$f"
	clang-19 -O2 -g -c -o "$seeds/$b-clang.o" "$f"
done
gcc -O2 -g -pg -mfentry -mrecord-mcount -c -o "$seeds/tracing-mcount.o" \
	examples/tracing/tracing.c
# names no consumer's grammar can carry, and DWARF 5's indexed forms
tests/hostile/make-hostile.sh "$seeds/hostile.o"
clang-19 -O2 -gdwarf-5 -gsplit-dwarf=single -c -o "$seeds/split-clang.o" \
	examples/tracing/tracing.c
if [ -x ./inlscan ]; then
	./inlscan scan --json --all --sites -o "$seeds/report.json" \
		"$seeds/main-gcc.o"
fi
opts=(-max_len=131072 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1
	-artifact_prefix=build/fuzz/crash-)
if compgen -G 'tests/fuzz/regressions/*' >/dev/null; then
	"$fuzzer" "${opts[@]}" tests/fuzz/regressions/*
fi
"$fuzzer" "${opts[@]}" -max_total_time="$seconds" "$corpus" "$seeds"
