#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Bad command lines must fail fast with status 2 and a clear message,
# before any window opens. Runs the real executable.

app="$1"
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

out=$("$app" --version 2>&1); status=$?
[ $status -eq 0 ] && echo "$out" | grep -q '^Backbreath [0-9]'
check $? "--version prints the version and exits 0"

out=$("$app" --help 2>&1); status=$?
[ $status -eq 0 ] && echo "$out" | grep -q -- '--start=PRESET'
check $? "--help lists --start and exits 0"

out=$("$app" --no-such-option 2>&1); status=$?
[ $status -eq 2 ] && echo "$out" | grep -q 'no-such-option' && echo "$out" | grep -q 'Valid options: --start PRESET'
check $? "an unknown option exits 2 and names the valid options"

out=$("$app" --start nowhere 2>&1); status=$?
[ $status -eq 2 ] && echo "$out" | grep -q 'Unknown preset “nowhere”' && echo "$out" | grep -q 'desk-break'
check $? "an unknown preset exits 2 and names the valid presets"

out=$("$app" --start 2>&1); status=$?
[ $status -eq 2 ] && echo "$out" | grep -q 'start'
check $? "--start without a preset exits 2"

out=$("$app" stray-argument 2>&1); status=$?
[ $status -eq 2 ] && echo "$out" | grep -q 'Unexpected argument “stray-argument”'
check $? "a stray argument exits 2, named in the locale's quotation marks"

# With no locale at all, quotation marks still print as themselves.
out=$(env -u LANG -u LANGUAGE -u LC_ALL -u LC_CTYPE -u LC_MESSAGES "$app" stray-argument 2>&1); status=$?
[ $status -eq 2 ] && echo "$out" | grep -q 'Unexpected argument “stray-argument”'
check $? "without a locale, quotation marks are not question marks"

# Bytes that are not text: named, shown as replacement characters.
out=$("$app" --start "$(printf 'x\377y')" 2>&1); status=$?
[ $status -eq 2 ] && echo "$out" | grep -q '“x�y” is not valid text'
check $? "an argument that is not text exits 2 and says so"

out=$("$app" "$(printf 'a\377\tb')" 2>&1); status=$?
[ $status -eq 2 ] && echo "$out" | grep -q 'Unexpected argument “a�\\x09b”' && echo "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null
check $? "a stray argument with bad bytes and a tab prints as valid UTF-8"

# A huge argument is not echoed back whole.
long=$(head -c 100000 /dev/zero | tr '\0' a)
out=$("$app" "$long" 2>&1); status=$?
[ $status -eq 2 ] && [ ${#out} -lt 1000 ] && echo "$out" | grep -q 'Unexpected argument “aaaa*…”'
check $? "a 100 KB stray argument is cut short (${#out} characters)"

out=$("$app" "--$long" 2>&1); status=$?
[ $status -eq 2 ] && [ ${#out} -lt 1000 ]
check $? "a 100 KB unknown option is cut short (${#out} characters)"

out=$("$app" --start "$long" 2>&1); status=$?
[ $status -eq 2 ] && [ ${#out} -lt 2000 ] && echo "$out" | grep -q 'Unknown preset'
check $? "a 100 KB preset name is cut short (${#out} characters)"

echo "1..$n"
exit $failed
