#!/usr/bin/env bash
# Starts the private clamd of scripts/clamd/setup.sh in the background, unless it already answers PING, and waits
# until it does (up to 60 s). Idempotent. Stop it with scripts/clamd/stop.sh. Takes the same environment as
# setup.sh (DANGAN_CLAMD_DIR, DANGAN_CLAMD_STREAM_MAX, DANGAN_CLAMD_TCP_PORT, DANGAN_CLAMD_NO_INSTALL) and runs it
# first. Prints the local socket path on success.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${DANGAN_CLAMD_DIR:-$(cd "$here/../.." && pwd)/.cache/clamd}
export DANGAN_CLAMD_DIR=$dir
conf=$dir/clamd.conf
socket=$dir/clamd.sock

bash "$here/setup.sh"

ping_clamd() { # one PING over the local socket; clamdscan ships with clamav-daemon's dependencies on Debian
  [ -S "$socket" ] || return 1
  if command -v clamdscan >/dev/null 2>&1; then
    clamdscan --config-file="$conf" --ping 1 >/dev/null 2>&1
  else
    command -v python3 >/dev/null 2>&1 || return 0 # the socket exists; nothing here to talk to it with
    python3 - "$socket" <<'PY' >/dev/null 2>&1
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(2)
s.connect(sys.argv[1])
s.sendall(b"zPING\0")
sys.exit(0 if s.recv(16).startswith(b"PONG") else 1)
PY
  fi
}

if ping_clamd; then
  echo "$socket"
  exit 0
fi

clamd=$(command -v clamd || echo /usr/sbin/clamd)
# Foreground (clamd.conf) keeps clamd as this child; setsid and nohup detach it from this shell and its terminal.
setsid nohup "$clamd" --config-file="$conf" >>"$dir/clamd.out" 2>&1 </dev/null &
echo $! >"$dir/clamd.started.pid"

for _ in $(seq 1 600); do
  if ping_clamd; then
    echo "$socket"
    exit 0
  fi
  if ! kill -0 "$(cat "$dir/clamd.started.pid")" 2>/dev/null; then
    echo "clamd exited while starting; last lines of its log:" >&2
    tail -n 20 "$dir/clamd.out" >&2 || true
    exit 1
  fi
  sleep 0.1
done
echo "clamd did not answer PING within 60 s" >&2
exit 1
