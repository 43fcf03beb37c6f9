using Microsoft.Extensions.Configuration;

namespace Uitstroom.AppHost;

/// <summary>
/// The store Ingest owns. By default a SQLite file under <c>data/</c> beside the repository (the embedded default
/// for one machine); when <c>ConnectionStrings:store</c> is configured (for example
/// <c>ConnectionStrings__store="Host=…;Database=uitstroom;…"</c>), that PostgreSQL database instead.
/// </summary>
internal sealed record StoreChoice(IResourceBuilder<IResourceWithConnectionString>? PostgreSql, string? SqliteFile);

internal static class Store
{
    public static StoreChoice AddStore(this IDistributedApplicationBuilder builder, string name)
    {
        // A deployment always names its store by a connection string (a secret parameter in the manifest; the
        // uitstroom-store Secret in Kubernetes): a SQLite path on the publishing machine means nothing there.
        if (builder.ExecutionContext.IsPublishMode || !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
        {
            return new StoreChoice(builder.AddConnectionString(name), null);
        }

        var file = builder.Configuration["Uitstroom:SqliteFile"]
                   ?? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "data", "uitstroom.db"));
        return new StoreChoice(null, file);
    }

    public static IResourceBuilder<ProjectResource> WithStore(this IResourceBuilder<ProjectResource> project, StoreChoice store) =>
        store.PostgreSql is { } postgres
            ? project.WithReference(postgres)
            : project.WithEnvironment("ConnectionStrings__store", $"Data Source={store.SqliteFile}");
}
