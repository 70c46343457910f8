#!/bin/sh
# Northeast China: a stay subsidy for graduates of Liaoning's universities, on the demo data.
# Usage (from the repository root): sh examples/run-northeast.sh [DRAWS]
set -e
cd "$(dirname "$0")/.."
W=examples/northeast.duckdb
TF="node bin/talentflow.mjs"
# The demo estimates China's province flows 2000-2010 from the census birthplace tables.
[ -f "$W" ] || $TF demo -w "$W" > /dev/null
$TF fit gravity --period 2000-2010 --within CN --level province --constraint production --destination-vars population,gdp_per_capita --save china-provinces --replace -w "$W" | sed -n '1,9p'
$TF scenario run examples/northeast-stay-subsidy.json --draws "${1:-200}" --seed 1 -w "$W"
