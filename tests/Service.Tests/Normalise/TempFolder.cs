namespace Uitstroom.Service.Tests.Normalise;

/// <summary>A fresh folder for Normalise:TablesPath, deleted afterwards, so tests never touch a user's tables.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"uitstroom-norms-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
