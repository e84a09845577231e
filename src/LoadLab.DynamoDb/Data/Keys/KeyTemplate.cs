using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Keys;

/// <summary>
/// A key template over item fields, compiled once: literal text with placeholders <c>{field}</c>, <c>{field:format}</c>
/// (.NET numeric formats for numbers such as <c>D8</c>, custom date formats such as <c>yyyy-MM</c> for date buckets),
/// <c>{map.entry}</c>, <c>{index}</c> and <c>{shard(N)}</c> for write sharding. <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
public sealed class KeyTemplate
{
    /// <summary>Most shards a template may spread a key over.</summary>
    public const int MaxShards = 10_000;

    [ThreadStatic]
    private static StringBuilder? buffer;

    private readonly TemplatePart[] parts;

    private KeyTemplate(string text, TemplatePart[] parts)
    {
        Text = text;
        this.parts = parts;
        ShardCount = parts.OfType<ShardPart>().Select(p => p.Count).FirstOrDefault();
        Fields = [.. parts.OfType<FieldPart>().Select(p => p.Path).Distinct(StringComparer.Ordinal)];
        IsNumeric = (parts.Length == 1 && parts[0] is FieldPart { IsPlainNumber: true }) || (parts.Length > 0 && parts.All(p => p.DigitsOnly));
    }

    public string Text { get; }

    /// <summary>N of <c>{shard(N)}</c>, or 0 when the template is not sharded.</summary>
    public int ShardCount { get; }

    /// <summary>Field paths the template reads.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>True when every rendering is a number, so the template can fill an N key.</summary>
    public bool IsNumeric { get; }

    /// <summary>True when the template has no placeholder: every item gets the same value.</summary>
    public bool IsConstant => parts.All(p => p is LiteralPart);

    /// <exception cref="DataDesignException">Syntax error, unknown field (with the fields as candidates) or a format that does not fit.</exception>
    public static KeyTemplate Parse(string text, ModelSchema schema)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(schema);
        return new KeyTemplate(text, TemplateParser.Parse(text, schema));
    }

    /// <summary>The template for item <paramref name="index"/>; <paramref name="shard"/> overrides the item's own shard.</summary>
    public string Render(Dictionary<string, AttributeValue> item, long index, int? shard = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (shard is { } s && (ShardCount == 0 || s < 0 || s >= ShardCount))
            throw new ArgumentOutOfRangeException(nameof(shard), s, ShardCount == 0 ? $"'{Text}' is not sharded." : $"'{Text}' has shards 0 to {ShardCount - 1}.");
        var text = buffer ??= new StringBuilder(64);
        text.Clear();
        foreach (var part in parts)
            part.Append(text, item, index, shard);
        return text.ToString();
    }

    /// <summary>Renders into the scalar type of a key attribute (S, N or B).</summary>
    public AttributeValue RenderAs(string type, Dictionary<string, AttributeValue> item, long index, int? shard = null)
    {
        string text = Render(item, index, shard);
        return type switch
        {
            "S" => new AttributeValue { S = text },
            "N" => new AttributeValue { N = text },
            "B" => new AttributeValue { B = new MemoryStream(Encoding.UTF8.GetBytes(text)) },
            _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Key type '{type}' is not one of S, N and B."), nameof(type)),
        };
    }

    public override string ToString() => Text;
}
