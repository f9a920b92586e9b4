# Quotebus node image. Build: docker build -t quotebus .
# Run (whole system on one container): docker run -p 7000:7000 -p 8080:8080 quotebus
# Roles and settings as arguments: docker run quotebus --roles calculator cluster.members=10.0.0.5 ...
# See docs/deploy.md.

# --- build stage: the shaded jar (tests run in CI, not here) ---
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY verticles.conf cluster.xml ./
RUN mvn -B -DskipTests package

# --- runtime stage ---
FROM eclipse-temurin:17-jre
# curl only for the HEALTHCHECK (the JRE image has neither curl nor wget).
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system quotebus && useradd --system --gid quotebus --home-dir /app quotebus \
    && mkdir -p /app /data && chown quotebus:quotebus /data
WORKDIR /app
COPY --from=build /src/target/quotebus.jar /app/quotebus.jar
# Editable copies next to the jar: ./verticles.conf and ./cluster.xml are read from the working directory.
COPY verticles.conf cluster.xml /app/
USER quotebus
# Journal (collector) and history store (calculator); one container per volume (RocksDB locks it).
VOLUME ["/data"]
# 7000 client gateway, 8080 status/health/metrics, 5701 Hazelcast, 9100 built-in simulator feed.
EXPOSE 7000 8080 5701 9100
# In a container every address must be reachable from the other members: bind all interfaces and announce
# the container's address (override QUOTEBUS_CLUSTER_HOST with the host/pod IP when publishing 5701).
ENV QUOTEBUS_DATA_DIR=/data \
    QUOTEBUS_HTTP_HOST=0.0.0.0 \
    QUOTEBUS_SIMULATOR_HOST=0.0.0.0
# /health (= /health/ready) is 200 once every role of the node serves, 503 while it starts, when a role cannot serve
# and during a graceful stop. An orchestrator that restarts unhealthy containers should probe /health/live instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/health || exit 1
# Heap sized from the container limit, fixed and touched at start (AlwaysPreTouch: a few seconds more to start;
# then the kernel never zeroes fresh heap pages under load, which cost 19 % of the CPU at 50k requests/s while
# the heap grew, docs/benchmarks.md). The --add-opens/--add-exports are the ones Hazelcast asks for.
# Extra JVM flags: -e JAVA_TOOL_OPTIONS="-Xmx2g ..." (read by the JVM itself). Exec form: java is PID 1 and
# gets SIGTERM from `docker stop` (graceful stop; give it --stop-timeout > node.shutdown-grace-ms / 1000 + 5).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-XX:InitialRAMPercentage=60", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", \
    "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", \
    "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", \
    "--add-opens", "java.management/sun.management=ALL-UNNAMED", \
    "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED", \
    "-jar", "/app/quotebus.jar"]
CMD ["run"]
