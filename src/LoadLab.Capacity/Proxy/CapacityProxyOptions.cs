namespace LoadLab.Capacity.Proxy;

/// <summary>Where the capacity simulator proxy listens, what it fronts, and how it writes throttles.</summary>
public sealed record CapacityProxyOptions
{
    /// <summary>The emulator (dynalite, DynamoDB Local) the proxy forwards admitted requests to.</summary>
    public required Uri Upstream { get; init; }

    /// <summary>The loopback port to listen on; 0 picks a free one (read <see cref="CapacityProxy.Endpoint"/>).</summary>
    public int Port { get; init; }

    /// <summary>
    /// Region and account in throttling reason ARNs (<c>arn:aws:dynamodb:&lt;region&gt;:&lt;account&gt;:table/T</c>);
    /// null takes the model's (<see cref="Model.CapacitySettings.Region"/>, us-east-1 / 000000000000 by default).
    /// </summary>
    public string? Region { get; init; }

    public string? AccountId { get; init; }

    /// <summary>How often the proxy calls <see cref="Model.ICapacityModel.Tick"/> so metrics and auto scaling advance without traffic; zero or less turns it off.</summary>
    public TimeSpan ModelTickInterval { get; init; } = TimeSpan.FromSeconds(1);

    public ThrottleEmissionOptions Emission { get; init; } = new();

    /// <summary>
    /// Run request handling on Kestrel's socket threads instead of hopping to the thread pool for each
    /// read (Kestrel's UnsafePreferInlineScheduling; the handler does little synchronous work before it
    /// awaits the emulator). Off by default: on the shared 2-core build machine the simulator benchmark
    /// could not tell the two apart (bench/README.md), so the safer default stays.
    /// </summary>
    public bool InlineScheduling { get; init; }

    /// <summary>
    /// Why the emulator cannot serve, when whoever runs it knows (its process exited, it is restarting); null
    /// while it serves. <c>GET /_loadlab/health</c> answers 503 with this reason, and probes the emulator
    /// itself either way. For the local target: <c>() =&gt; localDynamoDb.Unavailable</c>.
    /// </summary>
    public Func<string?>? BackendStatus { get; init; }

    /// <summary>
    /// Whether the configured faults (<see cref="Model.CapacitySettings.Faults"/>) apply from the start; otherwise they
    /// wait for <see cref="CapacityProxy.StartFaults"/> (a run starts them with its load, so setup and seeding are spared).
    /// </summary>
    public bool FaultsFromStart { get; init; } = true;

    /// <summary>Clock for the attempt statistics and the faults' windows (the model has its own).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Replaces the HTTP handler to the upstream (tests); the default is a pooled SocketsHttpHandler.</summary>
    internal HttpMessageHandler? UpstreamHandler { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Upstream);
        if (!Upstream.IsAbsoluteUri || (Upstream.Scheme != Uri.UriSchemeHttp && Upstream.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"Upstream must be an absolute http(s) URL (got {Upstream}).", nameof(Upstream));
        if (Port is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be 0-65535 (0 picks a free port).");
        if (Region is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(Region);
        if (AccountId is not null)
            ArgumentException.ThrowIfNullOrWhiteSpace(AccountId);
        ArgumentNullException.ThrowIfNull(Emission);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        if (Emission.RetryAfterMs is < 0)
            throw new ArgumentOutOfRangeException(nameof(Emission), Emission.RetryAfterMs, "RetryAfterMs must not be negative.");
    }
}
