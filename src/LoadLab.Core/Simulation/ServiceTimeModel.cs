using LoadLab.Core.Plans;

namespace LoadLab.Core.Simulation;

/// <summary>
/// DynamoDB's service time of one request as a lognormal per operation kind, fixed by its median and p99
/// (<see cref="ServiceTimeSettings"/>): ln T ~ N(ln median, σ²) with σ = ln(p99 / median) / z₀.₉₉. One uniform draw per
/// sample, turned into a normal by the inverse CDF, so a seed replays it and nothing is allocated. docs/simulate.md §4.
/// </summary>
public sealed class ServiceTimeModel : IServiceTimeModel
{
    /// <summary>The standard normal's 99th percentile.</summary>
    internal const double Z99 = 2.3263478740408408;

    // Longest sample: a guard against a far tail overflowing ticks, far beyond any timeout.
    private const double MaxTicks = TimeSpan.TicksPerHour;

    private readonly double[] mu;     // ln(median in ticks), by (int)OperationKind
    private readonly double[] sigma;

    /// <exception cref="ArgumentException">The settings fail <see cref="ServiceTimeSettings.Validate"/>; the message lists every problem.</exception>
    public ServiceTimeModel(ServiceTimeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = settings.Validate();
        if (errors.Count > 0)
            throw new ArgumentException("Invalid service times: " + string.Join(" ", errors), nameof(settings));

        Settings = settings;
        var kinds = Enum.GetValues<OperationKind>();
        mu = new double[kinds.Length];
        sigma = new double[kinds.Length];
        foreach (var kind in kinds)
        {
            var time = settings.Kinds[kind];
            mu[(int)kind] = Math.Log(time.Median.Ticks);
            sigma[(int)kind] = Math.Log((double)time.P99.Ticks / time.Median.Ticks) / Z99;
        }
    }

    /// <summary>LoadLab's default assumptions (<see cref="ServiceTimeSettings.Default"/>).</summary>
    public static ServiceTimeModel Default { get; } = new(ServiceTimeSettings.Default);

    public ServiceTimeSettings Settings { get; }

    public TimeSpan Sample(OperationKind kind, Random random)
    {
        var z = StandardNormal.Quantile(random.NextDouble());
        var ticks = Math.Exp(mu[(int)kind] + sigma[(int)kind] * z);
        return TimeSpan.FromTicks((long)Math.Round(Math.Min(ticks, MaxTicks)));
    }
}
