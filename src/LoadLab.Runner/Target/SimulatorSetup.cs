using LoadLab.Runner.Running;
using LoadLab.Core.Errors;
using System.Globalization;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;
using LoadLab.Capacity.Proxy;
using LoadLab.Capacity.Proxy.Faults;
using LoadLab.Runner.Suites;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Target;

/// <summary>
/// The capacity simulator's share of a run: its settings (the suite's <c>simulator:</c> section under
/// <c>--preset</c> and <c>--simulator NAME=VALUE,…</c>) and the suite's auto scaling policies, pushed to
/// the simulator once the tables exist. Outside local runs nothing is configured, and the run says so.
/// </summary>
internal static class SimulatorSetup
{
    /// <summary>Parses <c>--preset NAME</c> and <c>--simulator NAME=VALUE,…</c>; problems go to <paramref name="errors"/>.</summary>
    public static SimulatorOptions ParseOptions(string? preset, string? overrides, List<string> errors)
    {
        var options = ShardOptions.ParsePreset(preset, errors);
        if (overrides is null)
            return options;
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in overrides.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == part.Length - 1)
            {
                errors.Add($"--simulator '{part}' must be NAME=VALUE, e.g. --simulator burstSeconds=0,onDemandPeakLag=2m");
                continue;
            }

            pairs[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (pairs.Count == 0)
        {
            errors.Add("--simulator needs at least one NAME=VALUE, e.g. --simulator burstSeconds=0");
            return options;
        }

        // faults.NAME=… are the faults to inject (the same entries as the suite's simulator.faults), the rest model parameters.
        var (capacity, faults) = FaultSettings.Split(pairs);
        try
        {
            // Checked against the preset it will be applied to; a bad preset was reported above.
            CapacityPresets.Resolve(options.Preset is { } p && CapacityPresets.Names.Contains(p) ? p : null, capacity);
        }
        catch (CapacitySettingsException e)
        {
            errors.AddRange(e.Errors.Select(error => "--simulator: " + error));
        }

        var faultErrors = new List<(string Name, string Error)>();
        FaultSettings.Parse(faults, faultErrors);
        errors.AddRange(faultErrors.Select(e => $"--simulator {FaultSettings.Prefix}{e.Name}: {e.Error}"));
        return options with { Overrides = pairs };
    }

    /// <summary>The settings a local run uses: the command line's preset and overrides over the suite's.</summary>
    public static SimulatorOptions Effective(SimulatorPlan suite, SimulatorOptions commandLine)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(commandLine);
        var overrides = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in suite.Overrides)
            overrides[name] = value;
        foreach (var (name, value) in suite.Faults)
            overrides[FaultSettings.Prefix + name] = value;
        foreach (var (name, value) in commandLine.Overrides ?? new Dictionary<string, string>())
            overrides[Canonical(name)] = value;
        return new SimulatorOptions(commandLine.Preset ?? suite.Preset, overrides);
    }

    /// <summary>The simulator's settings for <paramref name="options"/> (a preset and overrides), priced with <paramref name="prices"/> when given.</summary>
    /// <exception cref="InvalidInputException">A setting is unknown or out of range.</exception>
    public static CapacitySettings Settings(SimulatorOptions options, Core.Cost.CostPrices? prices = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (capacity, faultEntries) = FaultSettings.Split(options.Overrides);
        var faultErrors = new List<(string Name, string Error)>();
        var faults = FaultSettings.Parse(faultEntries, faultErrors);
        if (faultErrors.Count > 0)
            throw new InvalidInputException("Simulator faults are invalid: " + string.Join("; ", faultErrors.Select(e => $"{FaultSettings.Prefix}{e.Name}: {e.Error}")));
        try
        {
            var settings = CapacityPresets.Resolve(options.Preset, capacity) with { Faults = faults };
            return prices is null ? settings : settings.WithPrices(prices);
        }
        catch (CapacitySettingsException e)
        {
            throw new InvalidInputException("Simulator settings are invalid: " + e.Message);
        }
    }

    /// <summary>The simulator's policy body for a table's suite policies; null when the table does not scale.</summary>
    public static TableAutoScaling? AutoScalingOf(CapacityPlan capacity)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        return Scales(capacity) ? new TableAutoScaling { Read = Policy(capacity.ReadAutoScaling), Write = Policy(capacity.WriteAutoScaling) } : null;
    }

    /// <summary>The policy body for a table and its global indexes; null when none of them scales.</summary>
    public static TableAutoScaling? AutoScalingOf(TablePlan table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var indexes = ScalingIndexes(table)
            .ToDictionary(i => i.Name, i => new IndexAutoScaling { Read = Policy(i.Capacity!.ReadAutoScaling), Write = Policy(i.Capacity.WriteAutoScaling) }, StringComparer.Ordinal);
        var own = AutoScalingOf(table.Capacity);
        if (own is null && indexes.Count == 0)
            return null;
        return (own ?? new TableAutoScaling()) with { Indexes = indexes.Count == 0 ? null : indexes };
    }

    /// <summary>The table's global indexes with a policy of their own.</summary>
    private static IEnumerable<IndexPlan> ScalingIndexes(TablePlan table) => table.Indexes.Where(i => i.Capacity is { } c && Scales(c));

    private static bool Scales(CapacityPlan capacity) =>
        capacity.Mode == CapacityMode.Provisioned && (capacity.ReadAutoScaling is not null || capacity.WriteAutoScaling is not null);

    /// <summary>
    /// Pushes each table's auto scaling policy to the simulator of a local run. Elsewhere it warns: LoadLab
    /// does not configure Application Auto Scaling in AWS (that belongs to the infrastructure code).
    /// </summary>
    public static async Task ApplyAutoScalingAsync(RunPlan plan, TargetSession target, IRunReporter reporter, CancellationToken stop)
    {
        foreach (var table in plan.Tables)
        {
            if (AutoScalingOf(table) is not { } scaling)
                continue;
            if (target.Kind != TargetKind.Local || target.Endpoint is null)
            {
                reporter.Warn($"Table {table.Name}: capacity.autoScaling is simulated in local runs only; LoadLab does not configure Application Auto Scaling on {TargetKinds.Name(target.Kind)} targets, so the table keeps its units unless your infrastructure scales it.");
                continue;
            }

            var pushed = await SimulatorAdminClient.PushAutoScalingAsync(target.Endpoint, table.Name, scaling, stop).ConfigureAwait(false);
            if (pushed.Error is not null)
                throw new CannotRunException($"The capacity simulator refused the auto scaling policy of table {table.Name}: {pushed.Error}");
            reporter.Info($"Auto scaling of {table.Name} (simulated): {Describe(table.Capacity)}");
            foreach (var index in ScalingIndexes(table))
                reporter.Info($"Auto scaling of {table.Name} index {index.Name} (simulated): {Describe(index.Capacity!)}");
        }
    }

    /// <summary>"reads 5–400 units at 70 %, writes …" for the console.</summary>
    public static string Describe(CapacityPlan capacity)
    {
        static string One(string what, AutoScalingPlan? p) => p is null
            ? $"{what} fixed"
            : string.Create(CultureInfo.InvariantCulture, $"{what} {p.MinUnits:N0}–{p.MaxUnits:N0} units at {p.TargetPercent:0.#} % target");
        return One("reads", capacity.ReadAutoScaling) + ", " + One("writes", capacity.WriteAutoScaling);
    }

    private static AutoScalingPolicy? Policy(AutoScalingPlan? plan) =>
        plan is null ? null : new AutoScalingPolicy(plan.TargetPercent / 100, plan.MinUnits, plan.MaxUnits);

    // The command line accepts any letter case (as the simulator does); the suite's spelling is the canonical one.
    // A fault is named as the suite's are stored (faults.KIND.FIELD), so it replaces the suite's field.
    private static string Canonical(string name) =>
        name.StartsWith(FaultSettings.Prefix, StringComparison.OrdinalIgnoreCase)
            ? FaultSettings.Prefix + FaultSettings.Normalized(name[FaultSettings.Prefix.Length..])
            : SuiteKeys.SimulatorOverrides.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) ?? name;
}
