namespace Uitstroom.Reporting.Bench;

internal static class Latency
{
    public static void Print(string what, IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        Console.WriteLine($"{what}: n {sorted.Count}, p50 {At(0.50):0.00} ms, p90 {At(0.90):0.00} ms, p99 {At(0.99):0.00} ms, max {sorted[^1]:0.00} ms");
    }
}
