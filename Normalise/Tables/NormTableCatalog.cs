using System.Reflection;
using Uitstroom.Domain.Norms;

namespace Uitstroom.Normalise.Tables;

/// <summary>
/// Every norm table version the service knows: the shipped ones (embedded) plus those users registered (kept in
/// <see cref="NormTableFolder"/>). Reads take a snapshot without locking; registration is serialised.
/// </summary>
public sealed class NormTableCatalog
{
    private readonly NormTableFolder? _folder;
    private readonly Lock _registering = new();
    private readonly HashSet<(string, int)> _shipped;
    private volatile Dictionary<string, CompiledNormTable[]> _byProvider;

    public NormTableCatalog(IEnumerable<NormTable> shipped, NormTableFolder? folder = null)
    {
        _folder = folder;
        var tables = shipped.ToList();
        _shipped = [.. tables.Select(t => (t.Provider, t.Version))];
        _byProvider = [];
        foreach (var table in tables.Concat(folder?.LoadAll() ?? []))
        {
            _byProvider = With(_byProvider, table);
        }
    }

    /// <summary>Every version of every provider, provider by provider, newest version first.</summary>
    public IReadOnlyList<NormTable> All =>
        [.. _byProvider.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value.Reverse().Select(c => c.Table))];

    public IReadOnlyCollection<string> Providers => _byProvider.Keys;

    public bool IsShipped(NormTable table) => _shipped.Contains((table.Provider, table.Version));

    /// <summary>
    /// The table of a provider, newest when <paramref name="version"/> is 0; null when there is none. A miss looks
    /// in the folder again first: another replica sharing the folder may have registered it since we started.
    /// </summary>
    public CompiledNormTable? Find(string provider, int version = 0) =>
        Lookup(provider, version) ?? (PickUpNewFiles() ? Lookup(provider, version) : null);

    private CompiledNormTable? Lookup(string provider, int version)
    {
        if (!_byProvider.TryGetValue(Code(provider), out var versions))
        {
            return null;
        }

        return version == 0 ? versions[^1] : Array.Find(versions, c => c.Table.Version == version);
    }

    /// <summary>Adds tables that appeared in the folder since they were last read; true when there were any.</summary>
    private bool PickUpNewFiles()
    {
        if (_folder is null)
        {
            return false;
        }

        lock (_registering)
        {
            return PickUpNewFilesWhileRegistering();
        }
    }

    private bool PickUpNewFilesWhileRegistering()
    {
        var added = false;
        foreach (var table in _folder?.LoadAll() ?? [])
        {
            if (!(_byProvider.TryGetValue(table.Provider, out var versions) && versions.Any(v => v.Table.Version == table.Version)))
            {
                _byProvider = With(_byProvider, table);
                added = true;
            }
        }

        return added;
    }

    /// <summary>
    /// Reads, checks, persists and publishes a table; its version is the file's, or the newest + 1. Nothing is
    /// stored when the file is bad (<see cref="FormatException"/>) or its version is not above the newest
    /// (<see cref="NormTableVersionConflictException"/>).
    /// </summary>
    public NormTable Register(string csv, string origin)
    {
        lock (_registering)
        {
            // Another replica sharing the folder may have registered versions since: number after them.
            PickUpNewFilesWhileRegistering();

            // The provider is only known after reading; read once to learn it, then settle the version.
            var table = NormTableReader.Read(new StringReader(csv), origin, defaultVersion: int.MaxValue);
            var newest = _byProvider.TryGetValue(table.Provider, out var versions) ? versions[^1].Table.Version : 0;
            if (table.Version == int.MaxValue)
            {
                table = table with { Version = newest + 1 };
            }
            else if (table.Version <= newest)
            {
                throw new NormTableVersionConflictException(
                    $"{origin}: {table.Provider} version {table.Version} is not above the newest version {newest}; versions only grow (leave out '# version:' to get {newest + 1})",
                    exists: versions!.Any(v => v.Table.Version == table.Version));
            }

            RefuseClashingNames(table, origin);
            _folder?.Save(table);
            _byProvider = With(_byProvider, table);
            return table;
        }
    }

    /// <summary>
    /// A file's aanbieder column is matched against every provider's code and aliases, so one name may belong to one
    /// provider only; otherwise an import could not tell whose results a row holds.
    /// </summary>
    private void RefuseClashingNames(NormTable table, string origin)
    {
        foreach (var (provider, versions) in _byProvider)
        {
            if (provider == table.Provider)
            {
                continue;
            }

            var newest = versions[^1].Table;
            var taken = newest.Aliases.Append(provider).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (table.Aliases.FirstOrDefault(taken.Contains) is { } clash)
            {
                throw new DomainFormatException($"{origin}: alias '{clash}' already names provider {provider}");
            }

            if (newest.Aliases.Contains(table.Provider, StringComparer.OrdinalIgnoreCase))
            {
                throw new DomainFormatException($"{origin}: provider code {table.Provider} is already an alias of provider {provider}");
            }
        }
    }

    public static NormTableCatalog LoadShipped(NormTableFolder? folder = null)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var tables = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".csv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return NormTableReader.Read(reader, n);
            });
        return new NormTableCatalog(tables, folder);
    }

    private static string Code(string provider) => provider.Trim().ToUpperInvariant();

    private static Dictionary<string, CompiledNormTable[]> With(Dictionary<string, CompiledNormTable[]> current, NormTable table)
    {
        var next = new Dictionary<string, CompiledNormTable[]>(current, StringComparer.Ordinal);
        var versions = next.GetValueOrDefault(table.Provider, []);
        if (versions.Any(v => v.Table.Version == table.Version))
        {
            throw new InvalidOperationException($"norm table {table.Provider} version {table.Version} is defined twice");
        }

        next[table.Provider] = [.. versions.Append(new CompiledNormTable(table)).OrderBy(v => v.Table.Version)];
        return next;
    }
}

/// <summary>A registration whose version is not above the provider's newest one.</summary>
public sealed class NormTableVersionConflictException(string message, bool exists) : Exception(message)
{
    /// <summary>True when exactly that version already exists (AlreadyExists rather than FailedPrecondition).</summary>
    public bool Exists { get; } = exists;
}
