# syntax=docker/dockerfile:1.7
#
# imgorigin container image.
#   docker build -t imgorigin .
#   docker run --rm -p 8080:8080 -p 8081:8081 imgorigin          # serves ./samples
#
# Both stages pin the Ubuntu release (noble, 24.04) rather than following the moving `25-jdk` /
# `25-jre` tags, because the name of the libjpeg-turbo package below depends on the release.

FROM eclipse-temurin:25-jdk-noble AS build
WORKDIR /src
# The JDK image has neither curl, wget nor unzip: the wrapper then fetches Maven's .tar.gz with
# its own Java downloader, and keeps it under ~/.m2/wrapper, inside the cache mount.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/main/ src/main/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package \
    && java -Djarmode=tools -jar target/imgorigin.jar extract --layers --destination /layers

FROM eclipse-temurin:25-jre-noble

# The JPEG fast path loads libturbojpeg.so.0 (libjpeg-turbo's TurboJPEG API). Ubuntu ships it in
# the package `libturbojpeg`; Debian calls the same library `libturbojpeg0` (that is the name
# .ci/run installs on the Debian CI machine). The PNG decoder loads libspng.so.0, which both
# distributions package as `libspng0` (Ubuntu in universe), and libdeflate.so.0 (`libdeflate0`),
# which inflates whole 8-bit images three to four times as fast as the zlib inside libspng. AVIF and
# HEIC go through libheif.so.1 (`libheif1`), which Ubuntu splits from its codecs: the AV1 encoder
# (`libheif-plugin-aomenc`, for AVIF output), the AV1 decoder (`libheif-plugin-dav1d`) and the HEVC
# decoder (`libheif-plugin-libde265`); Debian 12's libheif1 links them itself. JPEG XL is read with
# libjxl.so.0.7 (`libjxl0.7`). Animated WebP is decoded with libwebpdemux.so.2 (`libwebpdemux2`) and
# encoded with libwebpmux.so.3 (`libwebpmux3`), both over libwebp.so.7. Versions are not pinned so a rebuild picks up the release's security updates.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libturbojpeg libspng0 libdeflate0 \
       libheif1 libheif-plugin-aomenc libheif-plugin-dav1d libheif-plugin-libde265 libjxl0.7 \
       libwebpdemux2 libwebpmux3 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 imgorigin \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin imgorigin

WORKDIR /app
# One layer per rate of change: dependencies rarely move, the application on every build.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# The bundled demo images: what `imgorigin.source.type=filesystem` serves when no root is set.
COPY samples/ samples/
COPY deploy/docker/healthcheck.sh /usr/local/bin/imgorigin-healthcheck
COPY deploy/docker/start.sh /usr/local/bin/imgorigin-start

# Files stay owned by root and read-only to the service; it writes only to /tmp. Declaring /tmp a
# volume keeps it writable under `docker run --read-only`, and makes ECS/Fargate copy its 1777
# mode into the task's bind mount (otherwise root-owned 0755, unwritable for this user).
VOLUME ["/tmp"]
USER 10001:10001

EXPOSE 8080 8081

# The JRE image has no curl or wget; the check uses bash's /dev/tcp instead of adding a package.
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
    CMD ["bash", "/usr/local/bin/imgorigin-healthcheck"]

# deploy/docker/start.sh sets the JVM: heap 75% of the memory limit from the start, exit on
# OutOfMemoryError, native access for the codecs, and the vector module when this runtime has it.
ENTRYPOINT ["bash", "/usr/local/bin/imgorigin-start"]
