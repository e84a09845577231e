using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// One operation of a mix as bound, with the nodes <see cref="SuiteValidator"/> needs to check it against the
/// scenario's table (sort key, indexes), and the entry when the operation itself had no error.
/// </summary>
internal sealed record OperationDraft(
    ScalarNode NameNode,
    Node? IndexNode,
    Node? SortKeyNode,
    SortKeyCondition? SortKey,
    OperationWeight? Entry,
    Node? ConsistentNode = null,
    Node? StatementParamsNode = null)
{
    public string Operation => NameNode.Value;
}

/// <summary>A scenario's <c>keys:</c> as bound, with the node of a hot key index for the check against the data set's size.</summary>
internal sealed record KeysDraft(KeyDistributionPlan? Plan, Node? HotKeyIndexNode);
