#!/usr/bin/env bash
# The whole test suite: the admin build, the type check, then every test file on SQLite and on
# PostgreSQL (and on MongoDB when TEST_MONGODB_URL is set). Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

# Node 20 + Lexical can exit silently (code 13) without this condition; see README.
export NODE_OPTIONS="--conditions=production"
results=tmp/test-results
rm -rf "$results" && mkdir -p "$results"
passed=0
failed=0

if npm run build --silent; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

echo "== Type check (tsc --noEmit)"
if npx tsc --noEmit; then passed=$((passed + 1)); else failed=$((failed + 1)); fi

databases=(sqlite postgres)
if [[ -n "${TEST_MONGODB_URL:-}" ]]; then databases+=(mongodb); fi

for database in "${databases[@]}"; do
  echo "== Tests on $database"
  TEST_DATABASE=$database npx vitest run --reporter=default --reporter=json --outputFile.json="$results/$database.json"
  counts=$(node -e '
    const fs = require("fs")
    try {
      const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"))
      // A file whose hooks failed counts as a failure even if its tests passed.
      console.log(r.numPassedTests, Math.max(r.numFailedTests, r.numFailedTestSuites))
    } catch { console.log(0, 1) }
  ' "$results/$database.json")
  passed=$((passed + ${counts% *}))
  failed=$((failed + ${counts#* }))
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
