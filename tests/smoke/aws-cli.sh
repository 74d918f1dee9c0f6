#!/usr/bin/env bash
# End-to-end smoke test: a user session with the stock aws CLI (and a little boto3) against a
# real `berth dev` that runs real Docker containers.
#
#   BERTH_BIN=target/debug/berth BERTH_TEST_IMAGE=berth-test/busybox:latest tests/smoke/aws-cli.sh
#
# Needs: a running dockerd, the test image (scripts/build-test-image.sh), aws, boto3, jq, curl.
# Contract used: `berth dev --listen 127.0.0.1:PORT --data-dir DIR` serves the ECS JSON 1.1 API
# at http://127.0.0.1:PORT/ and writes DIR/env with `export AWS_…=…` lines including
# AWS_ENDPOINT_URL_ECS, which the aws CLI and boto3 honour without --endpoint-url.
# Prints "N passed, 0 failed" on success; on failure names the step, shows the berth log tail,
# keeps the work directory, and exits 1.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
for d in "$HOME/.cargo/bin" "${PYENV_ROOT:-$HOME/.pyenv}/shims" "$HOME/.local/bin"; do
  case ":$PATH:" in *":$d:"*) ;; *) [ -d "$d" ] && PATH="$d:$PATH" ;; esac
done
export PATH

BERTH_BIN=${BERTH_BIN:-$ROOT/target/debug/berth}
case "$BERTH_BIN" in /*) ;; *) BERTH_BIN=$PWD/$BERTH_BIN ;; esac
BERTH_TEST_IMAGE=${BERTH_TEST_IMAGE:-berth-test/busybox:latest}

PASSED=0
STEP=setup
BERTH_PID=
CURL_LOOP=
TASK_ARNS=()
RUNTIME_IDS=()
WORK=$(mktemp -d /tmp/berth-smoke.XXXXXX)
DATA=$WORK/data
LOG=$WORK/berth.log
mkdir -p "$DATA"

# ---------------------------------------------------------------- helpers

say() { echo "smoke: $*"; }
pass() {
  PASSED=$((PASSED + 1))
  echo "ok $PASSED - $*"
}
fail() {
  echo "FAIL [$STEP]: $*" >&2
  exit 1
}
step() { STEP=$*; }

stop_berth() {
  [ -n "$BERTH_PID" ] || return 0
  if kill -0 "$BERTH_PID" 2>/dev/null; then
    kill -TERM "$BERTH_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$BERTH_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$BERTH_PID" 2>/dev/null; then
      say "berth (pid $BERTH_PID) ignored SIGTERM for 10s; killing it"
      kill -KILL "$BERTH_PID" 2>/dev/null || true
    fi
  fi
  wait "$BERTH_PID" 2>/dev/null || true
  BERTH_PID=
}

# Containers this run created: the runtime ids we saw, plus any berth-labelled container whose
# labels mention one of our task ARNs or task ids (covers tasks that never reported a runtimeId).
remove_containers() {
  local ids=() c arn
  ids+=("${RUNTIME_IDS[@]}")
  if [ "${#TASK_ARNS[@]}" -gt 0 ]; then
    for c in $(docker ps -aq --filter label=com.berth.cluster 2>/dev/null); do
      local labels
      labels=$(docker inspect -f '{{json .Config.Labels}}' "$c" 2>/dev/null || true)
      for arn in "${TASK_ARNS[@]}"; do
        if [[ "$labels" == *"$arn"* || "$labels" == *"${arn##*/}"* ]]; then
          ids+=("$c")
          break
        fi
      done
    done
  fi
  if [ "${#ids[@]}" -gt 0 ]; then
    docker rm -f "${ids[@]}" >/dev/null 2>&1 || true
  fi
}

# The Docker networks of this run's awsvpc slices (`berth-SUBNET-INDEX`): a later run's
# default subnet has the same CIDR, which Docker refuses to overlap.
remove_networks() {
  [ -n "${BERTH_DEFAULT_SUBNET:-}" ] || return 0
  local n
  for n in $(docker network ls --format '{{.Name}}' 2>/dev/null | grep "^berth-$BERTH_DEFAULT_SUBNET-"); do
    docker network rm "$n" >/dev/null 2>&1 || true
  done
}

cleanup() {
  local rc=$?
  set +e
  [ -z "${CURL_LOOP:-}" ] || kill "$CURL_LOOP" 2>/dev/null
  stop_berth
  remove_containers
  remove_networks
  if [ "$rc" -eq 0 ]; then
    rm -rf "$WORK"
  else
    echo "---- berth log (last 60 lines of $LOG) ----" >&2
    tail -n 60 "$LOG" >&2 2>/dev/null
    echo "---- end of log; work dir kept: $WORK ----" >&2
    echo "$PASSED passed, 1 failed (step: $STEP)" >&2
    exit 1
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# Any failing command (set -e) exits through cleanup, which names the step.

# Isolate the aws CLI / boto3 from the user's own AWS configuration.
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ENDPOINT_URL \
  AWS_IGNORE_CONFIGURED_ENDPOINT_URLS AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION \
  AWS_DEFAULT_REGION AWS_ENDPOINT_URL_ECS AWS_ENDPOINT_URL_IAM AWS_ENDPOINT_URL_STS \
  AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2 AWS_ENDPOINT_URL_EC2
export AWS_CONFIG_FILE=$WORK/aws-config AWS_SHARED_CREDENTIALS_FILE=$WORK/aws-credentials
export AWS_DEFAULT_OUTPUT=json AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true

# Source DIR/env into this shell. awscli v1 / botocore read the region only from
# AWS_DEFAULT_REGION (not AWS_REGION), so derive it when the env file does not set it.
load_env() {
  # shellcheck disable=SC1091
  . "$DATA/env"
  if [ -z "${AWS_DEFAULT_REGION:-}" ] && [ -n "${AWS_REGION:-}" ]; then
    export AWS_DEFAULT_REGION=$AWS_REGION
  fi
}

start_berth() {
  "$BERTH_BIN" dev --listen "127.0.0.1:$PORT" --data-dir "$DATA" >>"$LOG" 2>&1 &
  BERTH_PID=$!
}

# Wait (<= 60 s) until DIR/env exists and `aws ecs list-clusters` succeeds with it.
wait_ready() {
  local deadline=$((SECONDS + 60))
  while :; do
    kill -0 "$BERTH_PID" 2>/dev/null || fail "berth exited early (see log)"
    if [ -s "$DATA/env" ] &&
      (load_env && AWS_MAX_ATTEMPTS=1 aws ecs list-clusters --cli-connect-timeout 2 --cli-read-timeout 5) >/dev/null 2>&1; then
      load_env
      return 0
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail "berth not ready after 60s (env file: $([ -s "$DATA/env" ] && echo present || echo missing))"
    sleep 0.5
  done
}

describe() { aws ecs describe-tasks --tasks "$@"; }

# wait_status STATUS TIMEOUT ARN...: poll describe-tasks until every task has lastStatus STATUS.
# Fails early when a task stops while we wait for RUNNING.
wait_status() {
  local want=$1 timeout=$2 out n
  shift 2
  local deadline=$((SECONDS + timeout))
  while :; do
    out=$(describe "$@")
    n=$(jq --arg s "$want" '[.tasks[] | select(.lastStatus == $s)] | length' <<<"$out")
    if [ "$n" -eq "$#" ]; then
      DESCRIBED=$out
      return 0
    fi
    if [ "$want" = RUNNING ] && jq -e '[.tasks[] | select(.lastStatus == "STOPPED")] | length > 0' <<<"$out" >/dev/null; then
      fail "task stopped while waiting for RUNNING: $(jq -c '[.tasks[] | {taskArn, lastStatus, stopCode, stoppedReason, containers: [.containers[] | {name, lastStatus, exitCode, reason}]}]' <<<"$out")"
    fi
    [ "$SECONDS" -lt "$deadline" ] ||
      fail "not all tasks $want after ${timeout}s: $(jq -c '[.tasks[] | {taskArn, lastStatus, desiredStatus}], .failures' <<<"$out")"
    sleep 1
  done
}

# http_ok PORT: any HTTP status line from 127.0.0.1:PORT counts (retries for up to 10 s).
http_ok() {
  local code
  for _ in $(seq 1 20); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$1/" || true)
    if [ -n "$code" ] && [ "$code" != 000 ]; then
      echo "$code"
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# ---------------------------------------------------------------- prerequisites

step "prerequisites"
[ -x "$BERTH_BIN" ] || fail "berth binary not found at $BERTH_BIN (cargo build --bin berth, or set BERTH_BIN)"
for tool in aws jq curl docker python3; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found (run scripts/install-deps.sh)"
done
python3 -c 'import boto3' 2>/dev/null || fail "python3 cannot import boto3 (run scripts/install-deps.sh)"
docker version >/dev/null 2>&1 || fail "docker does not answer (run scripts/start-dockerd.sh)"
docker image inspect "$BERTH_TEST_IMAGE" >/dev/null 2>&1 || fail "$BERTH_TEST_IMAGE missing (run scripts/build-test-image.sh)"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
say "berth=$BERTH_BIN port=$PORT work=$WORK"

# ---------------------------------------------------------------- start

step "start berth dev"
start_berth
wait_ready
for v in AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_REGION AWS_ENDPOINT_URL_ECS; do
  [ -n "${!v:-}" ] || fail "env file does not set $v"
done
[ "$AWS_ENDPOINT_URL_ECS" = "http://127.0.0.1:$PORT" ] || [ "$AWS_ENDPOINT_URL_ECS" = "http://127.0.0.1:$PORT/" ] ||
  fail "AWS_ENDPOINT_URL_ECS is $AWS_ENDPOINT_URL_ECS, expected http://127.0.0.1:$PORT"
grep -q '^export AWS_DEFAULT_REGION=' "$DATA/env" ||
  say "note: $DATA/env has no AWS_DEFAULT_REGION; awscli v1/boto3 ignore AWS_REGION, so this script derived it"
pass "berth dev is up at $AWS_ENDPOINT_URL_ECS and the env file works with the aws CLI"
CREDS_BEFORE=$(printf '%s %s' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY")

# ---------------------------------------------------------------- task definition

step "register-task-definition"
# busybox httpd as PID 1 ignores SIGTERM: a short stopTimeout keeps each stop (and the
# service's rolling deployment below) from waiting out the default 30 s.
CONTAINER_DEFS=$(jq -nc --arg img "$BERTH_TEST_IMAGE" '[{
  name: "web", image: $img, memory: 64, essential: true, stopTimeout: 2,
  command: ["httpd", "-f", "-p", "80", "-h", "/"],
  portMappings: [{containerPort: 80, hostPort: 0}]
}]')
out=$(aws ecs register-task-definition --family smoke-web --container-definitions "$CONTAINER_DEFS")
jq -e '.taskDefinition.family == "smoke-web" and .taskDefinition.revision == 1 and .taskDefinition.status == "ACTIVE"' <<<"$out" >/dev/null ||
  fail "unexpected register-task-definition output: $out"
pass "register-task-definition smoke-web -> revision 1"

# ---------------------------------------------------------------- run-task

step "run-task"
out=$(aws ecs run-task --task-definition smoke-web --count 2 --enable-execute-command)
jq -e '(.tasks | length) == 2 and ((.failures // []) | length) == 0' <<<"$out" >/dev/null ||
  fail "run-task did not start 2 tasks cleanly: $out"
mapfile -t TASK_ARNS < <(jq -r '.tasks[].taskArn' <<<"$out")
T1=${TASK_ARNS[0]}
T2=${TASK_ARNS[1]}
pass "run-task --count 2 -> 2 tasks, no failures"

step "tasks reach RUNNING"
DESCRIBED=
wait_status RUNNING 90 "$T1" "$T2"
pass "both tasks RUNNING"

step "containers and port bindings"
declare -A RID HOSTPORT
for arn in "$T1" "$T2"; do
  t=$(jq --arg a "$arn" '.tasks[] | select(.taskArn == $a)' <<<"$DESCRIBED")
  rid=$(jq -r '.containers[0].runtimeId // empty' <<<"$t")
  hp=$(jq -r '.containers[0].networkBindings[0].hostPort // empty' <<<"$t")
  [ -n "$rid" ] || fail "task $arn has no containers[0].runtimeId: $t"
  RUNTIME_IDS+=("$rid")
  if ! [[ "$hp" =~ ^[0-9]+$ ]] || [ "$hp" -eq 0 ]; then
    fail "task $arn has no hostPort > 0 in containers[0].networkBindings: $t"
  fi
  RID[$arn]=$rid
  HOSTPORT[$arn]=$hp
  [ "$(docker inspect -f '{{.State.Running}}' "$rid")" = true ] || fail "docker says container $rid is not running"
  code=$(http_ok "$hp") || fail "nothing answers HTTP on 127.0.0.1:$hp (task $arn)"
  say "task ${arn##*/}: container ${rid:0:12}, 127.0.0.1:$hp answered HTTP $code"
done
[ "${RID[$T1]}" != "${RID[$T2]}" ] || fail "both tasks report the same runtimeId"
[ "${HOSTPORT[$T1]}" != "${HOSTPORT[$T2]}" ] || fail "both tasks report the same hostPort"
pass "each task has a running container (docker inspect) answering HTTP on its dynamic host port"

# ---------------------------------------------------------------- ELBv2 in front of the tasks

step "elbv2: a load balancer serves the two tasks (berth dev's in-process data plane)"
LB_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LB_ARN=$(aws elbv2 create-load-balancer --name smoke --type application --scheme internal |
  jq -r '.LoadBalancers[0].LoadBalancerArn')
TG_ARN=$(aws elbv2 create-target-group --name smoke --protocol HTTP --port 80 --target-type instance \
  --health-check-path / --matcher HttpCode=200-499 --healthy-threshold-count 2 \
  --health-check-interval-seconds 5 | jq -r '.TargetGroups[0].TargetGroupArn')
aws elbv2 create-listener --load-balancer-arn "$LB_ARN" --protocol HTTP --port "$LB_PORT" \
  --default-actions "Type=forward,TargetGroupArn=$TG_ARN" >/dev/null || fail "create-listener"
INSTANCE_ID=$(aws ecs describe-container-instances \
  --container-instances "$(aws ecs list-container-instances | jq -r '.containerInstanceArns[0]')" |
  jq -r '.containerInstances[0].ec2InstanceId')
aws elbv2 register-targets --target-group-arn "$TG_ARN" \
  --targets "Id=$INSTANCE_ID,Port=${HOSTPORT[$T1]}" "Id=$INSTANCE_ID,Port=${HOSTPORT[$T2]}" ||
  fail "register-targets"
aws elbv2 wait load-balancer-available --load-balancer-arns "$LB_ARN" || fail "wait load-balancer-available"
aws elbv2 wait target-in-service --target-group-arn "$TG_ARN" || fail "wait target-in-service"
healthy=$(aws elbv2 describe-target-health --target-group-arn "$TG_ARN" |
  jq -r '[.TargetHealthDescriptions[] | select(.TargetHealth.State == "healthy")] | length')
[ "$healthy" = 2 ] || fail "describe-target-health shows $healthy healthy targets, not 2"
for _ in 1 2 3 4; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$LB_PORT/" || true)
  case "$code" in 2??|3??|4??) ;; *) fail "the load balancer on :$LB_PORT answered '$code'" ;; esac
done
aws elbv2 delete-load-balancer --load-balancer-arn "$LB_ARN" || fail "delete-load-balancer"
aws elbv2 delete-target-group --target-group-arn "$TG_ARN" || fail "delete-target-group"
pass "elbv2: create-load-balancer/target-group/listener, register-targets, wait target-in-service (2 healthy), traffic through :$LB_PORT"

# ---------------------------------------------------------------- ECS Exec

step "execute-command"
t=$(jq --arg a "$T2" '.tasks[] | select(.taskArn == $a)' <<<"$DESCRIBED")
jq -e '.enableExecuteCommand == true' <<<"$t" >/dev/null || fail "enableExecuteCommand is not true: $t"
for _ in $(seq 1 100); do
  agent=$(aws ecs describe-tasks --tasks "$T2" | jq -r '.tasks[0].containers[0].managedAgents[0].lastStatus // empty')
  [ "$agent" = RUNNING ] && break
  sleep 0.2
done
[ "$agent" = RUNNING ] || fail "the ExecuteCommandAgent is not RUNNING (it is '$agent')"
rc=0
out=$("$BERTH_BIN" exec --task "$T2" -- sh -c 'echo smoke-exec-$((40+2)); exit 5' 2>>"$LOG") || rc=$?
[ "$out" = smoke-exec-42 ] || fail "berth exec printed '$out', not smoke-exec-42"
[ "$rc" -eq 5 ] || fail "berth exec exited $rc, not the command's 5"
pass "run-task --enable-execute-command: ExecuteCommandAgent RUNNING; berth exec returns the output and exit code 5"

# ---------------------------------------------------------------- stop-task

step "stop-task"
aws ecs stop-task --task "$T1" --reason "smoke test" >/dev/null
wait_status STOPPED 90 "$T1"
t=$(jq '.tasks[0]' <<<"$DESCRIBED")
jq -e '.stopCode == "UserInitiated"' <<<"$t" >/dev/null || fail "stopCode is not UserInitiated: $(jq -c '{stopCode, stoppedReason}' <<<"$t")"
jq -e '.containers[0].exitCode != null' <<<"$t" >/dev/null || fail "containers[0].exitCode not set: $(jq -c '.containers' <<<"$t")"
if running=$(docker inspect -f '{{.State.Running}}' "${RID[$T1]}" 2>/dev/null); then
  [ "$running" = false ] || fail "task is STOPPED but container ${RID[$T1]} still runs"
fi
pass "stop-task -> STOPPED, stopCode UserInitiated, exitCode $(jq -r '.containers[0].exitCode' <<<"$t")"

# ---------------------------------------------------------------- listing calls

step "list-tasks"
out=$(aws ecs list-tasks)
jq -e --arg t2 "$T2" --arg t1 "$T1" '(.taskArns | index($t2)) != null and (.taskArns | index($t1)) == null' <<<"$out" >/dev/null ||
  fail "list-tasks (desired RUNNING) should hold $T2 and not $T1: $out"
out=$(aws ecs list-tasks --desired-status STOPPED)
jq -e --arg t1 "$T1" '(.taskArns | index($t1)) != null' <<<"$out" >/dev/null ||
  fail "list-tasks --desired-status STOPPED should hold $T1: $out"
pass "list-tasks (RUNNING and STOPPED filters)"

step "describe-clusters"
out=$(aws ecs describe-clusters --clusters default)
jq -e '(.clusters | length) == 1 and .clusters[0].clusterName == "default" and .clusters[0].status == "ACTIVE" and ((.failures // []) | length) == 0' <<<"$out" >/dev/null ||
  fail "describe-clusters default: $out"
pass "describe-clusters --clusters default"

step "list-container-instances"
out=$(aws ecs list-container-instances)
jq -e '(.containerInstanceArns | length) >= 1' <<<"$out" >/dev/null || fail "no container instances: $out"
mapfile -t CIS < <(jq -r '.containerInstanceArns[]' <<<"$out")
out=$(aws ecs describe-container-instances --container-instances "${CIS[@]}")
jq -e '(.containerInstances | length) >= 1 and .containerInstances[0].status == "ACTIVE"' <<<"$out" >/dev/null ||
  fail "describe-container-instances: $out"
pass "list-container-instances / describe-container-instances (${#CIS[@]} ACTIVE)"

# ---------------------------------------------------------------- authentication

step "unsigned request"
body=$(curl -s -X POST --max-time 10 \
  -H 'X-Amz-Target: AmazonEC2ContainerServiceV20141113.ListClusters' \
  -H 'Content-Type: application/x-amz-json-1.1' -d '{}' \
  -w '\n%{http_code}' "http://127.0.0.1:$PORT/")
status=${body##*$'\n'}
body=${body%$'\n'*}
[[ "$status" =~ ^4[0-9][0-9]$ ]] || fail "unsigned request got HTTP $status (want 4xx): $body"
jq -e '(.__type // "") | endswith("MissingAuthenticationTokenException")' <<<"$body" >/dev/null ||
  fail "unsigned request: __type is not MissingAuthenticationTokenException: $body"
pass "unsigned request -> HTTP $status MissingAuthenticationTokenException"

step "wrong secret"
if out=$(AWS_SECRET_ACCESS_KEY=wrong-secret-key AWS_MAX_ATTEMPTS=1 aws ecs list-clusters 2>&1); then
  fail "list-clusters with a wrong secret succeeded: $out"
fi
grep -qE 'UnrecognizedClientException|InvalidSignatureException' <<<"$out" ||
  fail "wrong secret: expected UnrecognizedClientException or InvalidSignatureException, got: $out"
pass "aws CLI with a wrong secret is rejected ($(grep -oE 'UnrecognizedClientException|InvalidSignatureException' <<<"$out" | head -n1))"

step "unknown access key"
if out=$(AWS_ACCESS_KEY_ID=AKIANOTAREALKEY00000 AWS_MAX_ATTEMPTS=1 aws ecs list-clusters 2>&1); then
  fail "list-clusters with an unknown access key succeeded: $out"
fi
grep -qE 'UnrecognizedClientException|InvalidSignatureException' <<<"$out" ||
  fail "unknown key: expected UnrecognizedClientException or InvalidSignatureException, got: $out"
pass "aws CLI with an unknown access key is rejected"

# ---------------------------------------------------------------- IAM and STS

# iam_session LABEL CLI...: create-role, put-role-policy, get-role, get-caller-identity and
# assume-role with one aws CLI; the session's own get-caller-identity shows the role.
iam_session() {
  local label=$1 out account arn role
  role="smoke-$1"
  shift
  out=$("$@" sts get-caller-identity)
  account=$(jq -r .Account <<<"$out")
  [ "$(jq -r .Arn <<<"$out")" = "arn:aws:iam::$account:root" ] || fail "$label get-caller-identity: $out"
  local trust policy
  trust=$(jq -nc --arg a "$account" '{Version: "2012-10-17", Statement: [{Effect: "Allow", Principal: {AWS: $a}, Action: "sts:AssumeRole"}]}')
  policy='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:ListClusters","Resource":"*"}]}'
  out=$("$@" iam create-role --role-name "$role" --assume-role-policy-document "$trust")
  arn=$(jq -r .Role.Arn <<<"$out")
  [ "$arn" = "arn:aws:iam::$account:role/$role" ] || fail "$label create-role: $out"
  "$@" iam put-role-policy --role-name "$role" --policy-name list --policy-document "$policy"
  # The CLI decodes IAM's URL-encoded documents into JSON.
  out=$("$@" iam get-role --role-name "$role")
  [ "$(jq -r '.Role.AssumeRolePolicyDocument.Statement[0].Principal.AWS' <<<"$out")" = "$account" ] ||
    fail "$label get-role: $out"
  out=$("$@" sts assume-role --role-arn "$arn" --role-session-name smoke --duration-seconds 900)
  out=$(AWS_ACCESS_KEY_ID=$(jq -r .Credentials.AccessKeyId <<<"$out") \
    AWS_SECRET_ACCESS_KEY=$(jq -r .Credentials.SecretAccessKey <<<"$out") \
    AWS_SESSION_TOKEN=$(jq -r .Credentials.SessionToken <<<"$out") \
    "$@" sts get-caller-identity)
  [ "$(jq -r .Arn <<<"$out")" = "arn:aws:sts::$account:assumed-role/$role/smoke" ] ||
    fail "$label session get-caller-identity: $out"
}

step "iam and sts with aws CLI v1 (env file endpoints)"
for v in AWS_ENDPOINT_URL_IAM AWS_ENDPOINT_URL_STS; do
  [ "${!v:-}" = "$AWS_ENDPOINT_URL_ECS" ] || fail "env file sets $v to '${!v:-}', expected $AWS_ENDPOINT_URL_ECS"
done
iam_session v1 aws
pass "aws CLI v1: iam create-role, put-role-policy, get-role; sts get-caller-identity, assume-role"

step "iam and sts with aws CLI v2 (--endpoint-url)"
[ -x /usr/bin/aws ] || fail "/usr/bin/aws (Debian's awscli, v2) missing (run scripts/install-deps.sh)"
case "$(/usr/bin/aws --version 2>&1)" in
  aws-cli/2.*) ;;
  *) fail "/usr/bin/aws is not aws CLI v2: $(/usr/bin/aws --version 2>&1)" ;;
esac
iam_session v2 /usr/bin/aws --endpoint-url "http://127.0.0.1:$PORT"
pass "aws CLI v2: iam create-role, put-role-policy, get-role; sts get-caller-identity, assume-role"

# ---------------------------------------------------------------- boto3

step "boto3"
BERTH_TEST_IMAGE=$BERTH_TEST_IMAGE python3 - <<'PY' || fail "boto3 check failed (output above)"
import os
import boto3

ecs = boto3.client("ecs")  # region and endpoint come from the environment (DIR/env)
want = os.environ["AWS_ENDPOINT_URL_ECS"].rstrip("/")
assert ecs.meta.endpoint_url.rstrip("/") == want, (ecs.meta.endpoint_url, want)
arns = ecs.list_clusters()["clusterArns"]
assert any(a.endswith(":cluster/default") for a in arns), arns
td = ecs.describe_task_definition(taskDefinition="smoke-web")["taskDefinition"]
assert td["family"] == "smoke-web" and td["revision"] == 1, td
c = td["containerDefinitions"][0]
assert c["name"] == "web" and c["image"] == os.environ["BERTH_TEST_IMAGE"], c
assert c["portMappings"][0]["containerPort"] == 80, c
PY
pass "boto3 list_clusters and describe_task_definition(smoke-web)"

# ---------------------------------------------------------------- SSM and Secrets Manager

step "ssm put-parameter / get-parameter"
# No --endpoint-url: DIR/env exports AWS_ENDPOINT_URL_SSM and AWS_ENDPOINT_URL_SECRETS_MANAGER.
out=$(aws ssm put-parameter --name /smoke/db-password --value smoke-s3cret --type SecureString) ||
  fail "put-parameter: $out"
[ "$(jq -r .Version <<<"$out")" = 1 ] || fail "put-parameter answered $out"
out=$(aws ssm get-parameter --name /smoke/db-password --with-decryption) || fail "get-parameter: $out"
[ "$(jq -r .Parameter.Value <<<"$out")" = smoke-s3cret ] || fail "get-parameter answered $out"
pass "aws ssm put-parameter --type SecureString, get-parameter --with-decryption"

step "secretsmanager create-secret / get-secret-value"
out=$(aws secretsmanager create-secret --name smoke/api --secret-string '{"token":"smoke-t0ken"}') ||
  fail "create-secret: $out"
SECRET_ARN=$(jq -r .ARN <<<"$out")
[[ "$SECRET_ARN" == arn:aws:secretsmanager:*:secret:smoke/api-?????? ]] || fail "create-secret answered $out"
out=$(aws secretsmanager get-secret-value --secret-id "$SECRET_ARN") || fail "get-secret-value: $out"
[ "$(jq -r .SecretString <<<"$out")" = '{"token":"smoke-t0ken"}' ] || fail "get-secret-value answered $out"
python3 - <<'PY' || fail "boto3 secretsmanager check failed (output above)"
import boto3

value = boto3.client("secretsmanager").get_secret_value(SecretId="smoke/api")
assert value["SecretString"] == '{"token":"smoke-t0ken"}', value
PY
pass "aws secretsmanager create-secret, get-secret-value (and boto3)"

# ---------------------------------------------------------------- restart

step "restart keeps the running task"
rid=${RID[$T2]}
started_before=$(docker inspect -f '{{.State.StartedAt}}' "$rid")
restarts_before=$(docker inspect -f '{{.RestartCount}}' "$rid")
stop_berth
[ "$(docker inspect -f '{{.State.Running}}' "$rid")" = true ] || fail "stopping berth stopped the task's container $rid"
start_berth
wait_ready
[ "$(printf '%s %s' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY")" = "$CREDS_BEFORE" ] ||
  fail "credentials in $DATA/env changed across the restart"
sleep 3 # let the restarted agent reconcile before looking
wait_status RUNNING 30 "$T2"
rid_after=$(jq -r '.tasks[0].containers[0].runtimeId // empty' <<<"$DESCRIBED")
[ "$rid_after" = "$rid" ] || fail "runtimeId changed across the restart: $rid -> $rid_after"
[ "$(docker inspect -f '{{.State.Running}}' "$rid")" = true ] || fail "container $rid not running after the restart"
[ "$(docker inspect -f '{{.State.StartedAt}}' "$rid")" = "$started_before" ] ||
  fail "container $rid was restarted (StartedAt $started_before -> $(docker inspect -f '{{.State.StartedAt}}' "$rid"))"
[ "$(docker inspect -f '{{.RestartCount}}' "$rid")" = "$restarts_before" ] || fail "container $rid restart count changed"
http_ok "${HOSTPORT[$T2]}" >/dev/null || fail "task $T2 no longer answers HTTP on ${HOSTPORT[$T2]}"
pass "berth restart: same credentials, task still RUNNING with the same container (not restarted)"

step "stop the remaining task"
aws ecs stop-task --task "$T2" >/dev/null
wait_status STOPPED 90 "$T2"
jq -e '.tasks[0].stopCode == "UserInitiated" and .tasks[0].containers[0].exitCode != null' <<<"$DESCRIBED" >/dev/null ||
  fail "unexpected stopped task: $(jq -c '.tasks[0] | {stopCode, containers}' <<<"$DESCRIBED")"
pass "stop-task after the restart -> STOPPED"

# ---------------------------------------------------------------- services

# service_tasks STATUS: the ARNs of service web's tasks with that desired status; each is
# also remembered in TASK_ARNS, so that cleanup removes its container.
service_tasks() {
  local arns arn
  arns=$(aws ecs list-tasks --cluster default --service-name web --desired-status "$1" | jq -r '.taskArns[]')
  for arn in $arns; do
    [[ " ${TASK_ARNS[*]} " == *" $arn "* ]] || TASK_ARNS+=("$arn")
  done
  # Nothing at all when there are none (not an empty line, which mapfile would count).
  [ -z "$arns" ] || echo "$arns"
}

# The stock waiter polls every 15 s, up to 40 times; `timeout` bounds it more tightly.
wait_stable() {
  timeout 300 aws ecs wait services-stable --cluster default --services web ||
    fail "aws ecs wait services-stable: $(aws ecs describe-services --cluster default --services web |
      jq -c '.services[0] | {status, desiredCount, runningCount, pendingCount, deployments: [.deployments[] | {id, status, taskDefinition, rolloutState, runningCount}], events: [.events[:5][].message]}')"
}

# check_service_tasks REVISION N: service web has N tasks desired RUNNING, all RUNNING, all of
# smoke-web:REVISION, each with a container docker says is running.
check_service_tasks() {
  local want_rev=$1 want_n=$2 arns out rid
  mapfile -t arns < <(service_tasks RUNNING)
  [ "${#arns[@]}" -eq "$want_n" ] || fail "list-tasks --service-name web: ${#arns[@]} tasks, want $want_n"
  [ "$want_n" -gt 0 ] || return 0
  out=$(describe "${arns[@]}")
  jq -e --arg td ":task-definition/smoke-web:$want_rev" \
    'all(.tasks[]; .lastStatus == "RUNNING" and (.taskDefinitionArn | endswith($td)) and .group == "service:web" and (.startedBy | startswith("ecs-svc/")))' \
    <<<"$out" >/dev/null ||
    fail "service tasks are not all RUNNING smoke-web:$want_rev: $(jq -c '[.tasks[] | {taskArn, lastStatus, taskDefinitionArn, group, startedBy}]' <<<"$out")"
  for rid in $(jq -r '.tasks[].containers[0].runtimeId' <<<"$out"); do
    RUNTIME_IDS+=("$rid")
    [ "$(docker inspect -f '{{.State.Running}}' "$rid")" = true ] || fail "service container $rid is not running"
  done
}

step "create-service"
out=$(aws ecs create-service --cluster default --service-name web --task-definition smoke-web:1 --desired-count 2 \
  --deployment-configuration 'minimumHealthyPercent=100,maximumPercent=200,deploymentCircuitBreaker={enable=true,rollback=true}')
jq -e '.service.serviceName == "web" and .service.status == "ACTIVE" and .service.desiredCount == 2
  and (.service.serviceArn | endswith(":service/default/web"))
  and .service.deploymentConfiguration.minimumHealthyPercent == 100
  and .service.deploymentConfiguration.maximumPercent == 200
  and .service.deploymentConfiguration.deploymentCircuitBreaker == {enable: true, rollback: true}
  and (.service.deployments | length) == 1 and .service.deployments[0].status == "PRIMARY"
  and (.service.deployments[0].taskDefinition | endswith(":task-definition/smoke-web:1"))' <<<"$out" >/dev/null ||
  fail "unexpected create-service output: $out"
DEPLOYMENT_1=$(jq -r '.service.deployments[0].id' <<<"$out")
pass "create-service web (2 x smoke-web:1, 100/200, circuit breaker with rollback)"

step "wait services-stable (create)"
wait_stable
out=$(aws ecs describe-services --cluster default --services web)
jq -e --arg d "$DEPLOYMENT_1" '.services[0] | .runningCount == 2 and .pendingCount == 0 and (.deployments | length) == 1
  and .deployments[0].id == $d and .deployments[0].rolloutState == "COMPLETED"' <<<"$out" >/dev/null ||
  fail "not stable after the waiter: $(jq -c '.services[0] | {runningCount, pendingCount, deployments}' <<<"$out")"
check_service_tasks 1 2
pass "aws ecs wait services-stable: 2 tasks of smoke-web:1 RUNNING with running containers, deployment COMPLETED"

step "update-service to revision 2"
CONTAINER_DEFS_2=$(jq -c '.[0].environment = [{name: "SMOKE_REVISION", value: "2"}]' <<<"$CONTAINER_DEFS")
out=$(aws ecs register-task-definition --family smoke-web --container-definitions "$CONTAINER_DEFS_2")
jq -e '.taskDefinition.revision == 2' <<<"$out" >/dev/null || fail "smoke-web revision 2: $out"
mapfile -t OLD_SERVICE_TASKS < <(service_tasks RUNNING)
out=$(aws ecs update-service --cluster default --service web --task-definition smoke-web:2)
jq -e --arg d "$DEPLOYMENT_1" '.service.deployments[0].status == "PRIMARY" and .service.deployments[0].id != $d
  and (.service.deployments[0].taskDefinition | endswith(":task-definition/smoke-web:2"))
  and .service.deployments[0].rolloutState == "IN_PROGRESS"' <<<"$out" >/dev/null ||
  fail "update-service did not start a new PRIMARY deployment: $(jq -c '.service.deployments' <<<"$out")"
DEPLOYMENT_2=$(jq -r '.service.deployments[0].id' <<<"$out")
wait_stable
pass "update-service --task-definition smoke-web:2 -> deployment $DEPLOYMENT_2, services-stable again"

step "describe-services after the rollout"
out=$(aws ecs describe-services --cluster default --services web)
jq -e --arg d "$DEPLOYMENT_2" '.services[0] | .status == "ACTIVE" and .runningCount == 2 and .desiredCount == 2
  and (.taskDefinition | endswith(":task-definition/smoke-web:2"))
  and (.deployments | length) == 1 and .deployments[0].id == $d and .deployments[0].status == "PRIMARY"
  and .deployments[0].rolloutState == "COMPLETED" and .deployments[0].runningCount == 2' <<<"$out" >/dev/null ||
  fail "deployments[] after the rollout: $(jq -c '.services[0] | {taskDefinition, runningCount, deployments}' <<<"$out")"
for want in "(service web) has started 2 tasks: " "(service web) has stopped " \
  "(service web) has reached a steady state." "(service web) (deployment $DEPLOYMENT_2) deployment completed."; do
  jq -e --arg m "$want" 'any(.services[0].events[].message; startswith($m))' <<<"$out" >/dev/null ||
    fail "no event starting with '$want': $(jq -c '[.services[0].events[].message]' <<<"$out")"
done
check_service_tasks 2 2
for arn in "${OLD_SERVICE_TASKS[@]}"; do
  t=$(describe "$arn" | jq '.tasks[0]')
  jq -e '.lastStatus == "STOPPED" and .stopCode == "ServiceSchedulerInitiated"' <<<"$t" >/dev/null ||
    fail "old task $arn was not stopped by the service scheduler: $(jq -c '{lastStatus, stopCode, stoppedReason}' <<<"$t")"
done
pass "describe-services: one COMPLETED deployment of smoke-web:2, ECS events; old tasks STOPPED (ServiceSchedulerInitiated)"

step "scale to 0 and delete-service"
out=$(aws ecs update-service --cluster default --service web --desired-count 0)
jq -e '.service.desiredCount == 0' <<<"$out" >/dev/null || fail "update-service --desired-count 0: $out"
wait_stable
check_service_tasks 2 0
out=$(aws ecs delete-service --cluster default --service web)
jq -e '.service.serviceName == "web" and (.service.status == "DRAINING" or .service.status == "INACTIVE")' <<<"$out" >/dev/null ||
  fail "unexpected delete-service output: $out"
timeout 300 aws ecs wait services-inactive --cluster default --services web ||
  fail "the service did not become INACTIVE: $(aws ecs describe-services --cluster default --services web | jq -c '.services[0] | {status, runningCount}')"
for arn in $(service_tasks STOPPED); do
  rid=$(describe "$arn" | jq -r '.tasks[0].containers[0].runtimeId // empty')
  [ -z "$rid" ] || [ "$(docker inspect -f '{{.State.Running}}' "$rid" 2>/dev/null || echo false)" = false ] ||
    fail "container $rid of stopped service task $arn still runs"
done
out=$(aws ecs list-services --cluster default)
jq -e '(.serviceArns | map(select(endswith("/web"))) | length) == 0' <<<"$out" >/dev/null ||
  fail "list-services still lists web: $out"
pass "update-service --desired-count 0, delete-service -> INACTIVE, no service container left running"

# ---------------------------------------------------------------- CloudWatch Logs

step "awslogs lines through aws logs and berth logs"
aws ecs register-task-definition --family smoke-logs --container-definitions "$(jq -nc --arg image "$BERTH_TEST_IMAGE" '[{
  name: "app", image: $image, memory: 32, command: ["sh", "-c", "echo hello from awslogs; echo second line"],
  logConfiguration: {logDriver: "awslogs", options: {"awslogs-group": "/smoke/logs", "awslogs-region": env.AWS_DEFAULT_REGION,
    "awslogs-stream-prefix": "smoke", "awslogs-create-group": "true"}}}]')" >/dev/null ||
  fail "register-task-definition smoke-logs"
arn=$(aws ecs run-task --task-definition smoke-logs | jq -r '.tasks[0].taskArn')
[ -n "$arn" ] && [ "$arn" != null ] || fail "run-task smoke-logs placed nothing"
TASK_ARNS+=("$arn")
stream="smoke/app/${arn##*/}"
lines=""
for _ in $(seq 1 300); do
  lines=$(aws logs get-log-events --log-group-name /smoke/logs --log-stream-name "$stream" --start-from-head 2>/dev/null |
    jq -r '[.events[].message] | join("|")' || true)
  [ "$lines" = "hello from awslogs|second line" ] && break
  sleep 0.1
done
[ "$lines" = "hello from awslogs|second line" ] || fail "aws logs get-log-events $stream: got '$lines'"
out=$("$BERTH_BIN" logs --task "$arn" --data-dir "$DATA") || fail "berth logs --task $arn failed"
[ "$out" = "$(printf 'hello from awslogs\nsecond line')" ] || fail "berth logs printed: $out"
pass "an awslogs task's lines through aws logs get-log-events (env endpoint) and berth logs"

# ---------------------------------------------------------------- the whole task definition

step "issue 8 session: roles, volumes, secrets, awslogs, metadata and credentials"
# The session of issue 8 with the stock CLI: a task role and an execution role made through
# IAM, a bind mount and a task-scoped Docker volume, an SSM SecureString and a Secrets Manager
# JSON key as variables, awslogs, and from inside the container its metadata endpoint and its
# role's credentials. The container reports what it saw through its own log.
account=$(aws sts get-caller-identity | jq -r .Account)
ecs_trust='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
printf '%s' "$ecs_trust" >"$WORK/ecs-tasks-trust.json"
aws iam create-role --role-name smoke-web-task --assume-role-policy-document "file://$WORK/ecs-tasks-trust.json" >/dev/null ||
  fail "iam create-role smoke-web-task"
aws iam put-role-policy --role-name smoke-web-task --policy-name read --policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}' ||
  fail "iam put-role-policy smoke-web-task"
aws iam create-role --role-name smoke-web-exec --assume-role-policy-document "file://$WORK/ecs-tasks-trust.json" >/dev/null ||
  fail "iam create-role smoke-web-exec"
aws iam put-role-policy --role-name smoke-web-exec --policy-name secrets --policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameters","secretsmanager:GetSecretValue"],"Resource":"*"}]}' ||
  fail "iam put-role-policy smoke-web-exec"
mkdir -p "$WORK/srv-web"
echo "from the host" >"$WORK/srv-web/hello"
# The script runs in the container (busybox sh): each check prints a marker line.
script='[ "$DB_PASSWORD" = smoke-s3cret ] && echo secret-ok
[ "$API_TOKEN" = smoke-t0ken ] && echo json-key-ok
[ "$(cat /data/hello)" = "from the host" ] && echo bind-mount-ok
echo cached >/cache/file && [ "$(cat /cache/file)" = cached ] && echo task-volume-ok
wget -qO- "$ECS_CONTAINER_METADATA_URI_V4/task" | grep -q "\"Family\": *\"smoke-web\"" && echo metadata-ok
wget -qO- "http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" | grep -q "\"RoleArn\": *\"arn:aws:iam::[0-9]*:role/smoke-web-task\"" && echo credentials-ok
echo "ERROR this line is for filter-log-events"'
aws ecs register-task-definition --family smoke-web \
  --task-role-arn "arn:aws:iam::$account:role/smoke-web-task" \
  --execution-role-arn "arn:aws:iam::$account:role/smoke-web-exec" \
  --volumes "$(jq -nc --arg src "$WORK/srv-web" '[{name: "data", host: {sourcePath: $src}},
    {name: "cache", dockerVolumeConfiguration: {scope: "task"}}]')" \
  --container-definitions "$(jq -nc --arg image "$BERTH_TEST_IMAGE" --arg script "$script" \
    --arg ssm "arn:aws:ssm:$AWS_DEFAULT_REGION:$account:parameter/smoke/db-password" \
    --arg sm "$SECRET_ARN:token::" '[{
    name: "web", image: $image, memory: 64, command: ["sh", "-c", $script],
    mountPoints: [{sourceVolume: "data", containerPath: "/data", readOnly: true},
                  {sourceVolume: "cache", containerPath: "/cache"}],
    secrets: [{name: "DB_PASSWORD", valueFrom: $ssm}, {name: "API_TOKEN", valueFrom: $sm}],
    logConfiguration: {logDriver: "awslogs", options: {"awslogs-group": "/ecs/smoke-web",
      "awslogs-region": env.AWS_DEFAULT_REGION, "awslogs-stream-prefix": "web",
      "awslogs-create-group": "true"}}}]')" >/dev/null || fail "register-task-definition smoke-web"
arn=$(aws ecs run-task --task-definition smoke-web | jq -r '.tasks[0].taskArn')
[ -n "$arn" ] && [ "$arn" != null ] || fail "run-task smoke-web placed nothing"
TASK_ARNS+=("$arn")
wait_status STOPPED 60 "$arn"
[ "$(jq -r '.tasks[0].containers[0].exitCode' <<<"$DESCRIBED")" = 0 ] ||
  fail "smoke-web did not exit 0: $(jq -c '.tasks[0] | {stopCode, stoppedReason, containers}' <<<"$DESCRIBED")"
! grep -q smoke-s3cret <<<"$DESCRIBED" || fail "describe-tasks shows the secret's value"
want="secret-ok|json-key-ok|bind-mount-ok|task-volume-ok|metadata-ok|credentials-ok|ERROR this line is for filter-log-events"
stream="web/web/${arn##*/}"
lines=""
for _ in $(seq 1 100); do
  lines=$(aws logs get-log-events --log-group-name /ecs/smoke-web --log-stream-name "$stream" --start-from-head 2>/dev/null |
    jq -r '[.events[].message] | join("|")' || true)
  [ "$lines" = "$want" ] && break
  sleep 0.1
done
[ "$lines" = "$want" ] || fail "the container saw: '$lines' (want '$want')"
out=$(aws logs filter-log-events --log-group-name /ecs/smoke-web --filter-pattern ERROR) ||
  fail "filter-log-events: $out"
[ "$(jq -r '[.events[].message] | join("|")' <<<"$out")" = "ERROR this line is for filter-log-events" ] ||
  fail "filter-log-events --filter-pattern ERROR answered $out"
pass "issue 8 session: iam roles, bind mount + task volume, SSM and Secrets Manager secrets, awslogs (get-log-events, filter-log-events), metadata v4 and role credentials from inside the container"

# ---------------------------------------------------------------- load balancing (issue 9)

# lb_service_tasks STATUS: the ARNs of service lbweb's tasks with that desired status, each
# remembered in TASK_ARNS for cleanup.
lb_service_tasks() {
  local arns arn
  arns=$(aws ecs list-tasks --cluster default --service-name lbweb --desired-status "$1" | jq -r '.taskArns[]')
  for arn in $arns; do
    [[ " ${TASK_ARNS[*]} " == *" $arn "* ]] || TASK_ARNS+=("$arn")
  done
  [ -z "$arns" ] || echo "$arns"
}

step "elbv2 create-load-balancer, create-target-group, create-listener"
LB_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
[ -n "${AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2:-}" ] || fail "env file does not set AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"
LB_ARN=$(aws elbv2 create-load-balancer --name web --type application --scheme internal |
  jq -r '.LoadBalancers[0].LoadBalancerArn')
TG_ARN=$(aws elbv2 create-target-group --name web --protocol HTTP --port 80 --target-type instance \
  --health-check-path /health --healthy-threshold-count 2 --health-check-interval-seconds 5 |
  jq -r '.TargetGroups[0].TargetGroupArn')
aws elbv2 modify-target-group-attributes --target-group-arn "$TG_ARN" \
  --attributes Key=deregistration_delay.timeout_seconds,Value=5 >/dev/null || fail "modify-target-group-attributes"
aws elbv2 create-listener --load-balancer-arn "$LB_ARN" --protocol HTTP --port "$LB_PORT" \
  --default-actions "Type=forward,TargetGroupArn=$TG_ARN" >/dev/null || fail "create-listener"
timeout 120 aws elbv2 wait load-balancer-available --load-balancer-arns "$LB_ARN" ||
  fail "the load balancer is not active: $(aws elbv2 describe-load-balancers --load-balancer-arns "$LB_ARN" | jq -c '.LoadBalancers[0].State')"
pass "elbv2: internal application load balancer with an HTTP listener on $LB_PORT forwarding to target group web"

step "create-service --load-balancers"
for rev in 1 2; do
  aws ecs register-task-definition --family smoke-lb --container-definitions "$(jq -nc --arg image "$BERTH_TEST_IMAGE" --arg rev "$rev" '[{
    name: "web", image: $image, memory: 32, stopTimeout: 2,
    portMappings: [{containerPort: 80, hostPort: 0}],
    command: ["sh", "-c", ("mkdir -p /www && echo \"smoke-lb:" + $rev + " $(hostname)\" > /www/index.html && echo ok > /www/health && trap \"exit 0\" TERM; httpd -f -p 80 -h /www & wait")]}]')" \
    >/dev/null || fail "register-task-definition smoke-lb:$rev"
done
out=$(aws ecs create-service --cluster default --service-name lbweb --task-definition smoke-lb:1 --desired-count 2 \
  --load-balancers "targetGroupArn=$TG_ARN,containerName=web,containerPort=80" --health-check-grace-period-seconds 10)
jq -e --arg tg "$TG_ARN" '.service.loadBalancers == [{targetGroupArn: $tg, containerName: "web", containerPort: 80}]
  and .service.healthCheckGracePeriodSeconds == 10' <<<"$out" >/dev/null ||
  fail "create-service --load-balancers: $(jq -c '.service | {loadBalancers, healthCheckGracePeriodSeconds}' <<<"$out")"
pass "create-service lbweb (2 x smoke-lb:1) behind target group web"

step "aws elbv2 wait target-in-service"
deadline=$((SECONDS + 60))
until [ "$(aws elbv2 describe-target-health --target-group-arn "$TG_ARN" | jq '.TargetHealthDescriptions | length')" -eq 2 ]; do
  [ "$SECONDS" -lt "$deadline" ] || fail "the service's tasks were not registered: $(aws ecs describe-services --services lbweb | jq -c '[.services[0].events[:5][].message]')"
  sleep 0.5
done
timeout 300 aws elbv2 wait target-in-service --target-group-arn "$TG_ARN" ||
  fail "targets not healthy: $(aws elbv2 describe-target-health --target-group-arn "$TG_ARN" | jq -c '[.TargetHealthDescriptions[] | {Target, TargetHealth}]')"
mapfile -t arns < <(lb_service_tasks RUNNING)
[ "${#arns[@]}" -eq 2 ] || fail "lbweb has ${#arns[@]} tasks, want 2"
instance=$(aws ecs describe-container-instances --container-instances "$(aws ecs list-container-instances | jq -r '.containerInstanceArns[0]')" |
  jq -r '.containerInstances[0].ec2InstanceId')
want=$(describe "${arns[@]}" | jq -c --arg i "$instance" '[.tasks[].containers[0].networkBindings[] | select(.bindIP | contains(":") | not) | {Id: $i, Port: .hostPort}] | sort')
got=$(aws elbv2 describe-target-health --target-group-arn "$TG_ARN" | jq -c '[.TargetHealthDescriptions[] | {Id: .Target.Id, Port: .Target.Port}] | sort')
[ "$want" = "$got" ] || fail "targets $got are not the tasks' instance and host ports $want"
aws ecs describe-services --services lbweb | jq -e --arg tg " targets in (target-group $TG_ARN)" \
  'any(.services[0].events[].message; startswith("(service lbweb) registered ") and endswith($tg))' >/dev/null ||
  fail "no registration event: $(aws ecs describe-services --services lbweb | jq -c '[.services[0].events[].message]')"
pass "aws elbv2 wait target-in-service: both tasks registered as $instance:hostPort and healthy"

step "curl through the load balancer"
answers=$(for _ in 1 2 3 4; do curl -sf --max-time 5 "http://127.0.0.1:$LB_PORT/" || echo FAILED; done)
grep -q FAILED <<<"$answers" && fail "a request through the load balancer failed: $answers"
[ "$(grep -c '^smoke-lb:1 ' <<<"$answers")" -eq 4 ] || fail "unexpected answers: $answers"
[ "$(sort -u <<<"$answers" | wc -l)" -eq 2 ] || fail "both tasks should answer (round robin): $answers"
pass "curl http://127.0.0.1:$LB_PORT/ is answered by both tasks in turn"

step "update-service to smoke-lb:2 behind the load balancer"
codes=$WORK/lb-codes
( while :; do curl -s -o /dev/null -w '%{http_code}\n' --max-time 5 "http://127.0.0.1:$LB_PORT/" >>"$codes" || echo 000 >>"$codes"; sleep 0.05; done ) &
CURL_LOOP=$!
aws ecs update-service --cluster default --service lbweb --task-definition smoke-lb:2 >/dev/null || fail "update-service lbweb"
timeout 300 aws ecs wait services-stable --cluster default --services lbweb ||
  fail "lbweb not stable: $(aws ecs describe-services --services lbweb | jq -c '.services[0] | {deployments, events: [.events[:5][].message]}')"
kill "$CURL_LOOP" 2>/dev/null || true
wait "$CURL_LOOP" 2>/dev/null || true
total=$(wc -l <"$codes")
bad=$(grep -vc '^200$' "$codes" || true)
[ "$bad" -eq 0 ] || fail "$bad of $total requests failed during the rollout: $(sort "$codes" | uniq -c | tr '\n' ' ')"
answers=$(for _ in 1 2; do curl -sf --max-time 5 "http://127.0.0.1:$LB_PORT/" || echo FAILED; done)
[ "$(grep -c '^smoke-lb:2 ' <<<"$answers")" -eq 2 ] || fail "after the rollout: $answers"
aws ecs describe-services --services lbweb | jq -e --arg tg " targets in (target-group $TG_ARN)" \
  'any(.services[0].events[].message; startswith("(service lbweb) deregistered ") and endswith($tg))' >/dev/null ||
  fail "no deregistration event: $(aws ecs describe-services --services lbweb | jq -c '[.services[0].events[].message]')"
lb_service_tasks STOPPED >/dev/null
lb_service_tasks RUNNING >/dev/null
pass "update-service to smoke-lb:2: $total requests through the load balancer during the rollout, all 200; old targets drained first"

# ---------------------------------------------------------------- issue 10: FARGATE

step "issue 10 session: a FARGATE task with its own address"
# berth dev's host is also the Fargate pool's (a second agent), which no cluster lists.
[ -n "${BERTH_DEFAULT_SUBNET:-}" ] || fail "$DATA/env does not set BERTH_DEFAULT_SUBNET"
out=$(aws ecs register-task-definition --family api --requires-compatibilities FARGATE --network-mode awsvpc \
  --cpu 256 --memory 512 --container-definitions "$(jq -nc --arg image "$BERTH_TEST_IMAGE" '[{
    name: "api", image: $image, stopTimeout: 2, portMappings: [{containerPort: 8080}],
    command: ["sh", "-c", "mkdir -p /w && echo fargate-says-hello > /w/index.html && exec httpd -f -p 8080 -h /w"]}]')") ||
  fail "register-task-definition api: $out"
jq -e '.taskDefinition.compatibilities | index("FARGATE")' <<<"$out" >/dev/null ||
  fail "the FARGATE revision does not list FARGATE: $out"
out=$(aws ecs run-task --launch-type FARGATE --task-definition api --enable-execute-command \
  --network-configuration "awsvpcConfiguration={subnets=[$BERTH_DEFAULT_SUBNET],securityGroups=[$BERTH_DEFAULT_SECURITY_GROUP]}") ||
  fail "run-task --launch-type FARGATE: $out"
arn=$(jq -r '.tasks[0].taskArn' <<<"$out")
[ -n "$arn" ] && [ "$arn" != null ] || fail "run-task FARGATE placed nothing: $out"
TASK_ARNS+=("$arn")
wait_status RUNNING 60 "$arn"
task=$(jq '.tasks[0]' <<<"$DESCRIBED")
jq -e '.launchType == "FARGATE" and (has("containerInstanceArn") | not) and .platformVersion == "1.4.0"
  and .platformFamily == "Linux"' <<<"$task" >/dev/null ||
  fail "describe-tasks of the FARGATE task: $(jq -c '{launchType, containerInstanceArn, platformVersion, platformFamily}' <<<"$task")"
address=$(jq -r '.attachments[] | select(.type == "ElasticNetworkInterface") | .details[]
  | select(.name == "privateIPv4Address") | .value' <<<"$task")
[ -n "$address" ] || fail "no ENI attachment with privateIPv4Address: $(jq -c .attachments <<<"$task")"
body=""
for _ in $(seq 1 50); do
  body=$(curl -s --max-time 2 "http://$address:8080/" || true)
  [ "$body" = fargate-says-hello ] && break
  sleep 0.2
done
[ "$body" = fargate-says-hello ] || fail "curl http://$address:8080/ answered '$body'"
out=$(aws ecs list-container-instances)
[ "$(jq '.containerInstanceArns | length' <<<"$out")" = "${#CIS[@]}" ] ||
  fail "the Fargate pool's host shows as a container instance: $out"
aws ecs stop-task --task "$arn" >/dev/null || fail "stop-task the FARGATE task"
wait_status STOPPED 60 "$arn"
pass "issue 10 session: register a FARGATE definition, run-task --launch-type FARGATE with a network configuration, describe-tasks shows the ENI and no containerInstanceArn, curl answers on the task's address"

STEP="finished"
echo "$PASSED passed, 0 failed"
