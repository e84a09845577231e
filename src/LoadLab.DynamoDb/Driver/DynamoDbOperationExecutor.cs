using Amazon.DynamoDBv2;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// Carries out a scenario's operations with the real SDK and returns every target outcome as a value. Attempts and
/// throttled attempts come from the client's attempt observer (clients from <see cref="DynamoDbClientFactory"/>).
/// Everything but the item index is resolved here, once, so an operation's hot path only builds its request.
/// </summary>
public sealed class DynamoDbOperationExecutor : IOperationExecutor
{
    /// <summary>The error code targets without an API answer with; recorded as <see cref="TargetSupport.NotSupportedReason"/>.</summary>
    private const string UnknownOperation = "UnknownOperationException";

    private readonly DriverOperation[] operations;
    private readonly KeySpace keys;

    /// <exception cref="ArgumentException">An operation of the mix, its options or the key distribution is not supported, or the plans do not belong together.</exception>
    public DynamoDbOperationExecutor(
        IAmazonDynamoDB client,
        ScenarioPlan scenario,
        TablePlan table,
        DataSetPlan dataSet,
        IDataModel model,
        long runSeed,
        TimeProvider? timeProvider = null,
        DriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(model);
        if (!string.Equals(scenario.TableId, table.Id, StringComparison.Ordinal) || !string.Equals(dataSet.TableId, table.Id, StringComparison.Ordinal))
            throw new ArgumentException($"Scenario '{scenario.Name}' targets table '{scenario.TableId}' and its data set '{dataSet.TableId}', but the table given is '{table.Id}'.", nameof(table));

        options ??= DriverOptions.Default;
        keys = new KeySpace(scenario.Keys, runSeed, scenario.Name, dataSet.Items, options.Shard);
        var context = new DriverContext(client, table, model, dataSet.Seed, timeProvider ?? TimeProvider.System, keys, options);
        operations = [.. scenario.Mix.Select(entry => Create(scenario, entry, context))];
        Warnings = TargetSupport.Warnings(scenario, options.Target);
    }

    /// <summary>
    /// Operations of the mix the target cannot carry out, one message each, known before any request: show them
    /// before the run. Those operations are recorded as clientError <see cref="TargetSupport.NotSupportedReason"/>.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Item index the request with this sequence number targets (exposed for tests and traces).</summary>
    public long IndexOf(long sequence) => keys.Next(sequence);

    /// <summary>Index of the newest item known to exist: the last seeded one until inserting writes (<c>new: true</c>) add more.</summary>
    public long NewestIndex => keys.Newest;

    /// <summary>
    /// Index of this scenario's first inserted item. Each scenario inserts into a range of its own (chosen by its
    /// name), so scenarios inserting into one table never collide; a rerun against a kept table does, as conditionFailed.
    /// </summary>
    public long NewItemsStart => keys.NewItemsStart;

    public async ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        var operation = operations[request.OperationIndex];
        long index = keys.Next(request.Sequence);
        // Set inside this async method, so the record is visible to the SDK calls below and gone when we return.
        var attempts = AttemptScope.Begin();
        try
        {
            var tally = await operation.InvokeAsync(index, request.Sequence, cancellationToken).ConfigureAwait(false);
            if (tally.Error is { } error)
                return Failed(error, attempts, tally);
            int throttled = attempts.ThrottledAttempts;
            // On success the reason still says why earlier attempts were throttled, so recovered throttles can be explained.
            var reason = tally.Reason ?? (throttled > 0 ? attempts.LastThrottleReason : null);
            return WithItems(new OperationOutcome(tally.Kind, AttemptsOf(attempts, tally.Requests), throttled, tally.Read, tally.Write, reason) { InjectedAttempts = attempts.InjectedAttempts }, tally);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Failed(ex, attempts, new OperationTally(0, 0, Requests: 1));
        }
    }

    private static DriverOperation Create(ScenarioPlan scenario, OperationWeight entry, DriverContext context)
    {
        try
        {
            return DriverOperations.Create(entry, context);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Scenario '{scenario.Name}', operation '{entry.Operation}': {e.Message}", nameof(scenario), e);
        }
    }

    private static OperationOutcome Failed(Exception error, AttemptRecord attempts, OperationTally tally)
    {
        var (kind, reason) = OutcomeClassifier.Classify(error);
        // A target without the API (dynalite and the transaction calls) says so in a generic way; name it plainly.
        if (reason == UnknownOperation)
            reason = TargetSupport.NotSupportedReason;
        int throttled = attempts.ThrottledAttempts;
        // A client without the observer still reports the final throttle.
        if (kind == OutcomeKind.Throttled && throttled == 0)
            throttled = 1;
        // Units the earlier pages or batches consumed were consumed all the same.
        var outcome = new OperationOutcome(kind, AttemptsOf(attempts, tally.Requests), throttled, tally.Read, tally.Write, reason)
        {
            InjectedAttempts = attempts.InjectedAttempts,
            Injected = OutcomeClassifier.IsInjected(error),
        };
        return WithItems(outcome, tally);
    }

    private static OperationOutcome WithItems(OperationOutcome outcome, in OperationTally tally) =>
        tally.ItemsReturned == 0 && tally.ItemsScanned == 0 && tally.Pages == 0 && tally.UnprocessedRetries == 0 && tally.UnprocessedItems == 0
            ? outcome
            : outcome with
            {
                ItemsReturned = tally.ItemsReturned,
                ItemsScanned = tally.ItemsScanned,
                Pages = tally.Pages,
                UnprocessedRetries = tally.UnprocessedRetries,
                UnprocessedItems = tally.UnprocessedItems,
            };

    // Attempts counts HTTP attempts over all of the operation's requests; only those beyond each request's first
    // are retries, so a three-page query without retries reports one attempt. Without the observer in the
    // pipeline nothing is counted; one attempt is the honest minimum.
    private static int AttemptsOf(AttemptRecord record, int requests) => Math.Max(1, record.Attempts - Math.Max(0, requests - 1));
}
