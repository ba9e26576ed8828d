# SPDX-License-Identifier: GPL-3.0-or-later
#
# Debian 12 packages for building, running and testing Backbreath, and a
# helper that installs the missing ones. Sourced by build-aux/run and
# build-aux/check.

BUILD_PACKAGES="
  appstream
  build-essential
  desktop-file-utils
  gettext
  libadwaita-1-dev
  libcanberra-dev
  libglib2.0-bin
  libglib2.0-dev
  libgtk-4-dev
  libjson-glib-dev
  libsqlite3-dev
  meson
  ninja-build
  pkg-config
"

RUN_PACKAGES="
  adwaita-icon-theme
  dbus-daemon
  fonts-cantarell
  libcanberra-pulse
  sound-theme-freedesktop
"

TEST_PACKAGES="
  at-spi2-core
  binutils
  dbus-daemon
  imagemagick
  libx11-dev
  libxdamage-dev
  locales
  pulseaudio
  pulseaudio-utils
  python3
  python3-dbusmock
  python3-numpy
  python3-pyatspi
  sqlite3
  tzdata
  x11-utils
  xauth
  xdotool
  xvfb
"

# Installed without what they recommend. A real, headless GNOME Shell for
# tests/test-reminders-shell.py, without the rest of a desktop (gjs runs
# the shell's notification and screen saver services, but nothing pulls
# it in; setpriv runs the shell as a user that is not root); and
# flatpak-builder, which reads the Flatpak manifest in
# tests/test-packaging.py, without the desktop portal its flatpak
# recommends: every GTK program in the tests would start that portal.
SHELL_TEST_PACKAGES="
  flatpak-builder
  gir1.2-gdkpixbuf-2.0
  gjs
  gnome-shell
  python3-gi
  util-linux
"

# ensure_packages [--no-install-recommends] PACKAGE...: installs what is
# missing, with apt-get when root; otherwise prints the command to run
# and returns 1.
ensure_packages () {
  local missing=()
  local options=()
  local pkg

  if [ "${1:-}" = "--no-install-recommends" ]; then
    options+=("$1")
    shift
  fi

  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done

  [ ${#missing[@]} -eq 0 ] && return 0

  if [ "$(id -u)" -ne 0 ]; then
    echo "Backbreath needs these packages:" >&2
    echo "  sudo apt-get install -y ${options[*]} ${missing[*]}" >&2
    return 1
  fi

  echo "Installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be missing on a fresh machine, or stale.
  if ! apt-get install -y "${options[@]}" "${missing[@]}"; then
    apt-get update
    apt-get install -y "${options[@]}" "${missing[@]}"
  fi
}

# ensure_german_locale: generates de_DE.UTF-8, in which the translation
# test also runs the app (with C.UTF-8 and LANGUAGE=de it runs anyway).
# Needs root; otherwise prints the commands and goes on.
ensure_german_locale () {
  if locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\?8'; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "For the German locale test:" >&2
    echo "  sudo sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen && sudo locale-gen" >&2
    return 0
  fi
  sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
  grep -qx 'de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' >> /etc/locale.gen
  locale-gen >/dev/null
}
