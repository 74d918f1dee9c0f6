#!/usr/bin/env bash
# Installs what berth's scripts and tests need on Debian 12, only when something is missing:
#   apt: docker.io, busybox-static, docker-registry, apache2-utils (htpasswd), ca-certificates,
#        curl, iproute2, jq, awscli (AWS CLI v2 at /usr/bin/aws), etcd-server (3.4: the store's
#        etcd tests start real members), protobuf-compiler (protoc, which the etcd-client
#        crate's build runs), haproxy, nginx and wrk (for `berth bench lb`), runsc (gVisor) (and
#        python3/python3-pip if there is no python3 at all)
#   pip: awscli, boto3
# It never installs Rust (there is no internet for rustup); it checks that cargo exists.
# Idempotent and quiet: prints nothing when everything is already there, and the tool's output
# only when an install fails. Must run as root (or with passwordless sudo) when apt is needed.
set -euo pipefail

# Non-login shells (CI) may not have the usual user tool directories on PATH.
for d in "$HOME/.cargo/bin" "${PYENV_ROOT:-$HOME/.pyenv}/shims" "$HOME/.local/bin"; do
  case ":$PATH:" in *":$d:"*) ;; *) [ -d "$d" ] && PATH="$d:$PATH" ;; esac
done
export PATH

log=$(mktemp /tmp/berth-install-deps.XXXXXX.log)
trap 'rm -f "$log"' EXIT

die() {
  echo "install-deps: $*" >&2
  if [ -s "$log" ]; then
    echo "---- last output ----" >&2
    tail -n 40 "$log" >&2
  fi
  exit 1
}

pkg_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

missing=()
# Docker: accept any engine + client already present (e.g. docker-ce), else Debian's docker.io.
if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  pkg_installed docker.io || missing+=(docker.io)
fi
# The test image copies /bin/busybox into a FROM-scratch image, so it must be the static one.
pkg_installed busybox-static || missing+=(busybox-static)
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
[ -s /etc/ssl/certs/ca-certificates.crt ] || missing+=(ca-certificates)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v ss >/dev/null 2>&1 || missing+=(iproute2)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
# The baselines and the load generator of `berth bench lb` (not started as services).
command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
# AWS CLI v2 (Debian's 2.9, at /usr/bin/aws) beside PyPI's v1 (`aws` on PATH): tests use both.
[ -x /usr/bin/aws ] || missing+=(awscli)
# etcd for the store's etcd backend tests; protoc to build the etcd-client crate.
command -v etcd >/dev/null 2>&1 || missing+=(etcd-server)
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler)
# gVisor (the `gvisor` isolation tier; scripts/runsc-runtime.sh registers it with dockerd).
command -v runsc >/dev/null 2>&1 || missing+=(runsc)
# node and npm: the ECS Exec test runs a third-party Session Manager client from npm.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get to install them"
  SUDO=
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing packages (${missing[*]}); run as root to install them"
    SUDO=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  ok=
  for attempt in 1 2 3; do
    if $SUDO apt-get update -qq >>"$log" 2>&1 &&
      $SUDO apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}" >>"$log" 2>&1; then
      ok=1
      break
    fi
    sleep $((attempt * 5))
  done
  [ -n "$ok" ] || die "apt-get install ${missing[*]} failed"
  # The static busybox must now be the one at /bin/busybox.
  pkg_installed busybox-static || die "busybox-static did not install"
  command -v etcd >/dev/null 2>&1 || die "etcd-server installed but there is no etcd on PATH"
  command -v protoc >/dev/null 2>&1 || die "protobuf-compiler installed but there is no protoc on PATH"
fi

# aws CLI (v1, from PyPI; first on PATH, before Debian's v2 in /usr/bin) and boto3 for the
# smoke test and the CloudWatch Logs tests.
aws_v1() { aws --version 2>&1 | grep -q '^aws-cli/1\.'; }
pip_missing=()
# v1 must come first on PATH (before Debian's v2 at /usr/bin/aws).
aws_v1() { aws --version 2>&1 | grep -q '^aws-cli/1\.'; }
aws_v1 || pip_missing+=(awscli)
python3 -c 'import boto3' >/dev/null 2>&1 || pip_missing+=(boto3)
if [ "${#pip_missing[@]}" -gt 0 ]; then
  pip=(python3 -m pip)
  "${pip[@]}" --version >/dev/null 2>&1 || die "python3 has no pip; install python3-pip"
  if ! "${pip[@]}" install -q --disable-pip-version-check "${pip_missing[@]}" >>"$log" 2>&1; then
    # Debian's system python refuses plain pip installs (PEP 668).
    "${pip[@]}" install -q --disable-pip-version-check --break-system-packages "${pip_missing[@]}" >>"$log" 2>&1 ||
      die "pip install ${pip_missing[*]} failed"
  fi
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash >/dev/null 2>&1 || true; fi
  hash -r
  aws_v1 || die "awscli v1 installed but 'aws' on PATH ($PATH) is not it: $(aws --version 2>&1)"
  python3 -c 'import boto3' >/dev/null 2>&1 || die "boto3 installed but python3 cannot import it"
fi

# npm: `ssm-session` (a third-party implementation of the Session Manager data channel) and
# `ws`, for the ECS Exec test's stand-in for the session-manager-plugin
# (crates/testkit/tests/exec_support/session-manager-plugin.js).
node_dir=/opt/berth-test-node
if ! NODE_PATH="$node_dir/node_modules" node -e "require('ssm-session'); require('ws')" >/dev/null 2>&1; then
  mkdir -p "$node_dir"
  [ -f "$node_dir/package.json" ] || echo '{"name":"berth-test-node","private":true}' >"$node_dir/package.json"
  (cd "$node_dir" && npm install --no-audit --no-fund ssm-session@1.0.6 ws@8 >>"$log" 2>&1) ||
    die "npm install ssm-session ws failed"
fi

# Rust: cannot be installed here (no internet for rustup).
if ! command -v cargo >/dev/null 2>&1; then
  die "cargo not found. Install the Rust toolchain (rustup, toolchain from rust-toolchain.toml) and put ~/.cargo/bin on PATH; this script cannot download it."
fi
exit 0
