namespace Uitstroom.Ingest.Store;

/// <summary>
/// A pupil this import places at one school while an earlier import, still in the store, places them at another
/// school at the same time: the same school year and moment (LVS; <see cref="Moment"/> is empty for outflow).
/// The pupil key carries the board, so both are the same board's pupil.
/// </summary>
public sealed record SchoolClash(string PupilKey, int SchoolYear, string Moment, string Brin, int Vestiging, long ImportId);

/// <summary>How Dapper reads a clash: SQLite hands back every integer as a 64-bit one, so no positional constructor.</summary>
internal sealed record SchoolClashRow
{
    public required string PupilKey { get; init; }
    public int SchoolYear { get; init; }
    public required string Moment { get; init; }
    public required string Brin { get; init; }
    public int Vestiging { get; init; }
    public long ImportId { get; init; }
}

/// <summary>
/// The one set-based question an import asks of the store before it commits (docs/formats.md, "pupil in two schools
/// at once"): which of its pupils does the store hold at another school for the same year and moment, in rows this
/// import leaves in place. Rows the import replaced are no clash (a corrected re-export moves a pupil whole).
/// </summary>
internal static class SchoolClashSql
{
    public const string Lvs = """
        SELECT DISTINCT k.pupil_key AS PupilKey, n.school_year AS SchoolYear, n.moment AS Moment,
               o.brin AS Brin, o.vestiging AS Vestiging, o.import_id AS ImportId
        FROM import_pupil p
        JOIN lvs_result n ON n.pupil_id = p.pupil_id AND n.import_id = @id
        JOIN lvs_result o ON o.pupil_id = n.pupil_id AND o.school_year = n.school_year AND o.moment = n.moment
        JOIN pupil k ON k.pupil_id = n.pupil_id
        WHERE o.import_id <> @id AND (o.brin <> n.brin OR o.vestiging <> n.vestiging)
        """;

    public const string Outflow = """
        SELECT DISTINCT k.pupil_key AS PupilKey, n.school_year AS SchoolYear, '' AS Moment,
               o.brin AS Brin, o.vestiging AS Vestiging, o.import_id AS ImportId
        FROM import_pupil p
        JOIN outflow_result n ON n.pupil_id = p.pupil_id AND n.import_id = @id
        JOIN outflow_result o ON o.pupil_id = n.pupil_id AND o.school_year = n.school_year
        JOIN pupil k ON k.pupil_id = n.pupil_id
        WHERE o.import_id <> @id AND (o.brin <> n.brin OR o.vestiging <> n.vestiging)
        """;
}
