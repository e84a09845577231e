using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

// The suite format described once, in C#: scenarios/suite.schema.json is generated from this model and a unit
// test (SuiteSchemaGenerationTests) fails when the committed file differs from what it generates.
//
// Adding a key: add it to its list in SuiteKeys.cs, then add ONE line to the matching Place(SuiteKeys.X, …) in
// the SuiteSchemaModel.*.cs files, e.g.  ["keep"] = Boolean("Keep the tables after the run.", false),
// A new place (a new list in SuiteKeys) gets its own Place(SuiteKeys.NewList, …) call, usually as a definition
// (Define("name", …)) referred to with Ref("name"). Generation fails, naming the key, while a key of SuiteKeys
// has no type and description here, or a list of SuiteKeys is used nowhere. Then regenerate the file:
//     LOADLAB_WRITE_SCHEMA=1 dotnet test tests/LoadLab.UnitTests --filter "FullyQualifiedName~SuiteSchemaGenerationTests"
// Values (operations, distributions, …) and limits come from SuiteValues, so they never need copying here.

/// <summary>The JSON Schema (draft 2020-12) of a suite file, built from <see cref="SuiteKeys"/> and <see cref="SuiteValues"/>.</summary>
internal sealed partial class SuiteSchemaModel
{
    private readonly JsonObject definitions = [];
    private readonly List<(string Place, string Definition)> borrowed = [];
    private readonly HashSet<string> listsUsed = new(StringComparer.Ordinal);

    /// <summary>Builds the schema; throws <see cref="SchemaModelException"/> when the model misses a key of the loader.</summary>
    public static JsonObject Document() => new SuiteSchemaModel().Build();

    private JsonObject Build()
    {
        DefineCommon();
        DefineBudgets();
        DefineFailOn();
        DefineTables();
        DefineData();
        DefineScenarios();
        DefineOperations();
        DefinePhases();
        DefineTracing();
        DefineMetrics();
        DefineVariants();
        DefineSimulator();
        DefineEnvironments();
        var root = Root();
        CheckDescriptionsOfReferences();
        CheckEveryListIsUsed();

        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "LoadLab suite",
            ["description"] = "A LoadLab load-test suite: tables, the data seeded into them, and scenarios with their load over time. Generated from src/LoadLab.Runner/Suites/Schema/SuiteSchemaModel.cs; do not edit by hand.",
        };
        foreach (var (keyword, value) in root.ToList())
        {
            root.Remove(keyword);
            document[keyword] = value;
        }

        document["$defs"] = definitions;
        return document;
    }

    private JsonObject Root() => Place(
        SuiteKeys.Root,
        new()
        {
            ["name"] = Ref("simpleName", "The suite's name, used in reports and run ids."),
            ["description"] = Text("Free text describing what the suite checks."),
            ["environment"] = Enum(SuiteValues.Environments).Default(SuiteValues.DefaultEnvironment)
                .With("description", "Where the suite runs; decides the table name prefix (local_, dev_, stg_, prod_). The --env option overrides it."),
            ["environments"] = EnvironmentsSection(),
            ["seed"] = new JsonObject { ["type"] = "integer", ["default"] = SuiteValues.DefaultSeed }
                .With("description", "Seed for data and key choice: the same seed gives the same items and the same operation sequence. The --seed option overrides it."),
            ["tables"] = new JsonObject { ["type"] = "object", ["minProperties"] = 1 }
                .With("description", "Tables the suite uses, by id; data sets and scenarios refer to these ids.")
                .With("additionalProperties", Ref("table")),
            ["data"] = MapOf(Ref("dataSet"), "Items seeded before the scenarios start, by table id."),
            ["scenarios"] = ArrayOf(Ref("scenario"), "Streams of load that run side by side.", minItems: 1),
            ["budgets"] = ArrayOf(Ref("budget"), "Limits the run must keep; any broken budget makes the exit code 1 (CI gating)."),
            ["sdk"] = Ref("sdk", "The AWS SDK client's retry mode, attempts and attempt timeout (defaults: standard, 3, 10s)."),
            ["failOn"] = Ref("failOn", "What fails a run besides its budgets: an error rate above 1% (unless a budget bounds errors) and a target that stops answering for 5 s; both are on by default."),
            ["tracing"] = Ref("tracing", "X-Ray tracing of the run's operations; the --trace options override it."),
            ["metrics"] = Ref("metrics", "CloudWatch metrics outputs of the run; the --metrics option overrides it."),
            ["simulator"] = Ref("simulator", "The capacity simulator of local runs (--env local): a preset and overrides of its parameters. --preset and --simulator NAME=VALUE,… on the command line override these."),
            ["variants"] = ArrayOf(Ref("variant"), "The same suite run once per variant, each on its own tables (name suffixed with the variant's), compared side by side in comparison.md and comparison.html. A variant changes only capacity and key design.", minItems: 2)
                .With("maxItems", (long)VariantBinder.MaxVariants),
        },
        required: ["name", "tables", "scenarios"]);

    private void DefineCommon()
    {
        Define("simpleName", Pattern("^[A-Za-z0-9._-]+$", "Letters, digits, '.', '_' and '-'."));
        Define("duration", Pattern(
                "^(?=.)([0-9]+(\\.[0-9]+)?h)?([0-9]+(\\.[0-9]+)?m)?([0-9]+(\\.[0-9]+)?s)?([0-9]+(\\.[0-9]+)?ms)?$",
                "A duration: numbers with units h, m, s, ms, largest first, e.g. 500ms, 30s, 2m, 1h, 1m30s, 1.5s.")
            .Examples("500ms", "30s", "2m", "1m30s"));
        Define("rate", Number("Operations started per second.", minimum: 0, maximum: SuiteValues.MaxRate));
    }

    /// <summary>An object whose keys are <paramref name="keys"/>; see <see cref="SchemaPlace.Build"/>.</summary>
    private JsonObject Place(
        IReadOnlyList<string> keys,
        Dictionary<string, JsonObject> properties,
        string? description = null,
        IReadOnlyList<string>? required = null,
        [CallerArgumentExpression(nameof(keys))] string list = "")
    {
        listsUsed.Add(list);
        return SchemaPlace.Build(list, keys, properties, borrowed, description, required);
    }

    private void Define(string name, JsonObject schema) => definitions.Add(name, schema);

    private void CheckDescriptionsOfReferences()
    {
        var missing = borrowed
            .Where(b => definitions[b.Definition] is not JsonObject definition || !SchemaPlace.HasDescription(definition))
            .Select(b => $"{b.Place} refers to '{b.Definition}', which has no description: describe the key or the definition.")
            .ToList();
        if (missing.Count > 0)
            throw new SchemaModelException(string.Join(Environment.NewLine, missing));
    }

    /// <summary>Every key list of SuiteKeys must be a place of the model, so a new list cannot be forgotten either.</summary>
    private void CheckEveryListIsUsed()
    {
        var unused = typeof(SuiteKeys).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(IReadOnlyList<string>))
            .Select(p => "SuiteKeys." + p.Name)
            .Where(name => !listsUsed.Contains(name))
            .ToList();
        if (unused.Count > 0)
            throw new SchemaModelException($"The schema model has no place for {string.Join(", ", unused)}: add a Place({unused[0]}, …) to SuiteSchemaModel.");
    }
}
