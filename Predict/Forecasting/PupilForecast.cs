using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Forecasting;

/// <summary>A pupil's chances, per subject, of reaching 1F and the target level at the end of groep 8.</summary>
public sealed record PupilForecast(
    string PupilKey,
    SchoolId School,
    int Groep,
    SchoolYear OutflowYear,
    Subject Subject,
    double PFundamental,
    double PStreef);
