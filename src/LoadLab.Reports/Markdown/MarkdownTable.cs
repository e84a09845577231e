using System.Text;

namespace LoadLab.Reports.Markdown;

/// <summary>A GitHub-flavoured Markdown table; cells are escaped so names with pipes or markup stay inside their cell.</summary>
internal sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    /// <summary>Columns whose header starts with '>' are right-aligned (numbers) and the marker is dropped.</summary>
    public MarkdownTable Row(params string[] cells)
    {
        if (cells.Length != headers.Length)
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        rows.Add(cells);
        return this;
    }

    public int Count => rows.Count;

    public void WriteTo(StringBuilder sb)
    {
        sb.Append('|');
        foreach (var h in headers) sb.Append(' ').Append(Escape(h.TrimStart('>'))).Append(" |");
        sb.Append('\n').Append('|');
        foreach (var h in headers) sb.Append(h.StartsWith('>') ? " ---: |" : " --- |");
        sb.Append('\n');
        foreach (var row in rows)
        {
            sb.Append('|');
            foreach (var cell in row) sb.Append(' ').Append(Escape(cell)).Append(" |");
            sb.Append('\n');
        }
    }

    /// <summary>
    /// Escapes what would break a table or render as markup in a PR comment: pipes, HTML (GitHub
    /// renders some tags) and emphasis characters; newlines become spaces.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '|': sb.Append("\\|"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '*' or '_' or '`' or '[' or ']' or '\\': sb.Append('\\').Append(c); break;
                case '\r' or '\n': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }
}
