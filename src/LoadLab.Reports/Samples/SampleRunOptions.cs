namespace LoadLab.Reports.Samples;

/// <summary>One operation of a sample scenario: its rate, typical latency and consumed units per call.</summary>
/// <param name="OpsPerSecond">Arrivals per second once the ramp is done.</param>
/// <param name="MedianMs">Median service time.</param>
/// <param name="ThrottleReasons">Reasons this operation is throttled with during the hot-key burst; empty = never throttled.</param>
public sealed record SampleOperation(
    string Name,
    double OpsPerSecond,
    double MedianMs,
    double ReadUnits = 0,
    double WriteUnits = 0,
    IReadOnlyList<string>? ThrottleReasons = null);

public sealed record SampleScenario(string Name, string Table, IReadOnlyList<SampleOperation> Operations);

/// <summary>Shape of a synthetic run made by <see cref="SampleRun.Create"/>.</summary>
public sealed record SampleRunOptions
{
    /// <summary>Intervals of one second each.</summary>
    public int Intervals { get; init; } = 120;

    public int Seed { get; init; } = 42;

    public string Suite { get; init; } = "orders-release-check";

    /// <summary>Two scenarios, three operations; put and get are throttled in a burst (hot key).</summary>
    public IReadOnlyList<SampleScenario> Scenarios { get; init; } =
    [
        new("browse", "orders",
        [
            new("get", 60, 4, ReadUnits: 0.5, ThrottleReasons: ["KeyRangeReadProvisionedThroughputExceeded"]),
            new("query", 25, 9, ReadUnits: 2),
        ]),
        new("checkout", "orders",
        [
            new("put", 15, 7, WriteUnits: 1, ThrottleReasons: ["KeyRangeWriteProvisionedThroughputExceeded", "TableWriteProvisionedThroughputExceeded"]),
        ]),
    ];

    /// <summary>Ten operations over two tables, for sizing and timing long runs.</summary>
    public static IReadOnlyList<SampleScenario> TenOperations { get; } =
    [
        new("browse", "orders",
        [
            new("get", 60, 4, ReadUnits: 0.5, ThrottleReasons: ["KeyRangeReadProvisionedThroughputExceeded"]),
            new("query", 25, 9, ReadUnits: 2),
            new("batchGet", 10, 12, ReadUnits: 5),
            new("scan", 2, 40, ReadUnits: 50),
            new("queryByStatus", 8, 11, ReadUnits: 3),
        ]),
        new("checkout", "carts",
        [
            new("put", 15, 7, WriteUnits: 1, ThrottleReasons: ["KeyRangeWriteProvisionedThroughputExceeded", "TableWriteProvisionedThroughputExceeded"]),
            new("update", 12, 8, WriteUnits: 1),
            new("delete", 3, 6, WriteUnits: 1),
            new("transactWrite", 4, 18, WriteUnits: 4),
            new("batchWrite", 5, 15, WriteUnits: 10, ThrottleReasons: ["TableWriteProvisionedThroughputExceeded"]),
        ]),
    ];
}
