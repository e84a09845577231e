using System.Net;
using System.Text;

namespace LoadLab.Reports.Html;

/// <summary>
/// A small HTML builder: every piece of text goes through <see cref="Text"/>, which escapes it, so
/// names from suite files (scenarios, tables, budgets, findings) can never become markup.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder sb = new(1 << 16);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Trusted markup written by this assembly (tags, CSS, ScottPlot's SVG).</summary>
    public HtmlWriter Raw(string markup)
    {
        sb.Append(markup);
        return this;
    }

    public HtmlWriter Text(string text)
    {
        sb.Append(Escape(text));
        return this;
    }

    /// <summary>&lt;tag class="…"&gt;escaped text&lt;/tag&gt;.</summary>
    public HtmlWriter Element(string tag, string text, string? cssClass = null)
    {
        Open(tag, cssClass);
        Text(text);
        return Close(tag);
    }

    public HtmlWriter Open(string tag, string? cssClass = null, string? id = null)
    {
        sb.Append('<').Append(tag);
        if (cssClass is not null) sb.Append(" class=\"").Append(Escape(cssClass)).Append('"');
        if (id is not null) sb.Append(" id=\"").Append(Escape(id)).Append('"');
        sb.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        sb.Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary>A table in a horizontally scrolling box; headers starting with '>' mark right-aligned (numeric) columns.</summary>
    public HtmlWriter Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<Cell>> rows)
    {
        var numeric = headers.Select(h => h.StartsWith('>')).ToArray();
        Open("div", "table-scroll").Open("table").Open("thead").Open("tr");
        for (int i = 0; i < headers.Count; i++)
            Element("th", headers[i].TrimStart('>'), numeric[i] ? "num" : null);
        Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            Open("tr");
            for (int i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                string? css = numeric[i] ? (cell.CssClass is null ? "num" : "num " + cell.CssClass) : cell.CssClass;
                Open("td", css);
                if (cell.Swatch is not null)
                    Raw("<span class=\"swatch\" style=\"background:").Text(cell.Swatch).Raw("\"></span>");
                if (cell.Links is { Count: > 0 } links)
                    Links(links).Close("td");
                else if (cell.Href is not null && SafeHref(cell.Href))
                    Raw("<a href=\"").Text(cell.Href).Raw("\">").Text(cell.Text).Raw("</a>").Close("td");
                else
                    Text(cell.Text).Close("td");
            }

            Close("tr");
        }

        return Close("tbody").Close("table").Close("div");
    }

    /// <summary>
    /// Links come from results files (trace console URLs) and suite names (variant folders): only web addresses and
    /// relative paths become links, so a hand-edited file cannot smuggle a <c>javascript:</c> URL into the report.
    /// </summary>
    public static bool SafeHref(string href) =>
        href.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || !href.Contains(':', StringComparison.Ordinal);

    /// <summary>Links separated by " · "; an unsafe address shows as text.</summary>
    public HtmlWriter Links(IReadOnlyList<(string Text, string Href)> links)
    {
        for (int i = 0; i < links.Count; i++)
        {
            if (i > 0) Text(" · ");
            if (SafeHref(links[i].Href))
                Raw("<a href=\"").Text(links[i].Href).Raw("\" rel=\"noopener\">").Text(links[i].Text).Raw("</a>");
            else
                Text(links[i].Text);
        }

        return this;
    }

    /// <summary>A definition list of label/value pairs (run, machine, target facts).</summary>
    public HtmlWriter Facts(IEnumerable<(string Label, string Value)> facts)
    {
        Open("dl", "facts");
        foreach (var (label, value) in facts)
            Element("dt", label).Element("dd", value);
        return Close("dl");
    }

    public override string ToString() => sb.ToString();
}

/// <summary>One table cell: escaped text, an optional CSS class, an optional colour swatch (#rrggbb) and an optional link (escaped like the text).</summary>
internal readonly record struct Cell(string Text, string? CssClass = null, string? Swatch = null, string? Href = null, IReadOnlyList<(string Text, string Href)>? Links = null)
{
    public static implicit operator Cell(string text) => new(text);
}
