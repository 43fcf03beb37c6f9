using System.Text;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Uitstroom.Ingest.Importing;
using Uitstroom.Ingest.Store;

namespace Uitstroom.Service.Tests.Ingest;

/// <summary>
/// Results are keyed by an integer pupil id; the pupil key (the keyed hash) lives once, in <c>pupil</c>
/// (migration 0005, docs/ingest-performance.md). A store filled before it moves across whole, and imports, even two
/// at once, give every pupil exactly one id.
/// </summary>
public sealed class PupilIdTests
{
    private static readonly PupilKeys Keys = new(Encoding.UTF8.GetBytes("test-secret-of-sufficient-length"));

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task A_store_filled_under_migration_4_keeps_every_result_and_each_pupil_gets_one_id(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await MigrationRunner.MigrateAsync(store.Factory, NullLogger.Instance, CancellationToken.None, upToVersion: 4);
        var p1 = Keys.Key("41565", "p1");
        var p9 = Keys.Key("41565", "p9");
        var outflowOnly = Keys.Key("41565", "p8");
        await using (var connection = await store.Factory.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO lvs_result (pupil_key, school_year, moment, subject, brin, vestiging, groep, provider, score, percentile,
                                        niveau, reported_level, taken_on, effective_date, uniform, norm_version, import_id)
                VALUES (@p1, 2025, 'M6', 'rekenen', '00AP', 0, 6, 'CITO', 231.5, 55, 'III', NULL, '2026-01-28', '2026-01-28', 180.5, 2, 7),
                       (@p9, 2023, 'M8', 'rekenen', '00AP', 1, 8, 'IEP', 70.5, NULL, NULL, NULL, NULL, '2024-01-20', NULL, NULL, 6),
                       (@p9, 2023, 'M8', 'lezen', '00AP', 1, 8, 'IEP', 72.5, NULL, NULL, NULL, NULL, '2024-01-20', NULL, NULL, 6)
                """, new { p1, p9 });
            await connection.ExecuteAsync(
                """
                INSERT INTO outflow_result (pupil_key, school_year, subject, brin, vestiging, provider, level, exempt, import_id)
                VALUES (@p9, 2023, 'rekenen', '00AP', 1, 'IEP', '2F', 0, 6),
                       (@outflowOnly, 2023, 'lezen', '00AP', 1, 'IEP', NULL, 1, 6)
                """, new { p9, outflowOnly });
        }

        await MigrationRunner.MigrateAsync(store.Factory, NullLogger.Instance, CancellationToken.None);

        await using (var connection = await store.Factory.OpenAsync(CancellationToken.None))
        {
            var pupils = (await connection.QueryAsync<(long Id, string Key)>("SELECT pupil_id, pupil_key FROM pupil ORDER BY pupil_id")).ToList();
            pupils.Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(new[] { p1, p9, outflowOnly }.Order(StringComparer.Ordinal));
            pupils.Select(p => p.Id).ShouldBe([1L, 2L, 3L]);
            (await connection.QueryAsync<string>(
                """
                SELECT p.pupil_key || '|' || r.school_year || '|' || r.moment || '|' || r.subject || '|' || r.vestiging || '|' || r.provider || '|' ||
                       CAST(r.score AS TEXT) || '|' || COALESCE(CAST(r.uniform AS TEXT), '-') || '|' || COALESCE(CAST(r.norm_version AS TEXT), '-') || '|' || r.import_id
                FROM lvs_result r JOIN pupil p ON p.pupil_id = r.pupil_id
                """)).Order(StringComparer.Ordinal).ShouldBe(new[]
            {
                $"{p1}|2025|M6|rekenen|0|CITO|231.5|180.5|2|7",
                $"{p9}|2023|M8|lezen|1|IEP|72.5|-|-|6",
                $"{p9}|2023|M8|rekenen|1|IEP|70.5|-|-|6",
            }.Order(StringComparer.Ordinal));
            (await connection.QueryAsync<string>(
                """
                SELECT p.pupil_key || '|' || r.subject || '|' || COALESCE(r.level, '-') || '|' || r.exempt
                FROM outflow_result r JOIN pupil p ON p.pupil_id = r.pupil_id
                """)).Order(StringComparer.Ordinal).ShouldBe(new[] { $"{p9}|rekenen|2F|0", $"{outflowOnly}|lezen|-|1" }.Order(StringComparer.Ordinal));

            // The keyed hash is stored in one place only (docs/privacy.md).
            ((IDictionary<string, object>)await connection.QueryFirstAsync("SELECT * FROM lvs_result")).Keys.ShouldNotContain("pupil_key");
            ((IDictionary<string, object>)await connection.QueryFirstAsync("SELECT * FROM outflow_result")).Keys.ShouldNotContain("pupil_key");
        }

        // An import after the move finds p1 under its id and numbers the new pupils after the highest one.
        await using var host = store.Host();
        var channel = host.Channel();
        (await channel.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");
        (await channel.ImportAsync("lvs.csv", Files.Lvs(Files.ValidLvs))).Report.Outcome.ShouldBe("committed");
        await using (var connection = await store.Factory.OpenAsync(CancellationToken.None))
        {
            var ids = (await connection.QueryAsync<(long Id, string Key)>("SELECT pupil_id, pupil_key FROM pupil")).ToDictionary(p => p.Key, p => p.Id);
            ids.Count.ShouldBe(5);
            ids[Keys.Key("41565", "p2")].ShouldBeGreaterThan(3);
            ids[Keys.Key("41565", "p3")].ShouldBeGreaterThan(3);
            (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM lvs_result WHERE pupil_id = @id", new { id = ids[p1] })).ShouldBe(2);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Kinds), MemberType = typeof(TestStore))]
    public async Task Two_imports_at_once_give_every_pupil_one_id_and_every_result_a_pupil(string kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = store.Host();
        var channel = host.Channel();
        (await channel.ImportAsync("scholen.csv", Files.Schools)).Report.Outcome.ShouldBe("committed");
        // The same 300 pupils of one board in both files (school 0 in one moment, school 1 in another), plus 300 of
        // each file's own: whichever import takes the lock second must find the shared pupils' ids, not add them again.
        static string File(int vestiging, string moment, string own) => Files.Lvs([.. Enumerable.Range(0, 300)
            .SelectMany(i => new[] { $"00AP;{vestiging};shared{i};2025-2026;6;{moment};;CITO;rekenen;231;50;III", $"00AP;{vestiging};{own}{i};2025-2026;6;{moment};;CITO;rekenen;231;50;III" })]);

        var imports = await Task.WhenAll(
            channel.ImportAsync("a.csv", File(0, "M6", "a")),
            channel.ImportAsync("b.csv", File(1, "E6", "b")));

        imports.ShouldAllBe(i => i.Report.Outcome == "committed" && i.Report.RowsAccepted == 600);
        await using var connection = await store.Factory.OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pupil")).ShouldBe(900);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT pupil_key) FROM pupil")).ShouldBe(900);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM lvs_result r WHERE NOT EXISTS (SELECT 1 FROM pupil p WHERE p.pupil_id = r.pupil_id)")).ShouldBe(0);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT pupil_id) FROM lvs_result")).ShouldBe(900);
    }
}
