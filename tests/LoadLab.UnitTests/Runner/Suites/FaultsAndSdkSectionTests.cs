using LoadLab.Capacity.Proxy.Faults;
using LoadLab.Core.Plans;
using LoadLab.Runner.Target;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

/// <summary>simulator.faults and sdk: read with positions, and laid under --simulator faults.NAME=… as the simulator's settings.</summary>
public sealed class FaultsAndSdkSectionTests
{
    private static string Suite(string sections) => $$"""
        name: t
        tables:
          items: { name: Items, key: { pk: S } }
        scenarios:
          - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
        {{sections}}
        """;

    [Fact]
    public void Faults_and_sdk_settings_reach_the_plan_and_the_simulator_s_settings()
    {
        var plan = Parse(Suite("""
            sdk: { retryMode: adaptive, maxAttempts: 5, timeout: 500ms }
            simulator:
              faults:
                internalServerError: 2%
                serviceUnavailable: { rate: 100%, from: 20s, for: 5s }
                latency: { p50: 20ms, p99: 300ms }
            """));

        Assert.Equal(new SdkPlan("adaptive", 5, TimeSpan.FromMilliseconds(500)), plan.Sdk);
        Assert.Equal(["internalServerError.rate", "latency.p50", "latency.p99", "serviceUnavailable.for", "serviceUnavailable.from", "serviceUnavailable.rate"], plan.Simulator.Faults.Keys);
        // The command line overrides a fault field by field, as it overrides parameters.
        var commandLine = SimulatorSetup.ParseOptions(null, "faults.internalServerError=5%,burstSeconds=0", []);
        var settings = SimulatorSetup.Settings(SimulatorSetup.Effective(plan.Simulator, commandLine));
        Assert.Equal(0, settings.BurstSeconds);
        Assert.Equal(
            [
                new FaultRule(FaultKind.InternalServerError, 0.05),
                new FaultRule(FaultKind.ServiceUnavailable, 1) { From = TimeSpan.FromSeconds(20), For = TimeSpan.FromSeconds(5) },
                new FaultRule(FaultKind.Latency, 1) { P50 = TimeSpan.FromMilliseconds(20), P99 = TimeSpan.FromMilliseconds(300) },
            ],
            settings.Faults.Rules);
        // Faults are not model parameters: the report's overrides list stays the parameters'.
        Assert.Equal(["burstSeconds"], settings.Overrides.Keys);
    }

    [Fact]
    public void The_client_s_connection_pool_connect_timeout_and_warm_up_are_read()
    {
        var plan = Parse(Suite("""
            sdk: { maxConnections: 256, connectTimeout: 2s, clientWarmup: false }
            """));

        Assert.Equal(new SdkPlan(MaxConnections: 256, ConnectTimeout: TimeSpan.FromSeconds(2), ClientWarmup: false), plan.Sdk);
        var options = TargetSession.WithSdk(new LoadLab.DynamoDb.Client.DynamoDbTargetOptions(), plan.Sdk);
        Assert.Equal(256, options.MaxConnections);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ConnectTimeout);
        // Shown in the results as what was in force.
        var target = TargetSession.Attach(options).Describe(options);
        Assert.Equal(256, target.MaxConnections);
        Assert.Equal(2, target.ConnectTimeoutSeconds);
    }

    [Fact]
    public void Wrong_client_settings_are_reported_at_their_values()
    {
        var errors = Errors(Suite("""
            sdk: { maxConnections: 0, connectTimeout: 10m, clientWarmup: maybe }
            """));

        Assert.Equal(3, errors.Count);
        AssertError(errors[0], 6, 24, "sdk.maxConnections: must be from 1 to 10,000");
        AssertError(errors[1], 6, 43, "sdk.connectTimeout: expected a duration from 1ms to 5m");
        AssertError(errors[2], 6, 62, "sdk.clientWarmup");
    }

    [Fact]
    public void Without_the_sections_the_defaults_hold_and_nothing_is_injected()
    {
        var plan = Parse(Suite(""));

        Assert.Equal(SdkPlan.Default, plan.Sdk);
        Assert.Empty(plan.Simulator.Faults);
        Assert.False(SimulatorSetup.Settings(SimulatorSetup.Effective(plan.Simulator, SimulatorOptions.Default)).Faults.Any);
    }

    [Fact]
    public void Wrong_faults_and_sdk_settings_are_reported_at_their_values()
    {
        var errors = Errors(Suite("""
            sdk: { retryMode: legacy, maxAttempts: 0, timeout: 20m }
            simulator:
              faults:
                internalServerEror: 2%
                serviceUnavailable: { rate: lots }
                latency: { p50: 200ms, p99: 100ms, jitter: 5ms }
            """));

        Assert.Equal(7, errors.Count);
        AssertError(errors[0], 6, 19, "sdk.retryMode: expected one of standard, adaptive, found 'legacy'");
        AssertError(errors[1], 6, 40, "sdk.maxAttempts: must be from 1 to 20");
        AssertError(errors[2], 6, 52, "sdk.timeout: expected a duration from 1ms to 5m");
        AssertError(errors[3], 9, 5, "unknown key 'internalServerEror' in simulator.faults", "Did you mean 'internalServerError'?");
        AssertError(errors[4], 10, 33, "simulator.faults.serviceUnavailable.rate: expected a share of requests from 0% to 100%");
        AssertError(errors[5], 11, 33, "simulator.faults.latency.p99: fault latency: p99 (100ms) must be at least p50 (200ms)");
        AssertError(errors[6], 11, 40, "unknown key 'jitter' in simulator.faults.latency");
    }

    [Fact]
    public void Command_line_faults_are_checked_by_the_simulator_s_parser()
    {
        var errors = new List<string>();

        SimulatorSetup.ParseOptions(null, "faults.timeout=5%,faults.latency.p99=1s,faults=2%", errors);

        Assert.Contains(errors, e => e.StartsWith("--simulator faults.timeout.rate: unknown fault 'timeout'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--simulator faults.latency.p99: fault latency needs p50", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Unknown simulator parameter 'faults'. Faults are set one by one, e.g. faults.internalServerError=2%", StringComparison.Ordinal));
    }
}
