using LoadLab.Capacity.Model;
using LoadLab.Core.Execution;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.Capacity.Model.Support;

/// <summary>
/// Drives a <see cref="CapacityModel"/> on virtual time: a fixed number of Admit/Settle steps per
/// simulated second (aggregate charges stand for many requests), recording what was served and
/// refused per second. Ten simulated minutes take milliseconds.
/// </summary>
internal sealed class ModelHarness
{
    /// <summary>Midnight UTC: clock minutes, hours and the UTC day start at the model's start.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public ModelHarness(CapacitySettings? settings = null)
    {
        Time = new FakeTimeProvider(Start);
        Model = new CapacityModel(settings ?? new CapacitySettings(), Time);
    }

    public FakeTimeProvider Time { get; }

    public CapacityModel Model { get; }

    /// <summary>Simulated seconds since the start.</summary>
    public double Now => (Time.GetUtcNow() - Start).TotalSeconds;

    /// <summary>
    /// Offers load for <paramref name="seconds"/>: <paramref name="stepsPerSecond"/> requests per
    /// second, each made of the charges <paramref name="request"/> returns for its global step number.
    /// </summary>
    public LoadTrace Run(int seconds, int stepsPerSecond, Func<long, IReadOnlyList<Charge>> request, LoadTrace? trace = null)
    {
        trace ??= new LoadTrace();
        var step = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / stepsPerSecond);
        for (var s = 0; s < seconds; s++)
        {
            var second = (int)Math.Floor(Now);
            for (var i = 0; i < stepsPerSecond; i++)
            {
                var charges = request(trace.Steps++);
                var admission = Model.Admit(charges);
                if (admission.Admitted)
                {
                    Model.Settle(charges);
                    trace.Served(second, charges);
                }
                else
                {
                    trace.Refused(second, charges, admission);
                }

                Time.Advance(step);
            }
        }

        return trace;
    }

    /// <summary>Lets virtual time pass with no traffic.</summary>
    public void Idle(int seconds)
    {
        Time.Advance(TimeSpan.FromSeconds(seconds));
        Model.Tick();
    }

    public static Charge Write(string table, double units, ulong partitionHash, string itemKey, string? index = null) =>
        new(table, index, CapacityDimension.Write, units, partitionHash, itemKey);

    public static Charge Read(string table, double units, ulong partitionHash, string itemKey, string? index = null) =>
        new(table, index, CapacityDimension.Read, units, partitionHash, itemKey);

    /// <summary>
    /// Hashes that cover the key space evenly in every window of steps (bit-reversed step number):
    /// each aggregate charge stands for many small requests, and random hashes would give
    /// partitions a per-second noise that real traffic of that many requests does not have.
    /// </summary>
    public static ulong Even(long step) => ReverseBits((ulong)step);

    /// <summary>A well-spread partition-key hash for key number <paramref name="key"/>.</summary>
    public static ulong Hash(long key) => DeterministicHash.Mix((ulong)key);

    private static ulong ReverseBits(ulong value)
    {
        ulong reversed = 0;
        for (var i = 0; i < 64; i++)
        {
            reversed = (reversed << 1) | (value & 1);
            value >>= 1;
        }

        return reversed;
    }
}
