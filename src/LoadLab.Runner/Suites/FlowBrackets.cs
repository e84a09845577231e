namespace LoadLab.Runner.Suites;

/// <summary>
/// Checks in the raw text whether a '{' or '[' is closed. The parser looks ahead, so when it fails
/// the last collection it reported open may in fact be closed; the text settles it.
/// </summary>
internal static class FlowBrackets
{
    /// <summary>True when the bracket at <paramref name="index"/> has its matching close later in the text.</summary>
    public static bool IsClosed(string text, int index)
    {
        var depth = 0;
        for (var i = index; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0)
                        return true;
                    break;
                case '\'' or '"':
                    i = SkipQuoted(text, i);
                    break;
                case '#' when i == 0 || char.IsWhiteSpace(text[i - 1]):
                    i = text.IndexOf('\n', i) is var end and >= 0 ? end : text.Length;
                    break;
            }
        }
        return false;
    }

    /// <summary>Index of the closing quote (or the end of the text), so brackets inside strings are not counted.</summary>
    private static int SkipQuoted(string text, int open)
    {
        var quote = text[open];
        for (var i = open + 1; i < text.Length; i++)
        {
            if (quote == '"' && text[i] == '\\')
                i++;
            else if (text[i] == quote && quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                i++; // '' is an escaped quote inside single quotes
            else if (text[i] == quote)
                return i;
        }
        return text.Length;
    }
}
