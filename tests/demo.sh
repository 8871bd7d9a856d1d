#!/bin/sh
# Build the bundled example with clang ThinLTO and scan it.
set -eu
cd "$(dirname "$0")/.."
mkdir -p build/demo
clang -O2 -g -flto=thin -fuse-ld=lld -o build/demo/inline-cases \
	examples/inline-cases/*.c
./inlscan scan --top 10 build/demo/inline-cases
