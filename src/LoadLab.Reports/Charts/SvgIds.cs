using System.Text.RegularExpressions;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Skia numbers the SVG's clip paths from a process-wide counter ("cl_12"). Inlined side by side in
/// one page, ids must be unique across all charts, and reports should not change between two
/// renders of the same result, so every id is renamed to "&lt;chart id&gt;-&lt;n&gt;" in order of appearance.
/// </summary>
internal static partial class SvgIds
{
    public static string Scope(string svg, string prefix)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in IdAttribute().Matches(svg))
            renamed.TryAdd(m.Groups["id"].Value, prefix + "-" + renamed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (renamed.Count == 0) return svg;
        return Reference().Replace(svg, m => renamed.TryGetValue(m.Groups["id"].Value, out var id)
            ? m.Groups["before"].Value + id + m.Groups["after"].Value
            : m.Value);
    }

    [GeneratedRegex("\\sid=\"(?<id>[^\"]+)\"")]
    private static partial Regex IdAttribute();

    // An id where it is defined, and the three ways SVG refers to one.
    [GeneratedRegex("(?<before>\\sid=\"|url\\(#|href=\"#)(?<id>[^\")]+)(?<after>[\")])")]
    private static partial Regex Reference();
}
