namespace LoadLab.DynamoDb.Data;

/// <summary>Attributes every model writes, so writers such as the executor's put can refresh them without knowing the model.</summary>
public static class ItemAttributes
{
    /// <summary>N: 1 when seeded; a put sets it to a value derived from the operation's sequence number.</summary>
    public const string Version = "version";

    /// <summary>S: ISO 8601 UTC time of the last write.</summary>
    public const string UpdatedAt = "updatedAt";

    /// <summary>Invariant ISO 8601 UTC with seconds, e.g. <c>2024-03-01T12:00:00Z</c>.</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
}
