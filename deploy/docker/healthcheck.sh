#!/usr/bin/env bash
# Container health check: succeeds when the liveness group on the management port answers 200.
# The runtime image has no curl or wget, so this speaks HTTP/1.0 over bash's /dev/tcp.
set -euo pipefail

port="${MANAGEMENT_SERVER_PORT:-8081}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health/liveness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS=' ' read -r -t 4 _ status _ <&3
[[ "${status}" == "200" ]]
