using Uitstroom.Contracts.Reporting.V1;

namespace Uitstroom.Reporting.Exports;

/// <summary>
/// The board overview flattened to one row per school and indicator, the shape both exports (CSV, XLSX) and the
/// CLI's workbook write. Cells are text or numbers exactly as the API returned them; text is made safe by
/// <see cref="SafeText"/> when written.
/// </summary>
public static class OverviewTable
{
    public static IReadOnlyList<string> Header(BoardOverview o) =>
    [
        "bestuur", "ovt", "brin", "school", "aanbieder", "schoolweging", "status", "indicator", "signaleringswaarde",
        .. o.RealisedYears.SelectMany(y => new[] { $"{y} %", $"{y} leerlingen" }),
        "driejaarsgemiddelde", "uitkomst",
        .. o.ForecastYears.SelectMany(y => new[]
        {
            $"{y} verwacht %", $"{y} laag %", $"{y} hoog %", $"{y} driejaarsgemiddelde verwacht", $"{y} kans onder",
        }),
        "kans onder", "tekort resultaten",
    ];

    public static IEnumerable<IReadOnlyList<object?>> Rows(BoardOverview o)
    {
        foreach (var s in o.Schools)
        {
            foreach (var i in new[] { s.Fundamental, s.Target })
            {
                var row = new List<object?>
                {
                    o.Bgnr, s.Ovt, s.Brin, s.Name, s.Provider, s.HasSchoolweging ? s.Schoolweging : null,
                    Status(s.Status), i.Indicator, i.HasSignaleringswaarde ? i.Signaleringswaarde : null,
                };
                foreach (var year in o.RealisedYears)
                {
                    var r = i.Realised.FirstOrDefault(x => x.SchoolYear == year);
                    row.Add(r is { HasPercent: true } ? r.Percent : null);
                    row.Add(r?.Pupils);
                }

                row.Add(i.HasPooled ? i.Pooled : null);
                row.Add(i.Outcome);
                foreach (var year in o.ForecastYears)
                {
                    var f = i.Forecast.FirstOrDefault(x => x.SchoolYear == year);
                    row.AddRange(f is null
                        ? [null, null, null, null, null]
                        : [f.Percent.Expected, f.Percent.Low, f.Percent.High, f.ProjectedIndicator.Expected, f.ProbabilityBelow]);
                }

                row.Add(i.HasProbabilityBelow ? i.ProbabilityBelow : null);
                row.Add(i.HasGapResults ? i.GapResults : null);
                yield return row;
            }
        }
    }

    private static string Status(SchoolStatus status) => status switch
    {
        SchoolStatus.Groen => "groen",
        SchoolStatus.Oranje => "oranje",
        SchoolStatus.Rood => "rood",
        _ => "",
    };
}
