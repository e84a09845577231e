#!/usr/bin/env node
// A second, independent client for the simulator's transactions and batches: the AWS SDK for JavaScript v3
// runs a cancelled and a committed TransactWriteItems, a TransactGetItems and a 25-item BatchWriteItem, and
// prints one JSON line with what the SDK made of each answer.
//
// Usage: node transactions-check.js <endpoint> <table>
'use strict'

const {
  DynamoDBClient, TransactWriteItemsCommand, TransactGetItemsCommand, BatchWriteItemCommand,
} = require('@aws-sdk/client-dynamodb')

async function main () {
  const [endpoint, table] = process.argv.slice(2)
  if (!endpoint || !table) {
    process.stderr.write('usage: node transactions-check.js <endpoint> <table>\n')
    process.exit(2)
  }
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })
  const key = (pk) => ({ pk: { S: pk }, sk: { S: '1' } })
  const result = {}
  try {
    try {
      await client.send(new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: table, Item: key('js-a') } },
          { ConditionCheck: { TableName: table, Key: key('js-missing'), ConditionExpression: 'attribute_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
        ],
      }))
      result.cancelled = { ok: true }
    }
    catch (err) {
      result.cancelled = { name: err.name, codes: (err.CancellationReasons || []).map(r => r.Code) }
    }
    await client.send(new TransactWriteItemsCommand({
      TransactItems: [{ Put: { TableName: table, Item: { ...key('js-b'), n: { N: '7' } } } }],
      ReturnConsumedCapacity: 'TOTAL',
    })).then(r => { result.committed = { units: r.ConsumedCapacity[0].CapacityUnits } })
    const got = await client.send(new TransactGetItemsCommand({
      TransactItems: [{ Get: { TableName: table, Key: key('js-a') } }, { Get: { TableName: table, Key: key('js-b') } }],
    }))
    result.read = got.Responses.map(r => (r.Item ? r.Item.n?.N ?? 'item' : null))
    const batch = await client.send(new BatchWriteItemCommand({
      RequestItems: { [table]: Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: key('batch-' + i) } })) },
    }))
    result.unprocessed = (batch.UnprocessedItems[table] || []).length
    console.log(JSON.stringify(result))
  }
  finally {
    client.destroy()
  }
}

main().catch(err => {
  process.stderr.write(`transactions-check.js: ${err.stack || err}\n`)
  process.exit(1)
})
