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
            "throughput-browse", "latency-browse-get", "latency-browse-query", "percentiles-browse",
            "throughput-checkout", "latency-checkout-put", "percentiles-checkout",
            "throttles", "capacity-orders", "attempts",
        ];
        Assert.Equal(expected.Select(e => Path.Combine(dir.Path, "charts", e + ".png")), written);
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
                Operations = s.Operations.Select(o => o with { Series = o.Series.Select(p => p with { Throttled = 0 }).ToArray(), ReadUnits = 0, WriteUnits = 0 }).ToArray(),
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
    public void The_capacity_chart_takes_simulator_style_input_with_limits_and_partitions()
    {
        var points = Enumerable.Range(0, 60)
            .Select(i => new CapacityPoint(i, 1, 80 + (i % 7), 20, ReadLimit: i < 30 ? 100 : 200, WriteLimit: 50, Partitions: i < 30 ? 1 : 2))
            .ToArray();
        using var chart = CapacityChart.Create("capacity-orders", new CapacitySeries("Orders_v2", points, "ceiling"), TimeAxis.For(60));

        Assert.Equal("Partitions grew from 1 to 2 (at most 2).", chart.Caption);
        string svg = chart.ToSvg();
        Assert.Contains("ceiling RCU/s", svg, StringComparison.Ordinal);
        Assert.Contains("consumed WCU/s", svg, StringComparison.Ordinal);
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

        Assert.Equal("Latency by variant: browse/get", chart.Title);
        string svg = chart.ToSvg();
        foreach (var text in new[] { "provisioned", "on-demand", "p50", "p99", "p99.9", "corrected latency (ms)" })
            Assert.Contains(text, svg, StringComparison.Ordinal);
        Assert.Equal((1000, 420), Png.Check(chart.ToPng()));

        using var byRunId = VariantComparisonChart.CreateFromRuns([SyntheticRuns.Run, other]);
        Assert.Equal("Latency by variant: all scenarios", byRunId.Title);
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
