using System.Globalization;

namespace LoadLab.Core.Plans;

/// <summary>Invariant-culture formatting shared by plans, live view and reports.</summary>
public static class Formatting
{
    public static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A duration for people, in the suite's own grammar (<see cref="Text.DurationText.Format"/>, the one formatter):
    /// 90 s → "1m30s", 0.5 s → "500ms". Rounded to the millisecond: finer digits are noise in a report.
    /// </summary>
    public static string Duration(TimeSpan d) =>
        Text.DurationText.Format(TimeSpan.FromMilliseconds(Math.Round(d.TotalMilliseconds)));
}
