#!/usr/bin/env bash
# Checks the deployment files: the CloudFront function's tests, a Dockerfile lint, and structural
# checks of the ECS task, IAM policy, Grafana dashboard and CloudFormation template.
# Needs node >= 20 and the npm registry; installs its two tools into a temporary folder.
# (The Helm chart is tested by the Maven build: src/test/java/io/imgorigin/deploy.)
set -euo pipefail
cd "$(dirname "$0")/.."

DOCKERFILE_UTILS=dockerfile-utils@0.16.3
JS_YAML=js-yaml@4.1.0

tools="$(mktemp -d)"
trap 'rm -rf "$tools"' EXIT

echo "== deploy checks (node $(node --version))"

echo "-- CloudFront function tests: node --test deploy/cloudfront/"
node --test deploy/cloudfront/

echo "-- installing $DOCKERFILE_UTILS and $JS_YAML into a temporary folder"
npm install --prefix "$tools" --no-save --no-audit --no-fund --no-package-lock --silent \
  "$DOCKERFILE_UTILS" "$JS_YAML"

echo "-- Dockerfile lint ($DOCKERFILE_UTILS): no errors and no warnings"
diagnostics="$("$tools/node_modules/.bin/dockerfile-utils" lint --json Dockerfile)"
if [ "$diagnostics" != "[]" ]; then
  echo "$diagnostics"
  echo "Dockerfile lint reported problems" >&2
  exit 1
fi
echo "  ok    Dockerfile: no diagnostics"
bash -n deploy/docker/healthcheck.sh
echo "  ok    deploy/docker/healthcheck.sh parses"

# The start script against a stand-in java that lists modules as told and prints the arguments it gets.
fake="$tools/fake-java"
cat >"$fake" <<'FAKE'
#!/usr/bin/env bash
if [ "$1" = "--list-modules" ]; then printf 'java.base@25\n%s' "${FAKE_MODULES:-}"; exit 0; fi
printf '%s\n' "$@"
FAKE
chmod +x "$fake"
with="$(JAVA="$fake" FAKE_MODULES='jdk.incubator.vector@25' IMGORIGIN_JAR=app.jar bash deploy/docker/start.sh --x=1)"
without="$(JAVA="$fake" FAKE_MODULES='' IMGORIGIN_JAR=app.jar bash deploy/docker/start.sh --x=1)"
if ! grep -qx -- '--add-modules=jdk.incubator.vector' <<<"$with" || grep -q -- '--add-modules' <<<"$without" \
    || [ "$(tail -n 3 <<<"$without" | tr '\n' ' ')" != "-jar app.jar --x=1 " ]; then
  printf 'start.sh with the module:\n%s\nwithout it:\n%s\n' "$with" "$without" >&2
  echo "deploy/docker/start.sh does not pass the JVM flags as expected" >&2
  exit 1
fi
echo "  ok    deploy/docker/start.sh adds the vector module only when the runtime has it"

echo "-- structural checks"
NODE_PATH="$tools/node_modules" node deploy/check/manifests.js .
