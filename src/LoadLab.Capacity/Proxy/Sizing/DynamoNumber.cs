using System.Text;

namespace LoadLab.Capacity.Proxy.Sizing;

/// <summary>
/// DynamoDB numbers as the service stores them: base-100 digit pairs aligned on the decimal point plus an
/// exponent byte (+1 byte when negative). The size rule is dynalite's <c>valSize</c> (db/index.js),
/// which matches the documented "1 byte per two significant digits + 1" with leading and trailing zeros
/// trimmed, and also accounts for pair alignment (1.5 is "01.50": 3 bytes; 15 is 2 bytes).
/// </summary>
internal readonly struct DynamoNumber
{
    private DynamoNumber(bool valid, bool negative, int digitCount, int exponent, int firstDigit, int lastDigit)
    {
        Valid = valid;
        Negative = negative;
        DigitCount = digitCount;
        Exponent = exponent;
        FirstDigit = firstDigit;
        LastDigit = lastDigit;
    }

    public bool Valid { get; }

    public bool Negative { get; }

    /// <summary>Significant digits (0 for zero).</summary>
    public int DigitCount { get; }

    /// <summary>Power of ten of the first significant digit (scientific exponent).</summary>
    public int Exponent { get; }

    private int FirstDigit { get; }

    private int LastDigit { get; }

    /// <summary>Bytes the number takes in an item (zero takes 1).</summary>
    public int StorageSize =>
        DigitCount == 0 ? 1 : 1 + ((DigitCount + 1) / 2) + (DigitCount % 2 != 0 || Exponent % 2 != 0 ? 0 : 1) + (Negative ? 1 : 0);

    public static int SizeOf(ReadOnlySpan<byte> text)
    {
        var number = Parse(text);
        // Invalid numbers are refused by the emulator; any estimate will do meanwhile.
        return number.Valid ? number.StorageSize : (text.Length / 2) + 1;
    }

    /// <summary>Canonical text: equal values give equal text ("1.50", "1.5" and "15E-1" all give "15E-1").</summary>
    public static string Canonical(ReadOnlySpan<byte> text)
    {
        var number = Parse(text);
        if (!number.Valid)
            return Encoding.UTF8.GetString(text);
        if (number.DigitCount == 0)
            return "0";
        var builder = new StringBuilder(number.DigitCount + 8);
        if (number.Negative)
            builder.Append('-');
        for (int i = number.FirstDigit; i <= number.LastDigit; i++)
        {
            if (text[i] != (byte)'.')
                builder.Append((char)text[i]);
        }

        int exponent = number.Exponent - (number.DigitCount - 1);
        builder.Append('E').Append(exponent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    public static DynamoNumber Parse(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && text[i] == (byte)' ')
            i++;
        int end = text.Length;
        while (end > i && text[end - 1] == (byte)' ')
            end--;
        bool negative = false;
        if (i < end && (text[i] == (byte)'-' || text[i] == (byte)'+'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        int integerDigits = 0;
        int mantissaDigits = 0;
        int first = -1;
        int firstOrdinal = -1;
        int last = -1;
        int lastOrdinal = -1;
        bool seenPoint = false;
        for (; i < end; i++)
        {
            byte c = text[i];
            if (c == (byte)'.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }

            if (c < (byte)'0' || c > (byte)'9')
                break;
            if (c != (byte)'0')
            {
                if (first < 0)
                {
                    first = i;
                    firstOrdinal = mantissaDigits;
                }

                last = i;
                lastOrdinal = mantissaDigits;
            }

            mantissaDigits++;
            if (!seenPoint)
                integerDigits++;
        }

        if (mantissaDigits == 0)
            return default;
        int explicitExponent = 0;
        if (i < end && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            i++;
            bool negativeExponent = false;
            if (i < end && (text[i] == (byte)'-' || text[i] == (byte)'+'))
            {
                negativeExponent = text[i] == (byte)'-';
                i++;
            }

            int digits = 0;
            for (; i < end && text[i] >= (byte)'0' && text[i] <= (byte)'9'; i++, digits++)
            {
                if (explicitExponent < 100_000)
                    explicitExponent = (explicitExponent * 10) + (text[i] - '0');
            }

            if (digits == 0)
                return default;
            if (negativeExponent)
                explicitExponent = -explicitExponent;
        }

        if (i != end)
            return default;
        if (first < 0)
            return new DynamoNumber(true, false, 0, 0, 0, -1);
        int count = lastOrdinal - firstOrdinal + 1;
        int exponent = integerDigits - 1 - firstOrdinal + explicitExponent;
        return new DynamoNumber(true, negative, count, exponent, first, last);
    }
}
