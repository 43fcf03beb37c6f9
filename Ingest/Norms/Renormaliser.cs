using System.Data.Common;
using Dapper;
using Grpc.Core;
using Uitstroom.Domain.Results;
using Uitstroom.Ingest.Importing;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Ingest.Norms;

/// <summary>What a re-normalisation did.</summary>
public sealed record RenormaliseOutcome(string Provider, int TableVersion, long Results, long Changed, IReadOnlyList<string> Boards);

/// <summary>
/// Puts a provider's stored LVS results on its newest norm table, when a user asks (registering a table never does).
/// The results are sent to Normalise exactly as an import sends them (score and percentile), so a value changes only
/// when the table did. One transaction: all values and their table versions change, or none do.
/// </summary>
public sealed class Renormaliser(
    StoreConnectionFactory store, RegistryRepository registry, IResultNormaliser normaliser, ILvsProviderDirectory providers,
    ILogger<Renormaliser> logger)
{
    private const int Batch = 8192;

    private sealed record StoredRow
    {
        public required string PupilKey { get; init; }
        public int PupilId { get; init; }
        public int SchoolYear { get; init; }
        public required string Moment { get; init; }
        public required string Subject { get; init; }
        public required string Brin { get; init; }
        public int Vestiging { get; init; }
        public int Groep { get; init; }
        public double Score { get; init; }
        public double? Percentile { get; init; }
        public double? Uniform { get; init; }
        public int? NormVersion { get; init; }
        public string? Bgnr { get; init; }
    }

    public async Task<RenormaliseOutcome> RunAsync(string providerText, string? bgnr, CancellationToken cancellationToken)
    {
        var lookup = await providers.LookupAsync(cancellationToken);
        var provider = lookup.Find(providerText)
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"unknown provider '{providerText.Trim()}': expected one of {lookup.Current.Describe()}"));
        if (bgnr is not null && !await registry.BoardExistsAsync(bgnr, cancellationToken))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"board {bgnr} is not in the registry"));
        }

        await using var connection = await store.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<StoredRow>(new CommandDefinition(
            $"""
            SELECT p.pupil_key AS PupilKey, r.pupil_id AS PupilId, r.school_year AS SchoolYear, r.moment AS Moment, r.subject AS Subject, r.brin AS Brin,
                   r.vestiging AS Vestiging, r.groep AS Groep, r.score AS Score, r.percentile AS Percentile, r.uniform AS Uniform,
                   r.norm_version AS NormVersion, s.bgnr AS Bgnr
            FROM lvs_result r JOIN pupil p ON p.pupil_id = r.pupil_id LEFT JOIN school s ON s.brin = r.brin AND s.vestiging = r.vestiging
            WHERE r.provider = @provider {(bgnr is null ? "" : "AND s.bgnr = @bgnr")}
            """, new { provider = provider.Code, bgnr }, transaction, cancellationToken: cancellationToken))).ToList();

        var version = 0;
        var changed = new List<(StoredRow Row, Normalised? Value)>();
        foreach (var chunk in rows.Chunk(Batch))
        {
            var results = chunk.Select(r => new LvsResult(new SchoolId(r.Brin, r.Vestiging), r.PupilKey, new SchoolYear(r.SchoolYear), r.Groep,
                TestMoment.Parse(r.Moment), provider.Code, Subjects.Parse(r.Subject), r.Score, r.Percentile, null, null, null)).ToList();
            var outcome = await normaliser.NormaliseAsync(results, cancellationToken);
            if (outcome.Problem is { } problem)
            {
                throw new RpcException(new Status(StatusCode.FailedPrecondition, $"nothing was re-normalised: {problem}"));
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                var value = outcome.Values[i];
                version = Math.Max(version, value?.TableVersion ?? 0);
                if (value?.Uniform != chunk[i].Uniform || value?.TableVersion != chunk[i].NormVersion)
                {
                    changed.Add((chunk[i], value));
                }
            }
        }

        await UpdateAsync(connection, transaction, provider.Code, changed, cancellationToken);
        var boards = changed.Select(c => c.Row.Bgnr).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var board in boards)
        {
            // The values Predict reads changed: a new data generation retires the board's cached forecasts.
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO board_generation (bgnr, generation, last_import_id) VALUES (@board, 1, 0)
                ON CONFLICT (bgnr) DO UPDATE SET generation = board_generation.generation + 1
                """, new { board }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Re-normalised {Provider} ({Board}): {Changed} of {Results} results now on table version {Version}",
            provider.Code, bgnr ?? "every board", changed.Count, rows.Count, version);
        return new RenormaliseOutcome(provider.Code, version, rows.Count, changed.Count, boards);
    }

    private static async Task UpdateAsync(DbConnection connection, DbTransaction transaction, string provider,
        List<(StoredRow Row, Normalised? Value)> changed, CancellationToken cancellationToken)
    {
        // The score is part of the condition: a row an import corrected meanwhile keeps the import's value, which
        // came from the newest table too.
        foreach (var (row, value) in changed)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE lvs_result SET uniform = @uniform, norm_version = @version
                WHERE pupil_id = @id AND school_year = @year AND moment = @moment AND subject = @subject
                  AND provider = @provider AND score = @score
                """,
                new
                {
                    uniform = value?.Uniform,
                    version = value?.TableVersion,
                    id = row.PupilId,
                    year = row.SchoolYear,
                    moment = row.Moment,
                    subject = row.Subject,
                    provider,
                    score = row.Score,
                }, transaction, cancellationToken: cancellationToken));
        }
    }
}
