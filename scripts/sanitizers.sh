#!/usr/bin/env bash
# The whole test suite under AddressSanitizer and under ThreadSanitizer, each in its own build
# folder (.build/asan, .build/tsan); the CLI tests then run the sanitized winnow beside the test
# bundle, with --jobs 2 in several of them. A heavy check (DECISIONS.md, CI tiers): run it
# before an issue that touches memory or threads is closed, and write the result in
# docs/reliability.md. About 15 minutes on a 2-core host.
#
# Leak reports are off: the only leaks are the toolchain's (the test harness, Foundation's
# Process).
#
#   scripts/sanitizers.sh [address|thread]   # both when no argument is given
set -euo pipefail
cd "$(dirname "$0")/.."
kinds=${*:-address thread}
for kind in $kinds; do
  case "$kind" in
    address) ASAN_OPTIONS=detect_leaks=0 swift test --build-path .build/asan --sanitize=address 2>&1 | tail -n 3 ;;
    thread) TSAN_OPTIONS=halt_on_error=1 swift test --build-path .build/tsan --sanitize=thread 2>&1 | tail -n 3 ;;
    *) echo "sanitizers: unknown kind $kind (address or thread)" >&2; exit 2 ;;
  esac
  echo "sanitizers: $kind: clean after ${SECONDS}s"
done
