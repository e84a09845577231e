using System.Globalization;
using Bogus;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Keys;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Custom;

/// <summary>Compiles a parsed field expression into a <see cref="ValueNode"/>, once, checking names, arguments and kinds.</summary>
internal sealed class ExpressionCompiler
{
    /// <summary>Most elements a list or set may have.</summary>
    public const int MaxElements = 1000;

    /// <summary>Functions of the grammar itself, besides the Bogus generators.</summary>
    public static readonly string[] Functions = ["index", "pick", "list", "set", "binary", "true", "false"];

    private static readonly Lock ProbeLock = new();
    private static Faker? probe;

    private readonly string text;
    private readonly string locale;

    private ExpressionCompiler(string text, string locale)
    {
        this.text = text;
        this.locale = locale;
    }

    /// <exception cref="DataDesignException">The expression is malformed, names an unknown generator or has bad arguments.</exception>
    public static ValueNode Compile(string text, string locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ExpressionCompiler(text, locale).Node(ExpressionParser.Parse(text));
    }

    private ValueNode Node(Expression expression) => expression switch
    {
        NumberExpression number => new ConstantNode(FieldKind.Number, number.Text),
        TextExpression textValue => new ConstantNode(FieldKind.String, textValue.Value),
        RangeExpression => throw Error("a range such as 1..5 only counts elements: list(expr, 1..5), set(expr, 1..5) or binary(16..64)"),
        CallExpression call => Call(call),
        _ => throw new InvalidOperationException("Unknown expression type."),
    };

    private ValueNode Call(CallExpression call)
    {
        switch (call.Name)
        {
            case "index":
                NoArguments(call);
                return new IndexNode();
            case "true" or "false":
                NoArguments(call);
                return new ConstantNode(FieldKind.Bool, call.Name);
            case "pick":
                return Pick(call);
            case "list":
                return new ListNode(Element(call, forSet: false), Count(call, 1, min: 0), Count(call, 1, min: 0, upper: true));
            case "set":
                return new SetNode(Element(call, forSet: true), Count(call, 1, min: 1), Count(call, 1, min: 1, upper: true));
            case "binary":
                if (call.Arguments.Count != 1)
                    throw Error("binary takes one argument, the size in bytes or a range: binary(16) or binary(16..64)");
                return new BinaryNode(Count(call, 0, min: 1, max: Data.ItemSize.MaxBytes), Count(call, 0, min: 1, max: Data.ItemSize.MaxBytes, upper: true));
        }

        if (!GeneratorCatalog.TryGet(call.Name, out var spec))
            throw Unknown(call.Name);
        var make = spec.Bind(GeneratorArgumentBinder.Bind(call, spec, Error));
        Probe(spec, make);
        return spec.Pooled
            ? new PooledNode(spec.Kind, new Lazy<string[]>(() => LocalePools.Of(locale, "generator:" + spec.Name, make)))
            : new GeneratorNode(spec.Kind, make);
    }

    private PickNode Pick(CallExpression call)
    {
        if (call.Arguments.Count == 0)
            throw Error("pick needs the values to choose from, e.g. pick(NEW,PAID,SHIPPED)");
        var choices = call.Arguments.Select(a => a switch
        {
            NumberExpression n => n.Text,
            TextExpression t => t.Value,
            CallExpression { HasParentheses: false } word => word.Name,
            _ => throw Error("pick takes plain values (words, numbers or 'quoted text'), not generators"),
        }).ToArray();
        var kind = call.Arguments.All(a => a is NumberExpression) ? FieldKind.Number : FieldKind.String;
        return new PickNode(kind, choices);
    }

    private ValueNode Element(CallExpression call, bool forSet)
    {
        if (call.Arguments.Count != 2)
            throw Error($"{call.Name} takes an element expression and a count: {call.Name}(lorem.word, 3) or {call.Name}(lorem.word, 1..5)");
        var element = Node(call.Arguments[0]);
        if (element.Kind is FieldKind.List or FieldKind.Map or FieldKind.StringSet or FieldKind.NumberSet or FieldKind.BinarySet)
            throw Error($"{call.Name} elements must be single values, not {element.Kind.Describe()}");
        if (forSet && element.Kind == FieldKind.Bool)
            throw Error("DynamoDB has no set of booleans; use list(random.bool, n)");
        return element;
    }

    /// <summary>The lower (or, with <paramref name="upper"/>, upper) bound of a count argument: N or min..max.</summary>
    private long Count(CallExpression call, int position, long min, long max = MaxElements, bool upper = false)
    {
        var (low, high) = call.Arguments[position] switch
        {
            NumberExpression n when n.Value == decimal.Truncate(n.Value) => ((long)n.Value, (long)n.Value),
            RangeExpression r => (r.Min, r.Max),
            _ => throw Error($"the count of {call.Name} must be a whole number or a range such as 1..5"),
        };
        if (low < min || high > max)
            throw Error(string.Create(CultureInfo.InvariantCulture, $"the count of {call.Name} must be from {min} to {max:N0}, found {low}..{high}"));
        return upper ? high : low;
    }

    /// <summary>Runs the generator once at load time, so arguments Bogus rejects fail here and not mid-seed.</summary>
    private void Probe(GeneratorSpec spec, Func<Faker, string> make)
    {
        lock (ProbeLock)
        {
            probe ??= Fakers.Create(LoadLab.Core.Plans.DataSetPlan.DefaultLocale, new SplitMixRandom());
            try
            {
                make(probe);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or OverflowException or IndexOutOfRangeException)
            {
                throw Error($"{spec.Name} fails with these arguments: {ex.Message}");
            }
        }
    }

    private void NoArguments(CallExpression call)
    {
        if (call.Arguments.Count > 0)
            throw Error($"{call.Name} takes no arguments");
    }

    private DataDesignException Unknown(string name)
    {
        var candidates = GeneratorCatalog.Names.Concat(Functions).ToList();
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        string dataset = dot > 0 ? name[..(dot + 1)] : string.Empty;
        var sameDataset = dataset.Length == 0 ? [] : GeneratorCatalog.Names.Where(n => n.StartsWith(dataset, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        string hint = sameDataset.Count > 0
            ? $"{dataset[..^1]} has: {string.Join(", ", sameDataset.Select(n => n[dataset.Length..]))}"
            : "datasets: name, internet, phone, address, company, commerce, finance, lorem, date, random, system, vehicle, music, hacker; functions: index, pick, list, set, binary";
        return new DataDesignException($"'{text}': unknown generator '{name}'; {hint}", name, candidates);
    }

    private DataDesignException Error(string problem) => new($"'{text}': {problem}");
}
