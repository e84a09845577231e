using LoadLab.Runner.Target;
using LoadLab.Core.Errors;
using Amazon.DynamoDBv2;
using LoadLab.Runner.Environments;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using LoadLab.Runner.Suites;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Client;

namespace LoadLab.Runner.Lifecycle;

/// <summary>
/// What <c>loadlab seed</c> and <c>loadlab teardown</c> share: load the suite, the guards (never prod, every table
/// against the prefix, the account), the environment's target and a client — in that order, so a refusal touches nothing.
/// </summary>
internal sealed class TableCommandSession : IAsyncDisposable
{
    private readonly TargetSession target;

    private TableCommandSession(RunPlan plan, RunOptions options, TargetSession target, IAmazonDynamoDB client)
    {
        Plan = plan;
        Options = options;
        this.target = target;
        Client = client;
    }

    public RunPlan Plan { get; }

    public RunOptions Options { get; }

    public IAmazonDynamoDB Client { get; }

    /// <param name="command">"seed" or "teardown".</param>
    /// <param name="action">"seed" or "tear down", for messages.</param>
    public static async Task<TableCommandSession> OpenAsync(RunOptions options, string command, string action, SafetyServices services, Action<string> info, TimeProvider time, CancellationToken stop)
    {
        var plan = SuiteLoader.Load(options.SuitePath, new SuiteLoadOptions
        {
            RunId = RunIds.New(Path.GetFileNameWithoutExtension(options.SuitePath), time.GetUtcNow()),
            SeedOverride = options.Seed,
            EnvironmentOverride = options.Environment,
        });
        PlanGuards.CheckChange(plan, action);
        var settings = await EnvironmentSetup.ResolveAsync(plan, options.RegionGiven ? options.Region : null, options.Endpoint, services, stop).ConfigureAwait(false);
        // The embedded local target lives only as long as this command: seeding or tearing it down would do nothing lasting.
        if (plan.Environment == EnvironmentNames.Local && settings.Endpoint is null)
            throw new InvalidInputException($"loadlab {command} --env local needs --endpoint: the embedded local target forgets everything when the command ends. Start one with 'loadlab local --persist DIR' and pass its URL.");
        await EnvironmentSetup.CheckAccountAsync(settings, options.Safety, services, stop).ConfigureAwait(false);
        if (plan.Environment != EnvironmentNames.Local)
            info(settings.Describe(options.Safety.ShowAccount));

        var session = await TargetSession.OpenAsync(settings.Kind, settings.Endpoint, settings.Region, SimulatorSetup.Settings(SimulatorOptions.Default), info, stop).ConfigureAwait(false);
        try
        {
            var targetOptions = session.Options with { Profile = settings.Profile };
            var client = DynamoDbClientFactory.Create(targetOptions);
            await TargetSession.CheckReachableAsync(client, targetOptions, stop).ConfigureAwait(false);
            return new TableCommandSession(plan, options, session, client);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await target.DisposeAsync().ConfigureAwait(false);
    }
}
