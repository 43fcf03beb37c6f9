using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Service.Tests.Security;

/// <summary>The keys file as the services read it: hashes only, rotation without restart, bad files survived.</summary>
public sealed class KeyStoreTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"uitstroom-keystore-{Guid.NewGuid():N}.json");
    private readonly Clock _clock = new();

    public void Dispose() => File.Delete(_file);

    private KeyStore Store() => new(Options.Create(new AuthOptions { KeysFile = _file }), _clock, NullLogger<KeyStore>.Instance);

    private static KeyRecord Record(ApiKey key, string? board = "90001", DateTimeOffset? expires = null) =>
        new(key.Id, key.Hash(), board is null ? KeyRoles.Admin : KeyRoles.Board, board, DateTimeOffset.UnixEpoch, expires);

    [Fact]
    public void The_keys_file_holds_the_hash_of_a_key_and_never_its_secret()
    {
        var key = ApiKey.New();
        KeysFile.Write(_file, [Record(key)]);

        var text = File.ReadAllText(_file);

        text.ShouldContain(key.Id);
        text.ShouldNotContain(key.Secret);
        Store().Authenticate(key)!.Board.ShouldBe("90001");
    }

    [Fact]
    public void Rotation_add_new_then_revoke_old_works_without_a_restart()
    {
        var (old, fresh) = (ApiKey.New(), ApiKey.New());
        KeysFile.Write(_file, [Record(old)]);
        var store = Store();
        store.Authenticate(old).ShouldNotBeNull();

        KeysFile.Write(_file, [Record(old), Record(fresh)]);
        File.SetLastWriteTimeUtc(_file, DateTime.UtcNow.AddSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(3));
        store.Authenticate(old).ShouldNotBeNull();
        store.Authenticate(fresh).ShouldNotBeNull();

        KeysFile.Write(_file, [Record(fresh)]);
        File.SetLastWriteTimeUtc(_file, DateTime.UtcNow.AddSeconds(2));
        _clock.Advance(TimeSpan.FromSeconds(3));
        store.Authenticate(old).ShouldBeNull();
        store.Authenticate(fresh).ShouldNotBeNull();
    }

    [Fact]
    public void An_expired_key_is_refused()
    {
        var key = ApiKey.New();
        KeysFile.Write(_file, [Record(key, expires: _clock.GetUtcNow().AddMinutes(1))]);
        var store = Store();
        store.Authenticate(key).ShouldNotBeNull();

        _clock.Advance(TimeSpan.FromMinutes(2));

        store.Authenticate(key).ShouldBeNull();
    }

    [Fact]
    public void A_broken_keys_file_keeps_the_last_good_keys_instead_of_locking_everyone_out()
    {
        var key = ApiKey.New();
        KeysFile.Write(_file, [Record(key)]);
        var store = Store();
        store.Authenticate(key).ShouldNotBeNull();

        File.WriteAllText(_file, "{\"keys\": [ {\"id\": ");
        File.SetLastWriteTimeUtc(_file, DateTime.UtcNow.AddSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(3));

        store.Authenticate(key).ShouldNotBeNull();
    }

    [Fact]
    public void A_keys_file_entry_with_a_malformed_board_is_named_in_the_error()
    {
        File.WriteAllText(_file, """{"keys": [{"id": "abcdefabcdef", "hash": "%%", "role": "board", "board": "9x", "created": "2026-01-01T00:00:00Z"}]}""");

        Should.Throw<FormatException>(() => KeysFile.Read(_file)).Message.ShouldContain("key 1 (abcdefabcdef)");
    }

    [Theory]
    [InlineData("uit_abc_def")]
    [InlineData("uit_ABCDEFABCDEF_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("key_abcdefabcdef_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    public void Only_the_documented_key_format_is_read_as_a_key(string text) =>
        ApiKey.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void A_new_key_reads_back_as_itself() =>
        ApiKey.TryParse(ApiKey.New().ToString(), out _).ShouldBeTrue();

    private sealed class Clock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
