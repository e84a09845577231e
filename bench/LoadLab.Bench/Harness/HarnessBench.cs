using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LoadLab.Bench.Harness;

/// <summary>
/// <c>harness</c>: LoadLab's closed and open models against a plain loop of the same SDK calls, all against a canned
/// loopback DynamoDB (<see cref="CannedDynamoDb"/>) that costs almost nothing, so the client is what is measured.
/// The server and every measured run are processes of their own: each run starts cold (its warm-up is measured) and
/// its CPU time is the client's alone. Rounds alternate plain → closed → open, so drift on a shared machine hits all
/// three alike; the summary compares medians of per-round ratios.
/// </summary>
internal static class HarnessBench
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        int workers = o.Workers > 0 ? o.Workers : 16;
        int rounds = o.Rounds > 0 ? o.Rounds : 3;
        double seconds = o.Seconds;
        string loadBefore = LoadAverage();
        using var server = Start(["canned-server"]);
        string? line;
        while ((line = await server.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("listening ", StringComparison.Ordinal))
        {
        }

        if (line is null)
            throw new InvalidOperationException("the canned server did not start");
        var endpoint = new Uri(line["listening ".Length..]);
        var table = new List<(int Round, HarnessFigures Figures, double ServerUs)>();
        try
        {
            for (int round = 1; round <= rounds; round++)
            {
                if (o.Modes is { } modes)
                {
                    // Ablation rounds: the modes named, in order, nothing else.
                    foreach (var mode in modes.Split(','))
                    {
                        var m = await MeasureAsync(server, mode, endpoint, workers, seconds, o.Rate);
                        table.Add((round, m.Figures, m.ServerUs));
                    }

                    continue;
                }

                var plain = await MeasureAsync(server, "plain", endpoint, workers, seconds, 0);
                table.Add((round, plain.Figures, plain.ServerUs));
                var closed = await MeasureAsync(server, "closed", endpoint, workers, seconds, 0);
                table.Add((round, closed.Figures, closed.ServerUs));
                // The open model at the rate the plain loop sustained (or --rate): the most the client can be asked for.
                double rate = o.Rate > 0 ? o.Rate : Math.Round(plain.Figures.SteadyOps * 0.9 / 100) * 100;
                var open = await MeasureAsync(server, "open", endpoint, workers, seconds, rate);
                table.Add((round, open.Figures, open.ServerUs));
            }
        }
        finally
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(5000))
                server.Kill();
        }

        Print(table, workers, rounds, seconds, loadBefore, LoadAverage(), o.Modes is null);
        return 0;
    }

    private static async Task<(HarnessFigures Figures, double ServerUs)> MeasureAsync(Process server, string mode, Uri endpoint, int workers, double seconds, double rate)
    {
        server.Refresh();
        var serverCpu = server.TotalProcessorTime;
        using var child = Start(["harness-run", mode, endpoint.ToString(), "--seconds", Invariant(seconds), "--workers", Invariant(workers), "--rate", Invariant(rate)]);
        HarnessFigures? figures = null;
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null)
        {
            if (line.StartsWith(HarnessRun.ResultPrefix, StringComparison.Ordinal))
                figures = JsonSerializer.Deserialize<HarnessFigures>(line[HarnessRun.ResultPrefix.Length..]);
        }

        await child.WaitForExitAsync();
        server.Refresh();
        if (figures is null || child.ExitCode != 0)
            throw new InvalidOperationException($"harness run {mode} failed (exit {child.ExitCode}): {await child.StandardError.ReadToEndAsync()}");
        double calls = figures.SteadyOps * seconds;
        double serverUs = (server.TotalProcessorTime - serverCpu).TotalMicroseconds / Math.Max(1, calls);
        Console.Error.WriteLine(Invariant($"  {mode}: {figures.SteadyOps:N0} ops/s steady, {figures.SteadyCpuUs:0.0} µs CPU/call, 90 % at {figures.SecondsTo90:0.0} s; per second: {string.Join(' ', figures.PerSecond)}; JIT ms per second: {string.Join(' ', figures.JitMsPerSecond)}"));
        return (figures, serverUs);
    }

    /// <summary>This benchmark's own executable again, with other arguments.</summary>
    private static Process Start(string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // Under `dotnet LoadLab.Bench.dll` the process is the host: name the assembly first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(HarnessBench).Assembly.Location);
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
    }

    private static void Print(List<(int Round, HarnessFigures Figures, double ServerUs)> rows, int workers, int rounds, double seconds, string loadBefore, string loadAfter, bool summary)
    {
        Console.WriteLine(Invariant($"harness: get 80 / put 20, {workers} workers, {rounds} rounds × {seconds:0} s per mode, load average {loadBefore} before, {loadAfter} after"));
        Console.WriteLine();
        Console.WriteLine("| round | mode | ops/s steady (2nd half) | ops/s 5–30 s | client CPU µs/call steady | 5–30 s | whole process | 90 % of steady at (client warm-up before) | p99 ms | open: target ops/s, achieved, lateness p99 | server CPU µs/call |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (round, f, server) in rows)
        {
            string open = f.Mode == "open" ? Invariant($"{f.TargetRate:N0}, {f.AchievedShare:P1}, {f.LatenessP99Ms:0.0} ms") : "";
            Console.WriteLine(Invariant($"| {round} | {f.Mode} | {f.SteadyOps:N0} | {f.WindowOps:N0} | {f.SteadyCpuUs:0.0} | {f.WindowCpuUs:0.0} | {f.WholeCpuUs:0.0} | {f.SecondsTo90:0.0} s{(f.WarmupSeconds > 0 ? Invariant($" ({f.WarmupSeconds:0.0} s)") : "")} | {(f.P99Ms > 0 ? f.P99Ms.ToString("0.0", CultureInfo.InvariantCulture) : "")} | {open} | {server:0.0} |"));
        }

        if (!summary)
            return;
        double Ratio(Func<HarnessFigures, double> figure, string mode) => BenchMath.Median(Enumerable.Range(1, rounds).Select(r =>
            figure(rows.Single(x => x.Round == r && x.Figures.Mode == mode).Figures) / figure(rows.Single(x => x.Round == r && x.Figures.Mode == "plain").Figures)));
        double Median(Func<HarnessFigures, double> figure, string mode) => BenchMath.Median(rows.Where(x => x.Figures.Mode == mode).Select(x => figure(x.Figures)));
        Console.WriteLine();
        Console.WriteLine("| medians | plain | closed | open |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(Invariant($"| ops/s steady | {Median(f => f.SteadyOps, "plain"):N0} | {Median(f => f.SteadyOps, "closed"):N0} | {Median(f => f.SteadyOps, "open"):N0} |"));
        Console.WriteLine(Invariant($"| LoadLab / plain, steady | 1 | **{Ratio(f => f.SteadyOps, "closed"):0.00}** | {Ratio(f => f.SteadyOps, "open"):0.00} |"));
        Console.WriteLine(Invariant($"| LoadLab / plain, 5–30 s | 1 | **{Ratio(f => f.WindowOps, "closed"):0.00}** | {Ratio(f => f.WindowOps, "open"):0.00} |"));
        Console.WriteLine(Invariant($"| client CPU µs/call steady | {Median(f => f.SteadyCpuUs, "plain"):0.0} | {Median(f => f.SteadyCpuUs, "closed"):0.0} (**{Ratio(f => f.SteadyCpuUs, "closed") - 1:+0%;-0%}**) | {Median(f => f.SteadyCpuUs, "open"):0.0} ({Ratio(f => f.SteadyCpuUs, "open") - 1:+0%;-0%}) |"));
        Console.WriteLine(Invariant($"| 90 % of steady rate at | {Median(f => f.SecondsTo90, "plain"):0.0} s | **{Median(f => f.SecondsTo90, "closed"):0.0} s** | {Median(f => f.SecondsTo90, "open"):0.0} s |"));
        Console.WriteLine(Invariant($"| open: achieved share, lateness p99 | | | {Median(f => f.AchievedShare, "open"):P1}, {Median(f => f.LatenessP99Ms, "open"):0.0} ms |"));
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(double v) => v.ToString(CultureInfo.InvariantCulture);
}
