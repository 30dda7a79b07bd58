#!/usr/bin/env bash
# Benchmarks of the store: durable append rate by batch size on SQLite and on PostgreSQL (a
# server started here on a loopback port), and rebuild time and memory at STATIONS stations.
# Usage: bench/store.sh [PROTOCOLS_PER_RUN] [STATIONS]   (defaults 20000 and 100000). Run as root (PostgreSQL runs as postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-20000}
stations=${2:-100000}
work=$(mktemp -d /tmp/sanoo-store-bench-XXXX)
chown postgres:postgres "$work"
pg=/usr/lib/postgresql/15/bin
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cleanup() { runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
runuser -u postgres -- "$pg/initdb" -D "$work/pg" -A trust -U sanoo >/dev/null
runuser -u postgres -- "$pg/pg_ctl" -D "$work/pg" -o "-p $port -k $work -c listen_addresses=127.0.0.1" -l "$work/pg.log" -w start >/dev/null
mkdir -p "$work/sqlite"

dotnet build bench/Sanoo.Bench -c Release -o "$work/bin" --nologo -v quiet >/dev/null
echo "== SQLite (WAL, synchronous=FULL) =="
dotnet "$work/bin/Sanoo.Bench.dll" append "sqlite:$work/sqlite" "$count"
echo "== PostgreSQL $("$pg/postgres" --version | awk '{print $3}') (synchronous_commit=on) =="
dotnet "$work/bin/Sanoo.Bench.dll" append "postgres:Host=127.0.0.1;Port=$port;Username=sanoo;Database=postgres" "$count"

echo "== rebuild from the store at $stations stations (hand count) =="
./sanoo generate synthetic --stations "$stations" --out "$work/election" >/dev/null
./sanoo ingest --definition "$work/election/election.json" --db "sqlite:$work/rebuild.db" "$work/election/hand.jsonl" >/dev/null
for run in 1 2 3; do
  /usr/bin/time -f "%e s, peak RSS %M KB" ./sanoo tally --db "sqlite:$work/rebuild.db" 2>&1 >/dev/null | sed "s/^/  sanoo tally --db (open, rebuild, check, print) run $run: /"
done
