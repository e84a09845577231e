using LoadLab.Capacity.Model.Metrics;
using LoadLab.Capacity.Model.Resources;
using LoadLab.Capacity.Model.Time;

namespace LoadLab.Capacity.Model;

/// <summary>
/// DynamoDB's throughput rules (docs/capacity-model.md §10–§19) as a pure,
/// <see cref="TimeProvider"/>-driven model: buckets with burst, partitions with adaptive capacity
/// and splits, on-demand ceilings, GSI back-pressure, auto scaling, metrics. Thread-safe with one
/// lock per table; the table registry is copy-on-write so lookups take no lock. Periodic work runs
/// lazily on calls (and on <see cref="Tick"/>); there is no background thread.
/// </summary>
/// <remarks>
/// Where the spec leaves room or the contract lacks information, the model decides as follows
/// (each a judgement call, [I] in the reference's terms):
/// <list type="bullet">
/// <item>On-demand peaks (M5): a minute counts at most the ceiling in force. What a minute serves
/// above it is the ceiling bucket's one second of stored tokens or debt overshoot, not traffic
/// growth, so 4,000/s sustained doubles to exactly 8,000. Peaks are recorded only while on demand.
/// When the ceiling is capped by the quota, a refusal names the account limit only.</item>
/// <item>On-demand P0 is ⌈max(OD_NEW_R/PART_MAX_R, OD_NEW_W/PART_MAX_W)⌉ (the spec's 4, from the parameters).</item>
/// <item>Split for heat (M2): "sustained" means every second of the window at or above the
/// threshold; a cooler second ends the streak, and so does a decision not to split (one key holds
/// more than the dominant share), so the next decision needs a full new window. The split point is
/// the load-weighted median of a space-saving top-K. It falls between partition keys unless the
/// table has no LSI and a split inside a key balances the load clearly better (one hot partition
/// key with many items). Inside a key, items are ordered by a hash of their key text, not by sort
/// key (a <see cref="Charge"/> carries no sort key), so sequential sort keys spread better than in DynamoDB.</item>
/// <item>Item buckets (M1) are dropped by a once-per-second sweep once idle for the eviction time
/// and refilled, instead of an LRU: such a bucket equals a new one.</item>
/// <item>Legacy mode gives each partition provisioned × its share of the key space: provisioned/P
/// for equal ranges, and the 2017 halving after a size split.</item>
/// <item>Size splits: <see cref="ICapacityModel.RecordStoredBytes"/> has no key, so data is assumed
/// spread evenly over the key space. Deltas should include the per-item billing overhead
/// (<see cref="CapacitySettings.StorageOverheadBytesPerItem"/>).</item>
/// <item>A provisioned bucket holds at least one second of capacity even when BurstSeconds is 0.
/// Exact admission asks for min(estimate, bucket capacity), per charge rather than summed over a
/// request's charges to the same bucket.</item>
/// <item>ThrottledRequests is counted once per refused <see cref="Admit"/> call, on the base table
/// (as CloudWatch does, even when a GSI refused); a batch admitted item by item counts per item.</item>
/// <item>UpdateTable: the definition is the table's full new state (GSIs not listed are removed).
/// Manual changes apply at once, auto scaling's after the update delay. The decrease budget is per
/// table or GSI, not per dimension. Auto scaling judges datapoints against the capacity in force at
/// evaluation, as the alarms are recreated after each scaling action. Quotas are checked on
/// UpdateTable only (CreateTable cannot refuse). Switching on demand → provisioned keeps the tokens
/// held (no fresh burst).</item>
/// <item>Charges for unknown tables or indexes are not limited (and not recorded).</item>
/// </list>
/// </remarks>
public sealed class CapacityModel : ICapacityModel
{
    private const int MaxRetiredResources = 256;

    // Reported in this order when one charge hits several limits: the first decides the exception.
    private static readonly ThrottleLimit[] CauseOrder =
        [ThrottleLimit.MaxOnDemand, ThrottleLimit.AccountLimit, ThrottleLimit.Provisioned, ThrottleLimit.KeyRange];

    private readonly ModelClock clock;
    private readonly object registryGate = new();
    private readonly List<CapacityResourceMetrics> retired = [];
    private Dictionary<string, TableState> tables = new(StringComparer.Ordinal);

    public CapacityModel(CapacitySettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        Settings = settings;
        clock = new ModelClock(time);
    }

    public CapacityModel()
        : this(new CapacitySettings(), TimeProvider.System)
    {
    }

    public CapacitySettings Settings { get; }

    public void CreateTable(TableCapacityDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var state = new TableState(Settings, clock, definition, clock.Now());
        lock (registryGate)
        {
            var next = new Dictionary<string, TableState>(tables, StringComparer.Ordinal);
            if (next.TryGetValue(definition.TableName, out var replaced))
                Retire(replaced);
            next[definition.TableName] = state;
            Volatile.Write(ref tables, next);
        }
    }

    public TableUpdateResult UpdateTable(TableCapacityDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var all = Volatile.Read(ref tables);
        if (!all.TryGetValue(definition.TableName, out var state))
            return TableUpdateResult.NotFound($"Requested resource not found: Table: {definition.TableName} not found");

        // The account quota sums the other tables; each is read under its own lock, never nested.
        double otherRead = 0, otherWrite = 0;
        foreach (var other in all.Values)
        {
            if (ReferenceEquals(other, state))
                continue;
            lock (other.Gate)
            {
                var (read, write) = other.ProvisionedTotal();
                otherRead += read;
                otherWrite += write;
            }
        }

        lock (state.Gate)
        {
            var now = state.Advance(clock.Now());
            return state.Update(definition, now, otherRead, otherWrite);
        }
    }

    public void DeleteTable(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        lock (registryGate)
        {
            if (!tables.TryGetValue(tableName, out var state))
                return;
            var next = new Dictionary<string, TableState>(tables, StringComparer.Ordinal);
            next.Remove(tableName);
            Retire(state);
            Volatile.Write(ref tables, next);
        }
    }

    public bool Knows(string tableName) => Volatile.Read(ref tables).ContainsKey(tableName);

    public TableCapacityDefinition? Describe(string tableName)
    {
        if (!Volatile.Read(ref tables).TryGetValue(tableName, out var state))
            return null;
        lock (state.Gate)
        {
            state.Advance(clock.Now());
            return state.Describe();
        }
    }

    /// <summary>
    /// Checks index charges first, then table charges (M4). Charges for unknown tables or indexes
    /// are not limited. A refusal lists unique causes, the first being the one that decides the
    /// exception; it deducts nothing and is counted. Allocates nothing when admitted.
    /// </summary>
    public Admission Admit(IReadOnlyList<Charge> estimated)
    {
        ArgumentNullException.ThrowIfNull(estimated);
        var all = Volatile.Read(ref tables);
        var now = clock.Now();
        List<Refusal>? refusals = null;
        for (var pass = 0; pass < 2; pass++)
        {
            var indexPass = pass == 0;
            for (var i = 0; i < estimated.Count; i++)
            {
                var charge = estimated[i];
                if ((charge.Index is not null) != indexPass || !all.TryGetValue(charge.Table, out var state))
                    continue;
                CapacityResource? resource;
                int refused;
                lock (state.Gate)
                {
                    var at = state.Advance(now);
                    resource = state.Resolve(charge.Index);
                    refused = resource?.Check(charge, at) ?? 0;
                }

                if (refused != 0)
                    (refusals ??= []).Add(new Refusal(state, resource!, charge, refused));
            }
        }

        return refusals is null ? Admission.Granted : Refuse(refusals);
    }

    public void Settle(IReadOnlyList<Charge> actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var all = Volatile.Read(ref tables);
        var now = clock.Now();
        for (var i = 0; i < actual.Count; i++)
        {
            var charge = actual[i];
            if (!all.TryGetValue(charge.Table, out var state))
                continue;
            lock (state.Gate)
            {
                var at = state.Advance(now);
                state.Resolve(charge.Index)?.Deduct(charge, at);
            }
        }
    }

    /// <summary>Admit, then deduct the estimate when admitted; the two steps are the ones every request takes.</summary>
    public Admission Reserve(IReadOnlyList<Charge> estimated)
    {
        var admission = Admit(estimated);
        if (admission.Admitted)
            Settle(estimated);
        return admission;
    }

    public void Release(IReadOnlyList<Charge> reserved)
    {
        ArgumentNullException.ThrowIfNull(reserved);
        var all = Volatile.Read(ref tables);
        var now = clock.Now();
        for (var i = 0; i < reserved.Count; i++)
        {
            var charge = reserved[i];
            if (!all.TryGetValue(charge.Table, out var state))
                continue;
            lock (state.Gate)
            {
                var at = state.Advance(now);
                state.Resolve(charge.Index)?.Refund(charge, at);
            }
        }
    }

    public void RecordStoredBytes(string tableName, long deltaBytes)
    {
        if (!Volatile.Read(ref tables).TryGetValue(tableName, out var state))
            return;
        lock (state.Gate)
        {
            var now = state.Advance(clock.Now());
            state.RecordStoredBytes(deltaBytes, now);
        }
    }

    public void Tick()
    {
        var now = clock.Now();
        foreach (var state in Volatile.Read(ref tables).Values)
        {
            lock (state.Gate)
                state.Advance(now);
        }
    }

    public CapacityMetricsSnapshot Snapshot()
    {
        var now = clock.Now();
        var resources = new List<CapacityResourceMetrics>();
        foreach (var state in Volatile.Read(ref tables).Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            lock (state.Gate)
            {
                var at = state.Advance(now);
                state.Snapshot(at, deleted: false, resources);
            }
        }

        lock (registryGate)
            resources.AddRange(retired);
        return new CapacityMetricsSnapshot
        {
            Preset = Settings.Preset,
            Overrides = Settings.Overrides,
            Parameters = Settings.Describe(),
            StartedAt = clock.ToTime(clock.Start),
            TakenAt = clock.ToTime(now),
            Resources = resources,
        };
    }

    private static Admission Refuse(List<Refusal> refusals)
    {
        var causes = new List<ThrottleCause>(refusals.Count);
        var counted = new List<TableState>(1);
        foreach (var refusal in refusals)
        {
            var resource = refusal.Resource;
            lock (refusal.State.Gate)
            {
                resource.RecordThrottle(refusal.Charge, refusal.Limits);
                // ThrottledRequests is one per request and per table, as in CloudWatch, even when a GSI refused.
                if (!counted.Contains(refusal.State))
                {
                    counted.Add(refusal.State);
                    refusal.State.Table.Metrics.ThrottledRequest();
                }
            }

            foreach (var limit in CauseOrder)
            {
                if ((refusal.Limits & CapacityResource.Bit(limit)) == 0)
                    continue;
                var reason = ThrottleReasons.Of(resource.IsIndex, refusal.Charge.Dimension, limit);
                if (!causes.Exists(c => c.Reason == reason && c.Table == resource.TableName && c.Index == resource.IndexName))
                    causes.Add(new ThrottleCause(reason, limit, resource.Mode, resource.TableName, resource.IndexName));
            }
        }

        return new Admission(false, causes);
    }

    private void Retire(TableState state)
    {
        // Called under the registry lock; the table's own lock nests inside it, never the other way round.
        var metrics = new List<CapacityResourceMetrics>();
        lock (state.Gate)
        {
            var now = state.Advance(clock.Now());
            state.Snapshot(now, deleted: true, metrics);
        }

        foreach (var item in metrics)
        {
            if (retired.Count >= MaxRetiredResources)
                retired.RemoveAt(0);
            retired.Add(item);
        }
    }

    private readonly record struct Refusal(TableState State, CapacityResource Resource, Charge Charge, int Limits);
}
