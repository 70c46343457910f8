#!/bin/sh
# Korea: a housing allowance outside the capital region, on real KOSIS flows.
# Usage (from the repository root): sh examples/run-korea.sh [DRAWS]
set -e
cd "$(dirname "$0")/.."
W=examples/korea.duckdb
TF="node bin/talentflow.mjs"
[ -f "$W" ] || $TF demo -w "$W" > /dev/null
$TF fit gravity --period 2019 --within KR --constraint production --destination-vars grdp_pc,population --save korea-2019 --replace -w "$W" | sed -n '1,9p'
$TF scenario run examples/korea-regional-income.json --draws "${1:-200}" --seed 1 -w "$W"
echo
$TF scenario compare examples/korea-regional-income.json examples/korea-relocation-allowance.json --draws "${1:-200}" --seed 1 -w "$W"
