using Amazon.DynamoDBv2.Model;
using Bogus;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Custom;

/// <summary>A compiled field expression: draws its value from the context's current stream.</summary>
internal abstract class ValueNode
{
    public abstract FieldKind Kind { get; }

    /// <summary>Entries of a map, for the schema; null for other kinds.</summary>
    public virtual IReadOnlyList<ModelField>? Fields => null;

    public abstract AttributeValue Generate(ItemContext context);

    /// <summary>Text drawn by a generator or pick, as the attribute type of <paramref name="kind"/>.</summary>
    protected static AttributeValue Typed(FieldKind kind, string text) => kind switch
    {
        FieldKind.Number => new AttributeValue { N = text },
        FieldKind.Bool => new AttributeValue { BOOL = text == "true" },
        _ => new AttributeValue { S = text },
    };
}

internal sealed class ConstantNode(FieldKind kind, string text) : ValueNode
{
    public override FieldKind Kind => kind;

    // A new value per item: items are mutable dictionaries that callers may change.
    public override AttributeValue Generate(ItemContext context) => Typed(kind, text);
}

internal sealed class IndexNode : ValueNode
{
    public override FieldKind Kind => FieldKind.Number;

    public override AttributeValue Generate(ItemContext context) => Values.N(context.Index);
}

internal sealed class PickNode(FieldKind kind, string[] choices) : ValueNode
{
    public override FieldKind Kind => kind;

    public override AttributeValue Generate(ItemContext context) => Typed(kind, context.Random.Pick(choices));
}

internal sealed class GeneratorNode(FieldKind kind, Func<Faker, string> make) : ValueNode
{
    public override FieldKind Kind => kind;

    public override AttributeValue Generate(ItemContext context) => Typed(kind, make(context.Faker));
}

/// <summary>A slow generator drawn from its per-locale pool.</summary>
internal sealed class PooledNode(FieldKind kind, Lazy<string[]> pool) : ValueNode
{
    public override FieldKind Kind => kind;

    public override AttributeValue Generate(ItemContext context) => Typed(kind, context.Random.Pick(pool.Value));
}

internal sealed class BinaryNode(long min, long max) : ValueNode
{
    public override FieldKind Kind => FieldKind.Binary;

    public override AttributeValue Generate(ItemContext context)
    {
        var bytes = new byte[context.Random.Between(min, max)];
        context.Random.NextBytes(bytes);
        return new AttributeValue { B = new MemoryStream(bytes, writable: false) };
    }
}

internal sealed class ListNode(ValueNode element, long min, long max) : ValueNode
{
    public override FieldKind Kind => FieldKind.List;

    public override AttributeValue Generate(ItemContext context)
    {
        long count = context.Random.Between(min, max);
        var list = new List<AttributeValue>((int)count);
        for (long i = 0; i < count; i++)
            list.Add(element.Generate(context));
        return Values.List(list);
    }
}

/// <summary>
/// SS, NS or BS of up to the drawn count of distinct values. DynamoDB refuses duplicates and empty sets, so
/// duplicates are dropped (after a few extra draws) and a set always keeps its first value.
/// </summary>
internal sealed class SetNode(ValueNode element, long min, long max) : ValueNode
{
    public override FieldKind Kind => element.Kind switch
    {
        FieldKind.Number => FieldKind.NumberSet,
        FieldKind.Binary => FieldKind.BinarySet,
        _ => FieldKind.StringSet,
    };

    public override AttributeValue Generate(ItemContext context)
    {
        long count = Math.Max(1, context.Random.Between(min, max));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Kept in draw order: a HashSet's order is an implementation detail, the item must not depend on it.
        var texts = new List<string>((int)Math.Min(count, 64));
        var binaries = Kind == FieldKind.BinarySet ? new List<MemoryStream>() : null;
        for (long attempt = 0; attempt < count * 3 && texts.Count < count; attempt++)
        {
            var value = element.Generate(context);
            string key = value.S ?? value.N ?? Convert.ToBase64String(value.B.ToArray());
            if (!seen.Add(key))
                continue;
            texts.Add(key);
            binaries?.Add(value.B);
        }

        return Kind switch
        {
            FieldKind.NumberSet => new AttributeValue { NS = texts },
            FieldKind.BinarySet => new AttributeValue { BS = binaries },
            _ => new AttributeValue { SS = texts },
        };
    }
}

/// <summary>A nested map; each entry draws from its own stream, like a top-level field.</summary>
internal sealed class MapNode(IReadOnlyList<(string Name, ulong Salt, ValueNode Value)> entries) : ValueNode
{
    public override FieldKind Kind => FieldKind.Map;

    public override IReadOnlyList<ModelField>? Fields { get; } = [.. entries.Select(e => new ModelField(e.Name, e.Value.Kind, e.Value.Fields))];

    public override AttributeValue Generate(ItemContext context)
    {
        var map = new Dictionary<string, AttributeValue>(entries.Count, StringComparer.Ordinal);
        foreach (var (name, salt, value) in entries)
        {
            context.Stream(salt);
            map[name] = value.Generate(context);
        }

        return Values.Map(map);
    }
}
