# Shared by deploy/submit and deploy/cluster.
# The Spark installation to run on: SPARK_HOME when it holds jars/, else Spark's own jars resolved from Maven
# Central (deploy/spark-home/pom.xml) into target/spark-home/jars, once. Prints its path.
reel_spark_home() {
  local project=$1
  if [[ -n ${SPARK_HOME:-} && -d $SPARK_HOME/jars ]]; then
    echo "$SPARK_HOME"
    return
  fi
  local home="$project/target/spark-home"
  if [[ ! -d $home/jars ]]; then
    echo "resolving Spark's jars from Maven into $home/jars (no SPARK_HOME)..." >&2
    mvn -q -B -f "$project/deploy/spark-home/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$home/jars.partial" >&2
    mv "$home/jars.partial" "$home/jars"
  fi
  echo "$home"
}
