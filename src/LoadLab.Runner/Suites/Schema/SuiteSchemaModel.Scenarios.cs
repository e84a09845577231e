using System.Text.Json.Nodes;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>Scenarios: table, mix, key distribution, in-flight bound and load.</summary>
internal sealed partial class SuiteSchemaModel
{
    private void DefineScenarios()
    {
        Define("scenario", Place(
            SuiteKeys.Scenario,
            new()
            {
                ["name"] = Ref("simpleName", "Unique within the suite; reports and budgets refer to it."),
                ["table"] = Text("Id of a table under 'tables'."),
                ["mix"] = Ref("mix"),
                ["keys"] = Ref("keyDistribution"),
                ["maxInFlight"] = Integer("Operations in flight at most.", minimum: 1, maximum: Core.Plans.ScenarioDefaults.MaxInFlightLimit)
                    .Default(Core.Plans.ScenarioDefaults.MaxInFlight),
                ["whenFull"] = Enum(SuiteValues.WhenFull).Default("queue")
                    .With("description", "What an arrival does when maxInFlight operations are in flight: queue (wait, lateness is reported) or drop (skip and count it)."),
                ["warmup"] = Ref("duration", "Leading part of the scenario whose operations run but stay out of the statistics; shorter than the load."),
                ["thinkTime"] = Ref("duration", "Pause each closed-model worker takes between two operations."),
                ["load"] = ArrayOf(Ref("loadPhase"), "Phases run one after another.", minItems: 1),
            },
            required: ["name", "table", "mix", "load"]));
        DefineMix();
        Define("keyDistribution", Place(
            SuiteKeys.KeyDistribution,
            new()
            {
                ["distribution"] = Enum(SuiteValues.Distributions,
                    "uniform: every item equally likely. zipfian: popularity by rank (theta, scrambled). hotspot: a hot set of items gets most operations (hotSetFraction, hotOperationFraction). hotkey: one item gets a share of all operations (hotKeyIndex, hotOperationFraction). latest: the newest items are the popular ones (theta). sequential: items in order, wrapping around."),
                ["theta"] = Number(exclusiveMinimum: 0, maximum: SuiteValues.MaxTheta).Default(0.99)
                    .With("description", "zipfian, latest: the skew exponent; 0.99 is YCSB's default, higher is more skewed."),
                ["scrambled"] = Boolean("zipfian: spread the popular items over the key space (true) or keep them at the lowest indexes, one hot key range (false).", true),
                ["hotSetFraction"] = Number(exclusiveMinimum: 0, maximum: 1).Default(0.2).With("description", "hotspot: share of the items that are hot."),
                ["hotOperationFraction"] = Number(exclusiveMinimum: 0, maximum: 1).Default(0.8)
                    .With("description", "hotspot: share of operations that go to the hot set. hotkey: share that goes to the hot item."),
                ["hotKeyIndex"] = Integer(minimum: 0).Default(0).With("description", "hotkey: index of the hot item; below the data set's item count."),
            },
            "How an operation picks the item it targets. Each distribution takes only its own parameters.",
            required: ["distribution"]));
    }

    private void DefineMix()
    {
        // Each operation is a weight, or a mapping with its weight and options (definition "<operation>Options").
        static JsonObject Entry(string operation, string description) =>
            OneOf(description, Ref("weight"), Ref(operation + "Options"));

        Define("mix", Place(
                SuiteValues.Operations,
                new()
                {
                    ["get"] = Entry("get", "GetItem of one drawn item."),
                    ["put"] = Entry("put", "PutItem of one generated item: overwrites a drawn item, or inserts a new one with new: true."),
                    ["update"] = Entry("update", "UpdateItem of one drawn item: set attributes, add to counters; without either, increments version."),
                    ["delete"] = Entry("delete", "DeleteItem of one drawn item (it stays deleted for the rest of the run)."),
                    ["query"] = Entry("query", "Query of the drawn item's partition on the table or an index; needs a table sort key or an index."),
                    ["scan"] = Entry("scan", "Scan of the table or an index, in parallel segments; the first page of each by default."),
                    ["batchGet"] = Entry("batchGet", "BatchGetItem of distinct drawn items (25 by default); unprocessed keys are retried with backoff and counted."),
                    ["batchWrite"] = Entry("batchWrite", "BatchWriteItem of generated items (25 by default); unprocessed items are retried with backoff and counted."),
                    ["transactGet"] = Entry("transactGet", "TransactGetItems of distinct drawn items (4 by default). Not supported by the embedded local target (dynalite)."),
                    ["transactWrite"] = Entry("transactWrite", "TransactWriteItems of puts of generated items (4 by default). Not supported by the embedded local target (dynalite)."),
                    ["statement"] = Ref("statementOptions").With("description", "ExecuteStatement of a PartiQL statement, its ? bound to the drawn item's key: statement: { weight: 10, text: 'SELECT * FROM \"{table}\" WHERE pk = ?', params: [pk] }. A SELECT reads, INSERT/UPDATE/DELETE write."),
                },
                "Operations and their relative weights, e.g. { get: 80, put: 20 }. Each entry is a weight, or a mapping with weight and the operation's options, e.g. get: { weight: 60, consistent: true }. Expressions use #name for the attribute 'name' (needed for reserved words such as status) and :name for a value under values.")
            .With("minProperties", 1));
    }
}
