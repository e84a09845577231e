using LoadLab.Core.Budgets;
using HdrHistogram;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports;

public class ChartsTests
{
    private static readonly RunResult Run = SyntheticRuns.Run;

    [Fact]
    public async Task Every_chart_is_written_as_a_valid_png_of_the_chart_size()
    {
        using var dir = new TempDirectory();
        var written = await new ChartsExporter().ExportAsync(Run, dir.Path, CancellationToken.None);

        string[] expected =
        [
            "throughput-browse", "throttles-browse", "latency-browse-get", "latency-browse-query", "percentiles-browse",
            "throughput-checkout", "throttles-checkout", "latency-checkout-put", "percentiles-checkout",
            "throttles", "capacity-orders-read", "capacity-orders-write", "attempts",
        ];
        Assert.Equal(string.Join(",", expected), string.Join(",", written.Select(Path.GetFileNameWithoutExtension)));
        foreach (var path in written)
        {
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal((1000, 420), Png.Check(bytes));
            // A chart with axes, labels and lines compresses to tens of KB; a blank image to about one.
            Assert.InRange(bytes.Length, 8_000, 2_000_000);
        }
    }

    [Fact]
    public void Charts_without_data_are_left_out()
    {
        var quiet = Run with
        {
            Scenarios = Run.Scenarios.Select(s => s with
            {
                Operations = s.Operations.Select(o => o with
                {
                    Series = o.Series.Select(p => p with { Throttled = 0, ThrottleEvents = null }).ToArray(),
                    ThrottleReasons = new Dictionary<string, long>(),
                    Outcomes = o.Outcomes.Where(x => x.Key != "throttled").ToDictionary(),
                    ThrottledAttempts = 0,
                    ReadUnits = 0,
                    WriteUnits = 0,
                }).ToArray(),
            }).ToArray(),
        };
        var charts = RunCharts.Build(quiet);
        try
        {
            Assert.DoesNotContain(charts, c => c.Id.StartsWith("throttles", StringComparison.Ordinal) || c.Id.StartsWith("capacity", StringComparison.Ordinal));
            Assert.Contains(charts, c => c.Id == "attempts");
        }
        finally
        {
            foreach (var c in charts) c.Dispose();
        }
    }

    [Fact]
    public void Svg_output_is_inline_ready_and_scalable()
    {
        using var chart = ThroughputChart.Create("t", Run.Scenarios[0], TimeAxis.For(120));
        string svg = chart.ToSvg();
        Assert.StartsWith("<svg viewBox=\"0 0 1000 420\" ", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", svg, StringComparison.Ordinal);
        Assert.Contains("Throughput: browse", svg, StringComparison.Ordinal);
        Assert.Contains("operations per second", svg, StringComparison.Ordinal);
        Assert.Contains("time since start (s)", svg, StringComparison.Ordinal);
        Assert.Contains("achieved (completed)", svg, StringComparison.Ordinal);
        Assert.Equal((1000, 420), Png.Check(chart.ToPng()));
    }

    [Theory]
    [InlineData(0, "0%")]
    [InlineData(1, "90%")]
    [InlineData(2, "99%")]
    [InlineData(3, "99.9%")]
    [InlineData(5, "99.999%")]
    public void The_nines_axis_labels_percentiles(int nines, string label) => Assert.Equal(label, NinesAxis.Label(nines));

    [Fact]
    public void The_nines_curve_rises_to_the_maximum_at_log10_of_the_count()
    {
        var histogram = LatencyScale.NewHistogram();
        for (int i = 1; i <= 10_000; i++) histogram.RecordValue(i * 10);
        var (xs, ys) = NinesAxis.Curve(histogram);

        Assert.Equal(0, xs[0]);
        Assert.Equal(4, xs[^1], 6);
        Assert.Equal(LatencyScale.ToMilliseconds(histogram.GetMaxValue()), ys[^1]);
        Assert.Equal(2, NinesAxis.X(99), 9);
        int at99 = Array.FindIndex(xs, x => Math.Abs(x - 2) < 1e-9);
        Assert.Equal(LatencyScale.ToMilliseconds(histogram.GetValueAtPercentile(99)), ys[at99]);
        for (int i = 1; i < ys.Length; i++) Assert.True(ys[i] >= ys[i - 1], "percentile curve must not fall");
    }

    [Fact]
    public void An_operation_keeps_its_colour_across_scenarios_and_charts()
    {
        var palette = new OperationPalette(["get", "put", "get", "query"]);
        Assert.Equal(palette["get"], new OperationPalette(["get"])["get"]);
        Assert.Equal(3, new[] { palette["get"], palette["put"], palette["query"] }.Distinct().Count());
        Assert.Matches("^#[0-9a-f]{6}$", palette.Hex("put"));
        Assert.Equal(palette["unknown"], palette["unknown"]);
    }

    [Fact]
    public void Throttle_series_keep_every_throttle_and_split_by_reason()
    {
        var throttles = ThrottleSeries.FromOperations(Run);
        long expected = Run.Scenarios.Sum(s => s.Operations.Sum(o => o.Series.Sum(p => p.Throttled)));
        double total = throttles.Reasons.Sum(r => r.Points.Sum(p => p.PerSecond * p.Length));
        Assert.Equal(expected, total, 6);
        Assert.Equal(
            Run.Scenarios.SelectMany(s => s.Operations).SelectMany(o => o.ThrottleReasons.Keys).Distinct().Order(StringComparer.Ordinal),
            throttles.Reasons.Select(r => r.Reason));
        // The whole timeline, zeros included, so lines never bridge two bursts.
        Assert.All(throttles.Reasons, r => Assert.Equal(120, r.Points.Count));
        Assert.NotNull(throttles.Note);
    }

    [Fact]
    public void Capacity_series_spread_each_operations_units_over_its_intervals()
    {
        var series = Assert.Single(CapacitySeries.FromOperations(Run));
        Assert.Equal("orders", series.Scope);
        double read = Run.Scenarios.Sum(s => s.Operations.Sum(o => o.ReadUnits));
        double write = Run.Scenarios.Sum(s => s.Operations.Sum(o => o.WriteUnits));
        Assert.Equal(read, series.Points.Sum(p => p.ReadUnitsPerSecond * p.Length), 3);
        Assert.Equal(write, series.Points.Sum(p => p.WriteUnitsPerSecond * p.Length), 3);
        Assert.StartsWith("Estimated", series.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capacity_chart_is_scaled_to_what_was_consumed_and_names_a_limit_far_above_it()
    {
        // 80 RCU/s against a 12,000 RCU/s on-demand ceiling: drawn, the ceiling would flatten the traffic to zero.
        var points = Enumerable.Range(0, 60).Select(i => new CapacityPoint(i, 1, 80 + (i % 7), 0, ReadLimit: 12_000, Partitions: i < 30 ? 1 : 2)).ToArray();
        using var chart = CapacityChart.Create("capacity-orders-read", new CapacitySeries("Orders_v2", points, "on-demand ceiling"), TimeAxis.For(60), write: false);

        Assert.Contains("Partitions grew from 1 to 2 (at most 2).", chart.Caption, StringComparison.Ordinal);
        Assert.Contains("on-demand ceiling (12,000 RCU/s) is", chart.Caption, StringComparison.Ordinal);
        Assert.Contains("not drawn", chart.Caption, StringComparison.Ordinal);
        string svg = chart.ToSvg();
        Assert.Contains("consumed RCU/s", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("on-demand ceiling RCU/s", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provisioned_limit_near_the_traffic_and_a_partition_at_its_limit_are_drawn()
    {
        // 1,300 of 3,000 provisioned WCU/s looks healthy, but one partition runs at its 1,000 WCU/s limit.
        var points = Enumerable.Range(0, 30).Select(i => new CapacityPoint(i, 1, 0, 1_300, WriteLimit: 3_000, HotPartitionWrite: 1_000)).ToArray();
        var series = new CapacitySeries("HotKey", points, "provisioned", PartitionLimitWrite: 1_000, KeyRangeThrottles: new Dictionary<string, long> { ["write"] = 500 });

        using var chart = CapacityChart.Create("capacity-hotkey-write", series, TimeAxis.For(30), write: true);

        string svg = chart.ToSvg();
        Assert.Contains("provisioned WCU/s", svg, StringComparison.Ordinal);
        Assert.Contains("per-partition / per-key limit 1,000 WCU/s", svg, StringComparison.Ordinal);
        Assert.Contains("busiest partition WCU/s", svg, StringComparison.Ordinal);
        Assert.Contains("busiest partition reached 1,000 WCU/s", chart.Caption, StringComparison.Ordinal);
        Assert.False(CapacityChart.Consumed(series, write: false));
    }

    [Fact]
    public void The_throughput_chart_shades_warm_up_and_the_latency_chart_draws_budgets_and_p95()
    {
        var scenario = Run.Scenarios[0];
        using var throughput = ThroughputChart.Create("t", scenario, TimeAxis.For(120));
        using var latency = LatencyOverTimeChart.Create("l", scenario, scenario.Operations[0], OperationPalette.For(Run), TimeAxis.For(120), Run.Budgets);

        Assert.Contains("warm-up (not measured)", Texts(throughput));
        Assert.Contains("(the drain) are left out", throughput.Caption, StringComparison.Ordinal);
        var texts = Texts(latency);
        Assert.Contains("p95", texts);
        var budget = Run.Budgets.First(b => b.Unit == "ms" && (b.Scenario ?? scenario.Name) == scenario.Name && (b.Operation ?? scenario.Operations[0].Name) == scenario.Operations[0].Name);
        Assert.Contains("budget " + budget.Name + (budget.Passed ? "" : " (failed)"), texts);
    }

    [Fact]
    public void A_met_latency_budget_far_above_the_data_is_named_in_the_caption_instead_of_flattening_the_chart()
    {
        var scenario = Run.Scenarios[0];
        var operation = scenario.Operations[0];
        BudgetOutcome Budget(double limit, bool passed) =>
            new($"{scenario.Name}/{operation.Name} p99 <= {limit} ms", scenario.Name, operation.Name, "p99", "<=", limit, 1, "ms", passed);

        using var loose = LatencyOverTimeChart.Create("l", scenario, operation, OperationPalette.For(Run), TimeAxis.For(120), [Budget(100_000, passed: true)]);
        using var broken = LatencyOverTimeChart.Create("b", scenario, operation, OperationPalette.For(Run), TimeAxis.For(120), [Budget(100_000, passed: false)]);

        Assert.DoesNotContain(Texts(loose), t => t.StartsWith("budget ", StringComparison.Ordinal));
        Assert.Contains("p99 <= 100000 ms (met) is", loose.Caption, StringComparison.Ordinal);
        Assert.Contains("not drawn", loose.Caption, StringComparison.Ordinal);
        // The y axis follows the data, not the budget: no tick anywhere near 100 s.
        Assert.DoesNotContain(Texts(loose), t => double.TryParse(t.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 10_000);
        // A broken budget is always drawn, however far off.
        Assert.Contains(Texts(broken), t => t.StartsWith("budget ", StringComparison.Ordinal) && t.EndsWith("(failed)", StringComparison.Ordinal));
    }

    /// <summary>The texts an SVG chart shows (legend entries, labels, ticks), unescaped.</summary>
    private static List<string> Texts(Chart chart) =>
        [.. System.Text.RegularExpressions.Regex.Matches(chart.ToSvg(), "<text[^>]*>([^<]*)</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value.Trim()))];

    [Fact]
    public void A_table_that_throttled_gets_a_partition_heat_view()
    {
        var seconds = Enumerable.Range(0, 20).Select(i => new SimulatorSecond(
            i, 1, 0, 1_500, 0, 3_000, i % 2, new Dictionary<string, long> { ["TableWriteKeyRangeThroughputExceeded"] = 5 }, 0, 0, 4,
            0, 1_000, [0.1, 1.0, 0.2, 0.1])).ToArray();
        var result = Run with
        {
            Simulator = new SimulatorSection
            {
                Preset = "documented",
                Window = new SimulatorWindow(Run.Run.StartedAt, 0, 20, "rule"),
                Resources = [new SimulatorResource
                {
                    Table = "HotKey", Mode = "provisioned", ProvisionedWriteUnits = 3_000, Seconds = seconds, PartitionLimitWriteUnits = 1_000,
                    ThrottleEventsByReason = new Dictionary<string, long> { ["TableWriteKeyRangeThroughputExceeded"] = 100 },
                }],
            },
        };

        var charts = RunCharts.Build(result);
        try
        {
            var heat = Assert.Single(charts, c => c.Id == "partition-heat-hotkey");
            Assert.Contains("share of partition limit", heat.ToSvg(), StringComparison.Ordinal);
            Assert.Contains(charts, c => c.Id == "capacity-hotkey-write");
            Assert.DoesNotContain(charts, c => c.Id == "capacity-hotkey-read");
        }
        finally
        {
            foreach (var c in charts) c.Dispose();
        }
    }

    [Fact]
    public void Long_runs_are_bucketed_to_a_readable_number_of_points()
    {
        Assert.Equal(1, Buckets.Size(600));
        Assert.Equal(6, Buckets.Size(3600));
        Assert.Equal(12, Buckets.Size(7200));
        var split = Buckets.Split(Enumerable.Range(0, 3601).ToArray(), 6).ToArray();
        Assert.Equal(601, split.Length);
        Assert.Equal([3600], split[^1]);
        Assert.Equal(" Each point covers 6 s (averaged).", Buckets.Note(6, 1));
    }

    [Fact]
    public void The_variant_comparison_takes_several_results()
    {
        var other = SyntheticRuns.Run with { Run = SyntheticRuns.Run.Run with { RunId = "on-demand" } };
        using var chart = VariantComparisonChart.Create([new VariantRun("provisioned", SyntheticRuns.Run), new VariantRun("on-demand", other)], "browse", "get");

        Assert.Equal("Latency of successful operations by variant: browse/get", chart.Title);
        string svg = chart.ToSvg();
        foreach (var text in new[] { "provisioned", "on-demand", "p50", "p95", "p99", "failed)", "corrected latency (ms)" })
            Assert.Contains(text, svg, StringComparison.Ordinal);
        Assert.Equal((1000, 420), Png.Check(chart.ToPng()));

        using var byRunId = VariantComparisonChart.CreateFromRuns([SyntheticRuns.Run, other]);
        Assert.Equal("Latency of successful operations by variant: all scenarios", byRunId.Title);
        Assert.Contains("on-demand", byRunId.ToSvg(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "latency", "browse", "get" }, "latency-browse-get")]
    [InlineData(new[] { "latency", "<script>x</script>", "Get Item" }, "latency-script-x-script-get-item")]
    [InlineData(new[] { "capacity", "../etc/passwd" }, "capacity-etc-passwd")]
    public void Chart_ids_are_file_name_safe(string[] parts, string expected)
    {
        string id = RunCharts.Id([], parts);
        Assert.Equal(expected, id);
        Assert.Equal(-1, id.IndexOfAny(Path.GetInvalidFileNameChars()));
        Assert.DoesNotContain("/", id, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_ids_stay_unique_when_names_differ_only_in_symbols()
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        Assert.Equal("latency-a-b", RunCharts.Id(taken, "latency", "a b"));
        Assert.Equal("latency-a-b-2", RunCharts.Id(taken, "latency", "a/b"));
    }
}
