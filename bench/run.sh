#!/usr/bin/env bash
# Side-by-side throughput of imgorigin and a sharp origin, both reading the same originals from S3Proxy.
# See bench/README.md. Writes the table to bench/results/latest.md.
#
#   IMGORIGIN_JAR   the service jar (default target/imgorigin.jar)
#   DURATION        seconds per measured wrk run (default 15)
#   WARMUP          seconds of the warm-up run per origin and scenario (default 20)
#   ROUNDS          measured runs per origin and scenario, alternating origins (default 3)
#   THREADS, CONNECTIONS   wrk's -t and -c (default 2 and 4)
#   SPREAD          consecutive widths cycled through per scenario (default 8)
#   IMGORIGIN_XMX   heap of the service (default 1g); JAVA_OPTS adds JVM options
#   SCENARIOS       which scenarios to run, e.g. "1 3" (default all)
#   ORIGINS         "imgorigin sharp" (default), or one of them to exercise the harness alone
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-20}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-4}
SPREAD=${SPREAD:-8}
IMGORIGIN_XMX=${IMGORIGIN_XMX:-1g}
SCENARIOS=${SCENARIOS:-1 2 3 4 5 6 7}
ORIGINS=${ORIGINS:-imgorigin sharp}

# number | title | key | query before w | width | content type
SCENARIO_TABLE=(
    "1|2.5K JPEG → JPEG w=400|photo-2.5k.jpg|f=jpeg&q=80|400|image/jpeg"
    "2|2.5K JPEG → WebP w=400|photo-2.5k.jpg|f=webp&q=80|400|image/webp"
    "3|12 MP JPEG → JPEG w=1200|photo-12mp.jpg|f=jpeg&q=80|1200|image/jpeg"
    "4|PNG α 1.5K → PNG w=300|alpha-1.5k.png|f=png|300|image/png"
    "5|2.7K JPEG → AVIF w=400|photo-2.5k.jpg|f=avif|400|image/avif"
    "6|animated GIF, 40 frames 480×270 → WebP w=200|anim-480x270.gif|f=webp&q=80|200|image/webp"
    "7|animated GIF, 40 frames 480×270 → GIF w=200|anim-480x270.gif|f=gif|200|image/gif"
)

origin_pid() {
    case $1 in
        imgorigin) echo "$IMGORIGIN_PID" ;;
        sharp) echo "$SHARP_PID" ;;
    esac
}

origin_url() {
    case $1 in
        imgorigin) echo "$IMGORIGIN_URL" ;;
        sharp) echo "$SHARP_URL" ;;
    esac
}

main() {
    require_tools curl wrk awk
    find_java
    setup_work_dir
    mkdir -p "$RESULTS_DIR"
    local load_before
    load_before=$(load_average)
    log "load average before: $load_before (nproc $(nproc))"

    start_s3proxy
    local key sources=""
    for key in photo-2.5k.jpg photo-12mp.jpg alpha-1.5k.png anim-480x270.gif; do
        local origin_note
        origin_note=$(prepare_image "$key")
        upload "$key" "$WORK/images/$key"
        sources+="- \`$key\`: $(image_size "$WORK/images/$key" || echo '?'), $(stat -c %s "$WORK/images/$key") bytes, $origin_note"$'\n'
    done

    local origin
    for origin in $ORIGINS; do
        case $origin in
            imgorigin) start_imgorigin "$IMGORIGIN_XMX" "$IMGORIGIN_XMX" ;;
            sharp) start_sharp_origin ;;
            *) die "unknown origin $origin" ;;
        esac
    done

    local rows="" latency_rows="" size_rows="" cpu_rows="" raw=""
    local entry
    for entry in "${SCENARIO_TABLE[@]}"; do
        local number title key query width type
        IFS='|' read -r number title key query width type <<<"$entry"
        [[ " $SCENARIOS " == *" $number "* ]] || continue
        local path="/$key?$query&w="
        local expected=""
        if command -v identify >/dev/null; then
            expected=$(expected_size_for_width "$(image_size "$WORK/images/$key")" "$width")
        fi

        local -A bytes=() rps=() p50=() p99=() cpu=() store_cpu=()
        for origin in $ORIGINS; do
            bytes[$origin]=$(check_response "$origin" "$(origin_url "$origin")$path$width" "$type" "$expected")
        done
        size_rows+="| $number. $title | ${expected:-?} | ${bytes[imgorigin]:-–} | ${bytes[sharp]:-–} |"$'\n'

        for origin in $ORIGINS; do
            log "scenario $number, $origin: warm-up ${WARMUP}s"
            run_wrk "$WORK/warmup.out" "$(origin_url "$origin")" "$path" "$width" "$SPREAD" "${WARMUP}s" \
                "$THREADS" "$CONNECTIONS"
            expect_no_errors "$WORK/warmup.out" "$origin" "$number"
        done
        local round
        for ((round = 1; round <= ROUNDS; round++)); do
            for origin in $ORIGINS; do
                local out=$WORK/s$number-$origin-$round.out pid cpu_before store_before requests
                pid=$(origin_pid "$origin")
                cpu_before=$(cpu_ms "$pid")
                store_before=$(cpu_ms "$S3_PID")
                run_wrk "$out" "$(origin_url "$origin")" "$path" "$width" "$SPREAD" "${DURATION}s" \
                    "$THREADS" "$CONNECTIONS"
                expect_no_errors "$out" "$origin" "$number"
                requests=$(wrk_requests "$out")
                cpu[$origin]+="$(awk -v a="$cpu_before" -v b="$(cpu_ms "$pid")" -v n="$requests" \
                    'BEGIN {printf "%.1f", (b - a) / n}') "
                store_cpu[$origin]+="$(awk -v a="$store_before" -v b="$(cpu_ms "$S3_PID")" -v n="$requests" \
                    'BEGIN {printf "%.1f", (b - a) / n}') "
                rps[$origin]+="$(wrk_requests_per_second "$out") "
                p50[$origin]+="$(wrk_latency_ms "$out" 50) "
                p99[$origin]+="$(wrk_latency_ms "$out" 99) "
                log "scenario $number, $origin, round $round: $(wrk_requests_per_second "$out") req/s"
            done
        done

        local -A median_rps=() median_p50=() median_p99=() median_cpu=() median_store=()
        for origin in $ORIGINS; do
            # shellcheck disable=SC2086 # one value per round
            median_rps[$origin]=$(median ${rps[$origin]})
            # shellcheck disable=SC2086
            median_p50[$origin]=$(median ${p50[$origin]})
            # shellcheck disable=SC2086
            median_p99[$origin]=$(median ${p99[$origin]})
            # shellcheck disable=SC2086
            median_cpu[$origin]=$(median ${cpu[$origin]})
            # shellcheck disable=SC2086
            median_store[$origin]=$(median ${store_cpu[$origin]})
            raw+="| $number | $origin | ${rps[$origin]% } |"$'\n'
        done
        local ratio="–"
        if [[ -n ${median_rps[imgorigin]:-} && -n ${median_rps[sharp]:-} ]]; then
            ratio=$(awk -v a="${median_rps[imgorigin]}" -v b="${median_rps[sharp]}" 'BEGIN {printf "%.2f×", a / b}')
        fi
        rows+="| $number. $title | ${median_rps[imgorigin]:-–} | ${median_rps[sharp]:-–} | $ratio |"$'\n'
        cpu_rows+="| $number. $title | ${median_cpu[imgorigin]:-–} | ${median_cpu[sharp]:-–} | ${median_store[imgorigin]:-–} / ${median_store[sharp]:-–} |"$'\n'
        latency_rows+="| $number. $title | ${median_p50[imgorigin]:-–} / ${median_p99[imgorigin]:-–} | ${median_p50[sharp]:-–} / ${median_p99[sharp]:-–} |"$'\n'
    done

    local report=$RESULTS_DIR/latest.md
    {
        echo "# imgorigin vs sharp: whole-service throughput"
        echo
        echo "| scenario | imgorigin req/s | sharp req/s | ratio |"
        echo "|---|---:|---:|---:|"
        printf '%s' "$rows"
        echo
        echo "Median of $ROUNDS alternating rounds of \`wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s\` per origin,"
        echo "after a ${WARMUP}s warm-up run of each. Ratio = imgorigin / sharp (above 1: imgorigin is faster)."
        echo "No request failed: every run had zero non-2xx answers and zero socket errors."
        echo
        echo "Every request is a full fetch from S3Proxy, decode, resize and encode: neither origin caches results."
        echo "Each request asks for one of $SPREAD consecutive widths starting at the scenario's width, so requests in"
        echo "flight together never ask for the same transform and imgorigin's coalescing of identical concurrent"
        echo "requests cannot share work; the widths differ by a few pixels, so the work per request is the same."
        echo
        echo "Latency, median round, p50 / p99 in ms:"
        echo
        echo "| scenario | imgorigin | sharp |"
        echo "|---|---:|---:|"
        printf '%s' "$latency_rows"
        echo
        echo "CPU time per request, median round, in ms: the origin process (all its threads: HTTP, fetch, image"
        echo "work, and for imgorigin the JIT and garbage collector) and S3Proxy serving the original to it:"
        echo
        echo "| scenario | imgorigin | sharp | S3Proxy (for imgorigin / for sharp) |"
        echo "|---|---:|---:|---:|"
        printf '%s' "$cpu_rows"
        echo
        echo "Output checked before measuring (status 200, content type, size via identify); bytes of that answer:"
        echo
        echo "| scenario | size | imgorigin bytes | sharp bytes |"
        echo "|---|---|---:|---:|"
        printf '%s' "$size_rows"
        echo
        echo "Requests per second of every round:"
        echo
        echo "| scenario | origin | rounds |"
        echo "|---|---|---|"
        printf '%s' "$raw"
        echo
        echo "Sources (uploaded to S3Proxy with the filesystem backend, on the same machine):"
        echo
        printf '%s' "$sources"
        echo
        echo "Settings: imgorigin \`-Xms$IMGORIGIN_XMX -Xmx$IMGORIGIN_XMX${JAVA_OPTS:+ $JAVA_OPTS}\`; sharp origin: one Node process, $(sed -n 's/.*(\(.*\))$/\1/p' "$WORK/sharp-origin.log" 2>/dev/null | head -n 1), MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2};"
        echo "the sharp origin encodes JPEG progressive without mozjpeg, WebP at effort 4, PNG and GIF with sharp's defaults,"
        echo "AVIF without q at sharp's defaults (quality 50, effort 4; imgorigin's AVIF without q is at its own defaults),"
        echo "and opens every original with \`{animated: true}\` so that an animation keeps all its frames."
        echo "wrk, S3Proxy and both origins share the machine."
        echo
        echo "Machine:"
        echo
        machine_info
        echo "- load average before: $load_before; after: $(load_average)"
    } >"$report"
    cat "$report"
    log "written to $report"
}

expect_no_errors() {
    local out=$1 origin=$2 number=$3 errors
    errors=$(wrk_errors "$out")
    if [[ $errors -ne 0 ]]; then
        cat "$out" >&2
        die "scenario $number: $origin had $errors failed requests (non-2xx or socket errors)"
    fi
    [[ -n $(wrk_requests_per_second "$out") ]] || { cat "$out" >&2; die "cannot read wrk's output"; }
}

main "$@"
