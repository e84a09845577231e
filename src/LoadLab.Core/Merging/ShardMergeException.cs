namespace LoadLab.Core.Merging;

/// <summary>Shard results that cannot be merged; the message says which files disagree and how.</summary>
public sealed class ShardMergeException(string message) : Exception(message);
