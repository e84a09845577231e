// Checks the quickstart smoke run's results.json: the file parses, every scheduled operation is
// accounted for, operations succeeded and consumed capacity, and nothing errored.
'use strict'
const fs = require('node:fs')
const file = process.argv[2]
const r = JSON.parse(fs.readFileSync(file, 'utf8'))
const problems = []
if (r.schemaVersion !== 1) problems.push(`schemaVersion ${r.schemaVersion}`)
if (r.run.interrupted) problems.push('run marked interrupted')
if (!r.scenarios.length) problems.push('no scenarios')
for (const s of r.scenarios) {
  const completed = s.operations.reduce((n, o) => n + o.completed, 0)
  if (s.scheduled !== completed + s.dropped + s.cancelled) problems.push(`${s.name}: scheduled ${s.scheduled} != completed ${completed} + dropped ${s.dropped} + cancelled ${s.cancelled}`)
  if (completed < 100) problems.push(`${s.name}: only ${completed} operations completed`)
  for (const o of s.operations) {
    const errors = Object.entries(o.outcomes).filter(([k]) => !['ok', 'throttled', 'conditionFailed'].includes(k)).reduce((n, [, v]) => n + v, 0)
    if (errors > 0) problems.push(`${s.name}/${o.name}: ${errors} errors ${JSON.stringify(o.errorCodes)}`)
    if (o.readUnits + o.writeUnits <= 0) problems.push(`${s.name}/${o.name}: no consumed capacity`)
    if (!(o.latency.p99Ms > 0)) problems.push(`${s.name}/${o.name}: no latency`)
  }
}
if (problems.length) {
  console.error(`results check failed for ${file}:\n  ` + problems.join('\n  '))
  process.exit(1)
}
console.log(`results check passed: ${r.scenarios.map(s => `${s.name} ${s.scheduled} ops`).join(', ')}`)
