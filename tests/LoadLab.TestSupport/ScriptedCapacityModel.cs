using LoadLab.Capacity.Model;

namespace LoadLab.TestSupport;

/// <summary>
/// A capacity model that does what the test says: refuses the charges <see cref="Refuse"/> returns a cause
/// for, refuses UpdateTable when <see cref="RefuseUpdates"/> is set, and records every call. The real model is
/// tested on its own; with this one the subject is the proxy and what SDKs make of it (unit and integration tests).
/// </summary>
public sealed class ScriptedCapacityModel : ICapacityModel
{
    private readonly Dictionary<string, TableCapacityDefinition> tables = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int ticks;

    /// <summary>Decides per charge; a non-null cause refuses the request (or batch item) holding it.</summary>
    public Func<Charge, ThrottleCause?> Refuse { get; set; } = _ => null;

    public string? RefuseUpdates { get; set; }

    public List<IReadOnlyList<Charge>> Admitted { get; } = [];

    public List<IReadOnlyList<Charge>> Settled { get; } = [];

    public List<TableCapacityDefinition> Created { get; } = [];

    public List<TableCapacityDefinition> Updated { get; } = [];

    public List<(string Table, long Delta)> StoredBytes { get; } = [];

    public CapacitySettings Settings { get; init; } = new();

    /// <summary>Every settled charge so far, in order (a copy).</summary>
    public IReadOnlyList<Charge> SettledCharges
    {
        get
        {
            lock (gate)
                return Settled.SelectMany(c => c).ToList();
        }
    }

    public static ThrottleCause Cause(Charge charge, string limitType, ThrottleLimit limit, CapacityBillingMode mode) =>
        new((charge.Index is null ? "Table" : "Index") + charge.Dimension + limitType, limit, mode, charge.Table, charge.Index);

    /// <summary>A <see cref="Refuse"/> script that refuses every write charge, e.g. "KeyRangeThroughputExceeded".</summary>
    public static Func<Charge, ThrottleCause?> RefuseWrites(ThrottleLimit limit, CapacityBillingMode mode, string limitType) =>
        c => c.Dimension == CapacityDimension.Write ? Cause(c, limitType, limit, mode) : null;

    /// <summary>Replaces what the model knows of a table, as if it had been created so, without recording a call.</summary>
    public void Set(TableCapacityDefinition definition)
    {
        lock (gate)
            tables[definition.TableName] = definition;
    }

    /// <summary>Forgets the settled charges, so a test can look at one request's alone.</summary>
    public void ClearSettled()
    {
        lock (gate)
            Settled.Clear();
    }

    public void CreateTable(TableCapacityDefinition definition)
    {
        lock (gate)
        {
            tables[definition.TableName] = definition;
            Created.Add(definition);
        }
    }

    public TableUpdateResult UpdateTable(TableCapacityDefinition definition)
    {
        lock (gate)
        {
            if (RefuseUpdates is { } message)
                return TableUpdateResult.LimitExceeded(message);
            tables[definition.TableName] = definition;
            Updated.Add(definition);
            return TableUpdateResult.Ok;
        }
    }

    public void DeleteTable(string tableName)
    {
        lock (gate)
            tables.Remove(tableName);
    }

    public bool Knows(string tableName)
    {
        lock (gate)
            return tables.ContainsKey(tableName);
    }

    public TableCapacityDefinition? Describe(string tableName)
    {
        lock (gate)
            return tables.GetValueOrDefault(tableName);
    }

    public Admission Admit(IReadOnlyList<Charge> estimated)
    {
        var causes = estimated.Select(Refuse).OfType<ThrottleCause>().ToList();
        lock (gate)
            Admitted.Add(estimated.ToList());
        return causes.Count == 0 ? Admission.Granted : new Admission(false, causes);
    }

    public void Settle(IReadOnlyList<Charge> actual)
    {
        lock (gate)
            Settled.Add(actual.ToList());
    }

    public void RecordStoredBytes(string tableName, long deltaBytes)
    {
        lock (gate)
            StoredBytes.Add((tableName, deltaBytes));
    }

    public int Ticks => Volatile.Read(ref ticks);

    public CapacityMetricsSnapshot Snapshot() => new() { Preset = "scripted" };

    public void Tick() => Interlocked.Increment(ref ticks);
}
