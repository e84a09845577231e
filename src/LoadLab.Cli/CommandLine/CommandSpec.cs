using System.Text;

namespace LoadLab.Cli.CommandLine;

/// <summary>What a command accepts; drives parsing and the help text so they cannot disagree.</summary>
/// <param name="Variadic">The last positional may repeat (e.g. <c>merge DIR…</c>).</param>
public sealed record CommandSpec(string Name, string Summary, IReadOnlyList<string> Positionals, IReadOnlyList<OptionSpec> Options, bool Variadic = false)
{
    public string Usage()
    {
        var text = new StringBuilder();
        text.Append("Usage: loadlab ").Append(Name);
        foreach (var p in Positionals) text.Append(' ').Append(p);
        if (Variadic) text.Append('…');
        if (Options.Count > 0) text.Append(" [options]");
        text.AppendLine().AppendLine().AppendLine(Summary);
        if (Options.Count > 0)
        {
            text.AppendLine().AppendLine("Options:");
            foreach (var o in Options)
            {
                string left = o.TakesValue ? $"--{o.Name} {o.ValueName}" : $"--{o.Name}";
                text.Append("  ").Append(left.PadRight(28)).AppendLine(o.Help);
            }
        }

        return text.ToString().TrimEnd();
    }
}

public sealed record OptionSpec(string Name, string? ValueName, string Help)
{
    public bool TakesValue => ValueName is not null;
}
