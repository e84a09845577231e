using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;

namespace LoadLab.Core.Simulation;

/// <summary>Operations on virtual time: attempts sent, answered and retried, then recorded as the real runner records them.</summary>
internal sealed partial class VirtualRun
{
    // In-flight operations live in a reusable array of structs, found by index from their events: nothing is
    // allocated per operation or attempt beyond the queue's own entries.
    private OperationSlot[] operations;
    private int[] freeSlots;
    private int freeCount;
    private int inFlight;

    /// <summary>Starts an operation now: counted as started (and, open model, its lateness), then its first attempt.</summary>
    private void Launch(int s, long seq, int op, long intended, bool warmup, int worker)
    {
        var recorder = scenarios[s].Recorder;
        recorder.OnStarted(warmup);
        // Closed-model operations are intended when they start: only the open model has lateness.
        if (!warmup && worker < 0) recorder.Lateness.Record(Micros(now - intended));
        int slot = Allocate();
        ref var o = ref operations[slot];
        o = new OperationSlot
        {
            Scenario = s,
            Worker = worker,
            Request = new OperationRequest(seq, op),
            Intended = intended,
            Launched = now,
            Warmup = warmup,
            Attempt = 1,
            Previous = OutcomeKind.Ok,
            InFlight = true,
        };
        BeginAttempt(slot);
    }

    /// <summary>The attempt is ready: the client's rate limiter (adaptive mode) may hold it back before it is sent.</summary>
    private void BeginAttempt(int slot)
    {
        var delay = retry.SendDelay(TimeSpan.FromTicks(now));
        if (delay > TimeSpan.Zero)
            Enqueue(VirtualEventKind.Send, operations[slot].Scenario, slot, now + delay.Ticks);
        else
            Send(slot);
    }

    /// <summary>Sends the attempt at the clock's moment; its answer arrives after the modelled service time.</summary>
    private void Send(int slot)
    {
        ref var o = ref operations[slot];
        SimulatedAttempt answer;
        try
        {
            answer = scenarios[o.Scenario].Executor.Attempt(o.Request, o.Attempt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An executor is not supposed to throw; if it does, the run goes on and the reason is counted (as in the real runner).
            answer = new SimulatedAttempt(OutcomeKind.ClientError, Retryable: false, Reason: "LoadLab." + ex.GetType().Name);
        }

        o.Answer = answer;
        // A query that pages is one request per page, each with its own service time.
        var kind = scenarios[o.Scenario].Kinds[o.Request.OperationIndex];
        long service = (answer.Pages > 1 ? serviceTime.Sample(kind, answer.Pages, random) : serviceTime.Sample(kind, random)).Ticks;
        Enqueue(VirtualEventKind.Answer, o.Scenario, slot, now + Math.Max(0, service));
    }

    /// <summary>The answer reaches the client: the retry policy learns of it, and either retries after its backoff or the operation ends.</summary>
    private void Answered(int slot)
    {
        ref var o = ref operations[slot];
        // The previous attempt's kind lets the policy refund a successful retry by exactly what that retry cost.
        retry.Observe(TimeSpan.FromTicks(now), o.Answer, o.Attempt, o.Previous);
        if (o.Answer.Kind == OutcomeKind.Throttled) o.ThrottledAttempts++;
        o.ReadUnits += o.Answer.ReadUnits;
        o.WriteUnits += o.Answer.WriteUnits;
        if (o.Answer.Kind != OutcomeKind.Ok && retry.RetryDelay(o.Attempt, o.Answer, random) is { } backoff)
        {
            o.Previous = o.Answer.Kind;
            o.Attempt++;
            if (backoff > TimeSpan.Zero)
                Enqueue(VirtualEventKind.RetryDue, o.Scenario, slot, now + backoff.Ticks);
            else
                BeginAttempt(slot);
            return;
        }

        Complete(slot);
    }

    /// <summary>Records the ended operation exactly as the real runner's Complete does, then frees its slot or worker.</summary>
    private void Complete(int slot)
    {
        ref var o = ref operations[slot];
        var last = o.Answer;
        var outcome = new OperationOutcome(last.Kind, o.Attempt, o.ThrottledAttempts, o.ReadUnits, o.WriteUnits, last.Reason)
        {
            ItemsReturned = last.ItemsReturned,
            ItemsScanned = last.ItemsScanned,
            Pages = last.Pages,
        };
        int s = o.Scenario;
        int worker = o.Worker;
        var scenario = scenarios[s];
        if (!o.Warmup)
            scenario.Recorder.Operations[o.Request.OperationIndex].Record(outcome, Micros(now - o.Intended), Micros(now - o.Launched));
        scenario.Recorder.OnOutcome(outcome.Kind);
        scenario.Recorder.OnFinished(o.Warmup);
        Free(slot);
        if (worker < 0)
        {
            ReleaseSlot(s);
        }
        else if (scenario.ThinkTicks > 0)
        {
            Enqueue(VirtualEventKind.WorkerWake, s, worker, now + scenario.ThinkTicks);
        }
        else
        {
            // Closed model: the worker's next operation is intended the moment this one ended.
            WorkerWake(s, worker);
        }
    }

    /// <summary>Operations still in flight when the run stops count as cancelled, as the real runner's cancelled operations do.</summary>
    private void CancelInFlight()
    {
        for (int slot = 0; slot < operations.Length; slot++)
        {
            ref var o = ref operations[slot];
            if (!o.InFlight) continue;
            var recorder = scenarios[o.Scenario].Recorder;
            recorder.OnCancelled(o.Request.OperationIndex, o.Warmup);
            recorder.OnFinished(warmup: false);
            Free(slot);
        }
    }

    private int Allocate()
    {
        if (freeCount == 0)
        {
            int old = operations.Length;
            Array.Resize(ref operations, old * 2);
            Array.Resize(ref freeSlots, old * 2);
            for (int i = (old * 2) - 1; i >= old; i--)
                freeSlots[freeCount++] = i;
        }

        inFlight++;
        return freeSlots[--freeCount];
    }

    private void Free(int slot)
    {
        operations[slot].InFlight = false;
        inFlight--;
        freeSlots[freeCount++] = slot;
    }

    private static long Micros(long ticks) => ticks / (TimeSpan.TicksPerMillisecond / 1000);

    /// <summary>One operation in flight: which arrival, when it was intended and started, and its attempts so far.</summary>
    private struct OperationSlot
    {
        public int Scenario;

        /// <summary>The closed-model worker running it, or -1 for an open-model arrival (which holds an in-flight slot).</summary>
        public int Worker;

        public OperationRequest Request;
        public long Intended;
        public long Launched;
        public bool Warmup;
        public bool InFlight;
        public int Attempt;
        public int ThrottledAttempts;
        public double ReadUnits;
        public double WriteUnits;

        /// <summary>The latest attempt's answer (the operation's outcome once no retry follows).</summary>
        public SimulatedAttempt Answer;

        /// <summary>What the attempt before the latest came to (Ok for a first attempt).</summary>
        public OutcomeKind Previous;
    }
}
