using System.Globalization;
using LoadLab.Core.Plans;

namespace LoadLab.Reports.Text;

/// <summary>
/// Number and time formats shared by every human-readable report, always in the invariant culture
/// so a report reads the same on every machine and diffs cleanly between runs.
/// </summary>
public static class ReportNumbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Up to three significant figures for small values (no trailing zeros), whole numbers with separators for large ones: 0.532, 12.3, 25, 1,250.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return "–";
        double abs = Math.Abs(value);
        string format = abs >= 100 ? "#,0" : abs >= 10 ? "0.#" : abs >= 1 ? "0.##" : "0.###";
        return value.ToString(format, Invariant);
    }

    public static string Count(long value) => value.ToString("#,0", Invariant);

    public static string Milliseconds(double ms) => Number(ms) + " ms";

    /// <summary>A value in a budget's unit (ms, ops/s, %).</summary>
    public static string WithUnit(double value, string unit) => unit switch
    {
        "ms" => Milliseconds(value),
        "%" => Number(value) + " %",
        _ => Number(value) + " " + unit,
    };

    /// <summary>A signed difference in a unit, so a margin reads "+12.7 ms" or "−6.2 ms".</summary>
    public static string SignedWithUnit(double value, string unit)
    {
        string text = WithUnit(Math.Abs(value), unit);
        return value switch
        {
            > 0 => "+" + text,
            < 0 => "−" + text,
            _ => text,
        };
    }

    public static string Seconds(double seconds) =>
        seconds <= 0 || double.IsNaN(seconds) ? "0s" : Formatting.Duration(TimeSpan.FromSeconds(Math.Round(seconds, 3)));

    public static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant);

    /// <summary>A ratio as a percentage with enough digits to tell 0.04 % from 0 %.</summary>
    public static string Percent(long part, long whole) =>
        whole <= 0 ? "0 %" : Number(100.0 * part / whole) + " %";
}
