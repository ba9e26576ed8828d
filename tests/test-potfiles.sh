#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every source file with translatable strings is listed in po/POTFILES.in,
# and every listed file exists.

top="$1"
cd "$top" || exit 1
status=0

for f in $(grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|g_dngettext)\s*\(|translatable="yes"' src data | grep -E '\.(c|ui|in)$' | sort); do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "missing from po/POTFILES.in: $f"
    status=1
  fi
done

for f in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
  if [ ! -f "$f" ]; then
    echo "listed in po/POTFILES.in but missing: $f"
    status=1
  fi
done

exit $status
