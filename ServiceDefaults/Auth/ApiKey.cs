using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>
/// An API key as a caller presents it: <c>uit_&lt;id&gt;_&lt;secret&gt;</c>. The id is public (it names the key in
/// the keys file and in logs); only the secret's SHA-256 is ever stored. A plain hash suffices, and a slow one would
/// only cost every call time: the secret is 256 random bits, so there is nothing to guess that a dictionary holds.
/// </summary>
public sealed record ApiKey(string Id, string Secret)
{
    public const string Prefix = "uit";
    private const int IdBytes = 6;
    private const int SecretBytes = 32;

    public static ApiKey New() =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes)),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretBytes)));

    public static bool TryParse(string? text, [NotNullWhen(true)] out ApiKey? key)
    {
        key = null;
        var parts = text?.Trim().Split('_');
        if (parts is not [Prefix, { Length: IdBytes * 2 } id, { Length: SecretBytes * 2 } secret]
            || !id.All(char.IsAsciiHexDigitLower) || !secret.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        key = new ApiKey(id, secret);
        return true;
    }

    /// <summary>What the keys file stores: the lower-case hex SHA-256 of the secret.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Secret)));

    /// <summary>Constant time, so the answer's timing says nothing about how much of a guess was right.</summary>
    public bool Matches(string storedHash)
    {
        var mine = Encoding.ASCII.GetBytes(Hash());
        var stored = Encoding.ASCII.GetBytes(storedHash.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(mine, stored);
    }

    /// <summary>The full key, to hand to its owner once. Never logged.</summary>
    public override string ToString() => $"{Prefix}_{Id}_{Secret}";
}
