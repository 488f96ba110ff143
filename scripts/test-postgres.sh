#!/usr/bin/env bash
# Starts or stops the PostgreSQL 15 server the tests use: a cluster of its own in DIR (initdb with
# trust authentication, UTF-8, C.UTF-8), listening only on a socket in DIR. ctest starts it before
# the suites that need it and stops it after them, whatever they did (a CTest fixture). initdb
# refuses to run as root: as root, the cluster belongs to the 'postgres' user that Debian's
# package makes.
#   scripts/test-postgres.sh start DIR   prints nothing, exits 0 once the server takes connections
#   scripts/test-postgres.sh stop DIR
set -euo pipefail
action=$1
dir=$2
bin=/usr/lib/postgresql/15/bin

# As root, the server runs as 'postgres'. Where that user cannot even reach the programs (a root
# folder of mode 0700, as in a chroot made with mktemp -d), it is given the one capability of
# reading and searching folders, kept across exec (setpriv, util-linux), and nothing else.
run_as() {
    if [ "$(id -u)" -ne 0 ]; then
        "$@"
    elif runuser -u postgres -- test -x "$bin/initdb" 2>/dev/null; then
        runuser -u postgres -- "$@"
    else
        setpriv --reuid=postgres --regid=postgres --init-groups --securebits=+no_setuid_fixup \
            --inh-caps=+dac_read_search --ambient-caps=+dac_read_search -- "$@"
    fi
}

case "$action" in
start)
    # A server left running by an interrupted run is stopped first: every run starts afresh.
    if [ -f "$dir/data/postmaster.pid" ]; then
        run_as "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$dir"
    fi
    run_as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -c listen_addresses='' -c fsync=off" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        run_as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
