using LoadLab.Core.Execution;

namespace LoadLab.Capacity.Model.Partitions;

/// <summary>
/// Positions in a resource's key space: the 64-bit partition-key hash in the high half and, for
/// splits inside one partition key (docs/capacity-model.md §14, tables without LSIs), a 64-bit hash of the item key in the
/// low half. Ordinary boundaries have a zero low half, so they never separate a partition key's
/// items and routing does not need the item hash.
/// </summary>
internal static class RoutingKey
{
    public static UInt128 Of(ulong partitionHash, ulong itemHash) => new(partitionHash, itemHash);

    /// <summary>Stable across runs and machines (unlike string.GetHashCode).</summary>
    public static ulong ItemHash(string itemKey) => DeterministicHash.Of(itemKey);

    public static ulong PartitionPart(UInt128 key) => (ulong)(key >> 64);

    public static ulong ItemPart(UInt128 key) => (ulong)key;
}
