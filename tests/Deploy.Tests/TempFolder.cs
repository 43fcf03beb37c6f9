namespace Uitstroom.Deploy.Tests;

/// <summary>A fresh folder for one test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("uitstroom-deploy-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
