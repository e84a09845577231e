using System.Text;
using System.Text.Json;
using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Settings;
using LoadLab.Core.Errors;
using LoadLab.Core.Plans;
using LoadLab.Reports.CloudWatch;
using LoadLab.Runner.Suites;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary>
/// <c>loadlab dashboard SUITE.yaml --env staging</c>: a CloudWatch dashboard body for the suite's tables in that environment.
/// Contacts no AWS service, so an <c>ssm:</c> region is not read: --region names it instead.
/// </summary>
internal sealed class DashboardCommand(CommandConsole console) : LoadLabCommand<DashboardSettings>(console)
{
    private const string DefaultRegion = "us-east-1";

    // Relaxed escaping: the file is read by the AWS CLI and by people, never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    protected override async Task<int> RunAsync(DashboardSettings settings, CancellationToken stop)
    {
        var plan = SuiteLoader.Load(settings.SuitePath, new SuiteLoadOptions { RunId = "dashboard", EnvironmentOverride = settings.Environment });
        string region = Region(settings.Region, plan.EffectiveEnvironment());
        if (plan.Environment == EnvironmentNames.Local)
            Info("Environment local: its tables live in the local DynamoDB, which reports nothing to CloudWatch; pass --env dev, staging or prod for real tables.");

        string path = settings.Out ?? $"{plan.SuiteName}-{plan.Environment}.dashboard.json";
        string json = DashboardBody.Build(plan, region).ToJsonString(Indented);
        await File.WriteAllTextAsync(path, json + "\n", new UTF8Encoding(false), stop).ConfigureAwait(false);
        Console.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/] (region {Markup.Escape(region)}).");
        Info($"Upload it with: aws cloudwatch put-dashboard --dashboard-name loadlab-{plan.SuiteName}-{plan.Environment} --dashboard-body file://{path} --region {region}");
        return ExitCodes.Ok;
    }

    /// <summary>--region, else the environment's region when it is written out, else the SDK's default; never read from SSM.</summary>
    private static string Region(string? option, EnvironmentPlan environment)
    {
        if (option is not null)
            return option;
        if (environment.Region is not { } written)
            return DefaultRegion;
        if (written.StartsWith("ssm:", StringComparison.Ordinal))
        {
            throw new InvalidInputException(
                $"dashboard: environment {environment.Name} reads its region from {written}, and dashboard contacts no AWS service to read it. " +
                "Pass --region NAME (e.g. --region eu-west-1).");
        }

        return written;
    }
}
