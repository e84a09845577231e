using System.Globalization;
using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.BuiltIn;

/// <summary>
/// <c>iot-reading</c>, a sensor time series: 1,000 devices report in turn, so device d sends reading i when
/// i mod 1000 = d, about once a minute; timestamp strictly increasing with the index (60 ms apart on average),
/// temperature (per-device baseline plus a daily cycle), humidity and battery (draining, recharged at 5 %).
/// Keys <c>DEVICE#{deviceId}</c> / <c>{timestamp}</c>.
/// </summary>
internal sealed class IotReadingGenerator : IItemGenerator
{
    public const string ModelName = "iot-reading";

    public const long Devices = 1000;

    private const ulong JitterSalt = 0x107A;
    private const ulong DeviceSalt = 0x107B;
    private const ulong NoiseSalt = 0x107C;
    private const long StepMs = 60;

    public static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static ModelSchema SchemaOf { get; } = new(ModelName,
    [
        new("deviceId", FieldKind.String),
        new("timestamp", FieldKind.Date),
        new("temperature", FieldKind.Number),
        new("humidity", FieldKind.Number),
        new("battery", FieldKind.Number),
        new(ItemAttributes.Version, FieldKind.Number),
        new(ItemAttributes.UpdatedAt, FieldKind.Date),
    ]);

    public string Name => ModelName;

    public ModelSchema Schema => SchemaOf;

    public KeyDefaults Keys { get; } = new("READING#{index:D12}", "DEVICE#{deviceId}", "{timestamp}");

    public static string DeviceOf(long index) => "device-" + (index % Devices).ToString("D5", CultureInfo.InvariantCulture);

    public static DateTime TimestampOf(long index) =>
        Start.AddTicks((index * StepMs * TimeSpan.TicksPerMillisecond) + (Draw.FromIndex(index, JitterSalt, StepMs) * TimeSpan.TicksPerMillisecond));

    public void Generate(ItemContext context, Dictionary<string, AttributeValue> item)
    {
        long device = context.Index % Devices;
        long reading = context.Index / Devices;
        var time = TimestampOf(context.Index);

        // Per-device traits from the device number alone, so a device keeps its character across the series.
        double baseline = 15 + (Draw.FromIndex(device, DeviceSalt, 1500) / 100.0);
        double humidityBase = 30 + (Draw.FromIndex(device, DeviceSalt + 1, 4000) / 100.0);
        long drainOffset = Draw.FromIndex(device, DeviceSalt + 2, 1900);

        var random = context.Stream(NoiseSalt);
        double daily = 3 * Math.Sin(2 * Math.PI * time.TimeOfDay.TotalHours / 24);
        double temperature = baseline + daily + (0.3 * random.Normal());
        double humidity = Math.Clamp(humidityBase - daily + (1.5 * random.Normal()), 0, 100);
        // One percent every 20 readings, from 100 down to 5, then recharged.
        long battery = 100 - (((reading + drainOffset) / 20) % 96);

        var timestamp = Values.TimeMs(time);
        item["deviceId"] = Values.S(DeviceOf(context.Index));
        item["timestamp"] = timestamp;
        item["temperature"] = Values.N1(temperature);
        item["humidity"] = Values.N1(humidity);
        item["battery"] = Values.N(battery);
        item[ItemAttributes.Version] = Values.N(1);
        item[ItemAttributes.UpdatedAt] = new AttributeValue { S = timestamp.S };
    }
}
