namespace LoadLab.Core.Plans;

/// <summary>The operations a scenario's mix may use; suites and results name them as <see cref="OperationKinds.Name"/> writes them.</summary>
public enum OperationKind
{
    Get,
    Put,
    Update,
    Delete,
    Query,
    Scan,
    BatchGet,
    BatchWrite,
    TransactGet,
    TransactWrite,
    Statement,
}

/// <summary>The one vocabulary of operations: names as written in suites and results, and what each does.</summary>
public static class OperationKinds
{
    private static readonly OperationKind[] All = Enum.GetValues<OperationKind>();

    /// <summary>Every name a mix may use, in the order of <see cref="OperationKind"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(All.Select(Name).ToArray());

    /// <summary><c>get</c>, <c>batchWrite</c>, …: the enum name with a lower-case first letter.</summary>
    public static string Name(OperationKind kind) => kind switch
    {
        OperationKind.Get => "get",
        OperationKind.Put => "put",
        OperationKind.Update => "update",
        OperationKind.Delete => "delete",
        OperationKind.Query => "query",
        OperationKind.Scan => "scan",
        OperationKind.BatchGet => "batchGet",
        OperationKind.BatchWrite => "batchWrite",
        OperationKind.TransactGet => "transactGet",
        OperationKind.TransactWrite => "transactWrite",
        OperationKind.Statement => "statement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown operation."),
    };

    /// <summary>The kind named <paramref name="name"/> exactly as a suite writes it.</summary>
    public static bool TryParse(string name, out OperationKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static OperationKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new ArgumentException($"Unknown operation '{name}'. Allowed: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>
    /// Reads change nothing: the only operations LoadLab runs on prod. A <c>statement</c> is read or write by its verb,
    /// so it is not counted here: use <see cref="OperationWeight.IsRead"/>, which knows its text.
    /// </summary>
    public static bool IsRead(OperationKind kind) =>
        kind is OperationKind.Get or OperationKind.Query or OperationKind.Scan or OperationKind.BatchGet or OperationKind.TransactGet;

    /// <summary>The transaction APIs, which some emulators lack.</summary>
    public static bool IsTransaction(OperationKind kind) => kind is OperationKind.TransactGet or OperationKind.TransactWrite;

    /// <summary>Items per request at most: BatchWriteItem takes 25 writes, BatchGetItem 100 keys, transactions 100 actions.</summary>
    public static int MaxBatchSize(OperationKind kind) => kind == OperationKind.BatchWrite ? 25 : 100;
}
