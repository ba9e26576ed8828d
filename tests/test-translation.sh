#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A German user sees a German app: the real executable, with the
# translations built in the build tree, prints German help, German
# errors with German quotation marks, and German statistics. Also checks
# that po/de.po is complete and well-formed.
#
# usage: test-translation.sh BACKBREATH BUILD_PO_DIR SOURCE_PO_DIR BUILD_DATA_DIR REMINDERS

app="$1"
localedir="$2"
podir="$3"
datadir="$4"
reminders="$5"
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

home=$(mktemp -d) || exit 1
trap 'rm -rf "$home"' EXIT

# Translations from the build tree, an empty history of our own, and no
# display: none of this may need one.
BACKBREATH_LOCALEDIR="$localedir"
XDG_DATA_HOME="$home/data"
export BACKBREATH_LOCALEDIR XDG_DATA_HOME
unset DISPLAY WAYLAND_DISPLAY LANGUAGE LC_MESSAGES LANG

[ -f "$localedir/de/LC_MESSAGES/backbreath.mo" ]
check $? "the German catalogue is built at $localedir/de/LC_MESSAGES"

# C.UTF-8 exists on every glibc system, and gettext honours LANGUAGE
# with it (not with plain C).
de() {
  LC_ALL=C.UTF-8 LANGUAGE=de "$app" "$@"
}

out=$(de --help 2>&1); status=$?
[ $status -eq 0 ] &&
  echo "$out" | grep -qF -- '--start=SITZUNG' &&
  echo "$out" | grep -qF 'Die Version anzeigen und beenden' &&
  echo "$out" | grep -qF 'Geführte Atempausen für den oberen Rücken.'
check $? "--help describes the options in German"
[ $status -eq 0 ] && ! echo "$out" | grep -qF 'Show the version and exit'
check $? "--help has no English option left"

out=$(LC_ALL=C.UTF-8 LANGUAGE=de "$reminders" --help 2>&1); status=$?
[ $status -eq 0 ] && echo "$out" | grep -qF -- '--history=PFAD'
check $? "the reminders' service describes its option in German too"

# No locale at all, only LANGUAGE: gettext would ignore it under plain
# C, so the app takes C.UTF-8 for its messages.
out=$(env -u LC_ALL -u LC_CTYPE LANGUAGE=de "$app" --help 2>&1); status=$?
[ $status -eq 0 ] && echo "$out" | grep -qF 'Die Version anzeigen und beenden' &&
  echo "$out" | grep -qF '[OPTION …]'
check $? "LANGUAGE=de alone, with no locale set, gives German help with its ellipsis"

out=$(de extra 2>&1); status=$?
[ $status -eq 2 ] && echo "$out" | grep -qF 'Unerwartetes Argument „extra“' &&
  echo "$out" | grep -qF 'Gültige Optionen: --start SITZUNG'
check $? "a stray argument is refused in German, with „…“ quotes"

out=$(de --start nowhere 2>&1); status=$?
[ $status -eq 2 ] && echo "$out" | grep -qF 'Unbekannte Sitzung „nowhere“'
check $? "an unknown session is named in German"

out=$(de --stats 2>&1); status=$?
[ $status -eq 0 ] && echo "$out" | grep -qF 'Noch keine Sitzungen.'
check $? "--stats on an empty history speaks German"

# One finished two-minute session from today, imported in German.
today=$(date +%Y-%m-%d)
now_us=$(($(date +%s) * 1000000))
cat > "$home/one.json" <<EOF
{ "sessions": [ { "uuid": "de01", "start_utc_us": $now_us,
  "end_utc_us": $((now_us + 120000000)), "local_date": "$today",
  "utc_offset_s": 0, "planned_ms": 120000, "practiced_ms": 120000,
  "breaths_done": 12, "breaths_planned": 12, "inhale_ms": 4000,
  "hold_in_ms": 0, "exhale_ms": 6000, "hold_out_ms": 0,
  "outcome": "completed", "source": "practice" } ] }
EOF
out=$(de --import "$home/one.json" 2>&1); status=$?
[ $status -eq 0 ] && echo "$out" | grep -qF '1 hinzugefügt, 0 übersprungen'
check $? "--import reports in German: $out"

out=$(de --stats 2>&1); status=$?
[ $status -eq 0 ] && echo "$out" | grep -qF '1 Sitzung, insgesamt 2 min' &&
  echo "$out" | grep -qF '1 Tag in Folge' &&
  echo "$out" | grep -qF 'Längste Serie: 1 Tag'
check $? "--stats counts in German, with the singular for one"

out=$(de --import "$home/missing.txt" 2>&1); status=$?
[ $status -ne 0 ] && echo "$out" | grep -qF 'sollte auf .json oder .csv enden'
check $? "an import error is German"

# Without LANGUAGE the same build speaks English: the German above came
# from the catalogue, not from the sources.
out=$(LC_ALL=C.UTF-8 "$app" --help 2>&1)
echo "$out" | grep -qF 'Show the version and exit'
check $? "without LANGUAGE=de the help stays English"

# A full German locale, where one is installed (build-aux/check makes
# de_DE.UTF-8); then dates and numbers are German too.
if locale -a 2>/dev/null | grep -qix 'de_DE.utf-\?8'; then
  out=$(LC_ALL=de_DE.UTF-8 "$app" --help 2>&1)
  echo "$out" | grep -qF 'Die Version anzeigen und beenden'
  check $? "LC_ALL=de_DE.UTF-8 alone gives German help"
else
  n=$((n + 1))
  echo "ok $n # SKIP no de_DE.UTF-8 locale; build-aux/check generates it"
fi

# The menus and the software centre show German too.
grep -qxF 'GenericName[de]=Atmen in den oberen Rücken' "$datadir/io.github.backbreath.Backbreath.desktop" &&
  grep -q '^Keywords\[de\]=.*Rücken;' "$datadir/io.github.backbreath.Backbreath.desktop" &&
  grep -qxF 'Comment[de]=Erinnerungen an eine Atempause' "$datadir/io.github.backbreath.Backbreath.Reminders.desktop"
check $? "the desktop files carry the German name, comment and keywords"
grep -qF '<p xml:lang="de">' "$datadir/io.github.backbreath.Backbreath.metainfo.xml" &&
  grep -qF '<summary xml:lang="de">' "$datadir/io.github.backbreath.Backbreath.metainfo.xml"
check $? "the metainfo carries the German summary and description"

# Every message translated, none fuzzy, and every printf placeholder
# kept (msgfmt --check compares the formats).
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$podir/de.po" 2>&1); status=$?
[ $status -eq 0 ] && echo "$stats" | grep -q '^[0-9]* translated messages\.$'
check $? "po/de.po is complete and its formats match: $stats"

# Every string in today's sources has its German: a pot made as
# meson's i18n module makes it, merged into po/de.po. A string added
# since the last translation shows up here as untranslated or fuzzy; run
# `meson compile -C _build backbreath-update-po` and translate it.
(cd "$podir/.." &&
  xgettext --package-name=backbreath --files-from=po/POTFILES.in \
    --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
    --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
    --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    -o "$home/backbreath.pot") &&
  msgmerge --quiet -o "$home/de.po" "$podir/de.po" "$home/backbreath.pot" &&
  stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$home/de.po" 2>&1) &&
  echo "$stats" | grep -q '^[0-9]* translated messages\.$'
check $? "po/de.po has every string of the sources: $stats"

echo "1..$n"
exit $failed
