namespace Uitstroom.Normalise.Tables;

/// <summary>Configuration section <c>Normalise</c>.</summary>
public sealed class NormaliseOptions
{
    public const string Section = "Normalise";

    /// <summary>
    /// The folder where registered norm tables are kept as files, one per provider version, read again at
    /// start-up. Default: the per-user local data folder (<c>~/.local/share/uitstroom/norms</c>), which survives
    /// restarts and rebuilds; a deployment points it at a persistent volume.
    /// </summary>
    public string TablesPath { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "uitstroom", "norms");
}
