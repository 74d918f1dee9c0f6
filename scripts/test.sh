#!/usr/bin/env bash
# berth's test command (what CI runs through .ci/run):
#   1. setup: install-deps.sh, start-dockerd.sh, build-test-image.sh, second-dockerd.sh,
#      runsc-runtime.sh, registry.sh
#   2. cargo fmt --check, cargo clippy -D warnings, cargo build --bins
#   3. cargo nextest run --workspace (cargo test --workspace when nextest is not installed),
#      with Docker and etcd required (BERTH_REQUIRE_DOCKER=1, BERTH_REQUIRE_ETCD=1) and the test
#      images / registry credentials exported
#   4. tests/smoke/aws-cli.sh against target/debug/berth
# Exits non-zero on the first failing step and prints a one-line summary either way.
#
#   scripts/test.sh                # everything
#   eval "$(scripts/test.sh --env)" # setup only; prints the exports to run single tests by hand
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

for d in "$HOME/.cargo/bin" "${PYENV_ROOT:-$HOME/.pyenv}/shims" "$HOME/.local/bin"; do
  case ":$PATH:" in *":$d:"*) ;; *) [ -d "$d" ] && PATH="$d:$PATH" ;; esac
done
export PATH

ENV_ONLY=
case "${1:-}" in
  --env) ENV_ONLY=1 ;;
  "") ;;
  *)
    echo "usage: scripts/test.sh [--env]" >&2
    exit 2
    ;;
esac

export BERTH_REQUIRE_DOCKER=1
# The store's etcd tests start Debian's etcd (installed by install-deps.sh); without it they fail.
export BERTH_REQUIRE_ETCD=1
# The gVisor isolation tests need runsc (installed by install-deps.sh, registered with both
# dockerds by runsc-runtime.sh); without it they fail instead of skipping.
export BERTH_REQUIRE_RUNSC=1
export BERTH_TEST_IMAGE=${BERTH_TEST_IMAGE:-berth-test/busybox:latest}
export BERTH_PRIVATE_IMAGE=127.0.0.1:5000/berth/private-busybox:latest
export BERTH_REGISTRY_USER=berth
export BERTH_REGISTRY_PASSWORD=berth-registry-pass
if [ "${CI:-}" = true ]; then
  # Clean one-shot builds: incremental compilation only costs time.
  export CARGO_INCREMENTAL=0
  export CARGO_TERM_COLOR=never
fi
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}

START=$SECONDS
STEP=
PASSED=0
step_start=$SECONDS

finish() {
  local rc=$?
  if [ -n "$ENV_ONLY" ] && [ "$rc" -eq 0 ]; then return; fi
  local took=$((SECONDS - START))
  if [ "$rc" -eq 0 ]; then
    echo "==> test.sh: all $PASSED steps passed in ${took}s"
  else
    echo "==> test.sh: FAILED at step '$STEP' (exit $rc) after ${took}s; $PASSED steps passed before it" >&2
  fi
}
trap finish EXIT

# run NAME CMD...: one step, timed. In --env mode, progress goes to stderr.
run() {
  STEP=$1
  shift
  step_start=$SECONDS
  echo "==> $STEP" >&2
  if [ -n "$ENV_ONLY" ]; then "$@" >&2; else "$@"; fi
  PASSED=$((PASSED + 1))
  echo "==> $STEP: ok ($((SECONDS - step_start))s)" >&2
}

run "install dependencies" bash scripts/install-deps.sh
run "start dockerd" bash scripts/start-dockerd.sh
run "build test image" bash scripts/build-test-image.sh "$BERTH_TEST_IMAGE"
run "second dockerd" bash scripts/second-dockerd.sh "$BERTH_TEST_IMAGE"
run "runsc runtime" bash scripts/runsc-runtime.sh
run "private registry" bash scripts/registry.sh

if [ -n "$ENV_ONLY" ]; then
  for v in BERTH_REQUIRE_DOCKER BERTH_REQUIRE_ETCD BERTH_REQUIRE_RUNSC BERTH_TEST_IMAGE BERTH_PRIVATE_IMAGE BERTH_REGISTRY_USER BERTH_REGISTRY_PASSWORD; do
    printf 'export %s=%q\n' "$v" "${!v}"
  done
  printf 'export PATH=%q\n' "$PATH"
  exit 0
fi

run "cargo fmt --check" cargo fmt --all -- --check
run "cargo clippy" cargo clippy --workspace --all-targets -- -D warnings
run "cargo build" cargo build --workspace --bins
if cargo nextest --version >/dev/null 2>&1; then
  run "cargo nextest" cargo nextest run --workspace --no-fail-fast --no-tests=warn
else
  run "cargo test" cargo test --workspace --no-fail-fast
fi
run "aws cli smoke test" env BERTH_BIN="$TARGET_DIR/debug/berth" bash tests/smoke/aws-cli.sh
