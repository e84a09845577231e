namespace LoadLab.DynamoDb.Driver;

/// <summary>What a DynamoDB implementation supports beyond the item, query, scan and batch APIs every one has.</summary>
/// <param name="Name">How messages name the target.</param>
/// <param name="Transactions">TransactWriteItems and TransactGetItems.</param>
public sealed record TargetCapabilities(string Name, bool Transactions)
{
    /// <summary>AWS, and DynamoDB Local: everything.</summary>
    public static readonly TargetCapabilities DynamoDb = new("DynamoDB", Transactions: true);

    /// <summary>The embedded local target: dynalite 4 answers the transaction APIs with UnknownOperationException.</summary>
    public static readonly TargetCapabilities Dynalite = new("dynalite (the local target)", Transactions: false);
}
