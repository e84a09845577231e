using System.Text.RegularExpressions;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// The conditions a simulated write evaluates: whether the item exists, as <c>attribute_exists(pk)</c> or
/// <c>attribute_not_exists(pk)</c> on a key attribute say it (and an inserting put's own <c>attribute_not_exists</c>).
/// Other conditions need the item's attributes and are refused before the run.
/// </summary>
internal sealed partial class ExistenceCondition
{
    public static readonly ExistenceCondition None = new(false, false);

    private ExistenceCondition(bool mustExist, bool mustBeAbsent)
    {
        MustExist = mustExist;
        MustBeAbsent = mustBeAbsent;
    }

    public bool MustExist { get; }

    public bool MustBeAbsent { get; }

    public bool Holds(bool exists) => (!MustExist || exists) && (!MustBeAbsent || !exists);

    /// <summary>The insert's own condition and the user's, together.</summary>
    public ExistenceCondition AndAbsent() => new(MustExist, true);

    /// <summary>The user's condition, or null (with <paramref name="problem"/>) when it is not one the simulation evaluates.</summary>
    public static ExistenceCondition? Parse(string? condition, TablePlan table, out string? problem)
    {
        problem = null;
        if (condition is null)
            return None;
        var match = Existence().Match(condition);
        if (match.Success)
        {
            string name = match.Groups["name"].Value;
            if (name.StartsWith('#'))
                name = name[1..];
            if (name == table.PartitionKey.Name || name == table.SortKey?.Name)
                return match.Groups["not"].Success ? new ExistenceCondition(false, true) : new ExistenceCondition(true, false);
        }

        problem = $"condition '{condition}' is not simulated; simulate evaluates attribute_exists(…) and attribute_not_exists(…) of a key attribute ({table.PartitionKey.Name}{(table.SortKey is { } s ? " or " + s.Name : "")})";
        return null;
    }

    [GeneratedRegex(@"^\s*attribute_(?<not>not_)?exists\s*\(\s*(?<name>#?[A-Za-z0-9_.\-]+)\s*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Existence();
}
