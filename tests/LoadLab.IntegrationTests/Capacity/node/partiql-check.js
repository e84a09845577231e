#!/usr/bin/env node
// A second, independent client for the simulator's PartiQL: the AWS SDK for JavaScript v3 runs an INSERT, a
// duplicate INSERT, a SELECT with its cost, a BatchExecuteStatement with a success and an error, and a cancelled
// ExecuteTransaction, and prints one JSON line with what the SDK made of each answer.
//
// Usage: node partiql-check.js <endpoint> <table>
'use strict'

const {
  DynamoDBClient, ExecuteStatementCommand, BatchExecuteStatementCommand, ExecuteTransactionCommand,
} = require('@aws-sdk/client-dynamodb')

async function main () {
  const [endpoint, table] = process.argv.slice(2)
  if (!endpoint || !table) {
    process.stderr.write('usage: node partiql-check.js <endpoint> <table>\n')
    process.exit(2)
  }
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })
  const insert = `INSERT INTO "${table}" VALUE {'pk': ?, 'sk': '1', 'n': 7}`
  const result = {}
  try {
    await client.send(new ExecuteStatementCommand({ Statement: insert, Parameters: [{ S: 'js-a' }] }))
    try {
      await client.send(new ExecuteStatementCommand({ Statement: insert, Parameters: [{ S: 'js-a' }] }))
      result.duplicate = { ok: true }
    }
    catch (err) {
      result.duplicate = { name: err.name }
    }
    const read = await client.send(new ExecuteStatementCommand({
      Statement: `SELECT * FROM "${table}" WHERE pk = ? AND sk = '1'`,
      Parameters: [{ S: 'js-a' }],
      ReturnConsumedCapacity: 'TOTAL',
    }))
    result.read = { n: read.Items[0]?.n?.N ?? null, units: read.ConsumedCapacity.CapacityUnits }
    const batch = await client.send(new BatchExecuteStatementCommand({
      Statements: [
        { Statement: insert, Parameters: [{ S: 'js-b' }] },
        { Statement: insert, Parameters: [{ S: 'js-a' }] },
      ],
    }))
    result.batch = batch.Responses.map(r => (r.Error ? r.Error.Code : 'ok'))
    try {
      await client.send(new ExecuteTransactionCommand({
        TransactStatements: [
          { Statement: insert, Parameters: [{ S: 'js-c' }] },
          { Statement: `UPDATE "${table}" SET n = 1 WHERE pk = 'js-missing' AND sk = '1'` },
        ],
      }))
      result.transaction = { ok: true }
    }
    catch (err) {
      result.transaction = { name: err.name, codes: (err.CancellationReasons || []).map(r => r.Code) }
    }
    console.log(JSON.stringify(result))
  }
  finally {
    client.destroy()
  }
}

main().catch(err => {
  process.stderr.write(`partiql-check.js: ${err.stack || err}\n`)
  process.exit(1)
})
