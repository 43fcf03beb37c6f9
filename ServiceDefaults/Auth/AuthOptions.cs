namespace Uitstroom.ServiceDefaults.Auth;

/// <summary>Configuration section <c>Auth</c>: where the keys are, and the key for work no caller asked for.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The keys file (JSON of hashes). Required: without it nothing but health answers.</summary>
    public string? KeysFile { get; set; }

    /// <summary>
    /// An admin key this service uses when it calls another service outside any incoming request (background work).
    /// Calls made while serving a request forward that caller's credential instead, so scope is never widened.
    /// </summary>
    public string? ServiceKey { get; set; }

    /// <summary>How often the keys file is checked for changes; a rotated key works (or stops working) this soon.</summary>
    public TimeSpan ReloadEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Where a browser without a credential is sent (Reporting sets its login page); null = plain 401.</summary>
    public string? LoginPath { get; set; }
}
