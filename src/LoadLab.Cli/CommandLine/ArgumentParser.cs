using LoadLab.Core.Text;
using LoadLab.Core.Errors;
using LoadLab.Runner.Suites;
namespace LoadLab.Cli.CommandLine;

/// <summary>
/// Parses <c>loadlab COMMAND [args] [--option value] [--flag]</c> against the options the command
/// declares. Unknown options and missing values are usage errors (exit 2) with a suggestion.
/// </summary>
public static class ArgumentParser
{
    public static ParsedArguments Parse(IReadOnlyList<string> args, CommandSpec spec)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(spec);
        var positionals = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positionals.Add(arg);
                continue;
            }

            string name = arg[2..];
            string? inlineValue = null;
            int eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inlineValue = name[(eq + 1)..];
                name = name[..eq];
            }

            var option = spec.Options.FirstOrDefault(o => o.Name == name) ?? throw Unknown(name, spec);
            if (!option.TakesValue)
            {
                options[name] = null;
                continue;
            }

            string? value = inlineValue ?? (i + 1 < args.Count ? args[++i] : null);
            if (value is null)
                throw Usage($"--{name} needs a value: {option.Help}", spec);
            options[name] = value;
        }

        if (positionals.Count < spec.Positionals.Count)
            throw Usage($"missing {spec.Positionals[positionals.Count]}.", spec);
        if (positionals.Count > spec.Positionals.Count && !spec.Variadic)
            throw Usage($"unexpected argument '{positionals[spec.Positionals.Count]}'.", spec);
        return new ParsedArguments(spec.Name, positionals, options);
    }

    private static InvalidInputException Unknown(string name, CommandSpec spec)
    {
        string? close = NameSuggestions.Closest(name, spec.Options.Select(o => o.Name));
        string hint = close is null ? "" : $" Did you mean --{close}?";
        return Usage($"unknown option --{name}.{hint}", spec);
    }

    private static InvalidInputException Usage(string message, CommandSpec spec) => new($"loadlab {spec.Name}: {message}\n\n{spec.Usage()}");
}
