using HdrHistogram;
using System.Globalization;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.Reports.Hlog;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports;

/// <summary>The log's structure and its agreement with the RunResult; the independent decoder check is in the integration tests.</summary>
public class HlogWriterTests
{
    private static readonly RunResult Run = SyntheticRuns.Run;
    private static readonly string[] Lines = Write(Run);

    [Fact]
    public void Header_has_format_version_start_and_base_time_and_the_legend()
    {
        Assert.StartsWith("#[LoadLab latency log:", Lines[0], StringComparison.Ordinal);
        Assert.Contains("values in microseconds", Lines[0], StringComparison.Ordinal);
        Assert.Contains("Interval_Max in milliseconds", Lines[0], StringComparison.Ordinal);
        Assert.Contains("#[Histogram log format version 1.3]", Lines);
        Assert.Contains("#[StartTime: 1795694400.000 (seconds since epoch), 2026-11-26T12:00:00.000Z]", Lines);
        Assert.Contains("#[BaseTime: 1795694400.000 (seconds since epoch)]", Lines);
        int legend = Array.IndexOf(Lines, "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"");
        Assert.True(legend > 0);
        Assert.All(Lines[..legend], l => Assert.StartsWith("#", l, StringComparison.Ordinal));
    }

    [Fact]
    public void One_tagged_line_per_interval_per_operation_in_time_order()
    {
        var data = DataLines().ToArray();
        Assert.Equal(Run.Scenarios.Sum(s => s.Operations.Sum(o => o.Series.Count)), data.Length);
        Assert.Equal(["browse/get", "browse/query", "checkout/put"], data.Select(d => d.Tag).Distinct().Order(StringComparer.Ordinal));
        var starts = data.Select(d => d.Start).ToArray();
        Assert.Equal(starts.Order(), starts);
        Assert.All(data, d => Assert.Equal(1.0, d.Length));
    }

    [Fact]
    public void Histograms_add_up_to_each_operations_count_and_max_is_in_milliseconds()
    {
        foreach (var s in Run.Scenarios)
        {
            foreach (var op in s.Operations)
            {
                var lines = DataLines().Where(d => d.Tag == s.Name + "/" + op.Name).ToArray();
                var sum = LatencyScale.NewHistogram();
                foreach (var line in lines)
                {
                    var h = HistogramCodec.Decode(line.Histogram);
                    sum.Add(h);
                    double maxMs = h.TotalCount == 0 ? 0 : LatencyScale.ToMilliseconds(h.GetMaxValue());
                    Assert.Equal(maxMs, line.MaxMs, 3);
                }

                Assert.Equal(op.Completed, sum.TotalCount);
                var cumulative = HistogramCodec.Decode(op.LatencyHistogram!);
                Assert.Equal(cumulative.GetValueAtPercentile(99), sum.GetValueAtPercentile(99));
            }
        }
    }

    [Fact]
    public void Quiet_intervals_are_written_as_empty_histograms()
    {
        var op = Run.Scenarios[0].Operations[0];
        var quiet = op with { Series = [op.Series[0] with { Completed = 0, Ok = 0, MaxMs = 0, Histogram = null }] };
        var run = Run with { Scenarios = [Run.Scenarios[0] with { Operations = [quiet] }] };

        var line = Write(run).Single(l => l.StartsWith("Tag=", StringComparison.Ordinal));
        var fields = line.Split(',');
        Assert.Equal("0.000", fields[3]);
        Assert.Equal(0, HistogramCodec.Decode(fields[4]).TotalCount);
    }

    [Theory]
    [InlineData("browse", "get", "browse/get")]
    [InlineData("hot key, zipf", "get item", "hot_key__zipf/get_item")]
    [InlineData("tab\tbed", "x\ny", "tab_bed/x_y")]
    public void Tags_cannot_hold_the_logs_separators(string scenario, string op, string expected) =>
        Assert.Equal(expected, HlogWriter.Tag(scenario, op));

    private static string[] Write(RunResult run)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        HlogWriter.Write(run, writer);
        string text = writer.ToString();
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        return text.TrimEnd('\n').Split('\n');
    }

    private static IEnumerable<(string Tag, double Start, double Length, double MaxMs, string Histogram)> DataLines() =>
        Lines.Where(l => l.StartsWith("Tag=", StringComparison.Ordinal)).Select(l =>
        {
            var f = l.Split(',');
            Assert.Equal(5, f.Length);
            return (f[0]["Tag=".Length..], Parse(f[1]), Parse(f[2]), Parse(f[3]), f[4]);
        });

    private static double Parse(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}
