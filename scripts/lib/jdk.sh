# shellcheck shell=bash
# Finds a JDK that can build and run Gatehouse. Sourced by ./gatehouse, scripts/test and .ci/run.
#
#   . scripts/lib/jdk.sh
#   jdk=$(gatehouse_find_jdk) || { echo "gatehouse: $(gatehouse_jdk_missing)" >&2; exit 1; }
#
# Order: $JAVA_HOME when it is new enough, else the newest one under /usr/lib/jvm
# ($GATEHOUSE_JVM_DIR overrides that directory, for tests).

GATEHOUSE_MIN_JAVA=25

# Prints the feature version (25, 26, ...) of the JDK at $1; fails if $1 is no JDK (javac is needed
# to build, so a bare JRE does not count).
gatehouse_jdk_major() {
    local home=$1 version=""
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
    if [ -r "$home/release" ]; then
        # The release file says it without starting a JVM: JAVA_VERSION="25.0.3"
        version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
    fi
    if [ -z "$version" ]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    version=${version#1.}          # 1.8.0_402 -> 8.0_402
    version=${version%%[!0-9]*}    # 25.0.3 -> 25, 26-ea -> 26
    [ -n "$version" ] || return 1
    echo "$version"
}

# Prints the home of a JDK >= 25, or fails printing nothing.
gatehouse_find_jdk() {
    local home major best="" best_major=0
    if [ -n "${JAVA_HOME:-}" ] && major=$(gatehouse_jdk_major "$JAVA_HOME") && [ "$major" -ge "$GATEHOUSE_MIN_JAVA" ]; then
        echo "$JAVA_HOME"
        return 0
    fi
    for home in "${GATEHOUSE_JVM_DIR:-/usr/lib/jvm}"/*; do
        [ -d "$home" ] || continue
        major=$(gatehouse_jdk_major "$home") || continue
        if [ "$major" -ge "$GATEHOUSE_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
            best=$home
            best_major=$major
        fi
    done
    [ -n "$best" ] || return 1
    echo "$best"
}

# The one line to print when no JDK is found.
gatehouse_jdk_missing() {
    echo "needs a JDK $GATEHOUSE_MIN_JAVA or newer; none found in JAVA_HOME or ${GATEHOUSE_JVM_DIR:-/usr/lib/jvm}" \
        "(install e.g. the temurin-$GATEHOUSE_MIN_JAVA-jdk package, or set JAVA_HOME)"
}
