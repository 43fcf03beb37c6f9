using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;
using static Uitstroom.Domain.Tests.Inspectie.Evidence;

namespace Uitstroom.Domain.Tests.Inspectie;

public class PoolingTests
{
    [Fact]
    public void Years_weigh_by_their_pupils_as_in_the_published_example_of_00AP_C1()
    {
        // domain.md §4: 94.44 % (n 18), 92.31 % (n 13), 91.67 % (n 12) → 93.02 %, not the plain mean 92.81 %.
        var years = new[]
        {
            YearTally.FromPublished(Y1, 94.44, 55.56, 18),
            YearTally.FromPublished(Y2, 92.31, 51.28, 13),
            YearTally.FromPublished(Y3, 91.67, 47.22, 12),
        };

        var pooled = Pooling.Pool(years);

        pooled.PercentFundamental.ShouldBe(93.02);
        pooled.PercentTarget.ShouldBe(51.94);
        pooled.Pupils.ShouldBe(43);
    }

    [Fact]
    public void The_counts_behind_a_published_year_are_recovered_exactly()
    {
        var tally = YearTally.FromPublished(Y1, 94.44, 55.56, 18);

        tally.Results.ShouldBe(54);
        tally.AtFundamental.ShouldBe(51);
        tally.AtTarget.ShouldBe(30);
        tally.PercentFundamental.ShouldBe(94.44);
    }

    [Fact]
    public void A_published_year_without_pupils_or_with_an_impossible_percentage_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => YearTally.FromPublished(Y1, 90, 50, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => YearTally.FromPublished(Y1, 100.5, 50, 10));
    }

    [Fact]
    public void The_same_year_twice_in_a_pool_is_refused()
    {
        Should.Throw<ArgumentException>(() => Pooling.Pool([new YearTally(Y1, 1, 3, 3, 3), new YearTally(Y1, 1, 3, 3, 3)]));
    }

    [Fact]
    public void Pupil_level_results_count_every_subject_and_leave_exempted_pupils_out()
    {
        static OutflowResult R(Subject s, ReferenceLevel? level, bool exempt = false) => new(Y3, s, level, exempt);
        List<IReadOnlyList<OutflowResult>> pupils =
        [
            // 1F everywhere, target in rekenen (1S) and lezen (2F).
            [R(Subject.Rekenen, ReferenceLevel.Level1S), R(Subject.Lezen, ReferenceLevel.Level2F), R(Subject.Taalverzorging, ReferenceLevel.Level1F)],
            // Below 1F in rekenen.
            [R(Subject.Rekenen, ReferenceLevel.Below1F), R(Subject.Lezen, ReferenceLevel.Level1F), R(Subject.Taalverzorging, ReferenceLevel.Level2F)],
            // Exempted (ontheffing): not in the denominator.
            [R(Subject.Rekenen, null, true), R(Subject.Lezen, null, true), R(Subject.Taalverzorging, null, true)],
            // A result from another year does not count here.
            [new OutflowResult(Y2, Subject.Rekenen, ReferenceLevel.Level1S, false)],
        ];

        var tally = YearTally.FromPupils(Y3, pupils);

        tally.Pupils.ShouldBe(2);
        tally.Results.ShouldBe(6);
        tally.AtFundamental.ShouldBe(5);
        tally.AtTarget.ShouldBe(3);
        tally.PercentFundamental.ShouldBe(83.33);
        tally.PercentTarget.ShouldBe(50.0);
    }

    [Fact]
    public void When_every_pupil_is_exempted_the_year_has_no_pupils_and_no_share()
    {
        List<IReadOnlyList<OutflowResult>> pupils = [[new OutflowResult(Y3, Subject.Rekenen, null, true)]];

        var tally = YearTally.FromPupils(Y3, pupils);

        tally.Pupils.ShouldBe(0);
        JudgedYear.Known(tally).Status.ShouldBe(YearStatus.Missing);
    }

    [Fact]
    public void A_2F_in_rekenen_is_refused_rather_than_counted()
    {
        List<IReadOnlyList<OutflowResult>> pupils = [[new OutflowResult(Y3, Subject.Rekenen, ReferenceLevel.Level2F, false)]];

        Should.Throw<DomainFormatException>(() => YearTally.FromPupils(Y3, pupils)).Message.ShouldContain("rekenen");
    }

    [Fact]
    public void Two_results_for_one_subject_in_one_year_are_refused()
    {
        List<IReadOnlyList<OutflowResult>> pupils =
        [
            [new OutflowResult(Y3, Subject.Lezen, ReferenceLevel.Level1F, false), new OutflowResult(Y3, Subject.Lezen, ReferenceLevel.Level2F, false)],
        ];

        Should.Throw<ArgumentException>(() => YearTally.FromPupils(Y3, pupils));
    }
}
