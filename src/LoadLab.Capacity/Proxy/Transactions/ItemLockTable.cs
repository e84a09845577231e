namespace LoadLab.Capacity.Proxy.Transactions;

/// <summary>An item as transactions see it: its table and the 128-bit id of its primary key.</summary>
internal readonly record struct ItemRef(string Table, UInt128 Id);

/// <summary>
/// What is in flight on each item, so overlapping work conflicts the way DynamoDB's does
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-conflict-handling):
/// a TransactWriteItems conflicts with any transaction or single write in flight on one of its items; a
/// TransactGetItems with a transactional or single write in flight; a single write (PutItem, UpdateItem,
/// DeleteItem) only with a TransactWriteItems. Single writes register only once transactions are in use, so
/// workloads without transactions pay nothing here.
/// </summary>
internal sealed class ItemLockTable
{
    private readonly Dictionary<ItemRef, State> items = [];
    private readonly Lock gate = new();
    private volatile bool inUse;

    /// <summary>
    /// Locks every item for a TransactWriteItems, or none: the positions (in <paramref name="refs"/>) of the
    /// items something else holds; empty when all were locked.
    /// </summary>
    public List<int> TryLockForWrite(IReadOnlyList<ItemRef> refs) =>
        TryLock(refs, static s => s.TransactionWriter || s.TransactionReaders > 0 || s.SingleWriters > 0, static s => s.TransactionWriter = true);

    /// <summary>Locks every item for a TransactGetItems, or none (see <see cref="TryLockForWrite"/>).</summary>
    public List<int> TryLockForRead(IReadOnlyList<ItemRef> refs) =>
        TryLock(refs, static s => s.TransactionWriter || s.SingleWriters > 0, static s => s.TransactionReaders++);

    public void UnlockWrite(IReadOnlyList<ItemRef> refs) => Unlock(refs, static s => s.TransactionWriter = false);

    public void UnlockRead(IReadOnlyList<ItemRef> refs) => Unlock(refs, static s => s.TransactionReaders--);

    /// <summary>
    /// A single write starting: false when a TransactWriteItems holds the item (the write is refused with
    /// TransactionConflictException); else it is registered until <see cref="EndSingleWrite"/>.
    /// </summary>
    public bool TryBeginSingleWrite(ItemRef item, out bool registered)
    {
        registered = false;
        if (!inUse)
            return true;
        lock (gate)
        {
            var state = Get(item);
            if (state.TransactionWriter)
                return false;
            state.SingleWriters++;
            registered = true;
            return true;
        }
    }

    public void EndSingleWrite(ItemRef item) => Unlock([item], static s => s.SingleWriters--);

    private List<int> TryLock(IReadOnlyList<ItemRef> refs, Func<State, bool> conflicts, Action<State> take)
    {
        inUse = true;
        var held = new List<int>();
        lock (gate)
        {
            for (int i = 0; i < refs.Count; i++)
            {
                if (items.TryGetValue(refs[i], out var state) && conflicts(state))
                    held.Add(i);
            }

            if (held.Count > 0)
                return held;
            foreach (var item in refs)
                take(Get(item));
        }

        return held;
    }

    private void Unlock(IReadOnlyList<ItemRef> refs, Action<State> release)
    {
        lock (gate)
        {
            foreach (var item in refs)
            {
                if (!items.TryGetValue(item, out var state))
                    continue;
                release(state);
                if (state.IsFree)
                    items.Remove(item);
            }
        }
    }

    private State Get(ItemRef item)
    {
        if (!items.TryGetValue(item, out var state))
        {
            state = new State();
            items[item] = state;
        }

        return state;
    }

    private sealed class State
    {
        public bool TransactionWriter { get; set; }

        public int TransactionReaders { get; set; }

        public int SingleWriters { get; set; }

        public bool IsFree => !TransactionWriter && TransactionReaders <= 0 && SingleWriters <= 0;
    }
}
