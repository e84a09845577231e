using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>Binds the suite's top level, delegates each section, and builds the plan when nothing was wrong.</summary>
internal static class SuiteBinder
{
    public static RunPlan? Bind(Node root, SuiteLoadOptions options, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(root, "the suite", diagnostics);
        if (mapping is null)
            return null;
        var reader = MappingReader.Fixed(mapping, "the suite", SuiteKeys.Root, diagnostics);

        var name = reader.Required("name", Formatting.Invariant($"the suite's name: {NameRules.Allowed}")) is { } n
            ? NameRules.Read(n, "name", diagnostics)
            : null;
        if (reader.Optional("description") is { } description)
            ScalarReader.Text(description, "description", diagnostics);

        // The file's values are checked even when the command line overrides them: the file is still wrong.
        var environment = reader.Optional("environment") is { } e
            ? ScalarReader.Choice(e, "environment", SuiteValues.Environments, diagnostics)
            : SuiteValues.DefaultEnvironment;
        environment = options.EnvironmentOverride ?? environment ?? SuiteValues.DefaultEnvironment;
        var seed = reader.Optional("seed") is { } s
            ? ScalarReader.Long(s, "seed", long.MinValue, long.MaxValue, diagnostics)
            : SuiteValues.DefaultSeed;
        var runSeed = options.SeedOverride ?? seed ?? SuiteValues.DefaultSeed;

        var suiteEnvironments = reader.Optional("environments") is { } envs
            ? EnvironmentsBinder.Bind(envs, "environments", diagnostics)
            : null;
        var environmentPlan = EnvironmentSettingsFor(environment, suiteEnvironments, options);
        var tables = reader.Required("tables", "a mapping of table id to table") is { } t
            ? TableBinder.BindAll(t, environmentPlan.TablePrefix, diagnostics)
            : [];
        var data = reader.Optional("data") is { } d
            ? DataBinder.BindAll(d, runSeed, diagnostics)
            : [];
        var scenarios = reader.Required("scenarios", "a list of scenarios") is { } sc
            ? ScenarioBinder.BindAll(sc, diagnostics)
            : [];
        var budgets = reader.Optional("budgets") is { } b
            ? BudgetBinder.BindAll(b, diagnostics)
            : [];
        var variants = reader.Optional("variants") is { } v
            ? VariantBinder.BindAll(v, [.. tables.Select(x => x.Id)], [.. data.Select(x => x.TableIdNode.Value)], diagnostics)
            : [];
        var simulator = reader.Optional("simulator") is { } sim
            ? SimulatorBinder.Bind(sim, diagnostics)
            : SimulatorPlan.Default;
        var failOn = reader.Optional("failOn") is { } fo
            ? FailOnBinder.Bind(fo, diagnostics)
            : FailOnPlan.Default;
        var sdk = reader.Optional("sdk") is { } sd
            ? SdkBinder.Bind(sd, diagnostics)
            : SdkPlan.Default;
        var tracing = reader.Optional("tracing") is { } tr
            ? TracingBinder.Bind(tr, diagnostics)
            : null;
        var metrics = reader.Optional("metrics") is { } me
            ? MetricsBinder.Bind(me, diagnostics)
            : null;
        SuiteValidator.Validate(tables, data, scenarios, diagnostics);
        BudgetReferences.Check(budgets, scenarios, diagnostics);

        if (diagnostics.HasErrors || name is null)
            return null;
        var plan = new RunPlan
        {
            RunId = options.RunId,
            SuiteName = name,
            Environment = environment,
            EnvironmentSettings = environmentPlan,
            Seed = runSeed,
            Tables = [.. tables.Select(table => Built(table.Plan))],
            DataSets = [.. data.Select(set => Built(set.Plan))],
            Scenarios = [.. scenarios.Select(scenario => DurationScaling.Apply(Built(scenario.Plan), options.DurationScale))],
            DurationScale = options.DurationScale,
            Tracing = tracing,
            Metrics = metrics,
            // Windows and graces keep their length under --duration-scale: they are statistics, not load.
            Budgets = WithFailOn([.. budgets.Select(budget => Built(budget.Definition))], Built(failOn)),
            FailOn = Built(failOn),
            Sdk = Built(sdk),
            Simulator = Built(simulator),
        };
        return variants.Count == 0 ? plan : VariantExpander.Expand(plan, mapping, variants, options, diagnostics);
    }

    // failOn's error rate is judged as a budget, last, so it shows in every report and every place budgets are
    // checked (run, merge) the same way; the suite's own budgets keep their positions (abortAfter refers to them).
    private static IReadOnlyList<Core.Budgets.BudgetDefinition> WithFailOn(IReadOnlyList<Core.Budgets.BudgetDefinition> budgets, FailOnPlan failOn) =>
        failOn.ErrorRateBudget(budgets) is { } errorRate ? [.. budgets, errorRate] : budgets;

    // The suite's own settings win value by value over the shared environments.yaml.
    private static EnvironmentPlan EnvironmentSettingsFor(string environment, IReadOnlyDictionary<string, EnvironmentPlan>? suite, SuiteLoadOptions options)
    {
        var shared = options.Environments.GetValueOrDefault(environment);
        var own = suite?.GetValueOrDefault(environment);
        return own?.Over(shared) ?? shared ?? EnvironmentPlan.Default(environment);
    }

    // Binders leave a plan out only after reporting why, so a missing one here is a bug in a binder.
    private static T Built<T>(T? plan)
        where T : class =>
        plan ?? throw new InvalidOperationException($"A {typeof(T).Name} is missing although no error was reported.");
}
