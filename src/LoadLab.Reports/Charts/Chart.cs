using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// One finished chart. The same ScottPlot plot renders to PNG (charts/*.png) and to SVG (inlined
/// in report.html), so both always show the same thing.
/// </summary>
public sealed class Chart : IDisposable
{
    internal Chart(string id, string title, string? caption, string? scenario, Plot plot)
    {
        Id = id;
        Title = title;
        Caption = caption;
        Scenario = scenario;
        Plot = plot;
    }

    /// <summary>File-name-safe identity, unique within a run, e.g. "latency-browse-get".</summary>
    public string Id { get; }

    public string Title { get; }

    /// <summary>How to read the chart, or what its data is estimated from; null when the title says it all.</summary>
    public string? Caption { get; }

    /// <summary>The scenario the chart belongs to, or null for run-wide charts.</summary>
    public string? Scenario { get; }

    internal Plot Plot { get; }

    public int Width { get; init; } = ChartStyle.Width;

    public int Height { get; init; } = ChartStyle.Height;

    public void SavePng(string path) => Plot.SavePng(path, Width, Height);

    public byte[] ToPng() => Plot.GetImageBytes(Width, Height, ImageFormat.Png);

    /// <summary>
    /// The chart as an SVG element ready to inline in HTML: no XML declaration, a viewBox so CSS
    /// can scale it to the page, and ids prefixed with the chart's id so several charts can share
    /// a page. ScottPlot (Skia) escapes the text it writes.
    /// </summary>
    public string ToSvg()
    {
        string svg = Plot.GetSvgXml(Width, Height);
        int root = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (root < 0)
            throw new InvalidOperationException("ScottPlot returned no <svg> element.");
        svg = svg[root..];
        if (!svg.Contains("viewBox", StringComparison.Ordinal))
            svg = "<svg viewBox=\"0 0 " + Width.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " +
                  Height.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"" + svg[4..];
        return SvgIds.Scope(svg, Id);
    }

    public void Dispose() => Plot.Dispose();
}
