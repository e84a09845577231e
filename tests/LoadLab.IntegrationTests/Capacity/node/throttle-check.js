#!/usr/bin/env node
// A second, independent DynamoDB client for LoadLab's capacity proxy tests: the AWS SDK for JavaScript v3
// sends one PutItem and prints one JSON line saying how the SDK classified the answer.
//
// Usage: node throttle-check.js <endpoint> <table> [maxAttempts]
'use strict'

const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb')

// The SDK's own throttling classifier (what its retry strategy asks); its home moved between releases.
function loadClassifier () {
  for (const name of ['@smithy/core/retry', '@smithy/service-error-classification']) {
    try {
      const { isThrottlingError } = require(name)
      if (typeof isThrottlingError === 'function') return isThrottlingError
    }
    catch {
      // Not in this release; try the next place.
    }
  }
  return null
}

async function main () {
  const [endpoint, table, maxAttempts = '2'] = process.argv.slice(2)
  if (!endpoint || !table) {
    process.stderr.write('usage: node throttle-check.js <endpoint> <table> [maxAttempts]\n')
    process.exit(2)
  }
  const isThrottlingError = loadClassifier()
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: Number(maxAttempts),
  })
  try {
    await client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: 'js' }, sk: { S: '1' } } }))
    console.log(JSON.stringify({ ok: true }))
  }
  catch (err) {
    console.log(JSON.stringify({
      ok: false,
      name: err.name,
      retryableThrottling: err.$retryable?.throttling === true,
      classifiedThrottling: isThrottlingError ? isThrottlingError(err) : null,
      attempts: err.$metadata?.attempts ?? null,
      httpStatusCode: err.$metadata?.httpStatusCode ?? null,
      reasons: err.ThrottlingReasons ?? err.throttlingReasons ?? null,
      message: err.message,
    }))
  }
  finally {
    client.destroy()
  }
}

main().catch(err => {
  process.stderr.write(`throttle-check.js: ${err.stack || err}\n`)
  process.exit(1)
})
