#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries are present for the app tests (Debian's postgresql package).
# Installs them when absent (as root, or through passwordless sudo). Starts nothing: the tests run
# their own throwaway cluster on a loopback port and stop it; a cluster the package's install
# created and started is stopped and dropped here, so no server is left running.
set -euo pipefail

have_server() {
  compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || command -v pg_ctl >/dev/null
}

have_server && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "PostgreSQL server not found and not root: install Debian's postgresql package, then run make test again" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "PostgreSQL server not found and no apt-get: install PostgreSQL 13 or newer (initdb, pg_ctl)" >&2
  exit 1
fi

echo "installing Debian's postgresql package for the app tests" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null

# The package may create and start a default cluster; the tests never use it.
if command -v pg_lsclusters >/dev/null; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _; do
    "${as_root[@]}" pg_dropcluster --stop "$version" "$cluster" || true
  done
fi

have_server || { echo "postgresql installed but initdb/pg_ctl not found" >&2; exit 1; }
