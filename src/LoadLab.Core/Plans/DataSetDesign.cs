namespace LoadLab.Core.Plans;

/// <summary>An attribute of every item rendered from a key template, e.g. <c>gsi1pk</c> from <c>STATUS#{status}</c>.</summary>
public sealed record AttributeTemplatePlan(string Attribute, string Template);

public enum SizeDistribution
{
    /// <summary>Every size in [min, max] equally likely (a fixed target when min equals max).</summary>
    Uniform,

    /// <summary>Centred on the middle of [min, max] with a sixth of the range as standard deviation, clipped to it.</summary>
    Normal,
}

/// <summary>
/// Item sizes in DynamoDB bytes (docs/capacity-model.md §3). Items smaller than their target are filled up with the
/// padding attribute; larger ones stay as they are. The target of item i depends on (seed, i) alone.
/// </summary>
public sealed record ItemSizePlan(long MinBytes, long MaxBytes, SizeDistribution Distribution = SizeDistribution.Uniform)
{
    public const string DefaultAttribute = "padding";

    /// <summary>Name of the S attribute that carries the filler.</summary>
    public string Attribute { get; init; } = DefaultAttribute;

    public static ItemSizePlan Target(long bytes) => new(bytes, bytes);
}

/// <summary>
/// A field of a model declared in the suite: either an expression such as <c>internet.email</c> or
/// <c>list(random.int(1,100), 5)</c>, or a nested map of fields.
/// </summary>
public sealed record CustomFieldPlan(string Name, string? Expression, IReadOnlyList<CustomFieldPlan>? Fields = null)
{
    public bool IsMap => Fields is not null;
}
