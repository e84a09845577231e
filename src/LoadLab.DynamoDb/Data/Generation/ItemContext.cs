using Bogus;
using LoadLab.Core.Execution;

namespace LoadLab.DynamoDb.Data.Generation;

/// <summary>
/// What generating one item needs: the item's (seed, index), a random source and a Bogus <see cref="Bogus.Faker"/> of
/// the data set's locale. One per thread, reused: a Faker loads its locale data and builds a dozen data sets, which is
/// far too slow per item, and it is safe to share across items because every field reseeds the source first.
/// </summary>
internal sealed class ItemContext
{
    [ThreadStatic]
    private static ItemContext? current;

    private readonly Dictionary<string, Faker> fakers = new(StringComparer.Ordinal);

    private ItemContext()
    {
    }

    public SplitMixRandom Random { get; } = new();

    public Faker Faker { get; private set; } = null!;

    public long Seed { get; private set; }

    public long Index { get; private set; }

    /// <summary>This thread's context, set to item (<paramref name="seed"/>, <paramref name="index"/>) in <paramref name="locale"/>.</summary>
    public static ItemContext Begin(string locale, long seed, long index)
    {
        var context = current ??= new ItemContext();
        context.Faker = context.FakerFor(locale);
        context.Seed = seed;
        context.Index = index;
        return context;
    }

    /// <summary>
    /// Reseeds the source for one field (or group of fields) from (seed, index, salt): the field's values then depend
    /// on nothing else, so adding a field or regenerating only the key fields never changes another field.
    /// </summary>
    public SplitMixRandom Stream(ulong salt)
    {
        Random.Reset(DeterministicHash.Of(Seed, Index, unchecked((long)salt)));
        return Random;
    }

    /// <summary>Like <see cref="Stream"/>, for fields drawn through Bogus.</summary>
    public Faker FakerStream(ulong salt)
    {
        Stream(salt);
        return Faker;
    }

    private Faker FakerFor(string locale)
    {
        if (!fakers.TryGetValue(locale, out var faker))
        {
            faker = Fakers.Create(locale, Random);
            fakers.Add(locale, faker);
        }

        return faker;
    }
}
