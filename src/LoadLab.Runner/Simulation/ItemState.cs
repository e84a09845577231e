using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Pricing;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// What a simulated table holds under one item index: the item's key, its stored image as the proxy remembers it
/// (size and index entries; null when absent) and the attributes writes put over the generated item. The item itself
/// is never kept: it is regenerated from (seed, index) and <see cref="Changes"/> when a write needs it.
/// </summary>
internal sealed class ItemState(PricedKey key, StoredImage? image, bool generated)
{
    public PricedKey Key { get; } = key;

    /// <summary>The stored item's image; null when the table has no item under this key.</summary>
    public StoredImage? Image { get; set; } = image;

    /// <summary>Whether the generated item underlies the stored one (false once deleted, and for a key never seeded).</summary>
    public bool Generated { get; set; } = generated;

    /// <summary>Attributes written over the generated item (a put's version and time, an update's SET and ADD); null when none.</summary>
    public Dictionary<string, AttributeValue>? Changes { get; set; }

    public bool Exists => Image is not null;
}
