using LoadLab.Capacity.Model;

namespace LoadLab.Capacity.Proxy.Charges;

/// <summary>How a read is priced (docs/capacity-model.md §2): strongly consistent 1, eventually consistent 0.5, transactional 2 units per 4 KB.</summary>
internal enum ReadKind
{
    Strong,
    Eventual,
    Transactional,
}

/// <summary>
/// The unit arithmetic of M3: <c>rd(bytes, kind) = ceil(bytes / READ_BLOCK) × {1, EC, TXN}</c> and
/// <c>wr(bytes, txn) = ceil(bytes / writeBlockBytes', 'TXN' → 'transactionFactor) × {1, TXN}</c>, each with a minimum of one block (no read
/// or write is free). The constants come from the model's <see cref="CapacitySettings"/>, so a preset
/// or override changes proxy and model together.
/// </summary>
internal sealed class CostRules
{
    private readonly int readBlock;
    private readonly int writeBlock;
    private readonly double eventualFactor;
    private readonly double transactionFactor;

    public CostRules(CapacitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        readBlock = Math.Max(1, settings.ReadBlockBytes);
        writeBlock = Math.Max(1, settings.WriteBlockBytes);
        eventualFactor = settings.EventuallyConsistentFactor;
        transactionFactor = settings.TransactionFactor;
        ItemMaxBytes = settings.ItemMaxBytes;
        StorageOverheadBytes = settings.StorageOverheadBytesPerItem;
    }

    /// <summary>The documented constants (4 KB, 1 KB, 0.5, 2, 400 KB, 100 B).</summary>
    public static CostRules Documented { get; } = new(new CapacitySettings());

    /// <summary>DynamoDB's item size limit.</summary>
    public int ItemMaxBytes { get; }

    /// <summary>Billing overhead per stored item, added to stored-bytes deltas when an item appears or vanishes.</summary>
    public int StorageOverheadBytes { get; }

    public double Read(long bytes, ReadKind kind) => Blocks(bytes, readBlock) * kind switch
    {
        ReadKind.Eventual => eventualFactor,
        ReadKind.Transactional => transactionFactor,
        _ => 1,
    };

    public double Write(long bytes, bool transactional = false) => Blocks(bytes, writeBlock) * (transactional ? transactionFactor : 1);

    private static long Blocks(long bytes, int block) => Math.Max(1, (Math.Max(0, bytes) + block - 1) / block);
}
