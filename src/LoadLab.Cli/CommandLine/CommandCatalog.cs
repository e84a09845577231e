using System.ComponentModel;
using System.Reflection;
using LoadLab.Cli.Commands;
using LoadLab.Cli.Settings;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LoadLab.Cli.CommandLine;

/// <summary>One command: its word, what it does, and the settings type that declares its arguments and options.</summary>
internal sealed record CommandEntry(string Name, string Summary, Type SettingsType, Action<IConfigurator> Register)
{
    /// <summary>The options as the settings type declares them (plus --help), for did-you-mean and for checks of scripts that call loadlab.</summary>
    public IReadOnlyList<OptionEntry> Options { get; } = OptionEntry.Of(SettingsType);

    public OptionEntry? Option(string name) => Options.FirstOrDefault(o => o.Name == name);
}

/// <summary>One --option of a command; <see cref="ValueName"/> is null for a switch.</summary>
internal sealed record OptionEntry(string Name, string? ValueName, string Help)
{
    public static IReadOnlyList<OptionEntry> Of(Type settings) =>
    [
        .. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(p => p.Option is not null)
            .SelectMany(p => p.Option!.LongNames.Select(name => new OptionEntry(name, p.Option.ValueName, p.Property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? ""))),
        new("help", null, "show this help"),
    ];
}

/// <summary>Every command of the executable and the Spectre application that runs them.</summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<CommandEntry> All { get; } =
    [
        Entry<RunCommand, RunSettings>("run", "Runs a suite: provisions and seeds its tables, drives its scenarios, writes results.json and prints a summary.",
            ["run", "scenarios/quickstart.yaml", "--duration-scale", "0.2"]),
        Entry<SimulateCommand, SimulateSettings>("simulate", "Plays a suite through the capacity model on virtual time, with no DynamoDB and no network: hours of traffic at production rates in seconds, with the same results.json, reports, budgets and exit codes as run; latencies are modelled.",
            ["simulate", "scenarios/hot-key.yaml", "--duration-scale", "10"]),
        Entry<PlanCommand, PlanSettings>("plan", "Validates a suite and shows the resolved plan: tables with their real names, data to seed, phases with the operations expected, the planned on-demand cost. Touches nothing.",
            ["plan", "scenarios/quickstart.yaml", "--env", "staging"]),
        Entry<SeedCommand, SeedSettings>("seed", "Creates the suite's tables (tagged as LoadLab's) and seeds their data, without running load. Never on prod; idempotent.",
            ["seed", "scenarios/quickstart.yaml", "--env", "staging", "--yes"]),
        Entry<TeardownCommand, TeardownSettings>("teardown", "Deletes the suite's tables that LoadLab created (loadlab:created-by tag); others are left alone. Never on prod.",
            ["teardown", "scenarios/quickstart.yaml", "--env", "staging", "--yes"]),
        Entry<LocalCommand, LocalSettings>("local", "Starts the local DynamoDB (dynalite) behind the capacity simulator on loopback, prints the endpoint and serves until Ctrl+C.",
            ["local", "--port", "8000", "--persist", "data"]),
        Entry<CompareCommand, CompareSettings>("compare", "Compares run B with run A (or a saved baseline) per operation: latency percentiles, throughput, throttle rate; exits 1 when B regressed beyond the tolerance.",
            ["compare", "A.json", "B.json", "--tolerance", "5%"]),
        Entry<ReportCommand, ReportSettings>("report", "Rebuilds every report of a run (results.json, summary, HTML, JUnit, charts, latency log) from its results file.",
            ["report", "reports/RUN/results.json", "--out", "rebuilt"]),
        Entry<MergeCommand, MergeSettings>("merge", "Merges the results of the shards of one sharded run into one report and checks the suite's budgets on it (per variant, and compared, for a suite with variants).",
            ["merge", "shard-0", "shard-1", "shard-2", "--out", "merged"]),
        Entry<InitCommand, InitSettings>("init", "Scaffolds a suite with budgets (loadlab/suite.yaml), its environments.yaml and a GitHub Actions workflow that runs it on pull requests. Never overwrites without --force.",
            ["init", ".", "--force"]),
        Entry<DashboardCommand, DashboardSettings>("dashboard", "Writes a CloudWatch dashboard body for the suite's tables in an environment (units, throttling, latency, items returned, LoadLab's EMF metrics); contacts no AWS service.",
            ["dashboard", "scenarios/quickstart.yaml", "--env", "staging", "--region", "eu-west-1"]),
    ];

    public static CommandEntry? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>The application: every command, help and version on <paramref name="console"/>, every failure propagated to the caller.</summary>
    public static CommandApp Create(IAnsiConsole console)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("loadlab");
            config.SetApplicationVersion(ToolVersion.Text);
            config.SetApplicationCulture(System.Globalization.CultureInfo.InvariantCulture);
            config.ConfigureConsole(console);
            // LoadLabApp turns every failure into one message and an exit code; Spectre must not print its own.
            config.PropagateExceptions();
            // Relaxed parsing (see UsageErrors.CheckRemaining), stated because the refusal of unknown options depends on it.
            config.Settings.StrictParsing = false;
            config.Settings.Registrar.RegisterInstance(new CommandConsole(console));
            foreach (var command in All)
                command.Register(config);
        });
        return app;
    }

    private static CommandEntry Entry<TCommand, TSettings>(string name, string summary, string[] example)
        where TCommand : class, ICommand<TSettings>
        where TSettings : CommandSettings =>
        new(name, summary, typeof(TSettings), config => config.AddCommand<TCommand>(name).WithDescription(summary).WithExample(example));
}

/// <summary>The console the commands write to, handed to them by Spectre's type registrar.</summary>
internal sealed record CommandConsole(IAnsiConsole Console);
