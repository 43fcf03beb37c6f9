namespace Uitstroom.Domain.Inspectie;

/// <summary>The Inspectie's two result indicators, each pooled over lezen, taalverzorging and rekenen.</summary>
public enum Indicator
{
    /// <summary>%1F: the share of pupil × subject results at 1F or above.</summary>
    Fundamental,

    /// <summary>%1S/2F: the share at the target level (1S rekenen, 2F lezen and taalverzorging).</summary>
    Target,
}

public static class IndicatorLabels
{
    public static IReadOnlyList<Indicator> All { get; } = [Indicator.Fundamental, Indicator.Target];

    /// <summary>The label the Inspectie's files use: <c>1F</c> and <c>1S/2F</c>.</summary>
    public static string Label(this Indicator indicator) => indicator == Indicator.Fundamental ? "1F" : "1S/2F";
}
