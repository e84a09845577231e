using System.Diagnostics;
using System.Globalization;
using LoadLab.Reports.Exporters;
using LoadLab.Reports.Samples;

namespace LoadLab.Bench;

/// <summary>
/// Issue 5's report target: every output of a one-hour run (3,600 one-second intervals, ten
/// operations, histograms per interval) written in ≤ 5 s, with results.json under 20 MB. The run
/// is synthesised by <see cref="SampleRun"/> (real encoded histograms), then written three times
/// into a fresh folder; the median wall time counts, with the time of each exporter alone.
/// </summary>
internal static class ReportBench
{
    private const int Rounds = 3;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        int intervals = o.Seconds > 10 ? (int)o.Seconds : 3600;
        var build = Stopwatch.StartNew();
        var result = SampleRun.Create(new SampleRunOptions { Intervals = intervals, Scenarios = SampleRunOptions.TenOperations });
        build.Stop();
        string root = Directory.CreateTempSubdirectory("loadlab-report-bench-").FullName;
        try
        {
            var totals = new List<double>();
            var perExporter = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            long resultsBytes = 0, allBytes = 0;
            for (int round = 0; round < Rounds; round++)
            {
                string dir = Path.Combine(root, round.ToString(CultureInfo.InvariantCulture));
                GC.Collect();
                var clock = Stopwatch.StartNew();
                var timed = ReportWriter.Exporters.Select(e => new TimedExporter(e)).ToArray();
                await ReportWriter.WriteAllAsync(result, dir, timed);
                totals.Add(clock.Elapsed.TotalSeconds);
                foreach (var t in timed)
                    (perExporter.TryGetValue(t.Name, out var list) ? list : perExporter[t.Name] = []).Add(t.Seconds);
                resultsBytes = new FileInfo(Path.Combine(dir, "results.json")).Length;
                allBytes = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            }

            Console.WriteLine(FormattableString.Invariant($"Synthesised {intervals:N0} intervals × {result.Scenarios.Sum(s => s.Operations.Count)} operations in {build.Elapsed.TotalSeconds:0.0} s (not timed below)."));
            Console.WriteLine();
            Console.WriteLine("| measure | rounds | median | target |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine(FormattableString.Invariant($"| all reports written | {string.Join(" / ", totals.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))} s | **{BenchMath.Median(totals):0.00} s** | ≤ 5 s |"));
            foreach (var (name, seconds) in perExporter)
                Console.WriteLine(FormattableString.Invariant($"| {name} | {string.Join(" / ", seconds.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))} s | {BenchMath.Median(seconds):0.00} s | |"));
            Console.WriteLine(FormattableString.Invariant($"| results.json size | | **{resultsBytes / 1e6:0.0} MB** | < 20 MB |"));
            Console.WriteLine(FormattableString.Invariant($"| all files | | {allBytes / 1e6:0.0} MB | |"));
            return BenchMath.Median(totals) <= 5 && resultsBytes < 20_000_000 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>An exporter that times itself; results.json is written by the writer itself and timed in the total only.</summary>
    private sealed class TimedExporter(IReportExporter inner) : IReportExporter
    {
        public string Name => inner.Name;

        public double Seconds { get; private set; }

        public async Task<IReadOnlyList<string>> ExportAsync(LoadLab.Core.Results.RunResult result, string directory, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var written = await inner.ExportAsync(result, directory, cancellationToken);
            Seconds = clock.Elapsed.TotalSeconds;
            return written;
        }
    }
}
