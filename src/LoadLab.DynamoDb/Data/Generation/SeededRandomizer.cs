using Bogus;

namespace LoadLab.DynamoDb.Data.Generation;

/// <summary>A Bogus randomizer drawing from a resettable <see cref="SplitMixRandom"/> instead of its own seeded Random.</summary>
internal sealed class SeededRandomizer : Randomizer
{
    public SeededRandomizer(SplitMixRandom source)
    {
        // Bogus keeps the source in a protected field and reads it on every draw, so resetting the source reseeds this.
        localSeed = source;
    }
}
