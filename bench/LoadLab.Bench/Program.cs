using LoadLab.Bench;
using LoadLab.Bench.Harness;

// Console benchmarks: each prints a small Markdown table. Figures from one run on one machine are
// compared with each other (ratios), never against fixed times. See bench/README.md.
string which = args.Length > 0 ? args[0] : "help";
// The harness's child processes: one measured mode against the canned server's endpoint.
if (which == "harness-run")
    return await HarnessRun.RunAsync(args[1], new Uri(args[2]), BenchOptions.Parse(args.Skip(3).ToArray()));
if (which == "harness-ablate")
    return await HarnessAblation.RunAsync(new Uri(args[1]), BenchOptions.Parse(args.Skip(2).ToArray()));
var options = BenchOptions.Parse(args.Skip(1).ToArray());
return which switch
{
    "engine-closed" => await EngineBench.ClosedAsync(options),
    "engine-open" => await EngineBench.OpenAsync(options),
    "memory" => await MemoryBench.RunAsync(options),
    "driver" => await DriverBench.RunAsync(options),
    "data" => await DataBench.RunAsync(options),
    "tracing" => await TracingBench.RunAsync(options),
    "report" => await ReportBench.RunAsync(options),
    "simulator" => await SimulatorBench.RunAsync(options),
    "admission" => await AdmissionBench.RunAsync(options),
    "harness" => await HarnessBench.RunAsync(options with { Seconds = args.Contains("--seconds") ? options.Seconds : 30 }),
    "canned-server" => await CannedDynamoDb.ServeAsync(options),
    "simulator-cpu" => await SimulatorCpuBench.RunAsync(options),
    "simulate-engine" => SimulateEngineBench.Run(options, args.Contains("--minutes")),
    "sim-executor" => await SimulatedExecutorBench.RunAsync(options),
    "calibrate" => await CalibrateBench.RunAsync(),
    "all" => await EngineBench.ClosedAsync(options) + await EngineBench.OpenAsync(options) + await DriverBench.RunAsync(options),
    _ => Help(),
};

static int Help()
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/LoadLab.Bench -- engine-closed|engine-open|memory|driver|data|tracing|report|simulator|simulator-cpu|simulate-engine|sim-executor|calibrate|admission|harness|all [--seconds N] [--minutes N] [--rate N] [--workers N] [--rounds N] [--modes plain,closed,open,...]; harness-ablate ENDPOINT");
    return 2;
}
