#!/bin/sh
# Installs what `make serve` and `make bench` run, from Debian's packages, when any is missing.
# Run as root (or with sudo) on a fresh machine; it changes nothing when all are present.
set -eu

need=""
command -v nginx >/dev/null 2>&1 || need="$need nginx"
command -v varnishd >/dev/null 2>&1 || need="$need varnish"
command -v redis-server >/dev/null 2>&1 || need="$need redis-server"
command -v wrk >/dev/null 2>&1 || need="$need wrk"
command -v psql >/dev/null 2>&1 || need="$need postgresql postgresql-client"

if [ -n "$need" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing:$need. Run: sudo $0" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need
    # The packages start their own services on the standard ports; the stack runs its own copies
    # on the ports `make serve` is given, and only PostgreSQL's service is used.
    for service in nginx varnish redis-server; do
        if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$service" 2>/dev/null; then
            systemctl disable --now "$service" || true
        fi
    done
fi

# PostgreSQL: the system's cluster, started if it is installed and down.
if command -v pg_lsclusters >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1; then
    if [ "$(id -u)" -eq 0 ]; then
        pg_lsclusters -h | while read -r version cluster _rest; do
            pg_ctlcluster "$version" "$cluster" start || true
        done
    else
        echo "PostgreSQL is not answering on 127.0.0.1:5432; start it (sudo pg_ctlcluster ... start)." >&2
    fi
fi
