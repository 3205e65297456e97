#!/bin/sh
# bench_ui.py met de echte sleutelbos van Linux (Secret Service van gnome-keyring) in plaats van de testsleutelbos:
# een eigen D-Bus-sessie en een ontgrendelde sleutelbos in een tijdelijke thuismap. Nodig: apt install gnome-keyring.
# Draai vanuit de projectmap: sh tests/bench/echte_sleutelbos.sh
set -e
thuis=$(mktemp -d)
trap 'rm -rf "$thuis"' EXIT
HOME="$thuis" XDG_DATA_HOME="$thuis/data" dbus-run-session -- sh -c '
  printf %s benchmark | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  .venv/bin/python tests/bench/bench_ui.py --echte-sleutelbos'
