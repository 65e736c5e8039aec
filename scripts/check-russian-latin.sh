#!/usr/bin/env bash
# RussianLatin (Winnow's own Russian-Latin/BGN) against ICU on every one- to three-letter string
# and on RANDOM random strings (default two million): exit 0 when not one differs. The unit
# tests run a smaller sample of the same comparison; run this after changing RussianLatin.swift.
#
#   scripts/check-russian-latin.sh [RANDOM]
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swiftc -O Sources/Winnow/Stages/Normalize/Names/RussianLatin.swift scripts/check-russian-latin/main.swift -o "$work/check"
"$work/check" "${1:-2000000}"
