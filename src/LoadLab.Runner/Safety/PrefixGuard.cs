using LoadLab.Core.Errors;

namespace LoadLab.Runner.Safety;

/// <summary>LoadLab touches only tables whose names carry the environment's prefix; checked for every table before anything runs.</summary>
internal static class PrefixGuard
{
    /// <exception cref="InvalidInputException">Exit 2: a table name lacks the prefix; nothing was touched.</exception>
    public static void Check(IEnumerable<string> tableNames, string prefix, string environment, string action)
    {
        if (string.IsNullOrEmpty(prefix))
            throw new InvalidInputException($"Refusing to {action}: environment {environment} has an empty table prefix, which would let LoadLab touch any table. Set one in environments.yaml (e.g. prefix: stg_).");
        var outside = tableNames.Where(n => !n.StartsWith(prefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (outside.Count > 0)
        {
            throw new InvalidInputException($"Refusing to {action}: table(s) {string.Join(", ", outside)} lack environment {environment}'s prefix '{prefix}'. LoadLab only touches tables named {prefix}…; nothing was touched.");
        }
    }
}
