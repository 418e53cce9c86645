#!/usr/bin/env bash
# UNIX-socket throughput beside TCP: the reference client of shared/bench/anchors.py drives the real beanstalkd and
# another server over TCP and over a UNIX socket, twice each (A B A B), and the best figure of each is printed.
#
# Usage: beanstalk-embedded/bench/unix-sockets.sh [-n JOBS] -- SERVER_COMMAND [ARGS...]
#   SERVER_COMMAND must take beanstalkd's "-l ADDR -p PORT" and "-l unix:PATH" and serve until killed, e.g.
#   beanstalk-embedded/bench/unix-sockets.sh -- java -jar beanstalk-embedded/target/beanstalk-embedded-0.1.0-SNAPSHOT.jar
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
anchors=${ANCHORS:-/work/shared/bench/anchors.py}
jobs=100000
while [[ $# -gt 0 ]]; do
  case $1 in
    -n) jobs=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: $0 [-n JOBS] -- SERVER_COMMAND [ARGS...]" >&2; exit 2 ;;
  esac
done
[[ $# -gt 0 ]] || { echo "usage: $0 [-n JOBS] -- SERVER_COMMAND [ARGS...]" >&2; exit 2; }
command -v beanstalkd >/dev/null || { echo "beanstalkd not found: apt-get install -y beanstalkd" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

measure() { # name transport command...
  local name=$1 transport=$2; shift 2
  local pid
  if [[ $transport == tcp ]]; then
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    "$@" -l 127.0.0.1 -p "$port" >/dev/null 2>&1 & pid=$!
    for _ in $(seq 300); do (echo >/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break; sleep 0.1; done
    python3 "$anchors" 127.0.0.1 "$port" "$jobs" >>"$out/$name-tcp" || echo "$name tcp: the client failed" >&2
  else
    local sock="$out/$name.sock"
    "$@" -l "unix:$sock" >/dev/null 2>&1 & pid=$!
    for _ in $(seq 300); do python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])' \
      "$sock" 2>/dev/null && break; sleep 0.1; done
    ANCHORS=$anchors python3 "$here/unix_anchors.py" "$sock" "$jobs" >>"$out/$name-unix" \
      || echo "$name unix: the client failed" >&2
  fi
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
for _ in 1 2; do
  for transport in tcp unix; do
    measure beanstalkd "$transport" beanstalkd
    measure other "$transport" "$@"
  done
done
python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
def best(name):
    rows = {}
    for line in open(f"{out}/{name}"):
        k, v = line.split()
        rows[k] = max(rows.get(k, 0.0), float(v))
    return rows
t = {n: best(n) for n in ("beanstalkd-tcp", "other-tcp", "beanstalkd-unix", "other-unix")}
print(f"{'scenario':30} {'bstalkd tcp':>11} {'other tcp':>10} {'ratio':>6} {'bstalkd unix':>12} {'other unix':>10} {'ratio':>6}")
for k in sorted(t["beanstalkd-tcp"]):
    bt, ot, bu, ou = (t[n].get(k, 0.0) for n in ("beanstalkd-tcp", "other-tcp", "beanstalkd-unix", "other-unix"))
    print(f"{k:30} {bt:11.0f} {ot:10.0f} {ot / bt:6.2f} {bu:12.0f} {ou:10.0f} {(ou / bu if bu else 0):6.2f}")
PY
