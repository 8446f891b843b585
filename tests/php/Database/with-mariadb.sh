#!/usr/bin/env bash
# Runs the database tests on a throw-away MariaDB (Debian's mariadb-server): its own data
# directory and socket under a temp dir, no network, stopped and removed afterwards.
# Usage (repository root): tests/php/Database/with-mariadb.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d)"
socket="$work/mysqld.sock"
user="$(id -un)"
cleanup() {
  if [ -f "$work/mysqld.pid" ]; then kill "$(cat "$work/mysqld.pid")" 2>/dev/null || true; fi
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT
mariadb-install-db --no-defaults --datadir="$work/data" --user="$user" \
  --auth-root-authentication-method=normal >"$work/install.log" 2>&1
mariadbd --no-defaults --datadir="$work/data" --socket="$socket" --pid-file="$work/mysqld.pid" \
  --skip-networking --user="$user" >"$work/server.log" 2>&1 &
for _ in $(seq 1 50); do
  [ -S "$socket" ] && mariadb --no-defaults -S "$socket" -u root -e "SELECT 1" >/dev/null 2>&1 && break
  sleep 0.2
done
mariadb --no-defaults -S "$socket" -u root -e "CREATE DATABASE IF NOT EXISTS whmcs_test"
CONTABO_TEST_DB_SOCKET="$socket" phpunit -c "$root/tests/php/phpunit-database.xml"
