using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds a <c>statement</c> operation's <c>text</c> and <c>params</c>:
/// <c>statement: { weight: 10, text: 'SELECT * FROM "{table}" WHERE pk = ? AND sk = ?', params: [pk, sk] }</c>.
/// The text must start with SELECT, INSERT, UPDATE or DELETE (the verb decides read or write, so prod safety holds)
/// and hold one <c>?</c> per parameter; each parameter is <c>pk</c> or <c>sk</c> of the item the scenario's key
/// distribution chose.
/// </summary>
internal static class StatementBinder
{
    public static StatementPlan? Bind(Node? textNode, Node? paramsNode, string what, SuiteDiagnostics diagnostics)
    {
        if (textNode is null || ScalarReader.Text(textNode, what + ".text", diagnostics) is not { } text)
            return null;
        var before = diagnostics.Count;
        if (StatementPlan.Verb(text) is not { } verb || !StatementPlan.Verbs.Contains(verb))
        {
            diagnostics.Add(textNode, $"{what}.text: a statement starts with {string.Join(", ", StatementPlan.Verbs)} (the verb tells a read from a write); found '{Shorten(text)}'");
        }

        var parameters = new List<StatementParameter>();
        if (paramsNode is not null && ScalarReader.Sequence(paramsNode, what + ".params", diagnostics) is { } sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (ScalarReader.Text(item, what + ".params", diagnostics) is not { } name)
                    continue;
                if (StatementParameters.Parse(name) is { } parameter)
                    parameters.Add(parameter);
                else
                    diagnostics.Add(item, $"{what}.params: unknown parameter '{name}'; allowed: {string.Join(", ", StatementParameters.Names)} (the chosen item's partition and sort key values, bound to the ?s in order)");
            }
        }

        int marks = Placeholders(text);
        if (marks != parameters.Count && diagnostics.Count == before)
        {
            diagnostics.Add(paramsNode ?? textNode, $"{what}.params: the text has {marks} '?' and params lists {parameters.Count}; give one parameter (pk or sk) per '?', in order");
        }

        return diagnostics.Count > before ? null : new StatementPlan(text, parameters);
    }

    /// <summary>The <c>?</c>s outside quoted strings and names, as PartiQL counts its parameters.</summary>
    internal static int Placeholders(string text)
    {
        int count = 0;
        char? quote = null;
        foreach (char c in text)
        {
            if (quote is { } open)
            {
                if (c == open)
                    quote = null;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '?')
            {
                count++;
            }
        }

        return count;
    }

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
