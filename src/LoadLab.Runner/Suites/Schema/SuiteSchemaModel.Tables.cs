using System.Text.Json.Nodes;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>Tables: keys, capacity, warm throughput and secondary indexes.</summary>
internal sealed partial class SuiteSchemaModel
{
    private const string KeyTypesText = "S string, N number, B binary.";

    private void DefineTables()
    {
        Define("table", Place(
            SuiteKeys.Table,
            new()
            {
                ["name"] = Ref("simpleName", "Table name without the environment prefix; the physical name is prefix + name, 3 to 255 characters in all."),
                ["key"] = Ref("key"),
                ["capacity"] = Ref("capacity"),
                ["indexes"] = MapOf(Ref("secondaryIndex"),
                        "Secondary indexes by name (3 to 255 of letters, digits, '.', '_', '-'): global by default, at most 20 global and 5 local.")
                    .With("propertyNames", new JsonObject { ["pattern"] = "^[A-Za-z0-9._-]{3,255}$" }),
                ["warm"] = Ref("warm"),
                ["keep"] = Boolean("Keep the table between runs: teardown leaves it, and re-seeding it while it holds items asks for confirmation (--yes).", @default: false),
            },
            required: ["name", "key"]));
        DefineIndexes();
        Define("warm", Place(
                SuiteKeys.Warm,
                new()
                {
                    ["read"] = Integer("Read units per second the table is ready for at once.", minimum: 1),
                    ["write"] = Integer("Write units per second the table is ready for at once.", minimum: 1),
                },
                "Warm throughput asked for at creation (CreateTable WarmThroughput), in units per second.")
            .With("minProperties", 1));
        Define("key", new JsonObject
        {
            ["type"] = "object",
            ["minProperties"] = 1,
            ["maxProperties"] = 2,
            ["description"] = "Key attributes: name to type. The first is the partition key, the optional second the sort key, e.g. { pk: S, sk: N }.",
            ["propertyNames"] = new JsonObject { ["minLength"] = 1, ["maxLength"] = SuiteValues.MaxAttributeNameBytes },
            ["additionalProperties"] = Enum(SuiteValues.KeyTypes, KeyTypesText),
        });
        DefineCapacity();
    }

    private void DefineIndexes()
    {
        Define("secondaryIndex", Place(
            SuiteKeys.Index,
            new()
            {
                ["type"] = Enum(SuiteValues.IndexTypes).Default("global")
                    .With("description", "global: any partition key, its own capacity. local: the table's partition key and another sort key; the table needs a sort key."),
                ["pk"] = Ref("indexKey", "Partition key attribute (required for global indexes; a local index uses the table's)."),
                ["sk"] = Ref("indexKey", "Sort key attribute (required for local indexes)."),
                ["projection"] = OneOf(
                    "ALL (default), KEYS_ONLY, or a list of attributes to include besides the keys (INCLUDE).",
                    Enum(SuiteValues.Projections),
                    NameList(new JsonObject { ["type"] = "string" })),
                ["capacity"] = Ref("indexCapacity"),
            },
            "A secondary index, e.g. { pk: status, sk: createdAt, projection: ALL }."));
        Define("indexKey", OneOf(
            "An attribute name (type S, or the table key's type), or { name, type } for N and B.",
            Text(minLength: 1, maxLength: SuiteValues.MaxAttributeNameBytes),
            Ref("indexKeyAttribute")));
        Define("indexKeyAttribute", Place(
            SuiteKeys.IndexKey,
            new()
            {
                ["name"] = Text("Attribute name.", minLength: 1, maxLength: SuiteValues.MaxAttributeNameBytes),
                ["type"] = Enum(SuiteValues.KeyTypes, KeyTypesText),
            },
            required: ["name", "type"]));
        Define("indexCapacity", Place(
            SuiteKeys.IndexCapacity,
            new()
            {
                ["read"] = Integer("Read capacity units (provisioned tables).", minimum: 1),
                ["write"] = Integer("Write capacity units (provisioned tables).", minimum: 1),
                ["maxRead"] = Integer("Most read request units per second (on-demand tables).", minimum: 1),
                ["maxWrite"] = Integer("Most write request units per second (on-demand tables).", minimum: 1),
                ["autoScaling"] = Ref("autoScaling", "Provisioned tables only: target-tracking auto scaling of the index's units, simulated in local runs."),
            },
            "A global index's own capacity: read and write units on a provisioned table (the table's units when left out), or maxRead and maxWrite on an on-demand table."));
    }

    private void DefineCapacity()
    {
        static JsonObject Present(params string[] keys) =>
            new() { ["anyOf"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject { ["required"] = Strings([k]) })]) };

        Define("capacity", Place(
                SuiteKeys.Capacity,
                new()
                {
                    ["mode"] = Enum(SuiteValues.CapacityModes, "on-demand: pay per request, no units. provisioned: fixed read and write capacity units."),
                    ["read"] = Integer("Read capacity units (provisioned only).", minimum: 1),
                    ["write"] = Integer("Write capacity units (provisioned only).", minimum: 1),
                    ["maxRead"] = Integer("On-demand only: most read request units per second the table may serve (MaxReadRequestUnits); more are throttled.", minimum: 1),
                    ["maxWrite"] = Integer("On-demand only: most write request units per second (MaxWriteRequestUnits).", minimum: 1),
                    ["autoScaling"] = Ref("autoScaling", "Provisioned only: target-tracking auto scaling, simulated in local runs. LoadLab does not configure Application Auto Scaling in AWS."),
                },
                "Capacity mode; on-demand when left out.",
                required: ["mode"])
            // Provisioned needs read and write and has no maximums; on-demand has no units.
            .With("if", new JsonObject
            {
                ["required"] = Strings(["mode"]),
                ["properties"] = new JsonObject { ["mode"] = new JsonObject { ["const"] = "provisioned" } },
            })
            .With("then", new JsonObject { ["required"] = Strings(["read", "write"]), ["not"] = Present("maxRead", "maxWrite") })
            .With("else", new JsonObject { ["not"] = Present("read", "write", "autoScaling") }));
    }
}
