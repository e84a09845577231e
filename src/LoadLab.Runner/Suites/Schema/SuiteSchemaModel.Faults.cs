using System.Text.Json.Nodes;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>The simulator's faults to rehearse and the SDK client's retry settings.</summary>
internal sealed partial class SuiteSchemaModel
{
    private void DefineFaults()
    {
        Define("faultRate", Pattern("^\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$", "Share of the data-plane requests that get the fault, from 0% to 100%.")
            .Examples("2%", "0.5%", "100%"));
        // A fresh set each time: a JSON node belongs to one parent.
        static Dictionary<string, JsonObject> Window() => new()
        {
            ["rate"] = Ref("faultRate"),
            ["from"] = Ref("duration", "Start of the window, from the start of the load (the server's start for loadlab local); 0s when left out."),
            ["for"] = Ref("duration", "Length of the window; to the end when left out."),
        };
        Define("faultWindow", Place(SuiteKeys.Fault, Window(), "The fault's rate and window.", required: ["rate"]));
        Define("fault", OneOf(
            "A share of requests (e.g. 2%), or { rate, from, for } to inject only in a window.",
            Ref("faultRate"),
            Ref("faultWindow")));
        Define("faults", Place(
            SuiteKeys.SimulatorFaults,
            new()
            {
                ["internalServerError"] = Ref("fault", "HTTP 500 InternalServerError (the SDK retries it); a server error when retries run out."),
                ["serviceUnavailable"] = Ref("fault", "HTTP 503 ServiceUnavailable (the SDK retries it); a server error when retries run out."),
                ["requestLimitExceeded"] = Ref("fault", "HTTP 400 RequestLimitExceeded, the account's request rate (the SDK retries it as a throttle); throttled when retries run out."),
                ["connectionReset"] = Ref("fault", "The connection is dropped without an answer; a network error when retries run out."),
                ["latency"] = Place(SuiteKeys.LatencyFault, new(Window())
                {
                    ["rate"] = Ref("faultRate", "Share of the requests delayed; 100% when left out."),
                    ["p50"] = Ref("duration", "Median of the added delay (log-normal)."),
                    ["p99"] = Ref("duration", "99th percentile of the added delay; p50 when left out (a fixed delay). At most 1m."),
                }, "Delay added before the request is handled (log-normal from p50 and p99); the client's own timeout still applies.", required: ["p50"]),
            },
            "DynamoDB's own failures injected into the data-plane requests of the load (items, queries, scans, batches, transactions), each at a rate and optionally in a window. Failures are considered in this order; latency delays the requests that did not fail."));
        Define("sdk", Place(
            SuiteKeys.Sdk,
            new()
            {
                ["retryMode"] = Enum(Core.Plans.SdkPlan.RetryModes, "standard: exponential backoff with jitter. adaptive: also limits the client's own rate once it is throttled.")
                    .Default(Core.Plans.SdkPlan.Standard),
                ["maxAttempts"] = Integer("HTTP attempts per call, the first included (1 turns retries off).", minimum: 1, maximum: Core.Plans.SdkPlan.MaxMaxAttempts).Default(3),
                ["timeout"] = Ref("duration", "How long one HTTP attempt may take before it counts as a timeout; from 1ms to 5m, default 10s."),
                ["maxConnections"] = Integer("Connections the client may open to the endpoint at most (the SDK's MaxConnectionsPerServer); no limit when left out.", minimum: 1, maximum: Core.Plans.SdkPlan.MaxMaxConnections),
                ["connectTimeout"] = Ref("duration", "How long opening a connection may take; from 1ms to 5m. Left out: only the attempt timeout bounds it."),
                ["clientWarmup"] = Boolean("Warm the client up before the load: uncounted calls of the mix's reads and overwrites (100 of each, then 20 a second; on a provisioned table at most a tenth of its smallest provisioned units a second), 1 s at least, then until the call rate levels off and the JIT has finished optimising (15 s at most), so the first seconds measure the table, not the client's JIT. Not the scenarios' warmup.", true),
            },
            "The AWS SDK client's retries, timeouts and connection pool, as your application sets them; results.json states what was in force."));
    }
}
