using System.Net;
using System.Net.Sockets;
using LoadLab.Cli;
using LoadLab.Core.Results;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Tracing;

/// <summary>
/// Runs a small suite through the real CLI in-process against the local target, with tracing environment variables
/// set for the duration of the run. Only tests of the non-parallel <see cref="Fixtures.ProcessEnvironmentCollection"/>
/// use it: no other test runs beside them, so setting process-wide variables is safe.
/// </summary>
internal sealed class TracedRun : IDisposable
{
    private const string Suite = """
        name: tracing
        environment: local
        tables:
          items: { name: TracingRun, key: { pk: S }, capacity: { mode: on-demand } }
        data:
          items: { model: customer, items: 200 }
        scenarios:
          - name: browse
            table: items
            mix: { get: 80, put: 20 }
            load:
              - { rate: 50, for: 3s }
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("loadlab-trace-").FullName;

    public string Output { get; private set; } = string.Empty;

    /// <summary>The run's report folder.</summary>
    public string OutDirectory => Path.Combine(directory, "out");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>Text appended to the suite, e.g. a <c>tracing:</c> section.</summary>
    public string SuiteExtra { get; init; } = string.Empty;

    public async Task<(int Exit, RunResult Result)> RunAsync(Uri endpoint, IReadOnlyDictionary<string, string> environment, params string[] options)
    {
        string suite = Path.Combine(directory, "tracing.yaml");
        await File.WriteAllTextAsync(suite, Suite + "\n" + SuiteExtra);
        string output = OutDirectory;
        var saved = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in environment)
                Environment.SetEnvironmentVariable(name, value);
            var console = new TestConsole();
            int exit = await LoadLabApp.RunAsync(
                ["run", suite, "--endpoint", endpoint.ToString(), "--out", output, "--plain", .. options],
                console.Console);
            Output = console.Output;
            return (exit, ResultsJson.Read(Path.Combine(output, ResultsJson.FileName)));
        }
        finally
        {
            foreach (var (name, value) in saved)
                Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>A loopback port nothing listens on (just released), for "unreachable" destinations.</summary>
    public static int FreeTcpPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}
