#!/usr/bin/env bash
# Soak: SOAK_MINUTES (10) of a mixed workload against one imgorigin process, reading the shared corpus from
# S3Proxy (or from a copy of it in a temporary folder), at SOAK_CONCURRENCY (8) requests in flight.
#
# The workload, per request: 70 % an image that decodes, in a random output format (jpeg, png, webp, or auto
# with and without image/webp in Accept), 100-2000 px wide, sometimes with a height, a fit and a quality;
# 20 % a conditional repeat of an earlier answer (If-None-Match, or If-Modified-Since), which must be 304;
# 5 % a file the MANIFEST says must be refused (unsupported formats, decompression bombs), which must be a
# 4xx, or that the service refuses (formats it does not read, a source over max-source-pixels; a
# calibration pass sends every file once first, uncounted, and lists these), which must stay refused; 5 % a
# file of the broken category, which may be a 4xx or an image (the MANIFEST allows both).
#
# Every minute it prints the requests, their statuses, p50/p99 latency and the service's RSS. At the end it
# checks, and exits non-zero when one fails:
#   - no status other than 200, 304, 4xx for the files that must be refused or are broken, and 503 with
#     Retry-After;
#   - every conditional repeat answered 304 (the ETag of an unchanged original never moves);
#   - RSS in every minute after the second within SOAK_RSS_GROWTH_PCT (5) % of minute 2's: RSS is sampled
#     every 2 s, a minute's figure is the median of its samples (its peak is printed beside it), since a
#     single sample swings by tens of MB with the large images being decoded at that moment;
#   - the service still ready afterwards, and no ERROR line or stack trace in its log.
#
#   IMGORIGIN_JAR      the service jar (default target/imgorigin.jar; built with ./mvnw -o package when absent)
#   SOAK_MINUTES       minutes of load (default 10)
#   SOAK_CONCURRENCY   requests in flight (default 8)
#   SOAK_SOURCE        s3 (default: S3Proxy) or filesystem (a copy of the corpus in the temporary folder)
#   SOAK_XMX           heap of the service, initial = maximum as in the container (default 1g); JAVA_OPTS adds
#                      JVM options. The heap is touched in full at start (-XX:+AlwaysPreTouch), so that RSS is
#                      all of it from the first minute and its growth afterwards is what is not the heap
#                      (native codecs, metaspace, code cache, thread stacks, direct buffers)
#   SOAK_SEED          seed of the workload's random choices (default 1)
#   CORPUS             the corpus folder (default ../shared/corpus); KEEP_WORK=1 keeps the logs
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SOAK_MINUTES=${SOAK_MINUTES:-10}
SOAK_CONCURRENCY=${SOAK_CONCURRENCY:-8}
SOAK_SOURCE=${SOAK_SOURCE:-s3}
SOAK_XMX=${SOAK_XMX:-1g}
SOAK_SEED=${SOAK_SEED:-1}
SOAK_RSS_GROWTH_PCT=${SOAK_RSS_GROWTH_PCT:-5}

ensure_jar() {
    [[ -f $IMGORIGIN_JAR ]] && return
    log "no jar at $IMGORIGIN_JAR: building it"
    (cd "$REPO_DIR" && ./mvnw -B -o -q package -DskipTests) >&2 || die "the build failed"
    [[ -f $IMGORIGIN_JAR ]] || die "the build made no $IMGORIGIN_JAR"
}

# The corpus files the workload draws from, one "key<TAB>kind" per line: kind is "refuse" for the files
# the MANIFEST says must be refused (unsupported formats; bombs but the large valid one), "broken" for
# the broken category, "ok" for the rest.
corpus_keys() {
    awk -F'\t' '
        /^#/ || $1 == "file" || NF < 8 { next }
        {
            kind = "ok"
            if ($8 ~ /^UNSUPPORTED/ || ($7 == "bombs" && $8 !~ /^large but valid/)) kind = "refuse"
            else if ($7 == "broken") kind = "broken"
            print $1 "\t" kind
        }' "$CORPUS/MANIFEST.tsv"
}

put_corpus() {
    local key kind count=0
    while IFS=$'\t' read -r key kind; do
        [[ -f $CORPUS/$key ]] || die "the MANIFEST lists $key, which is not in $CORPUS"
        case $SOAK_SOURCE in
            s3) upload "$key" "$CORPUS/$key" ;;
            filesystem) mkdir -p "$WORK/corpus/$(dirname "$key")" && cp "$CORPUS/$key" "$WORK/corpus/$key" ;;
        esac
        count=$((count + 1))
    done <"$WORK/keys.tsv"
    log "$count corpus files in the $SOAK_SOURCE source"
}

start_service() {
    local source_args
    case $SOAK_SOURCE in
        s3) source_args=(--imgorigin.source.type=s3 --imgorigin.source.s3.endpoint="$S3_ENDPOINT"
                --imgorigin.source.s3.path-style=true --imgorigin.source.s3.bucket="$BUCKET"
                --imgorigin.source.s3.region=us-east-1) ;;
        filesystem) source_args=(--imgorigin.source.type=filesystem --imgorigin.source.filesystem.root="$WORK/corpus") ;;
        *) die "SOAK_SOURCE must be s3 or filesystem, not $SOAK_SOURCE" ;;
    esac
    IMGORIGIN_PORT=$(free_port)
    IMGORIGIN_MANAGEMENT_PORT=$(free_port)
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    AWS_ACCESS_KEY_ID=soak AWS_SECRET_ACCESS_KEY=soak AWS_REGION=us-east-1 \
        "$JAVA" -Xms"$SOAK_XMX" -Xmx"$SOAK_XMX" -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} \
        --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector -jar "$IMGORIGIN_JAR" \
        --server.address=127.0.0.1 --server.port="$IMGORIGIN_PORT" \
        --management.server.address=127.0.0.1 --management.server.port="$IMGORIGIN_MANAGEMENT_PORT" \
        --logging.level.imgorigin.request=warn "${source_args[@]}" >"$WORK/imgorigin.log" 2>&1 &
    IMGORIGIN_PID=$!
    STARTED_PIDS+=("$IMGORIGIN_PID")
    wait_for_http imgorigin "$IMGORIGIN_PID" \
        "http://127.0.0.1:$IMGORIGIN_MANAGEMENT_PORT/actuator/health/readiness" 180 "$WORK/imgorigin.log"
    IMGORIGIN_URL=http://127.0.0.1:$IMGORIGIN_PORT
    log "imgorigin on $IMGORIGIN_URL (pid $IMGORIGIN_PID, -Xmx$SOAK_XMX, source $SOAK_SOURCE)"
}

# The load driver: a single-file Java program, run by the source launcher.
write_driver() {
    cat >"$WORK/Soak.java" <<'JAVA'
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** args: base URL, service pid, keys file, minutes, concurrency, seed, RSS growth limit in percent. */
public class Soak {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    static final String[] FORMATS = {"jpeg", "png", "webp", "auto"};
    static final String[] FITS = {"cover", "contain", "inside", "fill"};
    static final int MAX_VIOLATIONS_SHOWN = 20;

    record Conditional(String url, String accept, String etag, String lastModified) {
    }

    /** One minute's answers. */
    static final class Minute {
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final List<Long> micros = new ArrayList<>();

        synchronized void add(int status, long micros) {
            statuses.merge(status, 1, Integer::sum);
            this.micros.add(micros);
        }
    }

    static String base;
    static long pid;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final List<String> good = new ArrayList<>();
    static final List<String> refused = new ArrayList<>();
    static final List<String> broken = new ArrayList<>();
    static final List<String> refusedByService = new ArrayList<>();
    static final List<String> violations = new CopyOnWriteArrayList<>();
    static final AtomicLong violationCount = new AtomicLong();
    static final List<Conditional> seen = Collections.synchronizedList(new ArrayList<>());
    static final Map<String, Boolean> seenUrls = new ConcurrentHashMap<>();
    static final AtomicLong conditionals = new AtomicLong();

    public static void main(String[] args) throws Exception {
        base = args[0];
        pid = Long.parseLong(args[1]);
        List<String[]> keys = Files.readAllLines(Path.of(args[2])).stream().map(l -> l.split("\t")).toList();
        int minutes = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        long seed = Long.parseLong(args[5]);
        double growthLimit = Double.parseDouble(args[6]);

        calibrate(keys);
        System.out.printf("calibration: %d files that decode, %d that must be refused (%d of them because the service"
                + " does not read them), %d broken%n", good.size(), refused.size(), refusedByService.size(), broken.size());
        refusedByService.forEach(e -> System.out.println("  refused, though the MANIFEST expects an image: " + e));
        if (good.isEmpty() || refused.isEmpty() || broken.isEmpty()) {
            throw new IllegalStateException("the corpus gave no files for one of the groups");
        }

        Minute[] perMinute = new Minute[minutes];
        for (int i = 0; i < minutes; i++) {
            perMinute[i] = new Minute();
        }
        long start = System.nanoTime();
        long end = start + Duration.ofMinutes(minutes).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            SplittableRandom random = new SplittableRandom(seed * 1000 + w);
            workers.add(Thread.ofPlatform().name("soak-" + w).start(() -> {
                while (System.nanoTime() < end) {
                    long began = System.nanoTime();
                    int status = oneRequest(random);
                    long done = System.nanoTime();
                    int minute = (int) ((done - start) / 60_000_000_000L);
                    perMinute[Math.min(minute, minutes - 1)].add(status, (done - began) / 1000);
                }
            }));
        }

        System.out.printf("%6s %8s %7s  %-44s %8s %8s %8s %9s%n", "minute", "requests", "req/s", "statuses", "p50 ms",
                "p99 ms", "RSS MB", "peak MB");
        // RSS every 2 s; a minute's level is the median of its samples, so that one sample taken while
        // a few large images are decoded (tens of MB for a moment) does not stand for the whole minute.
        List<List<Long>> samples = new ArrayList<>();
        for (int i = 0; i < minutes; i++) {
            samples.add(Collections.synchronizedList(new ArrayList<>()));
        }
        Thread sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            while (true) {
                int m = (int) ((System.nanoTime() - start) / 60_000_000_000L);
                if (m >= minutes) {
                    return;
                }
                samples.get(m).add(rssMb());
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long[] rss = new long[minutes];
        long[] peak = new long[minutes];
        for (int m = 0; m < minutes; m++) {
            long boundary = start + Duration.ofMinutes(m + 1).toNanos();
            long wait;
            while ((wait = boundary - System.nanoTime()) > 0) {
                Thread.sleep(Math.max(1, wait / 1_000_000));
            }
            // Requests still running at the boundary are counted in the minute they finish in (the last
            // minute takes the stragglers).
            List<Long> taken = new ArrayList<>(samples.get(m));
            taken.add(rssMb());
            Collections.sort(taken);
            rss[m] = taken.get(taken.size() / 2);
            peak[m] = taken.getLast();
            Minute minute = perMinute[m];
            synchronized (minute) {
                List<Long> sorted = new ArrayList<>(minute.micros);
                Collections.sort(sorted);
                StringBuilder statuses = new StringBuilder();
                minute.statuses.forEach((s, n) -> statuses.append(s).append(':').append(n).append(' '));
                System.out.printf("%6d %8d %7.1f  %-44s %8.1f %8.1f %8d %9d%n", m + 1, sorted.size(), sorted.size() / 60.0,
                        statuses.toString().trim(), percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0, rss[m],
                        peak[m]);
            }
        }
        for (Thread worker : workers) {
            worker.join(REQUEST_TIMEOUT.plusSeconds(10).toMillis());
        }
        sampler.interrupt();

        Map<Integer, Integer> total = new TreeMap<>();
        List<Long> all = new ArrayList<>();
        for (Minute minute : perMinute) {
            synchronized (minute) {
                minute.statuses.forEach((s, n) -> total.merge(s, n, Integer::sum));
                all.addAll(minute.micros);
            }
        }
        Collections.sort(all);
        System.out.printf("total: %d requests, statuses %s, p50 %.1f ms, p99 %.1f ms, %d conditional repeats%n",
                all.size(), total, percentile(all, 50) / 1000.0, percentile(all, 99) / 1000.0, conditionals.get());

        boolean ok = true;
        if (violationCount.get() > 0) {
            ok = false;
            System.out.println("VIOLATIONS: " + violationCount.get() + " answers outside the contract, e.g.:");
            violations.forEach(v -> System.out.println("  " + v));
        }
        if (minutes >= 3) {
            long reference = rss[1];
            long highest = 0;
            for (int m = 2; m < minutes; m++) {
                highest = Math.max(highest, rss[m]);
            }
            double growth = 100.0 * (highest - reference) / reference;
            System.out.printf("RSS: %d MB in minute 2, at most %d MB in a later minute (%+.1f %%, limit %.0f %%);"
                    + " peak %d MB in minute 2, %d MB after it (medians and peaks of samples every 2 s)%n", reference,
                    highest, growth, growthLimit, peak[1], Arrays.stream(peak, 2, minutes).max().orElse(0));
            if (growth >= growthLimit) {
                ok = false;
                System.out.println("VIOLATION: RSS grew by " + String.format("%.1f", growth) + " % after minute 2");
            }
        }
        System.out.println(ok ? "SOAK PASSED" : "SOAK FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** Sends every file once and sorts it into a group by the answer and what the MANIFEST expects. */
    static void calibrate(List<String[]> keys) throws Exception {
        for (String[] entry : keys) {
            String key = entry[0];
            String kind = entry[1];
            HttpResponse<byte[]> response = send(url(key, "w=200"), "image/webp,*/*", null, null);
            int status = response.statusCode();
            boolean clientError = status >= 400 && status < 500;
            switch (kind) {
                case "refuse" -> {
                    if (clientError) {
                        refused.add(key);
                    } else {
                        violation("calibration: " + key + " must be refused, answered " + status);
                    }
                }
                case "broken" -> {
                    broken.add(key);
                    if (status != 200 && !clientError) {
                        violation("calibration: " + key + " answered " + status);
                    }
                }
                default -> {
                    if (status == 200) {
                        good.add(key);
                    } else if (clientError) {
                        refused.add(key);
                        refusedByService.add(key + " (" + status + ")");
                    } else {
                        violation("calibration: " + key + " answered " + status);
                    }
                }
            }
        }
    }

    /** One request of the mix; its status (0 for no answer at all). */
    static int oneRequest(SplittableRandom random) {
        int roll = random.nextInt(100);
        try {
            if (roll < 20 && !seen.isEmpty()) {
                return conditional(random);
            }
            if (roll < 30) {
                boolean mustRefuse = roll < 25;
                List<String> group = mustRefuse ? refused : broken;
                String url = url(group.get(random.nextInt(group.size())), options(random));
                HttpResponse<byte[]> response = send(url, "image/*", null, null);
                int status = response.statusCode();
                boolean allowed = (status >= 400 && status < 500) || (!mustRefuse && status == 200);
                if (!allowed && !overloadedProperly(response)) {
                    violation(url + (mustRefuse ? " must be refused" : " (broken)") + ", answered " + status);
                }
                return status;
            }
            String key = good.get(random.nextInt(good.size()));
            String accept = random.nextBoolean() ? "image/avif,image/webp,image/*,*/*;q=0.8" : "image/*";
            String url = url(key, options(random));
            HttpResponse<byte[]> response = send(url, accept, null, null);
            int status = response.statusCode();
            if (status == 200) {
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (!type.startsWith("image/") || response.body().length == 0) {
                    violation(url + " answered 200 with " + type + ", " + response.body().length + " bytes");
                }
                remember(url, accept, response);
            } else if (!overloadedProperly(response)) {
                violation(url + " answered " + status + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return status;
        } catch (IOException | InterruptedException e) {
            violation("no answer: " + e);
            return 0;
        }
    }

    static int conditional(SplittableRandom random) throws IOException, InterruptedException {
        Conditional earlier = seen.get(random.nextInt(seen.size()));
        boolean byDate = random.nextInt(4) == 0 && earlier.lastModified() != null;
        HttpResponse<byte[]> response = byDate
                ? send(earlier.url(), earlier.accept(), null, earlier.lastModified())
                : send(earlier.url(), earlier.accept(), earlier.etag(), null);
        conditionals.incrementAndGet();
        int status = response.statusCode();
        if (status != 304 && !overloadedProperly(response)) {
            violation((byDate ? "If-Modified-Since " : "If-None-Match ") + earlier.url() + " answered " + status);
        }
        return status;
    }

    static void remember(String url, String accept, HttpResponse<byte[]> response) {
        String etag = response.headers().firstValue("ETag").orElse(null);
        if (etag == null) {
            violation(url + ": 200 without an ETag");
            return;
        }
        if (seen.size() < 5000 && seenUrls.putIfAbsent(url + "|" + accept, Boolean.TRUE) == null) {
            seen.add(new Conditional(url, accept, etag, response.headers().firstValue("Last-Modified").orElse(null)));
        }
    }

    /** A 503 is part of the contract when it says when to come back. */
    static boolean overloadedProperly(HttpResponse<?> response) {
        if (response.statusCode() != 503) {
            return false;
        }
        return response.headers().firstValue("Retry-After").isPresent();
    }

    static String options(SplittableRandom random) {
        StringBuilder query = new StringBuilder("w=").append(100 + random.nextInt(1901));
        if (random.nextInt(10) < 3) {
            query.append("&h=").append(100 + random.nextInt(1901)).append("&fit=").append(FITS[random.nextInt(FITS.length)]);
        }
        query.append("&f=").append(FORMATS[random.nextInt(FORMATS.length)]);
        if (random.nextInt(10) < 3) {
            query.append("&q=").append(40 + random.nextInt(56));
        }
        return query.toString();
    }

    static String url(String key, String query) {
        StringBuilder path = new StringBuilder();
        for (String segment : key.split("/")) {
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return base + path + "?" + query;
    }

    static HttpResponse<byte[]> send(String url, String accept, String ifNoneMatch, String ifModifiedSince)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).header("Accept", accept);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (ifModifiedSince != null) {
            request.header("If-Modified-Since", ifModifiedSince);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static void violation(String what) {
        if (violationCount.incrementAndGet() <= MAX_VIOLATIONS_SHOWN) {
            violations.add(what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // The process is gone: reported as 0, and the health check below says why.
        }
        return 0;
    }
}
JAVA
}

main() {
    require_tools curl awk
    find_java
    [[ -f $CORPUS/MANIFEST.tsv ]] || die "no corpus at $CORPUS (set CORPUS)"
    ((SOAK_MINUTES >= 1)) || die "SOAK_MINUTES must be at least 1"
    ensure_jar
    setup_work_dir
    corpus_keys >"$WORK/keys.tsv"
    if [[ $SOAK_SOURCE == s3 ]]; then
        start_s3proxy
    fi
    put_corpus
    start_service
    write_driver
    log "soak: $SOAK_MINUTES min at $SOAK_CONCURRENCY in flight, seed $SOAK_SEED; load average $(load_average) (nproc $(nproc))"
    local status=0
    "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "$WORK/Soak.java" "$IMGORIGIN_URL" "$IMGORIGIN_PID" \
        "$WORK/keys.tsv" "$SOAK_MINUTES" "$SOAK_CONCURRENCY" "$SOAK_SEED" "$SOAK_RSS_GROWTH_PCT" || status=$?

    local errors traces
    if curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$IMGORIGIN_MANAGEMENT_PORT/actuator/health/readiness"; then
        echo "service: still ready after the soak"
    else
        echo "VIOLATION: the service is not ready after the soak"
        status=1
    fi
    errors=$(grep -c ' ERROR ' "$WORK/imgorigin.log" || true)
    traces=$(grep -c $'^\tat ' "$WORK/imgorigin.log" || true)
    echo "service log: $errors ERROR lines, $traces stack trace lines, $(grep -c ' WARN ' "$WORK/imgorigin.log" || true) WARN lines"
    if ((errors > 0 || traces > 0)); then
        grep -m 5 -A 3 ' ERROR ' "$WORK/imgorigin.log" || true
        status=1
    fi
    echo "machine: $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), nproc $(nproc); java $("$JAVA" -version 2>&1 | head -n 1); commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    return "$status"
}

main "$@"
