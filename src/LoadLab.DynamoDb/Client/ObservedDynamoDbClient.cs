using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace LoadLab.DynamoDb.Client;

/// <summary>
/// A DynamoDB client whose pipeline contains <see cref="AttemptObserverHandler"/> just inside the retry handler.
/// </summary>
/// <remarks>
/// A subclass rather than <c>RuntimePipelineCustomizerRegistry</c>: the registry is process-wide and applies to every
/// client built after registration (other tools, tests running in parallel), and it cannot be undone per client.
/// Overriding <c>CustomizeRuntimePipeline</c> scopes the observer to the clients LoadLab builds, with no global state.
/// </remarks>
internal sealed class ObservedDynamoDbClient : AmazonDynamoDBClient
{
    public ObservedDynamoDbClient(AWSCredentials? credentials, AmazonDynamoDBConfig config)
        : base(credentials, config)
    {
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        // After (inside) RetryHandler: the handler runs once per HTTP attempt, not once per logical call.
        pipeline.AddHandlerAfter<RetryHandler>(new AttemptObserverHandler());
    }
}
