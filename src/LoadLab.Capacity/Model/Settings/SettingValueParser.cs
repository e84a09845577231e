using System.Globalization;
using System.Text;
using LoadLab.Core.Text;

namespace LoadLab.Capacity.Model.Settings;

/// <summary>
/// Turns override text into a typed value with invariant parsing, and says what was expected when
/// it cannot. Numbers whose name ends in "Seconds" also take a duration (5m = 300), and byte counts
/// take binary suffixes (10GiB), because that is how people write them in a suite.
/// </summary>
internal static class SettingValueParser
{
    private static readonly (string Suffix, long Factor)[] ByteSuffixes =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000L), ("MB", 1_000_000L), ("GB", 1_000_000_000L), ("TB", 1_000_000_000_000L),
        ("B", 1L),
    ];

    public static bool TryParse(Type type, string name, string text, out object? value, out string expected)
    {
        value = null;
        text = text.Trim();
        expected = Expected(type, name);
        if (type == typeof(string))
        {
            value = text;
            return text.Length > 0;
        }

        if (type == typeof(bool))
        {
            if (!bool.TryParse(text, out var flag))
                return false;
            value = flag;
            return true;
        }

        if (type == typeof(int))
        {
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                return false;
            value = number;
            return true;
        }

        if (type == typeof(long))
        {
            if (!TryParseBytes(text, out var number))
                return false;
            value = number;
            return true;
        }

        if (type == typeof(double))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                value = number;
                return true;
            }

            if (IsSeconds(name) && DurationText.TryParse(text, out var seconds))
            {
                value = seconds.TotalSeconds;
                return true;
            }

            return false;
        }

        if (type == typeof(TimeSpan))
        {
            if (!DurationText.TryParse(text, out var duration))
                return false;
            value = duration;
            return true;
        }

        if (type.IsEnum)
        {
            var wanted = Normalize(text);
            foreach (var option in Enum.GetNames(type))
            {
                if (Normalize(option) == wanted)
                {
                    value = Enum.Parse(type, option);
                    return true;
                }
            }

            return false;
        }

        throw new NotSupportedException($"Settings of type {type.Name} cannot be overridden.");
    }

    /// <summary>The value as override text (durations as 30m, enums in kebab case), for the report.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        TimeSpan duration => DurationText.Format(duration),
        bool flag => flag ? "true" : "false",
        Enum option => Kebab(option.ToString()),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static string Kebab(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }

    /// <summary>What a value of this setting may be, in words, for error messages and the suite schema.</summary>
    public static string Expected(Type type, string name)
    {
        if (type == typeof(bool))
            return "true or false";
        if (type == typeof(int))
            return "a whole number";
        if (type == typeof(long))
            return "a whole number of bytes, optionally with a unit such as 10GiB";
        if (type == typeof(double))
            return IsSeconds(name) ? "a number of seconds or " + DurationText.Expected : "a number such as 0.8 or 3000";
        if (type == typeof(TimeSpan))
            return DurationText.Expected;
        if (type.IsEnum)
            return "one of " + string.Join(", ", Enum.GetNames(type).Select(Kebab));
        return "a non-empty text";
    }

    private static bool IsSeconds(string name) => name.EndsWith("Seconds", StringComparison.Ordinal);

    private static bool TryParseBytes(string text, out long bytes)
    {
        bytes = 0;
        foreach (var (suffix, factor) in ByteSuffixes)
        {
            if (!text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                continue;
            var number = text[..^suffix.Length].Trim();
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                return false;
            var total = amount * factor;
            if (total > long.MaxValue)
                return false;
            bytes = (long)Math.Round(total);
            return true;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out bytes);
    }

    private static string Normalize(string text) =>
        text.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
}
