#!/usr/bin/env bash
# Evaluates the built-in text analyser on the public labelled data kept outside the repository.
# Usage: nps-benchmarks/eval-text.sh [path to the shared data folder]   (default: ../shared/data from the project root)
# Prints Markdown tables: sentiment on the VADER ground truth, themes and polarity on SemEval-2014 restaurants
# (built-in analyser, its ablation without the topic map, and the optional embeddings analyser;
# set JAVA_OPTS=-DskipEmbeddings=true to leave that one out; -Dtuning=true scores only inside the first 30%;
# -Dconfusion=true prints the aspect polarity confusion matrix, -Derrors=true also the misses).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data}"
vader="${VADER_DIR:-$data/vader}"
semeval="${SEMEVAL_XML:-$data/semeval2014-restaurants/Restaurants_Train.xml}"
for f in "$vader/tweets_GroundTruth.txt" "$semeval"; do
  [ -f "$f" ] || { echo "not found: $f; pass the shared data folder as the first argument" >&2; exit 2; }
done
cd "$root"
# one reactor run: compile, then the class path (each module writes the file; nps-benchmarks, built last, wins)
mvn -B -q -pl nps-benchmarks -am compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$root/nps-benchmarks/target/classpath.txt" >/dev/null
# the reactor's freshly compiled classes come first, ahead of any older jar in the local repository
cp="nps-benchmarks/target/classes:nps-nlp-embeddings/target/classes:nps-engine/target/classes:nps-api/target/classes:$(cat nps-benchmarks/target/classpath.txt)"
exec java ${JAVA_OPTS:-} -cp "$cp" dev.nps.benchmarks.text.TextEvaluation "$vader" "$semeval"
