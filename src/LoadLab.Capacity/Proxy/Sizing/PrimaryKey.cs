namespace LoadLab.Capacity.Proxy.Sizing;

/// <summary>
/// An item's primary key as the proxy uses it: canonical text (the model's ItemKey), the partition hash
/// (routing) and a 128-bit id (the shadow index's dictionary key; far smaller than the text).
/// </summary>
/// <param name="PartitionText">Canonical text of the partition key alone (Query charges and scan groups).</param>
internal readonly record struct PrimaryKey(string Text, string PartitionText, ulong PartitionHash, UInt128 Id);
