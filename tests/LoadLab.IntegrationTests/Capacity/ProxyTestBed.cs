using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.DynamoDb.Client;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>How the test bed's SDK client reaches the simulator.</summary>
public enum ProxyTransport
{
    /// <summary>HTTP over loopback TCP to Kestrel, as any client of <c>loadlab local</c>.</summary>
    Loopback,

    /// <summary>The in-process handler, as LoadLab's own runs against the local target.</summary>
    InProcess,
}

/// <summary>
/// The capacity proxy in front of the shared dynalite, with a scripted model and a real AWS SDK client
/// pointed at the proxy (over loopback or in process). Tables get fresh names and are deleted on dispose.
/// </summary>
internal sealed class ProxyTestBed : IAsyncDisposable
{
    private readonly List<string> tables = [];
    private readonly bool initializeCollections;

    private ProxyTestBed(CapacityProxy proxy, ICapacityModel model, ProxyTransport transport)
    {
        Proxy = proxy;
        AnyModel = model;
        // The SDK's collections stay null unless asked (ThrottlingReasons among them). A process-wide
        // switch: restored on dispose so other tests see the SDK's default.
        initializeCollections = AWSConfigs.InitializeCollections;
        AWSConfigs.InitializeCollections = true;
        var config = new AmazonDynamoDBConfig { ServiceURL = proxy.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 2 };
        if (transport == ProxyTransport.InProcess)
            config.HttpClientFactory = new InProcessHttpClientFactory(proxy.CreateInProcessHandler());
        Client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
    }

    public CapacityProxy Proxy { get; }

    /// <summary>The scripted model most tests use (the real model for tests that give one).</summary>
    public ScriptedCapacityModel Model => AnyModel as ScriptedCapacityModel ?? throw new InvalidOperationException("This test bed runs the real capacity model; use AnyModel.");

    public ICapacityModel AnyModel { get; }

    public AmazonDynamoDBClient Client { get; }

    public static Task<ProxyTestBed> StartAsync(
        LocalTargetFixture fixture, ScriptedCapacityModel? model = null, ThrottleEmissionOptions? emission = null, ProxyTransport transport = ProxyTransport.Loopback) =>
        StartAsync(new CapacityProxyOptions { Upstream = fixture.Endpoint, Emission = emission ?? new ThrottleEmissionOptions() }, model ?? new ScriptedCapacityModel(), transport);

    /// <summary>A test bed in front of an emulator of the test's own (one it may crash, restart or stop).</summary>
    public static async Task<ProxyTestBed> StartAsync(CapacityProxyOptions options, ICapacityModel model, ProxyTransport transport = ProxyTransport.Loopback)
    {
        var proxy = await CapacityProxy.StartAsync(options, model, CancellationToken.None);
        return new ProxyTestBed(proxy, model, transport);
    }

    /// <summary>Creates a table (pk S, sk S; a GSI byStatus when asked) through the proxy.</summary>
    public async Task<string> CreateTableAsync(bool onDemand = false, long read = 100, long write = 50, bool withIndex = false)
    {
        string name = "cap_" + Guid.NewGuid().ToString("N")[..12];
        var request = new CreateTableRequest
        {
            TableName = name,
            AttributeDefinitions =
            [
                new AttributeDefinition("pk", ScalarAttributeType.S),
                new AttributeDefinition("sk", ScalarAttributeType.S),
            ],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            BillingMode = onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED,
            ProvisionedThroughput = onDemand ? null : new ProvisionedThroughput(read, write),
        };
        if (withIndex)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition("status", ScalarAttributeType.S));
            request.GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "byStatus",
                    KeySchema = [new KeySchemaElement("status", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    ProvisionedThroughput = onDemand ? null : new ProvisionedThroughput(10, 5),
                },
            ];
        }

        await Client.CreateTableAsync(request);
        tables.Add(name);
        await WaitUntilActiveAsync(Client, name);
        return name;
    }

    /// <summary>
    /// dynalite turns a table ACTIVE on its next timer tick; on a loaded machine a request can beat
    /// that tick and get ResourceNotFound. Wait for ACTIVE like any real client would.
    /// </summary>
    public static async Task WaitUntilActiveAsync(IAmazonDynamoDB client, string table)
    {
        for (int i = 0; i < 200; i++)
        {
            var status = (await client.DescribeTableAsync(table)).Table.TableStatus;
            if (status == TableStatus.ACTIVE) return;
            await Task.Delay(25);
        }
    }

    public static Dictionary<string, AttributeValue> Item(string pk, string sk, int payloadBytes = 0, string? status = null)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new AttributeValue { S = pk },
            ["sk"] = new AttributeValue { S = sk },
        };
        if (payloadBytes > 0)
            item["payload"] = new AttributeValue { S = new string('x', payloadBytes) };
        if (status is not null)
            item["status"] = new AttributeValue { S = status };
        return item;
    }

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => Item(pk, sk);

    public async ValueTask DisposeAsync()
    {
        if (AnyModel is ScriptedCapacityModel scripted)
            scripted.Refuse = _ => null;
        foreach (string table in tables)
        {
            try
            {
                await Client.DeleteTableAsync(table);
            }
            catch (ResourceNotFoundException)
            {
                // Already gone.
            }
            catch (InternalServerErrorException)
            {
                // The emulator itself is gone (tests that stop it), and its tables with it.
            }
        }

        Client.Dispose();
        await Proxy.DisposeAsync();
        AWSConfigs.InitializeCollections = initializeCollections;
    }
}
