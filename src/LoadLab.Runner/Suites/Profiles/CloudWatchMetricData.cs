using System.Text;
using System.Text.Json;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites.Profiles;

/// <summary>
/// Reads the JSON that <c>aws cloudwatch get-metric-data</c> writes: <c>MetricDataResults</c>, each series with
/// <c>Id</c>, <c>Timestamps</c> (ISO 8601) and <c>Values</c>. CloudWatch returns the newest first unless asked
/// otherwise, so points are sorted by time. Entries with the same Id are one series: the CLI, paging through
/// a long range, writes a part of the series per page. With a period the values are per-period sums
/// (Sum, SampleCount) and become rates by dividing by it; without one they are rates already.
/// Positions come from the reader's byte offsets, so errors name line and column.
/// </summary>
internal static class CloudWatchMetricData
{
    private sealed class Series(string id, int line, int column)
    {
        public string Id { get; } = id;
        public int Line { get; } = line;
        public int Column { get; } = column;
        public List<(string Text, int Line, int Column)> Timestamps { get; } = [];
        public List<(double? Value, string Text, int Line, int Column)> Values { get; } = [];
        public int Entries { get; set; }
    }

    public static List<RawPoint> Read(byte[] json, string? seriesId, TimeSpan? period, TrafficFileErrors errors)
    {
        // A byte order mark is not JSON; editors on Windows write one.
        int bom = json.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var lines = new LineIndex(json, bom);
        var found = Parse(json.AsSpan(bom), lines, errors);
        if (found is null || errors.Any)
            return [];
        var series = Choose(found, seriesId, errors);
        if (series is null)
            return [];
        if (series.Timestamps.Count != series.Values.Count)
        {
            errors.Add(series.Line, series.Column, Formatting.Invariant(
                $"series '{series.Id}' has {series.Timestamps.Count:N0} Timestamps but {series.Values.Count:N0} Values: each timestamp needs its value; export it again"));
            return [];
        }
        if (series.Timestamps.Count > TrafficLimits.MaxPoints)
        {
            errors.Add(series.Line, series.Column, Formatting.Invariant(
                $"series '{series.Id}' has {series.Timestamps.Count:N0} points, more than the {TrafficLimits.MaxPoints:N0} a profile may have: ask for a longer period or a shorter range"));
            return [];
        }

        var timed = new List<(DateTimeOffset At, double Value, TrafficPosition TimeAt, TrafficPosition ValueAt)>(series.Timestamps.Count);
        for (int i = 0; i < series.Timestamps.Count; i++)
        {
            var (text, line, column) = series.Timestamps[i];
            var value = series.Values[i];
            bool ok = true;
            if (!TryTime(text, out var at))
            {
                errors.Add(line, column, $"timestamp '{text}' is neither ISO 8601 (e.g. {TrafficValues.TimestampExample}) nor seconds since 1970");
                ok = false;
            }
            if (value.Value is not { } v)
            {
                errors.Add(value.Line, value.Column, $"value {value.Text} is not a number");
                ok = false;
            }
            else if (v < 0)
            {
                errors.Add(value.Line, value.Column, $"value {value.Text} is negative: a rate or a per-period count is 0 or more");
                ok = false;
            }
            if (ok) timed.Add((at, value.Value!.Value, new(line, column), new(value.Line, value.Column)));
        }
        if (errors.Any)
            return [];

        // Newest first as CloudWatch writes it by default; any order is accepted, repeats are not.
        timed.Sort((a, b) => a.At.CompareTo(b.At));
        for (int i = 1; i < timed.Count; i++)
        {
            if (timed[i].At == timed[i - 1].At)
                errors.Add(timed[i].TimeAt.Line, timed[i].TimeAt.Column, Formatting.Invariant(
                    $"timestamp {timed[i].At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} appears twice in series '{series.Id}' (also line {timed[i - 1].TimeAt.Line}): each period once"));
        }
        if (errors.Any)
            return [];

        double divisor = 1;
        if (period is { } p)
        {
            divisor = p.TotalSeconds;
            for (int i = 1; i < timed.Count; i++)
            {
                double gap = (timed[i].At - timed[i - 1].At).TotalSeconds;
                if (gap < divisor - 1e-9)
                {
                    errors.Add(timed[i].TimeAt.Line, timed[i].TimeAt.Column, Formatting.Invariant(
                        $"points {gap:0.###} s apart, closer than period {Formatting.Duration(p)}: the period is the metric query's Period (the spacing of its points); set 'period:' to it"));
                    return [];
                }
            }
        }

        var origin = timed.Count > 0 ? timed[0].At : default;
        return [.. timed.Select(t => new RawPoint((t.At - origin).TotalSeconds, t.Value / divisor, t.TimeAt, t.ValueAt))];
    }

    // The CLI writes ISO 8601 by default and epoch seconds with cli_timestamp_format = none.
    private static bool TryTime(string text, out DateTimeOffset at)
    {
        if (TrafficValues.TryNumber(text, out var epoch) && Math.Abs(epoch) < 1e11)
        {
            at = DateTimeOffset.UnixEpoch.AddSeconds(epoch);
            return true;
        }
        return TrafficValues.TryTimestamp(text, out at);
    }

    private static Series? Choose(List<Series> found, string? seriesId, TrafficFileErrors errors)
    {
        string ids = string.Join(", ", found.Select(s => $"'{s.Id}'"));
        if (seriesId is not null)
        {
            var chosen = found.FirstOrDefault(s => s.Id == seriesId);
            if (chosen is null)
                errors.Add(0, 0, found.Count == 0
                    ? $"has no series in MetricDataResults, so none is '{seriesId}'"
                    : $"has no series '{seriesId}'; its series: {ids}. Set 'series:' to one of them");
            return chosen;
        }
        if (found.Count == 1)
            return found[0];
        if (found.Count == 0)
            errors.Add(0, 0, "has no series in MetricDataResults: a profile needs one (the query returned nothing; check the metric, dimensions and time range)");
        else
            errors.Add(found[1].Line, found[1].Column, $"has {found.Count} series ({ids}): add 'series: ID' to the profile to choose one, or export only one");
        return null;
    }

    private static List<Series>? Parse(ReadOnlySpan<byte> json, LineIndex lines, TrafficFileErrors errors)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                var (l, c) = lines.At(reader.TokenStartIndex);
                errors.Add(l, c, "expected the JSON that 'aws cloudwatch get-metric-data' writes: an object with 'MetricDataResults'");
                return null;
            }
            List<Series>? result = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("MetricDataResults"u8))
                {
                    reader.Read();
                    reader.Skip();
                    continue;
                }
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    var (l, c) = lines.At(reader.TokenStartIndex);
                    errors.Add(l, c, "'MetricDataResults' must be a list of series");
                    return null;
                }
                result = ReadSeriesList(ref reader, lines, errors);
            }
            if (result is null)
                errors.Add(0, 0, "has no 'MetricDataResults': expected the JSON that 'aws cloudwatch get-metric-data' writes");
            return result;
        }
        catch (JsonException ex)
        {
            errors.Add((int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, "is not valid JSON: " + FirstSentence(ex.Message));
            return null;
        }
    }

    private static List<Series> ReadSeriesList(ref Utf8JsonReader reader, LineIndex lines, TrafficFileErrors errors)
    {
        var byId = new Dictionary<string, Series>(StringComparer.Ordinal);
        var order = new List<Series>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var (line, column) = lines.At(reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                errors.Add(line, column, "each entry of 'MetricDataResults' must be an object with Id, Timestamps and Values");
                reader.Skip();
                continue;
            }
            string? id = null;
            var timestamps = new List<(string, int, int)>();
            var values = new List<(double?, string, int, int)>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "Id" when reader.TokenType == JsonTokenType.String:
                        id = reader.GetString();
                        break;
                    case "Timestamps":
                        ReadArray(ref reader, lines, errors, "Timestamps", timestamp: true, (ref Utf8JsonReader r, int l, int c) =>
                            timestamps.Add((r.TokenType == JsonTokenType.String ? r.GetString()! : Encoding.UTF8.GetString(r.ValueSpan), l, c)));
                        break;
                    case "Values":
                        ReadArray(ref reader, lines, errors, "Values", timestamp: false, (ref Utf8JsonReader r, int l, int c) =>
                            values.Add((r.TryGetDouble(out var v) && double.IsFinite(v) ? v : null, Encoding.UTF8.GetString(r.ValueSpan), l, c)));
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            id ??= Formatting.Invariant($"(series {order.Count + 1}, no Id)");
            if (!byId.TryGetValue(id, out var series))
            {
                series = new Series(id, line, column);
                byId[id] = series;
                order.Add(series);
            }
            series.Entries++;
            series.Timestamps.AddRange(timestamps);
            series.Values.AddRange(values);
        }
        return order;
    }

    private delegate void ElementReader(ref Utf8JsonReader reader, int line, int column);

    private static void ReadArray(ref Utf8JsonReader reader, LineIndex lines, TrafficFileErrors errors, string name, bool timestamp, ElementReader read)
    {
        var (line, column) = lines.At(reader.TokenStartIndex);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Add(line, column, $"'{name}' must be a list");
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var (l, c) = lines.At(reader.TokenStartIndex);
            bool fits = reader.TokenType == JsonTokenType.Number || (timestamp && reader.TokenType == JsonTokenType.String);
            if (!fits)
            {
                errors.Add(l, c, timestamp
                    ? $"each of '{name}' must be an ISO 8601 timestamp in quotes, e.g. \"{TrafficValues.TimestampExample}\""
                    : $"each of '{name}' must be a number (rates, or per-period counts with 'period:')");
                reader.Skip();
                continue;
            }
            read(ref reader, l, c);
        }
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>Byte offset → 1-based line and column (bytes from the line's start; the same as characters in ASCII JSON).</summary>
    private sealed class LineIndex
    {
        private readonly List<long> starts = [0];
        private readonly int skipped;

        /// <param name="skipped">Bytes before the reader's first (a byte order mark), so its offsets map back to the file.</param>
        public LineIndex(byte[] bytes, int skipped)
        {
            this.skipped = skipped;
            for (int i = 0; i < bytes.Length; i++)
                if (bytes[i] == (byte)'\n') starts.Add(i + 1);
        }

        public (int Line, int Column) At(long readerOffset)
        {
            long offset = readerOffset + skipped;
            int index = starts.BinarySearch(offset);
            if (index < 0) index = ~index - 1;
            return (index + 1, (int)(offset - starts[index]) + 1);
        }
    }
}
