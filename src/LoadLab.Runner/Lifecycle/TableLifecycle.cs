using LoadLab.Core.Errors;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Runner.Safety;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Tables;

namespace LoadLab.Runner.Lifecycle;

/// <summary>
/// The life of a run's tables: created tagged as LoadLab's (or, on prod, only described and required to exist),
/// described before and after, and deleted at the end only when asked, only when this run created them, and
/// only with LoadLab's tag. The guards (prefix, prod) have run before any of this.
/// </summary>
internal sealed class TableLifecycle(IAmazonDynamoDB client, RunPlan plan, Action<string> info)
{
    /// <summary>Creates missing tables (tagged) and waits until ACTIVE; with <paramref name="create"/> false (prod) a missing table is refused.</summary>
    /// <exception cref="InvalidInputException">Exit 3: a table is missing on prod, or exists with another schema.</exception>
    public async Task<IReadOnlyList<PreparedTable>> PrepareAsync(bool create, CancellationToken stop)
    {
        var prepared = new List<PreparedTable>();
        if (!create)
        {
            var missing = new List<string>();
            foreach (var table in plan.Tables)
            {
                var state = await TableStates.DescribeAsync(client, table.Name, stop).ConfigureAwait(false);
                if (state is null) missing.Add(table.Name);
                else prepared.Add(new PreparedTable(table, Created: false, state));
            }

            if (missing.Count > 0)
                throw new CannotRunException($"Refusing to run on {plan.Environment}: table(s) {string.Join(", ", missing)} do not exist, and LoadLab creates no tables there. Nothing was touched.");
            foreach (var table in prepared)
                info($"Using existing table {table.Plan.Name} (read only)");
            return prepared;
        }

        var tags = TableTags.For(plan.RunId, plan.SuiteName);
        foreach (var table in plan.Tables)
        {
            bool created;
            try
            {
                created = await TableProvisioner.EnsureTableAsync(client, table, tags, TableWaitOptions.Default, stop).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                // An existing table whose keys differ from the suite's: nothing was changed.
                throw new CannotRunException(e.Message);
            }

            info(created ? $"Created table {table.Name} (tagged {TableTags.CreatedBy}={TableTags.CreatedByValue})" : $"Using existing table {table.Name}");
            prepared.Add(new PreparedTable(table, created, await TableStates.DescribeAsync(client, table.Name, stop).ConfigureAwait(false)));
        }

        return prepared;
    }

    /// <summary>
    /// Re-seeding a <c>keep: true</c> table that already holds items overwrites what is there: asks first (or --yes).
    /// A scratch table (no keep) is overwritten freely; seeding writes the same keys each time.
    /// </summary>
    public async Task ConfirmReseedAsync(IReadOnlyList<PreparedTable> tables, bool yes, IConfirmation confirmation, CancellationToken stop)
    {
        var seeded = plan.DataSets.Select(d => d.TableId).ToHashSet(StringComparer.Ordinal);
        var holding = new List<string>();
        foreach (var table in tables.Where(t => t.Plan.Keep && !t.Created && seeded.Contains(t.Plan.Id)))
        {
            if (await HoldsItemsAsync(table.Plan.Name, stop).ConfigureAwait(false))
                holding.Add(table.Plan.Name);
        }

        if (holding.Count > 0)
            ConfirmationGuard.Require($"re-seed kept table(s) {string.Join(", ", holding)}, which already hold items (same keys are overwritten)", yes, confirmation);
    }

    /// <summary>DescribeTable after the run; with <paramref name="teardown"/>, deletes the tables this run created (not kept ones).</summary>
    public async Task<IReadOnlyList<TableReport>> FinishAsync(IReadOnlyList<PreparedTable> tables, bool teardown, Action<string> warn)
    {
        var reports = new List<TableReport>();
        // Not the run's stop token: after Ctrl+C the states are still worth a few quick requests.
        using var time = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var table in tables)
        {
            TableState? after = null;
            bool deleted = false;
            try
            {
                after = await TableStates.DescribeAsync(client, table.Plan.Name, time.Token).ConfigureAwait(false);
                if (teardown && table.Created && !table.Plan.Keep)
                {
                    var outcome = await TableTeardown.DeleteIfLoadLabsAsync(client, table.Plan.Name, time.Token).ConfigureAwait(false);
                    deleted = outcome == TeardownOutcome.Deleted;
                    info(deleted ? $"Deleted table {table.Plan.Name} (created by this run)" : $"Left table {table.Plan.Name}: {outcome}");
                }
            }
            // The target may have died during the load (a network error then): the results are still written.
            catch (Exception e) when (e is AmazonDynamoDBException or Amazon.Runtime.AmazonClientException or OperationCanceledException or HttpRequestException or IOException)
            {
                warn($"Could not describe or tear down table {table.Plan.Name} after the run: {e.Message}");
            }

            reports.Add(new TableReport(table.Plan.Name, table.Created, table.Plan.Keep, table.Before, after, deleted));
        }

        return reports;
    }

    // ItemCount lags by hours on AWS; one item of a Scan says at once whether the table is empty.
    private async Task<bool> HoldsItemsAsync(string tableName, CancellationToken stop)
    {
        var response = await client.ScanAsync(new ScanRequest { TableName = tableName, Limit = 1, Select = Select.COUNT }, stop).ConfigureAwait(false);
        return response.Count > 0;
    }
}
