using Uitstroom.Domain.Histories;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Models;
using Uitstroom.Predict.Schools;

namespace Uitstroom.Predict.Training;

/// <summary>
/// A trained model version: one calibrated learner per target and the school-swing variances estimated with it.
/// It forecasts every pupil from groep 5 to 8 as of a peildatum.
/// </summary>
public sealed class ForecastModel(
    ModelInfo info, BinaryModel fundamental, BinaryModel streef, SchoolSwing swingFundamental, SchoolSwing swingStreef)
{
    public ModelInfo Info => info;

    /// <summary>Time spent building features and scoring, over this instance's life (benchmarks read it).</summary>
    public TimeSpan FeatureTime { get; private set; }

    public TimeSpan ScoringTime { get; private set; }

    public ForecastModel WithInfo(ModelInfo other) => new(other, fundamental, streef, swingFundamental, swingStreef);

    public BinaryModel Fundamental => fundamental;

    public BinaryModel Streef => streef;

    public SchoolSwing SwingFundamental => swingFundamental;

    public SchoolSwing SwingStreef => swingStreef;

    public SchoolSwing Swing(Target target) => target == Target.Fundamental ? swingFundamental : swingStreef;

    public BinaryModel For(Target target) => target == Target.Fundamental ? fundamental : streef;

    /// <summary>
    /// Whether a pupil is forecast on <paramref name="asOf"/>: in groep 5 to 8 of this school year. A pupil is seen
    /// through its LVS results, and a new school year brings none until its first moment is taken: B8 in October
    /// for Cito schools, M in February for everyone else and for groep 5 to 7. Until the midden results are due, a
    /// pupil last seen in the previous year and not yet out of the school has moved up one groep; once they are due,
    /// a history last seen in an earlier year belongs to a pupil who left the school (or already left groep 8).
    /// </summary>
    public static bool InScope(PupilHistory h, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(h);
        var year = Domain.Vocabulary.SchoolYear.Containing(asOf);
        var groep = FeatureBuilder.GroepIn(h, year);
        if (groep is < 5 or > 8)
        {
            return false;
        }

        return h.Year >= year || (h.Year == year.Plus(-1) && h.Outflow.Count == 0 && asOf < Peildata.SeenInYearBy(groep, year));
    }

    /// <summary>Every pupil in scope × subject, with both probabilities.</summary>
    public IReadOnlyList<PupilForecast> Predict(IReadOnlyList<PupilHistory> histories, DateOnly asOf)
    {
        var features = System.Diagnostics.Stopwatch.StartNew();
        var year = Domain.Vocabulary.SchoolYear.Containing(asOf);
        var scope = histories.Where(h => InScope(h, asOf)).ToArray();
        var rows = new float[scope.Length * 3][];
        var meta = new (PupilHistory H, PupilFeatures F)[rows.Length];
        Parallel.For(0, scope.Length, i =>
        {
            var features = FeatureBuilder.Build(scope[i], asOf);
            for (var s = 0; s < 3; s++)
            {
                rows[(i * 3) + s] = ExampleRow.Vector(features[s]);
                meta[(i * 3) + s] = (scope[i], features[s]);
            }
        });
        FeatureTime += features.Elapsed;

        var scoring = System.Diagnostics.Stopwatch.StartNew();
        var (p1, l1) = fundamental.Probabilities(rows, fundamental.Scores(rows));
        var (p2, l2) = streef.Probabilities(rows, streef.Scores(rows));
        ScoringTime += scoring.Elapsed;
        var result = new PupilForecast[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var (h, f) = meta[i];
            var groep = FeatureBuilder.GroepIn(h, year);
            // Reaching the target implies reaching 1F; two separate learners can disagree by a hair, so keep order.
            result[i] = new PupilForecast(h.PupilKey, h.School, groep, year.Plus(8 - groep), f.Subject,
                Math.Max(p1[i], p2[i]), p2[i], Math.Max(l1[i], l2[i]), l2[i]);
        }

        return result;
    }
}
