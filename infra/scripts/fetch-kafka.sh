#!/usr/bin/env bash
# Fills infra/kafka/lib/ with the Kafka broker's runtime jars from Maven Central.
# Idempotent: a marker holding the pom's hash is written only after a full copy, so an interrupted
# run or an edited pom (say, a new Kafka version) fetches again, and an unchanged one is a no-op.
set -euo pipefail

kafka_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../kafka" && pwd)"
marker="$kafka_dir/lib/.complete"
pom_hash="$(sha256sum "$kafka_dir/pom.xml" | cut -d' ' -f1)"

if [[ -f "$marker" && "$(cat "$marker")" == "$pom_hash" ]] && ls "$kafka_dir"/lib/kafka_2.13-*.jar >/dev/null 2>&1; then
  echo "fetch-kafka: $kafka_dir/lib is complete"
  exit 0
fi

# Stale jars from an older version would end up on the same classpath: start clean.
rm -rf "$kafka_dir/lib"
# Debian's Maven 3.8.7 prints colour resets even in batch mode; strip them so CI logs stay readable.
mvn -B -q -f "$kafka_dir/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=lib 2>&1 \
  | sed -e 's/\x1b\[[0-9;]*m//g'
echo "$pom_hash" > "$marker"
echo "fetch-kafka: $(ls "$kafka_dir"/lib/*.jar | wc -l) jars in $kafka_dir/lib"
