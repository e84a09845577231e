#!/usr/bin/env node
// Starts dynalite on loopback for LoadLab and prints exactly one line, "LISTENING <port>", once
// it accepts connections. The parent process (LoadLab) reads that line to learn the port, which
// lets it pass --port 0 and have the OS pick a free one (no race between choosing and binding).
//
// Lifetime: the process ends on SIGTERM/SIGINT and also when its stdin reaches end-of-file.
// LoadLab keeps our stdin open for as long as it wants us alive, so if LoadLab dies in any way
// (even SIGKILL) the pipe closes and we exit instead of lingering as an orphan.
'use strict'

const fs = require('node:fs')
const { parseArgs } = require('node:util')

// Hard limit for a graceful shutdown: the parent escalates to a kill after 5 s, so finish first.
const SHUTDOWN_GRACE_MS = 3000

function fail (message) {
  process.stderr.write(`serve.js: ${message}\n`)
  process.exit(2)
}

function readOptions () {
  let parsed
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        path: { type: 'string' },
        // How long a table stays CREATING / DELETING / UPDATING (ms). 0 (the default) makes it ACTIVE at
        // once, which a load test wants; a positive value lets a client see those states and their errors.
        'table-status-ms': { type: 'string', default: '0' },
        // For running by hand under nohup or with stdin at /dev/null, where EOF is immediate.
        'ignore-stdin': { type: 'boolean', default: false },
        // Set by LoadLab: a terminal's Ctrl+C reaches the whole process group, but LoadLab still
        // needs the target while it drains in-flight operations; it stops us itself afterwards.
        'ignore-sigint': { type: 'boolean', default: false },
      },
      strict: true,
    })
  }
  catch (err) {
    fail(`${err.message}. Usage: node serve.js [--port N] [--path DIR] [--table-status-ms N] [--ignore-stdin] [--ignore-sigint]`)
  }
  const { port, path, 'table-status-ms': tableStatusMs, 'ignore-stdin': ignoreStdin, 'ignore-sigint': ignoreSigint } = parsed.values
  if (!/^\d+$/.test(port) || Number(port) > 65535) fail(`--port must be 0-65535 (got "${port}")`)
  if (!/^\d+$/.test(tableStatusMs) || Number(tableStatusMs) > 600000) fail(`--table-status-ms must be 0-600000 (got "${tableStatusMs}")`)
  return { port: Number(port), path, tableStatusMs: Number(tableStatusMs), ignoreStdin, ignoreSigint }
}

const options = readOptions()

if (options.path) fs.mkdirSync(options.path, { recursive: true })

const dynalite = require('dynalite')
const server = dynalite({
  path: options.path,
  // dynalite keeps tables in CREATING/DELETING/UPDATING for 500 ms by default to mimic AWS; a load-test
  // harness only waits on that, so tables become ACTIVE at once unless --table-status-ms asks otherwise.
  createTableMs: options.tableStatusMs,
  deleteTableMs: options.tableStatusMs,
  updateTableMs: options.tableStatusMs,
})

let stopping = false
function stop (reason) {
  if (stopping) return
  stopping = true
  // Do not keep the process alive for this timer; it only bounds a slow close.
  setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref()
  server.close(err => {
    if (err && reason !== 'error') process.stderr.write(`serve.js: close after ${reason}: ${err.message}\n`)
    process.exit(0)
  })
  // Idle keep-alive connections from the SDK would otherwise hold close() open.
  server.closeIdleConnections()
}

server.on('error', err => {
  process.stderr.write(`serve.js: ${err.message}\n`)
  process.exit(1)
})

process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => { if (!options.ignoreSigint) stop('SIGINT') })

if (!options.ignoreStdin) {
  process.stdin.on('end', () => stop('stdin closed'))
  process.stdin.on('close', () => stop('stdin closed'))
  process.stdin.on('error', () => stop('stdin error'))
  // Reading (and discarding) is what makes 'end' fire when the writer goes away.
  process.stdin.resume()
}

server.listen(options.port, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`)
})
