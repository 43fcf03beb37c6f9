namespace Uitstroom.Predict.Models;

/// <summary>Where model versions live on disk: <c>Predict:ModelsPath</c>, one folder per version.</summary>
public sealed class ModelStoreOptions
{
    public const string Section = "Predict";

    public string ModelsPath { get; set; } = "data/models";
}
