namespace Uitstroom.Simulation.Output;

/// <summary>
/// The shape of one output file: what opens it (a CSV header, or the "[" of a JSON array), what separates two
/// schools' fragments, and what closes it.
/// </summary>
public sealed record FileShape(string Opening, string Separator, string Closing)
{
    /// <summary>
    /// A file that holds one school's fragment only (a chain JSON file per school and year): written and closed at
    /// once, so a national run does not hold tens of thousands of files (and their buffers) open.
    /// </summary>
    public bool OneSchool { get; init; }

    public static FileShape Csv(string header) => new(header + "\n", "", "");
}

/// <summary>One school's rows for every file it contributes to, rendered off the writing thread.</summary>
public sealed class SchoolRender
{
    private readonly Dictionary<string, (FileShape Shape, System.Text.StringBuilder Text)> _files = new(StringComparer.Ordinal);

    public System.Text.StringBuilder For(string relativePath, FileShape shape)
    {
        if (!_files.TryGetValue(relativePath, out var entry))
        {
            entry = (shape, new System.Text.StringBuilder(4096));
            _files[relativePath] = entry;
        }

        return entry.Text;
    }

    public IEnumerable<(string Path, FileShape Shape, System.Text.StringBuilder Text)> Files =>
        _files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value.Shape, f.Value.Text));
}

/// <summary>
/// The open files of one output folder. Fragments are appended in the order they are given, so a caller that gives
/// schools in index order gets byte-identical files on every run.
/// </summary>
public sealed class OutputFiles(string root) : IDisposable
{
    private readonly Dictionary<string, (FileShape Shape, StreamWriter Writer, bool Empty)> _open = new(StringComparer.Ordinal);

    public long Bytes { get; private set; }

    public void Append(string relativePath, FileShape shape, System.Text.StringBuilder fragment)
    {
        if (shape.OneSchool)
        {
            WriteWhole(relativePath, shape, fragment);
            return;
        }

        if (!_open.TryGetValue(relativePath, out var file))
        {
            var path = Path.Combine(root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
            writer.Write(shape.Opening);
            file = (shape, writer, true);
        }

        if (fragment.Length > 0)
        {
            if (!file.Empty)
            {
                file.Writer.Write(shape.Separator);
            }

            file.Writer.Write(fragment);
            Bytes += fragment.Length;
            file.Empty = false;
        }

        _open[relativePath] = file;
    }

    private void WriteWhole(string relativePath, FileShape shape, System.Text.StringBuilder fragment)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.Write(shape.Opening);
        writer.Write(fragment);
        writer.Write(shape.Closing);
        Bytes += fragment.Length;
    }

    public void Dispose()
    {
        foreach (var (_, (shape, writer, _)) in _open.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            writer.Write(shape.Closing);
            writer.Dispose();
        }

        _open.Clear();
    }
}
