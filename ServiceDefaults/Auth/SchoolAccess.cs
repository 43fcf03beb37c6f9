using System.Collections.Concurrent;
using Grpc.Core;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>A school as the registry lists it under its board.</summary>
public readonly record struct RegisteredSchool(string Brin, int Vestiging, string Ovt);

/// <summary>The schools of one board, from the registry Ingest owns (read locally by Ingest, over gRPC elsewhere).</summary>
public interface IBoardSchools
{
    /// <summary>The board's schools; empty for a board the registry does not know.</summary>
    Task<IReadOnlyList<RegisteredSchool>> OfBoardAsync(string bgnr, CancellationToken ct);
}

/// <summary>
/// Checks that a school named in a call (by BRIN and vestiging, or by OVT) belongs to the caller's board. A board's
/// school list is cached for <see cref="FreshFor"/>; a school not in the cached list is looked up once more before
/// the call is refused, so a school registered a moment ago is not refused for the cache's age.
/// </summary>
public sealed class SchoolAccess(IBoardSchools registry, TimeProvider clock)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (IReadOnlyList<RegisteredSchool> Schools, DateTimeOffset At)> _boards = new();

    public Task RequireSchoolAsync(ServerCallContext context, string brin, int vestiging) =>
        RequireAsync(context, $"school {brin} vestiging {vestiging}",
            s => string.Equals(s.Brin, brin.Trim(), StringComparison.OrdinalIgnoreCase) && s.Vestiging == vestiging);

    public Task RequireOvtAsync(ServerCallContext context, string ovt) =>
        RequireAsync(context, $"school {ovt}", s => string.Equals(s.Ovt, ovt.Trim(), StringComparison.OrdinalIgnoreCase));

    private async Task RequireAsync(ServerCallContext context, string what, Func<RegisteredSchool, bool> isIt)
    {
        var caller = context.Caller();
        if (caller.IsAdmin())
        {
            return;
        }

        var board = caller.Board()
                    ?? throw new RpcException(new Status(StatusCode.PermissionDenied, $"this key may not access {what}"));
        var ct = context.CancellationToken;
        if ((await SchoolsAsync(board, refresh: false, ct)).Any(isIt) || (await SchoolsAsync(board, refresh: true, ct)).Any(isIt))
        {
            return;
        }

        throw new RpcException(new Status(StatusCode.PermissionDenied, $"{what} is not one of board {board}'s schools"));
    }

    private async Task<IReadOnlyList<RegisteredSchool>> SchoolsAsync(string board, bool refresh, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!refresh && _boards.TryGetValue(board, out var cached) && now - cached.At < FreshFor)
        {
            return cached.Schools;
        }

        var schools = await registry.OfBoardAsync(board, ct);
        _boards[board] = (schools, now);
        return schools;
    }
}
