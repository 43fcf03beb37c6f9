using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Normalise.Bench;

/// <summary>
/// A realistic mix of results: Cito, IEP and DIA, every subject and moment, pupils drawn from the national norm;
/// most results carry a score, some only a percentile, a band or a reported level.
/// </summary>
internal sealed class SyntheticResults
{
    public SyntheticResults(IReadOnlyList<NormTable> tables, int count, bool routesMixed, int seed = 4)
    {
        var random = new Random(seed);
        Table = new int[count];
        Subject = new Subject[count];
        Moment = new TestMoment[count];
        Score = new double[count];
        Percentile = new double[count];
        Band = new NormBand[count];
        Level = new OnTrackLevel[count];
        for (var i = 0; i < count; i++)
        {
            var t = random.Next(tables.Count);
            var cut = tables[t].Cuts[random.Next(tables[t].Cuts.Count)];
            var z = Math.Clamp(NormalDistribution.InverseCdf((random.NextDouble() * 0.998) + 0.001), -3.5, 3.5);
            Table[i] = t;
            Subject[i] = cut.Subject;
            Moment[i] = cut.Moment;
            Score[i] = cut.ScoreAt(z)!.Value;
            Percentile[i] = double.NaN;
            var kind = routesMixed ? random.Next(10) : 0;
            if (kind == 7)
            {
                Score[i] = double.NaN;
                Percentile[i] = Math.Round(100 * NormalDistribution.Cdf(z));
            }
            else if (kind == 8)
            {
                Score[i] = double.NaN;
                Band[i] = NormBands.Of(z, romanRuler: true);
            }
            else if (kind == 9)
            {
                Score[i] = double.NaN;
                Level[i] = z < cut.ZOf(cut.Fundamental) ? OnTrackLevel.Below1F : z < cut.ZOf(cut.Target) ? OnTrackLevel.Fundamental : OnTrackLevel.Target;
            }
        }
    }

    public int[] Table { get; }

    public Subject[] Subject { get; }

    public TestMoment[] Moment { get; }

    public double[] Score { get; }

    public double[] Percentile { get; }

    public NormBand[] Band { get; }

    public OnTrackLevel[] Level { get; }

    public int Count => Table.Length;
}
