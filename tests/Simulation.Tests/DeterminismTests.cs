using System.Security.Cryptography;
using Uitstroom.Simulation.Output;

namespace Uitstroom.Simulation.Tests;

public class DeterminismTests
{
    private static Dictionary<string, string> Write(int seed, TempFolder folder, int batchSize)
    {
        var world = World.Generate(new SimulationOptions { Seed = seed, Schools = 24 });
        new WorldWriter(folder.Path, lvsTruth: true, batchSize: batchSize).Write(world);
        return Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder.Path, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
    }

    [Fact]
    public void Two_runs_with_the_same_seed_write_byte_identical_files_even_with_different_parallel_batches()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var first = Write(42, a, batchSize: 64);
        var second = Write(42, b, batchSize: 5);

        first.Count.ShouldBeGreaterThan(20);
        second.Keys.Order().ShouldBe(first.Keys.Order());
        foreach (var (file, hash) in first)
        {
            second[file].ShouldBe(hash, $"{file} differs between two runs with seed 42");
        }
    }

    [Fact]
    public void Another_seed_gives_another_world()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        var first = Write(1, a, 64);
        var second = Write(2, b, 64);
        first["doorstroomtoets/2024-2025.csv"].ShouldNotBe(second["doorstroomtoets/2024-2025.csv"]);
    }

    [Fact]
    public void A_school_drawn_alone_equals_the_same_school_drawn_in_the_stream()
    {
        var world = World.Generate(new SimulationOptions { Seed = 9, Schools = 12 });
        var streamed = world.Schools(batchSize: 4).ElementAt(7);
        var alone = world.School(7);
        alone.Pupils.Count.ShouldBe(streamed.Pupils.Count);
        alone.Pupils.SelectMany(p => p.Tests).Select(t => t.Score)
            .ShouldBe(streamed.Pupils.SelectMany(p => p.Tests).Select(t => t.Score));
    }
}
