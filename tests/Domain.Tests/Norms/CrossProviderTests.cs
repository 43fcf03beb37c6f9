using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Tests.Norms;

/// <summary>
/// Acceptance 1 of issue 4: the same pupil tested by Cito, IEP and DIA at the same moment lands on the same
/// uniform value within the documented error (docs/uniform-scale.md §3).
/// </summary>
public class CrossProviderTests
{
    private static readonly CompiledNormTable Cito = new(ShippedTables.Cito);
    private static readonly CompiledNormTable Iep = new(ShippedTables.Iep);
    private static readonly CompiledNormTable Dia = new(ShippedTables.Dia);

    private static IEnumerable<TestMoment> SharedMoments => TestMoment.All.Where(m => m.Kind != MomentKind.Begin);

    private static double Uniform(CompiledNormTable table, Subject subject, TestMoment moment, double z) =>
        table.Normalise(subject, moment, table.Table.Find(subject, moment)!.ScoreAt(z)!.Value, double.NaN, NormBand.None, OnTrackLevel.None).Uniform;

    /// <summary>The uniform value a national position has by definition of the scale and the national shares.</summary>
    private static double Expected(Subject subject, double z) =>
        100 + (100 * (z - NationalNorms.FundamentalZ(subject)) / (NationalNorms.TargetZ(subject) - NationalNorms.FundamentalZ(subject)));

    [Fact]
    public void A_pupil_of_known_ability_gets_the_same_uniform_value_from_Cito_IEP_and_DIA_within_one_point()
    {
        var pupils = new SyntheticPupils(seed: 4);
        var worst = 0.0;
        foreach (var subject in Subjects.All)
        {
            foreach (var moment in SharedMoments)
            {
                for (var p = 0; p < 2_000; p++)
                {
                    var z = pupils.NextZ();
                    var expected = Expected(subject, z);
                    foreach (var table in new[] { Cito, Iep, Dia })
                    {
                        worst = Math.Max(worst, Math.Abs(Uniform(table, subject, moment, z) - expected));
                    }
                }
            }
        }

        worst.ShouldBeLessThan(1.0);
    }

    [Theory]
    [InlineData(Subject.Rekenen)]
    [InlineData(Subject.Lezen)]
    [InlineData(Subject.Taalverzorging)]
    public void With_each_tests_own_measurement_error_the_providers_agree_on_average_and_differ_only_by_that_noise(Subject subject)
    {
        const double reliability = 0.9;
        var pupils = new SyntheticPupils(seed: 40 + (int)subject);
        var moment = TestMoment.Parse("M7");
        var differences = new List<double>();
        for (var p = 0; p < 20_000; p++)
        {
            var ability = pupils.NextZ();
            var cito = Uniform(Cito, subject, moment, pupils.Observed(ability, reliability));
            var iep = Uniform(Iep, subject, moment, pupils.Observed(ability, reliability));
            var dia = Uniform(Dia, subject, moment, pupils.Observed(ability, reliability));
            differences.Add(cito - iep);
            differences.Add(iep - dia);
        }

        var mean = differences.Average();
        var sd = Math.Sqrt(differences.Average(d => (d - mean) * (d - mean)));
        var slope = 100 / (NationalNorms.TargetZ(subject) - NationalNorms.FundamentalZ(subject));
        var documentedNoise = Math.Sqrt(2 * (1 - reliability)) * slope;

        Math.Abs(mean).ShouldBeLessThan(1.0);
        sd.ShouldBe(documentedNoise, documentedNoise * 0.05);
    }

    [Fact]
    public void The_percentile_route_lands_where_the_score_route_does_for_the_same_pupil()
    {
        var pupils = new SyntheticPupils(seed: 7);
        var squared = 0.0;
        var count = 0;
        foreach (var subject in Subjects.All)
        {
            foreach (var moment in SharedMoments)
            {
                for (var p = 0; p < 500; p++)
                {
                    var z = pupils.NextZ();
                    // Exports give whole percentiles.
                    var percentile = Math.Round(100 * NormalDistribution.Cdf(z));
                    var byScore = Uniform(Cito, subject, moment, z);
                    var byPercentile = Dia.Normalise(subject, moment, double.NaN, percentile, NormBand.None, OnTrackLevel.None);
                    byPercentile.Route.ShouldBe(NormRoute.Percentile);
                    squared += Math.Pow(byPercentile.Uniform - byScore, 2);
                    count++;
                }
            }
        }

        // Documented: about 2.5–3 points from rounding to whole percentiles.
        Math.Sqrt(squared / count).ShouldBeLessThan(3.5);
    }

    [Theory]
    [InlineData(Subject.Rekenen, 20.0, 31.3)]
    [InlineData(Subject.Lezen, 22.8, 46.1)]
    [InlineData(Subject.Taalverzorging, 18.6, 34.2)]
    public void Band_and_reported_level_routes_err_by_the_documented_amount_and_not_on_average(Subject subject, double bandError, double levelError)
    {
        var pupils = new SyntheticPupils(seed: 11);
        var moment = TestMoment.Parse("E6");
        var z1 = NationalNorms.FundamentalZ(subject);
        var zT = NationalNorms.TargetZ(subject);
        var band = new List<double>();
        var level = new List<double>();
        for (var p = 0; p < 40_000; p++)
        {
            var z = pupils.NextZ();
            var truth = Expected(subject, z);
            var reported = z < z1 ? OnTrackLevel.Below1F : z < zT ? OnTrackLevel.Fundamental : OnTrackLevel.Target;
            band.Add(Iep.Normalise(subject, moment, double.NaN, double.NaN, NormBands.Of(z, romanRuler: true), OnTrackLevel.None).Uniform - truth);
            level.Add(Iep.Normalise(subject, moment, double.NaN, double.NaN, NormBand.None, reported).Uniform - truth);
        }

        Math.Abs(band.Average()).ShouldBeLessThan(1.0);
        Math.Abs(level.Average()).ShouldBeLessThan(1.5);
        Math.Sqrt(band.Average(d => d * d)).ShouldBe(bandError, 1.0);
        Math.Sqrt(level.Average(d => d * d)).ShouldBe(levelError, 1.5);
    }
}
