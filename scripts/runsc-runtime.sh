#!/usr/bin/env bash
# Registers gVisor's runsc as the Docker runtime `runsc` (the `gvisor` isolation tier,
# docs/isolation.md) with both test dockerds, when runsc is installed. Idempotent.
#
# It merges `runtimes.runsc` into /etc/docker/daemon.json (both daemons read it: neither is
# started with --config-file) and sends each running daemon SIGHUP, which reloads
# `runtimes` without a restart, so containers and other users of the daemons are not
# disturbed. `--network=host` makes runsc use the host kernel's network stack inside the
# container's network namespace: Debian's runsc (2022-12-19) refuses its own network stack
# on kernels that show net.core.rmem_default in every namespace (Linux 6.x), mistaking the
# container's namespace for the host's ("cannot run with network enabled in root network
# namespace").
set -euo pipefail

RUNSC=$(command -v runsc || true)
if [ -z "$RUNSC" ]; then
  echo "runsc is not installed: the gvisor tier is unavailable" >&2
  exit 0
fi
CONFIG=/etc/docker/daemon.json
mkdir -p /etc/docker
[ -s "$CONFIG" ] || echo '{}' >"$CONFIG"
want=$(jq -c --arg path "$RUNSC" '.runtimes.runsc = {path: $path, runtimeArgs: ["--network=host"]}' "$CONFIG")
if [ "$(jq -c . "$CONFIG")" != "$want" ]; then
  tmp=$(mktemp "$CONFIG.XXXXXX")
  echo "$want" | jq . >"$tmp"
  mv "$tmp" "$CONFIG"
fi

# reload PIDFILE SOCKET: SIGHUP the daemon if it runs without runsc, then wait until it
# lists it.
reload() {
  local pidfile=$1 sock=$2
  [ -s "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  kill -0 "$pid" 2>/dev/null || return 0
  if DOCKER_HOST=unix://$sock docker info --format '{{json .Runtimes}}' | jq -e 'has("runsc")' >/dev/null; then
    return 0
  fi
  kill -HUP "$pid"
  for _ in $(seq 1 50); do
    if DOCKER_HOST=unix://$sock docker info --format '{{json .Runtimes}}' | jq -e 'has("runsc")' >/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "dockerd ($sock) did not load the runsc runtime from $CONFIG" >&2
  return 1
}
reload /var/run/docker.pid /var/run/docker.sock
reload /var/run/berth-docker2.pid /var/run/berth-docker2.sock
