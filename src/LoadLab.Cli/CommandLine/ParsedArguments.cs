namespace LoadLab.Cli.CommandLine;

/// <summary>A command word, its positional arguments and its --options, as typed.</summary>
public sealed record ParsedArguments(string Command, IReadOnlyList<string> Positionals, IReadOnlyDictionary<string, string?> Options)
{
    public bool Has(string option) => Options.ContainsKey(option);

    public string? Value(string option) => Options.TryGetValue(option, out var v) ? v : null;
}
