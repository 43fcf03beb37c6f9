using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Lookback;

/// <summary>
/// Looking back: turns one school's results into the Inspectie's judgement, with the domain's rules. A year the
/// Inspectie published is taken as published; a year it did not (a fictional board, a school not in its file, a
/// year after its file) is counted from the pupils' own doorstroomtoets results, as the Inspectie would
/// (<see cref="YearTally.FromPupils"/>). The judged window is the three outflow years ending in the last year of
/// the Inspectie's published judgement, or else in the latest year on record, so a school whose last year is
/// missing is caught.
/// </summary>
public sealed class LookbackCalculator(Signaleringswaarden signaleringswaarden)
{
    public SchoolLookback Calculate(PublishedSchool school, SchoolYear latest) =>
        Calculate(school, latest, new Dictionary<SchoolYear, YearTally>());

    /// <param name="school">The school as published; a school the Inspectie never published carries no years.</param>
    /// <param name="latest">The last outflow year on record, the end of the window when nothing pins it.</param>
    /// <param name="pupilTallies">The school's outflow years counted from its pupils, for the years not published.</param>
    public SchoolLookback Calculate(PublishedSchool school, SchoolYear latest, IReadOnlyDictionary<SchoolYear, YearTally> pupilTallies)
    {
        ArgumentNullException.ThrowIfNull(school);
        ArgumentNullException.ThrowIfNull(pupilTallies);
        var last = school.Judgement is { LastSchoolYear.Length: > 0 } j ? SchoolYear.Parse(j.LastSchoolYear) : latest;
        var byYear = school.Years.ToDictionary(y => SchoolYear.Parse(y.SchoolYear));
        JudgedYear Evidence(SchoolYear year) => LookbackCalculator.Evidence(byYear, pupilTallies, year);
        var judged = Enumerable.Range(0, Judgement.JudgedYears).Select(i => Evidence(last.Plus(i - Judgement.JudgedYears + 1))).ToList();
        var earlier = Enumerable.Range(0, Judgement.SmallSchoolYears - Judgement.JudgedYears)
            .Select(i => Evidence(last.Plus(i - Judgement.SmallSchoolYears + 1))).ToList();

        var evidence = new SchoolEvidence(judged, school.HasSchoolweging ? school.Schoolweging : null, earlier, PublishedPooled(school));
        var judgement = Judgement.Judge(evidence, signaleringswaarden);
        return ToMessage(school, judgement);
    }

    private static JudgedYear Evidence(
        Dictionary<SchoolYear, PublishedYear> byYear, IReadOnlyDictionary<SchoolYear, YearTally> pupilTallies, SchoolYear year) =>
        byYear.TryGetValue(year, out var y)
            ? y.Status == PublishedYearStatus.Masked ? JudgedYear.Masked(year)
              : JudgedYear.Known(YearTally.FromPublished(year, y.PercentFundamental, y.PercentTarget, y.Pupils))
            : pupilTallies.TryGetValue(year, out var counted) && counted.Pupils > 0 ? JudgedYear.Known(counted)
            : JudgedYear.Missing(year);

    /// <summary>Where masking hides the years, the Inspectie's published pooled value is all there is to judge.</summary>
    private static Pooled? PublishedPooled(PublishedSchool school) =>
        school.Judgement is { HasPooledFundamental: true, HasPooledTarget: true, HasPupils: true } j
            ? new Pooled(Judgement.JudgedYears, j.Pupils, YearTally.SubjectsPerPupil * j.Pupils, j.PooledFundamental, j.PooledTarget)
            : null;

    private static SchoolLookback ToMessage(PublishedSchool school, SchoolJudgement judgement)
    {
        var message = new SchoolLookback
        {
            Ovt = school.Ovt,
            Brin = school.Brin,
            Name = school.Name,
            Fundamental = ToMessage(judgement.Fundamental, school.Judgement?.OutcomeFundamental),
            Target = ToMessage(judgement.Target, school.Judgement?.OutcomeTarget),
        };
        if (school.HasSchoolweging)
        {
            message.Schoolweging = school.Schoolweging;
        }

        if (judgement.SchoolwegingBand is { } band)
        {
            message.SchoolwegingBand = band;
        }

        if (judgement.Pooled is { } pooled)
        {
            message.Pupils = pooled.Pupils;
        }

        message.Years.AddRange(judgement.Years.Select(y => new LookbackYear
        {
            SchoolYear = y.Year.ToString(),
            Status = y.Status.ToString().ToLowerInvariant(),
            Pupils = y.Tally?.Pupils ?? 0,
            PercentFundamental = y.Tally?.PercentFundamental ?? 0,
            PercentTarget = y.Tally?.PercentTarget ?? 0,
        }));
        return message;
    }

    private static IndicatorLookback ToMessage(IndicatorJudgement j, string? published)
    {
        var message = new IndicatorLookback
        {
            Outcome = j.Outcome.Code(),
            OutcomeLabel = j.Outcome.Label(),
            FiveYearOutcome = j.FiveYear?.Code() ?? "",
            PublishedOutcome = published ?? "",
        };
        if (j.Value is { } v)
        {
            message.Value = v;
        }

        if (j.Signaleringswaarde is { } s)
        {
            message.Signaleringswaarde = s;
        }

        return message;
    }
}
