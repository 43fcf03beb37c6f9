namespace Uitstroom.Domain.Tests.Norms;

/// <summary>Pupils of known national position (z), drawn reproducibly for the cross-provider tests.</summary>
internal sealed class SyntheticPupils(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double NextZ()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>
    /// What a test of reliability <paramref name="reliability"/> measures of a pupil of true position
    /// <paramref name="ability"/>: still standard normal nationally, correlating √reliability with the ability.
    /// </summary>
    public double Observed(double ability, double reliability) =>
        (Math.Sqrt(reliability) * ability) + (Math.Sqrt(1 - reliability) * NextZ());
}
