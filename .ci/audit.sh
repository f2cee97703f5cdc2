#!/usr/bin/env bash
# CI: audit the production dependencies (issue 19). Fails (exit 1) on a high or critical advisory
# when the registry's audit service answers; when it does not (offline, a registry or proxy without
# the audit endpoint, a timeout, an answer that is not an audit report), says so in one line and
# exits 0, so an unreachable service never blocks the build.
#
#   SOCKSCOPE_AUDIT_CMD      the command that prints the JSON report (tests fake it); default
#                            `npm audit --omit=dev --audit-level=high --json`
#   SOCKSCOPE_AUDIT_TIMEOUT  seconds to wait for it (default 60)
set -uo pipefail
cd "$(dirname "$0")/.."

cmd=${SOCKSCOPE_AUDIT_CMD:-npm audit --omit=dev --audit-level=high --json}
limit=${SOCKSCOPE_AUDIT_TIMEOUT:-60}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# npm audit exits 1 both on findings and on a failed request: the report itself decides.
timeout "$limit" bash -c "$cmd" >"$out" 2>/dev/null
rc=$?
if [ "$rc" -eq 124 ]; then
  echo "ci: npm audit: the registry's audit service did not answer within ${limit} s; going on without an audit."
  exit 0
fi

# Reads the report on stdin; prints the verdict; exits 0 (clean), 3 (findings) or 2 (no answer).
node --input-type=module -e '
let text = "";
for await (const chunk of process.stdin) text += chunk;
const oneLine = (s) => String(s).replace(/\s+/g, " ").trim().slice(0, 160);
const noAnswer = (why) => {
  console.log(`ci: npm audit: the registry\x27s audit service did not answer (${oneLine(why)}); going on without an audit.`);
  process.exit(2);
};
let r;
try {
  r = JSON.parse(text);
} catch {
  noAnswer(text.trim() ? "its answer is not JSON" : "no answer");
}
if (r === null || typeof r !== "object") noAnswer("its answer is not an audit report");
if (r.error) noAnswer(r.message || r.error.summary || r.error.code || "an error");
const counts = r.metadata?.vulnerabilities;
if (!counts || typeof counts !== "object") noAnswer("its answer is not an audit report");
const serious = (Number(counts.high) || 0) + (Number(counts.critical) || 0);
const deps = r.metadata?.dependencies?.prod ?? r.metadata?.dependencies?.total ?? "?";
if (!serious) {
  console.log(`ci: npm audit: no high or critical advisory in the production dependencies (${deps} checked).`);
  process.exit(0);
}
console.log(`ci: npm audit: ${serious} high or critical advisor${serious === 1 ? "y" : "ies"} in the production dependencies:`);
for (const [name, v] of Object.entries(r.vulnerabilities ?? {})) {
  if (v?.severity !== "high" && v?.severity !== "critical") continue;
  const why = (Array.isArray(v.via) ? v.via : [])
    .map((x) => (typeof x === "string" ? `through ${x}` : [x?.title, x?.url].filter(Boolean).join(" ")))
    .join("; ");
  console.log(`  ${name} (${v.severity}${v.range ? `, ${v.range}` : ""}): ${oneLine(why)}`);
}
console.log("ci: run `npm audit --omit=dev` for the details and `npm audit fix` to apply the fixes.");
process.exit(3);
' <"$out"
verdict=$?
case $verdict in
  0 | 2) exit 0 ;;
  3) exit 1 ;;
  *)
    echo "ci: npm audit: could not read the report (the reader exited $verdict)."
    exit 1
    ;;
esac
