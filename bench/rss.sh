#!/usr/bin/env bash
# Memory checks of imgorigin under load, each on a freshly started service with a small heap:
#   (a) 4 concurrent requests on a 12 MP JPEG: peak RSS must stay within RSS_LIMIT_A_MB (512).
#   (b) 24 concurrent requests on a 24 MP JPEG: only 200, or 503 with Retry-After; some 200s; the
#       service is alive and answers afterwards; peak RSS at most RSS_LIMIT_B_MB (1535, i.e. below 1.5 GB).
#   (c) 4 concurrent f=avif&w=2000 on the 12 MP JPEG: only 200 and 503 with Retry-After, some 200s, peak RSS
#       at most RSS_LIMIT_C_MB (768); the AVIF encoder's native memory is what this one adds.
# Every request asks for a different width, so nothing is coalesced. Exits non-zero on any violation.
#
#   IMGORIGIN_JAR   the service jar (default target/imgorigin.jar)
#   RSS_XMX         heap of the service (default 384m); JAVA_OPTS adds JVM options
#   RSS_DURATION    seconds of load per check (default 20)
#   CHECKS          "a b c" (default), or some of them
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RSS_XMX=${RSS_XMX:-384m}
RSS_DURATION=${RSS_DURATION:-20}
RSS_LIMIT_A_MB=${RSS_LIMIT_A_MB:-512}
RSS_LIMIT_B_MB=${RSS_LIMIT_B_MB:-1535}
RSS_LIMIT_C_MB=${RSS_LIMIT_C_MB:-768}
CHECKS=${CHECKS:-a b c}
FAILURES=()
ROWS=""

# Samples VmRSS every 100 ms as a cross-check of VmHWM, until the stop file appears.
sample_rss() {
    local pid=$1 out=$2 max=0 now
    while [[ ! -e $out.stop ]] && kill -0 "$pid" 2>/dev/null; do
        now=$(rss_mb "$pid" 2>/dev/null || echo 0)
        ((now > max)) && max=$now
        echo "$max" >"$out"
        sleep 0.1
    done
}

# Requests abandoned by wrk may still hold the service for a moment, so a busy answer is retried briefly.
answers_after_load() {
    local key=$1 attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        if (check_response "after load" "$IMGORIGIN_URL/$key?w=321" image/jpeg "") >/dev/null 2>&1 \
            && curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$IMGORIGIN_MANAGEMENT_PORT/actuator/health"; then
            echo yes
            return
        fi
        sleep 1
    done
    echo no
}

stop_imgorigin() {
    kill "$IMGORIGIN_PID" 2>/dev/null || true
    wait "$IMGORIGIN_PID" 2>/dev/null || true
}

fail() {
    FAILURES+=("$1")
    echo "VIOLATION: $1" >&2
}

# check NAME KEY CONNECTIONS LIMIT_MB [QUERY WIDTH TYPE]: QUERY (e.g. "f=avif&") comes before w=, and the
# widths run from WIDTH (default 400) up.
check() {
    local name=$1 key=$2 connections=$3 limit=$4 query=${5:-} width=${6:-400} type=${7:-image/jpeg}
    local size expected
    size=$(image_size "$WORK/images/$key" || true)
    expected=$([[ -n $size ]] && expected_size_for_width "$size" "$width" || true)

    start_imgorigin "$RSS_XMX"
    check_response "check $name" "$IMGORIGIN_URL/$key?${query}w=$width" "$type" "$expected" >/dev/null
    local idle_mb
    idle_mb=$(rss_mb "$IMGORIGIN_PID")
    reset_peak_rss "$IMGORIGIN_PID" || log "cannot reset VmHWM; the peak includes start-up"

    local sampled=$WORK/rss-$name.max
    sample_rss "$IMGORIGIN_PID" "$sampled" &
    local sampler=$!
    STARTED_PIDS+=("$sampler")
    log "check $name: $connections connections on $key for ${RSS_DURATION}s"
    local out=$WORK/wrk-$name.out
    run_wrk "$out" "$IMGORIGIN_URL" "/$key?${query}w=" "$width" 200 "${RSS_DURATION}s" 2 "$connections" 1
    touch "$sampled.stop"
    wait "$sampler" || true

    local alive=yes peak sampled_peak ok busy busy_bare other sockets
    kill -0 "$IMGORIGIN_PID" 2>/dev/null || alive=no
    peak=$([[ $alive == yes ]] && peak_rss_mb "$IMGORIGIN_PID" || echo "?")
    sampled_peak=$(cat "$sampled" 2>/dev/null || echo "?")
    read -r ok busy busy_bare other < <(awk -F'[ =]' '/^STATUS / {print $3, $5, $7, $9}' "$out") || true
    sockets=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$out")
    sockets=${sockets:-0}

    [[ $alive == yes ]] || fail "$name: the service died under load (see $WORK/imgorigin.log)"
    [[ ${ok:-0} -gt 0 ]] || fail "$name: no request succeeded"
    [[ ${other:-0} -eq 0 ]] || fail "$name: $other answers were neither 200 nor 503 ($(awk '/^OTHER_STATUSES/ {$1 = ""; print}' "$out"))"
    [[ ${busy_bare:-0} -eq 0 ]] || fail "$name: $busy_bare answers were 503 without Retry-After"
    [[ $sockets -eq 0 ]] || fail "$name: $sockets socket errors (resets or requests over 30s)"
    if [[ $peak != "?" && $peak -gt $limit ]] || [[ $sampled_peak != "?" && $sampled_peak -gt $limit ]]; then
        fail "$name: peak RSS $peak MB (sampled $sampled_peak MB) exceeds $limit MB"
    fi
    local answers=no
    [[ $alive == yes ]] && answers=$(answers_after_load "$key")
    [[ $alive == no || $answers == yes ]] || fail "$name: the service does not answer after the load"

    ROWS+="| $name | $key${query:+ ${query%&}}, $connections concurrent, ${RSS_DURATION}s | ${ok:-0} | ${busy:-0} | $((${other:-0} + ${busy_bare:-0} + sockets)) | $idle_mb | $peak ($sampled_peak sampled) | $limit | $alive / $answers |"$'\n'
    stop_imgorigin
}

main() {
    require_tools curl wrk awk
    find_java
    setup_work_dir
    mkdir -p "$RESULTS_DIR"
    local load_before sources=""
    load_before=$(load_average)
    log "load average before: $load_before (nproc $(nproc))"
    start_s3proxy
    local key note
    for key in photo-12mp.jpg photo-24mp.jpg; do
        note=$(prepare_image "$key")
        upload "$key" "$WORK/images/$key"
        sources+="- \`$key\`: $(image_size "$WORK/images/$key" || echo '?'), $(stat -c %s "$WORK/images/$key") bytes, $note"$'\n'
    done

    [[ " $CHECKS " == *" a "* ]] && check "a (issue 3)" photo-12mp.jpg 4 "$RSS_LIMIT_A_MB"
    [[ " $CHECKS " == *" b "* ]] && check "b (issue 4)" photo-24mp.jpg 24 "$RSS_LIMIT_B_MB"
    [[ " $CHECKS " == *" c "* ]] && check "c (issue 13, AVIF)" photo-12mp.jpg 4 "$RSS_LIMIT_C_MB" "f=avif&" 2000 image/avif

    local report=$RESULTS_DIR/rss.md
    {
        echo "# imgorigin memory under load (-Xmx$RSS_XMX${JAVA_OPTS:+ $JAVA_OPTS})"
        echo
        echo "| check | load | 200 | 503 + Retry-After | other / errors | idle RSS MB | peak RSS MB | max allowed MB | alive / answers after |"
        echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
        printf '%s' "$ROWS"
        echo
        echo "Peak RSS is the kernel's VmHWM, reset after start-up and one checked request, read after the load;"
        echo "\"sampled\" is the highest VmRSS seen every 100 ms. Load: \`wrk -t2 -c<N>\`, widths 400..599 (c: 2000..2199) in turn, so"
        echo "no two requests in flight ask for the same transform. Fresh service per check."
        echo
        echo "Sources:"
        echo
        printf '%s' "$sources"
        echo
        echo "Machine:"
        echo
        machine_info
        echo "- load average before: $load_before; after: $(load_average)"
        echo
        if ((${#FAILURES[@]})); then
            echo "VIOLATIONS:"
            printf -- '- %s\n' "${FAILURES[@]}"
        else
            echo "All checks passed."
        fi
    } >"$report"
    cat "$report"
    log "written to $report"
    ((${#FAILURES[@]} == 0))
}

main "$@"
