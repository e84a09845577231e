using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites.Profiles;

/// <summary>
/// Reads a CSV traffic curve: a header <c>time,rate</c>, then one point per line. Time is seconds from the
/// start (the first point at 0) or an ISO 8601 timestamp (then relative to the first), one format for the
/// whole file; rate is operations per second. Blank lines and lines starting with '#' are skipped.
/// </summary>
internal static class TrafficCsv
{
    public const string Header = "time,rate";

    private enum TimeFormat { Unknown, Seconds, Timestamp }

    public static List<RawPoint> Read(string text, TrafficFileErrors errors)
    {
        var points = new List<RawPoint>();
        bool headerSeen = false;
        var format = TimeFormat.Unknown;
        int formatLine = 0;
        bool timeSeen = false;
        DateTimeOffset origin = default;
        int lineNumber = 0;
        foreach (var raw in Lines(text))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (lineNumber == 1) line = line.TrimStart('\uFEFF');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var fields = Fields(line);
            if (!headerSeen)
            {
                headerSeen = true;
                if (fields.Count != 2 || !fields[0].Text.Equals("time", StringComparison.OrdinalIgnoreCase)
                    || !fields[1].Text.Equals("rate", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(lineNumber, 1, $"the header must be '{Header}' (time in seconds from the start or ISO 8601, rate in operations per second), found '{line.Trim()}': make it the first line");
                    return points;
                }
                continue;
            }

            if (points.Count == TrafficLimits.MaxPoints)
            {
                errors.Add(lineNumber, 0, Formatting.Invariant($"more than {TrafficLimits.MaxPoints:N0} points, the most a profile may have: resample the curve (a day at one point a minute is 1,440 points)"));
                return points;
            }
            if (fields.Count != 2)
            {
                errors.Add(lineNumber, fields.Count > 2 ? fields[2].Column : 1,
                    Formatting.Invariant($"expected 2 values, '{Header}', found {fields.Count}: one point per line, e.g. '0,100' or '{TrafficValues.TimestampExample},100'"));
                continue;
            }

            var (time, rate) = (fields[0], fields[1]);
            double? seconds = null;
            var found = TimeFormat.Unknown;
            if (TrafficValues.TryNumber(time.Text, out var s))
                found = TimeFormat.Seconds;
            else if (TrafficValues.TryTimestamp(time.Text, out var at))
            {
                found = TimeFormat.Timestamp;
                if (format == TimeFormat.Unknown) origin = at;
                s = (at - origin).TotalSeconds;
            }
            else
            {
                errors.Add(lineNumber, time.Column, $"time '{time.Text}' is neither seconds (a number) nor an ISO 8601 timestamp (e.g. {TrafficValues.TimestampExample})");
            }

            if (found != TimeFormat.Unknown)
            {
                if (format == TimeFormat.Unknown)
                    (format, formatLine) = (found, lineNumber);
                if (found != format)
                    errors.Add(lineNumber, time.Column, Formatting.Invariant($"mixed time formats: line {formatLine} gives {Name(format)}, this line {Name(found)}; use one format for the whole file"));
                else if (found == TimeFormat.Seconds && !timeSeen && s != 0)
                    errors.Add(lineNumber, time.Column, Formatting.Invariant($"the first time must be 0 (the phase's start), found {time.Text}: add a line '0,RATE' first, or put a pause phase before the profile"));
                else
                    seconds = s;
                timeSeen = true;
            }

            double? perSecond = null;
            if (!TrafficValues.TryNumber(rate.Text, out var r))
                errors.Add(lineNumber, rate.Column, $"rate '{rate.Text}' is not a number: operations per second, e.g. 250 or 12.5");
            else if (r < 0)
                errors.Add(lineNumber, rate.Column, $"rate {rate.Text} is negative: operations per second, 0 or more");
            else
                perSecond = r;

            if (seconds is { } t && points.Count > 0 && !(t > points[^1].Seconds))
            {
                errors.Add(lineNumber, time.Column, $"time {time.Text} is not after the previous point's (line {points[^1].TimeAt.Line}): times must increase from line to line");
                continue;
            }
            // A bad line is left out, but a good time still orders the lines after it.
            if (seconds is { } good)
                points.Add(new RawPoint(good, perSecond ?? 0, new(lineNumber, time.Column), new(lineNumber, rate.Column)));
        }

        if (!headerSeen)
            errors.Add(0, 0, $"is empty: a profile needs the header '{Header}' and at least 2 points, e.g. '0,100' and '60,200'");
        return points;
    }

    private static string Name(TimeFormat format) => format == TimeFormat.Seconds ? "seconds" : "an ISO 8601 timestamp";

    private static IEnumerable<string> Lines(string text)
    {
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
            {
                if (start < text.Length) yield return text[start..];
                yield break;
            }
            yield return text[start..end];
            start = end + 1;
        }
    }

    /// <summary>Comma-separated fields, trimmed, with surrounding double quotes removed (spreadsheets write them); 1-based columns.</summary>
    private static List<(string Text, int Column)> Fields(string line)
    {
        var fields = new List<(string, int)>(2);
        int start = 0;
        while (true)
        {
            int comma = line.IndexOf(',', start);
            var part = comma < 0 ? line[start..] : line[start..comma];
            int lead = part.Length - part.TrimStart().Length;
            var text = part.Trim();
            if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
                text = text[1..^1].Trim();
            fields.Add((text, start + lead + 1));
            if (comma < 0) return fields;
            start = comma + 1;
        }
    }
}
