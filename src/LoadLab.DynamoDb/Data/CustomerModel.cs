using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data.BuiltIn;

namespace LoadLab.DynamoDb.Data;

/// <summary>
/// The <c>customer</c> model with its defaults: a profile of about 250 bytes (name, email, phone, city, country,
/// createdAt, tier, balance), partition key <c>CUSTOMER#{index:D10}</c>, sort key <c>PROFILE</c> (N keys: the index
/// and 0). Kept as a named instance for callers that predate <see cref="DataModels.For"/>.
/// </summary>
public sealed class CustomerModel : IDataModel
{
    public const string ModelName = CustomerGenerator.ModelName;
    public const string KeyPrefix = "CUSTOMER#";
    public const string SortKeyValue = "PROFILE";

    public static readonly CustomerModel Instance = new();

    private readonly DataSetModel model = new(
        DataModels.Generator(ModelName, DataSetPlan.DefaultLocale),
        new DataSetPlan { TableId = string.Empty, Model = ModelName, Items = 0, Seed = 0 });

    private CustomerModel()
    {
    }

    public string Name => ModelName;

    public Dictionary<string, AttributeValue> CreateItem(long seed, long index, TablePlan table) => model.CreateItem(seed, index, table);

    public Dictionary<string, AttributeValue> KeyOf(long index, TablePlan table) => model.KeyOf(index, table);
}
