using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LoadLab.DynamoDb.Tables;

/// <summary>
/// LoadLab's ownership marks on the tables it creates. Teardown deletes a table only when it carries
/// <see cref="CreatedBy"/>, so a table made by anyone else survives whatever its name.
/// </summary>
public static class TableTags
{
    public const string CreatedBy = "loadlab:created-by";
    public const string RunId = "loadlab:run-id";
    public const string Suite = "loadlab:suite";

    /// <summary>The value of <see cref="CreatedBy"/>.</summary>
    public const string CreatedByValue = "loadlab";

    public static IReadOnlyDictionary<string, string> For(string runId, string suite) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CreatedBy] = CreatedByValue,
        [RunId] = runId,
        [Suite] = suite,
    };

    public static List<Tag> ToSdk(IReadOnlyDictionary<string, string> tags) => [.. tags.Select(t => new Tag { Key = t.Key, Value = t.Value })];

    public static async Task TagAsync(IAmazonDynamoDB client, string tableArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        try
        {
            await client.TagResourceAsync(new TagResourceRequest { ResourceArn = tableArn, Tags = ToSdk(tags) }, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // dynalite answers TagResource with the body "" (AWS sends none), and the SDK then reports a CRC32
            // mismatch although the tags were stored. Reading them back decides; a real failure still throws.
            var stored = await ListAsync(client, tableArn, cancellationToken).ConfigureAwait(false);
            if (!tags.All(t => stored.TryGetValue(t.Key, out var value) && value == t.Value))
                throw;
        }
    }

    /// <summary>Every tag of the table (all pages).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ListAsync(IAmazonDynamoDB client, string tableArn, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var response = await client.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = tableArn, NextToken = next }, cancellationToken).ConfigureAwait(false);
            foreach (var tag in response.Tags ?? [])
                tags[tag.Key] = tag.Value;
            next = response.NextToken;
        }
        while (!string.IsNullOrEmpty(next));
        return tags;
    }

    /// <summary>True when LoadLab created the table.</summary>
    public static bool IsLoadLabs(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(CreatedBy, out var value) && value == CreatedByValue;
}
