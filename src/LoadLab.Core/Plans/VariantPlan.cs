namespace LoadLab.Core.Plans;

/// <summary>
/// One variant of a suite: the same data and scenarios with a changed table capacity or key design,
/// run on its own tables so the variants can be compared side by side.
/// </summary>
/// <param name="Name">The variant's name, also the suffix of its table names and its report folder.</param>
/// <param name="Changes">What the variant changes, described for plan and reports, e.g. "orders.capacity: on-demand".</param>
/// <param name="Plan">The whole plan of the variant; its <see cref="RunPlan.Variant"/> is <paramref name="Name"/>.</param>
public sealed record VariantPlan(string Name, IReadOnlyList<string> Changes, RunPlan Plan);
