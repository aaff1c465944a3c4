#!/usr/bin/env bash
# Runs the Secret Service test against a real gnome-keyring-daemon on a private D-Bus session.
#   bash .ci/keyring.sh   (inside: dbus-run-session -- bash .ci/keyring.sh inner)
set -euo pipefail
if [ "${1:-}" != inner ]; then
  exec dbus-run-session -- bash "$0" inner
fi
export XDG_DATA_HOME; XDG_DATA_HOME=$(mktemp -d)
# The key store's keys.json (names and thumbprints only) goes to a throwaway folder too.
export XDG_CONFIG_HOME; XDG_CONFIG_HOME=$(mktemp -d)
# A throwaway password creates and unlocks a fresh login keyring for this session only.
eval "$(printf 'ci-only-password' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
cargo test --test keyring_real -- --ignored
