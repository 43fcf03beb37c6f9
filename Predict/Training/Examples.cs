using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Forecasting;

namespace Uitstroom.Predict.Training;

/// <summary>A labelled row with where it came from, so a backtest can report per subject and moment.</summary>
public sealed record Example(float[] Features, bool Reached, Subject Subject, TestMoment Moment, int Pupil);

/// <summary>
/// Replays finished cohorts at every standard peildatum from M5 to M8 and labels each pupil × subject with what the
/// pupil reached. Exempted pupils and subjects without a result are left out, as the Inspectie leaves them out.
/// </summary>
public static class Examples
{
    /// <summary>
    /// Rows for both targets. With <paramref name="maxRowsPerTarget"/> the pupil × moment pairs are sampled evenly
    /// (deterministically from <paramref name="seed"/>) so that every moment and school keeps its share.
    /// </summary>
    public static (List<Example> Fundamental, List<Example> Streef) Build(
        IReadOnlyList<PupilHistory> histories, int maxRowsPerTarget = int.MaxValue, int seed = 7,
        IReadOnlyList<TestMoment>? moments = null)
    {
        moments ??= Peildata.Moments;
        var full = (long)histories.Count * moments.Count * 3;
        var keep = full <= maxRowsPerTarget ? 1.0 : maxRowsPerTarget / (double)full;
        var random = new Random(seed);
        var fundamental = new List<Example>((int)Math.Min(full, maxRowsPerTarget) + 1024);
        var streef = new List<Example>(fundamental.Capacity);
        for (var i = 0; i < histories.Count; i++)
        {
            var h = histories[i];
            if (h.Outflow.Count == 0 || Targets.Exempt(h))
            {
                continue;
            }

            foreach (var m in moments)
            {
                if (keep < 1.0 && random.NextDouble() >= keep)
                {
                    continue;
                }

                var features = FeatureBuilder.Build(h, Peildata.After(m, h.OutflowYear));
                foreach (var f in features)
                {
                    var v = ExampleRow.Vector(f);
                    if (Targets.Reached(h, f.Subject, Target.Fundamental) is { } r1)
                    {
                        fundamental.Add(new Example(v, r1, f.Subject, m, i));
                    }

                    if (Targets.Reached(h, f.Subject, Target.Streef) is { } r2)
                    {
                        streef.Add(new Example(v, r2, f.Subject, m, i));
                    }
                }
            }
        }

        return (fundamental, streef);
    }
}
