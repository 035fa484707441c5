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

echo "-- structural checks"
NODE_PATH="$tools/node_modules" node deploy/check/manifests.js .
