using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Inspectie;

/// <summary>The outcome of one indicator, as in the file's column <c>Uitkomst indicator …</c>.</summary>
public enum Outcome
{
    /// <summary>The pooled value is at or above the signaleringswaarde.</summary>
    Boven,

    /// <summary>The pooled value is below the signaleringswaarde: a signal for the risk analysis, not a verdict.</summary>
    Onder,

    /// <summary>Fewer than 15 pupils over the three years: the Inspectie judges over five years instead.</summary>
    KleineSchool,

    /// <summary>Not every one of the three years has results (or no signaleringswaarde applies).</summary>
    TeWeinigGegevens,
}

public static class Outcomes
{
    private const string BovenLabel = "Boven de signaleringswaarde";
    private const string OnderLabel = "Onder de signaleringswaarde";
    private const string KleineSchoolLabel = "Kleine school - Beoordeling over 5 jaar";
    private const string TeWeinigGegevensLabel = "Te weinig gegevens";

    /// <summary>The label exactly as the Inspectie publishes it.</summary>
    public static string Label(this Outcome outcome) => outcome switch
    {
        Outcome.Boven => BovenLabel,
        Outcome.Onder => OnderLabel,
        Outcome.KleineSchool => KleineSchoolLabel,
        Outcome.TeWeinigGegevens => TeWeinigGegevensLabel,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>A short code for wire formats and CSV: <c>boven</c>, <c>onder</c>, <c>kleine_school</c>, <c>te_weinig_gegevens</c>.</summary>
    public static string Code(this Outcome outcome) => outcome switch
    {
        Outcome.Boven => "boven",
        Outcome.Onder => "onder",
        Outcome.KleineSchool => "kleine_school",
        Outcome.TeWeinigGegevens => "te_weinig_gegevens",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>Parses the published label (case and the dash style are forgiven) or the short code.</summary>
    public static Outcome Parse(string? text)
    {
        var t = text?.Trim().Replace('–', '-').ToUpperInvariant();
        return t switch
        {
            "BOVEN DE SIGNALERINGSWAARDE" or "BOVEN" => Outcome.Boven,
            "ONDER DE SIGNALERINGSWAARDE" or "ONDER" => Outcome.Onder,
            "KLEINE SCHOOL - BEOORDELING OVER 5 JAAR" or "KLEINE_SCHOOL" or "KLEINE SCHOOL" => Outcome.KleineSchool,
            "TE WEINIG GEGEVENS" or "TE_WEINIG_GEGEVENS" => Outcome.TeWeinigGegevens,
            _ => throw new DomainFormatException(
                $"unknown uitkomst '{text}': expected '{BovenLabel}', '{OnderLabel}', '{KleineSchoolLabel}' or '{TeWeinigGegevensLabel}'"),
        };
    }
}
