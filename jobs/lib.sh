# Shared by the launchers in jobs/: builds the project when its sources changed, then runs a main class on
# embedded local Spark (or on the master given with --master) with the JVM flags in conf/jvm.options.
set -euo pipefail
REEL_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}

reel_build() {
  local stamp="$REEL_HOME/target/classpath.txt"
  if [[ ! -f "$stamp" || -n "$(find "$REEL_HOME/src/main" "$REEL_HOME/pom.xml" -newer "$stamp" -print -quit)" ]]; then
    echo "building highlight-reel (first run, or sources changed)..." >&2
    local log; log=$(mktemp)
    if ! (cd "$REEL_HOME" && mvn -B -DskipTests package dependency:build-classpath \
        -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime) >"$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"; echo "build failed (output above)" >&2; exit 1
    fi
    rm -f "$log"
  fi
}

# The job with --master on a cluster (not local[...]) goes through deploy/submit, which ships the application jar and
# its dependencies to the executors; the rest of the arguments go to the job unchanged.
reel_on_cluster() {
  local args=() master="" config=""
  while [[ $# -gt 0 ]]; do
    case $1 in
      --master) master=${2:-}; shift 2 || shift ;;
      --master=*) master=${1#--master=}; shift ;;
      --config|--config=*) config=yes; args+=("$1"); shift ;;
      *) args+=("$1"); shift ;;
    esac
  done
  if [[ -n $master && $master != local* ]]; then
    # The same option defaults as a local run (jobs/reel reads conf/reel.properties).
    [[ -n $config ]] || args=(--config "$REEL_HOME/conf/reel.properties" "${args[@]}")
    exec "$REEL_HOME/deploy/submit" "$master" -- "${args[@]}"
  fi
}

reel_run() {  # reel_run MAIN_CLASS ARGS...
  local main=$1; shift
  if [[ $main == dev.reel.cli.ReelCommand ]]; then
    reel_on_cluster "$@"
  fi
  reel_build
  exec java -Xmx"${REEL_DRIVER_MEMORY:-4g}" @"$REEL_HOME/conf/jvm.options" \
    -Dlog4j.configurationFile="$REEL_HOME/conf/log4j2.properties" ${REEL_JAVA_OPTS:-} \
    -cp "$REEL_HOME/target/classes:$(cat "$REEL_HOME/target/classpath.txt")" "$main" "$@"
}
