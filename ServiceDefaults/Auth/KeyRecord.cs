using System.Text.Json.Serialization;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>
/// One line of the keys file: a key's id, the hash of its secret, and what it may do — read and write one board's
/// data (<see cref="Board"/>), or everything (<see cref="KeyRoles.Admin"/>). A board may hold several keys at once,
/// which is what makes rotation possible without an outage: add the new key, switch the clients, revoke the old one.
/// </summary>
public sealed record KeyRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("board")] string? Board,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("expires")] DateTimeOffset? Expires = null,
    [property: JsonPropertyName("note")] string? Note = null)
{
    [JsonIgnore]
    public bool IsAdmin => Role == KeyRoles.Admin;

    public bool ExpiredAt(DateTimeOffset now) => Expires is { } e && e <= now;
}

public static class KeyRoles
{
    public const string Admin = "admin";
    public const string Board = "board";
}
