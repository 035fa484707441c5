# Shared by run.sh and rss.sh: starting S3Proxy, imgorigin and the sharp origin, preparing the test
# images, driving wrk and describing the machine. Sourced, not run.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}
CORPUS=${CORPUS:-$REPO_DIR/../shared/corpus}
IMGORIGIN_JAR=${IMGORIGIN_JAR:-$REPO_DIR/target/imgorigin.jar}
BUCKET=bench
STARTED_PIDS=()
WORK=""

die() {
    echo "FAIL: $*" >&2
    exit 1
}

log() {
    echo "[$(date +%H:%M:%S)] $*" >&2
}

# The service needs Java 25; prefer JAVA_HOME, then the usual Temurin location, then PATH.
find_java() {
    local candidate
    for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "$(command -v java)"; do
        [[ -n $candidate && -x $candidate ]] || continue
        local major
        major=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
        if [[ ${major%%.*} -ge 25 ]]; then
            JAVA=$candidate
            return
        fi
    done
    die "no Java 25 found; set JAVA_HOME"
}

require_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || die "$tool is not installed"
    done
}

setup_work_dir() {
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/imgorigin-bench.XXXXXX")
    trap cleanup EXIT
    trap 'exit 130' INT TERM
}

# Stops what this script started, by process id, and keeps the logs of a failed run.
cleanup() {
    local status=$?
    # A stopped child's wait status must not end the clean-up half way.
    set +e
    local pid
    for pid in "${STARTED_PIDS[@]}"; do
        kill "$pid" 2>/dev/null
    done
    for pid in "${STARTED_PIDS[@]}"; do
        wait "$pid" 2>/dev/null
    done
    if [[ -n $WORK && -d $WORK ]]; then
        if [[ $status -ne 0 || -n ${KEEP_WORK:-} ]]; then
            echo "logs and data kept in $WORK" >&2
        else
            rm -rf "$WORK"
        fi
    fi
    exit "$status"
}

free_port() {
    local port
    # Below the kernel's ephemeral range (32768 up by default): a port there may be the local end of an
    # outgoing connection, which nothing listens on but which still stops a server from binding it.
    while :; do
        port=$((20000 + RANDOM % 12000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
}

# wait_for_http NAME PID URL SECONDS LOG: until URL answers 2xx, failing if the process dies first.
wait_for_http() {
    local name=$1 pid=$2 url=$3 limit=$4 logfile=$5
    local deadline=$((SECONDS + limit))
    while ((SECONDS < deadline)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 40 "$logfile" >&2
            die "$name exited during start-up (log above)"
        fi
        if curl -fs -o /dev/null --max-time 2 "$url"; then
            return
        fi
        sleep 0.3
    done
    tail -n 40 "$logfile" >&2
    die "$name did not answer $url within ${limit}s (log above)"
}

s3proxy_jar() {
    local candidate
    for candidate in "${S3PROXY_JAR:-}" "$REPO_DIR/target/s3proxy/s3proxy.jar" \
        "$HOME/.m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar"; do
        if [[ -n $candidate && -f $candidate ]]; then
            echo "$candidate"
            return
        fi
    done
    die "no S3Proxy jar; run ./mvnw -o -q process-test-resources or set S3PROXY_JAR"
}

# S3Proxy on a filesystem backend without authorisation: the sharp origin reads objects with a plain GET,
# and the AWS SDK in imgorigin signs its requests with dummy keys that S3Proxy then ignores.
start_s3proxy() {
    S3_PORT=$(free_port)
    S3_ENDPOINT=http://127.0.0.1:$S3_PORT
    mkdir -p "$WORK/s3/data"
    cat >"$WORK/s3/s3proxy.properties" <<EOF
s3proxy.endpoint=$S3_ENDPOINT
s3proxy.authorization=none
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$WORK/s3/data
EOF
    "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$(s3proxy_jar)" \
        --properties "$WORK/s3/s3proxy.properties" >"$WORK/s3proxy.log" 2>&1 &
    S3_PID=$!
    STARTED_PIDS+=("$S3_PID")
    local deadline=$((SECONDS + 60))
    until curl -s -o /dev/null --max-time 2 "$S3_ENDPOINT/"; do
        kill -0 "$S3_PID" 2>/dev/null || { tail -n 40 "$WORK/s3proxy.log" >&2; die "S3Proxy exited"; }
        ((SECONDS < deadline)) || die "S3Proxy did not start within 60s"
        sleep 0.3
    done
    curl -fs -o /dev/null -X PUT "$S3_ENDPOINT/$BUCKET" || die "cannot create bucket $BUCKET"
    log "S3Proxy on $S3_ENDPOINT (pid $S3_PID), bucket $BUCKET"
}

upload() {
    local key=$1 file=$2 type
    case $key in
        *.png) type=image/png ;;
        *) type=image/jpeg ;;
    esac
    curl -fs -o /dev/null -X PUT -H "Content-Type: $type" --data-binary "@$file" "$S3_ENDPOINT/$BUCKET/$key" \
        || die "cannot upload $key"
}

# prepare_image KEY: writes $WORK/images/KEY from the corpus, or generates a stand-in of the same kind.
# Prints where the image came from.
prepare_image() {
    local key=$1 out=$WORK/images/$1
    mkdir -p "$WORK/images"
    case $key in
        photo-2.5k.jpg) from_corpus photos/sharp_2569067123_aca715a2ee_o.jpg "$out" \
            || generate_photo 2560x1708 "$out" ;;
        photo-12mp.jpg) from_corpus photos/exif-samples_42_IndexError.jpg "$out" \
            || generate_photo 4032x3024 "$out" ;;
        photo-24mp.jpg) from_corpus photos/bimg_vertical.jpg "$out" \
            || generate_photo 4000x6000 "$out" ;;
        alpha-1.5k.png) alpha_png "$out" ;;
        anim-480x270.gif) animated_gif "$out" ;;
        *) die "unknown image $key" ;;
    esac
}

# 40 frames of 480x270, 50 ms each, looping for ever: a window panning across a fractal plasma, so that
# every frame differs and compresses like video rather than like a flat cartoon.
animated_gif() {
    local out=$1 frames=() i
    require_tools convert
    for ((i = 0; i < 40; i++)); do
        frames+=("(" mpr:base -crop "480x270+$((i * 12))+0" +repage ")")
    done
    convert -seed 11 -size 960x270 plasma:fractal -blur 0x1 -write mpr:base +delete "${frames[@]}" \
        -delay 5 -loop 0 "$out" || die "cannot generate $out"
    echo "generated 40-frame 480x270 plasma pan"
}

from_corpus() {
    local source=$CORPUS/$1
    [[ -f $source ]] || return 1
    cp "$source" "$2"
    echo "corpus $1"
}

# A photograph-like stand-in: a fractal plasma with some noise, so that it compresses like a photo.
generate_photo() {
    local size=$1 out=$2
    require_tools convert
    convert -seed 7 -size "$size" plasma:fractal -blur 0x1 -attenuate 0.3 +noise Gaussian \
        -quality 90 -sampling-factor 2x2 "$out" || die "cannot generate $out"
    echo "generated $size plasma (corpus absent)"
}

# The corpus has no photographic PNG with alpha near 1.5K px, so one is made from its 1488x1486 painting
# with a radial alpha ramp: real picture content, and an alpha channel that varies everywhere.
alpha_png() {
    local out=$1 painting=$CORPUS/photos/image-png_Fantasy_Digital_Painting.png
    require_tools convert
    if [[ -f $painting ]]; then
        convert "$painting" \( -size 1488x1486 radial-gradient:white-black \) -alpha off \
            -compose CopyOpacity -composite "PNG32:$out" || die "cannot make $out"
        echo "corpus photos/image-png_Fantasy_Digital_Painting.png + radial alpha"
    else
        convert -seed 7 -size 1500x1500 plasma:fractal -blur 0x1 \( -size 1500x1500 radial-gradient:white-black \) \
            -alpha off -compose CopyOpacity -composite "PNG32:$out" || die "cannot generate $out"
        echo "generated 1500x1500 plasma + radial alpha (corpus absent)"
    fi
}

image_size() {
    identify -format '%wx%h' "$1[0]" 2>/dev/null
}

# The size imgorigin's contract gives for a width-only resize without enlargement.
expected_size_for_width() {
    local source_size=$1 width=$2
    local sw=${source_size%x*} sh=${source_size#*x}
    ((width > sw)) && width=$sw
    echo "${width}x$(((2 * sh * width + sw) / (2 * sw)))"
}

# $1 is the maximum heap; $2, when given, the initial heap (the container sets it to the maximum).
start_imgorigin() {
    local heap="-Xmx$1"
    [[ -n ${2:-} ]] && heap="-Xms$2 -Xmx$1"
    [[ -f $IMGORIGIN_JAR ]] || die "no imgorigin jar at $IMGORIGIN_JAR; build it with ./mvnw -B -o -q package -DskipTests"
    IMGORIGIN_PORT=$(free_port)
    IMGORIGIN_MANAGEMENT_PORT=$(free_port)
    # shellcheck disable=SC2086 # heap and JAVA_OPTS are lists of options
    AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 \
        "$JAVA" $heap ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector -jar "$IMGORIGIN_JAR" \
        --server.address=127.0.0.1 --server.port="$IMGORIGIN_PORT" \
        --management.server.address=127.0.0.1 --management.server.port="$IMGORIGIN_MANAGEMENT_PORT" \
        --imgorigin.source.type=s3 --imgorigin.source.s3.endpoint="$S3_ENDPOINT" \
        --imgorigin.source.s3.path-style=true --imgorigin.source.s3.bucket="$BUCKET" \
        --imgorigin.source.s3.region=us-east-1 >"$WORK/imgorigin.log" 2>&1 &
    IMGORIGIN_PID=$!
    STARTED_PIDS+=("$IMGORIGIN_PID")
    wait_for_http imgorigin "$IMGORIGIN_PID" \
        "http://127.0.0.1:$IMGORIGIN_MANAGEMENT_PORT/actuator/health/readiness" 120 "$WORK/imgorigin.log"
    IMGORIGIN_URL=http://127.0.0.1:$IMGORIGIN_PORT
    log "imgorigin on $IMGORIGIN_URL (pid $IMGORIGIN_PID, $heap${JAVA_OPTS:+ $JAVA_OPTS})"
}

# Installs the pinned sharp from the lockfile on first use (npm registry only; the libvips binary is an
# npm package too).
ensure_sharp_installed() {
    local dir=$BENCH_DIR/sharp-origin
    if ! (cd "$dir" && node -e "require('sharp')" 2>/dev/null); then
        log "installing sharp into $dir/node_modules"
        (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >&2 || die "npm ci failed in $dir"
    fi
}

start_sharp_origin() {
    require_tools node npm
    ensure_sharp_installed
    SHARP_PORT=$(free_port)
    # MALLOC_ARENA_MAX as sharp's documentation recommends for glibc; UV_THREADPOOL_SIZE and
    # SHARP_CONCURRENCY may be overridden from the environment.
    PORT=$SHARP_PORT S3_ENDPOINT=$S3_ENDPOINT S3_BUCKET=$BUCKET MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
        node "$BENCH_DIR/sharp-origin/server.js" >"$WORK/sharp-origin.log" 2>&1 &
    SHARP_PID=$!
    STARTED_PIDS+=("$SHARP_PID")
    SHARP_URL=http://127.0.0.1:$SHARP_PORT
    local deadline=$((SECONDS + 30))
    until grep -q 'sharp-origin pid' "$WORK/sharp-origin.log" 2>/dev/null; do
        kill -0 "$SHARP_PID" 2>/dev/null || { cat "$WORK/sharp-origin.log" >&2; die "sharp origin exited"; }
        ((SECONDS < deadline)) || die "sharp origin did not start within 30s"
        sleep 0.2
    done
    log "$(head -n 1 "$WORK/sharp-origin.log")"
}

# check_response NAME URL CONTENT_TYPE SIZE: one request must be a 200 image of the expected type and
# size, or the benchmark would be measuring errors. Prints the body's byte count.
check_response() {
    local name=$1 url=$2 want_type=$3 want_size=$4
    local body=$WORK/check.out meta status type
    meta=$(curl -s -o "$body" -w '%{http_code} %{content_type}' --max-time 60 "$url") || die "$name: $url failed"
    status=${meta%% *}
    type=${meta#* }
    [[ $status == 200 ]] || die "$name: $url answered $status: $(head -c 300 "$body")"
    [[ $type == "$want_type"* ]] || die "$name: $url answered Content-Type $type, expected $want_type"
    if command -v identify >/dev/null && [[ -n $want_size ]]; then
        local got
        got=$(image_size "$body") || die "$name: $url returned bytes that identify cannot read"
        [[ $got == "$want_size" ]] || die "$name: $url returned a ${got} image, expected $want_size"
    fi
    stat -c %s "$body"
}

# run_wrk OUT URL PATH WIDTH SPREAD DURATION THREADS CONNECTIONS [COUNT_STATUS]: one wrk run.
run_wrk() {
    local out=$1 url=$2 path=$3 width=$4 spread=$5 duration=$6 threads=$7 connections=$8 count=${9:-0}
    BENCH_PATH=$path BENCH_WIDTH=$width BENCH_SPREAD=$spread BENCH_THREADS=$threads BENCH_COUNT_STATUS=$count \
        wrk -t"$threads" -c"$connections" -d"$duration" --timeout 30s --latency \
        -s "$BENCH_DIR/wrk/vary-width.lua" "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed against $url"; }
}

# Requests wrk completed in a run.
wrk_requests() {
    awk '/ requests in / {print $1}' "$1"
}

# CPU time (user + system, all threads) a live process has used so far, in milliseconds.
cpu_ms() {
    awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); printf "%d\n", ($12 + $13) * 1000 / hz}' "/proc/$1/stat"
}

wrk_requests_per_second() {
    awk '/^Requests\/sec:/ {print $2}' "$1"
}

# Responses other than 2xx/3xx plus socket errors (connect, read, write, timeout), as one number.
wrk_errors() {
    awk '/Non-2xx or 3xx responses:/ {n += $NF}
         /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10}
         END {print n + 0}' "$1"
}

# A latency percentile (50 or 99) in milliseconds.
wrk_latency_ms() {
    awk -v p="$2%" '$1 == p {
        v = $2
        if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v) }
        else if (v ~ /m$/) { sub(/m$/, "", v); v *= 60000 }
        else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 }
        printf "%.1f", v
    }' "$1"
}

median() {
    printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {
        if (NR == 0) exit
        if (NR % 2) printf "%.1f", v[(NR + 1) / 2]
        else printf "%.1f", (v[NR / 2] + v[NR / 2 + 1]) / 2
    }'
}

load_average() {
    awk '{print $1, $2, $3}' /proc/loadavg
}

machine_info() {
    local cpu sharp_versions
    cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
    sharp_versions=$(cd "$BENCH_DIR/sharp-origin" 2>/dev/null \
        && node -e "const v = require('sharp').versions; console.log('sharp ' + v.sharp + ', libvips ' + v.vips)" 2>/dev/null || true)
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- CPU: ${cpu:-unknown}, nproc $(nproc), $(awk '/MemTotal/ {printf "%.1f GB RAM", $2 / 1048576}' /proc/meminfo)"
    echo "- kernel: $(uname -sr)"
    echo "- java: $("$JAVA" -version 2>&1 | head -n 2 | tr '\n' ' ')"
    echo "- imgorigin: $(basename "$IMGORIGIN_JAR"), commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    if command -v node >/dev/null; then
        echo "- node: $(node --version); ${sharp_versions:-sharp not installed}"
    fi
    echo "- wrk: $(wrk --version 2>&1 | head -n 1 | awk '{print $2}')"
}

# Peak resident memory of a process: VmHWM, which reset_peak_rss restarts from the current RSS.
reset_peak_rss() {
    echo 5 >"/proc/$1/clear_refs" 2>/dev/null
}

peak_rss_mb() {
    awk '/^VmHWM:/ {printf "%d", $2 / 1024}' "/proc/$1/status"
}

rss_mb() {
    awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$1/status"
}
