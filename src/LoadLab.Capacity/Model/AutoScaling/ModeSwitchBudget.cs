namespace LoadLab.Capacity.Model.AutoScaling;

/// <summary>Provisioned → on-demand switches of one table: at most N per rolling window (switching.capacitymode.html).</summary>
internal sealed class ModeSwitchBudget(CapacitySettings settings)
{
    private readonly List<double> switches = [];

    public bool Allowed(double now) => CountInWindow(now) < settings.ModeSwitchesPerWindow;

    /// <summary>When the oldest switch in the window leaves it.</summary>
    public double NextAllowed(double now)
    {
        if (Allowed(now))
            return now;
        if (settings.ModeSwitchesPerWindow <= 0)
            return double.PositiveInfinity;
        var window = settings.ModeSwitchWindow.TotalSeconds;
        var inWindow = switches.FindAll(at => at > now - window);
        inWindow.Sort();
        return inWindow[inWindow.Count - settings.ModeSwitchesPerWindow] + window;
    }

    public void Record(double now)
    {
        var window = settings.ModeSwitchWindow.TotalSeconds;
        switches.RemoveAll(at => at <= now - window);
        switches.Add(now);
    }

    private int CountInWindow(double now)
    {
        var window = settings.ModeSwitchWindow.TotalSeconds;
        var count = 0;
        foreach (var at in switches)
        {
            if (at > now - window)
                count++;
        }

        return count;
    }
}
