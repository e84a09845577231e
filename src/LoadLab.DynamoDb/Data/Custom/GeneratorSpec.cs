using System.Globalization;
using Bogus;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Custom;

internal enum ArgumentType
{
    Int,
    Decimal,
    Text,
}

/// <summary>A parameter of a generator; a null default makes it required.</summary>
internal sealed record GeneratorParameter(string Name, ArgumentType Type, object? Default = null);

/// <summary>
/// One whitelisted Bogus generator. <see cref="Bind"/> runs once at load time with the checked arguments and returns
/// the delegate called per item, so no reflection or argument parsing happens while generating.
/// </summary>
/// <param name="Pooled">Slow (≈10 µs) and without arguments: drawn from a per-locale pool of 4,096 values.</param>
internal sealed record GeneratorSpec(
    string Name,
    FieldKind Kind,
    IReadOnlyList<GeneratorParameter> Parameters,
    Func<GeneratorArguments, Func<Faker, string>> Bind,
    bool Pooled = false)
{
    /// <summary>How the generator is written, for messages and docs, e.g. <c>finance.amount(min=0, max=1000, decimals=2)</c>.</summary>
    public string Usage => Parameters.Count == 0
        ? Name
        : Name + "(" + string.Join(", ", Parameters.Select(p => p.Default is null ? p.Name : p.Name + "=" + Convert.ToString(p.Default, CultureInfo.InvariantCulture))) + ")";
}

/// <summary>Checked argument values in parameter order, defaults filled in.</summary>
internal sealed class GeneratorArguments(object[] values)
{
    public int Int(int i) => (int)values[i];

    public decimal Decimal(int i) => (decimal)values[i];

    public string Text(int i) => (string)values[i];
}
