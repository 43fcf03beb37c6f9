using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Forecasting;

/// <summary>
/// A pupil's chances, per subject, of reaching 1F and the target level at the end of groep 8. <see cref="PFundamental"/>
/// and <see cref="PStreef"/> are what the pupil is told: over every level the coming outflow year may have as a whole.
/// The <c>AtLevel</c> pair is the same chance if that year lands exactly on the level the model is centred on; a
/// school's count needs it, because the year's level is shared by all its pupils (docs/forecast.md, "Drift").
/// </summary>
public sealed record PupilForecast(
    string PupilKey,
    SchoolId School,
    int Groep,
    SchoolYear OutflowYear,
    Subject Subject,
    double PFundamental,
    double PStreef,
    double? PFundamentalAtLevel = null,
    double? PStreefAtLevel = null);
