namespace LoadLab.Runner.Simulation;

/// <summary>
/// Why a scenario cannot be simulated: about one operation of its mix (<see cref="Operation"/>, its index in the mix,
/// which is the mix's order in the file) or about the whole scenario (null). The message names both, so it reads on its own.
/// </summary>
internal sealed record SimulationProblem(string Scenario, int? Operation, string Message)
{
    public override string ToString() => Message;
}
