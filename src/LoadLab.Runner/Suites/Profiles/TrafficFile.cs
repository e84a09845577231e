using System.Text;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites.Profiles;

/// <summary>What a profile asks of its file: how to read it and what to do with the rates.</summary>
internal sealed record TrafficRequest(double Scale = 1.0, TimeSpan? Period = null, string? Series = null);

/// <summary>
/// Reads a traffic curve from a file: CSV (<see cref="TrafficCsv"/>) or CloudWatch GetMetricData JSON
/// (<see cref="CloudWatchMetricData"/>), told apart by the extension (.csv, .json) or else by the first
/// character. Checks what both share: at least two points, a bounded size and point count, rates within
/// <see cref="SuiteValues.MaxRate"/> once scaled. Pure apart from reading the one file, so a future
/// simulate command loads curves the same way.
/// </summary>
internal static class TrafficFile
{
    public enum Format { Csv, CloudWatchJson }

    /// <summary>The curve's points (scaled), or null with the reasons in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<RatePoint>? Read(string path, TrafficRequest request, TrafficFileErrors errors)
    {
        var bytes = Bytes(path, errors);
        if (bytes is null)
            return null;
        var format = FormatOf(path, bytes);
        if (format == Format.Csv && (request.Period is not null || request.Series is not null))
        {
            errors.Add(0, 0, $"is CSV, and '{(request.Period is not null ? "period" : "series")}:' applies to CloudWatch JSON only: a CSV's rate column is already operations per second; remove it");
            return null;
        }
        var raw = format == Format.Csv
            ? TrafficCsv.Read(Text(bytes), errors)
            : CloudWatchMetricData.Read(bytes, request.Series, request.Period, errors);
        return errors.Any ? null : Finish(raw, request.Scale, errors);
    }

    public static Format FormatOf(string path, byte[] bytes)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)) return Format.Csv;
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase)) return Format.CloudWatchJson;
        var first = Text(bytes).TrimStart();
        return first.StartsWith('{') ? Format.CloudWatchJson : Format.Csv;
    }

    /// <summary>The checks both formats share, then <c>scale:</c>.</summary>
    public static IReadOnlyList<RatePoint>? Finish(IReadOnlyList<RawPoint> raw, double scale, TrafficFileErrors errors)
    {
        if (raw.Count < 2)
        {
            errors.Add(raw.Count == 1 ? raw[0].TimeAt.Line : 0, 0, Formatting.Invariant(
                $"has {raw.Count} point{(raw.Count == 1 ? "" : "s")}: a profile needs at least 2 (the rate is linear between points and the phase ends at the last)"));
            return null;
        }
        if (raw[^1].Seconds > SuiteValues.MaxDuration.TotalSeconds)
        {
            errors.Add(raw[^1].TimeAt.Line, raw[^1].TimeAt.Column, Formatting.Invariant(
                $"the curve lasts {raw[^1].Seconds / 86_400:N1} days, longer than the {SuiteValues.MaxDuration.TotalDays:0} days a phase may"));
            return null;
        }
        foreach (var p in raw)
        {
            if (p.Rate * scale > SuiteValues.MaxRate)
                errors.Add(p.RateAt.Line, p.RateAt.Column, Formatting.Invariant(
                    $"rate {p.Rate * scale:#,0.###}/s{(scale == 1 ? "" : $" (×{scale:0.###} scale)")} is above the most a phase may ask, {SuiteValues.MaxRate:N0}/s: check the units (per second, or a per-period count that needs 'period:'), or lower 'scale:'"));
        }
        return errors.Any ? null : [.. raw.Select(p => new RatePoint(p.Seconds, p.Rate * scale))];
    }

    private static byte[]? Bytes(string path, TrafficFileErrors errors)
    {
        try
        {
            if (Directory.Exists(path))
            {
                errors.Add(0, 0, "is a folder, not a traffic file: name the .csv or .json file in it");
                return null;
            }
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                errors.Add(0, 0, "not found: the file does not exist (paths are relative to the suite's folder)");
                return null;
            }
            if (info.Length > TrafficLimits.MaxBytes)
            {
                errors.Add(0, 0, Formatting.Invariant(
                    $"is {info.Length / 1048576.0:N1} MB, more than the {TrafficLimits.MaxBytes / 1048576:N0} MB a traffic file may be (at most {TrafficLimits.MaxPoints:N0} points): resample the curve, e.g. one point a minute"));
                return null;
            }
            var bytes = File.ReadAllBytes(path);
            if (Text(bytes).Trim().Length == 0)
            {
                errors.Add(0, 0, $"is empty: a profile needs points, e.g. a CSV with the header '{TrafficCsv.Header}' and the lines '0,100' and '60,200'");
                return null;
            }
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(0, 0, "cannot be read: " + ex.Message);
            return null;
        }
    }

    private static string Text(byte[] bytes) => new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
}
