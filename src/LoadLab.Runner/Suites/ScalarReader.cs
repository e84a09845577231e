using System.Globalization;
using LoadLab.Core.Plans;
using LoadLab.Core.Text;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Typed reads of scalar values. Each returns null after reporting the problem at the value's
/// position, so binders can keep going and report everything in one pass.
/// </summary>
internal static class ScalarReader
{
    /// <summary>Non-empty text.</summary>
    public static string? Text(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var scalar = Scalar(node, what, "text", diagnostics);
        if (scalar is null)
            return null;
        if (scalar.Value.Length == 0)
        {
            diagnostics.Add(node, $"{what}: expected text, found an empty string");
            return null;
        }
        return scalar.Value;
    }

    /// <summary>Text that is one of <paramref name="allowed"/>, with a suggestion when it is close to one.</summary>
    public static string? Choice(Node node, string what, IReadOnlyList<string> allowed, SuiteDiagnostics diagnostics)
    {
        var expected = "one of " + string.Join(", ", allowed);
        var scalar = Scalar(node, what, expected, diagnostics);
        if (scalar is null)
            return null;
        if (allowed.Contains(scalar.Value))
            return scalar.Value;
        diagnostics.Add(node, $"{what}: expected {expected}, found '{scalar.Value}'." + NameSuggestions.DidYouMean(scalar.Value, allowed));
        return null;
    }

    public static long? Long(Node node, string what, long min, long max, SuiteDiagnostics diagnostics)
    {
        var scalar = Scalar(node, what, "a whole number", diagnostics);
        if (scalar is null)
            return null;
        if (!long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            diagnostics.Add(node, $"{what}: expected a whole number, found '{scalar.Value}'");
            return null;
        }
        if (value < min || value > max)
        {
            var range = max == long.MaxValue
                ? Formatting.Invariant($"at least {min:N0}")
                : Formatting.Invariant($"from {min:N0} to {max:N0}");
            diagnostics.Add(node, Formatting.Invariant($"{what}: must be {range}, found {value:N0}"));
            return null;
        }
        return value;
    }

    public static int? Int(Node node, string what, int min, int max, SuiteDiagnostics diagnostics) =>
        (int?)Long(node, what, min, max, diagnostics);

    /// <summary>A finite number in [min, max], or in (min, max] when <paramref name="minExclusive"/>.</summary>
    public static double? Number(Node node, string what, double min, double max, bool minExclusive, SuiteDiagnostics diagnostics)
    {
        var scalar = Scalar(node, what, "a number", diagnostics);
        if (scalar is null)
            return null;
        if (!double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            diagnostics.Add(node, $"{what}: expected a number, found '{scalar.Value}'");
            return null;
        }
        var tooSmall = minExclusive ? value <= min : value < min;
        if (tooSmall || value > max)
        {
            diagnostics.Add(node, Formatting.Invariant($"{what}: must be {Range(min, max, minExclusive)}, found {value:#,0.###}"));
            return null;
        }
        return value;
    }

    /// <summary>A duration; phase lengths pass <paramref name="positive"/> because a zero-length phase does nothing.</summary>
    public static TimeSpan? Duration(Node node, string what, bool positive, SuiteDiagnostics diagnostics)
    {
        var scalar = Scalar(node, what, DurationText.Expected, diagnostics);
        if (scalar is null)
            return null;
        if (!DurationText.TryParse(scalar.Value, out var duration))
        {
            diagnostics.Add(node, $"{what}: expected {DurationText.Expected}, found '{scalar.Value}'");
            return null;
        }
        if (duration > SuiteValues.MaxDuration)
        {
            diagnostics.Add(node, Formatting.Invariant($"{what}: must be at most {SuiteValues.MaxDuration.TotalDays:0} days, found '{scalar.Value}'"));
            return null;
        }
        if (positive && duration <= TimeSpan.Zero)
        {
            diagnostics.Add(node, $"{what}: must be longer than 0, found '{scalar.Value}'");
            return null;
        }
        return duration;
    }

    public static MappingNode? Mapping(Node node, string what, SuiteDiagnostics diagnostics)
    {
        if (node is MappingNode mapping)
            return mapping;
        diagnostics.Add(node, $"{what}: expected a mapping ('key: value' lines or '{{ key: value }}'), found {node.Found}");
        return null;
    }

    public static SequenceNode? Sequence(Node node, string what, SuiteDiagnostics diagnostics)
    {
        if (node is SequenceNode sequence)
            return sequence;
        diagnostics.Add(node, $"{what}: expected a list ('- item' lines or '[ … ]'), found {node.Found}");
        return null;
    }

    private static ScalarNode? Scalar(Node node, string what, string expected, SuiteDiagnostics diagnostics)
    {
        if (node is ScalarNode { IsNull: false } scalar)
            return scalar;
        diagnostics.Add(node, $"{what}: expected {expected}, found {node.Found}");
        return null;
    }

    private static string Range(double min, double max, bool minExclusive) => (minExclusive, max == double.MaxValue) switch
    {
        (true, true) => Formatting.Invariant($"greater than {min:#,0.###}"),
        (true, false) => Formatting.Invariant($"greater than {min:#,0.###} and at most {max:#,0.###}"),
        (false, true) => Formatting.Invariant($"at least {min:#,0.###}"),
        (false, false) => Formatting.Invariant($"from {min:#,0.###} to {max:#,0.###}"),
    };
}
