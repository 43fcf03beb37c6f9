using FsCheck;
using FsCheck.Xunit;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Tests.Norms;

/// <summary>The uniform value never falls when the evidence rises (issue 4, acceptance 1).</summary>
public class MonotonicityProperties
{
    private static readonly CompiledNormTable[] Shipped =
        [new(ShippedTables.Cito), new(ShippedTables.Iep), new(ShippedTables.Dia)];

    private static double U(CompiledNormTable t, Subject s, TestMoment m, double score, double percentile = double.NaN) =>
        t.Normalise(s, m, score, percentile, NormBand.None, OnTrackLevel.None).Uniform;

    [Property(MaxTest = 2_000)]
    public bool A_higher_score_never_gives_a_lower_uniform_value_in_any_shipped_row(byte provider, byte row, NormalFloat a, NormalFloat b)
    {
        var table = Shipped[provider % Shipped.Length];
        var cut = table.Table.Cuts[row % table.Table.Cuts.Count];
        // Map any two floats into the provider's valid range.
        var lo = table.ScoreMin;
        var hi = table.ScoreMax;
        double Into(double x) => lo + ((hi - lo) * (0.5 + (Math.Atan(x) / Math.PI)));
        var (x, y) = (Into(a.Get), Into(b.Get));
        var (ux, uy) = (U(table, cut.Subject, cut.Moment, x), U(table, cut.Subject, cut.Moment, y));
        return x < y ? ux < uy : x > y ? ux > uy : ux == uy;
    }

    [Property(MaxTest = 2_000)]
    public bool A_higher_score_never_gives_a_lower_uniform_value_in_any_registered_table(NormalFloat fundamental, PositiveInt gap, NormalFloat a, NormalFloat b)
    {
        var table = new CompiledNormTable(new NormTable("ANY", 1, "property", true,
            [new NormCut(Subject.Rekenen, TestMoment.Parse("E5"), fundamental.Get, fundamental.Get + (gap.Get / 10.0))]));
        var (ux, uy) = (U(table, Subject.Rekenen, TestMoment.Parse("E5"), a.Get), U(table, Subject.Rekenen, TestMoment.Parse("E5"), b.Get));
        return a.Get < b.Get ? ux <= uy : a.Get > b.Get ? ux >= uy : ux == uy;
    }

    [Property(MaxTest = 1_000)]
    public bool A_higher_percentile_never_gives_a_lower_uniform_value(byte provider, byte row, byte p, byte q)
    {
        var table = Shipped[provider % Shipped.Length];
        var cut = table.Table.Cuts[row % table.Table.Cuts.Count];
        var (x, y) = (p % 101, q % 101);
        var (ux, uy) = (U(table, cut.Subject, cut.Moment, double.NaN, x), U(table, cut.Subject, cut.Moment, double.NaN, y));
        return x < y ? ux <= uy : x > y ? ux >= uy : ux == uy;
    }
}
