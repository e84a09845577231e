using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LoadLab.Reports.Verdicts;

namespace LoadLab.Reports.Variants;

/// <summary>
/// comparison.json: the judgement for machines — the variants, the headline verdict and every row with its values per
/// variant, the better one (or null) and whether the difference is larger than the noise. Schema: reports/comparison.schema.json.
/// </summary>
public static class ComparisonJson
{
    public const string FileName = "comparison.json";

    internal static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter<RowKind>(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static ComparisonDocument Document(Judgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        var names = judgement.Variants;
        return new ComparisonDocument(
            ComparisonDocument.CurrentSchemaVersion,
            names,
            new ComparisonVerdict(judgement.Verdict.Best, judgement.Verdict.Reason),
            [.. judgement.Rows.Select(r => new ComparisonRowDocument(
                r.Group + ": " + r.Metric,
                r.Group,
                r.Unit,
                names.Select((n, i) => (n, v: r.Values[i])).Where(x => x.v is { } v && double.IsFinite(v)).ToDictionary(x => x.n, x => Math.Round(x.v!.Value, 6)),
                r.Better is { } b ? names[b] : null,
                r.Significant,
                r.Kind,
                ComparisonText.Note(r) is { Length: > 0 } note ? note : null))],
            Noise.Description,
            judgement.Warnings);
    }

    public static string Serialize(Judgement judgement) => JsonSerializer.Serialize(Document(judgement), Options).ReplaceLineEndings("\n") + "\n";
}

/// <summary>The file's top level.</summary>
/// <param name="Noise">The rules that decide what counts as a difference, in words.</param>
public sealed record ComparisonDocument(
    int SchemaVersion,
    IReadOnlyList<string> Variants,
    ComparisonVerdict Verdict,
    IReadOnlyList<ComparisonRowDocument> Rows,
    string Noise,
    IReadOnlyList<string> Warnings)
{
    public const int CurrentSchemaVersion = 1;
}

/// <param name="Best">The best design's name, or null when none is clearly best.</param>
/// <param name="Reason">Why, in one sentence with the figures that decided.</param>
public sealed record ComparisonVerdict(string? Best, string Reason);

/// <param name="Metric">Scope and figure, e.g. "orders/put: p99 (ok)".</param>
/// <param name="Scope">"run", "scenario/operation", "hot keys" or "cost".</param>
/// <param name="Values">Variant name → value, in <paramref name="Unit"/>; variants without a value are left out.</param>
/// <param name="Better">The variant marked better, or null (no clear difference, a design that fails more, or a row that does not rank).</param>
/// <param name="Significant">True when the difference is larger than the noise.</param>
/// <param name="Kind">ranked, descriptive (never marked) or whatIf (a price in the other capacity mode: never ranked).</param>
public sealed record ComparisonRowDocument(
    string Metric,
    string Scope,
    string Unit,
    IReadOnlyDictionary<string, double> Values,
    string? Better,
    bool Significant,
    RowKind Kind,
    string? Note);
