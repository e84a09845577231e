using System.Globalization;
using System.Text;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Hlog;

/// <summary>
/// latency.hlog: the corrected latency of every interval of every operation as an HdrHistogram
/// interval log (format 1.3, as written by HdrHistogram's Java HistogramLogWriter), so
/// HistogramLogProcessor, HdrHistogramVisualizer and the other HdrHistogram ports can re-analyse
/// any time range exactly.
/// </summary>
/// <remarks>
/// Lines are tagged <c>Tag=scenario/op</c>; timestamps are seconds relative to the BaseTime
/// header (the run's start). Values are microseconds. Interval_Max is the interval's maximum in
/// milliseconds, the unit HdrHistogram's tools print it in (Java writes nanosecond histograms with a
/// max ratio of 1,000,000; ours are microseconds, so the ratio is 1,000, the JavaScript port's default).
/// The series already stores each interval in HdrHistogram's compressed V2 form, the payload this
/// format carries; <see cref="PortableHistogramEncoding"/> only completes its zlib stream so that
/// every HdrHistogram port can read it.
/// </remarks>
public static class HlogWriter
{
    public const string FormatVersion = "1.3";
    public const string Legend = "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Quiet intervals carry no histogram in the series; an explicit empty one keeps the timeline
    // continuous for tools that plot per interval.
    private static readonly Lazy<string> EmptyHistogram = new(() => PortableHistogramEncoding.Rewrap(HistogramCodec.Encode(LatencyScale.NewHistogram())));

    public static void Write(RunResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var start = result.Run.StartedAt.ToUniversalTime();
        double startSeconds = start.ToUnixTimeMilliseconds() / 1000.0;
        writer.Write("#[LoadLab latency log: corrected latency (from the intended start) per operation, values in microseconds, Interval_Max in milliseconds]\n");
        writer.Write(string.Create(Invariant, $"#[Suite: {OneLine(result.Run.Suite)}, run {OneLine(result.Run.RunId)}]\n"));
        writer.Write($"#[Histogram log format version {FormatVersion}]\n");
        writer.Write(string.Create(Invariant, $"#[StartTime: {startSeconds:F3} (seconds since epoch), {start:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}]\n"));
        writer.Write(string.Create(Invariant, $"#[BaseTime: {startSeconds:F3} (seconds since epoch)]\n"));
        writer.Write(Legend);
        writer.Write('\n');

        var line = new StringBuilder(512);
        foreach (var (tag, interval) in Intervals(result))
        {
            line.Clear();
            line.Append("Tag=").Append(tag).Append(',')
                .Append(interval.Start.ToString("F3", Invariant)).Append(',')
                .Append(interval.Length.ToString("F3", Invariant)).Append(',')
                .Append(interval.MaxMs.ToString("F3", Invariant)).Append(',')
                .Append(interval.Histogram is null ? EmptyHistogram.Value : PortableHistogramEncoding.Rewrap(interval.Histogram)).Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>
    /// A tag cannot hold the log's separators (commas, whitespace), so those become '_';
    /// "scenario/op" otherwise stays readable.
    /// </summary>
    public static string Tag(string scenario, string operation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(operation);
        var sb = new StringBuilder(scenario.Length + operation.Length + 1);
        foreach (char c in scenario + "/" + operation)
            sb.Append(c == ',' || char.IsWhiteSpace(c) || char.IsControl(c) ? '_' : c);
        return sb.ToString();
    }

    /// <summary>All intervals in time order (then by tag), as interval logs are read front to back with time ranges.</summary>
    private static IEnumerable<(string Tag, OperationInterval Interval)> Intervals(RunResult result)
    {
        var tagged = new List<(string Tag, OperationInterval Interval)>();
        foreach (var s in result.Scenarios)
        {
            foreach (var op in s.Operations)
            {
                string tag = Tag(s.Name, op.Name);
                foreach (var interval in op.Series)
                    tagged.Add((tag, interval));
            }
        }

        return tagged
            .Select((t, index) => (t, index))
            .OrderBy(x => x.t.Interval.Start)
            .ThenBy(x => x.index)
            .Select(x => x.t);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
