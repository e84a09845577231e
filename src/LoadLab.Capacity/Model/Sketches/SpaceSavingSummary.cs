namespace LoadLab.Capacity.Model.Sketches;

/// <summary>
/// Space-saving top-K (Metwally et al.) over 128-bit keys with weights: fixed memory, and any key
/// carrying more than 1/K of the total is guaranteed to be held, its weight overestimated by at
/// most total/K. Used for the dominant-key rule and split point of hot partitions, and for the
/// most throttled keys. Every charge to a hot partition passes through here, so an add is a
/// dictionary lookup plus a sift in a min-heap of slots — no scans, no allocation once full.
/// </summary>
internal sealed class SpaceSavingSummary
{
    private readonly UInt128[] keys;
    private readonly double[] weights;
    private readonly int[] heap;      // slots ordered as a min-heap by weight
    private readonly int[] position;  // slot → index in heap
    private readonly Dictionary<UInt128, int> slots;

    public SpaceSavingSummary(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        keys = new UInt128[capacity];
        weights = new double[capacity];
        heap = new int[capacity];
        position = new int[capacity];
        slots = new Dictionary<UInt128, int>(capacity);
    }

    public int Count { get; private set; }

    /// <summary>Exact sum of everything added since the last <see cref="Clear"/>.</summary>
    public double Total { get; private set; }

    public void Add(UInt128 key, double weight)
    {
        Total += weight;
        if (slots.TryGetValue(key, out var slot))
        {
            weights[slot] += weight;
            SiftDown(position[slot]);
            return;
        }

        if (Count < keys.Length)
        {
            slot = Count++;
            keys[slot] = key;
            weights[slot] = weight;
            slots.Add(key, slot);
            heap[slot] = slot;
            position[slot] = slot;
            SiftUp(slot);
            return;
        }

        // The newcomer takes the lightest slot and inherits its weight: the overestimate that makes the guarantee hold.
        slot = heap[0];
        slots.Remove(keys[slot]);
        keys[slot] = key;
        weights[slot] += weight;
        slots.Add(key, slot);
        SiftDown(0);
    }

    public void Clear()
    {
        Count = 0;
        Total = 0;
        slots.Clear();
    }

    /// <summary>A copy of the entries ordered by key (for weighted medians).</summary>
    public (UInt128 Key, double Weight)[] ByKey()
    {
        var entries = Entries();
        Array.Sort(entries, static (a, b) => a.Key.CompareTo(b.Key));
        return entries;
    }

    /// <summary>A copy of the entries, heaviest first (ties by key, so output is deterministic).</summary>
    public (UInt128 Key, double Weight)[] ByWeight()
    {
        var entries = Entries();
        Array.Sort(entries, static (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Key.CompareTo(b.Key));
        return entries;
    }

    private (UInt128 Key, double Weight)[] Entries()
    {
        var entries = new (UInt128 Key, double Weight)[Count];
        for (var i = 0; i < Count; i++)
            entries[i] = (keys[i], weights[i]);
        return entries;
    }

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (weights[heap[parent]] <= weights[heap[index]])
                return;
            Swap(index, parent);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var smallest = index;
            var left = (2 * index) + 1;
            var right = left + 1;
            if (left < Count && weights[heap[left]] < weights[heap[smallest]])
                smallest = left;
            if (right < Count && weights[heap[right]] < weights[heap[smallest]])
                smallest = right;
            if (smallest == index)
                return;
            Swap(index, smallest);
            index = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (heap[a], heap[b]) = (heap[b], heap[a]);
        position[heap[a]] = a;
        position[heap[b]] = b;
    }
}
