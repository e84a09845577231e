using System.Text;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Execution;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Data.Sizing;

/// <summary>Fills items up to a per-item target size with the padding attribute.</summary>
internal sealed class SizeTarget
{
    private const long Salt = 0x5125;

    // ASCII only, so characters and UTF-8 bytes are the same count; letters rather than one repeated character so
    // padding looks like payload in captures and reports.
    private static readonly string Filler = BuildFiller();

    private readonly ItemSizePlan plan;
    private readonly int attributeBytes;

    public SizeTarget(ItemSizePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.MinBytes < 1 || plan.MaxBytes < plan.MinBytes || plan.MaxBytes > ItemSize.MaxBytes)
            throw new ArgumentException(System.FormattableString.Invariant($"Item size {plan.MinBytes}..{plan.MaxBytes} bytes: expected 1 ≤ min ≤ max ≤ {ItemSize.MaxBytes}."), nameof(plan));
        this.plan = plan;
        attributeBytes = Encoding.UTF8.GetByteCount(plan.Attribute);
    }

    public string Attribute => plan.Attribute;

    /// <summary>The size item (seed, index) aims at; the same on every call.</summary>
    public long TargetOf(long seed, long index)
    {
        if (plan.MinBytes == plan.MaxBytes)
            return plan.MinBytes;
        ulong hash = DeterministicHash.Of(seed, index, Salt);
        if (plan.Distribution == SizeDistribution.Uniform)
            return plan.MinBytes + DeterministicHash.ToRange(hash, plan.MaxBytes - plan.MinBytes + 1);

        // Box–Muller on two hashes; a sixth of the range per standard deviation keeps 99.7 % inside before clipping.
        double u1 = 1.0 - DeterministicHash.ToUnit(hash);
        double u2 = DeterministicHash.ToUnit(DeterministicHash.Mix(hash));
        double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        double mean = (plan.MinBytes + plan.MaxBytes) / 2.0;
        double sd = (plan.MaxBytes - plan.MinBytes) / 6.0;
        return Math.Clamp((long)Math.Round(mean + (z * sd)), plan.MinBytes, plan.MaxBytes);
    }

    /// <summary>Adds padding so the item is exactly its target, when it is smaller; larger items stay as they are.</summary>
    public void Pad(Dictionary<string, AttributeValue> item, long seed, long index)
    {
        item.Remove(plan.Attribute);
        long missing = TargetOf(seed, index) - ItemSize.Of(item) - attributeBytes;
        if (missing <= 0)
            return;
        int offset = (int)(DeterministicHash.Of(seed, index, Salt + 1) % (ulong)(Filler.Length - missing + 1));
        item[plan.Attribute] = new AttributeValue { S = Filler.Substring(offset, (int)missing) };
    }

    private static string BuildFiller()
    {
        var chars = new char[(int)ItemSize.MaxBytes + 1024];
        ulong state = 0x1234_5678_9ABC_DEF0;
        for (int i = 0; i < chars.Length; i++)
        {
            state = DeterministicHash.Mix(state);
            chars[i] = (char)('a' + (int)(state % 26));
        }

        return new string(chars);
    }
}
