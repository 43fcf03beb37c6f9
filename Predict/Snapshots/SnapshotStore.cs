using System.Globalization;
using Dapper;
using Google.Protobuf;
using Uitstroom.Contracts.Predict.V1;
using Uitstroom.Domain.Vocabulary;

namespace Uitstroom.Predict.Snapshots;

/// <summary>How a snapshot came about: recorded when the forecast was served, or recomputed later.</summary>
public static class SnapshotOrigin
{
    public const string Live = "live";

    /// <summary>Recomputed afterwards from the data as it stood on the moment's peildatum, with a later model.</summary>
    public const string Recomputed = "teruggerekend";
}

/// <summary>One board snapshot: the moment, the model, where it came from, and how many schools it holds.</summary>
public sealed record SnapshotHeader(
    string Bgnr, ForecastMoment Moment, string ModelVersion, DateOnly Peildatum, string Origin, DateTimeOffset RecordedAt, long Generation, int Schools = 0)
{
    public bool IsLive => Origin == SnapshotOrigin.Live;
}

/// <summary>
/// The snapshots in the store (Dapper; SQLite or PostgreSQL). A snapshot is keyed by board × moment × model version
/// and written whole in one transaction: recomputing the same moment replaces it, so a half-year keeps the last
/// forecast made in it.
/// </summary>
public sealed class SnapshotStore(SnapshotConnections connections)
{
    public async Task SaveAsync(SnapshotHeader header, IReadOnlyList<SchoolForecastMessage> schools, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(schools);
        var key = new { bgnr = header.Bgnr, schoolYear = header.Moment.Year.StartYear, moment = header.Moment.Code, model = header.ModelVersion };
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            DELETE FROM forecast_snapshot_school
            WHERE bgnr = @bgnr AND school_year = @schoolYear AND moment = @moment AND model_version = @model
            """, key, tx).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            DELETE FROM forecast_snapshot
            WHERE bgnr = @bgnr AND school_year = @schoolYear AND moment = @moment AND model_version = @model
            """, key, tx).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            INSERT INTO forecast_snapshot (bgnr, school_year, moment, model_version, peildatum, origin, recorded_at, generation)
            VALUES (@bgnr, @schoolYear, @moment, @model, @peildatum, @origin, @recordedAt, @generation)
            """,
            new
            {
                key.bgnr, key.schoolYear, key.moment, key.model,
                peildatum = header.Peildatum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                origin = header.Origin,
                recordedAt = header.RecordedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                generation = header.Generation,
            }, tx).ConfigureAwait(false);
        await connection.ExecuteAsync(
            """
            INSERT INTO forecast_snapshot_school (bgnr, school_year, moment, model_version, brin, vestiging, status, max_probability_below, outlook)
            VALUES (@bgnr, @schoolYear, @moment, @model, @brin, @vestiging, @status, @maxProbabilityBelow, @outlook)
            """,
            schools.Select(s => new
            {
                key.bgnr, key.schoolYear, key.moment, key.model,
                brin = s.Brin,
                vestiging = s.Vestiging,
                status = s.Status,
                maxProbabilityBelow = s.MaxProbabilityBelow,
                outlook = Compact(s).ToByteArray(),
            }), tx).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Every snapshot of the board, every model version, oldest moment first.</summary>
    public async Task<IReadOnlyList<SnapshotHeader>> HeadersAsync(string bgnr, CancellationToken ct)
    {
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<HeaderRow>(new CommandDefinition(
            """
            SELECT s.bgnr AS Bgnr, s.school_year AS SchoolYear, s.moment AS Moment, s.model_version AS ModelVersion,
                   s.peildatum AS Peildatum, s.origin AS Origin, s.recorded_at AS RecordedAt, s.generation AS Generation,
                   (SELECT COUNT(*) FROM forecast_snapshot_school c
                    WHERE c.bgnr = s.bgnr AND c.school_year = s.school_year AND c.moment = s.moment AND c.model_version = s.model_version) AS Schools
            FROM forecast_snapshot s
            WHERE s.bgnr = @bgnr
            """, new { bgnr }, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToHeader()).OrderBy(h => h.Moment).ThenBy(h => h.RecordedAt)];
    }

    /// <summary>The schools of the given snapshots (one school when <paramref name="school"/> is set), per snapshot.</summary>
    public async Task<IReadOnlyDictionary<SnapshotHeader, IReadOnlyList<SchoolForecastMessage>>> SchoolsAsync(
        string bgnr, IReadOnlyList<SnapshotHeader> snapshots, SchoolId? school, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        await using var connection = await connections.OpenAsync(ct).ConfigureAwait(false);
        var filter = school is null ? "" : "AND brin = @brin AND vestiging = @vestiging";
        var rows = await connection.QueryAsync<SchoolRow>(new CommandDefinition(
            $"""
            SELECT school_year AS SchoolYear, moment AS Moment, model_version AS ModelVersion, outlook AS Outlook
            FROM forecast_snapshot_school
            WHERE bgnr = @bgnr {filter}
            ORDER BY brin, vestiging
            """, new { bgnr, brin = school?.Brin, vestiging = school?.Vestiging ?? 0 }, cancellationToken: ct)).ConfigureAwait(false);
        var wanted = snapshots.ToDictionary(h => (h.Moment, h.ModelVersion));
        var result = snapshots.ToDictionary(h => h, _ => (IReadOnlyList<SchoolForecastMessage>)new List<SchoolForecastMessage>());
        foreach (var row in rows)
        {
            if (wanted.TryGetValue((ForecastMoment.Parse(row.SchoolYear, row.Moment), row.ModelVersion), out var header))
            {
                ((List<SchoolForecastMessage>)result[header]).Add(SchoolForecastMessage.Parser.ParseFrom(row.Outlook));
            }
        }

        return result;
    }

    /// <summary>What a snapshot keeps of a school forecast: everything but the gaps (an action list, not an outlook).</summary>
    public static SchoolForecastMessage Compact(SchoolForecastMessage school)
    {
        ArgumentNullException.ThrowIfNull(school);
        var copy = school.Clone();
        copy.Gaps.Clear();
        return copy;
    }

    // Dapper fills these by name; SQLite hands integers back as Int64, which Dapper narrows for int properties.
    private sealed class HeaderRow
    {
        public string Bgnr { get; set; } = "";
        public int SchoolYear { get; set; }
        public string Moment { get; set; } = "";
        public string ModelVersion { get; set; } = "";
        public string Peildatum { get; set; } = "";
        public string Origin { get; set; } = "";
        public string RecordedAt { get; set; } = "";
        public long Generation { get; set; }
        public int Schools { get; set; }

        public SnapshotHeader ToHeader() => new(
            Bgnr,
            ForecastMoment.Parse(SchoolYear, Moment),
            ModelVersion,
            DateOnly.ParseExact(Peildatum, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Origin,
            DateTimeOffset.Parse(RecordedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            Generation,
            Schools);
    }

    private sealed class SchoolRow
    {
        public int SchoolYear { get; set; }
        public string Moment { get; set; } = "";
        public string ModelVersion { get; set; } = "";
        public byte[] Outlook { get; set; } = [];
    }
}
