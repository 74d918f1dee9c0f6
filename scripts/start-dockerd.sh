#!/usr/bin/env bash
# Starts dockerd in the background when /var/run/docker.sock does not answer (there is no
# systemd on the machines berth is tested on). Idempotent.
set -euo pipefail
if docker version >/dev/null 2>&1; then exit 0; fi
mkdir -p /var/log
nohup dockerd >/var/log/berth-dockerd.log 2>&1 &
for _ in $(seq 1 120); do
  if docker version >/dev/null 2>&1; then exit 0; fi
  sleep 0.5
done
echo "dockerd did not start; see /var/log/berth-dockerd.log" >&2
tail -n 30 /var/log/berth-dockerd.log >&2 || true
exit 1
