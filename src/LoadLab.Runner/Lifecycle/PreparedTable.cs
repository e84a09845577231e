using LoadLab.Core.Plans;
using LoadLab.Core.Results;

namespace LoadLab.Runner.Lifecycle;

/// <summary>A table of the plan once it exists: whether this run created it, and DescribeTable before anything was written.</summary>
internal sealed record PreparedTable(TablePlan Plan, bool Created, TableState? Before);
