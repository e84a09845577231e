using Spectre.Console;
using Spectre.Console.Cli;

namespace LoadLab.Cli.CommandLine;

/// <summary>
/// The base of every command's settings. Spectre binds the options; <see cref="Check"/> turns the values that have
/// a grammar of their own (i/N, dollars, durations, NAME=VALUE lists) into typed ones, once, and lists every problem
/// at once. Checks that look at the file system wait for <see cref="CheckFiles"/>, run just before the command
/// does anything, so parsing stays pure and testable without files.
/// </summary>
internal abstract class LoadLabSettings : CommandSettings
{
    private bool validated;

    public sealed override ValidationResult Validate()
    {
        var errors = new List<string>();
        Check(errors);
        validated = errors.Count == 0;
        return validated ? ValidationResult.Success() : ValidationResult.Error(string.Join("\n  ", errors));
    }

    /// <summary>Adds one line per problem with the options as typed; sets the typed values.</summary>
    protected abstract void Check(List<string> errors);

    /// <summary>Adds one line per input missing or output that cannot be written (nothing has run yet).</summary>
    public virtual void CheckFiles(List<string> errors)
    {
    }

    /// <summary>A typed value read after validation; asking before is a programming error, not a usage error.</summary>
    protected T Validated<T>(T? value)
        where T : class =>
        validated && value is not null ? value : throw new InvalidOperationException($"{GetType().Name} was read before it was validated.");
}
