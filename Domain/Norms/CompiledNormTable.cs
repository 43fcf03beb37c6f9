using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Norms;

/// <summary>
/// A norm table prepared for fast normalising: one slot per subject × moment with every route's line
/// precomputed, so a result costs an array index and a multiply-add (the batch target is ≥ 5M results/s).
/// </summary>
public sealed class CompiledNormTable
{
    // Moment ordinals run up to groep 8 × 3 + Eind; three subjects.
    private const int MomentSlots = (TestMoment.LastGroep * 3) + 3;

    private readonly Slot[] _slots = new Slot[Subjects.All.Count * MomentSlots];

    public CompiledNormTable(NormTable table)
    {
        Table = table;
        ScoreMin = table.ScoreMin ?? double.NegativeInfinity;
        ScoreMax = table.ScoreMax ?? double.PositiveInfinity;
        foreach (var cut in table.Cuts)
        {
            _slots[Index(cut.Subject, cut.Moment)] = Slot.From(cut);
        }
    }

    public NormTable Table { get; }

    public double ScoreMin { get; }

    public double ScoreMax { get; }

    public bool Has(Subject subject, TestMoment moment) => _slots[Index(subject, moment)].Present;

    /// <summary>
    /// One result on the uniform scale by the best route its inputs allow: the score with the cut table; else the
    /// national percentile; else the band; else the reported on-track level. NaN / None mark absent inputs.
    /// Throws <see cref="DomainFormatException"/> when the table has no row for the subject and moment, the score is
    /// outside the valid range, the percentile outside 0–100, or nothing usable is given.
    /// </summary>
    public NormalisedResult Normalise(Subject subject, TestMoment moment, double score, double percentile, NormBand band, OnTrackLevel level)
    {
        var index = Index(subject, moment);
        if ((uint)index >= (uint)_slots.Length || !_slots[index].Present)
        {
            throw new DomainFormatException(
                $"provider {Table.Provider} (table version {Table.Version}) has no norm row for {subject.Code()} {moment}");
        }

        ref readonly var slot = ref _slots[index];
        var hasPercentile = !double.IsNaN(percentile);
        if (hasPercentile && !(percentile is >= 0 and <= 100))
        {
            throw new DomainFormatException($"percentile {percentile} is outside 0–100");
        }

        if (!double.IsNaN(score))
        {
            if (!(score >= ScoreMin && score <= ScoreMax))
            {
                throw new DomainFormatException(
                    $"score {score} is outside the valid {Table.Provider} range {Table.ScoreMin}–{Table.ScoreMax}");
            }

            var uniform = (slot.ScoreSlope * score) + slot.ScoreIntercept;
            return hasPercentile
                ? new NormalisedResult(uniform, percentile, PercentileSource.Reported, NormRoute.ScoreTable)
                : slot.HasNorm
                    ? new NormalisedResult(uniform, 100 * NormalDistribution.Cdf((score - slot.Mean) / slot.Sd), PercentileSource.NormTable, NormRoute.ScoreTable)
                    : new NormalisedResult(uniform, double.NaN, PercentileSource.None, NormRoute.ScoreTable);
        }

        if (hasPercentile)
        {
            // A reported 0 or 100 is a rounded extreme, not an infinite z: clamp to the 0.1/99.9 percentile.
            var z = NormalDistribution.InverseCdf(Math.Clamp(percentile, 0.1, 99.9) / 100);
            return new NormalisedResult((slot.ZSlope * z) + slot.ZIntercept, percentile, PercentileSource.Reported, NormRoute.Percentile);
        }

        if (band != NormBand.None)
        {
            return new NormalisedResult((slot.ZSlope * band.ExpectedZ()) + slot.ZIntercept, double.NaN, PercentileSource.None, NormRoute.Band);
        }

        return level switch
        {
            OnTrackLevel.Below1F => new NormalisedResult(slot.UniformBelow1F, double.NaN, PercentileSource.None, NormRoute.ReportedLevel),
            OnTrackLevel.Fundamental => new NormalisedResult(slot.UniformFundamental, double.NaN, PercentileSource.None, NormRoute.ReportedLevel),
            OnTrackLevel.Target => new NormalisedResult(slot.UniformTarget, double.NaN, PercentileSource.None, NormRoute.ReportedLevel),
            _ => throw new DomainFormatException(
                $"{Table.Provider} {subject.Code()} {moment}: no score, percentile, band or reported level to normalise"),
        };
    }

    /// <summary>The uniform value of a national position z at this subject and moment (the percentile route's line).</summary>
    public double UniformOfZ(Subject subject, TestMoment moment, double z)
    {
        ref readonly var slot = ref _slots[Index(subject, moment)];
        return (slot.ZSlope * z) + slot.ZIntercept;
    }

    private static int Index(Subject subject, TestMoment moment) => ((int)subject * MomentSlots) + moment.Ordinal;

    private readonly record struct Slot(
        bool Present,
        double ScoreSlope,
        double ScoreIntercept,
        double ZSlope,
        double ZIntercept,
        bool HasNorm,
        double Mean,
        double Sd,
        double UniformBelow1F,
        double UniformFundamental,
        double UniformTarget)
    {
        public static Slot From(NormCut cut)
        {
            var span = UniformScale.OnTrackTarget - UniformScale.OnTrackFundamental;
            var scoreSlope = span / (cut.Target - cut.Fundamental);

            // The z of the two cuts: from the row's own norm when it has one (a licensed table may place them
            // elsewhere than the national shares), else the national position of the reference levels.
            var z1 = cut.ZOf(cut.Fundamental) ?? NationalNorms.FundamentalZ(cut.Subject);
            var zT = cut.ZOf(cut.Target) ?? NationalNorms.TargetZ(cut.Subject);
            var zSlope = span / (zT - z1);
            var zIntercept = UniformScale.OnTrackFundamental - (z1 * zSlope);
            double UniformOf(double z) => (zSlope * z) + zIntercept;

            return new Slot(
                Present: true,
                ScoreSlope: scoreSlope,
                ScoreIntercept: UniformScale.OnTrackFundamental - (cut.Fundamental * scoreSlope),
                ZSlope: zSlope,
                ZIntercept: zIntercept,
                HasNorm: cut.HasNorm,
                Mean: cut.NormMean ?? double.NaN,
                Sd: cut.NormSd ?? double.NaN,
                // A reported level says only which side of the cuts the pupil is: take the mean position there.
                UniformBelow1F: UniformOf(NormalDistribution.TruncatedMean(double.NegativeInfinity, z1)),
                UniformFundamental: UniformOf(NormalDistribution.TruncatedMean(z1, zT)),
                UniformTarget: UniformOf(NormalDistribution.TruncatedMean(zT, double.PositiveInfinity)));
        }
    }
}

/// <summary>A result on the uniform scale: the value, the national percentile where known, and the route taken.</summary>
public readonly record struct NormalisedResult(double Uniform, double Percentile, PercentileSource PercentileSource, NormRoute Route);
