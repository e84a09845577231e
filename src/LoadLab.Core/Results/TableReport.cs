namespace LoadLab.Core.Results;

/// <summary>A table of the run as DynamoDB described it before the load and after it (results.json <c>tables[]</c>).</summary>
/// <param name="Name">Physical table name, prefix included.</param>
/// <param name="Created">True when this run created the table (tagged <c>loadlab:run-id</c> with the run's id).</param>
/// <param name="Kept">The suite marks the table <c>keep: true</c>: teardown leaves it.</param>
/// <param name="Before">DescribeTable before seeding and load; null when the table did not exist yet.</param>
/// <param name="After">DescribeTable after the load; null when it could not be described (interrupted, deleted).</param>
/// <param name="Deleted">True when the run's teardown deleted the table afterwards.</param>
public sealed record TableReport(string Name, bool Created, bool Kept, TableState? Before, TableState? After, bool Deleted = false);

/// <summary>
/// One DescribeTable answer. DynamoDB refreshes <see cref="ItemCount"/> and <see cref="SizeBytes"/> about every six hours,
/// so on AWS they lag; dynalite always reports 0 for both.
/// </summary>
/// <param name="Status">CREATING, ACTIVE, UPDATING, DELETING.</param>
/// <param name="BillingMode">PAY_PER_REQUEST or PROVISIONED.</param>
/// <param name="ReadUnits">Provisioned read capacity units (0 on demand).</param>
/// <param name="WriteUnits">Provisioned write capacity units (0 on demand).</param>
/// <param name="MaxReadUnits">On-demand maximum read request units per second, or null.</param>
/// <param name="MaxWriteUnits">On-demand maximum write request units per second, or null.</param>
/// <param name="WarmReadUnits">Warm throughput: read units per second the table serves at once, or null when not reported.</param>
/// <param name="WarmWriteUnits">Warm throughput: write units per second, or null.</param>
public sealed record TableState(
    string Status,
    string BillingMode,
    long ReadUnits,
    long WriteUnits,
    long? MaxReadUnits,
    long? MaxWriteUnits,
    long ItemCount,
    long SizeBytes,
    long? WarmReadUnits,
    long? WarmWriteUnits,
    IReadOnlyList<string> Indexes);
