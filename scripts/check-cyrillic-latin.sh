#!/usr/bin/env bash
# Winnow's own BGN/PCGN transforms (Russian, Ukrainian, Belarusian, Bulgarian, Serbian) against
# ICU: for each, every one- to three-letter string and RANDOM random strings (default a
# million); exit 0 when not one differs. The unit tests run a smaller sample of the same
# comparison; run this after changing RussianLatin.swift or CyrillicLatin.swift.
#
#   scripts/check-cyrillic-latin.sh [RANDOM]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
names=Sources/Winnow/Stages/Normalize/Names
swiftc -O "$names/RussianLatin.swift" "$names/CyrillicLatin.swift" scripts/check-cyrillic-latin/main.swift -o "$work/check"
"$work/check" "${1:-1000000}"
