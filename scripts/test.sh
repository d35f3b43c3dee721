#!/usr/bin/env bash
# Runs every test file under test/ with Node's built-in runner and tsx.
# Node 20 neither expands quoted globs nor finds .ts files by itself, so the
# files are listed here; an empty list is an error, never a silent pass.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find test -name '*.test.ts' -not -path '*/fixtures/*' | sort)
if [ "${#files[@]}" -eq 0 ]; then
  echo "no test files found under test/" >&2
  exit 1
fi
exec node --import tsx --test --test-concurrency=2 "$@" "${files[@]}"
