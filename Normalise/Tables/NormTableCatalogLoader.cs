using Microsoft.Extensions.Hosting;

namespace Uitstroom.Normalise.Tables;

/// <summary>
/// Reads every table when the service starts rather than on the first call, so a damaged file in
/// Normalise:TablesPath stops start-up with its name, line and reason instead of failing callers later.
/// </summary>
internal sealed class NormTableCatalogLoader(NormTableCatalog catalog, ILogger<NormTableCatalogLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Norm tables loaded: {Tables}", string.Join(", ", catalog.All.Select(t => $"{t.Provider} v{t.Version}")));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
