namespace LoadLab.Runner.Planning;

/// <summary>
/// Capacity units one operation is expected to consume. <see cref="Index"/> names the secondary index whose own
/// capacity the reads draw on (a query or scan of a global index); null means the table's (local indexes share it).
/// </summary>
public sealed record UnitCost(double ReadUnits, double WriteUnits, string? Index = null);
