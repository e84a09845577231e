using LoadLab.Cli.CommandLine;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Testing;

namespace LoadLab.UnitTests.Cli.Support;

/// <summary>
/// Binds and validates a command line into a command's settings with Spectre's own tester, without running the
/// command: the settings type under test with a command that only returns. Usage errors come back as the
/// executable reports them (InvalidInputException naming the command).
/// </summary>
internal static class SettingsParser
{
    public static TSettings Parse<TSettings>(params string[] args)
        where TSettings : LoadLabSettings
    {
        var tester = new CommandAppTester();
        tester.Configure(config =>
        {
            config.PropagateExceptions();
            config.AddCommand<Parsed<TSettings>>(args[0]);
        });
        try
        {
            return Assert.IsType<TSettings>(tester.Run(args).Settings);
        }
        catch (CommandAppException e)
        {
            throw UsageErrors.From(e, args);
        }
    }

    /// <summary>Refuses unknown options as the real commands do, then stops: the test reads the settings.</summary>
    private sealed class Parsed<TSettings> : AsyncCommand<TSettings>
        where TSettings : LoadLabSettings
    {
        public override ValidationResult Validate(CommandContext context, TSettings settings) =>
            UsageErrors.CheckRemaining(context);

        public override Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
