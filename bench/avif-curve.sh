#!/usr/bin/env bash
# The AVIF speed/size/quality curve behind imgorigin's AVIF defaults (bench/README.md, "AVIF encoder speed"):
# for each libaom speed and quality, the encode time (median of ROUNDS), bytes and PSNR of "2.7K JPEG → AVIF
# w=400" through the service's pipeline, against a full decode resized with a plain Lanczos3; and sharp's
# avif() at its defaults (quality 50, effort 4) on the same photo, measured the same way, in the same run.
#
#   SPEEDS      libaom speeds (default 4,5,6,7,8,9)
#   QUALITIES   AVIF qualities (default: the service's default, read from options/FormatProperties)
#   ROUNDS      timed encodes per row, after one untimed (default 9)
#   WIDTH       output width (default 400)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SPEEDS=${SPEEDS:-4,5,6,7,8,9}
WIDTH=${WIDTH:-400}
ROUNDS=${ROUNDS:-9}
DEFAULT_QUALITY=$(sed -n 's/.*int AVIF_DEFAULT = \([0-9]*\);.*/\1/p' "$REPO_DIR/src/main/java/io/imgorigin/options/FormatProperties.java")
DEFAULT_SPEED=$(sed -n 's/.*@DefaultValue("\([0-9]\)") int speed.*/\1/p' "$REPO_DIR/src/main/java/io/imgorigin/options/AvifSettings.java")
QUALITIES=${QUALITIES:-$DEFAULT_QUALITY}

main() {
    require_tools node npm
    find_java
    setup_work_dir
    mkdir -p "$RESULTS_DIR"
    local load_before note
    load_before=$(load_average)
    log "load average before: $load_before (nproc $(nproc))"
    note=$(prepare_image photo-2.5k.jpg)
    local photo=$WORK/images/photo-2.5k.jpg

    ensure_sharp_installed
    log "sharp: avif() at its defaults, $ROUNDS timed encodes"
    local sharp_json
    sharp_json=$(node "$BENCH_DIR/sharp-origin/avif-sample.js" "$photo" "$WIDTH" "$WORK/sharp.avif" "$ROUNDS") \
        || die "sharp could not encode the photo"

    if [[ ! -f $REPO_DIR/target/cp.txt || ! -d $REPO_DIR/target/test-classes ]]; then
        log "compiling the tests and writing target/cp.txt"
        (cd "$REPO_DIR" && ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
            -Dmdep.includeScope=test) >&2 || die "cannot compile the tests"
    fi
    log "imgorigin: speeds $SPEEDS, qualities $QUALITIES, $ROUNDS timed encodes per row"
    local table
    table=$("$JAVA" --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector \
        -cp "$REPO_DIR/target/test-classes:$REPO_DIR/target/classes:$(cat "$REPO_DIR/target/cp.txt")" \
        io.imgorigin.processing.resize.AvifSpeedCurve "$photo" "$WIDTH" "$SPEEDS" "$QUALITIES" "$ROUNDS" \
        "$WORK/sharp.avif" 2>"$WORK/curve.err") || { cat "$WORK/curve.err" >&2; die "the curve failed"; }

    local report=$RESULTS_DIR/avif-curve.md
    {
        echo "# AVIF: speed, size and PSNR of 2.7K JPEG → AVIF w=$WIDTH"
        echo
        printf '%s\n' "$table"
        echo
        echo "imgorigin's defaults at this commit: speed $DEFAULT_SPEED, quality $DEFAULT_QUALITY."
        echo "Encode: libheif + libaom on the service's resized pixels, one thread; pipeline: decode, resize and"
        echo "encode of the JPEG, as one request does it. \"other\" is sharp's avif() at its defaults:"
        echo "\`$sharp_json\`"
        echo "(its medianMs: encode of the resized pixels on one libvips thread)."
        echo "PSNR over RGB against a full libjpeg-turbo decode resized with a plain Lanczos3."
        echo
        echo "Source: \`photo-2.5k.jpg\`: $(image_size "$photo" 2>/dev/null || echo '?'), $note"
        echo
        echo "Machine:"
        echo
        machine_info
        echo "- load average before: $load_before; after: $(load_average)"
    } >"$report"
    cat "$report"
    log "written to $report"
}

main "$@"
