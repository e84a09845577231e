using System.Globalization;

namespace LoadLab.Bench;

internal sealed record BenchOptions(double Seconds, double Minutes, double Rate, int Workers, int Rounds = 0, string? Modes = null)
{
    public static BenchOptions Parse(string[] args)
    {
        double seconds = 10, minutes = 10, rate = 0;
        int workers = 0, rounds = 0;
        string? modes = null;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string v = args[i + 1];
            switch (args[i])
            {
                case "--seconds": seconds = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--minutes": minutes = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--rate": rate = double.Parse(v, CultureInfo.InvariantCulture); break;
                case "--workers": workers = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--rounds": rounds = int.Parse(v, CultureInfo.InvariantCulture); break;
                case "--modes": modes = v; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return new BenchOptions(seconds, minutes, rate, workers, rounds, modes);
    }
}
