using System.Text.Json.Nodes;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>The options of each operation in its mapping form, e.g. get: { weight: 60, consistent: true }.</summary>
internal sealed partial class SuiteSchemaModel
{
    private void DefineOperations()
    {
        DefineOptionTypes();
        Options("get", SuiteKeys.GetOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["consistent"] = Ref("consistent"),
            ["projection"] = Ref("projection"),
        });
        Options("put", SuiteKeys.PutOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["new"] = Ref("newItems"),
            ["condition"] = Ref("condition"),
            ["values"] = Ref("values"),
        });
        Options("update", SuiteKeys.UpdateOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["add"] = new JsonObject { ["type"] = "object", ["minProperties"] = 1, ["additionalProperties"] = new JsonObject { ["type"] = "number" } }
                .With("description", "Counters to increment (ADD), e.g. { visits: 1 }."),
            ["set"] = new JsonObject { ["type"] = "object", ["minProperties"] = 1, ["additionalProperties"] = Ref("expressionValue") }
                .With("description", "Attributes to set (SET), e.g. { tier: gold }."),
            ["condition"] = Ref("condition"),
            ["values"] = Ref("values"),
        });
        Options("delete", SuiteKeys.DeleteOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["condition"] = Ref("condition"),
            ["values"] = Ref("values"),
        });
        Options("query", SuiteKeys.QueryOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["index"] = Ref("index"),
            ["sk"] = Ref("sortKeyCondition"),
            ["limit"] = Ref("limit"),
            ["pages"] = Ref("pages").Default("all"),
            ["filter"] = Ref("filter"),
            ["values"] = Ref("values"),
            ["consistent"] = Ref("consistent"),
            ["projection"] = Ref("projection"),
        });
        Options("scan", SuiteKeys.ScanOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["index"] = Ref("index"),
            ["segments"] = Integer(minimum: 1, maximum: SuiteValues.MaxScanSegments).Default(1)
                .With("description", "Parallel scan segments; one operation scans all of them at once."),
            ["limit"] = Ref("limit"),
            ["pages"] = Ref("pages").Default("first"),
            ["filter"] = Ref("filter"),
            ["values"] = Ref("values"),
            ["consistent"] = Ref("consistent"),
            ["projection"] = Ref("projection"),
        });
        Options("batchGet", SuiteKeys.BatchGetOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["batchSize"] = Ref("batchSize").Default(25),
            ["consistent"] = Ref("consistent"),
            ["projection"] = Ref("projection"),
        });
        Options("batchWrite", SuiteKeys.BatchWriteOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["batchSize"] = Integer(minimum: 1, maximum: SuiteValues.MaxBatchSize("batchWrite")).Default(25)
                .With("description", "Items per request; BatchWriteItem takes 25 at most."),
            ["new"] = Ref("newItems"),
        });
        Options("transactGet", SuiteKeys.TransactGetOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["batchSize"] = Ref("batchSize").Default(4),
            ["projection"] = Ref("projection"),
        });
        Options("transactWrite", SuiteKeys.TransactWriteOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["batchSize"] = Ref("batchSize").Default(4),
            ["new"] = Ref("newItems"),
            ["condition"] = Ref("condition"),
            ["values"] = Ref("values"),
        });
        Options("statement", SuiteKeys.StatementOptions, new()
        {
            ["weight"] = Ref("weight"),
            ["text"] = Text("The PartiQL statement, starting with SELECT, INSERT, UPDATE or DELETE; {table} stands for the scenario's table, e.g. 'SELECT * FROM \"{table}\" WHERE pk = ? AND sk = ?'.", minLength: 1),
            ["params"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = Enum(Core.Plans.StatementParameters.Names, "pk or sk: the drawn item's partition or sort key value."),
                ["description"] = "What each ? of the text is bound to, in order: pk or sk of the drawn item.",
            },
            ["consistent"] = Ref("consistent"),
            ["new"] = Ref("newItems"),
        }, required: ["weight", "text"]);
        DefineSortKeyCondition();
    }

    /// <summary>Defines "<paramref name="operation"/>Options": the mapping form, where weight is required.</summary>
    private void Options(
        string operation,
        IReadOnlyList<string> keys,
        Dictionary<string, JsonObject> properties,
        string[]? required = null,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(keys))] string list = "") =>
        Define(operation + "Options", Place(keys, properties, required: required ?? ["weight"], list: list));

    /// <summary>Option types several operations share.</summary>
    private void DefineOptionTypes()
    {
        JsonObject scalar() => new() { ["type"] = Types("string", "number", "boolean") };

        Define("weight", Number("Relative weight in the mix: 80/20 and 4/1 mean the same.", exclusiveMinimum: 0));
        Define("consistent", Boolean("Strongly consistent reads (twice the read units); eventually consistent by default.", false));
        Define("projection", NameList(Text(minLength: 1), "Attributes to return, e.g. [name, email]; whole items when left out."));
        Define("condition", Text("Condition expression, e.g. \"attribute_exists(pk)\"; a false condition counts as conditionFailed, not as an error.", minLength: 1));
        Define("filter", Text("Filter expression applied after reading, e.g. \"total > :min\"; items scanned still cost units.", minLength: 1));
        Define("expressionValue", OneOf(
            "A value: text is S, numbers are N, true/false are BOOL; { S: \"01234\" }, { N: 5 } or { BOOL: true } state the type.",
            scalar(),
            new JsonObject
            {
                ["type"] = "object",
                ["minProperties"] = 1,
                ["maxProperties"] = 1,
                ["patternProperties"] = new JsonObject { ["^(S|N|BOOL)$"] = scalar() },
                ["additionalProperties"] = false,
            }));
        Define("values", new JsonObject
        {
            ["type"] = "object",
            ["description"] = "Values of the :name placeholders of condition and filter, e.g. { \":min\": 100 }; every one must be used.",
            ["patternProperties"] = new JsonObject { ["^:[A-Za-z0-9_]+$"] = Ref("expressionValue") },
            ["additionalProperties"] = false,
        });
        Define("newItems", Boolean("Insert new items after the seeded ones (under attribute_not_exists) instead of overwriting seeded items; the latest distribution follows them.", false));
        Define("index", Text("A secondary index of the table to read instead of the table.", minLength: 1));
        Define("limit", Integer("Items evaluated per page (DynamoDB's Limit).", minimum: 1, maximum: SuiteValues.MaxLimit));
        Define("pages", Enum(SuiteValues.PageModes, "Read all pages or only the first. Default: all for query, first for scan."));
        Define("batchSize", Integer("Items per request.", minimum: 1, maximum: SuiteValues.MaxBatchSize("batchGet")));
    }

    private void DefineSortKeyCondition()
    {
        JsonObject value(string description) => new() { ["type"] = Types("string", "number"), ["description"] = description };

        Define("sortKeyCondition", Place(
                SuiteKeys.SortKeyCondition,
                new()
                {
                    ["beginsWith"] = Text("Sort key starts with this text, e.g. \"ORDER#2024\"."),
                    ["between"] = new JsonObject
                    {
                        ["type"] = "array",
                        ["minItems"] = 2,
                        ["maxItems"] = 2,
                        ["items"] = new JsonObject { ["type"] = Types("string", "number") },
                        ["description"] = "Sort key between two values, both included: [low, high].",
                    },
                    ["eq"] = value("Sort key equal to this value."),
                    ["lt"] = value("Sort key below this value."),
                    ["le"] = value("Sort key at most this value."),
                    ["gt"] = value("Sort key above this value."),
                    ["ge"] = value("Sort key at least this value."),
                },
                "One condition on the sort key (of the table, or of the index).")
            .With("minProperties", 1)
            .With("maxProperties", 1));
    }
}
