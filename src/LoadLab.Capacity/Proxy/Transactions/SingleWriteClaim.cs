using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Tables;

namespace LoadLab.Capacity.Proxy.Transactions;

/// <summary>
/// A PutItem, UpdateItem or DeleteItem in flight on an item: refused when a TransactWriteItems holds the item
/// (TransactionConflictException), and seen by transactions that start meanwhile (they are cancelled with
/// TransactionConflict). Dispose it once the emulator answered.
/// </summary>
internal readonly struct SingleWriteClaim : IDisposable
{
    private readonly ItemLockTable? locks;
    private readonly ItemRef item;

    private SingleWriteClaim(ItemLockTable? locks, ItemRef item, bool refused)
    {
        this.locks = locks;
        this.item = item;
        Refused = refused;
    }

    public bool Refused { get; }

    public static SingleWriteClaim Enter(OperationContext context, TableInfo table, PrimaryKey key)
    {
        var locks = context.Services.Locks;
        var item = new ItemRef(table.Name, key.Id);
        bool allowed = locks.TryBeginSingleWrite(item, out bool registered);
        return new SingleWriteClaim(registered ? locks : null, item, !allowed);
    }

    public void Dispose() => locks?.EndSingleWrite(item);
}
