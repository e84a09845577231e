using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;

namespace LoadLab.UnitTests.Simulation;

/// <summary>Answers by a script, and notes the clock and the request of every attempt.</summary>
internal sealed class RecordingSimulatedExecutor(LoadLab.Core.Simulation.VirtualClock clock, Func<OperationRequest, int, SimulatedAttempt>? script = null) : ISimulatedExecutor
{
    public static readonly SimulatedAttempt Ok = new(OutcomeKind.Ok, Retryable: false);

    public static readonly SimulatedAttempt Throttle = new(OutcomeKind.Throttled, Retryable: true, Reason: "ThrottlingException");

    public List<(TimeSpan At, OperationRequest Request, int Attempt)> Calls { get; } = [];

    /// <summary>Called after each attempt is noted (e.g. to cancel the run after so many).</summary>
    public Action<int>? AfterCall { get; init; }

    public SimulatedAttempt Attempt(OperationRequest request, int attempt)
    {
        Calls.Add((clock.Elapsed, request, attempt));
        AfterCall?.Invoke(Calls.Count);
        return script?.Invoke(request, attempt) ?? Ok;
    }
}

/// <summary>Every attempt takes the same time.</summary>
internal sealed class FixedServiceTime(TimeSpan service) : IServiceTimeModel
{
    public TimeSpan Sample(OperationKind kind, Random random) => service;
}

/// <summary>Between <paramref name="Min"/> and <paramref name="Max"/>, uniformly, from the engine's random source.</summary>
internal sealed class UniformServiceTime(TimeSpan min, TimeSpan max) : IServiceTimeModel
{
    public TimeSpan Sample(OperationKind kind, Random random) => min + ((max - min) * random.NextDouble());
}

/// <summary>Retries retryable answers after a fixed backoff (plus optional random jitter), up to a number of attempts.</summary>
internal sealed class FixedRetry(int maxAttempts, TimeSpan backoff, TimeSpan? sendDelay = null, TimeSpan jitter = default) : IRetryPolicy
{
    public List<(TimeSpan At, int Attempt)> Observed { get; } = [];

    public TimeSpan SendDelay(TimeSpan now) => sendDelay ?? TimeSpan.Zero;

    public void Observe(TimeSpan now, in SimulatedAttempt answer, int attempt) => Observed.Add((now, attempt));

    public TimeSpan? RetryDelay(int failedAttempt, in SimulatedAttempt answer, Random random) =>
        answer.Retryable && failedAttempt < maxAttempts ? backoff + (jitter * random.NextDouble()) : null;

    public static FixedRetry None => new(1, TimeSpan.Zero);
}
