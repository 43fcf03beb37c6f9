using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Uitstroom.ServiceDefaults.Auth;

namespace Uitstroom.Cli.Commands;

/// <summary>
/// <c>uitstroom keys create|list|revoke</c>: manages the keys file the services read (Auth:KeysFile). Works on the
/// file, not through a service, so the first admin key can be made before anything runs. A new key is printed once
/// and only its hash is stored; the services pick up a change within seconds (docs/security.md, rotation).
/// </summary>
internal static class KeysCommand
{
    private static readonly Option<FileInfo> KeysFileOption = new("--keys-file")
    {
        Description = "the keys file (env UITSTROOM_KEYS_FILE; default data/auth/keys.json)",
        Recursive = true,
        DefaultValueFactory = _ => new FileInfo(Environment.GetEnvironmentVariable("UITSTROOM_KEYS_FILE") ?? "data/auth/keys.json"),
    };

    public static Command Create() => new("keys", "Create, list and revoke API keys (the keys file of hashes).")
    {
        KeysFileOption,
        CreateCommand(),
        ListCommand(),
        RevokeCommand(),
    };

    private static Command CreateCommand()
    {
        var board = new Option<string?>("--board") { Description = "a key for this board (BGNR): its own schools, pupils, forecasts and reports" };
        var admin = new Option<bool>("--admin") { Description = "a platform-admin key: every board, training, public data, norm tables" };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "the key stops working at this moment (e.g. 2027-08-01)" };
        var note = new Option<string?>("--note") { Description = "who or what the key is for (shown by keys list)" };
        var output = new Option<FileInfo?>("--out") { Description = "write the key to this file (owner-only) instead of printing it" };
        var command = new Command("create", "Make a key, print it once, and store only its hash.") { board, admin, expires, note, output };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var forBoard = parse.GetValue(board);
            if (parse.GetValue(admin) == forBoard is not null)
            {
                throw new ArgumentException("give exactly one of --board BGNR or --admin");
            }

            var bgnr = forBoard is null ? null : Domain.Vocabulary.BoardNumber.Parse(forBoard);
            var file = parse.GetValue(KeysFileOption)!.FullName;
            var keys = KeysFile.Read(file).ToList();
            var key = ApiKey.New();
            keys.Add(new KeyRecord(key.Id, key.Hash(), bgnr is null ? KeyRoles.Admin : KeyRoles.Board, bgnr,
                DateTimeOffset.UtcNow, parse.GetValue(expires), parse.GetValue(note)));
            if (parse.GetValue(output) is { } target)
            {
                WriteOwnerOnly(target.FullName, key.ToString());
            }

            KeysFile.Write(file, keys);
            if (parse.GetValue(output) is { } written)
            {
                Console.Error.WriteLine($"key {key.Id} ({(bgnr is null ? "admin" : $"board {bgnr}")}) written to {written.FullName}");
            }
            else
            {
                // The key alone on stdout, so scripts can capture it; it is not stored anywhere and cannot be shown again.
                Console.WriteLine(key.ToString());
                Console.Error.WriteLine($"key {key.Id} ({(bgnr is null ? "admin" : $"board {bgnr}")}) added to {file}; keep it now, it is not shown again");
            }

            return Task.CompletedTask;
        }));
        return command;
    }

    private static Command ListCommand()
    {
        var command = new Command("list", "List the keys (ids, roles, boards, dates; never secrets).");
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var c = CultureInfo.InvariantCulture;
            var table = new Table().AddColumns("id", "rol", "bestuur", "aangemaakt", "verloopt", "notitie");
            foreach (var k in KeysFile.Read(parse.GetValue(KeysFileOption)!.FullName))
            {
                table.AddRow(k.Id, k.Role, k.Board ?? "–", k.Created.ToString("yyyy-MM-dd HH:mm", c),
                    k.Expires?.ToString("yyyy-MM-dd HH:mm", c) ?? "–", Markup.Escape(k.Note ?? ""));
            }

            AnsiConsole.Write(table);
            return Task.CompletedTask;
        }));
        return command;
    }

    private static Command RevokeCommand()
    {
        var id = new Argument<string>("id") { Description = "the key's id (the part after uit_, as keys list shows it)" };
        var command = new Command("revoke", "Remove a key: every service refuses it within seconds.") { id };
        command.SetAction((parse, _) => CliRunner.RunAsync(() =>
        {
            var file = parse.GetValue(KeysFileOption)!.FullName;
            var keys = KeysFile.Read(file).ToList();
            var which = parse.GetValue(id)!.Trim();
            if (keys.RemoveAll(k => k.Id == which) == 0)
            {
                throw new ArgumentException($"no key with id '{which}' in {file}");
            }

            KeysFile.Write(file, keys);
            Console.Error.WriteLine($"key {which} revoked in {file}");
            return Task.CompletedTask;
        }));
        return command;
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(new FileStream(path, options));
        writer.WriteLine(text);
    }
}
