using System.Text.Json.Nodes;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>Data sets: the model that generates items, key templates and item size.</summary>
internal sealed partial class SuiteSchemaModel
{
    private void DefineData()
    {
        Define("dataSet", Place(
            SuiteKeys.DataSet,
            new()
            {
                ["model"] = new JsonObject
                {
                    ["description"] = "Data model that generates the items: a built-in one, or fields of your own.",
                    ["anyOf"] = new JsonArray(
                        Enum(SuiteValues.Models,
                            "customer: profile. order: line items, total, status, shipping address. product: catalog entry with tags. session-event and iot-reading: time series."),
                        Ref("customModel")),
                },
                ["items"] = Integer("Number of items; item i is generated from (seed, i) alone.", minimum: 1, maximum: SuiteValues.MaxItems),
                ["seed"] = Integer("Seed for this data set; the run's seed when left out."),
                ["locale"] = Enum(SuiteValues.Locales).Default("en").With("description", "Bogus locale of names, addresses and texts."),
                ["pk"] = Ref("keyTemplate", "Template of the table's partition key, e.g. \"CUSTOMER#{customerId}\" or \"{tenantId}#{shard(10)}\"; the model's default when left out."),
                ["sk"] = Ref("keyTemplate", "Template of the table's sort key, e.g. \"ORDER#{createdAt:yyyy-MM-dd}#{orderId}\"; the model's default when left out."),
                ["templates"] = MapOf(Ref("keyTemplate"),
                        "Extra attributes rendered from templates, typically index keys, e.g. { gsi1pk: \"STATUS#{status}\" }.")
                    .With("propertyNames", new JsonObject { ["minLength"] = 1, ["maxLength"] = SuiteValues.MaxAttributeNameBytes }),
                ["size"] = OneOf(
                    "Item size filled up with a padding attribute: a target such as 2KB, or { min, max, distribution }.",
                    Ref("byteSize"),
                    Ref("itemSize")),
            },
            required: ["model", "items"]));
        Define("keyTemplate", Text(
                "Text with placeholders: {field}, {field:format} (numbers: D8, 0000; dates: yyyy-MM-dd, yyyy-MM), {map.entry}, {index}, {shard(N)}; {{ and }} for braces.",
                minLength: 1)
            .Examples("CUSTOMER#{customerId}", "ORDER#{createdAt:yyyy-MM-dd}#{orderId:D10}", "{tenantId}#{shard(10)}", "{timestamp:yyyy-MM}"));
        Define("byteSize", Pattern("^\\s*[0-9]+(\\.[0-9]+)?\\s*([Kk][Bb]|[Bb])?\\s*$",
                "Bytes, e.g. 500B, 2KB, 1.5KB (1 KB = 1,024 bytes), at most 400KB.")
            .Examples("500B", "2KB", "4KB"));
        Define("itemSize", Place(
            SuiteKeys.ItemSize,
            new()
            {
                ["target"] = Ref("byteSize", "Every item this size (items already larger stay as they are)."),
                ["min"] = Ref("byteSize", "Smallest target size."),
                ["max"] = Ref("byteSize", "Largest target size."),
                ["distribution"] = Enum(SuiteValues.SizeDistributions).Default("uniform")
                    .With("description", "uniform over [min, max], or normal around the middle (sd = range / 6), clipped."),
                ["attribute"] = Text(minLength: 1).Default("padding").With("description", "Name of the S attribute that carries the filler."),
            },
            "{ target } for one size, or { min, max, distribution } for sizes drawn per item (deterministic by index)."));
        DefineCustomModels();
    }

    private void DefineCustomModels()
    {
        Define("customModel", Place(
            SuiteKeys.CustomModel,
            new() { ["fields"] = Ref("customFields") },
            "A model of your own: attribute name to expression, or to a map of fields.",
            required: ["fields"]));
        Define("customFields", new JsonObject
        {
            ["type"] = "object",
            ["minProperties"] = 1,
            ["description"] = "Attribute name to field expression, or to a nested map of fields (M).",
            ["additionalProperties"] = Ref("fieldExpression"),
        });
        Define("fieldExpression", OneOf(
                "A Bogus generator (dataset.method or dataset.method(args), e.g. internet.email, \"finance.amount(1,500)\"), index, a number, 'quoted text', true/false, pick(a,b,c), list(expr, n), set(expr, n), binary(n) (n may be a range 1..5), or a map of fields.",
                Text(minLength: 1),
                new JsonObject { ["type"] = "number" },
                new JsonObject { ["type"] = "boolean" },
                Ref("customFields"))
            .Examples("internet.email", "finance.amount(1,500)", "pick(NEW,PAID,SHIPPED)", "set(lorem.word, 3)", "list(random.int(1,100), 5)", "binary(16)", "index"));
    }
}
