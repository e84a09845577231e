using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>Variants: the same suite with a changed capacity or key design, run in turn and compared.</summary>
internal sealed partial class SuiteSchemaModel
{
    private void DefineVariants()
    {
        Define("variant", Place(
            SuiteKeys.Variant,
            new()
            {
                ["name"] = Ref("simpleName", "Names the variant's report folder and suffixes its table names."),
                ["description"] = Text("What the variant tries."),
                ["capacity"] = Ref("capacity", "Shorthand for the capacity of the suite's only table."),
                ["tables"] = MapOf(Ref("variantTable"), "Changes per table id: capacity, warm, key and indexes."),
                ["data"] = MapOf(Ref("variantData"), "Changes per data set (table id): the key templates pk, sk and templates."),
            },
            "One variant, e.g. { name: on-demand, capacity: { mode: on-demand } }; with no change it runs the suite as written.",
            required: ["name"]));
        Define("variantTable", Place(
            SuiteKeys.VariantTable,
            new()
            {
                ["capacity"] = Ref("capacity", "The table's capacity in this variant."),
                ["warm"] = Ref("warm", "The table's warm throughput in this variant."),
                ["key"] = Ref("key", "The table's key schema in this variant."),
                ["indexes"] = MapOf(Ref("secondaryIndex"), "The table's secondary indexes, replacing the suite's."),
            },
            "What a variant may change in a table."));
        Define("variantData", Place(
            SuiteKeys.VariantData,
            new()
            {
                ["pk"] = Ref("keyTemplate", "Partition key template, e.g. \"{tenantId}#{shard(10)}\"."),
                ["sk"] = OneOf("Sort key template; ~ (null) removes the suite's.", Ref("keyTemplate"), new System.Text.Json.Nodes.JsonObject { ["type"] = "null" }),
                ["templates"] = MapOf(Ref("keyTemplate"), "Extra attributes rendered from templates, replacing the suite's."),
            },
            "What a variant may change in a data set: its key templates, so every variant seeds the same items."));
    }
}
