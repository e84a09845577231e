using HdrHistogram;
using LoadLab.Core.Recording;
using LoadLab.Reports.Hlog;
using LoadLab.Reports.Samples;

namespace LoadLab.IntegrationTests.Reports;

/// <summary>
/// latency.hlog read back by a different implementation (the HdrHistogram JavaScript port): the
/// counts per tag must equal the RunResult's, and the percentiles must be the C# cumulative
/// histograms' values to HdrHistogram's precision (the same bucket, 3 significant digits).
/// </summary>
public sealed class HlogIndependentDecoderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("loadlab-hlog-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Hdr_histogram_js_reads_the_same_counts_and_percentiles()
    {
        var run = SampleRun.Create();
        await new HlogExporter().ExportAsync(run, directory, CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var decoded = await NodeHlogDecoder.SummarizeAsync(Path.Combine(directory, HlogExporter.FileName), timeout.Token);

        Assert.Equal(3, decoded.Count);
        double startMs = run.Run.StartedAt.ToUnixTimeMilliseconds();
        foreach (var s in run.Scenarios)
        {
            foreach (var op in s.Operations)
            {
                string tag = HlogWriter.Tag(s.Name, op.Name);
                Assert.True(decoded.TryGetValue(tag, out var decodedOp), $"no tag {tag} in the decoded log");
                var cumulative = HistogramCodec.Decode(op.LatencyHistogram!);

                Assert.Equal(op.Series.Count, decodedOp.Intervals);
                Assert.Equal(op.Completed, decodedOp.Count);
                Assert.Equal(cumulative.TotalCount, decodedOp.Count);
                // BaseTime is honoured: the first interval starts at the run's start.
                Assert.Equal(startMs + (op.Series[0].Start * 1000), decodedOp.FirstStartMs, 3);
                // The current Java and JavaScript ports take the value at rank ceil(p·N); HdrHistogram.NET
                // rounds the rank to the nearest count, which in a sparse tail can be the recorded value
                // before. Each side is checked against its own rule on the same counts.
                foreach (double p in new[] { 50.0, 99.0 })
                {
                    long js = p == 50 ? decodedOp.P50 : decodedOp.P99;
                    Assert.Equal(ValueAtRank(cumulative, Math.Max(1, (long)Math.Ceiling(p / 100.0 * cumulative.TotalCount))), js);
                    Assert.Equal(ValueAtRank(cumulative, Math.Max(1, (long)((p / 100.0 * cumulative.TotalCount) + 0.5))), cumulative.GetValueAtPercentile(p));
                }

                Assert.Equal(cumulative.HighestEquivalentValue(cumulative.GetMaxValue()), decodedOp.Max);
            }
        }
    }

    /// <summary>The value holding the <paramref name="rank"/>-th smallest recording, as the highest value of its bucket.</summary>
    private static long ValueAtRank(HistogramBase h, long rank)
    {
        long seen = 0;
        foreach (var v in h.RecordedValues())
        {
            seen += v.CountAtValueIteratedTo;
            if (seen >= rank)
                return h.HighestEquivalentValue(v.ValueIteratedTo);
        }

        return h.HighestEquivalentValue(h.GetMaxValue());
    }
}
