using System.Net;
using System.Net.Sockets;
using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Settings;
using LoadLab.Core.Errors;
using LoadLab.Core.Plans;
using LoadLab.Runner.Target;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab local</c>: serves the local DynamoDB until Ctrl+C, for any client (an application under test too).</summary>
internal sealed class LocalCommand(CommandConsole console) : LoadLabCommand<LocalSettings>(console)
{
    protected override async Task<int> RunAsync(LocalSettings settings, CancellationToken stop)
    {
        // Before Node.js starts: a busy port is then a message, not a failure halfway through starting.
        EnsureFree(settings.PortNumber);
        TargetSession target;
        try
        {
            target = await TargetSession.OpenAsync(TargetKind.Local, null, "us-east-1", SimulatorSetup.Settings(settings.SimulatorOptions), Info, stop, settings.PortNumber, settings.Persist, restartOnExit: true).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            // Taken between the check above and the simulator's bind.
            throw Busy(settings.PortNumber, e.Message);
        }

        await using (target.ConfigureAwait(false))
        {
            Console.MarkupLine($"Local DynamoDB endpoint: [bold]{Markup.Escape(target.Endpoint!.ToString())}[/]");
            Console.MarkupLine("Use any access key and secret, region us-east-1. Capacity metrics: GET /_loadlab/metrics. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Console.MarkupLine("Stopped.");
        return ExitCodes.Ok;
    }

    /// <summary>Binds the port on loopback, as the simulator will, and lets it go again; 0 needs no check.</summary>
    internal static void EnsureFree(int port)
    {
        if (port == 0) return;
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
        }
        catch (SocketException e)
        {
            throw Busy(port, e.Message);
        }
        finally
        {
            listener.Stop();
        }
    }

    private static CannotRunException Busy(int port, string reason) =>
        new($"loadlab local: port {port} on 127.0.0.1 is not free ({reason}); choose another with --port N, or leave --port out for a free one.");
}
