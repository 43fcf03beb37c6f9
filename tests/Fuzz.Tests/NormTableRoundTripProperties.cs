using System.Text;
using FsCheck.Xunit;
using Uitstroom.Domain.Norms;
using Uitstroom.Domain.Vocabulary;
using Uitstroom.Fuzz;

namespace Uitstroom.Fuzz.Tests;

/// <summary>What <see cref="NormTableWriter"/> writes, <see cref="NormTableReader"/> reads back as the same table.</summary>
public sealed class NormTableRoundTripProperties
{
    private const string ProviderChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    [Property(MaxTest = 500)]
    public void A_written_norm_table_reads_back_unchanged(int seed)
    {
        var table = RandomTable(new Random(seed));

        var read = NormTableReader.Read(new StringReader(NormTableWriter.Write(table)), "round-trip.csv");

        Same(read, table);
    }

    [Fact]
    public void Every_seed_norm_table_survives_a_write_and_read()
    {
        foreach (var seed in Targets.NormTable.Seeds)
        {
            var table = NormTableReader.Read(new StringReader(Encoding.UTF8.GetString(seed)), "seed.csv");
            Same(NormTableReader.Read(new StringReader(NormTableWriter.Write(table)), "again.csv"), table);
        }
    }

    private static void Same(NormTable read, NormTable table)
    {
        read.Provider.ShouldBe(table.Provider);
        read.Version.ShouldBe(table.Version);
        read.Source.ShouldBe(table.Source);
        read.Illustrative.ShouldBe(table.Illustrative);
        read.Scale.ShouldBe(table.Scale);
        read.ScoreMin.ShouldBe(table.ScoreMin);
        read.ScoreMax.ShouldBe(table.ScoreMax);
        read.Cuts.ShouldBe(table.Cuts);
    }

    private static NormTable RandomTable(Random random)
    {
        double Number() => Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 7)), random.Next(0, 16));
        // Printable text only: the writer turns line breaks (including NEL, U+0085) into spaces by design.
        string Text(int max) => new([.. Enumerable.Range(0, random.Next(1, max)).Select(_ => (char)random.Next(33, 0x2FF)).Where(c => c is < '\u007F' or > '\u009F')]);

        var rows = TestMoment.All.SelectMany(m => Subjects.All.Select(s => (s, m)))
            .Where(_ => random.Next(3) == 0).DefaultIfEmpty((Subject.Rekenen, TestMoment.Parse("M8")));
        var withNorms = random.Next(2) == 0;
        var cuts = rows.Select(r =>
        {
            var fundamental = Number();
            var cut = new NormCut(r.Item1, r.Item2, fundamental, fundamental + 0.001 + Math.Abs(Number()));
            return withNorms && random.Next(4) > 0 ? cut with { NormMean = Number(), NormSd = 0.01 + Math.Abs(Number()) } : cut;
        }).ToList();
        var min = random.Next(2) == 0 ? (double?)null : Number();
        var max = min is { } m && random.Next(2) == 0 ? m + 1 + Math.Abs(Number()) : (double?)null;
        return new NormTable(
            new string([.. Enumerable.Range(0, random.Next(1, 41)).Select(_ => ProviderChars[random.Next(ProviderChars.Length)])]),
            random.Next(1, int.MaxValue), Text(200).Trim() is { Length: > 0 } source ? source : "s", random.Next(2) == 0, cuts)
        {
            Scale = random.Next(2) == 0 ? "" : Text(40).Trim(),
            ScoreMin = min,
            ScoreMax = max,
        };
    }
}
