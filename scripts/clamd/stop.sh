#!/usr/bin/env bash
# Stops the clamd that scripts/clamd/start.sh started (by its recorded pid, and only if that process is still a
# clamd using this directory's clamd.conf). Idempotent.
set -euo pipefail
dir=${DANGAN_CLAMD_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/.cache/clamd}
pidfile=$dir/clamd.started.pid
[ -f "$pidfile" ] || exit 0
pid=$(cat "$pidfile")
if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "--config-file=$dir/clamd.conf"; then
  kill "$pid"
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
fi
rm -f "$pidfile"
