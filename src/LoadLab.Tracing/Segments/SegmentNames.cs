using System.Globalization;
using System.Text;

namespace LoadLab.Tracing.Segments;

/// <summary>X-Ray's limits on names and values (docs/tracing.md §3), applied before writing.</summary>
public static class SegmentNames
{
    public const int MaxNameLength = 200;
    public const int MaxStringLength = 250;
    public const int MaxAnnotationKeyLength = 500;
    public const int MaxAnnotationValueLength = 1000;
    public const int MaxAnnotationsPerTrace = 50;

    /// <summary>
    /// A segment name X-Ray accepts: Unicode letters, digits and whitespace plus <c>_ . : / % &amp; # = + \ - @</c>,
    /// 1 to 200 characters; anything else becomes <c>_</c>.
    /// </summary>
    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(Math.Min(name.Length, MaxNameLength));
        foreach (char c in name)
        {
            if (text.Length == MaxNameLength)
                break;
            text.Append(IsAllowed(c) ? c : '_');
        }

        return text.Length == 0 ? "loadlab" : text.ToString();
    }

    public static bool IsAllowed(char c) =>
        char.IsLetterOrDigit(c) || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator) || c is '_' or '.' or ':' or '/' or '%' or '&' or '#' or '=' or '+' or '\\' or '-' or '@';

    /// <summary>True for an annotation key X-Ray indexes: 1–500 characters of <c>[A-Za-z0-9_]</c>.</summary>
    public static bool IsAnnotationKey(string key) =>
        key.Length is > 0 and <= MaxAnnotationKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Cuts a string value to <paramref name="max"/> characters without splitting a surrogate pair.</summary>
    public static string Truncate(string value, int max = MaxStringLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= max)
            return value;
        int cut = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..cut];
    }
}
