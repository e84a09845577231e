using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Cost;
using LoadLab.Core.Results;

namespace LoadLab.Capacity.Reporting;

/// <summary>
/// What a resource's traffic in the measured window costs, from its window seconds (seeding and warm-up left
/// out): on demand the units consumed; provisioned the units held for the window's time; the other mode as
/// the same traffic would be billed there (provisioned sized for the busiest minute at the target utilisation).
/// </summary>
internal static class WindowCost
{
    private const double SecondsPerHour = 3600;

    public static SimulatorCost Of(SimulatorResource resource, long storedBytes, CapacitySettings prices)
    {
        var seconds = resource.Seconds;
        double length = seconds.Sum(s => s.Length);
        double onDemand = CapacityCost.OnDemand(resource.ConsumedReadUnits, resource.ConsumedWriteUnits, prices);
        double held = seconds.Sum(s => Provisioned(s.CapacityRead, s.CapacityWrite, prices) * s.Length) / SecondsPerHour;
        double whatIf = Provisioned(WhatIfUnits(PeakMinute(seconds, s => s.ConsumedRead), prices), WhatIfUnits(PeakMinute(seconds, s => s.ConsumedWrite), prices), prices) *
            length / SecondsPerHour;
        double storage = CapacityCost.Storage(storedBytes * length / SecondsPerHour, prices);
        bool provisioned = resource.Mode == "provisioned";
        return new SimulatorCost(
            resource.Table,
            resource.Index,
            resource.Mode,
            Math.Round(provisioned ? held : onDemand, 6),
            provisioned ? "on-demand" : "provisioned",
            Math.Round((provisioned ? onDemand : whatIf) + storage, 6),
            Math.Round(storage, 6));
    }

    /// <summary>The busiest 60 seconds' average rate (the whole window's when shorter), as CloudWatch's one-minute datapoints would show it.</summary>
    private static double PeakMinute(IReadOnlyList<SimulatorSecond> seconds, Func<SimulatorSecond, double> units)
    {
        double minute = Math.Min(60, seconds.Sum(s => s.Length));
        double peak = 0, sum = 0, length = 0;
        int first = 0;
        for (int i = 0; i < seconds.Count; i++)
        {
            sum += units(seconds[i]);
            length += seconds[i].Length;
            while (length - seconds[first].Length >= minute)
            {
                sum -= units(seconds[first]);
                length -= seconds[first].Length;
                first++;
            }

            if (length >= minute - 1e-9 && length > 0)
                peak = Math.Max(peak, sum / length);
        }

        return peak;
    }

    private static double Provisioned(double read, double write, CapacitySettings prices) =>
        (read * prices.ProvisionedReadDollarsPerUnitHour) + (write * prices.ProvisionedWriteDollarsPerUnitHour);

    private static double WhatIfUnits(double peak, CapacitySettings prices) => Math.Max(1, Math.Ceiling(peak / prices.WhatIfTargetUtilization));
}
