using System.Globalization;

namespace LoadLab.Cli.Suites;

/// <summary>
/// Parses durations such as <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>, <c>1m30s</c> and <c>1.5s</c>:
/// numbers with units, largest unit first, each unit at most once.
/// </summary>
internal static class DurationParser
{
    public const string Expected = "a duration such as 500ms, 30s, 2m, 1h or 1m30s";

    private static readonly (string Unit, decimal Ticks)[] Units =
    [
        ("h", TimeSpan.TicksPerHour),
        ("ms", TimeSpan.TicksPerMillisecond), // before "m" so "500ms" is not read as minutes
        ("m", TimeSpan.TicksPerMinute),
        ("s", TimeSpan.TicksPerSecond),
    ];

    // Order the units must appear in, largest first.
    private static readonly string[] Order = ["h", "m", "s", "ms"];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var position = 0;
        var lastRank = -1;
        decimal ticks = 0;
        text = text.Trim();
        if (text.Length == 0)
            return false;
        while (position < text.Length)
        {
            var numberStart = position;
            // Digits, optionally '.' and more digits: the same shape the schema's pattern allows.
            position = SkipDigits(text, position);
            if (position == numberStart)
                return false;
            if (position < text.Length && text[position] == '.')
            {
                var fractionStart = ++position;
                position = SkipDigits(text, position);
                if (position == fractionStart)
                    return false;
            }
            if (!decimal.TryParse(text.AsSpan(numberStart, position - numberStart), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                return false;
            var (unit, unitTicks) = Units.FirstOrDefault(u => text.AsSpan(position).StartsWith(u.Unit, StringComparison.Ordinal));
            if (unit is null)
                return false;
            var rank = Array.IndexOf(Order, unit);
            if (rank <= lastRank)
                return false;
            lastRank = rank;
            position += unit.Length;
            if (number > TimeSpan.MaxValue.Ticks / unitTicks)
                return false;
            ticks += number * unitTicks;
            if (ticks > TimeSpan.MaxValue.Ticks)
                return false;
        }
        duration = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }

    private static int SkipDigits(string text, int position)
    {
        while (position < text.Length && char.IsAsciiDigit(text[position]))
            position++;
        return position;
    }
}
