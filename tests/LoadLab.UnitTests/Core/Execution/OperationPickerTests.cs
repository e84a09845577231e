using LoadLab.Core.Execution;
using LoadLab.Core.Plans;

namespace LoadLab.UnitTests.Core.Execution;

public class OperationPickerTests
{
    [Fact]
    public void Picks_follow_the_weights()
    {
        var picker = new OperationPicker([new(OperationKind.Get, 70), new(OperationKind.Query, 25), new(OperationKind.Put, 5)], seed: 1, "browse");
        var counts = new int[3];
        const int n = 200_000;
        for (long s = 0; s < n; s++) counts[picker.Pick(s)]++;
        Assert.InRange(counts[0] / (double)n, 0.695, 0.705);
        Assert.InRange(counts[1] / (double)n, 0.245, 0.255);
        Assert.InRange(counts[2] / (double)n, 0.047, 0.053);
    }

    [Fact]
    public void Same_seed_and_scenario_give_the_same_sequence_and_another_seed_does_not()
    {
        OperationWeight[] mix = [new(OperationKind.Get, 1), new(OperationKind.Put, 1)];
        var a = Enumerable.Range(0, 1000).Select(i => new OperationPicker(mix, 7, "s").Pick(i)).ToArray();
        var b = Enumerable.Range(0, 1000).Select(i => new OperationPicker(mix, 7, "s").Pick(i)).ToArray();
        var c = Enumerable.Range(0, 1000).Select(i => new OperationPicker(mix, 8, "s").Pick(i)).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }
}
