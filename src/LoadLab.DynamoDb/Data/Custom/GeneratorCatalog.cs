using System.Globalization;
using Bogus;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Custom;

/// <summary>
/// The Bogus generators a custom model may name, as <c>dataset.method</c> in camelCase like Bogus's own API. A whitelist
/// rather than reflection over Bogus: every entry is checked at load time, and dates use a fixed reference time so
/// items never depend on the clock. The list is in docs form in <see cref="Usages"/>.
/// </summary>
internal static partial class GeneratorCatalog
{
    private static readonly Dictionary<string, GeneratorSpec> ByName =
        People().Concat(Things()).ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Every generator as written, e.g. <c>random.int(min=0, max=100)</c>, sorted.</summary>
    public static IReadOnlyList<string> Usages { get; } = [.. ByName.Values.Select(s => s.Usage).Order(StringComparer.Ordinal)];

    public static bool TryGet(string name, out GeneratorSpec spec) => ByName.TryGetValue(name, out spec!);

    private static GeneratorSpec Text(string name, Func<Faker, string> make, bool pooled = false) =>
        new(name, FieldKind.String, [], _ => make, pooled);

    private static GeneratorSpec With(string name, FieldKind kind, GeneratorParameter[] parameters, Func<GeneratorArguments, Func<Faker, string>> bind) =>
        new(name, kind, parameters, bind);

    private static GeneratorParameter Int(string name, int? fallback = null) => new(name, ArgumentType.Int, fallback);

    private static GeneratorParameter Dec(string name, decimal? fallback = null) => new(name, ArgumentType.Decimal, fallback);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Up to six decimals and never an exponent, which keeps coordinates and ratios readable N values.
    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Time(DateTime value) => value.ToUniversalTime().ToString(Values.Seconds, CultureInfo.InvariantCulture);
}
