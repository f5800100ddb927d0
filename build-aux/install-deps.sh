#!/bin/sh
# Installs what Lead Intent needs to build and test on Debian 12.
set -eu
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends \
  meson ninja-build pkg-config gcc libc6-dev \
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libsoup-3.0-dev \
  libgtk-4-dev libadwaita-1-dev gettext \
  desktop-file-utils appstream appstream-util \
  xvfb xauth dbus dbus-x11 at-spi2-core fonts-dejavu-core \
  librsvg2-common adwaita-icon-theme hicolor-icon-theme \
  python3 gzip clang libclang-rt-14-dev \
  python3-gi gir1.2-atspi-2.0 python3-pyatspi xdotool \
  postgresql sqlite3 \
  libsecret-1-dev gnome-keyring libsecret-tools
