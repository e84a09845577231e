using LoadLab.Core.Plans;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// The mapping form of mix entries: every operation with its options, bound into the plan.
public class MixOptionsTests
{
    private static IReadOnlyList<OperationWeight> Mix(string mix, string key = "{ pk: S, sk: S }") => Assert.Single(Parse($$"""
        name: t
        tables:
          orders: { name: Orders, key: {{key}} }
        data:
          orders: { model: customer, items: 100 }
        scenarios:
          - name: s
            table: orders
            mix:
        {{mix}}
            load: [ { rate: 10, for: 1m } ]
        """).Scenarios).Mix;

    [Fact]
    public void Plain_weights_keep_the_default_options()
    {
        var mix = Mix("      { get: 80, put: 20 }");

        Assert.Equal([new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20)], mix);
        Assert.Same(OperationOptions.None, mix[0].Options);
    }

    [Fact]
    public void The_example_of_the_suite_format_binds()
    {
        var mix = Mix("""
                  get: { weight: 60, consistent: true, projection: [name, email] }
                  query: { weight: 25, sk: { beginsWith: "ORDER#2024" }, limit: 20, pages: first, filter: "total > :min", values: { ":min": 100 } }
                  update: { weight: 10, add: { visits: 1 }, set: { tier: gold }, condition: "attribute_exists(pk)" }
                  put: { weight: 5, new: true }
            """);

        Assert.Equal(["get", "query", "update", "put"], mix.Select(m => m.Operation));
        Assert.Equal([60.0, 25, 10, 5], mix.Select(m => m.Weight));
        var get = mix[0].Options;
        Assert.True(get.ConsistentRead);
        Assert.Equal(["name", "email"], get.Projection);
        var query = mix[1].Options;
        Assert.Equal(new SortKeyCondition(SortKeyOperator.BeginsWith, "ORDER#2024"), query.SortKey);
        Assert.Equal((20, PageMode.First, "total > :min"), (query.Limit, query.Pages, query.Filter));
        Assert.Equal(ExpressionValue.Number("100"), query.Values[":min"]);
        var update = mix[2].Options;
        Assert.Equal([new AttributeAssignment("visits", ExpressionValue.Number("1"))], update.Add);
        Assert.Equal([new AttributeAssignment("tier", ExpressionValue.String("gold"))], update.Set);
        Assert.Equal("attribute_exists(pk)", update.Condition);
        Assert.True(mix[3].Options.NewItems);
    }

    [Fact]
    public void Scan_batch_transaction_and_delete_options_bind()
    {
        var mix = Mix("""
                  scan: { weight: 1, segments: 4, limit: 100, pages: all, consistent: false }
                  batchGet: { weight: 1, batchSize: 50 }
                  batchWrite: { weight: 1, batchSize: 25, new: true }
                  transactGet: { weight: 1, batchSize: 3, projection: [email] }
                  transactWrite: { weight: 1, batchSize: 2, condition: "#v < :max", values: { ":max": { N: 10 } } }
                  delete: { weight: 1, condition: "attribute_exists(pk)" }
            """);

        Assert.Equal((4, 100, PageMode.All, false), (mix[0].Options.Segments, mix[0].Options.Limit, mix[0].Options.Pages, mix[0].Options.ConsistentRead));
        Assert.Equal(50, mix[1].Options.BatchSize);
        Assert.Equal((25, true), (mix[2].Options.BatchSize, mix[2].Options.NewItems));
        Assert.Equal(["email"], mix[3].Options.Projection);
        Assert.Equal(ExpressionValue.Number("10"), mix[4].Options.Values[":max"]);
        Assert.Equal("attribute_exists(pk)", mix[5].Options.Condition);
    }

    [Theory]
    [InlineData("{ between: [\"A\", \"B\"] }", SortKeyOperator.Between, "A", "B")]
    [InlineData("{ eq: PROFILE }", SortKeyOperator.Equal, "PROFILE", null)]
    [InlineData("{ lt: B }", SortKeyOperator.Less, "B", null)]
    [InlineData("{ le: B }", SortKeyOperator.LessOrEqual, "B", null)]
    [InlineData("{ gt: A }", SortKeyOperator.Greater, "A", null)]
    [InlineData("{ ge: A }", SortKeyOperator.GreaterOrEqual, "A", null)]
    public void Every_sort_key_condition_binds(string sk, SortKeyOperator op, string value, string? upper)
    {
        var mix = Mix($"      {{ query: {{ weight: 1, sk: {sk} }} }}");

        Assert.Equal(new SortKeyCondition(op, value, upper), mix[0].Options.SortKey);
    }

    [Fact]
    public void Values_are_typed_as_they_read_unless_the_type_is_stated()
    {
        var mix = Mix("""
                  update: { weight: 1, set: { zip: { S: "01234" }, active: true, tier: gold, score: 1.5 } }
            """);

        Assert.Equal(
            [
                new AttributeAssignment("zip", ExpressionValue.String("01234")),
                new AttributeAssignment("active", ExpressionValue.Boolean(true)),
                new AttributeAssignment("tier", ExpressionValue.String("gold")),
                new AttributeAssignment("score", ExpressionValue.Number("1.5")),
            ],
            mix[0].Options.Set);
    }
}
