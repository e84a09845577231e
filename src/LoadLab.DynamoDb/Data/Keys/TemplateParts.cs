using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Execution;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Keys;

/// <summary>One piece of a key template: literal text or a placeholder.</summary>
internal abstract class TemplatePart
{
    /// <summary>True when the part renders digits only, so a template of such parts makes a valid N key.</summary>
    public abstract bool DigitsOnly { get; }

    public abstract void Append(StringBuilder text, Dictionary<string, AttributeValue> item, long index, int? shard);
}

internal sealed class LiteralPart(string text) : TemplatePart
{
    public string Text { get; } = text;

    public override bool DigitsOnly => Text.All(char.IsAsciiDigit);

    public override void Append(StringBuilder text, Dictionary<string, AttributeValue> item, long index, int? shard) => text.Append(Text);
}

/// <summary><c>{index}</c> or <c>{index:D10}</c>: the item index.</summary>
internal sealed class IndexPart(string? format) : TemplatePart
{
    public override bool DigitsOnly => Formats.RendersDigits(format);

    public override void Append(StringBuilder text, Dictionary<string, AttributeValue> item, long index, int? shard) =>
        text.Append(index.ToString(format, CultureInfo.InvariantCulture));
}

/// <summary>
/// <c>{shard(10)}</c>: write sharding. The shard of item i is a hash of i mod N, so items spread evenly over N
/// partition key values and a reader can rebuild any item's shard, or query all N.
/// </summary>
internal sealed class ShardPart(int count, string? format) : TemplatePart
{
    public int Count { get; } = count;

    public override bool DigitsOnly => Formats.RendersDigits(format);

    public static int ShardOf(long index, int count) => (int)(DeterministicHash.Mix(unchecked((ulong)index)) % (ulong)count);

    public override void Append(StringBuilder text, Dictionary<string, AttributeValue> item, long index, int? shard) =>
        text.Append((shard ?? ShardOf(index, Count)).ToString(format, CultureInfo.InvariantCulture));
}

/// <summary><c>{createdAt:yyyy-MM}</c>, <c>{customerId:D8}</c>, <c>{shippingAddress.city}</c>: a field of the item.</summary>
internal sealed class FieldPart(string path, FieldKind kind, string? format) : TemplatePart
{
    private readonly string[] segments = path.Split('.');

    public string Path { get; } = path;

    public override bool DigitsOnly => kind switch
    {
        FieldKind.Number => format is not null && Formats.RendersDigits(format),
        FieldKind.Date => format is not null && Formats.DateRendersDigits(format),
        _ => false,
    };

    /// <summary>A lone unformatted number field makes a valid N key even when it has decimals or a sign.</summary>
    public bool IsPlainNumber => kind == FieldKind.Number && format is null;

    public override void Append(StringBuilder text, Dictionary<string, AttributeValue> item, long index, int? shard)
    {
        var value = Find(item);
        switch (kind)
        {
            case FieldKind.Number when format is not null:
                text.Append(Formats.Number(value.N, format));
                break;
            case FieldKind.Number:
                text.Append(value.N);
                break;
            case FieldKind.Date when format is not null:
                text.Append(Formats.ParseTime(value.S).ToString(format, CultureInfo.InvariantCulture));
                break;
            case FieldKind.Bool:
                text.Append(value.BOOL == true ? "true" : "false");
                break;
            default:
                text.Append(value.S);
                break;
        }
    }

    private AttributeValue Find(Dictionary<string, AttributeValue> item)
    {
        AttributeValue? value = null;
        var level = item;
        foreach (var segment in segments)
        {
            if (level is null || !level.TryGetValue(segment, out value))
                throw new InvalidOperationException($"The item has no '{Path}' for its key template.");
            level = value.M;
        }

        return value!;
    }
}

/// <summary>Format checks and conversions for placeholders, all in the invariant culture.</summary>
internal static class Formats
{
    private static readonly string[] TimeFormats = [Values.Seconds, Values.Milliseconds, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd"];

    public static DateTime ParseTime(string text) =>
        DateTime.ParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string Number(string text, string format)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole))
            return whole.ToString(format, CultureInfo.InvariantCulture);
        decimal value = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        try
        {
            return value.ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            // Integer-only formats (D8, X4) on a fraction: the whole part is what such a key means.
            return ((long)decimal.Truncate(value)).ToString(format, CultureInfo.InvariantCulture);
        }
    }

    public static bool RendersDigits(string? format) =>
        12345L.ToString(format, CultureInfo.InvariantCulture).All(char.IsAsciiDigit);

    public static bool DateRendersDigits(string format) =>
        new DateTime(2021, 2, 3, 4, 5, 6, 7, DateTimeKind.Utc).ToString(format, CultureInfo.InvariantCulture).All(char.IsAsciiDigit);
}
