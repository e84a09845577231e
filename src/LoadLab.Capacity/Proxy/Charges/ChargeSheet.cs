using LoadLab.Capacity.Model;

namespace LoadLab.Capacity.Proxy.Charges;

/// <summary>
/// The charges of one request (or one batch item) for the model, and the same units tallied per table,
/// per GSI and per LSI for the ConsumedCapacity the client asked for. LSI units are charged to the
/// table (LSIs share its capacity) but reported under LocalSecondaryIndexes, as DynamoDB does.
/// </summary>
internal sealed class ChargeSheet
{
    private readonly List<Charge> charges = [];
    private readonly List<TableTally> tallies = [];

    public IReadOnlyList<Charge> Charges => charges;

    public IReadOnlyList<TableTally> Tallies => tallies;

    public bool IsEmpty => charges.Count == 0;

    public void AddTable(string table, CapacityDimension dimension, double units, ulong partitionHash, string itemKey)
    {
        if (units <= 0)
            return;
        charges.Add(new Charge(table, null, dimension, units, partitionHash, itemKey));
        Tally(table).TableUnits += units;
    }

    public void AddGlobalIndex(string table, string index, CapacityDimension dimension, double units, ulong partitionHash, string itemKey)
    {
        if (units <= 0)
            return;
        charges.Add(new Charge(table, index, dimension, units, partitionHash, itemKey));
        Tally(table).AddGlobal(index, units);
    }

    public void AddLocalIndex(string table, string index, CapacityDimension dimension, double units, ulong partitionHash, string itemKey)
    {
        if (units <= 0)
            return;
        charges.Add(new Charge(table, null, dimension, units, partitionHash, itemKey));
        Tally(table).AddLocal(index, units);
    }

    /// <summary>Makes sure the table appears in ConsumedCapacity even when it consumed nothing on its own arm.</summary>
    public TableTally Touch(string table) => Tally(table);

    public void AddAll(ChargeSheet other)
    {
        charges.AddRange(other.charges);
        foreach (var tally in other.tallies)
        {
            var mine = Tally(tally.Table);
            mine.TableUnits += tally.TableUnits;
            foreach (var (index, units) in tally.GlobalIndexes)
                mine.AddGlobal(index, units);
            foreach (var (index, units) in tally.LocalIndexes)
                mine.AddLocal(index, units);
        }
    }

    public TableTally? Find(string table) => tallies.Find(t => string.Equals(t.Table, table, StringComparison.Ordinal));

    private TableTally Tally(string table)
    {
        var tally = Find(table);
        if (tally is null)
        {
            tally = new TableTally(table);
            tallies.Add(tally);
        }

        return tally;
    }
}

/// <summary>Units of one table in one request: its own arm, and each index's.</summary>
internal sealed class TableTally(string table)
{
    private readonly List<KeyValuePair<string, double>> globalIndexes = [];
    private readonly List<KeyValuePair<string, double>> localIndexes = [];

    public string Table { get; } = table;

    public double TableUnits { get; set; }

    public IReadOnlyList<KeyValuePair<string, double>> GlobalIndexes => globalIndexes;

    public IReadOnlyList<KeyValuePair<string, double>> LocalIndexes => localIndexes;

    /// <summary>The top-level CapacityUnits: the table arm plus every index (docs/capacity-model.md §9).</summary>
    public double Total => TableUnits + globalIndexes.Sum(p => p.Value) + localIndexes.Sum(p => p.Value);

    public void AddGlobal(string index, double units) => Add(globalIndexes, index, units);

    public void AddLocal(string index, double units) => Add(localIndexes, index, units);

    private static void Add(List<KeyValuePair<string, double>> list, string index, double units)
    {
        int at = list.FindIndex(p => string.Equals(p.Key, index, StringComparison.Ordinal));
        if (at < 0)
            list.Add(new KeyValuePair<string, double>(index, units));
        else
            list[at] = new KeyValuePair<string, double>(index, list[at].Value + units);
    }
}
