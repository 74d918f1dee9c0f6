#!/usr/bin/env bash
# Measures a `berth agent` process's RSS idle and with 100 tasks, for the Docker and the fake
# runtime, against a real `berth server` (all release builds, all on this machine).
#   scripts/bench-agent-rss.sh [path/to/berth]
set -euo pipefail
BERTH=${1:-target/release/berth}
IMAGE=${BERTH_TEST_IMAGE:-berth-test/busybox:latest}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  docker ps -aq --filter "label=com.berth.task-definition-family=rss-bench" | xargs -r docker rm -f >/dev/null
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

rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

aws ecs register-task-definition --family rss-bench --container-definitions \
  "[{\"name\":\"main\",\"image\":\"$IMAGE\",\"memory\":6,\"cpu\":1,\"command\":[\"sleep\",\"3600\"],\"stopTimeout\":2}]" >/dev/null

for runtime in docker fake; do
  "$BERTH" agent --server "https://127.0.0.1:$port" --token "$token" --cluster default \
    --runtime "$runtime" --attribute "runtime=$runtime" --data-dir "$work/agent-$runtime" \
    >"$work/agent-$runtime.log" 2>&1 &
  agent=$!
  pids+=("$agent")
  until [ "$(aws ecs list-container-instances --filter "attribute:runtime == $runtime" --query 'length(containerInstanceArns)')" = 1 ]; do sleep 0.5; done
  sleep 5
  idle=$(rss "$agent")
  for _ in $(seq 10); do
    aws ecs run-task --task-definition rss-bench --count 10 \
      --placement-constraints "[{\"type\":\"memberOf\",\"expression\":\"attribute:runtime == $runtime\"}]" >/dev/null
  done
  until [ "$(aws ecs list-tasks --query 'length(taskArns)')" -ge 100 ] && \
        [ -z "$(aws ecs describe-tasks --tasks $(aws ecs list-tasks --query 'taskArns[:100]' --output text) \
                 --query 'tasks[?lastStatus!=`RUNNING`].taskArn' --output text)" ]; do sleep 1; done
  sleep 5
  busy=$(rss "$agent")
  echo "agent RSS ($runtime runtime): idle ${idle} MiB, with 100 running tasks ${busy} MiB"
  for arn in $(aws ecs list-tasks --query 'taskArns' --output text); do aws ecs stop-task --task "$arn" >/dev/null; done
  until [ "$(aws ecs list-tasks --query 'length(taskArns)')" = 0 ]; do sleep 1; done
done
