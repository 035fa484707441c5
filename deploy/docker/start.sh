#!/usr/bin/env bash
# The container's entry point: starts imgorigin with its JVM settings.
#
# The heap takes 75% of the container's memory limit from the start (initial = maximum: a heap that
# may shrink is shrunk and regrown around the large decoded images, which cost a third more CPU per
# 12 MP request in the benchmark); the rest is metaspace, thread stacks, direct buffers and the
# native allocations of libjpeg-turbo, libspng and libdeflate. An OutOfMemoryError ends the process
# so the orchestrator replaces it instead of leaving a half-working JVM.
#
# The incubating vector module speeds up PNG decoding, block averaging and resampling. A JRE build need not
# ship it, and a missing module named on the command line stops the JVM from starting, so it is
# added only when this runtime lists it; without it the same pixels come from scalar loops.
# JAVA_TOOL_OPTIONS remains free for operators (agents, extra -D settings).
set -euo pipefail

JAVA=${JAVA:-java}
vector=()
if "$JAVA" --list-modules 2>/dev/null | grep -q '^jdk\.incubator\.vector@'; then
  vector=(--add-modules=jdk.incubator.vector)
fi

exec "$JAVA" \
  -XX:InitialRAMPercentage=75 \
  -XX:MaxRAMPercentage=75 \
  -XX:+ExitOnOutOfMemoryError \
  --enable-native-access=ALL-UNNAMED \
  "${vector[@]}" \
  -jar "${IMGORIGIN_JAR:-/app/imgorigin.jar}" "$@"
