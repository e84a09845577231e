using System.Globalization;
using System.Text.RegularExpressions;

namespace LoadLab.Runner.Suites.Profiles;

/// <summary>Numbers and ISO 8601 timestamps as both traffic formats write them, read one way.</summary>
internal static partial class TrafficValues
{
    public const string TimestampExample = "2024-05-01T12:00:00Z";

    /// <summary>A finite number in the invariant culture ("1e3" and "12.5" are; "NaN", "1,5" and "" are not).</summary>
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>
    /// An ISO 8601 date and time (T or a space between them, seconds and fraction optional, Z or an
    /// offset optional: without one it is taken as UTC; only differences matter). Nothing looser:
    /// "05/01/2024" means different days in different places.
    /// </summary>
    public static bool TryTimestamp(string text, out DateTimeOffset value)
    {
        value = default;
        return IsoTimestamp().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();
}
