using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Simulation;
using Uitstroom.Predict.Tests.Simulated;
using Uitstroom.Tests;

namespace Uitstroom.Predict.Tests.Snapshots;

/// <summary>Predict in memory on a fixed "today", with a SQLite store for its snapshots (none when <paramref name="store"/> is null).</summary>
public sealed class SnapshotHost(IPupilHistorySource source, string modelsPath, string? store, DateOnly today) : WebApplicationFactory<PredictProgram>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Predict:ModelsPath", modelsPath);
        if (store is not null)
        {
            builder.UseSetting("ConnectionStrings:store", store);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(source);
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)));
        });
    }

    public GrpcChannel Channel() =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = TestKeys.Handler(Server.CreateHandler()) });

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>
/// The simulated world as Ingest would stream it on any date: LVS results taken and outflow published by then, as
/// Ingest's histories "as of" do. <see cref="Import"/> advances the data generation.
/// </summary>
public sealed class WorldHistorySource(SimulatedHistories data, string board) : IPupilHistorySource
{
    private long generation = 1;

    public List<DateOnly> Loaded { get; } = [];

    public void Import() => Interlocked.Increment(ref generation);

    public Task<IReadOnlyList<string>> BoardsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([board]);

    public Task<long> GenerationAsync(string bgnr, CancellationToken ct) => Task.FromResult(Interlocked.Read(ref generation));

    public Task<BoardData> LoadAsync(string bgnr, DateOnly asOf, IReadOnlyCollection<string>? schoolPupilIds, CancellationToken ct)
    {
        lock (Loaded)
        {
            Loaded.Add(asOf);
        }

        var histories = data.World.Schools()
            // A pupil not yet at school on that date is not in Ingest's store then either.
            .SelectMany(s => s.Pupils.Where(p => p.Placements.Any(x => x.Since <= asOf)).Select(p => p.ToHistory(s, asOf, $"{s.Id}/{p.LeerlingId}")))
            .ToList();
        return Task.FromResult(new BoardData(board, Interlocked.Read(ref generation), [.. data.Schools.Values], histories));
    }
}
