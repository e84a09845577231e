using Bogus;

namespace LoadLab.DynamoDb.Data.Generation;

/// <summary>Creates Bogus fakers that draw from a given source and never look at the clock.</summary>
internal static class Fakers
{
    /// <summary>
    /// "Now" for every date Bogus makes (past, recent, future). Fixed, so an item does not change with the day it is
    /// generated on.
    /// </summary>
    public static readonly DateTime Reference = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Faker Create(string locale, SplitMixRandom source) => new(locale)
    {
        Random = new SeededRandomizer(source),
        DateTimeReference = Reference,
    };
}
