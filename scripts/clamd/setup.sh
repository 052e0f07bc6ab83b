#!/usr/bin/env bash
# Makes a private clamd available to the tests and CI, without freshclam or network (beyond apt):
#   1. installs clamav-daemon with apt when `clamd` is missing (sudo -n when not root; never prompts);
#   2. writes our own signature database holding only the EICAR test signature (clamd refuses to start
#      with no database; the official one needs freshclam and the network);
#   3. writes a clamd.conf: a local socket under the directory, optionally a TCP socket on 127.0.0.1,
#      Foreground, StreamMaxLength (and MaxFileSize/MaxScanSize no smaller, with AlertExceedsMax, so nothing
#      streamed within the limit passes unscanned).
# Idempotent: re-running rewrites the same files. It does not start clamd (see start.sh).
#
# Environment (all optional):
#   DANGAN_CLAMD_DIR         directory for db/, tmp/, clamd.conf, the socket, log and pid (default <repo>/.cache/clamd)
#   DANGAN_CLAMD_STREAM_MAX  clamd StreamMaxLength, clamd syntax (default 25M, clamd's own default)
#   DANGAN_CLAMD_TCP_PORT    also listen on 127.0.0.1:<port> (default: local socket only)
#   DANGAN_CLAMD_NO_INSTALL  set to 1 to never run apt-get (exit 3 when clamd is missing)
# Exit codes: 0 ready; 3 clamd missing and could not be installed (no root, no sudo, no apt); other: failure.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
dir=${DANGAN_CLAMD_DIR:-$repo/.cache/clamd}
stream_max=${DANGAN_CLAMD_STREAM_MAX:-25M}
tcp_port=${DANGAN_CLAMD_TCP_PORT:-}

# clamd lives in /usr/sbin, which is not on every user's PATH.
find_clamd() {
  command -v clamd 2>/dev/null && return 0
  for candidate in /usr/sbin/clamd /usr/local/sbin/clamd; do
    if [ -x "$candidate" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! find_clamd >/dev/null; then
  if [ "${DANGAN_CLAMD_NO_INSTALL:-}" = 1 ]; then
    echo "clamd is not installed (DANGAN_CLAMD_NO_INSTALL=1)" >&2
    exit 3
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "clamd is not installed and apt-get is not available: install ClamAV's clamd by hand" >&2
    exit 3
  fi
  sudo_cmd=()
  if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
      echo "clamd is not installed and apt-get needs root (no passwordless sudo): apt-get install clamav-daemon" >&2
      exit 3
    fi
    sudo_cmd=(sudo -n)
  fi
  echo "installing clamav-daemon with apt-get…" >&2
  if ! { "${sudo_cmd[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq clamav-daemon >/dev/null; }; then
    echo "apt-get install clamav-daemon failed" >&2
    exit 3
  fi
  find_clamd >/dev/null || {
    echo "clamav-daemon was installed but no clamd binary was found" >&2
    exit 3
  }
fi

mkdir -p "$dir/db" "$dir/tmp"
chmod 700 "$dir" "$dir/tmp"

# The EICAR test string (68 bytes), as hex in two halves so that no file in the repository holds it: the .ndb
# body signature "name:target:offset:hex" with target 0 (any file) and offset * (anywhere in the stream).
eicar_hex_a=58354f2150254041505b345c505a58353428505e2937434329377d2445494341
eicar_hex_b=522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a
printf 'Eicar-Test-Signature:0:*:%s%s\n' "$eicar_hex_a" "$eicar_hex_b" >"$dir/db/dangan-test.ndb.tmp"
mv -f "$dir/db/dangan-test.ndb.tmp" "$dir/db/dangan-test.ndb"

{
  echo "# Written by scripts/clamd/setup.sh; re-run it to change. Private clamd for dangan's tests."
  echo "LocalSocket $dir/clamd.sock"
  echo "LocalSocketMode 600"
  echo "FixStaleSocket yes"
  if [ -n "$tcp_port" ]; then
    echo "TCPSocket $tcp_port"
    echo "TCPAddr 127.0.0.1"
  fi
  echo "Foreground yes"
  echo "DatabaseDirectory $dir/db"
  echo "TemporaryDirectory $dir/tmp"
  echo "PidFile $dir/clamd.pid"
  echo "LogFile $dir/clamd.log"
  echo "LogTime yes"
  echo "StreamMaxLength $stream_max"
  # A stream within StreamMaxLength but over MaxFileSize/MaxScanSize would be answered "OK" unscanned: keep both
  # at least as large, and make clamd report any limit it hits (Heuristics.Limits.Exceeded.* FOUND) instead.
  echo "MaxFileSize $stream_max"
  echo "MaxScanSize $stream_max"
  echo "AlertExceedsMax yes"
  echo "MaxThreads 4"
  echo "SelfCheck 0"
} >"$dir/clamd.conf.tmp"
mv -f "$dir/clamd.conf.tmp" "$dir/clamd.conf"

echo "clamd ready to start: $(find_clamd) --config-file=$dir/clamd.conf" >&2
