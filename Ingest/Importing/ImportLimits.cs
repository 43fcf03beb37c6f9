using System.ComponentModel.DataAnnotations;

namespace Uitstroom.Ingest.Importing;

/// <summary>
/// What one import may be (configuration section <c>Ingest:Limits</c>, docs/formats.md "Limits"). Each limit stops
/// a file that no school system would export but that would cost the service memory or time (a file without line
/// breaks, a runaway export, a hostile upload) with an error naming the limit, its setting and the line.
/// </summary>
public sealed class ImportLimits
{
    public const string Section = "Ingest:Limits";

    /// <summary>Bytes one upload may have. A national LVS file of ~30 M rows is about 2 GB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 4L << 30;

    /// <summary>Data rows (CSV lines after the header, JSON results) one import may have.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRowsPerImport { get; set; } = 50_000_000;

    /// <summary>Characters one CSV row may have; real rows are under 200.</summary>
    [Range(16, int.MaxValue)]
    public int MaxLineLength { get; set; } = 64 * 1024;

    /// <summary>Characters one CSV field may have; the longest real ones are school names.</summary>
    [Range(16, int.MaxValue)]
    public int MaxFieldLength { get; set; } = 1024;

    /// <summary>Bytes one gRPC message of the import stream may have (a file chunk; clients send 1 MB).</summary>
    [Range(1024, int.MaxValue)]
    public int MaxChunkBytes { get; set; } = 16 << 20;

    public static string Setting(string name) => $"{Section}:{name}";
}
