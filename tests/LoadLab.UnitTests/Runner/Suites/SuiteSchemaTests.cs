using System.Text.Json;
using LoadLab.Runner.Suites;
using LoadLab.Core.Plans;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

/// <summary>
/// Keeps scenarios/suite.schema.json honest: each place in the suite format has the same keys and
/// values in the schema as in the loader, and the schema has no object the loader does not know.
/// </summary>
public sealed class SuiteSchemaTests : IDisposable
{
    /// <summary>Loader key list → JSON pointer of the schema's matching "properties".</summary>
    public static TheoryData<string, string> KeyPlaces => new()
    {
        { nameof(SuiteKeys.Root), "/properties" },
        { nameof(SuiteKeys.Table), "/$defs/table/properties" },
        { nameof(SuiteKeys.Capacity), "/$defs/capacity/properties" },
        { nameof(SuiteKeys.Index), "/$defs/secondaryIndex/properties" },
        { nameof(SuiteKeys.IndexKey), "/$defs/indexKeyAttribute/properties" },
        { nameof(SuiteKeys.IndexCapacity), "/$defs/indexCapacity/properties" },
        { nameof(SuiteKeys.Warm), "/$defs/warm/properties" },
        { nameof(SuiteKeys.Environment), "/$defs/environmentSettings/properties" },
        { nameof(SuiteKeys.CustomModel), "/$defs/customModel/properties" },
        { nameof(SuiteKeys.ItemSize), "/$defs/itemSize/properties" },
        { nameof(SuiteKeys.DataSet), "/$defs/dataSet/properties" },
        { nameof(SuiteKeys.Scenario), "/$defs/scenario/properties" },
        { nameof(SuiteKeys.KeyDistribution), "/$defs/keyDistribution/properties" },
        { nameof(SuiteKeys.RatePhase), "/$defs/ratePhase/properties" },
        { nameof(SuiteKeys.RampPhase), "/$defs/rampPhase/properties" },
        { nameof(SuiteKeys.PausePhase), "/$defs/pausePhase/properties" },
        { nameof(SuiteKeys.ProfilePhase), "/$defs/profilePhase/properties" },
        { nameof(SuiteKeys.Profile), "/$defs/profilePhase/properties/profile/properties" },
        { nameof(SuiteKeys.ConcurrencyPhase), "/$defs/concurrencyPhase/properties" },
        { nameof(SuiteKeys.RampConcurrencyPhase), "/$defs/rampConcurrencyPhase/properties" },
        { nameof(SuiteKeys.Ramp), "/$defs/rampPhase/properties/ramp/properties" },
        { nameof(SuiteKeys.RampConcurrency), "/$defs/rampConcurrencyPhase/properties/rampConcurrency/properties" },
        { "Operations", "/$defs/mix/properties" },
        { nameof(SuiteKeys.GetOptions), "/$defs/getOptions/properties" },
        { nameof(SuiteKeys.PutOptions), "/$defs/putOptions/properties" },
        { nameof(SuiteKeys.UpdateOptions), "/$defs/updateOptions/properties" },
        { nameof(SuiteKeys.DeleteOptions), "/$defs/deleteOptions/properties" },
        { nameof(SuiteKeys.QueryOptions), "/$defs/queryOptions/properties" },
        { nameof(SuiteKeys.ScanOptions), "/$defs/scanOptions/properties" },
        { nameof(SuiteKeys.BatchGetOptions), "/$defs/batchGetOptions/properties" },
        { nameof(SuiteKeys.BatchWriteOptions), "/$defs/batchWriteOptions/properties" },
        { nameof(SuiteKeys.TransactGetOptions), "/$defs/transactGetOptions/properties" },
        { nameof(SuiteKeys.TransactWriteOptions), "/$defs/transactWriteOptions/properties" },
        { nameof(SuiteKeys.StatementOptions), "/$defs/statementOptions/properties" },
        { nameof(SuiteKeys.SortKeyCondition), "/$defs/sortKeyCondition/properties" },
        { nameof(SuiteKeys.Budget), "/$defs/budget/properties" },
        { nameof(SuiteKeys.FailOn), "/$defs/failOn/properties" },
        { nameof(SuiteKeys.Sdk), "/$defs/sdk/properties" },
        { nameof(SuiteKeys.SimulatorFaults), "/$defs/faults/properties" },
        { nameof(SuiteKeys.Fault), "/$defs/faultWindow/properties" },
        { nameof(SuiteKeys.LatencyFault), "/$defs/faults/properties/latency/properties" },
        { nameof(SuiteKeys.Variant), "/$defs/variant/properties" },
        { nameof(SuiteKeys.VariantTable), "/$defs/variantTable/properties" },
        { nameof(SuiteKeys.VariantData), "/$defs/variantData/properties" },
        { nameof(SuiteKeys.AutoScaling), "/$defs/autoScaling/properties" },
        { nameof(SuiteKeys.AutoScalingPolicy), "/$defs/autoScalingPolicy/properties" },
        { nameof(SuiteKeys.Simulator), "/$defs/simulator/properties" },
        { nameof(SuiteKeys.SimulatorOverrides), "/$defs/simulator/properties/overrides/properties" },
        { nameof(SuiteKeys.Tracing), "/$defs/tracing/properties" },
        { nameof(SuiteKeys.Metrics), "/$defs/metrics/properties" },
    };

    /// <summary>Allowed values → JSON pointer of the schema's matching "enum".</summary>
    public static TheoryData<string, string> ValuePlaces => new()
    {
        { nameof(SuiteValues.Environments), "/properties/environment/enum" },
        { nameof(SuiteValues.CapacityModes), "/$defs/capacity/properties/mode/enum" },
        { nameof(SuiteValues.KeyTypes), "/$defs/key/additionalProperties/enum" },
        { nameof(SuiteValues.Models), "/$defs/dataSet/properties/model/anyOf/0/enum" },
        { nameof(SuiteValues.Locales), "/$defs/dataSet/properties/locale/enum" },
        { nameof(SuiteValues.IndexTypes), "/$defs/secondaryIndex/properties/type/enum" },
        { nameof(SuiteValues.Projections), "/$defs/secondaryIndex/properties/projection/oneOf/0/enum" },
        { nameof(SuiteValues.SizeDistributions), "/$defs/itemSize/properties/distribution/enum" },
        { nameof(SuiteValues.Distributions), "/$defs/keyDistribution/properties/distribution/enum" },
        { nameof(SuiteValues.WhenFull), "/$defs/scenario/properties/whenFull/enum" },
        { nameof(SuiteValues.PageModes), "/$defs/pages/enum" },
    };

    private readonly JsonDocument schema = JsonDocument.Parse(File.ReadAllText(RepositoryPath("scenarios", "suite.schema.json")));

    public void Dispose() => schema.Dispose();

    [Theory]
    [MemberData(nameof(KeyPlaces))]
    public void Schema_properties_match_the_keys_the_loader_accepts(string list, string pointer)
    {
        var properties = At(pointer).EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(LoaderKeys(list).Order(StringComparer.Ordinal), properties);
        var owner = At(pointer[..pointer.LastIndexOf('/')]);
        Assert.False(owner.GetProperty("additionalProperties").GetBoolean(), $"{pointer}: unknown keys must be refused, as the loader does");
    }

    [Theory]
    [MemberData(nameof(ValuePlaces))]
    public void Schema_enums_match_the_values_the_loader_accepts(string list, string pointer)
    {
        var values = typeof(SuiteValues).GetProperty(list)!.GetValue(null) as IReadOnlyList<string>;

        Assert.Equal(values, At(pointer).EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Every_object_in_the_schema_is_checked_against_the_loader()
    {
        var checkedPlaces = KeyPlaces.Select(row => (string)row[1]).ToHashSet(StringComparer.Ordinal);

        var schemaPlaces = PropertiesPointers(schema.RootElement, string.Empty).ToList();

        Assert.Equal(checkedPlaces.Order(StringComparer.Ordinal), schemaPlaces.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Simulator_presets_in_the_schema_are_the_simulator_s_presets()
    {
        Assert.Equal(LoadLab.Capacity.Model.Settings.CapacityPresets.Names, At("/$defs/simulator/properties/preset/enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void Load_phases_in_the_schema_are_the_kinds_the_loader_accepts()
    {
        var kinds = At("/$defs/loadPhase/oneOf").EnumerateArray()
            .Select(r => At(r.GetProperty("$ref").GetString()!.TrimStart('#')))
            .Select(phase => phase.GetProperty("required")[0].GetString());

        Assert.Equal(SuiteKeys.PhaseKinds, kinds);
    }

    [Fact]
    public void Schema_limits_and_defaults_match_the_loader()
    {
        Assert.Equal(SuiteValues.MaxItems, At("/$defs/dataSet/properties/items/maximum").GetInt64());
        Assert.Equal(SuiteValues.MaxRate, At("/$defs/rate/maximum").GetDouble());
        Assert.Equal(SuiteValues.MaxWorkers, At("/$defs/concurrencyPhase/properties/concurrency/maximum").GetInt32());
        Assert.Equal(SuiteValues.MaxWorkers, At("/$defs/rampConcurrencyPhase/properties/rampConcurrency/properties/to/maximum").GetInt32());
        Assert.Equal(ScenarioDefaults.MaxInFlightLimit, At("/$defs/scenario/properties/maxInFlight/maximum").GetInt32());
        Assert.Equal(ScenarioDefaults.MaxInFlight, At("/$defs/scenario/properties/maxInFlight/default").GetInt32());
        Assert.Equal(SuiteValues.DefaultSeed, At("/properties/seed/default").GetInt64());
        Assert.Equal(SuiteValues.DefaultEnvironment, At("/properties/environment/default").GetString());
    }

    private static IReadOnlyList<string> LoaderKeys(string list) => list == "Operations"
        ? SuiteValues.Operations
        : (IReadOnlyList<string>)typeof(SuiteKeys).GetProperty(list)!.GetValue(null)!;

    /// <summary>Resolves a JSON pointer (RFC 6901; only the escapes the schema needs).</summary>
    private JsonElement At(string pointer)
    {
        var element = schema.RootElement;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            element = element.ValueKind == JsonValueKind.Array
                ? element[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)]
                : element.GetProperty(name);
        }
        return element;
    }

    /// <summary>Pointers of every "properties" keyword that describes object keys.</summary>
    private static IEnumerable<string> PropertiesPointers(JsonElement element, string pointer)
    {
        if (element.ValueKind != JsonValueKind.Object)
            yield break;
        foreach (var member in element.EnumerateObject())
        {
            var child = pointer + "/" + member.Name;
            if (member.Name == "properties")
            {
                // Nested conditions ('if' in capacity) name keys only to test values; they add none.
                if (!pointer.EndsWith("/if", StringComparison.Ordinal))
                    yield return child;
                foreach (var property in member.Value.EnumerateObject())
                {
                    foreach (var nested in PropertiesPointers(property.Value, child + "/" + property.Name))
                        yield return nested;
                }
            }
            else if (member.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var nested in PropertiesPointers(member.Value, child))
                    yield return nested;
            }
        }
    }
}
