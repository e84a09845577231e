using System.Globalization;
using LoadLab.Core.Plans;
using LoadLab.Core.Text;

namespace LoadLab.Capacity.Proxy.Faults;

/// <summary>
/// The faults the simulator injects (<c>simulator: { faults: … }</c> in a suite, <c>--simulator faults.NAME=…</c> on the
/// command line), parsed from entries named <c>KIND</c> (a rate, shorthand for <c>KIND.rate</c>) or <c>KIND.FIELD</c>
/// with FIELD one of <see cref="Fields"/>: <c>internalServerError: 2%</c>,
/// <c>serviceUnavailable.rate: 100%</c>, <c>serviceUnavailable.from: 20s</c>, <c>serviceUnavailable.for: 5s</c>,
/// <c>latency.p50: 20ms</c>, <c>latency.p99: 300ms</c>.
/// </summary>
public sealed record FaultSettings
{
    /// <summary>The prefix of fault entries among <c>--simulator</c>'s NAME=VALUE pairs.</summary>
    public const string Prefix = "faults.";

    public static readonly FaultSettings None = new();

    /// <summary>The fields of every kind; <c>p50</c> and <c>p99</c> belong to latency only.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["rate", "from", "for", "p50", "p99"];

    /// <summary>The fields of the failure kinds (all but latency).</summary>
    public static IReadOnlyList<string> FailureFields { get; } = ["rate", "from", "for"];

    /// <summary>The longest delay latency may add: longer ones are outages, better rehearsed with a window of errors.</summary>
    public static readonly TimeSpan MaxLatency = TimeSpan.FromMinutes(1);

    public IReadOnlyList<FaultRule> Rules { get; init; } = [];

    /// <summary>The entries as written (name → text), for the report.</summary>
    public IReadOnlyDictionary<string, string> Written { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public bool Any => Rules.Any(r => r.Rate > 0);

    /// <summary>
    /// Parses entries (names without <see cref="Prefix"/>); every problem goes to <paramref name="errors"/> with the
    /// name of the entry it belongs to, so a suite can point at its line.
    /// </summary>
    public static FaultSettings Parse(IEnumerable<KeyValuePair<string, string>> entries, List<(string Name, string Error)> errors)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(errors);
        var written = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var byKind = new Dictionary<FaultKind, Dictionary<string, (string Name, string Text)>>();
        foreach (var (name, text) in entries)
        {
            var parts = name.Split('.', 2);
            if (!FaultKinds.TryParse(parts[0], out var kind))
            {
                errors.Add((name, $"unknown fault '{parts[0]}'; use one of {string.Join(", ", FaultKinds.Names)}." + NameSuggestions.DidYouMean(parts[0], FaultKinds.Names)));
                continue;
            }

            string field = parts.Length == 1 ? "rate" : parts[1];
            var allowed = kind == FaultKind.Latency ? Fields : FailureFields;
            if (!allowed.Contains(field, StringComparer.Ordinal))
            {
                errors.Add((name, $"fault {FaultKinds.NameOf(kind)} has no '{field}'; use {string.Join(", ", allowed)}." + NameSuggestions.DidYouMean(field, allowed)));
                continue;
            }

            var fields = byKind.TryGetValue(kind, out var f) ? f : byKind[kind] = new(StringComparer.Ordinal);
            if (!fields.TryAdd(field, (name, text.Trim())))
            {
                errors.Add((name, $"fault {FaultKinds.NameOf(kind)} has its rate twice: give either {FaultKinds.NameOf(kind)}: RATE or {FaultKinds.NameOf(kind)}.rate"));
                continue;
            }

            written[Prefix + FaultKinds.NameOf(kind) + "." + field] = text.Trim();
        }

        var rules = new List<FaultRule>();
        foreach (var kind in FaultKinds.All)
        {
            if (byKind.TryGetValue(kind, out var fields) && Rule(kind, fields, errors) is { } rule)
                rules.Add(rule);
        }

        return new FaultSettings { Rules = rules, Written = written };
    }

    /// <summary>
    /// Splits <c>--simulator</c>'s pairs into capacity parameters and fault entries (those named <c>faults.…</c>, returned
    /// without the prefix, a bare <c>KIND</c> as <c>KIND.rate</c>: so the command line overrides a suite's fault field by field).
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Capacity, IReadOnlyDictionary<string, string> Faults) Split(IReadOnlyDictionary<string, string>? pairs)
    {
        var capacity = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var faults = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs ?? new Dictionary<string, string>())
        {
            if (name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
                faults[Normalized(name[Prefix.Length..])] = value;
            else
                capacity[name] = value;
        }

        return (capacity, faults);
    }

    /// <summary><c>KIND</c> is shorthand for <c>KIND.rate</c>; the kind in its canonical spelling.</summary>
    public static string Normalized(string name)
    {
        var parts = name.Split('.', 2);
        string kind = FaultKinds.TryParse(parts[0], out var k) ? FaultKinds.NameOf(k) : parts[0];
        return kind + "." + (parts.Length == 1 ? "rate" : parts[1]);
    }

    private static FaultRule? Rule(FaultKind kind, Dictionary<string, (string Name, string Text)> fields, List<(string Name, string Error)> errors)
    {
        int before = errors.Count;
        string kindName = FaultKinds.NameOf(kind);
        double? rate = fields.TryGetValue("rate", out var r) ? Percent(r, errors) : null;
        var from = fields.TryGetValue("from", out var f) ? Duration(f, allowZero: true, errors) : null;
        var length = fields.TryGetValue("for", out var l) ? Duration(l, allowZero: false, errors) : null;
        var p50 = fields.TryGetValue("p50", out var m) ? Duration(m, allowZero: false, errors) : null;
        var p99 = fields.TryGetValue("p99", out var t) ? Duration(t, allowZero: false, errors) : null;
        string first = fields.Values.First().Name;
        if (kind == FaultKind.Latency)
        {
            if (!fields.ContainsKey("p50"))
                errors.Add((first, $"fault {kindName} needs p50, the median delay to add, e.g. {kindName}: {{ p50: 20ms, p99: 300ms }}"));
            if (p50 is { } median && p99 is { } tail && tail < median)
                errors.Add((fields["p99"].Name, $"fault {kindName}: p99 ({fields["p99"].Text}) must be at least p50 ({fields["p50"].Text})"));
            if ((p99 ?? p50) is { } longest && longest > MaxLatency)
                errors.Add((fields[p99 is null ? "p50" : "p99"].Name, $"fault {kindName}: at most {Formatting.Duration(MaxLatency)} of delay; rehearse longer outages with serviceUnavailable in a window"));
        }
        else if (!fields.ContainsKey("rate"))
        {
            errors.Add((first, $"fault {kindName} needs a rate, e.g. {kindName}: 2% or {kindName}: {{ rate: 100%, from: 20s, for: 5s }}"));
        }

        if (errors.Count > before)
            return null;
        return new FaultRule(kind, rate ?? 1)
        {
            From = from ?? TimeSpan.Zero,
            For = length,
            P50 = p50 ?? TimeSpan.Zero,
            P99 = p99 ?? p50 ?? TimeSpan.Zero,
        };
    }

    private static double? Percent((string Name, string Text) entry, List<(string Name, string Error)> errors)
    {
        string text = entry.Text;
        if (text.EndsWith('%')
            && double.TryParse(text[..^1].TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double percent)
            && percent is >= 0 and <= 100)
            return percent / 100;
        errors.Add((entry.Name, $"expected a share of requests from 0% to 100%, e.g. 2% or 0.5%, found '{text}'"));
        return null;
    }

    private static TimeSpan? Duration((string Name, string Text) entry, bool allowZero, List<(string Name, string Error)> errors)
    {
        if (DurationText.TryParse(entry.Text, out var value) && (value > TimeSpan.Zero || (allowZero && value == TimeSpan.Zero)))
            return value;
        errors.Add((entry.Name, $"expected a duration{(allowZero ? "" : " above 0")} such as 500ms, 20s or 1m, found '{entry.Text}'"));
        return null;
    }
}
