using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Ingest.Histories;
using Uitstroom.Ingest.Importing;
using Uitstroom.Ingest.Store;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Ingest.Services;

/// <summary>gRPC edge of pupil histories: one message per pupil, grouped from the store's rows, for Predict.</summary>
public sealed class PupilHistoriesService(
    HistoryRepository histories, CohortTrendQuery cohorts, RegistryRepository registry, PupilKeys keys, SchoolAccess access)
    : PupilHistories.PupilHistoriesBase
{
    public override async Task StreamHistories(HistoriesRequest request, IServerStreamWriter<PupilHistoryMessage> responseStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        string bgnr;
        SchoolId? school = null;
        if (!string.IsNullOrWhiteSpace(request.Bgnr))
        {
            bgnr = await RegisteredBoard.RequireAsync(context, registry, request.Bgnr);
        }
        else if (!string.IsNullOrWhiteSpace(request.Brin))
        {
            await access.RequireSchoolAsync(context, request.Brin, request.Vestiging);
            school = SchoolId.Create(request.Brin, request.Vestiging);
            bgnr = await histories.BoardOfSchoolAsync(school.Value, ct)
                   ?? throw new RpcException(new Status(StatusCode.NotFound, $"school {school.Value.Brin} vestiging {school.Value.Vestiging} is not in the registry"));
        }
        else
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "give a board (bgnr) or a school (brin and vestiging)"));
        }

        var asOf = AsOf(request.AsOf);
        var ownIds = request.SchoolPupilIds.Distinct(StringComparer.Ordinal).ToDictionary(id => keys.Key(bgnr, id), id => id, StringComparer.Ordinal);

        var generation = await histories.GenerationAsync(bgnr, ct);
        var (lvs, outflow) = await histories.ReadAsync(school is null ? bgnr : null, school, asOf, ct);
        var outflowByPupil = outflow.ToLookup(o => o.PupilKey, StringComparer.Ordinal);
        var pupils = lvs.Select(r => r.PupilKey).Concat(outflow.Select(o => o.PupilKey)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var lvsByPupil = lvs.ToLookup(r => r.PupilKey, StringComparer.Ordinal);
        foreach (var key in pupils)
        {
            await responseStream.WriteAsync(Build(key, bgnr, generation, lvsByPupil[key], outflowByPupil[key], ownIds), ct);
        }
    }

    public override async Task<OutflowTallyResponse> TallyOutflow(OutflowTallyRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var bgnr = await RegisteredBoard.RequireAsync(context, registry, request.Bgnr);

        var asOf = AsOf(request.AsOf);
        var generation = await histories.GenerationAsync(bgnr, ct);
        var tallies = OutflowTallies.BySchool(await histories.ReadOutflowAsync(bgnr, asOf, ct), out var schools);
        var response = new OutflowTallyResponse { Generation = generation };
        for (var i = 0; i < tallies.Count; i++)
        {
            response.Tallies.Add(new OutflowTally
            {
                Brin = schools[i].Brin,
                Vestiging = schools[i].Vestiging,
                SchoolYear = tallies[i].Year.StartYear,
                Pupils = tallies[i].Pupils,
                Results = tallies[i].Results,
                AtFundamental = tallies[i].AtFundamental,
                AtTarget = tallies[i].AtTarget,
            });
        }

        return response;
    }

    public override async Task<CohortMomentsResponse> SumCohortMoments(CohortMomentsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var bgnr = await RegisteredBoard.RequireAsync(context, registry, request.Bgnr);

        SchoolId? school = null;
        if (!string.IsNullOrWhiteSpace(request.Brin))
        {
            // The query only reads the board's own rows; a school of another board is still refused, not answered empty.
            await access.RequireSchoolAsync(context, request.Brin, request.Vestiging);
            school = SchoolId.Create(request.Brin, request.Vestiging);
        }

        var generation = await histories.GenerationAsync(bgnr, ct);
        var response = new CohortMomentsResponse { Generation = generation };
        foreach (var row in await cohorts.SumAsync(bgnr, school, AsOf(request.AsOf), ct))
        {
            response.Moments.Add(new CohortMomentSum
            {
                Brin = row.Brin,
                Vestiging = row.Vestiging,
                OutflowYear = row.OutflowYear,
                Subject = row.Subject,
                Moment = row.Moment,
                SchoolYear = row.SchoolYear,
                Results = checked((int)row.Results),
                UniformSum = row.UniformSum,
                OnTrackFundamental = checked((int)row.OnTrackFundamental),
                OnTrackTarget = checked((int)row.OnTrackTarget),
            });
        }

        return response;
    }

    private static DateOnly AsOf(string text) =>
        string.IsNullOrWhiteSpace(text)
            ? DateOnly.FromDateTime(DateTime.UtcNow)
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", out var d) ? d
            : throw new RpcException(new Status(StatusCode.InvalidArgument, $"malformed as_of '{text}': expected yyyy-MM-dd"));

    public override async Task<DataGenerationResponse> GetDataGeneration(DataGenerationRequest request, ServerCallContext context)
    {
        context.RequireBoard(request.Bgnr);
        var bgnr = BoardNumber.Parse(request.Bgnr);
        return new DataGenerationResponse { Bgnr = bgnr, Generation = await histories.GenerationAsync(bgnr, context.CancellationToken) };
    }

    private static PupilHistoryMessage Build(string key, string bgnr, long generation, IEnumerable<LvsHistoryRow> results,
        IEnumerable<OutflowHistoryRow> outflow, Dictionary<string, string> ownIds)
    {
        var message = new PupilHistoryMessage { PupilKey = key, Bgnr = bgnr, Generation = generation };
        if (ownIds.TryGetValue(key, out var own))
        {
            message.SchoolPupilId = own;
        }

        // Where the pupil stands: its latest LVS result, unless an outflow result says it has left groep 8.
        LvsHistoryRow? latest = null;
        foreach (var r in results)
        {
            var result = new LvsResultMessage
            {
                SchoolYear = r.SchoolYear,
                Moment = r.Moment,
                Subject = r.Subject,
                Provider = r.Provider,
                Score = r.Score,
                TakenOn = r.TakenOn ?? "",
            };
            if (r.Uniform is { } u)
            {
                result.Uniform = u;
            }

            if (r.NormVersion is { } v)
            {
                result.NormVersion = v;
            }

            if (r.Percentile is { } p)
            {
                result.Percentile = p;
            }

            message.Results.Add(result);
            latest = r;
        }

        OutflowHistoryRow? last = null;
        foreach (var o in outflow)
        {
            message.Outflow.Add(new OutflowResultMessage { SchoolYear = o.SchoolYear, Subject = o.Subject, Level = o.Level ?? "", Exempt = o.Exempt != 0, Provider = o.Provider });
            last = o;
        }

        if (last is not null && (latest is null || last.SchoolYear >= latest.SchoolYear))
        {
            (message.Brin, message.Vestiging, message.Groep, message.SchoolYear) = (last.Brin, last.Vestiging, 8, last.SchoolYear);
        }
        else if (latest is not null)
        {
            (message.Brin, message.Vestiging, message.Groep, message.SchoolYear) = (latest.Brin, latest.Vestiging, latest.Groep, latest.SchoolYear);
        }

        return message;
    }
}
