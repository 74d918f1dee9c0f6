#!/usr/bin/env bash
# Starts (idempotently) a second dockerd beside the default one, so that multi-host tests
# (crates/testkit/tests/multihost.rs) run two agents whose containers really live apart:
# its own data root, exec root, pidfile, socket and Linux bridge. It leaves iptables and
# masquerading to the first daemon (--iptables=false --ip-masq=false) so the two do not
# fight over the same chains; the bridge only carries traffic between this machine and
# its own containers. The test image is copied into it with docker save | docker load.
#
#   scripts/second-dockerd.sh [IMAGE]   # IMAGE defaults to $BERTH_TEST_IMAGE or berth-test/busybox:latest
set -euo pipefail

SOCK=/var/run/berth-docker2.sock
BRIDGE=berth-br2
# A small private subnet that does not clash with docker0 (172.17.0.0/16).
BRIDGE_CIDR=172.31.250.1/24
IMAGE=${1:-${BERTH_TEST_IMAGE:-berth-test/busybox:latest}}
LOG=/var/log/berth-dockerd2.log
d2() { DOCKER_HOST=unix://$SOCK docker "$@"; }

if ! d2 version >/dev/null 2>&1; then
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
  fi
  if ! ip -4 addr show dev "$BRIDGE" | grep -q "${BRIDGE_CIDR%/*}"; then
    ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  mkdir -p /var/lib/berth-docker2 /var/run/berth-docker2 /var/log
  # A stale pidfile from a killed daemon would stop dockerd from starting.
  if [ -f /var/run/berth-docker2.pid ] && ! kill -0 "$(cat /var/run/berth-docker2.pid)" 2>/dev/null; then
    rm -f /var/run/berth-docker2.pid
  fi
  # Its own containerd too (no --containerd): dockerd starts one under its exec root, so
  # the two daemons share nothing but the kernel.
  nohup dockerd \
    --data-root /var/lib/berth-docker2 \
    --exec-root /var/run/berth-docker2 \
    --pidfile /var/run/berth-docker2.pid \
    -H "unix://$SOCK" \
    --bridge "$BRIDGE" \
    --iptables=false \
    --ip-masq=false \
    >"$LOG" 2>&1 &
  started=
  for _ in $(seq 1 120); do
    if d2 version >/dev/null 2>&1; then started=1; break; fi
    sleep 0.5
  done
  if [ -z "$started" ]; then
    echo "the second dockerd did not start; see $LOG" >&2
    tail -n 30 "$LOG" >&2 || true
    exit 1
  fi
fi

if ! d2 image inspect "$IMAGE" >/dev/null 2>&1; then
  docker save "$IMAGE" | d2 load >/dev/null
fi
echo "second dockerd at unix://$SOCK with $IMAGE"
