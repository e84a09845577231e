using System.Globalization;
using LoadLab.DynamoDb.Data.Keys;

namespace LoadLab.DynamoDb.Data.Custom;

/// <summary>Checks a generator call's arguments against its parameters and fills in defaults, once, at load time.</summary>
internal static class GeneratorArgumentBinder
{
    private const int MaxIntArgument = 10_000;

    public static GeneratorArguments Bind(CallExpression call, GeneratorSpec spec, Func<string, DataDesignException> error)
    {
        if (call.Arguments.Count > spec.Parameters.Count)
            throw error(string.Create(CultureInfo.InvariantCulture, $"{spec.Name} takes {spec.Parameters.Count} argument(s), found {call.Arguments.Count}: {spec.Usage}"));
        var values = new object[spec.Parameters.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var parameter = spec.Parameters[i];
            values[i] = i < call.Arguments.Count
                ? Argument(call.Arguments[i], parameter, spec, error)
                : parameter.Default ?? throw error($"{spec.Name} needs '{parameter.Name}': {spec.Usage}");
        }

        CheckRanges(spec, values, error);
        return new GeneratorArguments(values);
    }

    private static object Argument(Expression argument, GeneratorParameter parameter, GeneratorSpec spec, Func<string, DataDesignException> error) => (parameter.Type, argument) switch
    {
        (ArgumentType.Int, NumberExpression n) when n.Value == decimal.Truncate(n.Value) && Math.Abs(n.Value) <= int.MaxValue => (int)n.Value,
        (ArgumentType.Decimal, NumberExpression n) => n.Value,
        (ArgumentType.Text, TextExpression t) => t.Value,
        (ArgumentType.Text, CallExpression { HasParentheses: false } word) => word.Name,
        (ArgumentType.Text, NumberExpression n) => n.Text,
        (ArgumentType.Int, _) => throw error($"'{parameter.Name}' of {spec.Name} must be a whole number: {spec.Usage}"),
        (ArgumentType.Decimal, _) => throw error($"'{parameter.Name}' of {spec.Name} must be a number: {spec.Usage}"),
        _ => throw error($"'{parameter.Name}' of {spec.Name} must be 'quoted text': {spec.Usage}"),
    };

    private static void CheckRanges(GeneratorSpec spec, object[] values, Func<string, DataDesignException> error)
    {
        int minAt = IndexOf(spec, "min"), maxAt = IndexOf(spec, "max");
        if (minAt >= 0 && maxAt >= 0 && Convert.ToDecimal(values[minAt], CultureInfo.InvariantCulture) > Convert.ToDecimal(values[maxAt], CultureInfo.InvariantCulture))
            throw error($"{spec.Name}: min must not be greater than max");
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is int n && i != minAt && i != maxAt && (n < 0 || n > MaxIntArgument))
                throw error(string.Create(CultureInfo.InvariantCulture, $"'{spec.Parameters[i].Name}' of {spec.Name} must be from 0 to {MaxIntArgument:N0}, found {n}"));
        }
    }

    private static int IndexOf(GeneratorSpec spec, string name)
    {
        for (int i = 0; i < spec.Parameters.Count; i++)
        {
            if (spec.Parameters[i].Name == name)
                return i;
        }

        return -1;
    }
}
