#!/bin/sh
# Northeast China: a stay subsidy for graduates of Shenyang and Dalian, on the demo data.
# Usage (from the repository root): sh examples/run-northeast.sh [DRAWS]
set -e
cd "$(dirname "$0")/.."
W=examples/northeast.duckdb
TF="node bin/talentflow.mjs"
if [ ! -f "$W" ]; then
  $TF demo -w "$W" > /dev/null
  $TF estimate flows-from-stocks --from 2010 --to 2020 --level city --within CN --save -w "$W" > /dev/null
fi
$TF fit gravity --period 2010-2020 --within CN --level city --constraint production --destination-vars population --save northeast-cities --replace -w "$W" | sed -n '1,8p'
$TF scenario run examples/northeast-stay-subsidy.json --draws "${1:-200}" --seed 1 -w "$W"
