#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A test must pass whatever ran before it: runs each test of a GLib test
# program alone, then all of them in reverse order, in fresh processes.

exe="$1"
n=0
failed=0

check() {
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    failed=1
  fi
}

paths=$("$exe" -l 2>/dev/null | grep '^/')
if [ -z "$paths" ]; then
  echo "Bail out! $exe lists no tests"
  exit 1
fi

reversed=""
for path in $paths; do
  # The test program's own output goes to the log, not into this TAP.
  "$exe" -p "$path" >&2
  check $? "$path alone"
  reversed="-p $path $reversed"
done

# shellcheck disable=SC2086
"$exe" $reversed >&2
check $? "all in reverse order"

echo "1..$n"
exit $failed
