using LoadLab.Core.Plans;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// keys: every distribution with its parameters, and the errors (keys: is on line 10).
public class KeysBinderTests
{
    private static string Suite(string keys) => $$"""
        name: t
        tables:
          items: { name: Items, key: { pk: S } }
        data:
          items: { model: customer, items: 100 }
        scenarios:
          - name: s
            table: items
            mix: { get: 1 }
            keys: {{keys}}
            load: [ { rate: 10, for: 1m } ]
        """;

    private static KeyDistributionPlan Keys(string keys) => Assert.Single(Parse(Suite(keys)).Scenarios).Keys;

    [Fact]
    public void Every_distribution_binds_with_its_parameters()
    {
        Assert.Equal(new KeyDistributionPlan("uniform"), Keys("{ distribution: uniform }"));
        Assert.Equal(new KeyDistributionPlan("zipfian", Theta: 1.2, Scrambled: false), Keys("{ distribution: zipfian, theta: 1.2, scrambled: false }"));
        Assert.Equal(new KeyDistributionPlan("hotspot", HotSetFraction: 0.1, HotOperationFraction: 0.9), Keys("{ distribution: hotspot, hotSetFraction: 0.1, hotOperationFraction: 0.9 }"));
        Assert.Equal(new KeyDistributionPlan("hotkey", HotOperationFraction: 0.5, HotKeyIndex: 99), Keys("{ distribution: hotkey, hotKeyIndex: 99, hotOperationFraction: 0.5 }"));
        Assert.Equal(new KeyDistributionPlan("latest", Theta: 0.5), Keys("{ distribution: latest, theta: 0.5 }"));
        Assert.Equal(new KeyDistributionPlan("sequential"), Keys("{ distribution: sequential }"));
    }

    [Fact]
    public void Parameters_left_out_keep_their_defaults()
    {
        Assert.Equal(new KeyDistributionPlan("zipfian"), Keys("{ distribution: zipfian }"));
        Assert.Equal(0.99, Keys("{ distribution: zipfian }").Theta);
    }

    [Fact]
    public void A_parameter_of_another_distribution_says_which_it_belongs_to()
    {
        var error = SingleError(Suite("{ distribution: hotspot, theta: 0.5 }"));

        AssertError(error, 10, 36, "keys: 'theta' does not apply to distribution 'hotspot'; it takes hotSetFraction, hotOperationFraction ('theta' is for zipfian, latest)");
    }

    [Fact]
    public void Unknown_distributions_and_keys_get_suggestions()
    {
        var errors = Errors(Suite("{ distribution: zipfan, thetta: 1 }"));

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 10, 27, "keys.distribution: expected one of uniform, zipfian, hotspot, hotkey, latest, sequential, found 'zipfan'", "Did you mean 'zipfian'?");
        AssertError(errors[1], 10, 35, "unknown key 'thetta' in keys", "Did you mean 'theta'?");
    }

    [Fact]
    public void Parameters_must_be_in_range()
    {
        var errors = Errors(Suite("{ distribution: hotspot, hotSetFraction: 0, hotOperationFraction: 1.5 }"));

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 10, 52, "keys.hotSetFraction: must be greater than 0 and at most 1, found 0");
        AssertError(errors[1], 10, 77, "keys.hotOperationFraction: must be greater than 0 and at most 1, found 1.5");
        AssertError(SingleError(Suite("{ distribution: zipfian, theta: 0 }")), 10, 43, "keys.theta: must be greater than 0 and at most 10, found 0");
    }

    [Fact]
    public void The_hot_key_must_be_a_seeded_item()
    {
        var error = SingleError(Suite("{ distribution: hotkey, hotKeyIndex: 100 }"));

        AssertError(error, 10, 48, "keys.hotKeyIndex: must be an item of the data set, 0 to 99 (table 'items' is seeded with 100 items), found 100");
    }
}
