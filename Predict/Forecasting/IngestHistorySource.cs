using Uitstroom.Contracts.Mapping;
using System.Globalization;
using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Histories;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Predict.Lookback;
using Uitstroom.Predict.Schools;
using Uitstroom.Predict.Snapshots;

namespace Uitstroom.Predict.Forecasting;

/// <summary>
/// Reads a board from Ingest: the registry for its schools and schoolweging, the history stream for its pupils.
/// Results not yet on the uniform scale (no norm table for them) are left out: the model only reads uniform values.
/// </summary>
public sealed class IngestHistorySource(Registry.RegistryClient registry, PupilHistories.PupilHistoriesClient histories) : IPupilHistorySource
{
    // A board's history stream is long for a large board; the default deadline of a unary call would cut it.
    private static readonly TimeSpan StreamDeadline = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<string>> BoardsAsync(CancellationToken ct)
    {
        var reply = await registry.ListBoardsAsync(new ListBoardsRequest(), cancellationToken: ct).ConfigureAwait(false);
        return [.. reply.Boards.Select(b => b.Bgnr)];
    }

    public async Task<long> GenerationAsync(string bgnr, CancellationToken ct)
    {
        var reply = await histories.GetDataGenerationAsync(new DataGenerationRequest { Bgnr = bgnr }, cancellationToken: ct).ConfigureAwait(false);
        return reply.Generation;
    }

    public async Task<BoardData> LoadAsync(string bgnr, DateOnly asOf, IReadOnlyCollection<string>? schoolPupilIds, CancellationToken ct)
    {
        var schools = await registry.ListSchoolsAsync(new ListSchoolsRequest { Bgnr = bgnr }, cancellationToken: ct).ConfigureAwait(false);
        var request = new HistoriesRequest { Bgnr = bgnr, AsOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        if (schoolPupilIds is not null)
        {
            request.SchoolPupilIds.AddRange(schoolPupilIds);
        }

        var list = new List<PupilHistory>();
        var ids = new Dictionary<string, string>();
        long generation = 0;
        using var call = histories.StreamHistories(request, deadline: DateTime.UtcNow + StreamDeadline, cancellationToken: ct);
        await foreach (var m in call.ResponseStream.ReadAllAsync(ct).ConfigureAwait(false))
        {
            generation = m.Generation;
            list.Add(PupilHistoryMapping.ToDomain(m));
            if (m.SchoolPupilId.Length > 0)
            {
                ids[m.PupilKey] = m.SchoolPupilId;
            }
        }

        if (list.Count == 0)
        {
            generation = await GenerationAsync(bgnr, ct).ConfigureAwait(false);
        }

        return new BoardData(
            bgnr,
            generation,
            Schools(schools, bgnr),
            list)
        {
            SchoolPupilIds = ids,
        };
    }

    /// <summary>Counted by Ingest where the rows are (TallyOutflow): no pupil history crosses the wire.</summary>
    public async Task<BoardOutflow> OutflowAsync(string bgnr, DateOnly asOf, CancellationToken ct)
    {
        var (registered, counted) = await RegisteredOutflow.ReadAsync(registry, histories, bgnr, asOf, ct).ConfigureAwait(false);
        return new BoardOutflow(Schools(registered, bgnr), counted);
    }

    /// <summary>Summed by Ingest where the rows are (SumCohortMoments): no pupil history crosses the wire.</summary>
    public async Task<IReadOnlyList<CohortMoment>> CohortMomentsAsync(string bgnr, DateOnly asOf, SchoolId? school, CancellationToken ct)
    {
        var request = new CohortMomentsRequest { Bgnr = bgnr, AsOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        if (school is { } only)
        {
            (request.Brin, request.Vestiging) = (only.Brin, only.Vestiging);
        }

        var reply = await histories.SumCohortMomentsAsync(request, cancellationToken: ct).ConfigureAwait(false);
        return [.. reply.Moments.Select(m => new CohortMoment(
            SchoolId.Create(m.Brin, m.Vestiging),
            new SchoolYear(m.OutflowYear),
            Subjects.Parse(m.Subject),
            TestMoment.Parse(m.Moment),
            new SchoolYear(m.SchoolYear),
            m.Results,
            m.UniformSum,
            m.OnTrackFundamental,
            m.OnTrackTarget))];
    }

    private static SchoolInfo[] Schools(ListSchoolsResponse schools, string bgnr) =>
        [.. schools.Schools.Select(s => new SchoolInfo(SchoolId.Create(s.Brin, s.Vestiging), bgnr, s.HasSchoolweging ? s.Schoolweging : null))];
}
