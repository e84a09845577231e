using LoadLab.Capacity.Model;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>
/// A capacity model the test scripts: it refuses the charges <see cref="Refuse"/> returns a cause for and
/// records what it was told (tables, admissions, settlements). The real model is tested on its own; here
/// the subject is the proxy and what real SDKs make of it.
/// </summary>
internal sealed class ScriptedModel : ICapacityModel
{
    private readonly Dictionary<string, TableCapacityDefinition> tables = new(StringComparer.Ordinal);
    private readonly List<Charge> settled = [];
    private readonly Lock gate = new();

    public Func<Charge, ThrottleCause?> Refuse { get; set; } = _ => null;

    public CapacitySettings Settings { get; } = new();

    public static Func<Charge, ThrottleCause?> RefuseWrites(ThrottleLimit limit, CapacityBillingMode mode, string limitType) =>
        c => c.Dimension == CapacityDimension.Write
            ? new ThrottleCause((c.Index is null ? "Table" : "Index") + "Write" + limitType, limit, mode, c.Table, c.Index)
            : null;

    public IReadOnlyList<Charge> Settled
    {
        get
        {
            lock (gate)
                return settled.ToList();
        }
    }

    public void Set(TableCapacityDefinition definition)
    {
        lock (gate)
            tables[definition.TableName] = definition;
    }

    public void CreateTable(TableCapacityDefinition definition) => Set(definition);

    public TableUpdateResult UpdateTable(TableCapacityDefinition definition)
    {
        Set(definition);
        return TableUpdateResult.Ok;
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
        var causes = estimated.Select(c => Refuse(c)).OfType<ThrottleCause>().ToList();
        return causes.Count == 0 ? Admission.Granted : new Admission(false, causes);
    }

    public void Settle(IReadOnlyList<Charge> actual)
    {
        lock (gate)
            settled.AddRange(actual);
    }

    public void ClearSettled()
    {
        lock (gate)
            settled.Clear();
    }

    public void RecordStoredBytes(string tableName, long deltaBytes)
    {
    }

    public CapacityMetricsSnapshot Snapshot() => new() { Preset = "scripted" };
}
