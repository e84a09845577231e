namespace LoadLab.Core.Simulation;

/// <summary>
/// How the AWS SDK client retries, played on virtual time: the simulated engine asks it before each send and after
/// each answer. One instance per simulated client (it keeps the retry quota and, in adaptive mode, the client's rate).
/// </summary>
public interface IRetryPolicy
{
    /// <summary>How long the client holds an attempt before sending it at <paramref name="now"/> (adaptive mode's rate limiter); zero otherwise.</summary>
    TimeSpan SendDelay(TimeSpan now);

    /// <summary>
    /// Tells the policy what an attempt came to (quota refunds, adaptive rate). <paramref name="now"/> is best the moment
    /// the answer reached the client, as the SDK sees it; the send moment differs by the service time only.
    /// </summary>
    void Observe(TimeSpan now, in SimulatedAttempt answer, int attempt);

    /// <summary>
    /// As <see cref="Observe(TimeSpan, in SimulatedAttempt, int)"/>, knowing what the same call's previous attempt came to
    /// (ignored for a first attempt): the SDK refunds a success after retries by what its last retry cost, which is less
    /// after a throttle. Prefer this one where the engine knows it; the default forgets it.
    /// </summary>
    void Observe(TimeSpan now, in SimulatedAttempt answer, int attempt, Outcomes.OutcomeKind previous) => Observe(now, answer, attempt);

    /// <summary>The pause before attempt <paramref name="failedAttempt"/> + 1, or null when the SDK gives up (attempts or quota spent, or not retryable).</summary>
    TimeSpan? RetryDelay(int failedAttempt, in SimulatedAttempt answer, Random random);
}

/// <summary>How long DynamoDB takes to answer one attempt of an operation kind: a modelled, documented distribution.</summary>
public interface IServiceTimeModel
{
    /// <summary>The service time of one request (one page of a query or scan).</summary>
    TimeSpan Sample(Plans.OperationKind kind, Random random);

    /// <summary>The service time of an attempt that took <paramref name="requests"/> requests in a row (the pages of a query); at least one.</summary>
    TimeSpan Sample(Plans.OperationKind kind, int requests, Random random)
    {
        var total = Sample(kind, random);
        for (var i = 1; i < requests; i++)
            total += Sample(kind, random);
        return total;
    }
}
