using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data.Keys;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Custom;

/// <summary>
/// Checks models declared in the suite, for the suite loader. Field expressions:
/// <list type="bullet">
/// <item><c>dataset.method</c> or <c>dataset.method(args)</c>: a Bogus generator from <see cref="Generators"/>;</item>
/// <item><c>index</c>: the item index (N); numbers (N), <c>'quoted text'</c> (S), <c>true</c>/<c>false</c> (BOOL);</item>
/// <item><c>pick(a, b, c)</c>: one of the values, N when all are numbers;</item>
/// <item><c>list(expr, n)</c> (L) and <c>set(expr, n)</c> (SS, NS or BS by element), n a count or a range <c>1..5</c>;</item>
/// <item><c>binary(n)</c> or <c>binary(min..max)</c>: random bytes (B);</item>
/// <item>a YAML mapping instead of an expression: a map (M) of fields.</item>
/// </list>
/// </summary>
public static class CustomModels
{
    /// <summary>Every generator with its parameters, e.g. <c>finance.amount(min=0, max=1000, decimals=2)</c>.</summary>
    public static IReadOnlyList<string> Generators => GeneratorCatalog.Usages;

    /// <summary>Names an expression may start with: generators and the grammar's functions, for suggestions.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. GeneratorCatalog.Names.Concat(ExpressionCompiler.Functions)];

    /// <summary>Compiles one field expression and returns the kind of value it makes.</summary>
    /// <exception cref="DataDesignException">The expression is malformed or names an unknown generator (see <see cref="DataDesignException.Unknown"/>).</exception>
    public static FieldKind Check(string expression) => ExpressionCompiler.Compile(expression, DataSetPlan.DefaultLocale).Kind;

    /// <summary>The schema of a declared model, for checking templates and index keys against it.</summary>
    /// <exception cref="DataDesignException">A field cannot be compiled.</exception>
    public static ModelSchema SchemaOf(IReadOnlyList<CustomFieldPlan> fields) => new CustomGenerator(fields, DataSetPlan.DefaultLocale).Schema;
}
