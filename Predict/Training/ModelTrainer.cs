using Microsoft.ML;
using Uitstroom.Domain.Histories;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Models;
using Uitstroom.Predict.Schools;

namespace Uitstroom.Predict.Training;

/// <summary>
/// Trains a model version on finished cohorts. The most recent cohort is held out: the learner is fitted on the
/// earlier ones, the calibrator and the school-swing variances on the most recent one, so the forecasts stand at the
/// most recent cohort's level, made less sure by how far the earlier cohorts lay from it (drift, docs/forecast.md).
/// </summary>
public static class ModelTrainer
{
    // Enough pupils to fit two calibration parameters and a handful of variances; more only costs time.
    private const int MaxCalibrationRows = 150_000;

    public static ForecastModel Train(
        IReadOnlyList<PupilHistory> finished, TrainingOptions options, string version, string scope = "platform",
        CancellationToken ct = default)
    {
        var known = finished.Where(h => h.Outflow.Count > 0).ToArray();
        var cohorts = known.Select(h => h.OutflowYear.StartYear).Distinct().Order().ToArray();
        if (cohorts.Length == 0)
        {
            throw new InvalidOperationException("no finished cohort with outflow results to train on");
        }

        // One cohort only: hold out a fixed fifth of its pupils instead of a year (no drift can be learned then).
        var calibrationYear = cohorts[^1];
        Func<PupilHistory, bool> isCalibration = cohorts.Length > 1
            ? h => h.OutflowYear.StartYear == calibrationYear
            : h => (StableHash(h.PupilKey) % 5) == 0;
        var fit = known.Where(h => !isCalibration(h)).ToArray();
        var held = known.Where(isCalibration).ToArray();

        var ml = new MLContext(options.Seed);
        var (fitF, fitS) = Examples.Build(fit, options.MaxRowsPerTarget, options.Seed);
        ct.ThrowIfCancellationRequested();
        var (calF, calS) = Examples.Build(held, MaxCalibrationRows, options.Seed + 1);
        ct.ThrowIfCancellationRequested();

        var (fundamental, swingF) = FitAndCentre(ml, options, fit, fitF, held, calF);
        ct.ThrowIfCancellationRequested();
        var (streef, swingS) = FitAndCentre(ml, options, fit, fitS, held, calS);

        var info = new ModelInfo(version, options.Learner.Code(), scope, cohorts, calibrationYear, known.Length,
            DateTimeOffset.UtcNow, null);
        return new ForecastModel(info, fundamental, streef, swingF, swingS);
    }

    /// <summary>
    /// Fits the learner and the calibrator, measures the school swing on the calibration cohort, and sets the year
    /// level (<see cref="YearLevel"/>): centred on the calibration cohort, the most recent one, with the spread of the
    /// known cohorts around it as the uncertainty of a coming year's level. A pupil's probability is averaged over that
    /// uncertainty (no LVS result foresees a national test-day effect); a school's count carries it as a shift shared
    /// by the whole year (<see cref="SchoolSwing.DriftVariance"/>).
    /// </summary>
    private static (BinaryModel, SchoolSwing) FitAndCentre(
        MLContext ml, TrainingOptions options, PupilHistory[] fit, List<Example> fitExamples, PupilHistory[] held, List<Example> heldExamples)
    {
        var model = Fit(ml, options, fitExamples, heldExamples);
        var offsets = SwingEstimator.CohortOffsets(model, fit, fitExamples).Values.Append(0.0).ToArray();
        var level = YearLevel.FromOffsets(offsets);
        var swing = SwingEstimator.Estimate(model, held, heldExamples, level.Variance);
        var centred = model.WithCalibrator(model.Calibrator.Shifted(level.Centre) with { YearVariance = level.Variance });
        return (centred, swing);
    }

    private static BinaryModel Fit(MLContext ml, TrainingOptions options, List<Example> fit, List<Example> calibration)
    {
        if (fit.Count == 0 || calibration.Count == 0)
        {
            throw new InvalidOperationException("too few pupils with outflow results to train and calibrate a model");
        }

        var data = ml.Data.LoadFromEnumerable(fit.Select(e => new ExampleRow { Features = e.Features, Label = e.Reached }));
        var transformer = LearnerFactory.Create(ml, options).Fit(data);
        var identity = new PlattCalibrator(1, 0);
        var uncalibrated = new BinaryModel(ml, transformer, data.Schema, new CalibratorSet(identity, new PlattCalibrator?[3 * CalibratorSet.Horizons]));
        var features = calibration.Select(e => e.Features).ToArray();
        var scores = uncalibrated.Scores(features);
        var labels = calibration.Select(e => e.Reached).ToArray();
        return uncalibrated.WithCalibrator(CalibratorSet.Fit(features, scores, labels));
    }

    /// <summary>A hash of the pupil key that is the same in every process (string.GetHashCode is not).</summary>
    public static uint StableHash(string key)
    {
        var h = 2166136261u;
        foreach (var c in key)
        {
            h = (h ^ c) * 16777619u;
        }

        return h;
    }
}
