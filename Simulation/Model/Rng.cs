namespace Uitstroom.Simulation.Model;

/// <summary>
/// A small seeded generator (xoshiro256**, seeded through SplitMix64). Our own rather than System.Random so the
/// stream of numbers for a seed is fixed by this code and not by a runtime version, and so every school can get its
/// own independent stream: generation in parallel stays byte-for-byte deterministic.
/// </summary>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    public Rng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>An independent stream for one part of the world (a school, the registry), from the world seed.</summary>
    public static Rng For(int seed, string stream, long index = 0)
    {
        // FNV-1a over the stream name keeps the streams apart without a shared counter.
        var h = 14695981039346656037UL;
        foreach (var c in stream)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        var x = h ^ ((ulong)(uint)seed << 32) ^ (ulong)index * 0x9E3779B97F4A7C15UL;
        return new Rng(SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong NextULong()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double Uniform() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => Uniform() < probability;

    /// <summary>Uniform integer in [0, n).</summary>
    public int Below(int n) => (int)(Uniform() * n);

    /// <summary>Standard normal (Marsaglia's polar method; the second value is kept for the next call).</summary>
    public double Gaussian()
    {
        if (_spareGaussian is { } spare)
        {
            _spareGaussian = null;
            return spare;
        }

        double u, v, s;
        do
        {
            u = (2 * Uniform()) - 1;
            v = (2 * Uniform()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * f;
        return u * f;
    }

    public double Gaussian(double mean, double sd) => mean + (sd * Gaussian());

    /// <summary>Poisson count (Knuth for small means, normal approximation above 30).</summary>
    public int Poisson(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(Gaussian(mean, Math.Sqrt(mean))));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = Uniform();
        while (p > limit)
        {
            k++;
            p *= Uniform();
        }

        return k;
    }

    /// <summary>Index drawn with the given (not necessarily normalised) weights.</summary>
    public int Pick(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var r = Uniform() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}
