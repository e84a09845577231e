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
    // F2/F1 rather than custom "0.00" patterns: the same text, through the runtime's faster standard-format path.
    public static AttributeValue N2(decimal value) => new() { N = value.ToString("F2", CultureInfo.InvariantCulture) };

    public static AttributeValue N1(double value) => new() { N = value.ToString("F1", CultureInfo.InvariantCulture) };

    public static AttributeValue Time(DateTime value) => new() { S = Iso(value) };

    /// <summary>
    /// <see cref="Seconds"/> written by hand: a custom DateTime format is parsed on every call, and every item of every
    /// model has a timestamp or two.
    /// </summary>
    public static string Iso(DateTime value) => string.Create(20, value, static (chars, t) =>
    {
        WriteSeconds(chars, t);
        chars[19] = 'Z';
    });

    /// <summary><see cref="Milliseconds"/> written by hand, like <see cref="Iso"/>.</summary>
    public static string IsoMs(DateTime value) => string.Create(24, value, static (chars, t) =>
    {
        WriteSeconds(chars, t);
        chars[19] = '.';
        Digits(chars.Slice(20, 3), t.Millisecond);
        chars[23] = 'Z';
    });

    /// <summary>yyyy-MM-ddTHH:mm:ss into the first 19 characters.</summary>
    private static void WriteSeconds(Span<char> chars, DateTime t)
    {
        Digits(chars[..4], t.Year);
        chars[4] = '-';
        Digits(chars.Slice(5, 2), t.Month);
        chars[7] = '-';
        Digits(chars.Slice(8, 2), t.Day);
        chars[10] = 'T';
        Digits(chars.Slice(11, 2), t.Hour);
        chars[13] = ':';
        Digits(chars.Slice(14, 2), t.Minute);
        chars[16] = ':';
        Digits(chars.Slice(17, 2), t.Second);
    }

    private static void Digits(Span<char> target, int value)
    {
        for (int i = target.Length - 1; i >= 0; i--, value /= 10)
            target[i] = (char)('0' + (value % 10));
    }

    public static AttributeValue TimeMs(DateTime value) => new() { S = IsoMs(value) };

    // Flagged as set: with AWSConfigs.InitializeCollections an empty list or map is otherwise not sent at all.
    public static AttributeValue Map(Dictionary<string, AttributeValue> entries) => new() { M = entries, IsMSet = true };

    public static AttributeValue List(List<AttributeValue> elements) => new() { L = elements, IsLSet = true };
}
