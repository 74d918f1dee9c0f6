#!/usr/bin/env bash
# Starts a private Docker registry (distribution v2, Debian's docker-registry) with basic auth on
# 127.0.0.1:5000 and seeds it with the private test image:
#
#   address:  127.0.0.1:5000   (plain HTTP; Docker allows insecure registries on 127.0.0.0/8)
#   user:     berth
#   password: berth-registry-pass
#   image:    127.0.0.1:5000/berth/private-busybox:latest  (a copy of berth-test/busybox:latest)
#
# These are fixed, public test credentials: never reuse them for anything real.
# Config, htpasswd, log, pid and storage live in $BERTH_REGISTRY_DIR (default /tmp/berth-registry).
# Afterwards the local Docker is logged out of the registry and the pushed tag is removed locally,
# so pulling the private image really needs credentials. Idempotent.
# Needs: docker (running), docker-registry, htpasswd, curl, and berth-test/busybox:latest
# (scripts/build-test-image.sh).
set -euo pipefail

ADDR=127.0.0.1:5000
USER_NAME=${BERTH_REGISTRY_USER:-berth}
PASSWORD=${BERTH_REGISTRY_PASSWORD:-berth-registry-pass}
DIR=${BERTH_REGISTRY_DIR:-/tmp/berth-registry}
SOURCE_IMAGE=${BERTH_TEST_IMAGE:-berth-test/busybox:latest}
PRIVATE_IMAGE=$ADDR/berth/private-busybox:latest

die() {
  echo "registry.sh: $*" >&2
  if [ -s "$DIR/registry.log" ]; then
    echo "---- $DIR/registry.log (tail) ----" >&2
    tail -n 20 "$DIR/registry.log" >&2
  fi
  exit 1
}

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$@" "http://$ADDR/v2/" || true; }

command -v docker-registry >/dev/null 2>&1 || die "docker-registry not found (run scripts/install-deps.sh)"
command -v htpasswd >/dev/null 2>&1 || die "htpasswd not found (run scripts/install-deps.sh)"
docker version >/dev/null 2>&1 || die "docker does not answer (run scripts/start-dockerd.sh)"
docker image inspect "$SOURCE_IMAGE" >/dev/null 2>&1 || die "$SOURCE_IMAGE missing (run scripts/build-test-image.sh)"

mkdir -p "$DIR/data"

# htpasswd (bcrypt) and config are rewritten every time; same content, so a running registry
# does not care.
htpasswd -Bbn "$USER_NAME" "$PASSWORD" >"$DIR/htpasswd.new"
# Keep the old file when the password is unchanged (bcrypt salts differ on every run).
if [ -s "$DIR/htpasswd" ] && htpasswd -vb "$DIR/htpasswd" "$USER_NAME" "$PASSWORD" >/dev/null 2>&1; then
  rm -f "$DIR/htpasswd.new"
else
  mv "$DIR/htpasswd.new" "$DIR/htpasswd"
fi
cat >"$DIR/config.yml" <<EOF
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $DIR/data
  delete:
    enabled: true
http:
  addr: $ADDR
  headers:
    X-Content-Type-Options: [nosniff]
auth:
  htpasswd:
    realm: berth-registry
    path: $DIR/htpasswd
EOF

status=$(code)
case "$status" in
  401)
    # Something already serves the registry API here; it must accept our credentials.
    [ "$(code -u "$USER_NAME:$PASSWORD")" = 200 ] ||
      die "a registry on $ADDR rejects $USER_NAME's credentials; stop it (pid file: $DIR/registry.pid) and rerun"
    ;;
  000)
    if ss -ltn 2>/dev/null | awk '{print $4}' | grep -qx "$ADDR"; then
      die "$ADDR is taken by something that is not a registry"
    fi
    # setsid + nohup: the registry outlives this script and the caller's process group.
    setsid nohup docker-registry serve "$DIR/config.yml" >>"$DIR/registry.log" 2>&1 </dev/null &
    echo $! >"$DIR/registry.pid"
    for _ in $(seq 1 60); do
      status=$(code)
      [ "$status" = 401 ] && break
      kill -0 "$(cat "$DIR/registry.pid")" 2>/dev/null || die "docker-registry exited"
      sleep 0.5
    done
    [ "$status" = 401 ] || die "registry on $ADDR did not answer 401 (last: $status)"
    [ "$(code -u "$USER_NAME:$PASSWORD")" = 200 ] || die "registry rejects $USER_NAME's credentials"
    ;;
  *)
    die "$ADDR answers $status on /v2/ (expected 401 from an auth-enabled registry)"
    ;;
esac

# Seed the private image (pushing again is cheap: every blob already exists).
docker_cfg_out=$(printf '%s' "$PASSWORD" | docker login "$ADDR" -u "$USER_NAME" --password-stdin 2>&1) ||
  die "docker login $ADDR failed: $docker_cfg_out"
cleanup_login() {
  docker logout "$ADDR" >/dev/null 2>&1 || true
  docker image rm "$PRIVATE_IMAGE" >/dev/null 2>&1 || true
}
trap cleanup_login EXIT
docker tag "$SOURCE_IMAGE" "$PRIVATE_IMAGE"
push_out=$(docker push "$PRIVATE_IMAGE" 2>&1) || die "docker push $PRIVATE_IMAGE failed: $push_out"
cleanup_login
trap - EXIT

# The manifest must be there for authenticated clients only.
manifest() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$ADDR/v2/berth/private-busybox/manifests/latest" || true
}
[ "$(manifest -u "$USER_NAME:$PASSWORD")" = 200 ] || die "pushed manifest is not readable with credentials"
[ "$(manifest)" = 401 ] || die "pushed manifest is readable without credentials"

echo "private registry: http://$ADDR  user: $USER_NAME  password: $PASSWORD  image: $PRIVATE_IMAGE"
