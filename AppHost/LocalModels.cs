namespace Uitstroom.AppHost;

/// <summary>
/// Where Predict keeps its trained model versions on a developer machine: beside the SQLite store (data/models), not
/// in Predict's working directory inside the source tree. A deployment mounts a shared volume instead (deploy/k8s).
/// </summary>
internal static class LocalModels
{
    public static IResourceBuilder<ProjectResource> WithLocalModels(this IResourceBuilder<ProjectResource> predict, StoreChoice store)
    {
        if (predict.ApplicationBuilder.ExecutionContext.IsPublishMode)
        {
            return predict;
        }

        var data = store.SqliteFile is { } file
            ? Path.GetDirectoryName(file)!
            : Path.GetFullPath(Path.Combine(predict.ApplicationBuilder.AppHostDirectory, "..", "data"));
        return predict.WithEnvironment("Predict__ModelsPath", Path.Combine(data, "models"));
    }
}
