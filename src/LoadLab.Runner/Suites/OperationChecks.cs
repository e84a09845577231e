using LoadLab.Core.Text;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Checks a scenario's operations and keys against its table and data set: queries need a sort key or an index,
/// indexes must exist, global indexes are never consistent, sort-key values must fit the key's type, and a hot key
/// must be one of the seeded items.
/// </summary>
internal static class OperationChecks
{
    public static void Check(ScenarioDraft scenario, IReadOnlyList<TableDraft> tables, IReadOnlyList<DataDraft> data, SuiteDiagnostics diagnostics)
    {
        if (scenario.TableNode is not { } tableNode || tables.FirstOrDefault(t => t.Id == tableNode.Value)?.Plan is not { } table)
            return;
        foreach (var operation in scenario.Operations ?? [])
        {
            if (operation.IndexNode is ScalarNode { IsNull: false } indexNode)
            {
                if (Index(operation, indexNode, table, diagnostics) is { } index && operation.Operation == "query")
                    CheckSortKey(operation, index.SortKey, $"index '{index.Name}'", diagnostics);
            }
            else if (operation.Operation == "query")
            {
                CheckTableQuery(operation, table, diagnostics);
            }

            if (table.SortKey is null && operation.Entry?.Options.Statement?.Parameters.Contains(StatementParameter.SortKey) == true)
                diagnostics.Add(operation.StatementParamsNode ?? operation.NameNode, $"mix.statement.params: table '{table.Id}' has no sort key, so there is no sk to bind; use pk only");
        }
        CheckHotKey(scenario, table, data, diagnostics);
    }

    private static IndexPlan? Index(OperationDraft operation, ScalarNode indexNode, TablePlan table, SuiteDiagnostics diagnostics)
    {
        var index = table.Indexes.FirstOrDefault(i => i.Name == indexNode.Value);
        if (index is null)
        {
            var names = table.Indexes.Select(i => i.Name).ToList();
            var known = names.Count == 0 ? "it has none (declare them under the table's indexes)" : "its indexes: " + string.Join(", ", names);
            diagnostics.Add(indexNode, $"mix.{operation.Operation}.index: table '{table.Id}' has no index '{indexNode.Value}'; {known}."
                + NameSuggestions.DidYouMean(indexNode.Value, names));
            return null;
        }
        if (index.Kind == IndexKind.Global && operation.ConsistentNode is ScalarNode { Value: "true" } consistent)
            diagnostics.Add(consistent, $"mix.{operation.Operation}.consistent: index '{index.Name}' is global, and global indexes are only eventually consistent");
        return index;
    }

    private static void CheckTableQuery(OperationDraft operation, TablePlan table, SuiteDiagnostics diagnostics)
    {
        if (table.SortKey is null && operation.SortKeyNode is null)
        {
            // With the partition key alone a query matches one item: that is a get, measured as one.
            diagnostics.Add(operation.NameNode, $"mix.query: table '{table.Id}' has no sort key, so a query reads one item like a get; query an index (index: …) or use get");
            return;
        }
        CheckSortKey(operation, table.SortKey, $"table '{table.Id}'", diagnostics);
    }

    private static void CheckSortKey(OperationDraft operation, KeyAttribute? sortKey, string owner, SuiteDiagnostics diagnostics)
    {
        if (operation.SortKeyNode is not { } node || operation.SortKey is not { } condition)
            return;
        if (sortKey is null)
        {
            diagnostics.Add(node, $"mix.query.sk: {owner} has no sort key to compare; drop sk, or query an index that has one");
            return;
        }
        if (sortKey.Type != "N")
            return;
        foreach (var value in new[] { condition.Value, condition.Upper }.OfType<string>())
        {
            if (!OptionReader.IsNumber(value))
                diagnostics.Add(node, $"mix.query.sk: sort key '{sortKey.Name}' is a number (N), found '{value}'");
        }
        if (condition.Operator == SortKeyOperator.BeginsWith)
            diagnostics.Add(node, $"mix.query.sk: beginsWith needs a text sort key, but '{sortKey.Name}' is a number (N); use between, lt, le, gt or ge");
    }

    private static void CheckHotKey(ScenarioDraft scenario, TablePlan table, IReadOnlyList<DataDraft> data, SuiteDiagnostics diagnostics)
    {
        if (scenario.Keys is not { Plan: { } keys, HotKeyIndexNode: { } node })
            return;
        if (data.FirstOrDefault(d => d.TableIdNode.Value == table.Id)?.Plan is not { } set)
            return;
        if (keys.HotKeyIndex >= set.Items)
        {
            diagnostics.Add(node, Formatting.Invariant(
                $"keys.hotKeyIndex: must be an item of the data set, 0 to {set.Items - 1:N0} (table '{table.Id}' is seeded with {set.Items:N0} items), found {keys.HotKeyIndex:N0}"));
        }
    }
}
