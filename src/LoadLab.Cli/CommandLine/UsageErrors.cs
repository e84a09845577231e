using System.Globalization;
using System.Text.RegularExpressions;
using LoadLab.Core.Errors;
using LoadLab.Core.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LoadLab.Cli.CommandLine;

/// <summary>
/// Usage errors as one message that names the command: "loadlab plan: --seed 'abc' must be a whole number". Spectre's
/// own parse and binding messages are reworded where LoadLab can say more (the option's help, a suggestion).
/// </summary>
internal static partial class UsageErrors
{
    public static string Prefix(string? command) => command is null ? "loadlab: " : $"loadlab {command}: ";

    /// <summary>Spectre's failure to parse, bind or validate <paramref name="args"/>.</summary>
    public static InvalidInputException From(CommandAppException error, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(args);
        var entry = args.Count > 0 ? CommandCatalog.Find(args[0]) : null;
        // An unknown option can take the next word as its value and so leave an argument "missing": name the option.
        string message = (entry is null ? null : FirstUnknownOption(entry, args)) ?? Reword(error.Message, entry, args);
        string help = entry is null ? "Run 'loadlab --help' for the commands." : $"Run 'loadlab {entry.Name} --help' for its options.";
        return new InvalidInputException($"{Prefix(entry?.Name)}{message}\n{help}");
    }

    /// <summary>
    /// Words Spectre 0.57's tokenizer cannot take: "--=" (an option without a name) throws IndexOutOfRangeException
    /// inside it. Refused here as what they are, before Spectre sees them.
    /// </summary>
    public static void CheckTokens(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (string arg in args.TakeWhile(a => a != "--"))
        {
            if (arg.StartsWith("--=", StringComparison.Ordinal))
                throw new InvalidInputException($"{Prefix(args.Count > 0 ? CommandCatalog.Find(args[0])?.Name : null)}'{arg}' is not an option: write --NAME or --NAME=VALUE.");
        }
    }

    /// <summary>A word that is not a command, with the closest command when there is one.</summary>
    public static InvalidInputException UnknownCommand(string word) => new(
        $"Unknown command '{word}'." + NameSuggestions.DidYouMean(word, CommandCatalog.All.Select(c => c.Name)) +
        $"\nCommands: {string.Join(", ", CommandCatalog.All.Select(c => c.Name))}. Run 'loadlab --help' for what each does.");

    /// <summary>
    /// Parsing is relaxed, so options the command lacks end up in the remaining arguments: each is refused here,
    /// with a suggestion. (Strict parsing in Spectre 0.57 binds "--seed --plain" as seed "__default_command".)
    /// </summary>
    public static ValidationResult CheckRemaining(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Remaining.Raw.Count > 0)
            return ValidationResult.Error($"unexpected argument(s) after --: {string.Join(" ", context.Remaining.Raw)}");
        var entry = CommandCatalog.Find(context.Name);
        string? unknown = context.Remaining.Parsed.Select(g => g.Key).FirstOrDefault();
        return unknown is null ? ValidationResult.Success() : ValidationResult.Error(UnknownOption(unknown, entry));
    }

    /// <summary>"unknown option --duraton-scale. Did you mean --duration-scale?"; <paramref name="typed"/> as typed, with its dashes.</summary>
    public static string UnknownOption(string typed, CommandEntry? entry)
    {
        string name = typed.TrimStart('-');
        string? close = entry is null ? null : NameSuggestions.Closest(name, entry.Options.Select(o => o.Name));
        return $"unknown option {typed}." + (close is null ? "" : $" Did you mean --{close}?");
    }

    private static string? FirstUnknownOption(CommandEntry entry, IReadOnlyList<string> args)
    {
        foreach (string arg in args.Skip(1))
        {
            if (arg == "--") break;
            if (arg.Length < 2 || arg[0] != '-' || double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) continue;
            string typed = arg.Split('=', 2)[0];
            bool known = typed.StartsWith("--", StringComparison.Ordinal) ? entry.Option(typed[2..]) is not null : typed == "-h";
            if (!known) return UnknownOption(typed, entry);
        }

        return null;
    }

    private static string Reword(string message, CommandEntry? entry, IReadOnlyList<string> args)
    {
        if (NoValue().Match(message) is { Success: true } noValue)
            return $"--{noValue.Groups[1].Value} needs a value" + (entry?.Option(noValue.Groups[1].Value) is { } o ? $": {o.Help}" : ".");
        if (MissingArgument().Match(message) is { Success: true } missing)
            return $"missing {missing.Groups[1].Value}.";
        if (NoMatch().Match(message) is { Success: true } extra)
            return $"unexpected argument '{extra.Groups[1].Value}'.";
        // A command without arguments reports a stray word as an unknown command.
        if (entry is not null && UnknownCommandMessage().Match(message) is { Success: true } stray)
            return $"unexpected argument '{stray.Groups[1].Value}'.";
        if (message.StartsWith("Flags cannot be assigned a value", StringComparison.Ordinal))
        {
            string? flag = args.FirstOrDefault(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))?.Split('=')[0];
            return flag is null
                ? "a switch takes no value other than true or false."
                : $"{flag} is a switch: give it alone or as {flag}=true / {flag}=false.";
        }

        if (message.StartsWith("Expected an option value", StringComparison.Ordinal))
            return $"{args.FirstOrDefault(a => a.EndsWith('=')) ?? "an option"} needs a value after '='.";
        return message;
    }

    [GeneratedRegex("^Option '(.+)' is defined but no value has been provided")]
    private static partial Regex NoValue();

    [GeneratedRegex("^Command '.+' is missing required argument '(.+)'")]
    private static partial Regex MissingArgument();

    [GeneratedRegex("^Could not match '(.*)' with an argument")]
    private static partial Regex NoMatch();

    [GeneratedRegex("^Unknown command '(.*)'")]
    private static partial Regex UnknownCommandMessage();
}
