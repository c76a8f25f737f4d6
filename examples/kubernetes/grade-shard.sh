#!/bin/bash
# One pod of the Indexed Job: `npm run setup` starts this pod's own Docker engine and builds the lab
# image in it; then grade this pod's slice. `--shard N` reads the slice's index from JOB_COMPLETION_INDEX,
# which Kubernetes sets in every pod of an Indexed Job.
#   grade-shard EXERCISE|--all SUBMISSIONS OUT SHARDS
set -euo pipefail
exercise=$1 submissions=$2 out=$3 shards=$4
cd /opt/grade
npm run setup
if [ "$exercise" = --all ]; then
  exec npx grade batch "$submissions" --all --shard "$shards" --out "$out/shard-${JOB_COMPLETION_INDEX}"
fi
exec npx grade batch "$exercise" "$submissions" --shard "$shards" --out "$out/shard-${JOB_COMPLETION_INDEX}"
