#!/usr/bin/env bash
# Tests .ci/audit.sh on both branches by faking the audit command (SOCKSCOPE_AUDIT_CMD): a report
# with and without findings, and every way the service can fail to answer — plus one real
# `npm audit` against a registry address where nothing listens. Prints `N passed, M failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
pass=0
fail=0

# check NAME WANT_RC WANT_TEXT WANT_LINES CMD [TIMEOUT]
check() {
  local name=$1 want_rc=$2 want_text=$3 want_lines=$4 cmd=$5 limit=${6:-20} out rc lines
  out=$(SOCKSCOPE_AUDIT_CMD="$cmd" SOCKSCOPE_AUDIT_TIMEOUT="$limit" .ci/audit.sh 2>&1)
  rc=$?
  lines=$(printf '%s\n' "$out" | wc -l)
  if [ "$rc" -eq "$want_rc" ] && [[ $out == *"$want_text"* ]] && { [ "$want_lines" = any ] || [ "$lines" -eq "$want_lines" ]; }; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name: exit $rc (want $want_rc), $lines line(s) (want $want_lines), output:"
    printf '%s\n' "$out" | sed 's/^/    /'
  fi
}

report() { # report HIGH CRITICAL MODERATE: an npm audit report (auditReportVersion 2)
  cat <<JSON
{
  "auditReportVersion": 2,
  "vulnerabilities": {
    "left-pad": { "name": "left-pad", "severity": "high", "isDirect": true,
      "via": [{ "source": 1, "name": "left-pad", "dependency": "left-pad", "title": "Prototype pollution in left-pad",
                "url": "https://github.com/advisories/GHSA-0000-0000-0000", "severity": "high", "range": "<1.3.1" }],
      "effects": ["pad-all"], "range": "<1.3.1", "nodes": ["node_modules/left-pad"], "fixAvailable": true },
    "pad-all": { "name": "pad-all", "severity": "high", "isDirect": false, "via": ["left-pad"], "effects": [],
      "range": "*", "nodes": ["node_modules/pad-all"], "fixAvailable": true },
    "is-odd": { "name": "is-odd", "severity": "moderate", "isDirect": true,
      "via": [{ "title": "ReDoS in is-odd", "url": "https://github.com/advisories/GHSA-1111-1111-1111" }],
      "effects": [], "range": "<2", "nodes": ["node_modules/is-odd"], "fixAvailable": false }
  },
  "metadata": {
    "vulnerabilities": { "info": 0, "low": 0, "moderate": $3, "high": $1, "critical": $2, "total": $(($1 + $2 + $3)) },
    "dependencies": { "prod": 13, "dev": 0, "optional": 0, "peer": 0, "peerOptional": 0, "total": 12 }
  }
}
JSON
}
clean='{ "auditReportVersion": 2, "vulnerabilities": {}, "metadata": { "vulnerabilities": { "info": 0, "low": 0, "moderate": 0, "high": 0, "critical": 0, "total": 0 }, "dependencies": { "prod": 13, "total": 12 } } }'
echo "$clean" >"$dir/clean.json"
report 2 0 1 >"$dir/high.json"
report 0 1 0 >"$dir/critical.json"
# only the moderate one counts: below --audit-level=high
sed -e 's/"severity": "high"/"severity": "moderate"/g' "$dir/high.json" | sed -e 's/"high": 2/"high": 0/' >"$dir/moderate.json"
cat >"$dir/error.json" <<'JSON'
{ "message": "request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org",
  "error": { "summary": "", "detail": "" } }
JSON

# The service answers.
check 'a clean report passes' 0 'no high or critical advisory in the production dependencies (13 checked)' 1 "cat $dir/clean.json"
check 'high advisories fail and are named' 1 'left-pad (high, <1.3.1): Prototype pollution in left-pad https://github.com/advisories/GHSA-0000-0000-0000' any "cat $dir/high.json; exit 1"
check 'the count of high advisories is given' 1 '2 high or critical advisories in the production dependencies' any "cat $dir/high.json; exit 1"
check 'a dependent advisory says through what' 1 'pad-all (high, *): through left-pad' any "cat $dir/high.json; exit 1"
check 'a critical advisory fails' 1 '1 high or critical advisory in' any "cat $dir/critical.json; exit 1"
check 'a moderate advisory alone passes' 0 'no high or critical advisory' 1 "cat $dir/moderate.json"
check 'the report decides, not the exit status' 1 'high or critical advisories' any "cat $dir/high.json; exit 0"

# The service does not answer: one line, and on.
check 'a request error is one line and passes' 0 "did not answer (request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org); going on without an audit." 1 "cat $dir/error.json; exit 1"
check 'an answer that is not JSON passes' 0 'did not answer (its answer is not JSON)' 1 "echo '<html>502 Bad Gateway</html>'; exit 1"
check 'no answer at all passes' 0 'did not answer (no answer)' 1 'exit 1'
check 'JSON that is no audit report passes' 0 'did not answer (its answer is not an audit report)' 1 "echo '{\"ok\": true}'"
check 'a bare JSON value passes' 0 'did not answer (its answer is not an audit report)' 1 "echo 42"
check 'a timeout passes' 0 'did not answer within 1 s' 1 'sleep 10' 1
check 'a real npm audit with nothing listening passes' 0 "did not answer (request to http://127.0.0.1:9/-/npm/v1/security/advisories/bulk failed" 1 \
  'npm audit --omit=dev --audit-level=high --json --registry http://127.0.0.1:9/ --fetch-retries=0'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
