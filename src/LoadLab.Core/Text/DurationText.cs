using System.Globalization;
using System.Text;

namespace LoadLab.Core.Text;

/// <summary>
/// Durations as the suite writes them: <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>, <c>1m30s</c>,
/// <c>1.5s</c> — numbers with units, largest unit first, each unit at most once. One grammar for
/// the suite loader, budgets and the simulator's settings, so a value reads the same everywhere.
/// </summary>
public static class DurationText
{
    public const string Expected = "a duration such as 500ms, 30s, 2m, 1h or 1m30s";

    private static readonly (string Unit, long Ticks)[] Units =
    [
        ("h", TimeSpan.TicksPerHour),
        ("ms", TimeSpan.TicksPerMillisecond), // before "m" so "500ms" is not read as minutes
        ("m", TimeSpan.TicksPerMinute),
        ("s", TimeSpan.TicksPerSecond),
    ];

    private static readonly string[] Order = ["h", "m", "s", "ms"];

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (text.Length == 0)
            return false;
        var position = 0;
        var lastRank = -1;
        decimal ticks = 0;
        while (position < text.Length)
        {
            var numberStart = position;
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
            var unitIndex = FindUnit(text, position);
            if (unitIndex < 0)
                return false;
            var (unit, unitTicks) = Units[unitIndex];
            var rank = Array.IndexOf(Order, unit);
            if (rank <= lastRank)
                return false;
            lastRank = rank;
            position += unit.Length;
            // Checked before multiplying: a 20-digit number of hours would overflow the decimal itself.
            if (number > TimeSpan.MaxValue.Ticks / unitTicks)
                return false;
            ticks += number * unitTicks;
            if (ticks > TimeSpan.MaxValue.Ticks)
                return false;
        }

        duration = TimeSpan.FromTicks((long)Math.Round(ticks));
        return true;
    }

    /// <summary>Text that parses back to the same value and reads well: 30m, 1m30s, 1m6.7s, 500ms, 0.5ms.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
            return "0s";
        var builder = new StringBuilder();
        var rest = duration.Ticks;
        if (rest < 0)
        {
            builder.Append('-');
            rest = -rest;
        }

        // Under a second: milliseconds, which is how people read short latencies and timeouts.
        if (rest < TimeSpan.TicksPerSecond)
            return builder.Append((rest / (decimal)TimeSpan.TicksPerMillisecond).ToString(CultureInfo.InvariantCulture)).Append("ms").ToString();
        Append(builder, ref rest, TimeSpan.TicksPerHour, "h");
        Append(builder, ref rest, TimeSpan.TicksPerMinute, "m");
        // Seconds with their fraction as decimals (1m6.7s rather than 1m6s700ms); the grammar reads them back exactly.
        if (rest > 0)
            builder.Append((rest / (decimal)TimeSpan.TicksPerSecond).ToString(CultureInfo.InvariantCulture)).Append('s');
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, ref long rest, long unitTicks, string unit)
    {
        var whole = rest / unitTicks;
        if (whole == 0)
            return;
        builder.Append(whole.ToString(CultureInfo.InvariantCulture)).Append(unit);
        rest -= whole * unitTicks;
    }

    private static int FindUnit(string text, int position)
    {
        for (var i = 0; i < Units.Length; i++)
        {
            if (text.AsSpan(position).StartsWith(Units[i].Unit, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }

    private static int SkipDigits(string text, int position)
    {
        while (position < text.Length && char.IsAsciiDigit(text[position]))
            position++;
        return position;
    }
}
