# Starts a throw-away PostgreSQL cluster for the tests; sourced by .ci/run (and usable by hand:
# `source .ci/postgres.sh && start_postgres && echo $SLUICE_TEST_POSTGRES_URL`). Stopped and deleted on exit.

pg_bin_dir() {
  local found=""
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then found="$dir"; fi
  done
  echo "$found"
}

# initdb refuses to run as root: as root, run the server as the postgres OS user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

stop_postgres() {
  if [ -n "${SLUICE_PG_DIR:-}" ] && [ -d "$SLUICE_PG_DIR" ]; then
    as_postgres "$SLUICE_PG_BIN/pg_ctl" -D "$SLUICE_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$SLUICE_PG_DIR"
  fi
}

start_postgres() {
  SLUICE_PG_BIN="$(pg_bin_dir)"
  if [ -z "$SLUICE_PG_BIN" ]; then
    echo "Installing PostgreSQL from Debian's packages (apt-get install postgresql)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    SLUICE_PG_BIN="$(pg_bin_dir)"
  fi
  if [ -z "$SLUICE_PG_BIN" ]; then
    echo "PostgreSQL is not installed and could not be installed" >&2
    return 1
  fi
  SLUICE_PG_DIR="$(mktemp -d /tmp/sluice-pg.XXXXXX)"
  chmod 755 "$SLUICE_PG_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres "$SLUICE_PG_DIR"; fi
  trap stop_postgres EXIT
  local port
  port="$(free_port)"
  as_postgres "$SLUICE_PG_BIN/initdb" -D "$SLUICE_PG_DIR/data" -U postgres -A trust --no-sync >/dev/null
  as_postgres "$SLUICE_PG_BIN/pg_ctl" -D "$SLUICE_PG_DIR/data" -l "$SLUICE_PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $SLUICE_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50" start >/dev/null
  SLUICE_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  export SLUICE_TEST_POSTGRES_URL
}
