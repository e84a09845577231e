namespace LoadLab.Core.Simulation;

/// <summary>
/// How the AWS SDK client retries, played on virtual time: the simulated engine asks it before each send and after
/// each answer. One instance per simulated client (it keeps the retry quota and, in adaptive mode, the client's rate).
/// </summary>
public interface IRetryPolicy
{
    /// <summary>How long the client holds an attempt before sending it at <paramref name="now"/> (adaptive mode's rate limiter); zero otherwise.</summary>
    TimeSpan SendDelay(TimeSpan now);

    /// <summary>Tells the policy what an attempt sent at <paramref name="now"/> came to (quota refunds, adaptive rate).</summary>
    void Observe(TimeSpan now, in SimulatedAttempt answer, int attempt);

    /// <summary>The pause before attempt <paramref name="failedAttempt"/> + 1, or null when the SDK gives up (attempts or quota spent, or not retryable).</summary>
    TimeSpan? RetryDelay(int failedAttempt, in SimulatedAttempt answer, Random random);
}

/// <summary>How long DynamoDB takes to answer one attempt of an operation kind: a modelled, documented distribution.</summary>
public interface IServiceTimeModel
{
    TimeSpan Sample(Plans.OperationKind kind, Random random);
}
