using Microsoft.Extensions.Options;
using Uitstroom.Predict.Forecasting;
using Uitstroom.Predict.Models;
using Uitstroom.Predict.Tests.Simulated;
using Uitstroom.Predict.Training;
using Uitstroom.Simulation;

namespace Uitstroom.Predict.Tests.Caching;

/// <summary>The simulated 31-school demo board and a model trained on it, stored in a temporary models folder.</summary>
public sealed class DemoBoardFixture : IDisposable
{
    public DemoBoardFixture()
    {
        Data = SimulatedHistories.Generate(SimulationOptions.Demo(3));
        Bgnr = Data.Schools.Values.First().Bestuur;
        Board = new BoardData(Bgnr, 1, [.. Data.Schools.Values], Data.Histories);
        var model = ModelTrainer.Train(Data.Histories, new TrainingOptions { MaxRowsPerTarget = 60_000 }, "test-demo");
        new ModelStore(Options.Create(new ModelStoreOptions { ModelsPath = ModelsPath })).Save(model);
    }

    public SimulatedHistories Data { get; }

    public string Bgnr { get; }

    public BoardData Board { get; }

    public string ModelsPath { get; } = Path.Combine(Path.GetTempPath(), $"uitstroom-models-{Guid.NewGuid():N}");

    public string Peildatum => Data.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(ModelsPath, recursive: true);
}
