using System.Text.Json;
using System.Text.Json.Serialization;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>
/// The keys file: a JSON object <c>{"keys": [ … ]}</c> of <see cref="KeyRecord"/>s. Services only read it; the CLI
/// (<c>uitstroom keys</c>) writes it, replacing the file in one rename so a service never reads half a file.
/// Every problem is reported with the entry it is in, as a wrong keys file locks people out.
/// </summary>
public static class KeysFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<KeyRecord> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: not a keys file ({e.Message})", e);
        }

        var keys = document?.Keys ?? throw new FormatException($"{path}: not a keys file (expected {{\"keys\": [...]}})");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            var k = keys[i];
            var problem = Problem(k);
            if (problem is null && !ids.Add(k.Id))
            {
                problem = "the id is used twice";
            }

            if (problem is not null)
            {
                throw new FormatException($"{path}: key {i + 1} ({k?.Id ?? "no id"}): {problem}");
            }
        }

        return keys;
    }

    /// <summary>Replaces the file: written beside it with owner-only permissions, then renamed over it.</summary>
    public static void Write(string path, IReadOnlyList<KeyRecord> keys)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Hashes are not keys, but there is no reason for anyone else to read which boards have access.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, new Document([.. keys]), Json);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Five digits, as the registry writes board numbers (leading zeros kept).</summary>
    public static bool IsBoardNumber(string? text) => text is { Length: 5 } && text.All(char.IsAsciiDigit);

    private static string? Problem(KeyRecord? k) => k switch
    {
        null => "empty entry",
        { Id: not { Length: 12 } } => "id must be 12 hex characters",
        { Hash: not { Length: 64 } } => "hash must be a 64-character hex SHA-256",
        { Role: KeyRoles.Admin, Board: not null } => "an admin key has no board",
        { Role: KeyRoles.Board } when !IsBoardNumber(k.Board) => $"board '{k.Board}' is not a five-digit BGNR",
        { Role: not (KeyRoles.Admin or KeyRoles.Board) } => $"role '{k.Role}' is neither admin nor board",
        _ => null,
    };

    private sealed record Document([property: JsonPropertyName("keys")] List<KeyRecord>? Keys);
}
