using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.ML;
using Uitstroom.Predict.Schools;
using Uitstroom.Predict.Training;

namespace Uitstroom.Predict.Models;

/// <summary>
/// Model versions on disk: <c>{ModelsPath}/{version}/</c> holds the two Microsoft.ML learners (<c>1f.zip</c>,
/// <c>streef.zip</c>) and <c>model.json</c> (what the version is, its calibrators, school swing and backtest figures).
/// The current version is the newest; a loaded model is kept in memory, as it is read on every forecast.
/// </summary>
public sealed class ModelStore(IOptions<ModelStoreOptions> options)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly Lock gate = new();
    private ForecastModel? current;

    private string Root => Path.GetFullPath(options.Value.ModelsPath);

    public void Save(ForecastModel model)
    {
        var folder = Path.Combine(Root, model.Info.Version);
        // Written to a temporary folder and moved into place, so a half-written version is never listed.
        var staging = folder + ".tmp";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        var ml = new MLContext();
        ml.Model.Save(model.Fundamental.Transformer, model.Fundamental.InputSchema, Path.Combine(staging, "1f.zip"));
        ml.Model.Save(model.Streef.Transformer, model.Streef.InputSchema, Path.Combine(staging, "streef.zip"));
        var file = new ModelFile(model.Info, model.Fundamental.Calibrator, model.Streef.Calibrator, model.SwingFundamental, model.SwingStreef);
        File.WriteAllText(Path.Combine(staging, "model.json"), JsonSerializer.Serialize(file, Json));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.Move(staging, folder);
        lock (gate)
        {
            current = model;
        }
    }

    /// <summary>Every stored version, newest first.</summary>
    public IReadOnlyList<ModelInfo> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(Root)
            .Where(d => !d.EndsWith(".tmp", StringComparison.Ordinal) && File.Exists(Path.Combine(d, "model.json")))
            .Select(d => ReadFile(d).Info)
            .OrderByDescending(i => i.CreatedUtc)];
    }

    /// <summary>The newest version, or null when none has been trained.</summary>
    public ForecastModel? Current()
    {
        lock (gate)
        {
            if (current is not null)
            {
                return current;
            }
        }

        var all = List();
        var newest = all.Count > 0 ? all[0] : null;
        if (newest is null)
        {
            return null;
        }

        var loaded = Load(newest.Version);
        lock (gate)
        {
            current ??= loaded;
            return current;
        }
    }

    public ForecastModel Load(string version)
    {
        var folder = Path.Combine(Root, version);
        var file = ReadFile(folder);
        var ml = new MLContext();
        var fundamental = ml.Model.Load(Path.Combine(folder, "1f.zip"), out var schemaF);
        var streef = ml.Model.Load(Path.Combine(folder, "streef.zip"), out var schemaS);
        return new ForecastModel(
            file.Info,
            new BinaryModel(ml, fundamental, schemaF, file.CalibratorFundamental),
            new BinaryModel(ml, streef, schemaS, file.CalibratorStreef),
            file.SwingFundamental,
            file.SwingStreef);
    }

    private static ModelFile ReadFile(string folder) =>
        JsonSerializer.Deserialize<ModelFile>(File.ReadAllText(Path.Combine(folder, "model.json")), Json)
        ?? throw new InvalidDataException($"{folder}/model.json is empty");

    private sealed record ModelFile(
        ModelInfo Info,
        CalibratorSet CalibratorFundamental,
        CalibratorSet CalibratorStreef,
        SchoolSwing SwingFundamental,
        SchoolSwing SwingStreef);
}
