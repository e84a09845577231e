using LoadLab.Core.Engine;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.UnitTests.Core.Support;

namespace LoadLab.UnitTests.Core.Engine;

/// <summary>A profile phase through the engine on virtual time: the started operations follow the curve second by second.</summary>
[Collection(VirtualClockCollection.Name)]
public class ProfileEngineTests
{
    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Started_operations_follow_the_curve_and_the_results_name_one_profile_phase()
    {
        // Up 0 → 200/s over 4 s, hold 2 s, down to 50/s over 2 s: 400 + 400 + 250 = 1,050 arrivals.
        var profile = new ProfilePhase("traffic.csv", [new(0, 0), new(4, 200), new(6, 200), new(8, 50)]);
        var plan = new ScenarioPlan
        {
            Name = "s",
            TableId = "t",
            Mix = [new OperationWeight(OperationKind.Get, 1)],
            Phases = [profile, new RatePhase(10, TimeSpan.FromSeconds(1))],
            MaxInFlight = 64,
        };
        var executor = new InstantExecutor(OperationOutcome.Ok);

        var result = await clock.RunAsync(
            () => new LoadEngine(clock).RunAsync([new EngineScenario(plan, executor, "local_t")], new EngineOptions { DrainTimeout = TimeSpan.FromSeconds(10) }, default),
            TimeSpan.FromMinutes(10));

        var s = Assert.Single(result.Scenarios);
        Assert.Equal(1060, s.Scheduled);
        Assert.Equal(1060, executor.Calls);
        Assert.Equal([profile.Describe(), "rate 10/s for 1s"], s.Phases);
        // Second by second the started operations are the curve's integral over that second (25, 75, 125, …).
        double[] expected = [25, 75, 125, 175, 200, 200, 162.5, 87.5, 10];
        for (int second = 0; second < expected.Length; second++)
        {
            var point = s.Series[second];
            Assert.Equal(expected[second], point.TargetOps, 6);
            Assert.InRange(point.Started, expected[second] - 1, expected[second] + 1);
            // The live label is the phase in force when the second closes; inside the curve it is the profile.
            if (second < 7) Assert.Equal(profile.Describe(), point.Phase);
        }
    }
}
