using Google.Protobuf;
using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Domain.Inspectie;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Ingest.PublicData;

/// <summary>gRPC edge of the public data: imports a public file, and serves the published results per school or board.</summary>
public sealed class PublicDataService(PublicDataWriter writer, PublishedResultsReader reader, SchoolAccess access, ILogger<PublicDataService> logger)
    : Contracts.Ingest.V1.PublicData.PublicDataBase
{
    /// <summary>The public files are a few MB; anything far larger is not one of them.</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    public override async Task<PublicImportSummary> Import(IAsyncStreamReader<PublicFileChunk> requestStream, ServerCallContext context)
    {
        context.RequireAdmin("importing the public files");
        string? fileName = null;
        using var content = new MemoryStream();
        await foreach (var chunk in requestStream.ReadAllAsync(context.CancellationToken))
        {
            fileName ??= string.IsNullOrWhiteSpace(chunk.FileName)
                ? throw new RpcException(new Status(StatusCode.InvalidArgument, "the first chunk must name the file (file_name)"))
                : Path.GetFileName(chunk.FileName);
            if (content.Length + chunk.Data.Length > MaxFileBytes)
            {
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"{fileName}: larger than {MaxFileBytes / (1024 * 1024)} MB"));
            }

            chunk.Data.WriteTo(content);
        }

        if (fileName is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "no file was sent"));
        }

        var parsed = PublicFileParser.Parse(content.ToArray(), fileName);
        await writer.WriteAsync(parsed, context.CancellationToken);
        logger.LogInformation("Imported {File} as {Kind}: {Accepted} rows, {Rejected} rejected",
            fileName, parsed.Kind.Code(), parsed.Rows.Count, parsed.Rejected.Count);
        return new PublicImportSummary
        {
            FileName = fileName,
            Kind = parsed.Kind.Code(),
            SchoolYears = { parsed.Years.Select(y => y.ToString()) },
            RowsRead = parsed.RowsRead,
            RowsAccepted = parsed.Rows.Count,
            Rejected = { parsed.Rejected.Select(r => new RejectedRow { Line = r.Line, Reason = r.Reason }) },
        };
    }

    public override async Task<GetPublishedResultsResponse> GetPublishedResults(GetPublishedResultsRequest request, ServerCallContext context)
    {
        PublishedResults results;
        switch (request.ScopeCase)
        {
            case GetPublishedResultsRequest.ScopeOneofCase.Bgnr:
                context.RequireBoard(request.Bgnr);
                var bgnr = BoardNumber.Parse(request.Bgnr);
                if (!await reader.BoardKnownAsync(bgnr, context.CancellationToken))
                {
                    throw new RpcException(new Status(StatusCode.NotFound, $"board {bgnr} is not in the registry; import the public files first"));
                }

                results = await reader.ForBoardAsync(bgnr, context.CancellationToken);
                break;
            case GetPublishedResultsRequest.ScopeOneofCase.Ovt:
                await access.RequireOvtAsync(context, request.Ovt);
                var ovt = Ovt.Parse(request.Ovt);
                results = await reader.ForSchoolAsync(ovt.Value, context.CancellationToken);
                if (results.Schools.Count == 0)
                {
                    throw new RpcException(new Status(StatusCode.NotFound, $"school {ovt} has no published results"));
                }

                break;
            default:
                throw new RpcException(new Status(StatusCode.InvalidArgument, "give a bgnr or an ovt"));
        }

        return new GetPublishedResultsResponse
        {
            LatestSchoolYear = results.LatestSchoolYear is { } y ? new SchoolYear(y).ToString() : "",
            Schools = { results.Schools.Select(s => ToMessage(s, results)) },
        };
    }

    private static PublishedSchool ToMessage(InspectieSchoolRecord s, PublishedResults results)
    {
        var school = new PublishedSchool { Ovt = s.Ovt, Brin = s.Brin, Name = s.Name, Bgnr = s.Bgnr ?? "" };
        if (s.Schoolweging is { } w)
        {
            school.Schoolweging = w;
        }

        school.Years.AddRange(results.Years[s.Ovt].Select(y => new PublishedYear
        {
            SchoolYear = new SchoolYear(y.SchoolYear).ToString(),
            Status = y.Masked ? PublishedYearStatus.Masked : PublishedYearStatus.Known,
            Pupils = y.Pupils ?? 0,
            PercentFundamental = y.PercentFundamental ?? 0,
            PercentTarget = y.PercentTarget ?? 0,
        }));
        if (results.Judgements.TryGetValue(s.Ovt, out var j))
        {
            var judgement = new PublishedJudgement
            {
                LastSchoolYear = new SchoolYear(j.LastSchoolYear).ToString(),
                SignaleringswaardeFundamental = j.SignaleringswaardeFundamental,
                OutcomeFundamental = j.OutcomeFundamental,
                OutcomeTarget = j.OutcomeTarget,
            };
            if (j.PooledFundamental is { } pf)
            {
                judgement.PooledFundamental = pf;
            }

            if (j.PooledTarget is { } pt)
            {
                judgement.PooledTarget = pt;
            }

            if (j.Pupils is { } n)
            {
                judgement.Pupils = n;
            }

            if (j.SignaleringswaardeTarget is { } st)
            {
                judgement.SignaleringswaardeTarget = st;
            }

            school.Judgement = judgement;
        }

        return school;
    }
}
