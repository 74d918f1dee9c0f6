#!/usr/bin/env bash
# berth's run command: installs what is missing, starts dockerd, builds the test image and the
# berth binary (release; BERTH_DEBUG=1 for a debug build), then replaces itself with
# `berth dev "$@"` (control plane + agent in one process). Example:
#   scripts/dev.sh --listen 127.0.0.1:8080 --data-dir /tmp/berth
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

for d in "$HOME/.cargo/bin" "${PYENV_ROOT:-$HOME/.pyenv}/shims" "$HOME/.local/bin"; do
  case ":$PATH:" in *":$d:"*) ;; *) [ -d "$d" ] && PATH="$d:$PATH" ;; esac
done
export PATH

bash scripts/install-deps.sh
bash scripts/start-dockerd.sh
bash scripts/build-test-image.sh

TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
if [ "${BERTH_DEBUG:-}" = 1 ]; then
  cargo build --bin berth
  BIN=$TARGET_DIR/debug/berth
else
  cargo build --release --bin berth
  BIN=$TARGET_DIR/release/berth
fi
exec "$BIN" dev "$@"
