#!/usr/bin/env bash
# Measures host-loss detection on a default configuration: a `berth server` (default agent
# TTL and grace), one simulated agent (`berth sim`, killed with -9), and the time from the
# kill to `agentConnected: false` and to its tasks being STOPPED.
#   scripts/bench-host-loss.sh [path/to/berth]
set -euo pipefail
BERTH=${1:-target/release/berth}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$BERTH" server --listen "127.0.0.1:$port" --data-dir "$work/server" >"$work/server.log" 2>&1 &
pids+=($!)
until [ -f "$work/server/env" ]; do sleep 0.2; done
# shellcheck disable=SC1091
source "$work/server/env"
token=$("$BERTH" join-token create --cluster default --data-dir "$work/server" --reusable | tail -n 1)
"$BERTH" sim --server "https://127.0.0.1:$port" --token "$token" --agents 1 --data-dir "$work/sim" >"$work/sim.log" 2>&1 &
sim=$!
pids+=("$sim")
until grep -q registered "$work/sim.log"; do sleep 0.2; done
aws ecs register-task-definition --family loss --container-definitions '[{"name":"main","image":"fake","memory":16}]' >/dev/null
aws ecs run-task --task-definition loss --count 5 >/dev/null
until [ -z "$(aws ecs describe-tasks --tasks $(aws ecs list-tasks --query 'taskArns' --output text) --query 'tasks[?lastStatus!=`RUNNING`].taskArn' --output text)" ]; do sleep 0.2; done
instance=$(aws ecs list-container-instances --query 'containerInstanceArns[0]' --output text)
kill -9 "$sim"
killed=$(date +%s.%N)
disconnected=
while :; do
  now=$(date +%s.%N)
  if [ -z "$disconnected" ] && [ "$(aws ecs describe-container-instances --container-instances "$instance" --query 'containerInstances[0].agentConnected')" = false ]; then
    disconnected=$(python3 -c "print(f'{$now - $killed:.1f}')")
  fi
  if [ -n "$disconnected" ] && [ "$(aws ecs list-tasks --desired-status STOPPED --query 'length(taskArns)')" = 5 ] && \
     [ -z "$(aws ecs describe-tasks --tasks $(aws ecs list-tasks --desired-status STOPPED --query 'taskArns' --output text) --query 'tasks[?lastStatus!=`STOPPED`].taskArn' --output text)" ]; then
    stopped=$(python3 -c "print(f'{$now - $killed:.1f}')")
    break
  fi
  sleep 0.2
done
echo "host loss (defaults): agentConnected false ${disconnected} s after kill -9, 5 tasks STOPPED ${stopped} s after (each aws CLI poll adds ~0.3 s)"
