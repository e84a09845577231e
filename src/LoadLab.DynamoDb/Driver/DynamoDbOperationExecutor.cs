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
/// </summary>
public sealed class DynamoDbOperationExecutor : IOperationExecutor
{
    private readonly DriverOperation[] operations;
    private readonly UniformIndexPicker picker;

    /// <exception cref="ArgumentException">An operation of the mix or the key distribution is not supported, or the plans do not belong together.</exception>
    public DynamoDbOperationExecutor(
        IAmazonDynamoDB client,
        ScenarioPlan scenario,
        TablePlan table,
        DataSetPlan dataSet,
        IDataModel model,
        long runSeed,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(model);
        if (!string.Equals(scenario.TableId, table.Id, StringComparison.Ordinal) || !string.Equals(dataSet.TableId, table.Id, StringComparison.Ordinal))
            throw new ArgumentException($"Scenario '{scenario.Name}' targets table '{scenario.TableId}' and its data set '{dataSet.TableId}', but the table given is '{table.Id}'.", nameof(table));
        if (!string.Equals(scenario.Keys.Kind, KeyDistributionPlan.Uniform.Kind, StringComparison.Ordinal))
            throw new ArgumentException($"Scenario '{scenario.Name}': key distribution '{scenario.Keys.Kind}' is not supported by the DynamoDB executor yet. Allowed: uniform.", nameof(scenario));

        var time = timeProvider ?? TimeProvider.System;
        operations = scenario.Mix
            .Select(m => DriverOperations.Create(m.Operation, client, table, model, dataSet.Seed, time))
            .ToArray();
        picker = new UniformIndexPicker(runSeed, scenario.Name, dataSet.Items);
    }

    /// <summary>Item index the request with this sequence number targets (exposed for tests and traces).</summary>
    public long IndexOf(long sequence) => picker.Pick(sequence);

    public async ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        var operation = operations[request.OperationIndex];
        long index = picker.Pick(request.Sequence);
        // Set inside this async method, so the record is visible to the SDK call below and gone when we return.
        var attempts = AttemptScope.Begin();
        try
        {
            var consumed = await operation.InvokeAsync(index, request.Sequence, cancellationToken).ConfigureAwait(false);
            var (read, write) = ConsumedUnits.Of(consumed, operation.IsWrite);
            int throttled = attempts.ThrottledAttempts;
            // On success the reason still says why earlier attempts were throttled, so recovered throttles can be explained.
            return new OperationOutcome(OutcomeKind.Ok, AttemptsOf(attempts), throttled, read, write, throttled > 0 ? attempts.LastThrottleReason : null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var (kind, reason) = OutcomeClassifier.Classify(ex);
            int throttled = attempts.ThrottledAttempts;
            // A client without the observer still reports the final throttle.
            if (kind == OutcomeKind.Throttled && throttled == 0)
                throttled = 1;
            return new OperationOutcome(kind, AttemptsOf(attempts), throttled, 0, 0, reason);
        }
    }

    // Without the observer in the pipeline nothing is counted; one attempt is the honest minimum.
    private static int AttemptsOf(AttemptRecord record) => Math.Max(1, record.Attempts);
}
