using LoadLab.Runner.Running;
using LoadLab.Core.Errors;
using LoadLab.Core.Plans;
using LoadLab.Tracing;

namespace LoadLab.Runner.Tracing;

/// <summary>
/// The tracing of one run: the suite's <c>tracing:</c> section, then the command line's --trace options over it,
/// then the destinations from the standard environment variables.
/// </summary>
internal static class TracingSettings
{
    /// <exception cref="InvalidInputException">Sampling options were given while tracing stays off.</exception>
    public static TracingOptions Resolve(RunOptions cli, TracingPlan? suite, Func<string, string?> environment)
    {
        var options = new TracingOptions { Region = cli.Region };
        if (suite is not null)
        {
            if (suite.Mode is { } name && TraceModes.TryParse(name, out var suiteMode)) options = options with { Mode = suiteMode };
            if (suite.Rate is { } rate) options = options with { Rate = rate };
            if (suite.ReservoirPerSecond is { } reservoir) options = options with { ReservoirPerSecond = reservoir };
            if (suite.SlowThreshold is { } slow) options = options with { SlowThreshold = slow };
            if (suite.AlwaysKeepPerSecond is { } cap) options = options with { AlwaysKeepPerSecond = cap };
            if (suite.ServiceName is { } service) options = options with { ServiceName = service };
        }

        if (cli.Trace is { } mode) options = options with { Mode = mode };
        if (cli.TraceRate is { } cliRate) options = options with { Rate = cliRate };
        if (cli.TraceSlowMs is { } cliSlow) options = options with { SlowThreshold = TimeSpan.FromMilliseconds(cliSlow) };
        // Sampling options that would silently do nothing are a mistake worth stopping for.
        if (options.Mode == TraceMode.Off && (cli.TraceRate is not null || cli.TraceSlowMs is not null))
        {
            throw new InvalidInputException("--trace-rate and --trace-slow-ms need tracing on: add --trace xray or --trace otlp, or tracing: { mode: xray } to the suite");
        }

        return options.WithEnvironment(environment);
    }
}
