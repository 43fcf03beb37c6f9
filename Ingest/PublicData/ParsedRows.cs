using Uitstroom.Domain.Inspectie;

namespace Uitstroom.Ingest.PublicData;

/// <summary>A row the import refused, with the line it stands on and why.</summary>
public sealed record RejectedLine(int Line, string Reason);

/// <summary>One year of one school in the Inspectie's results file; percentages are null when masked.</summary>
public sealed record PublishedYearRow(SchoolYear Year, bool Masked, int? Pupils, double? PercentFundamental, double? PercentTarget);

/// <summary>One row of the Inspectie's results file, as published. Absent years are not in <see cref="Years"/>.</summary>
public sealed record InspectieResultRow(
    int Line,
    Ovt Ovt,
    IReadOnlyList<PublishedYearRow> Years,
    double? Schoolweging,
    double SignaleringswaardeFundamental,
    double? SignaleringswaardeTarget,
    double? PooledFundamental,
    double? PooledTarget,
    int? Pupils,
    Outcome OutcomeFundamental,
    Outcome OutcomeTarget);

/// <summary>A school's schoolweging for one year (or the three-year mean when <see cref="Year"/> is null).</summary>
public sealed record SchoolwegingRow(int Line, Ovt Ovt, string Name, string Bgnr, SchoolYear? Year, double? Schoolweging, int? Pupils, double? Spreiding);

/// <summary>DUO's count of pupils per subject and reached level for one vestiging and school year.</summary>
public sealed record DuoLevelCountRow(
    int Line, SchoolId School, SchoolYear Year, string Bgnr, string Name,
    IReadOnlyDictionary<(Subject Subject, ReferenceLevel Level), CountRange> Counts);

/// <summary>A bo vestiging from DUO's address file.</summary>
public sealed record DuoSchoolRow(int Line, SchoolId School, string Bgnr, string Name, string Municipality);

/// <summary>A public file parsed: its kind, the years it covers, the accepted rows (of one type) and the rejected ones.</summary>
public sealed record ParsedPublicFile(
    string FileName,
    PublicFileKind Kind,
    IReadOnlyList<SchoolYear> Years,
    IReadOnlyList<object> Rows,
    IReadOnlyList<RejectedLine> Rejected)
{
    public int RowsRead => Rows.Count + Rejected.Count;

    public IEnumerable<T> RowsOf<T>() => Rows.OfType<T>();
}
