using System.Text.Json;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Tables;

namespace LoadLab.Capacity.Proxy.Operations;

internal enum TransactionActionKind
{
    Put,
    Update,
    Delete,
    ConditionCheck,
    Get,
}

/// <summary>One action of a TransactWriteItems or TransactGetItems.</summary>
internal sealed class TransactionAction(TransactionActionKind kind, TableInfo table, PrimaryKey key, JsonElement body, JsonElement keySource)
{
    public TransactionActionKind Kind { get; } = kind;

    public TableInfo Table { get; } = table;

    public PrimaryKey Key { get; } = key;

    /// <summary>The action's own object (Put, Update, …: TableName, Item/Key, expressions).</summary>
    public JsonElement Body { get; } = body;

    public JsonElement KeySource { get; } = keySource;

    public ItemShadow? Before { get; set; }

    public ItemShadow? After { get; set; }

    /// <summary>The item as stored before the transaction (its JSON), to put back on a rollback and to return on a failed condition.</summary>
    public string? BeforeImage { get; set; }

    /// <summary>True once the emulator carried the action out (so a rollback must undo it).</summary>
    public bool Applied { get; set; }

    public Transactions.ItemRef Ref => new(Table.Name, Key.Id);

    public static string? KindMember(JsonElement action, out TransactionActionKind kind)
    {
        foreach (var (name, value) in new[]
        {
            ("Put", TransactionActionKind.Put), ("Update", TransactionActionKind.Update), ("Delete", TransactionActionKind.Delete),
            ("ConditionCheck", TransactionActionKind.ConditionCheck), ("Get", TransactionActionKind.Get),
        })
        {
            if (action.ValueKind == JsonValueKind.Object && action.TryGetProperty(name, out _))
            {
                kind = value;
                return name;
            }
        }

        kind = default;
        return null;
    }
}
