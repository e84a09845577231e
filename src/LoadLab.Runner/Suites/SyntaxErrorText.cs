using YamlDotNet.Core;

namespace LoadLab.Runner.Suites;

/// <summary>Rewrites YamlDotNet's parser messages into what the user should look for.</summary>
internal static class SyntaxErrorText
{
    private const string Prefix = "YAML syntax error: ";

    public const string Unreadable = Prefix + "the text after this point cannot be read; look for an unclosed '[', '{' or quote";

    private const string TabAdvice = "a tab is used for indentation; YAML needs spaces";

    private static readonly (string Fragment, string Advice)[] Known =
    [
        ("tab character", TabAdvice),
        ("tab as indentation", TabAdvice),
        ("did not find expected ',' or '}'", "a '{ … }' mapping is not closed; expected ',' or '}'"),
        ("did not find expected ',' or ']'", "a '[ … ]' list is not closed; expected ',' or ']'"),
        ("quoted scalar, found unexpected end of stream", "a quoted string is not closed"),
        ("found invalid mapping", "unexpected 'key:' here; check this line's indentation against the line above"),
        ("mapping values are not allowed in this context", "unexpected ':' here; check the indentation, or quote a value that contains ': '"),
        ("did not find expected '-' indicator", "expected a list item ('- …') at this indentation; check the indentation"),
        ("did not find expected key", "expected a 'key: value' at this indentation; check the indentation"),
        ("did not find expected <document start>", "unexpected text after the end of the document; check the indentation"),
    ];

    /// <summary>Where to point and what to say for a parser error.</summary>
    public static (Mark At, string Message) Describe(string parserMessage, Mark at, string text)
    {
        var advice = Known.FirstOrDefault(k => parserMessage.Contains(k.Fragment, StringComparison.OrdinalIgnoreCase)).Advice;
        // YamlDotNet reports some tab errors at the start of the enclosing block; the tab itself is more useful.
        if (advice == TabAdvice && FirstIndentationTab(text, (int)at.Line) is { } tab)
            at = tab;
        return (at, Prefix + (advice ?? Plain(parserMessage)));
    }

    private static string Plain(string parserMessage)
    {
        var message = parserMessage.Trim().TrimEnd('.');
        return message.Length == 0 ? "unreadable text" : char.ToLowerInvariant(message[0]) + message[1..];
    }

    private static Mark? FirstIndentationTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(fromLine - 1, 0); i < lines.Length; i++)
        {
            var column = 0;
            while (column < lines[i].Length && lines[i][column] is ' ' or '\t')
            {
                if (lines[i][column] == '\t')
                    return new Mark(0, i + 1, column + 1);
                column++;
            }
        }
        return null;
    }
}
