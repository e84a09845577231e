using LoadLab.Core.Execution;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Driver;
using LoadLab.Tracing;

namespace LoadLab.Runner.Tracing;

/// <summary>Wraps a scenario's executor for tracing; the DynamoDB executor also gets its attempts captured and its item index hashed.</summary>
public static class DynamoDbTracing
{
    public static IOperationExecutor Wrap(TracingSession session, IOperationExecutor executor, ScenarioPlan scenario, string tableName)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(executor);
        var trace = executor is DynamoDbOperationExecutor dynamo
            ? new ScenarioTrace(scenario, tableName, DynamoDbCallCapture.Instance, dynamo.IndexOf)
            : new ScenarioTrace(scenario, tableName, capture: null, itemIndexOf: null);
        return session.Wrap(executor, trace);
    }
}
