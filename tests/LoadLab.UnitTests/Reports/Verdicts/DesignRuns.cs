using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.UnitTests.Core.Budgets;
using static LoadLab.TestSupport.SyntheticRun;

namespace LoadLab.UnitTests.Reports.Verdicts;

/// <summary>
/// Designs for the verdict tests: one put operation over a number of seconds, latencies drawn around a median with
/// seeded noise (so "the same design" twice differs only by noise), some of them failed, and a cost per million.
/// </summary>
internal static class DesignRuns
{
    /// <param name="medianMicros">The median latency of successful operations.</param>
    /// <param name="failedPerSecond">Operations per second that end throttled (fast: they fail at 300 µs).</param>
    /// <param name="failingSeconds">When set, only these seconds (from, count) have <paramref name="failedPerSecond"/> failures: a throttle storm.</param>
    public static VariantRun Design(string name, long medianMicros, int failedPerSecond = 0, int seed = 1, int seconds = 30, int perSecond = 100, double usdPerMillion = 25, (int From, int Count)? failingSeconds = null)
    {
        var random = new Random(seed);
        var series = new Second[seconds];
        int storm = failedPerSecond;
        for (int s = 0; s < seconds; s++)
        {
            failedPerSecond = failingSeconds is { } f && (s < f.From || s >= f.From + f.Count) ? 0 : storm;
            var micros = new List<long>(perSecond);
            for (int i = 0; i < perSecond - failedPerSecond; i++)
                micros.Add((long)(medianMicros * Math.Exp(0.25 * Gaussian(random))));
            for (int i = 0; i < failedPerSecond; i++)
                micros.Add(300);
            series[s] = new Second([.. micros], Throttled: failedPerSecond);
        }

        var operation = Operation("put", series);
        operation = operation with { ThrottleReasons = storm == 0 ? new Dictionary<string, long>() : new Dictionary<string, long> { ["TableWriteKeyRangeThroughputExceeded"] = operation.Count("throttled") } };
        var run = Create(Scenario("orders", operation));
        long served = operation.Count("ok");
        double usd = usdPerMillion * served / 1_000_000;
        var table = new TableCost("local_T-" + name, "on-demand", "simulator", seconds, served, 0, served, 0, 0, 0, perSecond,
            new ModeCost("on-demand", usd, usdPerMillion, usd * 3600 / seconds, "consumed units at on-demand prices"),
            new ModeCost("provisioned", usd / 2, usdPerMillion / 2, usd * 1800 / seconds, "what if"));
        return new VariantRun(name, run with { Cost = new RunCost { Prices = LoadLab.Core.Cost.CostPrices.Default, Tables = [table] } });
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
