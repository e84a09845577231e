using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model.Internal.MarshallTransformations;
using Amazon.Runtime;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Pricing;
using LoadLab.Capacity.Proxy;
using LoadLab.Core.Errors;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.DynamoDb.Tables;
using LoadLab.Runner.Target;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// A run's tables and scenarios on the capacity model, without an emulator: each table created in the model as a
/// local run creates it through the simulator (the same CreateTable request, read by the proxy's own readers, with the
/// suite's auto scaling applied), the seeded data set's stored bytes recorded, and one <see cref="ISimulatedExecutor"/>
/// per scenario. Operations this slice does not simulate are refused before anything is built (<see cref="Problems"/>).
/// </summary>
internal sealed class SimulatedTarget
{
    /// <summary>What simulate carries out; anything else in a mix is refused up front.</summary>
    public static IReadOnlyList<OperationKind> Supported { get; } =
        [OperationKind.Get, OperationKind.Put, OperationKind.Update, OperationKind.Delete, OperationKind.Query];

    /// <summary>At most this many seeded items are generated to size the data set's stored bytes; larger sets are sampled evenly.</summary>
    internal const int StorageSamples = 10_000;

    private readonly Dictionary<string, SimulatedExecutor> executors;

    private SimulatedTarget(IReadOnlyDictionary<string, SimulatedTable> tables, Dictionary<string, SimulatedExecutor> executors)
    {
        Tables = tables;
        this.executors = executors;
    }

    /// <summary>The simulated tables by table id.</summary>
    public IReadOnlyDictionary<string, SimulatedTable> Tables { get; }

    /// <summary>The executor of a scenario (by name).</summary>
    public ISimulatedExecutor For(ScenarioPlan scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return executors[scenario.Name];
    }

    internal SimulatedExecutor ExecutorOf(string scenario) => executors[scenario];

    /// <summary>How to fix every refusal of <see cref="Problems"/>: the words the command closes its error with.</summary>
    public static string Fix(string suite) =>
        $"How to fix: change the suite as each line says, or run it against the local target instead (loadlab run {suite}), which carries out every operation.";

    /// <summary>
    /// Why the plan cannot be simulated, one problem per operation (by its index in the mix) or per scenario (empty
    /// when it can): operations other than <see cref="Supported"/>, options the simulation does not evaluate, and
    /// whatever a real run's executor would refuse before its first request (the same messages).
    /// </summary>
    public static IReadOnlyList<SimulationProblem> Problems(RunPlan plan, CapacitySettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<SimulationProblem>();
        using var client = UnusedClient();
        foreach (var scenario in plan.Scenarios)
        {
            var table = plan.Tables.FirstOrDefault(t => t.Id == scenario.TableId);
            var dataSet = plan.DataSets.FirstOrDefault(d => d.TableId == scenario.TableId);
            if (table is null || dataSet is null)
            {
                problems.Add(new(scenario.Name, null, $"Scenario '{scenario.Name}' targets table '{scenario.TableId}', which has no data set: add one under data: so operations have keys to use."));
                continue;
            }

            TablePricing pricing;
            try
            {
                pricing = PricingOf(table, settings ?? new CapacitySettings());
            }
            catch (ArgumentException e)
            {
                problems.Add(new(scenario.Name, null, $"Scenario '{scenario.Name}': {e.Message}"));
                continue;
            }

            for (int i = 0; i < scenario.Mix.Count; i++)
            {
                var entry = scenario.Mix[i];
                if (OptionProblem(table, pricing, entry) is { } problem)
                    problems.Add(new(scenario.Name, i, $"Scenario '{scenario.Name}', operation '{entry.Operation}': {problem}."));
            }

            problems.AddRange(ExecutorProblems(client, plan, scenario, table, dataSet));
        }

        return problems;
    }

    /// <summary>
    /// The real executor's own checks (index names, sort keys, placeholders, key templates), never sending anything.
    /// It stops at the first problem, so a refused scenario is checked again operation by operation to say which;
    /// a problem every operation shares (the keys) is the scenario's.
    /// </summary>
    private static IEnumerable<SimulationProblem> ExecutorProblems(AmazonDynamoDBClient client, RunPlan plan, ScenarioPlan scenario, TablePlan table, DataSetPlan dataSet)
    {
        if (ExecutorProblem(client, plan, scenario, table, dataSet) is not { } whole)
            return [];
        var each = scenario.Mix
            .Select((entry, i) => (Index: i, Message: ExecutorProblem(client, plan, scenario with { Mix = [entry] }, table, dataSet)))
            .Where(p => p.Message is not null)
            .ToArray();
        if (each.Length == 0 || (each.Length == scenario.Mix.Count && each.All(p => p.Message == each[0].Message)))
            return [new SimulationProblem(scenario.Name, null, whole.StartsWith("Scenario '", StringComparison.Ordinal) ? whole : $"Scenario '{scenario.Name}': {whole}")];
        return each.Select(p => new SimulationProblem(scenario.Name, p.Index, p.Message!));
    }

    private static string? ExecutorProblem(AmazonDynamoDBClient client, RunPlan plan, ScenarioPlan scenario, TablePlan table, DataSetPlan dataSet)
    {
        try
        {
            _ = new DynamoDbOperationExecutor(client, scenario, table, dataSet, DataModels.For(dataSet), plan.Seed);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Creates the plan's tables in <paramref name="model"/> (on the <paramref name="clock"/> it runs on), records the
    /// seeded data sets' stored bytes, and builds the scenarios' executors.
    /// </summary>
    /// <param name="emission">How the simulator writes throttles (the reason a client reads); null for DynamoDB's way.</param>
    /// <exception cref="InvalidInputException">The plan has <see cref="Problems"/>; all of them are in the message.</exception>
    public static SimulatedTarget Create(RunPlan plan, ICapacityModel model, TimeProvider clock, ThrottleEmissionOptions? emission = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(clock);
        var problems = Problems(plan, model.Settings);
        if (problems.Count > 0)
            throw new InvalidInputException("The suite cannot be simulated: " + string.Join(" ", problems) + " " + Fix(plan.SuitePath ?? "SUITE.yaml"));

        var tables = new Dictionary<string, SimulatedTable>(StringComparer.Ordinal);
        foreach (var table in plan.Tables)
        {
            var pricing = CreateIn(model, table);
            if (plan.DataSets.FirstOrDefault(d => d.TableId == table.Id) is not { } dataSet)
                continue;
            var simulated = new SimulatedTable(table, dataSet, DataModels.For(dataSet), pricing, model, clock);
            RecordSeeded(simulated);
            tables.Add(table.Id, simulated);
        }

        var executors = new Dictionary<string, SimulatedExecutor>(StringComparer.Ordinal);
        foreach (var scenario in plan.Scenarios)
        {
            var table = tables[scenario.TableId];
            var keys = new KeySpace(scenario.Keys, plan.Seed, scenario.Name, table.DataSet.Items);
            var operations = scenario.Mix.Select(entry => Create(table, entry, keys, emission)).ToArray();
            executors.Add(scenario.Name, new SimulatedExecutor(keys, operations));
        }

        return new SimulatedTarget(tables, executors);
    }

    /// <summary>
    /// Creates the table in the model as the simulator does for a local run's CreateTable: the request the run sends
    /// (<see cref="TableSchema.CreateRequest"/>) read by the proxy's readers, with the suite's auto scaling applied.
    /// </summary>
    public static TablePricing CreateIn(ICapacityModel model, TablePlan table)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(table);
        using var request = CreateTableJson(table);
        var definition = TablePricing.CapacityOf(request.RootElement);
        if (SimulatorSetup.AutoScalingOf(table) is { } scaling)
            definition = scaling.ApplyTo(definition);
        model.CreateTable(definition);
        return TablePricing.FromCreateTable(request.RootElement, model.Settings);
    }

    /// <summary>The CreateTable request of a table as the SDK sends it (wire JSON).</summary>
    internal static JsonDocument CreateTableJson(TablePlan table)
    {
        var marshalled = CreateTableRequestMarshaller.Instance.Marshall(TableSchema.CreateRequest(table));
        // The SDK writes the body to a pooled stream (Content stays empty); read it as the proxy would receive it.
        if (marshalled.ContentStream is { } stream)
        {
            using (stream)
            {
                stream.Position = 0;
                return JsonDocument.Parse(stream);
            }
        }

        return JsonDocument.Parse(marshalled.Content);
    }

    private static TablePricing PricingOf(TablePlan table, CapacitySettings settings)
    {
        using var request = CreateTableJson(table);
        return TablePricing.FromCreateTable(request.RootElement, settings);
    }

    /// <summary>
    /// The data set's stored bytes as seeding leaves them (item sizes plus the per-item overhead), so size splits and
    /// storage start where a real run's do: every item of a small set, an even sample of a large one, scaled up.
    /// </summary>
    private static void RecordSeeded(SimulatedTable table)
    {
        long items = table.DataSet.Items;
        if (items <= 0)
            return;
        int samples = (int)Math.Min(items, StorageSamples);
        long sampled = 0;
        for (int k = 0; k < samples; k++)
        {
            long index = (long)((double)k * items / samples);
            sampled += table.Pricing.StoredBytesDelta(null, table.ImageOf(table.Model.CreateItem(table.DataSet.Seed, index, table.Plan)));
        }

        long total = samples == items ? sampled : (long)Math.Round((double)sampled * items / samples);
        table.Capacity.RecordStoredBytes(table.Plan.Name, total);
    }

    private static string? OptionProblem(TablePlan table, TablePricing pricing, OperationWeight entry)
    {
        if (!Supported.Contains(entry.Kind))
        {
            return $"simulate does not carry out {entry.Operation} yet; it supports {string.Join(", ", Supported.Select(OperationKinds.Name))}";
        }

        var options = entry.Options;
        if (entry.Kind is OperationKind.Put or OperationKind.Update or OperationKind.Delete)
        {
            ExistenceCondition.Parse(options.Condition, table, out var problem);
            if (problem is not null)
                return problem;
        }

        return entry.Kind switch
        {
            OperationKind.Update => SimulatedUpdate.Problem(options),
            OperationKind.Query => SimulatedQuery.Problem(pricing, options),
            _ => null,
        };
    }

    private static SimulatedOperation Create(SimulatedTable table, OperationWeight entry, KeySpace keys, ThrottleEmissionOptions? emission)
    {
        var options = entry.Options;
        var condition = ExistenceCondition.Parse(options.Condition, table.Plan, out _) ?? ExistenceCondition.None;
        return entry.Kind switch
        {
            OperationKind.Get => new SimulatedGet(table, options, emission),
            OperationKind.Put => new SimulatedPut(table, options.NewItems, keys, options.NewItems ? condition.AndAbsent() : condition, emission),
            OperationKind.Update => new SimulatedUpdate(table, options, condition, emission),
            OperationKind.Delete => new SimulatedDelete(table, condition, emission),
            OperationKind.Query => new SimulatedQuery(table, options, emission),
            _ => throw new InvalidInputException($"simulate does not carry out {entry.Operation}."),
        };
    }

    /// <summary>A client that is never called: the real executor's constructor checks the plan with it.</summary>
    private static AmazonDynamoDBClient UnusedClient() =>
        new(new AnonymousAWSCredentials(), new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1", MaxErrorRetry = 0 });
}
