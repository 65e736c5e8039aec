#!/usr/bin/env bash
# The release build the scripts measure and run: .build/release/winnow with the Swift runtime and
# Foundation linked statically (--static-swift-stdlib). A run then starts about 10 ms sooner (no
# dynamic binding of the Swift libraries' symbols) and calls such as retain and release skip
# the PLT; docs/benchmarks.md has the figures. Extra arguments go to `swift build`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib "$@"
