using Grpc.Core;
using Uitstroom.Contracts.Ingest.V1;
using Uitstroom.Ingest.Store;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Ingest.Services;

/// <summary>gRPC edge of the registry: maps store rows to contract messages.</summary>
public sealed class RegistryService(RegistryRepository registry) : Registry.RegistryBase
{
    public override async Task<ListBoardsResponse> ListBoards(ListBoardsRequest request, ServerCallContext context)
    {
        var own = context.OwnBoardOrAll();
        var boards = (await registry.ListBoardsAsync(context.CancellationToken)).Where(b => own is null || b.Bgnr == own);
        return new ListBoardsResponse
        {
            Boards = { boards.Select(b => new Board { Bgnr = b.Bgnr, Name = b.Name, SchoolCount = b.SchoolCount }) },
        };
    }

    public override async Task<ListSchoolsResponse> ListSchools(ListSchoolsRequest request, ServerCallContext context)
    {
        var bgnr = await RegisteredBoard.RequireAsync(context, registry, request.Bgnr);

        var schools = await registry.ListSchoolsAsync(bgnr, context.CancellationToken);
        var response = new ListSchoolsResponse { Schools = { schools.Select(ToMessage) } };
        if (request.WithProvider)
        {
            var providers = await registry.ProvidersAsync(bgnr, context.CancellationToken);
            foreach (var school in response.Schools)
            {
                school.Provider = providers.GetValueOrDefault((school.Brin, school.Vestiging), "");
            }
        }

        return response;
    }

    private static School ToMessage(SchoolRow s)
    {
        var school = new School
        {
            Brin = s.Brin,
            Vestiging = s.Vestiging,
            Ovt = s.Ovt ?? "",
            Name = s.Name,
            Bgnr = s.Bgnr,
            Municipality = s.Municipality,
        };
        if (s.Schoolweging is { } weging)
        {
            school.Schoolweging = weging;
        }

        return school;
    }
}
