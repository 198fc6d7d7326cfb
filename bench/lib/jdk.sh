# Finds a JDK 25 or newer for bench/run (a small fallback until the shared scripts/lib/jdk.sh exists).
# Usage: . bench/lib/jdk.sh; home=$(bench_find_jdk) || exit 1

bench_jdk_feature() {  # prints the feature release of the java at $1/bin/java, e.g. 25
    "$1/bin/java" -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

bench_find_jdk() {
    local candidate feature
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        feature=$(bench_jdk_feature "$candidate")
        if [ -n "$feature" ] && [ "$feature" -ge 25 ]; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    echo "bench: no JDK 25 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
    return 1
}
