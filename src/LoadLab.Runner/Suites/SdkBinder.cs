using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds <c>sdk: { retryMode: standard, maxAttempts: 3, timeout: 10s, maxConnections: 64, connectTimeout: 2s, clientWarmup: true }</c>:
/// the SDK client's retries, timeouts, connection pool and warm-up.
/// </summary>
internal static class SdkBinder
{
    /// <summary>The longest attempt timeout a suite may set.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public static SdkPlan? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "sdk", diagnostics);
        if (mapping is null)
            return null;
        int before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, "sdk", SuiteKeys.Sdk, diagnostics);
        var mode = reader.Optional("retryMode") is { } m ? ScalarReader.Choice(m, "sdk.retryMode", SdkPlan.RetryModes, diagnostics) : null;
        var attempts = reader.Optional("maxAttempts") is { } a ? ScalarReader.Int(a, "sdk.maxAttempts", 1, SdkPlan.MaxMaxAttempts, diagnostics) : null;
        TimeSpan? timeout = null;
        if (reader.Optional("timeout") is { } t && ScalarReader.Duration(t, "sdk.timeout", positive: true, diagnostics) is { } value)
        {
            if (value < TimeSpan.FromMilliseconds(1) || value > MaxTimeout)
                diagnostics.Add(t, $"sdk.timeout: expected a duration from 1ms to {Formatting.Duration(MaxTimeout)}, e.g. 500ms or 10s (the default)");
            else
                timeout = value;
        }

        var connections = reader.Optional("maxConnections") is { } c ? ScalarReader.Int(c, "sdk.maxConnections", 1, SdkPlan.MaxMaxConnections, diagnostics) : null;
        TimeSpan? connect = null;
        if (reader.Optional("connectTimeout") is { } ct && ScalarReader.Duration(ct, "sdk.connectTimeout", positive: true, diagnostics) is { } connectValue)
        {
            if (connectValue < TimeSpan.FromMilliseconds(1) || connectValue > MaxTimeout)
                diagnostics.Add(ct, $"sdk.connectTimeout: expected a duration from 1ms to {Formatting.Duration(MaxTimeout)}, e.g. 2s");
            else
                connect = connectValue;
        }

        var warmup = reader.Optional("clientWarmup") is { } w ? OptionReader.Bool(w, "sdk.clientWarmup", diagnostics) : null;
        return diagnostics.Count > before ? null : new SdkPlan(mode, attempts, timeout, connections, connect, warmup);
    }
}
