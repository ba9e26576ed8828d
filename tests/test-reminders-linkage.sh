#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# backbreath-reminders runs all day: it must not load GTK or libadwaita,
# neither as its own NEEDED entries nor through a library it needs.
#
# usage: test-reminders-linkage.sh BACKBREATH-REMINDERS

exe="$1"
forbidden='libgtk|libadwaita|libgdk'
n=0
status=0

result () {
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    status=1
  fi
}

needed=$(readelf -d "$exe" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] && echo "$needed" | grep -q '^libgio-2\.0\.so'
result $? "readelf lists its NEEDED entries, libgio among them: $(echo $needed)"

echo "$needed" | grep -Eq "$forbidden"
[ $? -ne 0 ]
result $? "no GTK or libadwaita among them"

loaded=$(ldd "$exe" | awk '{ print $1 }')
echo "$loaded" | grep -Eq "$forbidden"
[ $? -ne 0 ]
result $? "none loaded through another library either"

echo "1..$n"
exit $status
