using System.Text.Json.Nodes;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>The capacity simulator's section and a provisioned table's auto scaling.</summary>
internal sealed partial class SuiteSchemaModel
{

    private void DefineSimulator()
    {
        Define("simulator", Place(
            SuiteKeys.Simulator,
            new()
            {
                ["preset"] = Enum(CapacityPresets.Names,
                        "documented: the reference numbers (30-minute on-demand peak lag). optimistic: peak lag 2 minutes. legacy-no-adaptive: the pre-2018 even split of provisioned capacity over partitions.")
                    .Default(CapacityPresets.Documented),
                ["overrides"] = Place(SuiteKeys.SimulatorOverrides, Overrides(),
                    "Parameters of the capacity model by name, e.g. { burstSeconds: 0, onDemandPeakLag: 2m }."),
                ["faults"] = Ref("faults", "Faults to inject during the load, to see how retry settings cope; counted apart from real failures (simulator.faults in results.json)."),
            },
            "Capacity simulator settings (local runs)."));
        DefineFaults();
        Define("autoScalingPolicy", Place(
            SuiteKeys.AutoScalingPolicy,
            PolicyFields(),
            "Target tracking for one dimension.",
            required: ["min", "max"]));
        Define("autoScaling", Place(
                SuiteKeys.AutoScaling,
                new(PolicyFields())
                {
                    ["read"] = Ref("autoScalingPolicy", "Policy for the read units only."),
                    ["write"] = Ref("autoScalingPolicy", "Policy for the write units only."),
                },
                "One policy for reads and writes ({ target: 70, min: 5, max: 400 }), or read: and write: policies.")
            .With("oneOf", new JsonArray(
                new JsonObject { ["required"] = Strings(["min", "max"]), ["not"] = AnyRequired("read", "write") },
                new JsonObject { ["anyOf"] = AnyRequired("read", "write")["anyOf"]!.DeepClone(), ["not"] = AnyRequired("target", "min", "max") })));
    }

    /// <summary>target, min and max: one policy, whether for both dimensions or for one.</summary>
    private static Dictionary<string, JsonObject> PolicyFields() => new()
    {
        ["target"] = Number("Target utilisation in percent (20 to 90).", minimum: 20, maximum: 90).Default(70),
        ["min"] = Integer("Fewest units auto scaling may set.", minimum: 1),
        ["max"] = Integer("Most units auto scaling may set (at least min).", minimum: 1),
    };

    /// <summary>One entry per parameter of the model, typed from the parameter itself, with the documented preset's value as default.</summary>
    private static Dictionary<string, JsonObject> Overrides()
    {
        var defaults = SettingParameters.Describe(CapacityPresets.Get(CapacityPresets.Documented));
        var entries = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var name in SettingParameters.Names)
        {
            string description = $"{Capitalized(SettingParameters.ExpectedOf(name))}. Default (documented preset): {defaults[name]}.";
            var type = SettingParameters.TypeOf(name);
            var choices = SettingParameters.ChoicesOf(name);
            entries[name] = choices.Count > 0 ? Enum(choices, description)
                : type == typeof(bool) ? new JsonObject { ["type"] = "boolean", ["description"] = description }
                : type == typeof(int) ? Integer(description)
                : type == typeof(double) && !name.EndsWith("Seconds", StringComparison.Ordinal) ? Number(description)
                : type == typeof(string) || type == typeof(TimeSpan) ? Text(description, minLength: 1)
                // Bytes take units (10GiB) and seconds take durations (5m), so both also accept text.
                : new JsonObject { ["type"] = Types(type == typeof(long) ? "integer" : "number", "string"), ["description"] = description };
        }

        return entries;
    }

    private static JsonObject AnyRequired(params string[] keys) =>
        new() { ["anyOf"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject { ["required"] = Strings([k]) })]) };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
