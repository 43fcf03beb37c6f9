using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using IngestV1 = Uitstroom.Contracts.Ingest.V1;
using NormaliseV1 = Uitstroom.Contracts.Normalise.V1;
using PredictV1 = Uitstroom.Contracts.Predict.V1;
using ReportingV1 = Uitstroom.Contracts.Reporting.V1;
using static Uitstroom.Service.Tests.Security.SecuredServices;

namespace Uitstroom.Service.Tests.Security;

/// <summary>Who may call an RPC (docs/security.md lists the decision per RPC).</summary>
public enum Scope
{
    /// <summary>Any valid key: the call reveals nothing of any board (norm tables, the Inspectie's thresholds).</summary>
    AnyKey,

    /// <summary>The board named in the request, or an admin: another board's key is PermissionDenied.</summary>
    Board,

    /// <summary>A list: every valid key, narrowed to the caller's own board.</summary>
    List,

    /// <summary>Platform admins only.</summary>
    Admin,
}

/// <summary>
/// One row of the matrix: an RPC, who may call it, and a request that names board A's data (board, school or
/// pupils). <see cref="OwnerMayCall"/> is false for a request board A's own key may not make either (a school of A
/// asked for under board B's number, a school the registry knows no OVT for).
/// </summary>
public sealed record RpcCase(string Name, string Method, Scope Scope, IMessage[] Requests, bool OwnerMayCall = true)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every RPC of the four services, taken from the contracts' service descriptors, with a case for each; a new RPC
/// without a case fails <see cref="SecurityMatrixTests"/>. Calls go through a byte-level method so one loop can call
/// them all, streaming or not.
/// </summary>
public static class RpcMatrix
{
    public static readonly ServiceDescriptor[] Services =
    [
        IngestV1.Registry.Descriptor, IngestV1.PublicData.Descriptor, IngestV1.Imports.Descriptor, IngestV1.PupilHistories.Descriptor,
        IngestV1.StoredNorms.Descriptor,
        NormaliseV1.NormTables.Descriptor,
        PredictV1.Forecasts.Descriptor, PredictV1.Lookback.Descriptor, PredictV1.Models.Descriptor, PredictV1.Indicators.Descriptor,
        PredictV1.ForecastSnapshots.Descriptor,
        ReportingV1.BoardReports.Descriptor,
    ];

    public static IEnumerable<MethodDescriptor> Methods => Services.SelectMany(s => s.Methods);

    private static readonly IngestV1.ImportRequest ImportForA = new()
    {
        Start = new IngestV1.ImportStart { FileName = "lvs.csv", Board = BoardA, RequestedBy = "security tests" },
    };

    public static readonly RpcCase[] Cases =
    [
        new("Ingest ListBoards", "uitstroom.ingest.v1.Registry/ListBoards", Scope.List, [new IngestV1.ListBoardsRequest()]),
        new("Ingest ListSchools", "uitstroom.ingest.v1.Registry/ListSchools", Scope.Board, [new IngestV1.ListSchoolsRequest { Bgnr = BoardA }]),
        new("Ingest public Import", "uitstroom.ingest.v1.PublicData/Import", Scope.Admin,
            [new IngestV1.PublicFileChunk { FileName = "onbekend.csv", Data = ByteString.CopyFromUtf8("a;b\n1;2\n") }]),
        new("Ingest GetPublishedResults by board", "uitstroom.ingest.v1.PublicData/GetPublishedResults", Scope.Board,
            [new IngestV1.GetPublishedResultsRequest { Bgnr = BoardA }]),
        new("Ingest GetPublishedResults by OVT", "uitstroom.ingest.v1.PublicData/GetPublishedResults", Scope.Board,
            [new IngestV1.GetPublishedResultsRequest { Ovt = "00AP|C1" }], OwnerMayCall: false),
        new("Ingest Import for a board", "uitstroom.ingest.v1.Imports/Import", Scope.Board,
            [ImportForA, new IngestV1.ImportRequest { Chunk = ByteString.CopyFromUtf8(Ingest.Files.Lvs(Ingest.Files.ValidLvs)) }]),
        new("Ingest StreamHistories by board", "uitstroom.ingest.v1.PupilHistories/StreamHistories", Scope.Board,
            [new IngestV1.HistoriesRequest { Bgnr = BoardA }]),
        new("Ingest StreamHistories by school", "uitstroom.ingest.v1.PupilHistories/StreamHistories", Scope.Board,
            [new IngestV1.HistoriesRequest { Brin = "00AP", Vestiging = 0 }]),
        new("Ingest TallyOutflow", "uitstroom.ingest.v1.PupilHistories/TallyOutflow", Scope.Board,
            [new IngestV1.OutflowTallyRequest { Bgnr = BoardA }]),
        new("Ingest SumCohortMoments", "uitstroom.ingest.v1.PupilHistories/SumCohortMoments", Scope.Board,
            [new IngestV1.CohortMomentsRequest { Bgnr = BoardA }]),
        new("Ingest SumCohortMoments of A's school under B's number", "uitstroom.ingest.v1.PupilHistories/SumCohortMoments", Scope.Board,
            [new IngestV1.CohortMomentsRequest { Bgnr = BoardB, Brin = "00AP", Vestiging = 0 }], OwnerMayCall: false),
        new("Ingest Renormalise one board", "uitstroom.ingest.v1.StoredNorms/Renormalise", Scope.Board,
            [new IngestV1.RenormaliseRequest { Provider = "IEP", Bgnr = BoardA }]),
        new("Ingest Renormalise every board", "uitstroom.ingest.v1.StoredNorms/Renormalise", Scope.Admin,
            [new IngestV1.RenormaliseRequest { Provider = "IEP" }]),
        new("Ingest GetDataGeneration", "uitstroom.ingest.v1.PupilHistories/GetDataGeneration", Scope.Board,
            [new IngestV1.DataGenerationRequest { Bgnr = BoardA }]),

        new("Normalise ListNormTables", "uitstroom.normalise.v1.NormTables/ListNormTables", Scope.AnyKey, [new NormaliseV1.ListNormTablesRequest()]),
        new("Normalise GetNormTable", "uitstroom.normalise.v1.NormTables/GetNormTable", Scope.AnyKey,
            [new NormaliseV1.GetNormTableRequest { Provider = "IEP" }]),
        new("Normalise RegisterNormTable", "uitstroom.normalise.v1.NormTables/RegisterNormTable", Scope.Admin,
            [new NormaliseV1.RegisterNormTableRequest { Csv = "not a table", Origin = "security tests" }]),
        new("Normalise NormaliseBatch", "uitstroom.normalise.v1.NormTables/NormaliseBatch", Scope.AnyKey, [new NormaliseV1.NormaliseBatchRequest()]),

        new("Predict pupil forecasts", "uitstroom.predict.v1.Forecasts/ForecastPupils", Scope.Board,
            [new PredictV1.ForecastPupilsRequest { Bgnr = BoardA }]),
        new("Predict pupil forecasts of a school", "uitstroom.predict.v1.Forecasts/ForecastPupils", Scope.Board,
            [new PredictV1.ForecastPupilsRequest { Bgnr = BoardA, Brin = "00AP", Vestiging = 0 }]),
        new("Predict pupil forecasts of A's school under B's number", "uitstroom.predict.v1.Forecasts/ForecastPupils", Scope.Board,
            [new PredictV1.ForecastPupilsRequest { Bgnr = BoardB, Brin = "00AP", Vestiging = 0 }], OwnerMayCall: false),
        new("Predict school forecasts", "uitstroom.predict.v1.Forecasts/ForecastSchools", Scope.Board,
            [new PredictV1.ForecastSchoolsRequest { Bgnr = BoardA }]),
        new("Predict school forecast of A's school under B's number", "uitstroom.predict.v1.Forecasts/ForecastSchools", Scope.Board,
            [new PredictV1.ForecastSchoolsRequest { Bgnr = BoardB, Brin = "00AP", Vestiging = 1 }], OwnerMayCall: false),
        new("Predict school look-back", "uitstroom.predict.v1.Lookback/GetSchoolLookback", Scope.Board,
            [new PredictV1.GetSchoolLookbackRequest { Ovt = "00AP|C1" }], OwnerMayCall: false),
        new("Predict board look-back", "uitstroom.predict.v1.Lookback/GetBoardLookback", Scope.Board,
            [new PredictV1.GetBoardLookbackRequest { Bgnr = BoardA }]),
        new("Predict Train", "uitstroom.predict.v1.Models/Train", Scope.Admin, [new PredictV1.TrainRequest { Bgnr = BoardA }]),
        new("Predict Backtest", "uitstroom.predict.v1.Models/Backtest", Scope.Admin, [new PredictV1.BacktestRequest { Bgnr = BoardA }]),
        new("Predict ListModels", "uitstroom.predict.v1.Models/ListModels", Scope.Admin, [new PredictV1.ListModelsRequest()]),
        new("Predict signaleringswaarden", "uitstroom.predict.v1.Indicators/GetSignaleringswaarden", Scope.AnyKey,
            [new PredictV1.GetSignaleringswaardenRequest()]),
        new("Predict ListSnapshots", "uitstroom.predict.v1.ForecastSnapshots/ListSnapshots", Scope.Board,
            [new PredictV1.ListSnapshotsRequest { Bgnr = BoardA }]),
        new("Predict GetOutlookHistory", "uitstroom.predict.v1.ForecastSnapshots/GetOutlookHistory", Scope.Board,
            [new PredictV1.GetOutlookHistoryRequest { Bgnr = BoardA, Brin = "00AP", Vestiging = 0 }]),
        new("Predict GetTrackRecord", "uitstroom.predict.v1.ForecastSnapshots/GetTrackRecord", Scope.Board,
            [new PredictV1.GetTrackRecordRequest { Bgnr = BoardA }]),
        new("Predict GetCohortTrends", "uitstroom.predict.v1.ForecastSnapshots/GetCohortTrends", Scope.Board,
            [new PredictV1.GetCohortTrendsRequest { Bgnr = BoardA }]),
        new("Predict BackfillSnapshots", "uitstroom.predict.v1.ForecastSnapshots/BackfillSnapshots", Scope.Board,
            [new PredictV1.BackfillSnapshotsRequest { Bgnr = BoardA, Moments = 1 }]),

        new("Reporting ListBoards", "uitstroom.reporting.v1.BoardReports/ListBoards", Scope.List, [new ReportingV1.ListBoardsRequest()]),
        new("Reporting ListSchools", "uitstroom.reporting.v1.BoardReports/ListSchools", Scope.Board,
            [new ReportingV1.ListSchoolsRequest { Bgnr = BoardA }]),
        new("Reporting board overview", "uitstroom.reporting.v1.BoardReports/GetBoardOverview", Scope.Board,
            [new ReportingV1.GetBoardOverviewRequest { Bgnr = BoardA }]),
        new("Reporting school report", "uitstroom.reporting.v1.BoardReports/GetSchoolReport", Scope.Board,
            [new ReportingV1.GetSchoolReportRequest { Bgnr = BoardA, Ovt = "00AP|C1" }]),
    ];

    public static TheoryData<RpcCase> All() => [.. Cases];

    /// <summary>The cases another board's key must be refused: the board's own data and the admin-only RPCs.</summary>
    public static TheoryData<RpcCase> BoardOrAdmin() => [.. Cases.Where(c => c.Scope is Scope.Board or Scope.Admin)];

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>Calls the case's RPC with its requests and returns the status it ended with (and the responses).</summary>
    public static async Task<(StatusCode Status, string Detail, List<byte[]> Responses)> CallAsync(GrpcChannel channel, RpcCase rpc)
    {
        var descriptor = Methods.Single(m => $"{m.Service.FullName}/{m.Name}" == rpc.Method);
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            (true, true) => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, descriptor.Service.FullName, descriptor.Name, Bytes, Bytes);
        var invoker = channel.CreateCallInvoker();
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        var requests = rpc.Requests.Select(r => r.ToByteArray()).ToList();
        var responses = new List<byte[]>();
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    responses.Add(await invoker.AsyncUnaryCall(method, null, options, requests[0]));
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, requests[0]))
                    {
                        await foreach (var r in call.ResponseStream.ReadAllAsync())
                        {
                            responses.Add(r);
                        }
                    }

                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await WriteAllAsync(call.RequestStream, requests);
                        responses.Add(await call.ResponseAsync);
                    }

                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        await WriteAllAsync(call.RequestStream, requests);
                        await foreach (var r in call.ResponseStream.ReadAllAsync())
                        {
                            responses.Add(r);
                        }
                    }

                    break;
            }

            return (StatusCode.OK, "", responses);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.Status.Detail, responses);
        }
    }

    /// <summary>A refused call may be answered before the request is sent; writing then fails, the status tells why.</summary>
    private static async Task WriteAllAsync(IClientStreamWriter<byte[]> stream, List<byte[]> requests)
    {
        try
        {
            foreach (var r in requests)
            {
                await stream.WriteAsync(r);
            }

            await stream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException or IOException)
        {
            // The response side carries the status.
        }
    }
}
