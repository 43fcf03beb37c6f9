using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Uitstroom.Simulation.Output;

/// <summary>What a write produced, for the command's summary line and the benchmark.</summary>
public sealed record WriteSummary(int Schools, long Pupils, long LvsRows, long OutflowRows, long Characters, TimeSpan Elapsed);

/// <summary>
/// Writes a world to a folder in the product's import formats, streaming: schools are drawn and rendered in
/// parallel batches and appended in index order, so memory stays bounded and the files are byte-identical for a seed.
/// </summary>
public sealed class WorldWriter(string directory, bool lvsTruth = true, int batchSize = 32)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes everything; <paramref name="observe"/> sees every school in order (e.g. the realism check).</summary>
    public WriteSummary Write(World world, Action<SimulatedSchool>? observe = null, IProgress<int>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(directory);
        WriteRegistry(world);
        var renderer = new SchoolRenderer(world.Options, lvsTruth);
        long pupils = 0, lvsRows = 0, outflowRows = 0;
        using var files = new OutputFiles(directory);
        var plans = world.Plans;
        Task<(SimulatedSchool, SchoolRender)[]>? next = null;
        for (var start = 0; start < plans.Count; start += batchSize)
        {
            // Draw and render the next batch while this one is written: two batches in memory at most.
            var current = next ?? Draw(world, renderer, start);
            next = start + batchSize < plans.Count ? Draw(world, renderer, start + batchSize) : null;
            foreach (var (school, render) in current.GetAwaiter().GetResult())
            {
                foreach (var (path, shape, text) in render.Files)
                {
                    files.Append(path, shape, text);
                }

                pupils += school.Pupils.Count;
                foreach (var pupil in school.Pupils)
                {
                    lvsRows += pupil.Tests.Count;
                    if (pupil.OutflowYear is { } y && y < world.Options.CurrentYear && y >= world.Options.FirstYear)
                    {
                        outflowRows += pupil.Outflow.Count;
                    }
                }

                observe?.Invoke(school);
                progress?.Report(school.Index + 1);
            }
        }

        var characters = files.Bytes;
        return new WriteSummary(plans.Count, pupils, lvsRows, outflowRows, characters, clock.Elapsed);
    }

    private Task<(SimulatedSchool, SchoolRender)[]> Draw(World world, SchoolRenderer renderer, int start) => Task.Run(() =>
    {
        var count = Math.Min(batchSize, world.Plans.Count - start);
        var batch = new (SimulatedSchool, SchoolRender)[count];
        Parallel.For(0, count, i =>
        {
            var school = world.School(start + i);
            batch[i] = (school, renderer.Render(school));
        });
        return batch;
    });

    private void WriteRegistry(World world)
    {
        // scholen.csv as a board's administration keeps it (";" and decimal comma); the schoolweging is the
        // Inspectie's three-year mean.
        var scholen = new StringBuilder("bestuur;brin;vestiging;naam;schoolweging\n");
        var truth = new StringBuilder("brin,vestiging,lvs,doorstroomtoets,effect_z,trend_z_per_jaar\n");
        foreach (var s in world.Plans)
        {
            scholen.Append(Inv, $"{s.Bestuur};{s.Id.Brin};{s.Id.Vestiging};{s.Name};{s.Schoolweging.ToString("0.00", Inv).Replace('.', ',')}\n");
            truth.Append(Inv, $"{s.Id.Brin},{s.Id.Vestiging},{s.Provider},{s.Doorstroomtoets},{s.Effect:0.0000},{s.TrendPerYear:0.0000}\n");
        }

        var besturen = new StringBuilder("bestuur;naam;aantal_scholen\n");
        foreach (var b in world.Boards)
        {
            besturen.Append(Inv, $"{b.Bestuur};{b.Name};{b.SchoolCount}\n");
        }

        Directory.CreateDirectory(Path.Combine(directory, "truth"));
        File.WriteAllText(Path.Combine(directory, "scholen.csv"), scholen.ToString(), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(directory, "besturen.csv"), besturen.ToString(), new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(directory, "truth", "scholen.csv"), truth.ToString(), new UTF8Encoding(false));
    }
}
