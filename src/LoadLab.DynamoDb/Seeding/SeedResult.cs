namespace LoadLab.DynamoDb.Seeding;

/// <param name="ItemsWritten">Items DynamoDB accepted.</param>
/// <param name="Batches">Batches of up to 25 items the data set was cut into.</param>
/// <param name="UnprocessedRetries">BatchWriteItem calls repeated because items came back unprocessed or the batch was throttled.</param>
/// <param name="Elapsed">Wall time of the whole seeding.</param>
public sealed record SeedResult(long ItemsWritten, long Batches, long UnprocessedRetries, TimeSpan Elapsed);
