namespace LoadLab.Capacity.Model;

/// <summary>
/// The 16 DynamoDB throttling reasons, <c>{Table|Index}{Read|Write}{LimitType}</c>
/// (API_ThrottlingReason.html), precomputed so naming a refusal allocates nothing.
/// </summary>
public static class ThrottleReasons
{
    private static readonly string[] Names = Build();

    public static string Of(bool index, CapacityDimension dimension, ThrottleLimit limit) =>
        Names[Slot(index, dimension, limit)];

    internal static int Slot(bool index, CapacityDimension dimension, ThrottleLimit limit) =>
        ((index ? 1 : 0) * 8) + ((int)limit * 2) + (int)dimension;

    private static string[] Build()
    {
        var names = new string[16];
        foreach (var index in new[] { false, true })
        {
            foreach (var dimension in new[] { CapacityDimension.Read, CapacityDimension.Write })
            {
                foreach (var limit in Enum.GetValues<ThrottleLimit>())
                {
                    var type = limit switch
                    {
                        ThrottleLimit.Provisioned => "ProvisionedThroughputExceeded",
                        ThrottleLimit.KeyRange => "KeyRangeThroughputExceeded",
                        ThrottleLimit.MaxOnDemand => "MaxOnDemandThroughputExceeded",
                        _ => "AccountLimitExceeded",
                    };
                    names[Slot(index, dimension, limit)] = (index ? "Index" : "Table") + dimension + type;
                }
            }
        }

        return names;
    }
}
