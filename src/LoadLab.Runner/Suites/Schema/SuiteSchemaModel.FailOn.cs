using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>failOn: what fails a run besides its budgets.</summary>
internal sealed partial class SuiteSchemaModel
{
    private void DefineFailOn() =>
        Define("failOn", Place(
            SuiteKeys.FailOn,
            new()
            {
                ["errorRate"] = OneOf(
                        "Ceiling on failed operations (client, server, timeout and network errors, injected faults included) as a share of completed ones, over every scenario and operation of the run; above it the run fails (exit code 1). Default 1% when no budget of the suite bounds errors; off turns it off.",
                        Ref("percentLimit"),
                        Enum([FailOnBinder.Off]))
                    .Examples("1%", "< 0.5%", FailOnBinder.Off),
                ["unreachableFor"] = Ref("duration", "How long operations may end in network errors and timeouts only, without a single answer from the target, before the run stops, writes its results and fails (exit code 3). From 1s to 10m; default 5s."),
                ["seedingStalledFor"] = Ref("duration", "How long seeding may go without writing a single item before it gives up (exit code 3); until then unprocessed and throttled items are retried with backoff. From 1s to 1h; default 1m."),
            },
            "What fails a run besides its budgets, so CI never passes a run that mostly failed or whose target died."));
}
