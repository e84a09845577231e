using LoadLab.Capacity.Model.Settings;

namespace LoadLab.Capacity.Model.Buckets;

/// <summary>
/// A token bucket refilled lazily from model time: <c>tokens = min(capacity, tokens + rate × Δt)</c>.
/// Not thread-safe; the owning table's lock guards it. Tokens may go negative (debt, M1).
/// </summary>
internal sealed class TokenBucket
{
    public TokenBucket(double rate, double capacity, double tokens, double now)
    {
        Rate = rate;
        Capacity = capacity;
        Tokens = Math.Min(tokens, capacity);
        LastRefill = now;
    }

    public double Rate { get; private set; }

    public double Capacity { get; private set; }

    public double Tokens { get; private set; }

    public double LastRefill { get; private set; }

    public void Refill(double now)
    {
        if (now <= LastRefill)
            return;
        var tokens = Tokens + (Rate * (now - LastRefill));
        Tokens = tokens < Capacity ? tokens : Capacity;
        LastRefill = now;
    }

    /// <summary>
    /// Debt mode: any tokens left. Exact mode: the estimated cost, but never more than the bucket
    /// can hold, so a request larger than a small bucket is not refused forever.
    /// </summary>
    public bool Allows(double units, AdmissionMode mode) =>
        mode == AdmissionMode.Debt ? Tokens > 0 : Tokens >= Math.Min(units, Capacity);

    public void Take(double units) => Tokens -= units;

    /// <summary>Units back (a refund): never above the capacity, as a refill would not be either.</summary>
    public void Give(double units) => Tokens = Math.Min(Capacity, Tokens + units);

    /// <summary>New rate and capacity from <paramref name="now"/> on; time before it refills at the old rate.</summary>
    public void Reconfigure(double rate, double capacity, double now)
    {
        Refill(now);
        Rate = rate;
        Capacity = capacity;
        if (Tokens > capacity)
            Tokens = capacity;
    }

    public void Reset(double rate, double capacity, double tokens, double now)
    {
        Rate = rate;
        Capacity = capacity;
        Tokens = Math.Min(tokens, capacity);
        LastRefill = now;
    }

    /// <summary>True once the bucket would be full again: it then behaves exactly like a new one.</summary>
    public bool IsFullAt(double now) => Tokens + (Rate * Math.Max(0, now - LastRefill)) >= Capacity;
}
