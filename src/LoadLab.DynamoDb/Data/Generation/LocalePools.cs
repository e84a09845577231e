using System.Collections.Concurrent;
using Bogus;
using LoadLab.Core.Execution;

namespace LoadLab.DynamoDb.Data.Generation;

/// <summary>
/// Values Bogus makes slowly (a city or a street address takes about 10 µs: Bogus parses a format template per call),
/// made once per locale and then drawn from by index. 4,096 distinct values per kind look realistic in any table and
/// keep item generation in the low microseconds. Pools depend on (locale, kind) only, so they are the same on every run.
/// </summary>
internal static class LocalePools
{
    public const int Size = 4096;

    private static readonly ConcurrentDictionary<(string Locale, string Kind), Lazy<object>> Pools = new();

    public static T[] Of<T>(string locale, string kind, Func<Faker, T> make)
    {
        var lazy = Pools.GetOrAdd((locale, kind), key => new Lazy<object>(() => Build(key.Locale, key.Kind, make)));
        return (T[])lazy.Value;
    }

    private static T[] Build<T>(string locale, string kind, Func<Faker, T> make)
    {
        var source = new SplitMixRandom();
        source.Reset(DeterministicHash.Of(locale + "/" + kind));
        var faker = Fakers.Create(locale, source);
        var values = new T[Size];
        for (int i = 0; i < values.Length; i++)
            values[i] = make(faker);
        return values;
    }
}
