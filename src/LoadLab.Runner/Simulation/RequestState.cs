namespace LoadLab.Runner.Simulation;

/// <summary>
/// What one operation (one arrival) keeps between its attempts: the item drawn for it (a real run draws once and
/// retries the same request), the index an inserting put reserved, and how far a query got when a page was throttled.
/// </summary>
internal struct RequestState(long index)
{
    public long Index = index;

    /// <summary>The new item's index an inserting put reserved; -1 until reserved.</summary>
    public long Reserved = -1;

    /// <summary>Query: the partition (shard) being read, the position of its next page, and the totals so far.</summary>
    public int Shard;
    public int Position;
    public int Pages;
    public int Returned;
}
