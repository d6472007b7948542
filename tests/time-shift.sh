#!/usr/bin/env bash
# The suite on a later date: PGlite and every non-browser test, with the process clock moved ahead by
# libfaketime (PGlite runs inside Node and follows it). A test that quietly depends on today's date (a
# fixture date that "now" will pass, a year read from the real clock) fails here on the day it is
# written, not a year later. Chromium ignores libfaketime, and a PostgreSQL server keeps its own clock,
# so the browser suites and the PostgreSQL half stay on the real date in `npm test`.
#
#   npm run test:later                          # 400 days ahead (crosses a new year and, within four years, a 29 February)
#   TEST_SHIFT='@2028-03-01 09:00:00' npm run test:later   # a given moment; the clock runs on from there
#   npm run test:later -- tests/bot-project.test.ts        # some files only
set -euo pipefail
shift_by=${TEST_SHIFT:-+400d}
if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is not installed: apt-get install faketime (Debian's package; .ci/run installs it)" >&2
  exit 1
fi
# A preload that did not take would make this pass prove nothing.
real=$(node -e 'process.stdout.write(String(Date.now()))')
moved=$(faketime -f "$shift_by" node -e 'process.stdout.write(String(Date.now()))')
if [ $(( moved > real ? moved - real : real - moved )) -lt 86400000 ]; then
  echo "faketime '$shift_by' did not move Node's clock by a day or more (real $real, shifted $moved)" >&2
  exit 1
fi
echo "== tests on a later date: faketime '$shift_by' (PGlite only, no browser): $(node -e "console.log(new Date($moved).toISOString())")"
# Left out as well: suites of processes, storage and networks that read no calendar (faults injected into
# Telegram and PostgreSQL, backups, migrations and the data-directory template, the bundle and shutdown of a
# spawned app). They are the slowest third of the suite, and CI runs this pass after the whole of `npm test`.
exec env -u TEST_DATABASE_URL faketime -f "$shift_by" npx vitest run --exclude 'tests/browser/**' \
  --exclude 'tests/faults-*.test.ts' --exclude tests/backup.test.ts --exclude tests/migrations.test.ts \
  --exclude tests/template.test.ts --exclude tests/bundle.test.ts --exclude tests/shutdown.test.ts \
  --exclude tests/e2e-app.test.ts "$@"
