using LoadLab.Capacity.Model.Time;

namespace LoadLab.Capacity.Model.Metrics;

/// <summary>The running clock hour of one resource: capacity integrated over time, maxima and sums.</summary>
internal sealed class HourAccumulator
{
    private double lastAt;
    private CapacityBillingMode mode;
    private double provisionedRead;
    private double provisionedWrite;
    private double provisionedSeconds;
    private double onDemandSeconds;
    private double readUnitSeconds;
    private double writeUnitSeconds;
    private double maxRead;
    private double maxWrite;

    public double Start { get; private set; }

    public double ConsumedRead { get; set; }

    public double ConsumedWrite { get; set; }

    public double PeakMinuteRead { get; set; }

    public double PeakMinuteWrite { get; set; }

    public long ThrottledRequests { get; set; }

    public void Begin(double hourStart, double at, CapacityBillingMode currentMode, double read, double write)
    {
        Start = hourStart;
        lastAt = at;
        provisionedSeconds = onDemandSeconds = readUnitSeconds = writeUnitSeconds = 0;
        ConsumedRead = ConsumedWrite = PeakMinuteRead = PeakMinuteWrite = 0;
        ThrottledRequests = 0;
        mode = currentMode;
        provisionedRead = read;
        provisionedWrite = write;
        maxRead = currentMode == CapacityBillingMode.Provisioned ? read : 0;
        maxWrite = currentMode == CapacityBillingMode.Provisioned ? write : 0;
    }

    /// <summary>Integrates up to <paramref name="at"/>, then switches to the new capacity.</summary>
    public void Change(double at, CapacityBillingMode newMode, double read, double write)
    {
        Integrate(at);
        mode = newMode;
        provisionedRead = read;
        provisionedWrite = write;
        if (newMode == CapacityBillingMode.Provisioned)
        {
            maxRead = Math.Max(maxRead, read);
            maxWrite = Math.Max(maxWrite, write);
        }
    }

    public void Integrate(double at)
    {
        var seconds = at - lastAt;
        if (seconds <= 0)
            return;
        if (mode == CapacityBillingMode.Provisioned)
        {
            provisionedSeconds += seconds;
            readUnitSeconds += provisionedRead * seconds;
            writeUnitSeconds += provisionedWrite * seconds;
        }
        else
        {
            onDemandSeconds += seconds;
        }

        lastAt = at;
    }

    /// <summary>The hour as a record, integrated to <paramref name="at"/> without changing the accumulator.</summary>
    public CapacityHour ToRecord(double at, ModelClock times)
    {
        var seconds = Math.Max(0, at - lastAt);
        var provisioned = mode == CapacityBillingMode.Provisioned;
        return new CapacityHour
        {
            Start = times.ToTime(Start),
            OffsetSeconds = Start - times.Start,
            ProvisionedSeconds = provisionedSeconds + (provisioned ? seconds : 0),
            OnDemandSeconds = onDemandSeconds + (provisioned ? 0 : seconds),
            MaxProvisionedReadUnits = maxRead,
            MaxProvisionedWriteUnits = maxWrite,
            ProvisionedReadUnitHours = (readUnitSeconds + (provisioned ? provisionedRead * seconds : 0)) / 3600,
            ProvisionedWriteUnitHours = (writeUnitSeconds + (provisioned ? provisionedWrite * seconds : 0)) / 3600,
            ConsumedReadUnits = ConsumedRead,
            ConsumedWriteUnits = ConsumedWrite,
            PeakMinuteReadUnitsPerSecond = PeakMinuteRead,
            PeakMinuteWriteUnitsPerSecond = PeakMinuteWrite,
            ThrottledRequests = ThrottledRequests,
        };
    }
}
