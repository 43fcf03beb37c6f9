using System.Security.Cryptography;
using System.Text;

namespace Uitstroom.Ingest.Importing;

/// <summary>
/// Turns a school's own pupil identifier into the store's pupil key: HMAC-SHA256 under the deployment secret,
/// over the board number and the identifier, truncated to 128 bits and written as hex. Without the secret the
/// database does not identify a pupil (a dictionary attack on leerlingnummers needs the secret); with it, a caller
/// that knows its own identifiers can find its pupils again (docs/privacy.md).
/// </summary>
public sealed class PupilKeys(byte[] secret)
{
    public const string SecretSetting = "Uitstroom:PupilKeySecret";

    public string Key(string bgnr, ReadOnlySpan<char> pupilId)
    {
        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(bgnr.Length + pupilId.Length + 1)];
        var n = Encoding.UTF8.GetBytes(bgnr, input);
        input[n++] = (byte)'\n';
        n += Encoding.UTF8.GetBytes(pupilId, input[n..]);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secret, input[..n], mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    /// <summary>
    /// The configured secret, or for development a random one kept in <c>pupil-key.secret</c> in the data folder
    /// (beside the SQLite file). Losing that file makes every stored key unreachable by the schools' own identifiers.
    /// </summary>
    public static PupilKeys FromConfiguration(IConfiguration configuration, string dataFolder)
    {
        if (configuration[SecretSetting] is { Length: > 0 } configured)
        {
            if (configured.Length < 16)
            {
                throw new InvalidOperationException($"{SecretSetting} is too short: give at least 16 characters (32 random bytes in base64 is best)");
            }

            return new PupilKeys(Encoding.UTF8.GetBytes(configured));
        }

        Directory.CreateDirectory(dataFolder);
        var file = Path.Combine(dataFolder, "pupil-key.secret");
        if (!File.Exists(file))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process created it first; use theirs.
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return new PupilKeys(Encoding.UTF8.GetBytes(File.ReadAllText(file).Trim()));
    }
}
