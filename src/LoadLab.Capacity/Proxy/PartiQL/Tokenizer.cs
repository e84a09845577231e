using System.Text;

namespace LoadLab.Capacity.Proxy.PartiQL;

internal enum TokenKind
{
    /// <summary>A bare word: a keyword (SELECT, WHERE, …) or an attribute or table name.</summary>
    Word,

    /// <summary>A double-quoted name (<c>"my-table"</c>); never a keyword.</summary>
    QuotedName,

    /// <summary>A single-quoted string literal (<c>'abc'</c>).</summary>
    String,

    Number,

    /// <summary><c>?</c>: the next of the request's Parameters.</summary>
    Parameter,

    /// <summary>Punctuation and operators: <c>, . ( ) { } [ ] : * + - = &lt;&gt; != &lt; &lt;= &gt; &gt;=</c>.</summary>
    Symbol,

    End,
}

/// <summary>One token of a statement; <see cref="Position"/> is its 0-based character offset, for messages.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public bool IsWord(string keyword) => Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    public override string ToString() => Kind switch
    {
        TokenKind.End => "the end of the statement",
        TokenKind.String => $"'{Text}'",
        TokenKind.QuotedName => $"\"{Text}\"",
        _ => $"'{Text}'",
    };
}

/// <summary>Splits a PartiQL statement into tokens. Quotes follow SQL: a doubled quote inside stands for one.</summary>
internal static class Tokenizer
{
    /// <exception cref="PartiqlException">A character no token starts with, or an unclosed quote.</exception>
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                int start = i;
                string value = Quoted(text, ref i, c);
                tokens.Add(new Token(c == '"' ? TokenKind.QuotedName : TokenKind.String, value, start));
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '+' or '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                int start = i;
                tokens.Add(new Token(TokenKind.Number, NumberText(text, ref i), start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                    i++;
                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }
            else if (c == '?')
            {
                tokens.Add(new Token(TokenKind.Parameter, "?", i++));
            }
            else if (TwoCharSymbol(text, i) is { } pair)
            {
                tokens.Add(new Token(TokenKind.Symbol, pair, i));
                i += 2;
            }
            else if (",.(){}[]:*=<>+-".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), i++));
            }
            else
            {
                throw new PartiqlException(Messages.Malformed($"unexpected character '{c}' at position {i + 1}"));
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static string? TwoCharSymbol(string text, int i)
    {
        if (i + 1 >= text.Length)
            return null;
        string pair = text.Substring(i, 2);
        return pair is "<>" or "!=" or "<=" or ">=" ? pair : null;
    }

    private static string Quoted(string text, ref int i, char quote)
    {
        int start = i;
        var value = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return value.ToString();
            }

            value.Append(text[i++]);
        }

        throw new PartiqlException(Messages.Malformed($"the quote opened at position {start + 1} is never closed"));
    }

    private static string NumberText(string text, ref int i)
    {
        int start = i;
        if (text[i] is '-' or '+')
            i++;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            int mark = i++;
            if (i < text.Length && text[i] is '-' or '+')
                i++;
            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            {
                i = mark;
                return text[start..i];
            }

            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }

        return text[start..i];
    }
}

/// <summary>A statement the proxy cannot run; the message is DynamoDB's ValidationException text.</summary>
internal sealed class PartiqlException : Exception
{
    public PartiqlException()
    {
    }

    public PartiqlException(string message)
        : base(message)
    {
    }

    public PartiqlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
