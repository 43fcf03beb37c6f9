using System.ComponentModel.DataAnnotations;

namespace Uitstroom.Reporting.Sources;

/// <summary>Deadlines of Reporting's calls and how long a fetched part counts as current (section "Reporting").</summary>
public sealed class SourceOptions
{
    public const string Section = "Reporting";

    /// <summary>Registry calls are small reads from the store.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan IngestDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A cold board forecast may need Predict to score every pupil of the board.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan PredictDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Forecasts change only when new LVS results are imported (half-yearly), so a short reuse costs nothing in
    /// accuracy and keeps a busy page from asking Predict again for every visitor.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FreshFor { get; set; } = TimeSpan.FromSeconds(60);
}
