using System.Text.Json.Nodes;
using LoadLab.Runner.Suites.Profiles;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>Load phases: open (rate, ramp, profile), closed (concurrency, rampConcurrency) and pauses.</summary>
internal sealed partial class SuiteSchemaModel
{
    private void DefinePhases()
    {
        // One definition per kind, "<kind>Phase", in the order of SuiteKeys.PhaseKinds (the loader's messages list them so).
        listsUsed.Add("SuiteKeys.PhaseKinds");
        Define("loadPhase", OneOf(
            "One phase: exactly one of " + string.Join(", ", SuiteKeys.PhaseKinds) + ".",
            [.. SuiteKeys.PhaseKinds.Select(kind => (JsonNode)Ref(kind + "Phase"))]));

        Define("ratePhase", Place(
            SuiteKeys.RatePhase,
            new()
            {
                ["rate"] = Ref("rate"),
                ["for"] = Ref("duration", "How long the rate is held."),
            },
            "Open model: a constant arrival rate, e.g. { rate: 300, for: 2m }.",
            required: ["rate", "for"]));
        Define("rampPhase", Place(
            SuiteKeys.RampPhase,
            new()
            {
                ["ramp"] = Place(
                    SuiteKeys.Ramp,
                    new()
                    {
                        ["from"] = Ref("rate", "Starting rate; the previous open phase's ending rate (or 0) when left out."),
                        ["to"] = Ref("rate", "Rate at the end of the ramp."),
                        ["over"] = Ref("duration", "How long the ramp takes."),
                    },
                    "The arrival rate's ramp: from, to, over.",
                    required: ["to", "over"]),
            },
            "Open model: the arrival rate changes linearly, e.g. { ramp: { to: 300, over: 30s } }.",
            required: ["ramp"]));
        Define("pausePhase", Place(
            SuiteKeys.PausePhase,
            new() { ["pause"] = Ref("duration", "How long nothing is started.") },
            "Nothing is started for a while, e.g. { pause: 10s }.",
            required: ["pause"]));
        Define("profilePhase", Place(
            SuiteKeys.ProfilePhase,
            new()
            {
                ["profile"] = Place(
                    SuiteKeys.Profile,
                    new()
                    {
                        ["file"] = Text("The traffic curve, relative to the suite's folder: a CSV with the header 'time,rate' (seconds from the start, "
                            + "or ISO 8601 timestamps, and operations per second), or the JSON 'aws cloudwatch get-metric-data' writes.", minLength: 1),
                        ["scale"] = Number("Multiplies every rate of the curve (default 1).", maximum: TrafficLimits.MaxScale, exclusiveMinimum: 0),
                        ["period"] = Ref("duration", "CloudWatch JSON only: the query's period; the values are per-period sums (Sum, SampleCount) "
                            + "and become rates by dividing by it. Without it the values are rates already."),
                        ["series"] = Text("CloudWatch JSON only: the Id of the series to use when the file holds several.", minLength: 1),
                    },
                    "A traffic curve from a file: linear between its points, lasting until the last one.",
                    required: ["file"]),
            },
            "Open model: the arrival rate follows a traffic curve from a file, e.g. { profile: { file: traffic/diurnal-short.csv } }.",
            required: ["profile"]));
        DefineClosedPhases();
    }

    private void DefineClosedPhases()
    {
        JsonObject workers(string description) => Integer(description, minimum: 0, maximum: SuiteValues.MaxWorkers);

        Define("concurrencyPhase", Place(
            SuiteKeys.ConcurrencyPhase,
            new()
            {
                ["concurrency"] = Integer("Number of workers.", minimum: 1, maximum: SuiteValues.MaxWorkers),
                ["for"] = Ref("duration", "How long the workers run."),
            },
            "Closed model: a fixed number of workers, each starting its next operation when the previous ends, e.g. { concurrency: 16, for: 1m }.",
            required: ["concurrency", "for"]));
        Define("rampConcurrencyPhase", Place(
            SuiteKeys.RampConcurrencyPhase,
            new()
            {
                ["rampConcurrency"] = Place(
                    SuiteKeys.RampConcurrency,
                    new()
                    {
                        ["from"] = workers("Starting workers; the previous closed phase's ending count (or 0) when left out."),
                        ["to"] = workers("Workers at the end of the ramp."),
                        ["over"] = Ref("duration", "How long the ramp takes."),
                    },
                    "The number of workers' ramp: from, to, over.",
                    required: ["to", "over"]),
            },
            "Closed model: the number of workers changes linearly, e.g. { rampConcurrency: { from: 1, to: 32, over: 1m } }.",
            required: ["rampConcurrency"]));
    }
}
