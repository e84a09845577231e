namespace LoadLab.DynamoDb.Driver;

/// <summary>What a DynamoDB implementation supports beyond the item, query, scan and batch APIs every one has.</summary>
/// <param name="Name">How messages name the target.</param>
/// <param name="Transactions">TransactWriteItems and TransactGetItems.</param>
public sealed record TargetCapabilities(string Name, bool Transactions)
{
    /// <summary>AWS, and DynamoDB Local: everything.</summary>
    public static readonly TargetCapabilities DynamoDb = new("DynamoDB", Transactions: true);

    /// <summary>
    /// The embedded local target: dynalite behind LoadLab's capacity simulator, which carries out
    /// TransactWriteItems and TransactGetItems itself (dynalite has neither), so nothing is left unsupported.
    /// </summary>
    public static readonly TargetCapabilities LocalTarget = new("the local target (dynalite behind LoadLab's simulator)", Transactions: true);

    /// <summary>dynalite 4 reached without the simulator: it answers the transaction APIs with UnknownOperationException.</summary>
    public static readonly TargetCapabilities Dynalite = new("dynalite (the local target)", Transactions: false);
}
