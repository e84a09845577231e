using System.Net;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace LoadLab.Capacity.Proxy;

/// <summary>
/// The capacity simulator: a loopback HTTP proxy between the AWS SDK and a DynamoDB emulator that ignores
/// capacity (dynalite). Each request is priced (capacity reference M3), admitted or refused by the
/// <see cref="ICapacityModel"/> (M4), refused requests are answered with DynamoDB's throttling errors
/// (M6) and never forwarded, and admitted ones are forwarded and settled on what they actually consumed,
/// with ConsumedCapacity rewritten in the shape the client asked for.
/// </summary>
/// <example>
/// <code>
/// await using var proxy = await CapacityProxy.StartAsync(new CapacityProxyOptions { Upstream = dynalite }, model, ct);
/// var client = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = proxy.Endpoint.ToString() });
/// </code>
/// </example>
public sealed class CapacityProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ProxyServices services;
    private readonly ProxyDispatcher dispatcher;

    private CapacityProxy(WebApplication app, ProxyServices services, ProxyDispatcher dispatcher, Uri endpoint)
    {
        this.app = app;
        this.services = services;
        this.dispatcher = dispatcher;
        Endpoint = endpoint;
    }

    /// <summary>Where the SDK should send requests (<c>ServiceURL</c>): http://127.0.0.1:port/.</summary>
    public Uri Endpoint { get; }

    public ICapacityModel Model => services.Model;

    /// <summary>
    /// The same simulator for an SDK client in this process, without the loopback hop: give it to the
    /// client's HTTP client (the client still names <see cref="Endpoint"/> as its service URL). Admin calls
    /// stay on <see cref="Endpoint"/>. The handler stops answering when the proxy is disposed.
    /// </summary>
    public HttpMessageHandler CreateInProcessHandler() => new InProcess.InProcessSimulatorHandler(dispatcher, Endpoint);

    /// <summary>
    /// Tells the simulator that the emulator behind it lost its tables (it stopped and kept nothing on disk), so
    /// what it remembers of tables and items no longer holds: every table is learned again on first use (or from
    /// its CreateTable), and item sizes are looked up again. Capacity state (buckets, metrics, auto scaling) is
    /// kept: DynamoDB's would be too.
    /// </summary>
    public void EmulatorLostItsTables() => services.Tables.ForgetAll();

    /// <summary>Calls, attempts and throttled attempts seen so far (also in <c>GET /_loadlab/metrics</c>).</summary>
    public ProxyRequestStatistics RequestStatistics => services.Statistics.Snapshot();

    /// <summary>The faults configured and how many were injected (also in <c>GET /_loadlab/metrics</c>).</summary>
    public Faults.FaultStatistics FaultStatistics => services.Faults.Snapshot();

    /// <summary>Starts the configured faults now; their windows are measured from here.</summary>
    public void StartFaults() => services.Faults.Start();

    public static async Task<CapacityProxy> StartAsync(CapacityProxyOptions options, ICapacityModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        options.Validate();
        var services = new ProxyServices(options, model);
        // The empty builder brings no logging providers, configuration files or routing: no console noise, little overhead.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = options.InlineScheduling);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The proxy enforces DynamoDB's 16 MB itself, to answer with DynamoDB's error rather than Kestrel's.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        var dispatcher = new ProxyDispatcher(services);
        app.Run(dispatcher.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            services.Dispose();
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var bound = new Uri(address);
        return new CapacityProxy(app, services, dispatcher, new Uri($"http://127.0.0.1:{bound.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(grace.Token);
        }
        finally
        {
            await app.DisposeAsync();
            services.Dispose();
        }
    }
}
