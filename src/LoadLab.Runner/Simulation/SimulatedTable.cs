using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Pricing;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// One table of a simulated run: its plan and data set, the proxy's pricing of it, the capacity model it is admitted
/// by, and what it holds. Items are the seeded data set until written: item i's state is made on first touch from the
/// generated item (so only touched items take memory), keyed by item index as the real executor draws them.
/// Not thread-safe: the simulated engine calls from one thread.
/// </summary>
internal sealed class SimulatedTable
{
    /// <summary>At most this many bytes of generated items' wire JSON are kept, so writes need not generate them again.</summary>
    public const long MaxGeneratedJsonBytes = 256L << 20;

    private readonly Dictionary<long, ItemState> items = [];
    private readonly Dictionary<long, byte[]> generatedJson = [];
    private long generatedJsonBytes;
    private readonly List<PartitionDirectory> directories = [];

    public SimulatedTable(TablePlan plan, DataSetPlan dataSet, DataSetModel model, TablePricing pricing, ICapacityModel capacity, TimeProvider time)
    {
        Plan = plan;
        DataSet = dataSet;
        Model = model;
        Pricing = pricing;
        Capacity = capacity;
        Time = time;
    }

    public TablePlan Plan { get; }

    public DataSetPlan DataSet { get; }

    public DataSetModel Model { get; }

    public TablePricing Pricing { get; }

    public ICapacityModel Capacity { get; }

    public TimeProvider Time { get; }

    public WireItems Wire { get; } = new();

    /// <summary>Items whose state is held (touched at least once).</summary>
    public int TouchedItems => items.Count;

    /// <summary>The state of item <paramref name="index"/>, made on first touch: a seeded item exists as generated, any other index is absent.</summary>
    public ItemState State(long index)
    {
        if (items.TryGetValue(index, out var state))
            return state;
        if (index < DataSet.Items)
        {
            using var document = JsonDocument.Parse(GeneratedJson(index));
            state = new ItemState(Pricing.KeyOf(document.RootElement), Pricing.ImageOf(document.RootElement), generated: true);
        }
        else
        {
            using var document = Wire.Item(Model.KeyOf(index, Plan));
            state = new ItemState(Pricing.KeyOf(document.RootElement), null, generated: false);
        }

        items.Add(index, state);
        return state;
    }

    /// <summary>
    /// The wire JSON of item <paramref name="index"/> as generated; kept (within <see cref="MaxGeneratedJsonBytes"/>)
    /// so a write of a touched item is sized without generating it again.
    /// </summary>
    public byte[] GeneratedJson(long index)
    {
        if (generatedJson.TryGetValue(index, out var json))
            return json;
        json = Wire.Bytes(Model.CreateItem(DataSet.Seed, index, Plan));
        if (generatedJsonBytes + json.Length <= MaxGeneratedJsonBytes)
        {
            generatedJson.Add(index, json);
            generatedJsonBytes += json.Length;
        }

        return json;
    }

    /// <summary>
    /// The image of item <paramref name="index"/> made of the generated item (or, when <paramref name="generated"/> is
    /// false, its key alone) with <paramref name="changes"/> written over it.
    /// </summary>
    public StoredImage ImageOf(long index, bool generated, Dictionary<string, AttributeValue>? changes)
    {
        if (!generated)
        {
            var item = Model.KeyOf(index, Plan);
            if (changes is not null)
            {
                foreach (var (name, value) in changes)
                    item[name] = value;
            }

            return ImageOf(item);
        }

        using var source = JsonDocument.Parse(GeneratedJson(index));
        using var document = Wire.Merged(source.RootElement, changes);
        return Pricing.ImageOf(document.RootElement);
    }

    /// <summary>The N value the generated item <paramref name="index"/> has for <paramref name="attribute"/>, or null.</summary>
    public string? GeneratedNumber(long index, string attribute)
    {
        using var source = JsonDocument.Parse(GeneratedJson(index));
        return source.RootElement.TryGetProperty(attribute, out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("N", out var number) ? number.GetString() : null;
    }

    /// <summary>The image of an item about to be stored.</summary>
    public StoredImage ImageOf(Dictionary<string, AttributeValue> item)
    {
        using var document = Wire.Item(item);
        return Pricing.ImageOf(document.RootElement);
    }

    /// <summary>Records a write: the new image, and the change in stored bytes for size splits and storage.</summary>
    public void Stored(ItemState state, StoredImage? after)
    {
        long delta = Pricing.StoredBytesDelta(state.Image, after);
        state.Image = after;
        if (delta != 0)
            Capacity.RecordStoredBytes(Plan.Name, delta);
    }

    /// <summary>The partition directory of a query target, built once (every seeded item's partition and sort value).</summary>
    public PartitionDirectory Directory(DynamoDb.Driver.ReadTarget target)
    {
        foreach (var directory in directories)
        {
            if (directory.Target == target)
                return directory;
        }

        var built = PartitionDirectory.Build(this, target);
        directories.Add(built);
        return built;
    }

    /// <summary>Tells the query directories a new item exists (an inserting put).</summary>
    public void Inserted(long index, Dictionary<string, AttributeValue> item)
    {
        foreach (var directory in directories)
            directory.Add(index, item);
    }

    /// <summary>Routing of a partition key value, as the proxy routes a query by it.</summary>
    public PricedPartition PartitionOf(AttributeValue value)
    {
        using var document = Wire.Value(value);
        return TablePricing.PartitionOf(document.RootElement);
    }

    /// <summary>The key map of a state's item as wire JSON (an update's Key, for its admission estimate).</summary>
    public JsonDocument KeyDocument(long index) => Wire.Item(Model.KeyOf(index, Plan));
}
