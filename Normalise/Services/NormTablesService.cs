using Grpc.Core;
using Uitstroom.Contracts.Normalise.V1;
using Uitstroom.Domain.Norms;
using Uitstroom.Normalise.Tables;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Normalise.Services;

/// <summary>gRPC edge of the norm-table catalog and the batch normaliser.</summary>
public sealed class NormTablesService(NormTableCatalog catalog, BatchNormaliser normaliser) : NormTables.NormTablesBase
{
    public override Task<ListNormTablesResponse> ListNormTables(ListNormTablesRequest request, ServerCallContext context)
    {
        var provider = request.Provider.Trim().ToUpperInvariant();
        var tables = catalog.All.Where(t => provider.Length == 0 || t.Provider == provider);
        return Task.FromResult(new ListNormTablesResponse { Tables = { tables.Select(t => ProtoMapping.Info(catalog, t)) } });
    }

    public override Task<GetNormTableResponse> GetNormTable(GetNormTableRequest request, ServerCallContext context)
    {
        if (request.Provider.Trim().Length == 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "provider is required"));
        }

        var compiled = catalog.Find(request.Provider, request.Version)
            ?? throw new RpcException(new Status(StatusCode.NotFound, catalog.Find(request.Provider) is null
                ? $"unknown provider '{request.Provider}': no norm table is registered for it"
                : $"provider {request.Provider.Trim().ToUpperInvariant()} has no norm table version {request.Version}"));
        var table = compiled.Table;
        return Task.FromResult(new GetNormTableResponse
        {
            Info = ProtoMapping.Info(catalog, table),
            Rows = { table.Cuts.Select(ProtoMapping.Row) },
            Csv = NormTableWriter.Write(table),
        });
    }

    public override Task<RegisterNormTableResponse> RegisterNormTable(RegisterNormTableRequest request, ServerCallContext context)
    {
        context.RequireAdmin("registering a norm table");
        var origin = request.Origin.Trim().Length > 0 ? request.Origin.Trim() : "the registered table";
        try
        {
            var table = catalog.Register(request.Csv, origin);
            return Task.FromResult(new RegisterNormTableResponse { Table = ProtoMapping.Info(catalog, table) });
        }
        catch (NormTableVersionConflictException e)
        {
            throw new RpcException(new Status(e.Exists ? StatusCode.AlreadyExists : StatusCode.FailedPrecondition, e.Message));
        }
    }

    public override Task<NormaliseBatchResponse> NormaliseBatch(NormaliseBatchRequest request, ServerCallContext context) =>
        Task.FromResult(normaliser.Normalise(request));
}
