using System.Globalization;

namespace LoadLab.Core.Plans;

/// <summary>Invariant-culture formatting shared by plans, live view and reports.</summary>
public static class Formatting
{
    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compact duration: 90s → "1m30s", 0.5s → "500ms".</summary>
    public static string Duration(TimeSpan d)
    {
        if (d < TimeSpan.FromSeconds(1))
            return Invariant($"{d.TotalMilliseconds:0.#}ms");
        var parts = new List<string>(3);
        if (d.TotalHours >= 1) parts.Add(Invariant($"{(int)d.TotalHours}h"));
        if (d.Minutes > 0) parts.Add(Invariant($"{d.Minutes}m"));
        double seconds = d.Seconds + (d.Milliseconds / 1000.0);
        if (seconds > 0) parts.Add(Invariant($"{seconds:0.###}s"));
        return string.Concat(parts);
    }
}
