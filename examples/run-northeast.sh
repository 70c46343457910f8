#!/bin/sh
# Northeast China: a stay subsidy for graduates of Liaoning's universities, on the demo data,
# with a gravity model of province flows and with a destination-choice model of the graduates.
# Usage (from the repository root): sh examples/run-northeast.sh [DRAWS]
set -e
cd "$(dirname "$0")/.."
W=examples/northeast.duckdb
TF="node bin/talentflow.mjs"
# The demo estimates China's province flows 2000-2010 from the census birthplace tables and
# imports the synthetic graduate records of NEU and DUT.
[ -f "$W" ] || $TF demo -w "$W" > /dev/null
$TF fit gravity --period 2000-2010 --within CN --level province --constraint production --destination-vars population,gdp_per_capita --save china-provinces --replace -w "$W" | sed -n '1,9p'
$TF scenario run examples/northeast-stay-subsidy.json --draws "${1:-200}" --seed 1 -w "$W"
# The choice variant: a conditional logit fitted to the synthetic graduates, then both side by side.
$TF fit choice --persons --level province --within CN --alternative-vars income,population_year_end,temperature --person-vars distance_home,is_home,is_study --interactions degree:income --save northeast-choice --replace -w "$W" | sed -n '1,16p'
$TF scenario compare examples/northeast-stay-subsidy.json examples/northeast-stay-subsidy-choice.json --draws "${1:-200}" --seed 1 -w "$W"
# The provinces ranked by the utility the synthetic graduates reveal, validated on the 2016 cohort.
$TF rank --weights choice:northeast-choice --top 10 -w "$W"
