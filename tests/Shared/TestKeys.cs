using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace Uitstroom.Tests;

/// <summary>
/// API keys for tests (docs/security.md). Every service refuses calls without a key, so each test process gets one
/// keys file with an admin key, named to every in-process host through the environment (<c>Auth__KeysFile</c>),
/// and <see cref="Handler"/> sends that key. Written here from the documented format (id, SHA-256 of the secret,
/// role, board), not with the services' own code, so a change to the format breaks the tests too.
/// Security tests make their own files with board keys (<see cref="KeySet"/>).
/// </summary>
public static class TestKeys
{
    public static KeySet Default { get; } = KeySet.Create(admin: true);

    /// <summary>The default admin key, as a caller presents it.</summary>
    public static string Admin => Default.AdminKey!;

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "every in-process host of the test assembly must see the keys file before it starts")]
    internal static void NameTheKeysFileToEveryHost()
    {
        Environment.SetEnvironmentVariable("Auth__KeysFile", Default.File);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Default.Dispose();
    }

    /// <summary>A handler that sends <paramref name="key"/> (default: the admin key) with every request.</summary>
    /// <remarks>Without <paramref name="inner"/> the handler is left open, for WebApplicationFactory.CreateDefaultClient.</remarks>
    public static DelegatingHandler Handler(HttpMessageHandler? inner, string? key = null) =>
        inner is null ? new BearerHandler(key ?? Admin) : new BearerHandler(key ?? Admin) { InnerHandler = inner };
}

/// <summary>A keys file of its own: an admin key and/or one key per board, all made before a host reads the file.</summary>
public sealed class KeySet : IDisposable
{
    private readonly Dictionary<string, string> _boards = [];

    private KeySet(string file) => File = file;

    public string File { get; }

    public string? AdminKey { get; private set; }

    /// <summary>The key of <paramref name="bgnr"/> (created with the set).</summary>
    public string Board(string bgnr) => _boards[bgnr];

    public static KeySet Create(bool admin, params string[] boards)
    {
        var set = new KeySet(Path.Combine(Path.GetTempPath(), $"uitstroom-keys-{Guid.NewGuid():N}.json"));
        var entries = new List<string>();
        if (admin)
        {
            set.AdminKey = NewKey(out var entry, "admin", null);
            entries.Add(entry);
        }

        foreach (var board in boards)
        {
            set._boards[board] = NewKey(out var entry, "board", board);
            entries.Add(entry);
        }

        System.IO.File.WriteAllText(set.File, $$"""{"keys": [{{string.Join(",", entries)}}]}""");
        return set;
    }

    public void Dispose() => System.IO.File.Delete(File);

    private static string NewKey(out string entry, string role, string? board)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));
        var boardField = board is null ? "" : $$""", "board": "{{board}}" """;
        entry = $$"""{"id": "{{id}}", "hash": "{{hash}}", "role": "{{role}}"{{boardField}}, "created": "2026-12-04T00:00:00Z"}""";
        return $"uit_{id}_{secret}";
    }
}
