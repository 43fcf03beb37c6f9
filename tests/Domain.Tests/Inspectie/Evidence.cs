using Uitstroom.Domain.Inspectie;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Domain.Tests.Inspectie;

/// <summary>Builds judgement inputs for the edge tests: years 2022-2023 … 2024-2025 unless said otherwise.</summary>
internal static class Evidence
{
    public static readonly SchoolYear Y1 = new(2022), Y2 = new(2023), Y3 = new(2024);

    /// <summary>A known year with <paramref name="pupils"/> pupils, of whom the given numbers of results reached each level.</summary>
    public static JudgedYear Year(SchoolYear year, int pupils, int atFundamental, int atTarget) =>
        JudgedYear.Known(new YearTally(year, pupils, YearTally.SubjectsPerPupil * pupils, atFundamental, atTarget));

    /// <summary>Three equal years whose pooled %1F and %1S/2F are exactly the given shares of 3 · pupils results.</summary>
    public static SchoolEvidence ThreeYears(int pupilsPerYear, int fundamentalPerYear, int targetPerYear, double? schoolweging = 30.5) =>
        new([Year(Y1, pupilsPerYear, fundamentalPerYear, targetPerYear), Year(Y2, pupilsPerYear, fundamentalPerYear, targetPerYear),
             Year(Y3, pupilsPerYear, fundamentalPerYear, targetPerYear)], schoolweging);
}
