using LoadLab.Core.Plans;
using LoadLab.Core.Recording;
using LoadLab.Core.Scheduling;

namespace LoadLab.Core.Engine;

/// <summary>
/// What the interval sampler reads of a running scenario, whichever engine runs it (the real one on the wall clock,
/// the virtual one on simulated time).
/// </summary>
internal interface IScenarioProgress
{
    ScenarioPlan Plan { get; }

    ScenarioRecorder Recorder { get; }

    ArrivalSchedule Schedule { get; }

    /// <summary>The phase the scenario's scheduling is in now (null before the first).</summary>
    LoadPhase? CurrentPhase { get; }
}
