using System.Globalization;
using LoadLab.DynamoDb.Data.Keys;

namespace LoadLab.DynamoDb.Data.Custom;

/// <summary>
/// Parses a field expression: <c>dataset.method</c>, <c>dataset.method(arg, …)</c>, numbers, <c>'quoted text'</c>,
/// ranges <c>min..max</c>, and the built-in functions (<c>pick</c>, <c>list</c>, <c>set</c>, <c>binary</c>, <c>index</c>).
/// </summary>
internal sealed class ExpressionParser
{
    private const int MaxDepth = 16;

    private readonly string text;
    private int at;

    private ExpressionParser(string text) => this.text = text;

    /// <exception cref="DataDesignException">The text is not a well-formed expression.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text);
        var expression = parser.ParseExpression(depth: 0);
        parser.SkipSpace();
        if (parser.at < text.Length)
            throw parser.Error(parser.at, $"unexpected '{text[parser.at]}'");
        return expression;
    }

    private Expression ParseExpression(int depth)
    {
        if (depth > MaxDepth)
            throw Error(at, "nested too deeply");
        SkipSpace();
        if (at >= text.Length)
            throw Error(at, "expected a generator, a number or 'quoted text', found the end");
        char c = text[at];
        if (c is '\'' or '"')
            return ParseText(c);
        if (char.IsAsciiDigit(c) || (c == '-' && at + 1 < text.Length && char.IsAsciiDigit(text[at + 1])))
            return ParseNumberOrRange();
        if (char.IsAsciiLetter(c) || c == '_')
            return ParseCall(depth);
        throw Error(at, $"unexpected '{c}'");
    }

    private TextExpression ParseText(char quote)
    {
        int start = at++;
        var value = new System.Text.StringBuilder();
        while (at < text.Length)
        {
            char c = text[at++];
            if (c != quote)
            {
                value.Append(c);
            }
            else if (at < text.Length && text[at] == quote)
            {
                // A doubled quote stands for itself, as in SQL: 'it''s'.
                value.Append(quote);
                at++;
            }
            else
            {
                return new TextExpression(value.ToString(), start);
            }
        }

        throw Error(start, $"the text starting here is not closed with {quote}");
    }

    private Expression ParseNumberOrRange()
    {
        int start = at;
        string first = ReadNumber();
        if (at + 1 < text.Length && text[at] == '.' && text[at + 1] == '.')
        {
            at += 2;
            string second = ReadNumber();
            if (!long.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long min)
                || !long.TryParse(second, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long max))
            {
                throw Error(start, $"a range takes whole numbers, found '{first}..{second}'");
            }

            if (min > max)
                throw Error(start, $"range {min}..{max} is empty; write the smaller number first");
            return new RangeExpression(min, max, start);
        }

        if (!decimal.TryParse(first, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            throw Error(start, $"'{first}' is not a number");
        return new NumberExpression(first, value, start);
    }

    private string ReadNumber()
    {
        int start = at;
        if (at < text.Length && text[at] == '-')
            at++;
        while (at < text.Length && (char.IsAsciiDigit(text[at]) || (text[at] == '.' && !(at + 1 < text.Length && text[at + 1] == '.'))))
            at++;
        if (at == start || text[start..at] == "-")
            throw Error(start, "expected a number");
        return text[start..at];
    }

    private CallExpression ParseCall(int depth)
    {
        int start = at;
        while (at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] is '_' or '.' or '-'))
            at++;
        string name = text[start..at];
        SkipSpace();
        if (at >= text.Length || text[at] != '(')
            return new CallExpression(name, [], HasParentheses: false, start);

        at++;
        var arguments = new List<Expression>();
        SkipSpace();
        if (at < text.Length && text[at] == ')')
        {
            at++;
            return new CallExpression(name, arguments, HasParentheses: true, start);
        }

        while (true)
        {
            arguments.Add(ParseExpression(depth + 1));
            SkipSpace();
            if (at < text.Length && text[at] == ',')
            {
                at++;
                continue;
            }

            if (at < text.Length && text[at] == ')')
            {
                at++;
                return new CallExpression(name, arguments, HasParentheses: true, start);
            }

            throw Error(at, at < text.Length ? $"expected ',' or ')' after an argument of {name}, found '{text[at]}'" : $"'(' after {name} is not closed");
        }
    }

    private void SkipSpace()
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
            at++;
    }

    private DataDesignException Error(int position, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"'{text}': {problem} (at character {position + 1})"));
}
