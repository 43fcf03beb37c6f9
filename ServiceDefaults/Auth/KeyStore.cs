using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>
/// The keys this service accepts, read from <see cref="AuthOptions.KeysFile"/> and re-read when the file changes
/// (its time stamp or size), checked at most every <see cref="AuthOptions.ReloadEvery"/>. Polling rather than a file
/// watcher on purpose: Kubernetes updates a mounted secret by swapping a symlink, which watchers often miss.
/// A file that cannot be read keeps the last good keys (a half-edited file must not lock every board out).
/// </summary>
public sealed class KeyStore(IOptions<AuthOptions> options, TimeProvider clock, ILogger<KeyStore> logger)
{
    private readonly Lock _reload = new();
    private volatile Snapshot _current = Snapshot.Empty;
    private long _checkedAtTicks;

    /// <summary>The key's record when it is known, matches and has not expired; otherwise null.</summary>
    public KeyRecord? Authenticate(ApiKey key)
    {
        var keys = Current();
        return keys.ById.TryGetValue(key.Id, out var record) && key.Matches(record.Hash) && !record.ExpiredAt(clock.GetUtcNow())
            ? record
            : null;
    }

    /// <summary>How many keys are loaded (for the start-up log and tests).</summary>
    public int Count => Current().ById.Count;

    private Snapshot Current()
    {
        // Ticks read and written atomically: every call reads them, outside the lock.
        var now = clock.GetUtcNow().UtcTicks;
        var every = options.Value.ReloadEvery.Ticks;
        if (now - Volatile.Read(ref _checkedAtTicks) < every)
        {
            return _current;
        }

        lock (_reload)
        {
            if (now - Volatile.Read(ref _checkedAtTicks) >= every)
            {
                Reload();
                Volatile.Write(ref _checkedAtTicks, now);
            }
        }

        return _current;
    }

    private void Reload()
    {
        var path = options.Value.KeysFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var file = new FileInfo(path);
        var stamp = file.Exists ? (file.LastWriteTimeUtc, file.Length) : (DateTime.MinValue, -1L);
        if (stamp == _current.Stamp)
        {
            return;
        }

        try
        {
            var keys = KeysFile.Read(path);
            _current = new Snapshot(keys.ToDictionary(k => k.Id, StringComparer.Ordinal), stamp);
            logger.LogInformation("Loaded {Count} API keys from {Path}", keys.Count, path);
            if (!file.Exists)
            {
                logger.LogWarning("The keys file {Path} does not exist: every call but health is refused", path);
            }
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            logger.LogError("The keys file could not be read; the previous keys stay in force: {Reason}", e.Message);
        }
    }

    private sealed record Snapshot(Dictionary<string, KeyRecord> ById, (DateTime, long) Stamp)
    {
        public static readonly Snapshot Empty = new([], (DateTime.MinValue, -2L));
    }
}
