#!/usr/bin/env bash
# CPU time per request of an uncached article page: the web process (one
# worker, render cache off) and, on PostgreSQL, the server's backends (the
# children of the postmaster of $SAHIFA_PG_DATA), read from /proc before and
# after `wrk -t2 -c32` on the newest demo article. CPU time per request moves
# much less than req/s on a shared machine.
#
#   npm run build
#   bench/cpu-per-request.sh dist /tmp/site.db 10
#   scripts/with-postgres.sh sh -c 'bench/cpu-per-request.sh dist "$SAHIFA_TEST_DATABASE_URL" 10'
#
# DIST is a built tree (dist, or another checkout's, to compare versions).
set -euo pipefail
DIST=$1; DB=$2; SECS=${3:-10}
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
SAHIFA_CACHE_MB=0 SAHIFA_SCHEDULER_MS=3600000 node $DIST/src/cli/main.js serve --db "$DB" --port $PORT --workers 1 --demo >/dev/null 2>&1 &
SRV=$!
for i in $(seq 400); do curl -fs -o /dev/null http://127.0.0.1:$PORT/ && break; sleep 0.2; done
URL=http://127.0.0.1:$PORT$(curl -s http://127.0.0.1:$PORT/ | grep -o 'href="/articles/[^"]*"' | head -1 | sed 's/href="//;s/"$//')
ticks() { # utime+stime of pids given
  local t=0; for p in "$@"; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $t; }
pgpids() { [ -n "${SAHIFA_PG_DATA:-}" ] || return 0; local pm=$(head -1 $SAHIFA_PG_DATA/postmaster.pid); echo $pm; for s in /proc/[0-9]*/stat; do awk -v pm=$pm '$4==pm{print $1}' $s 2>/dev/null || true; done; }
wrk -t1 -c8 -d2s "$URL" >/dev/null
P0=$(ticks $(pgpids)); N0=$(ticks $SRV); T0=$(date +%s.%N)
OUT=$(wrk -t2 -c32 -d${SECS}s "$URL")
P1=$(ticks $(pgpids)); N1=$(ticks $SRV); T1=$(date +%s.%N)
REQ=$(echo "$OUT" | awk '/requests in/{print $1}')
HZ=$(getconf CLK_TCK)
python3 - "$REQ" "$N0" "$N1" "$P0" "$P1" "$HZ" "$T0" "$T1" "$DB" <<'PY'
import sys
req,n0,n1,p0,p1,hz,t0,t1,db=sys.argv[1:]
req=int(req); hz=int(hz); el=float(t1)-float(t0)
node=(int(n1)-int(n0))/hz*1e6/req; pgc=(int(p1)-int(p0))/hz*1e6/req
print(f"{'postgres' if db.startswith('postgres') else 'sqlite'}: {req/el:.0f} req/s; CPU per request: web process {node:.0f} us, PostgreSQL backends {pgc:.0f} us")
PY
kill $SRV
