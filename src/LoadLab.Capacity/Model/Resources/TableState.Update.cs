using System.Globalization;

namespace LoadLab.Capacity.Model.Resources;

/// <summary>UpdateTable (docs/capacity-model.md §16): budgets and quotas are judged first, so a refusal changes nothing.</summary>
internal sealed partial class TableState
{
    /// <summary>
    /// Applies <paramref name="update"/> as the table's full new state: GSIs not listed are removed,
    /// new ones added. Manual changes take effect at once (auto scaling's take the update delay).
    /// </summary>
    /// <param name="otherRead">Provisioned read units of every other table, for the account quota.</param>
    public TableUpdateResult Update(TableCapacityDefinition update, double now, double otherRead, double otherWrite)
    {
        if (Refusal(update, now, otherRead, otherWrite) is { } refusal)
            return refusal;

        var switchingToOnDemand = Table.Mode == CapacityBillingMode.Provisioned && update.Mode == CapacityBillingMode.OnDemand;
        if (switchingToOnDemand)
            switches.Record(now);
        if (update.Mode == CapacityBillingMode.Provisioned && Table.Mode == CapacityBillingMode.Provisioned)
        {
            if (IsDecrease(Table, update.ReadUnits, update.WriteUnits))
                Table.Decreases.Record(now);
            foreach (var index in update.GlobalIndexes)
            {
                if (indexes.TryGetValue(index.IndexName, out var resource) && IsDecrease(resource, index.ReadUnits, index.WriteUnits))
                    resource.Decreases.Record(now);
            }
        }

        Table.Update(ResourceCapacity.Of(update), now);
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in update.GlobalIndexes)
        {
            listed.Add(index.IndexName);
            if (indexes.TryGetValue(index.IndexName, out var resource))
                resource.Update(ResourceCapacity.Of(index, update.Mode), now);
            else
                indexes[index.IndexName] = NewIndex(index, update.Mode, now);
        }

        foreach (var name in indexes.Keys.Where(name => !listed.Contains(name)).ToList())
        {
            // Keep a removed index's final numbers for the report, within a bound.
            if (retiredIndexes.Count < MaxRetiredIndexes)
                retiredIndexes.Add(indexes[name].Snapshot(now, deleted: true));
            indexes.Remove(name);
        }

        definition = update;
        return TableUpdateResult.Ok;
    }

    private TableUpdateResult? Refusal(TableCapacityDefinition update, double now, double otherRead, double otherWrite)
    {
        if (Table.Mode == CapacityBillingMode.Provisioned && update.Mode == CapacityBillingMode.OnDemand && !switches.Allowed(now))
        {
            return TableUpdateResult.LimitExceeded(
                $"Subscriber limit exceeded: Billing mode can be switched from PROVISIONED to PAY_PER_REQUEST at most {settings.ModeSwitchesPerWindow} times "
                + $"per {Text(settings.ModeSwitchWindow.TotalHours)} hours for table: {Name}. Next switch can be made at {At(switches.NextAllowed(now))}.");
        }

        if (update.Mode != CapacityBillingMode.Provisioned)
            return null;

        if (OverTableQuota(update.ReadUnits, update.WriteUnits) is { } tableQuota)
            return tableQuota;
        double read = update.ReadUnits, write = update.WriteUnits;
        foreach (var index in update.GlobalIndexes)
        {
            if (OverTableQuota(index.ReadUnits, index.WriteUnits) is { } indexQuota)
                return indexQuota;
            read += index.ReadUnits;
            write += index.WriteUnits;
        }

        if (otherRead + read > settings.AccountProvisionedReadUnits || otherWrite + write > settings.AccountProvisionedWriteUnits)
        {
            return TableUpdateResult.LimitExceeded(
                $"Subscriber limit exceeded: The requested provisioned throughput would exceed the account maximum of {Text(settings.AccountProvisionedReadUnits)} "
                + $"read and {Text(settings.AccountProvisionedWriteUnits)} write capacity units in {settings.Region}.");
        }

        if (Table.Mode != CapacityBillingMode.Provisioned)
            return null;
        if (IsDecrease(Table, update.ReadUnits, update.WriteUnits) && !Table.Decreases.Allowed(now))
            return DecreaseRefusal(Table, now);
        foreach (var index in update.GlobalIndexes)
        {
            if (indexes.TryGetValue(index.IndexName, out var resource) && IsDecrease(resource, index.ReadUnits, index.WriteUnits) && !resource.Decreases.Allowed(now))
                return DecreaseRefusal(resource, now);
        }

        return null;
    }

    private TableUpdateResult? OverTableQuota(double read, double write) =>
        read > settings.TableQuotaReadUnitsPerSecond || write > settings.TableQuotaWriteUnitsPerSecond
            ? TableUpdateResult.LimitExceeded(
                $"Subscriber limit exceeded: Provisioned throughput for table {Name} may not exceed the per-table maximum of "
                + $"{Text(settings.TableQuotaReadUnitsPerSecond)} read and {Text(settings.TableQuotaWriteUnitsPerSecond)} write capacity units.")
            : null;

    private static bool IsDecrease(CapacityResource resource, double read, double write) =>
        read < resource.Provisioned(CapacityDimension.Read) || write < resource.Provisioned(CapacityDimension.Write);

    // Wording after the service's own message, with this model's parameters.
    private TableUpdateResult DecreaseRefusal(CapacityResource resource, double now)
    {
        var what = resource.IndexName is null ? $"table {Name}" : $"index {resource.IndexName} of table {Name}";
        var last = resource.Decreases.Last is { } at ? $" Last decrease at {At(at)}." : string.Empty;
        return TableUpdateResult.LimitExceeded(
            $"Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first {settings.DecreasesInFirstHour} decreases, "
            + $"each subsequent decrease in the same UTC day can be performed at most once every {Text(settings.DecreaseInterval.TotalMinutes)} minutes "
            + $"(at most {settings.DecreasesPerDay} a day). Number of decreases today for {what}: {resource.Decreases.CountToday(now)}.{last} "
            + $"Next decrease can be made at {At(resource.Decreases.NextAllowed(now))}.");
    }

    private string At(double seconds) =>
        double.IsInfinity(seconds) ? "never" : clock.ToTime(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
