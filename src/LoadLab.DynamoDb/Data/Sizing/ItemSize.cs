using System.Text;
using Amazon.DynamoDBv2.Model;

namespace LoadLab.DynamoDb.Data;

/// <summary>
/// DynamoDB item size (capacity reference §1.7, CapacityUnitCalculations.html): per attribute the UTF-8 bytes of its
/// name plus the size of its value. S: UTF-8 bytes. N: <see cref="OfNumber"/>. B: raw bytes. BOOL, NULL: 1.
/// L, M: 3 + 1 per element + the elements (+ each key's UTF-8 bytes for M). SS, NS, BS: the sum of the elements.
/// The same rules as the capacity simulator's sizer and dynalite, so planned and charged sizes agree.
/// </summary>
public static class ItemSize
{
    /// <summary>DynamoDB's item size limit: 400 KB.</summary>
    public const long MaxBytes = 400 * 1024;

    /// <summary>Write units of one standard write of <paramref name="bytes"/>: rounded up to 1 KB, at least 1 (capacity reference §2).</summary>
    public static long WriteUnits(long bytes) => Math.Max(1, (bytes + 1023) / 1024);

    public static long Of(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        long size = 0;
        foreach (var (name, value) in item)
            size += Encoding.UTF8.GetByteCount(name) + OfValue(value);
        return size;
    }

    /// <exception cref="ArgumentException">The value sets no type.</exception>
    public static long OfValue(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.S is { } s)
            return Encoding.UTF8.GetByteCount(s);
        if (value.N is { } n)
            return OfNumber(n);
        if (value.B is { } b)
            return b.Length;
        if (value.BOOL.HasValue || value.NULL == true)
            return 1;
        // With AWSConfigs.InitializeCollections (the client factory turns it on) every collection of every value is
        // an empty list rather than null, so "set" flags and counts decide, not null checks.
        if (value.M is { } map && (value.IsMSet || map.Count > 0))
            return 3 + map.Count + Of(map);
        if (value.L is { } list && (value.IsLSet || list.Count > 0))
            return ListBytes(list);
        if (value.SS is { Count: > 0 } strings)
            return strings.Sum(e => (long)Encoding.UTF8.GetByteCount(e));
        if (value.NS is { Count: > 0 } numbers)
            return numbers.Sum(e => (long)OfNumber(e));
        if (value.BS is { Count: > 0 } binaries)
            return binaries.Sum(e => e.Length);
        // An empty list or map whose flag was lost; both cost the 3 bytes of overhead.
        if (value.L is not null || value.M is not null)
            return 3;
        throw new ArgumentException("The attribute value sets none of S, N, B, BOOL, NULL, M, L, SS, NS or BS.", nameof(value));
    }

    private static long ListBytes(List<AttributeValue> list)
    {
        long size = 3 + list.Count;
        foreach (var element in list)
            size += OfValue(element);
        return size;
    }

    /// <summary>
    /// Bytes of an N value: DynamoDB stores base-100 digit pairs aligned on the decimal point plus an exponent byte,
    /// +1 when negative; leading and trailing zeros take no room and zero takes 1. That is the documented "1 byte per
    /// two significant digits + 1" with the pair alignment dynalite applies: 15 takes 2 bytes, 1.5 takes 3, 100 takes 2.
    /// </summary>
    /// <exception cref="FormatException">The text is not a number.</exception>
    public static int OfNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var text = number.AsSpan().Trim();
        bool negative = false;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        int exponentAt = text.IndexOfAny('e', 'E');
        int explicitExponent = 0;
        if (exponentAt >= 0)
        {
            if (!int.TryParse(text[(exponentAt + 1)..], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out explicitExponent))
                throw new FormatException($"'{number}' is not a number.");
            text = text[..exponentAt];
        }

        int digits = 0, integerDigits = 0, firstOrdinal = -1, lastOrdinal = -1;
        bool point = false;
        foreach (char c in text)
        {
            if (c == '.' && !point)
            {
                point = true;
                continue;
            }

            if (!char.IsAsciiDigit(c))
                throw new FormatException($"'{number}' is not a number.");
            if (c != '0')
            {
                if (firstOrdinal < 0)
                    firstOrdinal = digits;
                lastOrdinal = digits;
            }

            digits++;
            if (!point)
                integerDigits++;
        }

        if (digits == 0)
            throw new FormatException($"'{number}' is not a number.");
        if (firstOrdinal < 0)
            return 1;
        int significant = lastOrdinal - firstOrdinal + 1;
        // Power of ten of the first significant digit; its parity decides whether the pairs start half empty.
        int exponent = integerDigits - 1 - firstOrdinal + explicitExponent;
        return 1 + ((significant + 1) / 2) + (significant % 2 != 0 || exponent % 2 != 0 ? 0 : 1) + (negative ? 1 : 0);
    }
}
