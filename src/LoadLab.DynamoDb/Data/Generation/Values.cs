using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace LoadLab.DynamoDb.Data.Generation;

/// <summary>AttributeValue shorthands with invariant number and time formats.</summary>
internal static class Values
{
    /// <summary>ISO 8601 UTC with seconds, e.g. <c>2024-03-01T12:00:00Z</c>.</summary>
    public const string Seconds = ItemAttributes.TimestampFormat;

    /// <summary>ISO 8601 UTC with milliseconds, for time series whose timestamps must increase with the index.</summary>
    public const string Milliseconds = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Money and measures: always two decimals, so the text is exact and stable.</summary>
    public static AttributeValue N2(decimal value) => new() { N = value.ToString("0.00", CultureInfo.InvariantCulture) };

    public static AttributeValue N1(double value) => new() { N = value.ToString("0.0", CultureInfo.InvariantCulture) };

    public static AttributeValue Time(DateTime value) => new() { S = value.ToString(Seconds, CultureInfo.InvariantCulture) };

    public static AttributeValue TimeMs(DateTime value) => new() { S = value.ToString(Milliseconds, CultureInfo.InvariantCulture) };

    // Flagged as set: with AWSConfigs.InitializeCollections an empty list or map is otherwise not sent at all.
    public static AttributeValue Map(Dictionary<string, AttributeValue> entries) => new() { M = entries, IsMSet = true };

    public static AttributeValue List(List<AttributeValue> elements) => new() { L = elements, IsLSet = true };
}
