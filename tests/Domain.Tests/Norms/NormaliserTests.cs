using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Tests.Norms;

public class NormaliserTests
{
    private static readonly TestMoment M6 = TestMoment.Parse("M6");
    private static readonly CompiledNormTable Iep = new(ShippedTables.Iep);

    // A provider the product has never seen, registered with cut scores only.
    private static readonly CompiledNormTable Boom = new(NormTableReader.Read(new StringReader("""
        # provider: BOOM
        # version: 1
        # source: test cuts
        # score_min: 0
        # score_max: 100
        vak;toetsmoment;cut_1f;cut_streef
        rekenen;M6;40;60
        """), "boom"));

    [Fact]
    public void The_cut_scores_land_exactly_on_100_and_200_and_the_line_extends_beyond()
    {
        Boom.Normalise(Subject.Rekenen, M6, 40, double.NaN, NormBand.None, OnTrackLevel.None).Uniform.ShouldBe(100);
        Boom.Normalise(Subject.Rekenen, M6, 60, double.NaN, NormBand.None, OnTrackLevel.None).Uniform.ShouldBe(200);
        Boom.Normalise(Subject.Rekenen, M6, 50, double.NaN, NormBand.None, OnTrackLevel.None).Uniform.ShouldBe(150);
        Boom.Normalise(Subject.Rekenen, M6, 70, double.NaN, NormBand.None, OnTrackLevel.None).Uniform.ShouldBe(250);
        Boom.Normalise(Subject.Rekenen, M6, 20, double.NaN, NormBand.None, OnTrackLevel.None).Uniform.ShouldBe(0);
    }

    [Fact]
    public void The_best_route_the_inputs_allow_is_taken_and_named()
    {
        var all = Iep.Normalise(Subject.Lezen, M6, 60, 55, NormBand.II, OnTrackLevel.Target);
        all.Route.ShouldBe(NormRoute.ScoreTable);
        all.Percentile.ShouldBe(55);
        all.PercentileSource.ShouldBe(PercentileSource.Reported);

        var scoreOnly = Iep.Normalise(Subject.Lezen, M6, 60, double.NaN, NormBand.None, OnTrackLevel.None);
        scoreOnly.PercentileSource.ShouldBe(PercentileSource.NormTable);
        scoreOnly.Percentile.ShouldBeInRange(0, 100);

        Iep.Normalise(Subject.Lezen, M6, double.NaN, 55, NormBand.II, OnTrackLevel.Target).Route.ShouldBe(NormRoute.Percentile);
        Iep.Normalise(Subject.Lezen, M6, double.NaN, double.NaN, NormBand.II, OnTrackLevel.Target).Route.ShouldBe(NormRoute.Band);
        var level = Iep.Normalise(Subject.Lezen, M6, double.NaN, double.NaN, NormBand.None, OnTrackLevel.Target);
        level.Route.ShouldBe(NormRoute.ReportedLevel);
        level.Uniform.ShouldBeGreaterThan(200);
        double.IsNaN(level.Percentile).ShouldBeTrue();
        level.PercentileSource.ShouldBe(PercentileSource.None);
    }

    [Fact]
    public void A_cut_only_provider_still_has_percentile_band_and_level_routes_from_the_national_shares()
    {
        // The national median of rekenen sits above 1F (7% below) and just below 1S (45% at it).
        var median = Boom.Normalise(Subject.Rekenen, M6, double.NaN, 50, NormBand.None, OnTrackLevel.None);
        median.Uniform.ShouldBe(100 + (100 * 1.4758 / 1.6015), 0.1);

        var bandV = Boom.Normalise(Subject.Rekenen, M6, double.NaN, double.NaN, NormBand.V, OnTrackLevel.None).Uniform;
        var bandI = Boom.Normalise(Subject.Rekenen, M6, double.NaN, double.NaN, NormBand.I, OnTrackLevel.None).Uniform;
        bandV.ShouldBeLessThan(median.Uniform);
        bandI.ShouldBeGreaterThan(200);

        var below = Boom.Normalise(Subject.Rekenen, M6, double.NaN, double.NaN, NormBand.None, OnTrackLevel.Below1F).Uniform;
        var fundamental = Boom.Normalise(Subject.Rekenen, M6, double.NaN, double.NaN, NormBand.None, OnTrackLevel.Fundamental).Uniform;
        below.ShouldBeLessThan(100);
        fundamental.ShouldBeInRange(100, 200);
    }

    [Fact]
    public void A_moment_or_subject_the_table_lacks_is_refused_naming_provider_subject_and_moment()
    {
        Should.Throw<DomainFormatException>(() => Boom.Normalise(Subject.Lezen, M6, 50, double.NaN, NormBand.None, OnTrackLevel.None))
            .Message.ShouldBe("provider BOOM (table version 1) has no norm row for lezen M6");
        Should.Throw<DomainFormatException>(() => Iep.Normalise(Subject.Lezen, TestMoment.Parse("B8"), 50, double.NaN, NormBand.None, OnTrackLevel.None))
            .Message.ShouldContain("IEP (table version 1) has no norm row for lezen B8");
    }

    [Fact]
    public void Scores_outside_the_valid_range_percentiles_outside_0_100_and_empty_results_are_refused()
    {
        Should.Throw<DomainFormatException>(() => Boom.Normalise(Subject.Rekenen, M6, 100.5, double.NaN, NormBand.None, OnTrackLevel.None))
            .Message.ShouldContain("score 100.5 is outside the valid BOOM range 0–100");
        Should.Throw<DomainFormatException>(() => Boom.Normalise(Subject.Rekenen, M6, double.NaN, 101, NormBand.None, OnTrackLevel.None))
            .Message.ShouldContain("percentile 101 is outside 0–100");
        Should.Throw<DomainFormatException>(() => Boom.Normalise(Subject.Rekenen, M6, double.NaN, double.NaN, NormBand.None, OnTrackLevel.None))
            .Message.ShouldContain("no score, percentile, band or reported level");
    }

    [Fact]
    public void A_batch_normalises_column_by_column_and_names_the_index_of_a_bad_result()
    {
        CompiledNormTable[] tables = [Iep, Boom];
        int[] table = [0, 1, 1];
        Subject[] subject = [Subject.Lezen, Subject.Rekenen, Subject.Rekenen];
        TestMoment[] moment = [M6, M6, M6];
        double[] score = [60, 50, double.NaN];
        double[] percentile = [double.NaN, double.NaN, 50];
        var uniform = new double[3];
        var outPercentile = new double[3];
        var source = new PercentileSource[3];
        var route = new NormRoute[3];

        Normaliser.Normalise(tables, new ResultColumns(table, subject, moment, score, percentile), new NormalisedColumns(uniform, outPercentile, source, route));

        uniform[0].ShouldBe(Iep.Normalise(Subject.Lezen, M6, 60, double.NaN, NormBand.None, OnTrackLevel.None).Uniform);
        uniform[1].ShouldBe(150);
        route.ShouldBe([NormRoute.ScoreTable, NormRoute.ScoreTable, NormRoute.Percentile]);
        source.ShouldBe([PercentileSource.NormTable, PercentileSource.None, PercentileSource.Reported]);

        subject[2] = Subject.Lezen;
        Should.Throw<DomainFormatException>(() => Normaliser.Normalise(tables, new ResultColumns(table, subject, moment, score, percentile), new NormalisedColumns(uniform, outPercentile, source, route)))
            .Message.ShouldBe("result 2: provider BOOM (table version 1) has no norm row for lezen M6");
    }

    [Fact]
    public void A_subject_value_outside_the_vocabulary_is_refused_not_read_from_a_neighbouring_row()
    {
        Should.Throw<DomainFormatException>(() => Iep.Normalise((Subject)7, M6, 50, double.NaN, NormBand.None, OnTrackLevel.None))
            .Message.ShouldBe("provider IEP (table version 1) has no norm row for subject 7 M6");
        Should.Throw<DomainFormatException>(() => Iep.Normalise(Subject.Lezen, new TestMoment(MomentKind.Midden, 9), 50, double.NaN, NormBand.None, OnTrackLevel.None))
            .Message.ShouldContain("has no norm row for lezen M9");
    }
}
